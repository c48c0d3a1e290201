// Scoring script of work-values: what the declarative scales in manifest.json cannot say.
//
// The runtime has already computed, for each of the six O*NET work values:
//   - "<value>": the mean of its 4 importance ratings (1..5), a normative score: the value's level, its
//     band and its outcome;
//   - "<value>-choices": its points in the 10 forced-choice blocks (0..10), an ipsative score: the six
//     always add up to 30 for a complete set of answers, so they only order the values of one person.
// This script puts the two parts together:
//   - results.ranking: the six values, ordered by rating, then by choice points, then by the fixed order;
//   - results.topValues: the first three, plus any value tied with the third on both rating and choices;
//   - results.agreement: how far the choices agree with the ratings (concordant and discordant pairs);
//   - flags uniform-ratings, choices-contradict-ratings, tied-values, incomplete-values, incomplete-choices;
//   - two interpretation paragraphs (the top values, the value that matters least).
// It is deterministic: the same input always gives the same output.

// O*NET's order of the work values. It is also the last tie rule.
const VALUES = ["achievement", "working-conditions", "recognition", "relationships", "support", "independence"];
const RATING_ITEMS = { achievement: "ach", "working-conditions": "wc", recognition: "rec", relationships: "rel",
  support: "sup", independence: "ind" };

// Means and prorated sums are floating point: closer than this counts as equal.
const EPSILON = 1e-9;
// How many values are "top values" before ties are added.
const TOP = 3;
// Share of equal ratings that makes the ratings uninformative (9 out of 10).
const UNIFORM_SHARE = 0.9;
// The choices contradict the ratings when gamma is at or below this, over at least MIN_PAIRS pairs.
const CONTRADICTION_GAMMA = -0.5;
const MIN_PAIRS = 5;

// The values' names are the runtime's (the frozen global vocabulary), never copied here.
const NAMES = {};
VALUES.forEach((v) => { NAMES[v] = vocabulary.workValues[v].label; });

const IN_WORDS = {
  achievement: { fr: "utiliser vos capacités et voir le résultat de votre travail",
    en: "using your abilities and seeing the results of your work" },
  "working-conditions": { fr: "un bon salaire, un emploi stable et un cadre de travail qui vous convient",
    en: "good pay, a secure job and a workplace that suits you" },
  recognition: { fr: "voir votre travail reconnu et pouvoir évoluer", en: "getting credit for your work and moving up" },
  relationships: { fr: "vous entendre avec vos collègues, être utile aux autres, agir selon vos valeurs",
    en: "getting on with colleagues, being useful to others, acting on your values" },
  support: { fr: "un employeur juste et un encadrement qui vous soutient", en: "a fair employer and managers who back you up" },
  independence: { fr: "décider et vous organiser par vous-même", en: "making your own decisions and organising your own work" }
};

function joinWords(words, and) {
  return words.length <= 1 ? words.join("") : words.slice(0, -1).join(", ") + " " + and + " " + words[words.length - 1];
}

function sign(x) {
  return x > EPSILON ? 1 : x < -EPSILON ? -1 : 0;
}

function namedList(values, lang) {
  return values.map((v) => NAMES[v][lang]).join(", ");
}

// Nearly all importance ratings on the same point: the ratings then hardly tell the values apart.
function uniformRatings(answers) {
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let answered = 0;
  VALUES.forEach((v) => {
    for (let k = 1; k <= 4; k++) {
      const rating = answers[RATING_ITEMS[v] + k];
      if (rating != null) {
        counts[rating] += 1;
        answered += 1;
      }
    }
  });
  const most = Math.max(counts[1], counts[2], counts[3], counts[4], counts[5]);
  if (answered === 0 || most < UNIFORM_SHARE * answered - EPSILON) {
    return [];
  }
  return [{
    code: "uniform-ratings",
    severity: "warning",
    message: {
      fr: "Notes d'importance presque toutes identiques : au moins 9 notes sur 10 sont le même point de l'échelle. Le classement des valeurs repose alors surtout sur les choix de la première partie.",
      en: "Nearly identical importance ratings: at least 9 ratings out of 10 are the same point of the scale. The order of the values then rests mostly on the choices in the first part."
    }
  }];
}

