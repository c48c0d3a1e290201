// Scoring script of preliminary-interview: decides how the request fits a bilan de compétences.
//
// The runtime has already scored the readiness scale (reversal of ready-passive, proration, band).
// This script applies the decision table of the README, in order; the first rule that matches wins:
//   1-5. redirect rules: another route suits the person's immediate need better;
//   6.   clarify: at least one point must be talked through before committing (every point that holds
//        is listed, in the order of CLARIFY_POINTS);
//   7.   proceed.
// It returns results.decision, results.rule, results.route (null unless redirect) and results.clarify
// (the codes of the points, empty unless the decision is clarify), one flag per point or for the
// redirection, and one interpretation paragraph. Plain ES2020, no imports, deterministic.

// Slack for comparisons with a prorated score, which is computed in floating point.
const EPSILON = 1e-9;

// Readiness below this raw score (6 items x 2.5, i.e. on average on the "disagree" side) is low.
// It is the start of the manifest's "medium" band; kept here so the rule does not depend on band ids.
const READINESS_LOW_BELOW = 15;

// Time thresholds. A bilan lasts up to 24 hours (sessions and personal work), spread over several weeks
// (Code du travail, art. R.6313-4 and following): under 2 hours a week no session fits in a week, under
// 24 hours over the whole period the usual bilan does not fit, under 4 weeks there is too little time
// between sessions for research and reflection.
const MIN_HOURS_PER_WEEK = 2;
const MIN_TOTAL_HOURS = 24;
const MIN_WEEKS = 4;

const ROUTES = {
  "health-social-support": {
    fr: "un accompagnement adapté à votre situation du moment (médecin traitant ou service de santé au travail, assistant(e) social(e), Cap emploi en cas de handicap reconnu) ; le bilan pourra être envisagé quand vous serez disponible",
    en: "support suited to your current situation (your doctor or the occupational health service, a social worker, Cap emploi if you have a recognised disability); a bilan can be considered once you are able to commit"
  },
  "job-search-support": {
    fr: "un accompagnement à la recherche d'emploi (France Travail, ou l'Apec pour les cadres), qui répond directement à l'urgence",
    en: "job-search support (France Travail, or Apec for managers and professionals), which deals with the urgency directly"
  },
  "vae": {
    fr: "la validation des acquis de l'expérience (VAE), qui permet d'obtenir tout ou partie d'un diplôme grâce à l'expérience du métier que vous exercez déjà",
    en: "validation of prior experience (VAE), which can award all or part of a diploma for the experience of the job you already do"
  },
  "training": {
    fr: "une formation qualifiante, directement ; un conseiller en évolution professionnelle peut vous aider à la choisir et à la financer",
    en: "a qualifying training course, straight away; a career-guidance adviser (CEP) can help you choose it and fund it"
  },
  "cep": {
    fr: "le conseil en évolution professionnelle (CEP), gratuit, pour vous informer sur les métiers, les formations, vos droits et les financements avant d'envisager un bilan",
    en: "the free career-guidance service (conseil en évolution professionnelle, CEP), to find out about jobs, training, your rights and funding before considering a bilan"
  }
};

// The redirect rules, in the order of the README's table. "when" sees the answers.
const REDIRECT_RULES = [
  {
    id: "cannot-engage-now", route: "health-social-support",
    when: (a) => a.constraints === "cannot",
    reason: {
      fr: "vous indiquez que votre santé ou votre situation personnelle ne vous permet pas de vous engager dans un bilan pour l'instant",
      en: "you say that your health or personal situation does not allow you to commit to a bilan for now"
    }
  },
  {
    id: "urgent-job-search", route: "job-search-support",
    when: (a) => a["urgent-job"] === "yes" && a["main-need"] === "job-search",
    reason: {
      fr: "votre besoin le plus pressant est de trouver un emploi dans les prochaines semaines",
      en: "your most pressing need is to find a job within the next few weeks"
    }
  },
  {
    id: "diploma-for-current-job", route: "vae",
    when: (a) => a.project === "diploma-current-job",
    reason: {
      fr: "vous souhaitez un diplôme pour le métier que vous exercez déjà",
      en: "you want a diploma for the job you already do"
    }
  },
  {
    id: "training-only", route: "training",
    when: (a) => a.project === "training-only",
    reason: {
      fr: "votre projet est décidé et seule la formation manque pour le réaliser",
      en: "your plan is settled and only the training is missing"
    }
  },
  {
    id: "information-first", route: "cep",
    when: (a) => a["main-need"] === "information",
    reason: {
      fr: "vous avez d'abord besoin d'informations sur les métiers, les formations, vos droits ou les financements",
      en: "you first need information about jobs, training, your rights or funding"
    }
  }
];

