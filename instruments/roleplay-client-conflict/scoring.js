// Scoring script of roleplay-client-conflict: what the declarative scales in manifest.json cannot say.
//
// The runtime has already turned each criterion into a scale (the mean of its observers' ratings, with its
// band) and computed the overall scale. This script looks at the raw ratings behind those means:
//   - per criterion: how many observers rated it, the lowest and highest rating, and their range;
//   - the flag "observer-disagreement" when two observers are 2 points or more apart on a criterion;
//   - the number of observers overall;
//   - the strongest criteria and the criteria to develop, with one interpretation paragraph each,
//     and a paragraph about the number of observers.
// It is plain ES2020 with no imports, and deterministic: the same input always gives the same output.

// The criteria in the order of the grid. It is also the order used to list tied criteria.
const CRITERIA = ["listening", "feelings", "calm", "questions", "solutions", "agreement", "closing"];

// Each criterion in plain words, to be used inside a sentence.
const NAMES = {
  listening: { fr: "accueillir la réclamation et écouter", en: "welcoming the complaint and listening" },
  feelings: { fr: "reconnaître le ressenti du client", en: "acknowledging the client's feelings" },
  calm: { fr: "garder son calme face à la provocation", en: "keeping calm under provocation" },
  questions: { fr: "clarifier le problème par des questions", en: "clarifying the problem with questions" },
  solutions: { fr: "proposer des solutions dans le cadre des règles", en: "proposing solutions within the rules" },
  agreement: { fr: "négocier un accord", en: "negotiating an agreement" },
  closing: { fr: "conclure et assurer le suivi", en: "closing and following up" }
};

// Two observers this far apart (or more) did not see the same level of behaviour: on a 1-4 grid a gap of
// 2 means, for instance, "partly done" against "fully done", not a matter of nuance.
const DISAGREEMENT = 2;

// Means closer than this are treated as equal: a mean of 10/3 may differ from another 10/3 in the last bit.
const EPSILON = 1e-9;

// The ratings of one answer as a list of [observer, rating]. A plain integer is one rating by an unnamed
// observer (null). Observer ids are only read with Object.keys and stored in a Set, never used as keys of
// a plain object, so ids such as "__proto__" or "constructor" are counted like any other.
function ratingsOf(answer) {
  if (typeof answer === "number") {
    return [[null, answer]];
  }
  if (answer !== null && typeof answer === "object") {
    return Object.keys(answer)
      .filter((observer) => typeof answer[observer] === "number")
      .map((observer) => [observer, answer[observer]]);
  }
  return [];
}

// A number for a sentence: at most two decimals, with a decimal comma in French.
function number(value, language) {
  const text = String(Math.round(value * 100) / 100);
  return language === "fr" ? text.replace(".", ",") : text;
}

// Criterion names joined for a sentence; French puts a space before the semicolon.
function join(parts, language) {
  return parts.join(language === "fr" ? " ; " : "; ");
}

