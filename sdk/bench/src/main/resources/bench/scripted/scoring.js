// Holland code with a fixed tie rule (hexagon order), and the differentiation of the profile.
const ORDER = ["R", "I", "A", "S", "E", "C"];

function score(input) {
  let answered = 0;
  for (const id in input.answers) {
    if (input.answers[id] !== null) answered++;
  }
  const ranked = ORDER.slice().sort((a, b) => input.scales[b].raw - input.scales[a].raw || ORDER.indexOf(a) - ORDER.indexOf(b));
  const highest = input.scales[ranked[0]].raw;
  const lowest = input.scales[ranked[5]].raw;
  return {
    results: { hollandCode: ranked.slice(0, 3).join(""), differentiation: highest - lowest, answered: answered },
    flags: highest === lowest ? [{ code: "flat-profile", severity: "warning", message: { fr: "Profil plat.", en: "Flat profile." } }] : []
  };
}
