// Adds a scale with a negative score and results that a spreadsheet would read as formulas or numbers.
function score(input) {
  return {
    scales: {
      balance: { label: { fr: "Équilibre", en: "Balance" }, raw: input.scales.I.raw - input.scales.R.raw - 0.5, min: -12.5, max: 11.5 }
    },
    results: { formula: "=1+1", dash: "-2+3", negative: -1.5, negativeText: "-4", at: "@SUM(A1)", tab: "\t=2+2" },
    flags: []
  };
}