function score(input) {
  const flags = uniformRatings(input.answers);
  const scales = input.scales;

  // Levels come from the ratings only: without a rating score for a value, its place is unknown.
  const unscored = VALUES.filter((v) => scales[v] == null || scales[v].mean == null);
  if (unscored.length > 0) {
    flags.unshift({
      code: "incomplete-values",
      severity: "warning",
      message: {
        fr: "Pas de classement des valeurs : trop de notes d'importance manquent pour " + namedList(unscored, "fr") + ".",
        en: "No ranking of the values: too many importance ratings are missing for " + namedList(unscored, "en") + "."
      }
    });
    return { flags: flags, results: { ranking: null, topValues: null, tiedValues: [], agreement: null, unscoredValues: unscored } };
  }

  // The choice points only make sense as a whole (they are shares of a fixed total): if any value lacks
  // them, none is used and ties in the ratings fall to the fixed order.
  const choicesUsable = VALUES.every((v) => scales[v + "-choices"] != null && scales[v + "-choices"].raw != null);
  if (!choicesUsable) {
    flags.push({
      code: "incomplete-choices",
      severity: "warning",
      message: {
        fr: "Trop de choix manquent dans la première partie : les valeurs sont classées d'après les notes d'importance seules.",
        en: "Too many choices are missing in the first part: the values are ranked from the importance ratings alone."
      }
    });
  }
  const rating = (v) => scales[v].mean;
  const choices = (v) => (choicesUsable ? scales[v + "-choices"].raw : 0);
  // Negative when a comes first: higher rating, then more choice points, then the fixed order.
  const compare = (a, b) => sign(rating(b) - rating(a)) || sign(choices(b) - choices(a));
  const ranking = VALUES.slice().sort((a, b) => compare(a, b) || VALUES.indexOf(a) - VALUES.indexOf(b));

  const tiedValues = ranking.filter((v) => ranking.some((o) => o !== v && compare(o, v) === 0));
  const topValues = ranking.filter((v, i) => i < TOP || compare(v, ranking[TOP - 1]) === 0);

  // Goodman and Kruskal's gamma between the two parts over the 15 pairs of values: a pair is concordant
  // when the ratings and the choices order it the same way, discordant when they order it oppositely,
  // and left out when either part ties it.
  let agreement = null;
  if (choicesUsable) {
    let concordant = 0;
    let discordant = 0;
    for (let i = 0; i < VALUES.length; i++) {
      for (let j = i + 1; j < VALUES.length; j++) {
        const product = sign(rating(VALUES[i]) - rating(VALUES[j])) * sign(choices(VALUES[i]) - choices(VALUES[j]));
        if (product > 0) {
          concordant += 1;
        } else if (product < 0) {
          discordant += 1;
        }
      }
    }
    const pairs = concordant + discordant;
    agreement = { concordant: concordant, discordant: discordant,
      gamma: pairs > 0 ? (concordant - discordant) / pairs : null };
    if (pairs >= MIN_PAIRS && agreement.gamma <= CONTRADICTION_GAMMA + EPSILON) {
      flags.push({
        code: "choices-contradict-ratings",
        severity: "warning",
        message: {
          fr: "Les choix de la première partie vont souvent à l'inverse des notes d'importance. Le classement suit les notes ; il vaut la peine d'en parler, par exemple en reprenant quelques choix ensemble.",
          en: "The choices in the first part often go against the importance ratings. The ranking follows the ratings; it is worth talking this over, for example by going back over a few choices together."
        }
      });
    }
  }

  if (tiedValues.length > 0) {
    flags.push({
      code: "tied-values",
      severity: "info",
      message: {
        fr: "Valeurs à égalité sur les notes et sur les choix (" + namedList(tiedValues, "fr") + ") : leur ordre suit simplement la liste du questionnaire. Considérez-les comme équivalentes.",
        en: "Values tied on both ratings and choices (" + namedList(tiedValues, "en") + "): their order simply follows the questionnaire's list. Treat them as equal."
      }
    });
  }

  const describe = (v, lang) => NAMES[v][lang] + " (" + IN_WORDS[v][lang] + ")";
  const interpretation = [{
    fr: "Les valeurs qui comptent le plus pour vous dans un emploi sont, dans l'ordre : "
      + joinWords(topValues.map((v) => describe(v, "fr")), "et")
      + ". Servez-vous-en pour examiner les métiers que vous envisagez : lesquels vous les apporteraient ?",
    en: "The values that matter most to you in a job are, in order: "
      + joinWords(topValues.map((v) => describe(v, "en")), "and")
      + ". Use them to look at the jobs you are considering: which of them would give you these?"
  }];
  // The last value, with any value tied with it; not said when it overlaps the top values (flat answers).
  const bottom = ranking.filter((v) => compare(v, ranking[ranking.length - 1]) === 0);
  if (bottom.every((v) => topValues.indexOf(v) < 0)) {
    interpretation.push(bottom.length === 1 ? {
      fr: "La valeur qui compte le moins pour vous en ce moment : " + describe(bottom[0], "fr") + ".",
      en: "The value that matters least to you at the moment is " + describe(bottom[0], "en") + "."
    } : {
      fr: "Les valeurs qui comptent le moins pour vous en ce moment : " + joinWords(bottom.map((v) => describe(v, "fr")), "et") + ".",
      en: "The values that matter least to you at the moment are " + joinWords(bottom.map((v) => describe(v, "en")), "and") + "."
    });
  }
  return {
    flags: flags,
    interpretation: interpretation,
    results: { ranking: ranking, topValues: topValues, tiedValues: tiedValues, agreement: agreement, unscoredValues: [] }
  };
}
