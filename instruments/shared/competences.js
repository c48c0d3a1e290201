// Included by the scripts of instruments/ that speak of competences (manifest: "scoring": {"include": [...]}).
// The framework comes from the runtime (the frozen global vocabulary), in its own order, which is also the tie
// rule wherever competences are ranked.
const COMPETENCE_IDS = Object.keys(vocabulary.competences);
const ORDER = {};
COMPETENCE_IDS.forEach((id, i) => { ORDER[id] = i; });

// Whether id is a competence of the framework (the runtime lets only those through; this keeps scripts safe).
function isCompetence(id) {
  return typeof id === "string" && Object.prototype.hasOwnProperty.call(ORDER, id);
}

function competenceName(id, language) {
  return vocabulary.competences[id].label[language];
}