// The points to clarify, in the order they are listed. "when" sees the answers and the readiness scale.
const CLARIFY_POINTS = [
  {
    // The bilan needs the person's consent (Code du travail, art. L.6313-4): a request that comes from
    // someone else is talked through, never taken as it is.
    code: "imposed-request",
    when: (a) => a.initiative === "imposed" || (isNumber(a["ready-choice"]) && a["ready-choice"] <= 2),
    text: {
      fr: "Demande pas tout à fait choisie : un bilan ne peut se faire qu'avec votre accord et pour vous. Parlons de ce que vous, vous en attendez.",
      en: "Request not fully your own choice: a bilan can only be done with your consent and for your own benefit. Let's talk about what you yourself expect from it."
    }
  },
  {
    code: "personal-constraints",
    when: (a) => a.constraints === "some",
    text: {
      fr: "Contraintes de santé ou personnelles : à prendre en compte pour adapter le rythme et la forme des rendez-vous.",
      en: "Health or personal constraints: to be taken into account when setting the pace and format of the sessions."
    }
  },
  {
    // Both at once is redirect rule 2; only one of them is worth a conversation.
    code: "job-search-need",
    when: (a) => (a["urgent-job"] === "yes") !== (a["main-need"] === "job-search"),
    text: {
      fr: "Recherche d'emploi : trouver un emploi fait partie de vos besoins immédiats. Voyons si le bilan est la bonne étape maintenant, ou si un accompagnement à la recherche d'emploi doit venir avant ou en parallèle.",
      en: "Job search: finding a job is part of your immediate needs. Let's see whether a bilan is the right step now, or whether job-search support should come first or run alongside it."
    }
  },
  {
    code: "low-readiness",
    when: (a, readiness) => readiness != null && readiness < READINESS_LOW_BELOW - EPSILON,
    text: {
      fr: "Disposition à s'engager : vos réponses montrent des réserves sur l'engagement que demande un bilan ; parlons-en avant de commencer.",
      en: "Readiness: your answers show some doubts about the commitment a bilan takes; let's talk about them before starting."
    }
  },
  {
    code: "readiness-unknown",
    when: (a, readiness) => readiness == null,
    text: {
      fr: "Disposition à s'engager : trop de phrases sur votre état d'esprit sont restées sans réponse pour en tirer une indication ; reprenons-les ensemble.",
      en: "Readiness: too many statements about how you feel were left unanswered to tell anything from them; let's go through them together."
    }
  },
  {
    code: "availability-unknown",
    when: (a) => !isNumber(a["hours-per-week"]) || !isNumber(a.weeks),
    text: {
      fr: "Temps disponible : le nombre d'heures par semaine ou le nombre de semaines n'est pas indiqué.",
      en: "Time available: the hours per week or the number of weeks are missing."
    }
  },
  {
    code: "availability-low",
    when: (a) => isNumber(a["hours-per-week"]) && isNumber(a.weeks)
      && (a["hours-per-week"] < MIN_HOURS_PER_WEEK || a["hours-per-week"] * a.weeks < MIN_TOTAL_HOURS - EPSILON),
    text: {
      fr: "Temps disponible : moins de 2 heures par semaine, ou moins de 24 heures en tout sur la période, alors qu'un bilan peut durer jusqu'à 24 heures. À ajuster ensemble.",
      en: "Time available: less than 2 hours a week, or less than 24 hours in all over the period, while a bilan can take up to 24 hours. To be adjusted together."
    }
  },
  {
    code: "period-short",
    when: (a) => isNumber(a.weeks) && a.weeks < MIN_WEEKS,
    text: {
      fr: "Durée : un bilan se répartit sur plusieurs semaines pour laisser le temps de chercher et de réfléchir entre les rendez-vous ; moins de 4 semaines, c'est court.",
      en: "Length: a bilan is spread over several weeks to leave time for research and reflection between sessions; under 4 weeks is short."
    }
  },
  {
    code: "funding-unknown",
    when: (a) => a.funding == null || a.funding === "unknown",
    text: {
      fr: "Financement : la façon de financer le bilan n'est pas encore connue. Passons en revue les possibilités (CPF, employeur, France Travail…).",
      en: "Funding: how the bilan will be paid for is not known yet. Let's go through the options (CPF, employer, France Travail…)."
    }
  },
  {
    // The employer's plan needs an employer; France Travail funds bilans for job seekers.
    code: "funding-check",
    when: (a) => (a.funding === "employer-plan" && (a.situation === "job-seeker" || a.situation === "self-employed"))
      || (a.funding === "france-travail" && a.situation !== "job-seeker"),
    text: {
      fr: "Financement : le financement envisagé ne correspond pas d'habitude à votre situation actuelle ; à vérifier.",
      en: "Funding: the route you mention does not usually match your current situation; to be checked."
    }
  }
];

