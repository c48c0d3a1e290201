// One competence outcome per competence used, with the experiences it rests on as evidence; a level
// of months / 60, capped at 1. The `cite` answer is cited as given, so tests can try a bad target.
function score(input) {
  const byCompetence = {};
  for (const job of input.answers.jobs || []) {
    for (const id of job.used || []) {
      const entry = byCompetence[id] || (byCompetence[id] = { months: 0, titles: [] });
      entry.months += job.months || 0;
      entry.titles.push(job.title);
    }
  }
  const outcomes = Object.keys(byCompetence).sort().map(id => ({
    type: "competence", target: id, source: "experience",
    level: Math.min(1, byCompetence[id].months / 60), evidence: byCompetence[id].titles.join("; ")
  }));
  if (input.answers.cite) {
    outcomes.push({ type: "competence", target: input.answers.cite, level: 0.5, source: "self-assessment" });
  }
  return { outcomes: outcomes };
}
