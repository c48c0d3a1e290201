// Reads the shared vocabularies, then tries to change them: every change must fail.
function score(input) {
  const attempts = {
    assign: () => { vocabulary.workValues.independence.label.fr = "Autonomie"; },
    add: () => { vocabulary.riasec.X = { letter: "X" }; },
    remove: () => { delete vocabulary.competences.teamwork; },
    replace: () => { vocabulary = {}; },
  };
  const refused = [];
  for (const name of Object.keys(attempts)) {
    try {
      attempts[name]();
    } catch (error) {
      refused.push(name + ":" + error.name);
    }
  }
  return {
    hexagon: Object.keys(vocabulary.riasec).join(""),
    realistic: vocabulary.riasec.R.label[input.lang],
    independence: vocabulary.workValues.independence.label[input.lang],
    competences: Object.keys(vocabulary.competences).length,
    first: Object.keys(vocabulary.competences)[0],
    listening: vocabulary.competences["active-listening"].label[input.lang],
    cluster: vocabulary.competenceClusters[vocabulary.competences.teamwork.cluster].label[input.lang],
    phase: vocabulary.phases["follow-up"].label[input.lang],
    frozen: Object.isFrozen(vocabulary) && Object.isFrozen(vocabulary.competences.teamwork.label),
    refused,
  };
}