function score(input) {
  const criteria = {};
  const disagreements = [];
  const named = new Set();
  let unnamed = false;

  for (const id of CRITERIA) {
    const ratings = ratingsOf(input.answers[id]);
    if (ratings.length === 0) {
      criteria[id] = { observers: 0, min: null, max: null, range: null, agreement: "not-rated" };
      continue;
    }
    const values = ratings.map((rating) => rating[1]);
    ratings.forEach((rating) => {
      if (rating[0] === null) {
        unnamed = true;
      } else {
        named.add(rating[0]);
      }
    });
    const min = Math.min(...values);
    const max = Math.max(...values);
    if (ratings.length === 1) {
      // Agreement needs at least two ratings to compare.
      criteria[id] = { observers: 1, min: min, max: max, range: null, agreement: "not-applicable" };
      continue;
    }
    const range = max - min;
    const agreement = range === 0 ? "full" : range < DISAGREEMENT ? "close" : "disagreement";
    criteria[id] = { observers: ratings.length, min: min, max: max, range: range, agreement: agreement };
    if (range >= DISAGREEMENT) {
      disagreements.push(id);
    }
  }

  // A plain integer answer comes from an unnamed observer. When observers are named elsewhere in the
  // grid, that rating is taken to come from one of them, so it adds nobody; otherwise the unnamed
  // observer is the only one.
  const observers = named.size > 0 ? named.size : unnamed ? 1 : 0;

  const flags = [];
  if (disagreements.length > 0) {
    const detail = (language) => join(disagreements.map((id) => NAMES[id][language]
      + (language === "fr"
        ? " (de " + criteria[id].min + " à " + criteria[id].max + ")"
        : " (" + criteria[id].min + " to " + criteria[id].max + ")")), language);
    flags.push({
      code: "observer-disagreement",
      severity: "warning",
      message: {
        fr: "Les notes des observateurs s'écartent de 2 points ou plus sur : " + detail("fr")
          + ". Confrontez ce que chacun a vu avant de faire un retour sur ces critères.",
        en: "The observers' ratings are 2 or more points apart on: " + detail("en")
          + ". Compare what each observer saw before giving feedback on these criteria."
      }
    });
  }

  // The criteria with a score (the runtime leaves raw and mean out when a criterion is unrated).
  const means = {};
  const bands = {};
  const scored = CRITERIA.filter((id) => input.scales[id] != null && input.scales[id].mean != null);
  scored.forEach((id) => {
    means[id] = input.scales[id].mean;
    bands[id] = input.scales[id].band;
  });

  const results = {
    observers: observers,
    criteria: criteria,
    disagreements: disagreements,
    strongest: [],
    toDevelop: []
  };

  if (scored.length === 0) {
    return {
      flags: flags,
      results: results,
      interpretation: [{
        fr: "Aucun critère n'a été noté : il n'y a rien à interpréter.",
        en: "No criterion was rated, so there is nothing to interpret."
      }]
    };
  }

  // Strongest: every criterion at the highest mean (ties are all named, in grid order), provided that mean
  // reaches at least the "acquired" band; a top score still "to develop" is not a strength.
  const top = Math.max(...scored.map((id) => means[id]));
  const strongest = scored.filter((id) => Math.abs(means[id] - top) <= EPSILON && bands[id] !== "to-develop");
  // To develop: every criterion in the "to-develop" band, lowest mean first, ties in grid order.
  const toDevelop = scored.filter((id) => bands[id] === "to-develop")
    .sort((a, b) => (Math.abs(means[a] - means[b]) <= EPSILON
      ? CRITERIA.indexOf(a) - CRITERIA.indexOf(b)
      : means[a] - means[b]));
  results.strongest = strongest;
  results.toDevelop = toDevelop;

  const names = (ids, language, withValue) => join(ids.map((id) => NAMES[id][language]
    + (withValue ? " (" + number(means[id], language) + ")" : "")), language);

  const interpretation = [];
  if (strongest.length > 0) {
    const one = strongest.length === 1;
    interpretation.push({
      fr: (one ? "Critère le mieux réussi" : "Critères les mieux réussis") + " (moyenne de " + number(top, "fr")
        + " sur 4) : " + names(strongest, "fr", false) + ". Appuyez le retour sur les moments du jeu de rôle qui "
        + (one ? "l'illustrent." : "les illustrent."),
      en: (one ? "Strongest criterion" : "Strongest criteria") + " (mean " + number(top, "en") + " out of 4): "
        + names(strongest, "en", false) + ". Base the feedback on the moments of the role play that show "
        + (one ? "it." : "them.")
    });
  } else {
    interpretation.push({
      fr: "Aucun critère n'atteint le niveau « acquis » (moyenne de 2,5 ou plus) : aucun point fort ne se dégage de ce jeu de rôle.",
      en: "No criterion reaches the \"acquired\" level (a mean of 2.5 or more): no strong point stands out in this role play."
    });
  }
  if (toDevelop.length > 0) {
    const one = toDevelop.length === 1;
    interpretation.push({
      fr: (one ? "Critère à développer" : "Critères à développer") + " (moyenne inférieure à 2,5) : "
        + names(toDevelop, "fr", true)
        + ". Cherchez avec le ou la bénéficiaire ce qu'il ou elle pourrait faire autrement la prochaine fois.",
      en: (one ? "Criterion to develop" : "Criteria to develop") + " (mean below 2.5): " + names(toDevelop, "en", true)
        + ". Work out with the beneficiary what they could do differently next time."
    });
  } else {
    interpretation.push({
      fr: "Aucun critère noté n'est « à développer » : toutes les moyennes sont de 2,5 ou plus.",
      en: "No rated criterion is \"to develop\": every mean is 2.5 or more."
    });
  }
  interpretation.push(observers === 1
    ? {
      fr: "Ce jeu de rôle a été noté par un seul observateur : l'accord entre observateurs ne peut pas être vérifié. Un deuxième observateur, notant de son côté, rend les notes plus sûres.",
      en: "This role play was rated by one observer only, so agreement between observers cannot be checked. A second observer, rating independently, makes the ratings more dependable."
    }
    : {
      fr: "Ce jeu de rôle a été noté par " + observers + " observateurs ; la note de chaque critère est la moyenne de leurs notes.",
      en: "This role play was rated by " + observers + " observers; each criterion's score is the mean of their ratings."
    });

  return { flags: flags, interpretation: interpretation, results: results };
}
