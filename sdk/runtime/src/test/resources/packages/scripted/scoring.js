// Adds the top area, a flag for flat profiles, an interpretation and an extra scale.
const AREAS = ["R", "I", "A"];

function score(input) {
  const ranked = AREAS.slice().sort((a, b) => input.scales[b].raw - input.scales[a].raw || AREAS.indexOf(a) - AREAS.indexOf(b));
  const top = ranked[0];
  const spread = input.scales[ranked[0]].raw - input.scales[ranked[2]].raw;
  const result = {
    scales: {
      spread: { label: { fr: "Écart", en: "Spread" }, raw: spread, min: 0, max: 12 }
    },
    results: { code: ranked.join(""), top: top },
    interpretation: [{ fr: "Votre domaine le plus fort est " + top + ".", en: "Your strongest area is " + top + "." }],
    outcomes: [{ type: "interest", target: top, level: (input.scales[top].raw - 3) / 12 }],
    flags: []
  };
  if (spread === 0) {
    result.flags.push({ code: "flat-profile", severity: "warning", message: { fr: "Profil plat.", en: "Flat profile." } });
  }
  return result;
}
