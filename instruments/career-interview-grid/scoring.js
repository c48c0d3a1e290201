// Scoring script of career-interview-grid: what the declarative scales in manifest.json cannot say.
//
// The runtime has already scored the six work-value scales and the six RIASEC scales (one criterion each,
// rated 0..3; several observers' ratings are averaged) and turned them into work-value and interest
// outcomes. This script:
//   1. turns the evidence entries into competence outcomes with source "observation", whose evidence
//      names the examples and their strength; their level measures how well the examples document the
//      competence (measures "documentation"), not how well it is mastered;
//   2. lists the values and interest areas clearly heard, and the topics not discussed;
//   3. flags competences resting on claims only, observers who disagree, an empty evidence list;
//   4. writes short interpretation paragraphs for the counsellor.
// It is plain ES2020, and deterministic: the same input always gives the same output. The competences' labels
// and order are the runtime's (vocabulary), never copied here. The manifest includes shared/competences.js
// (COMPETENCE_IDS, ORDER, isCompetence, competenceName) and shared/text.js (EVIDENCE_MAX, titleOf, clip, listOf,
// both), found in instruments/shared/ and packed with the package; they run first, in the same scope.
// No regular expressions and few loops: the sandbox's time limit is meant for short scripts.

// Scale id, item id and labels of the topics, in the manifest's order (also their tie rule). The labels are the
// vocabulary's; an interest area's carries its letter.
const VALUES = [
  ["achievement", "value-achievement"],
  ["working-conditions", "value-conditions"],
  ["recognition", "value-recognition"],
  ["relationships", "value-relationships"],
  ["support", "value-support"],
  ["independence", "value-independence"]
].map(([scale, item]) => {
  const label = vocabulary.workValues[scale].label;
  return [scale, item, label.fr, label.en];
});
const AREAS = [
  ["realistic", "interest-r", "R"],
  ["investigative", "interest-i", "I"],
  ["artistic", "interest-a", "A"],
  ["social", "interest-s", "S"],
  ["enterprising", "interest-e", "E"],
  ["conventional", "interest-c", "C"]
].map(([scale, item, letter]) => {
  const label = vocabulary.riasec[letter].label;
  return [scale, item, label.fr + " (" + letter + ")", label.en + " (" + letter + ")", letter];
});

// Points of each strength of evidence (the field's options, 1 to 4).
const STRENGTH = { claimed: 1, illustrated: 2, described: 3, confirmed: 4 };
// Observation level = min(points / 8, cap): two described examples (3 + 3) give 0.75, a described and a
// confirmed one 0.875, two confirmed ones 1. The cap is 1 when at least one example is precise
// (strength 3 or 4), else 0.5: claims and vague examples alone never show more than half the way.
const FULL_POINTS = 8;
const PRECISE = 3;
const CLAIMS_CAP = 0.5;
// A value or an interest rated 2 or more ("clearly expressed") counts as heard.
const HEARD = 2;
// Two observers whose ratings of one topic are 2 or more points apart should compare notes.
const DISAGREEMENT = 2;
const EPSILON = 1e-9;
const TOP = 3;

function meanOf(scales, id) {
  return scales[id] && typeof scales[id].mean === "number" ? scales[id].mean : null;
}

// The topics rated "heard", highest first; equal means keep the manifest's order.
function heard(topics, scales) {
  return topics.filter((topic) => meanOf(scales, topic[0]) !== null && meanOf(scales, topic[0]) >= HEARD - EPSILON)
    .sort((a, b) => {
      const difference = meanOf(scales, b[0]) - meanOf(scales, a[0]);
      return Math.abs(difference) > EPSILON ? difference : topics.indexOf(a) - topics.indexOf(b);
    });
}

