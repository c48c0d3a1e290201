// Scoring script of follow-up: flags a need for further support and summarises progress.
//
// The runtime has already scored the two declared scales (satisfaction, and confidence with its
// reversed item, proration and band). This script applies the README's rules:
//   - support: every rule of SUPPORT_RULES that holds is a reason; any reason means results.supportNeeded
//     true, the warning flag "further-support-needed" and a paragraph listing the reasons;
//   - progress: how many of the steps planned at the end of the bilan have been taken (results.progress).
// Plain ES2020, no imports, deterministic.

// Slack for comparisons with a prorated score, which is computed in floating point.
const EPSILON = 1e-9;

// Confidence below this raw score (5 items x 2.5, i.e. on average on the "disagree" side) is low. It is
// where the manifest's "medium" band starts; kept here so the rule does not depend on band ids.
const CONFIDENCE_LOW_BELOW = 12.5;

// Satisfaction at or below this answer ("Not very satisfied" or "Not at all satisfied") is low.
const SATISFACTION_LOW_MAX = 2;

// The support rules, in the order their reasons are listed. "when" sees the answers and the scale scores
// (null when a scale has no score).
const SUPPORT_RULES = [
  {
    code: "requested",
    when: (a) => a["support-need"] === "yes",
    text: { fr: "vous le demandez", en: "you have asked for it" }
  },
  {
    code: "abandoned",
    when: (a) => a["project-status"] === "abandoned",
    text: { fr: "le projet a été abandonné", en: "the plan has been given up" }
  },
  {
    // A plan not started yet is often just a matter of timing; with obstacles named, it may be stuck.
    code: "not-started-with-obstacles",
    when: (a) => a["project-status"] === "not-yet" && Array.isArray(a.obstacles) && a.obstacles.length > 0,
    text: {
      fr: "le projet n'a pas encore commencé et des obstacles sont apparus",
      en: "the plan has not started yet and obstacles have come up"
    }
  },
  {
    code: "low-confidence",
    when: (a, s) => s.confidence != null && s.confidence < CONFIDENCE_LOW_BELOW - EPSILON,
    text: { fr: "votre confiance dans la suite est faible", en: "your confidence in the next steps is low" }
  },
  {
    code: "low-satisfaction",
    when: (a, s) => s.satisfaction != null && s.satisfaction <= SATISFACTION_LOW_MAX + EPSILON,
    text: {
      fr: "vous êtes peu satisfait(e) de votre situation actuelle",
      en: "you are not satisfied with where you stand"
    }
  }
];

const STATUS_TEXTS = {
  "fully": {
    fr: "Votre projet est réalisé : c'est le moment de regarder ce qu'il vous a apporté et ce que vous souhaitez pour la suite.",
    en: "Your plan has been carried out: a good moment to look at what it has brought you and what you want next."
  },
  "partly": {
    fr: "Votre projet est en cours : une partie du chemin est faite.",
    en: "Your plan is under way: part of the journey is done."
  },
  "not-yet": {
    fr: "Votre projet n'a pas encore démarré ; les raisons de ce délai méritent d'être regardées ensemble.",
    en: "Your plan hasn't started yet; the reasons for the delay are worth looking at together."
  },
  "abandoned": {
    fr: "Vous avez abandonné votre projet. Ce n'est pas un échec en soi : les raisons de ce choix comptent, et un nouveau projet peut se construire.",
    en: "You have given up your plan. That is not a failure in itself: the reasons for that choice matter, and a new plan can be built."
  }
};

function scoreOf(scale) {
  return scale != null && typeof scale.raw === "number" && isFinite(scale.raw) ? scale.raw : null;
}

// Planned steps taken so far. An unanswered question gives null: "not answered" is not "none".
function progressOf(a) {
  const planned = Array.isArray(a["steps-planned"]) ? a["steps-planned"] : null;
  const done = Array.isArray(a["steps-done"]) ? a["steps-done"] : null;
  const plannedDone = planned != null && done != null ? planned.filter((step) => done.includes(step)).length : null;
  return {
    planned: planned != null ? planned.length : null,
    done: done != null ? done.length : null,
    plannedDone: plannedDone,
    share: plannedDone != null && planned.length > 0 ? plannedDone / planned.length : null
  };
}

function score(input) {
  const a = input.answers;
  const scores = {
    confidence: scoreOf(input.scales.confidence),
    satisfaction: scoreOf(input.scales.satisfaction)
  };

  const reasons = SUPPORT_RULES.filter((rule) => rule.when(a, scores));
  const progress = progressOf(a);

  const interpretation = [STATUS_TEXTS[a["project-status"]]];
  if (progress.share != null) {
    const percent = Math.round(progress.share * 100);
    interpretation.push({
      fr: "Étapes de votre plan d'action déjà franchies : " + progress.plannedDone + " sur " + progress.planned
        + " (" + percent + " %).",
      en: "Steps of your action plan already taken: " + progress.plannedDone + " of " + progress.planned
        + " (" + percent + "%)."
    });
  }

  const flags = [];
  if (reasons.length > 0) {
    const listFr = reasons.map((r) => r.text.fr).join(" ; ");
    const listEn = reasons.map((r) => r.text.en).join("; ");
    flags.push({
      code: "further-support-needed",
      severity: "warning",
      message: {
        fr: "Nouvel accompagnement conseillé : " + listFr + ".",
        en: "Further support advised: " + listEn + "."
      }
    });
    interpretation.push({
      fr: "Un nouvel accompagnement paraît utile : " + listFr + ". Parlez-en avec votre conseiller ou conseillère : "
        + "entretien de suivi, conseil en évolution professionnelle (CEP), France Travail ou un autre relais selon votre besoin.",
      en: "Further support looks useful: " + listEn + ". Talk it over with your counsellor: a follow-up meeting, "
        + "career guidance (CEP), France Travail or another service, depending on what you need."
    });
  } else {
    interpretation.push({
      fr: "Rien dans vos réponses ne signale un besoin d'accompagnement supplémentaire. Vous pouvez toujours en demander un si la situation change.",
      en: "Nothing in your answers points to a need for further support. You can still ask for it if things change."
    });
  }

  return {
    results: {
      supportNeeded: reasons.length > 0,
      reasons: reasons.map((r) => r.code),
      progress: progress
    },
    flags: flags,
    interpretation: interpretation
  };
}