function isNumber(value) {
  return typeof value === "number" && isFinite(value);
}

function score(input) {
  const a = input.answers;
  const scale = input.scales.readiness;
  // An insufficiently answered scale has no raw score (null or absent).
  const readiness = scale != null && isNumber(scale.raw) ? scale.raw : null;

  const redirect = REDIRECT_RULES.find((rule) => rule.when(a));
  if (redirect) {
    const route = ROUTES[redirect.route];
    return {
      results: { decision: "redirect", rule: redirect.id, route: redirect.route, clarify: [] },
      flags: [{
        code: "redirect",
        severity: "warning",
        message: {
          fr: "Orientation conseillée : " + route.fr + ". Raison : " + redirect.reason.fr + ".",
          en: "Suggested route: " + route.en + ". Reason: " + redirect.reason.en + "."
        }
      }],
      interpretation: [{
        fr: "Une autre démarche semble mieux répondre à votre besoin immédiat, parce que " + redirect.reason.fr
          + ". La démarche conseillée est " + route.fr
          + ". C'est une proposition à discuter : le choix vous appartient, et un bilan pourra rester utile plus tard.",
        en: "Another route seems to meet your immediate need better, because " + redirect.reason.en
          + ". The suggested route is " + route.en
          + ". This is a suggestion to talk over: the choice is yours, and a bilan may still be useful later."
      }]
    };
  }

  const points = CLARIFY_POINTS.filter((point) => point.when(a, readiness));
  if (points.length > 0) {
    return {
      results: { decision: "clarify", rule: "clarify", route: null, clarify: points.map((p) => p.code) },
      flags: points.map((p) => ({ code: "clarify-" + p.code, severity: "info", message: p.text })),
      interpretation: [{
        fr: "Votre demande peut tout à fait relever d'un bilan de compétences, mais " + countFr(points.length)
          + " à éclaircir ensemble avant de vous engager.",
        en: "Your request may well suit a bilan de compétences, but " + countEn(points.length)
          + " to be talked through together before you commit."
      }]
    };
  }

  return {
    results: { decision: "proceed", rule: "proceed", route: null, clarify: [] },
    flags: [],
    interpretation: [{
      fr: "Votre demande correspond à ce qu'un bilan de compétences peut vous apporter. Prochaine étape : convenir ensemble du calendrier, du financement et de la façon dont le bilan va se dérouler.",
      en: "Your request matches what a bilan de compétences can offer. Next step: agree together on the schedule, the funding and the way the bilan will run."
    }]
  };
}

function countFr(n) {
  return n === 1 ? "un point reste" : n + " points restent";
}

function countEn(n) {
  return n === 1 ? "one point needs" : n + " points need";
}