function score(input) {
  const answers = input.answers || {};
  const scales = input.scales || {};
  const entries = Array.isArray(answers.evidence) ? answers.evidence : [];

  // Points, best strength and examples per competence.
  const found = {};
  entries.forEach((entry, index) => {
    const points = STRENGTH[entry.strength] || 0;
    const title = titleOf(entry, index + 1) + " (" + points + "/4)";
    (Array.isArray(entry.competences) ? entry.competences : []).forEach((id) => {
      if (!isCompetence(id) || points === 0) {
        return;
      }
      const record = found[id] || (found[id] = { points: 0, best: 0, entries: [], titles: [] });
      record.points += points;
      record.best = Math.max(record.best, points);
      record.entries.push(index + 1);
      record.titles.push(title);
    });
  });

  const ids = COMPETENCE_IDS.filter((id) => found[id]);
  const outcomes = [];
  const evidenceByCompetence = {};
  const levels = {};
  ids.forEach((id) => {
    const record = found[id];
    const level = Math.min(record.points / FULL_POINTS, record.best >= PRECISE ? 1 : CLAIMS_CAP);
    levels[id] = level;
    outcomes.push({ type: "competence", target: id, level: level, source: "observation", measures: "documentation",
      evidence: clip(record.titles.join("; ")) });
    evidenceByCompetence[id] = { entries: record.entries, points: record.points, best: record.best, level: level };
  });
  const claimsOnly = ids.filter((id) => found[id].best < PRECISE);
  const topCompetences = ids.slice().sort((a, b) => {
    const difference = levels[b] - levels[a];
    return Math.abs(difference) > EPSILON ? difference : ORDER[a] - ORDER[b];
  }).slice(0, TOP);

  const valuesHeard = heard(VALUES, scales);
  const areasHeard = heard(AREAS, scales);
  const notDiscussed = VALUES.concat(AREAS).filter((topic) => meanOf(scales, topic[0]) === null);

  // Observers far apart on a topic (only when a topic has several observers' ratings).
  const disagreements = VALUES.concat(AREAS).filter((topic) => {
    const rating = answers[topic[1]];
    if (rating === null || typeof rating !== "object") {
      return false;
    }
    const values = Object.keys(rating).map((observer) => rating[observer]);
    return values.length > 1 && Math.max.apply(null, values) - Math.min.apply(null, values) >= DISAGREEMENT;
  });

  const name = (topic, language) => language === "fr" ? topic[2] : topic[3];
  const flags = [];
  if (entries.length === 0) {
    flags.push({ code: "no-evidence", severity: "info", message: {
      fr: "Aucune preuve de compétence n'est notée : seuls les valeurs et les intérêts entendus sont rapportés.",
      en: "No evidence of competences is recorded: only the values and interests heard are reported."
    } });
  }
  if (claimsOnly.length > 0) {
    flags.push({ code: "claims-only", severity: "info", message: both((l) => (l === "fr"
      ? "Compétences sans exemple précis (niveau limité à 0,5), à faire illustrer lors d'un prochain entretien : "
      : "Competences with no precise example (level capped at 0.5), to ask for an example of in a next interview: ")
      + listOf(claimsOnly.map((id) => competenceName(id, l)), l) + ".") });
  }
  if (disagreements.length > 0) {
    flags.push({ code: "observers-disagree", severity: "warning", message: both((l) => (l === "fr"
      ? "Les observateurs ont des notes éloignées de 2 points ou plus ; comparez vos notes : "
      : "Observers' ratings are 2 or more points apart; compare notes on: ")
      + listOf(disagreements.map((topic) => name(topic, l)), l) + ".") });
  }

  const interpretation = [];
  interpretation.push(both((l) => {
    if (topCompetences.length === 0) {
      return l === "fr" ? "Aucune compétence n'a encore été relevée dans les entretiens."
        : "No competence has been noted in the interviews yet.";
    }
    return (l === "fr" ? "Compétences les mieux étayées par les entretiens : " : "Competences best supported by the interviews: ")
      + listOf(topCompetences.map((id) => competenceName(id, l)), l) + ".";
  }));
  interpretation.push(both((l) => {
    const values = valuesHeard.length === 0
      ? (l === "fr" ? "Aucune valeur n'a été exprimée clairement comme importante." : "No value was clearly expressed as important.")
      : (l === "fr" ? "Valeurs exprimées comme importantes : " : "Values expressed as important: ")
        + listOf(valuesHeard.map((topic) => name(topic, l)), l) + ".";
    const areas = areasHeard.length === 0
      ? (l === "fr" ? "Aucun intérêt n'a été exprimé clairement." : "No interest was clearly expressed.")
      : (l === "fr" ? "Intérêts exprimés clairement : " : "Interests clearly expressed: ")
        + listOf(areasHeard.map((topic) => name(topic, l)), l) + ".";
    return values + " " + areas;
  }));
  interpretation.push({
    fr: "Ces éléments viennent du dialogue : ils sont qualitatifs et pèsent moins que les résultats des questionnaires. Rapprochez-les des inventaires passés par la personne et vérifiez avec elle ce que vous avez entendu.",
    en: "These come from the conversation: they are qualitative and weigh less than questionnaire results. Compare them with the inventories the person has taken, and check with them what you heard."
  });

  return {
    outcomes: outcomes,
    flags: flags,
    interpretation: interpretation,
    results: {
      evidenceEntries: entries.length,
      evidenceByCompetence: evidenceByCompetence,
      topCompetences: topCompetences,
      claimsOnly: claimsOnly,
      valuesHeard: valuesHeard.map((topic) => topic[0]),
      interestsHeard: areasHeard.map((topic) => topic[4]),
      notDiscussed: notDiscussed.map((topic) => topic[0]),
      observersDisagree: disagreements.map((topic) => topic[0])
    }
  };
}
