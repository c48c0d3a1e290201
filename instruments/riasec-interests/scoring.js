// Scoring script of riasec-interests: what the declarative scales in manifest.json cannot say.
//
// The runtime has already computed the six area scores R, I, A, S, E, C (sum of 10 activities, 10..50,
// prorated when 8 or 9 are answered, no score below 8) and their bands. This script compares them:
//   - results.ranking: the scored areas, highest first; results.hollandCode: the first three letters;
//   - results.codeTied / tiedLetters: equal scores whose order in the code comes from the tie rule;
//   - results.consistency: how close the first two letters are on Holland's hexagon;
//   - results.differentiation (and the added scale "differentiation"): highest minus lowest area score;
//   - flags about the answers (uniform-answers, acquiescent-profile) and the profile (flat-profile,
//     tied-code, insufficient-areas);
//   - two interpretation paragraphs (the code, its consistency).
// It is deterministic: the same input always gives the same output.

// Holland's hexagon, in order. It is also the tie rule: equal scores are ordered R, I, A, S, E, C.
const HEXAGON = ["R", "I", "A", "S", "E", "C"];

// Prorated scores are computed in floating point: scores closer than this are treated as equal.
const EPSILON = 1e-9;

// Differentiation (highest minus lowest area score, 0..40) below this is a flat profile: the areas are
// less than one answer step per activity apart on average (10 activities per area).
const FLAT_BELOW = 10;
// From this differentiation on, the profile is called clearly differentiated (two steps per activity).
const CLEAR_FROM = 20;

// Share of the answered activities that makes the answer pattern suspect (9 answers out of 10).
const PATTERN_SHARE = 0.9;

// The areas' names are the runtime's (the frozen global vocabulary), never copied here.
const NAMES = {};
HEXAGON.forEach((letter) => { NAMES[letter] = vocabulary.riasec[letter].label; });

const IN_WORDS = {
  R: { fr: "activités concrètes, manuelles et techniques", en: "concrete, hands-on and technical activities" },
  I: { fr: "observer, analyser, comprendre", en: "observing, analysing, understanding" },
  A: { fr: "créer, s'exprimer, imaginer", en: "creating, expressing yourself, imagining" },
  S: { fr: "aider, soigner, enseigner, conseiller", en: "helping, caring, teaching, advising" },
  E: { fr: "convaincre, diriger, vendre, lancer des projets", en: "persuading, leading, selling, launching projects" },
  C: { fr: "organiser, vérifier, traiter des données avec précision", en: "organising, checking, handling data accurately" }
};

// "A, B et C" / "A, B and C".
function joinWords(words, and) {
  if (words.length <= 1) {
    return words.join("");
  }
  return words.slice(0, -1).join(", ") + " " + and + " " + words[words.length - 1];
}

function named(letters, lang) {
  return letters.map((l) => NAMES[l][lang] + " (" + l + ")").join(", ");
}

// Flags on the answers themselves, whatever the scores: the same point chosen for nearly every activity,
// or "like" / "strongly like" for nearly every activity.
function answerFlags(answers) {
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let answered = 0;
  HEXAGON.forEach((area) => {
    for (let k = 1; k <= 10; k++) {
      const value = answers[area.toLowerCase() + (k < 10 ? "0" + k : "" + k)];
      if (value != null) {
        counts[value] += 1;
        answered += 1;
      }
    }
  });
  const flags = [];
  if (answered === 0) {
    return flags;
  }
  const most = Math.max(counts[1], counts[2], counts[3], counts[4], counts[5]);
  if (most >= PATTERN_SHARE * answered - EPSILON) {
    flags.push({
      code: "uniform-answers",
      severity: "warning",
      message: {
        fr: "Réponses presque toutes identiques : au moins 9 réponses sur 10 sont le même point de l'échelle. Les scores disent alors peu de choses des préférences ; il vaut la peine de reprendre les activités ensemble.",
        en: "Nearly identical answers: at least 9 answers out of 10 are the same point of the scale. The scores then say little about preferences; it is worth going through the activities again together."
      }
    });
  }
  if (counts[4] + counts[5] >= PATTERN_SHARE * answered - EPSILON) {
    flags.push({
      code: "acquiescent-profile",
      severity: "warning",
      message: {
        fr: "Presque tout plaît : au moins 9 réponses sur 10 sont « J'aimerais » ou « J'aimerais beaucoup ». Cela peut traduire l'envie de garder toutes les portes ouvertes ou une tendance à acquiescer ; les domaines les plus forts se distinguent moins que les scores ne le laissent penser.",
        en: "Almost everything liked: at least 9 answers out of 10 are \"Like\" or \"Strongly like\". This can reflect a wish to keep every door open or a tendency to say yes; the strongest areas stand out less than the scores suggest."
      }
    });
  }
  return flags;
}

function score(input) {
  const flags = answerFlags(input.answers);
  const scored = HEXAGON.filter((a) => input.scales[a] != null && input.scales[a].raw != null);
  const raw = (a) => input.scales[a].raw;

  // Highest first; equal scores (within EPSILON) keep the hexagon order.
  const ranking = scored.slice().sort((a, b) => {
    const difference = raw(b) - raw(a);
    return Math.abs(difference) > EPSILON ? difference : HEXAGON.indexOf(a) - HEXAGON.indexOf(b);
  });

  // An area without a score could be the person's strongest or weakest one, so a code, a consistency or
  // a differentiation drawn from the other areas could be wrong: none is given, only the partial ranking.
  if (scored.length < HEXAGON.length) {
    const unscored = HEXAGON.filter((a) => scored.indexOf(a) < 0);
    flags.unshift({
      code: "insufficient-areas",
      severity: "warning",
      message: {
        fr: "Pas de code de Holland : trop d'activités sont restées sans réponse pour calculer " + named(unscored, "fr")
          + ". Le classement ne porte que sur les autres domaines.",
        en: "No Holland code: too many activities were left unanswered to score " + named(unscored, "en")
          + ". The ranking covers the other areas only."
      }
    });
    return {
      flags: flags,
      results: {
        hollandCode: null, ranking: ranking, consistency: null, differentiation: null,
        codeTied: false, tiedLetters: [], unscoredAreas: unscored
      }
    };
  }

  const code = ranking.slice(0, 3);

  // A letter is tied when another area has the same score and that tie touches the code: inside the
  // code its order is arbitrary; across the third place, which letter gets into the code is arbitrary.
  const equals = (a) => ranking.filter((o) => o !== a && Math.abs(raw(o) - raw(a)) <= EPSILON);
  const tiedLetters = ranking.filter((a) => equals(a).length > 0
    && (code.indexOf(a) >= 0 || equals(a).some((o) => code.indexOf(o) >= 0)));

  // Distance of the first two letters on the hexagon: 1 adjacent, 2 alternate, 3 opposite.
  const gap = Math.abs(HEXAGON.indexOf(code[0]) - HEXAGON.indexOf(code[1]));
  const distance = Math.min(gap, 6 - gap);
  const consistency = distance === 1 ? "high" : distance === 2 ? "medium" : "low";

  const differentiation = raw(ranking[0]) - raw(ranking[5]);
  let band;
  if (differentiation < FLAT_BELOW - EPSILON) {
    band = {
      id: "flat",
      label: { fr: "Profil plat", en: "Flat profile" },
      text: {
        fr: "Votre domaine le plus fort et votre domaine le plus faible sont proches : vos intérêts se ressemblent d'un domaine à l'autre, et le code est à lire avec prudence.",
        en: "Your strongest and weakest areas are close: your interests are much the same from one area to the next, so read the code with caution."
      }
    };
    flags.push({
      code: "flat-profile",
      severity: "warning",
      message: {
        fr: "Profil plat : moins de 10 points séparent le domaine le plus fort du plus faible, aucun domaine ne se détache vraiment. Le code est à lire avec prudence.",
        en: "Flat profile: the strongest and weakest areas are less than 10 points apart, so no area really stands out. Read the code with caution."
      }
    });
  } else if (differentiation < CLEAR_FROM - EPSILON) {
    band = {
      id: "moderate",
      label: { fr: "Profil modérément différencié", en: "Moderately differentiated" },
      text: {
        fr: "Certains domaines vous attirent plus que d'autres, sans écart très marqué.",
        en: "Some areas appeal to you more than others, without a very large gap."
      }
    };
  } else {
    band = {
      id: "clear",
      label: { fr: "Profil bien différencié", en: "Clearly differentiated" },
      text: {
        fr: "Vos intérêts sont nettement hiérarchisés : certains domaines vous attirent beaucoup plus que d'autres.",
        en: "Your interests are clearly ordered: some areas appeal to you much more than others."
      }
    };
  }

  if (tiedLetters.length > 0) {
    const letters = tiedLetters.join(", ");
    flags.push({
      code: "tied-code",
      severity: "info",
      message: {
        fr: "Scores à égalité (" + letters + ") : leur ordre dans le code, et à la troisième place le choix de la lettre retenue, suit l'ordre R-I-A-S-E-C de l'hexagone de Holland et non vos réponses. Considérez ces domaines comme équivalents.",
        en: "Tied scores (" + letters + "): their order in the code, and at the third place which letter gets in, follows the order R-I-A-S-E-C of Holland's hexagon, not your answers. Treat these areas as equal."
      }
    });
  }

  const first = NAMES[code[0]];
  const second = NAMES[code[1]];
  const consistencyText = {
    high: {
      fr: "Vos deux premiers domaines, " + first.fr + " et " + second.fr + ", sont voisins sur l'hexagone de Holland : ils ont beaucoup en commun et de nombreux métiers les associent (cohérence élevée).",
      en: "Your first two areas, " + first.en + " and " + second.en + ", are next to each other on Holland's hexagon: they have a lot in common and many jobs combine them (high consistency)."
    },
    medium: {
      fr: "Vos deux premiers domaines, " + first.fr + " et " + second.fr + ", sont séparés par un autre domaine sur l'hexagone de Holland : ils ont des points communs et des métiers les associent (cohérence moyenne).",
      en: "Your first two areas, " + first.en + " and " + second.en + ", have one other area between them on Holland's hexagon: they share some features and some jobs combine them (medium consistency)."
    },
    low: {
      fr: "Vos deux premiers domaines, " + first.fr + " et " + second.fr + ", sont opposés sur l'hexagone de Holland : peu de métiers les associent. Vous pouvez en satisfaire un dans votre travail et l'autre en dehors, ou chercher un métier moins courant qui les réunit (cohérence faible).",
      en: "Your first two areas, " + first.en + " and " + second.en + ", are opposite each other on Holland's hexagon: few jobs combine them. You might find one in your work and the other outside it, or look for a less common job that brings them together (low consistency)."
    }
  }[consistency];

  return {
    scales: {
      differentiation: {
        label: { fr: "Différenciation", en: "Differentiation" },
        raw: differentiation, min: 0, max: 40, band: band
      }
    },
    flags: flags,
    interpretation: [
      {
        fr: "Votre code de Holland est " + code.join("") + ". Vos trois domaines d'intérêt les plus marqués sont, dans l'ordre : "
          + joinWords(code.map((a) => NAMES[a].fr + " (" + IN_WORDS[a].fr + ")"), "et")
          + ". C'est une piste pour explorer des métiers et des formations qui combinent ces domaines, en commençant par le premier.",
        en: "Your Holland code is " + code.join("") + ". Your three strongest interest areas are, in order: "
          + joinWords(code.map((a) => NAMES[a].en + " (" + IN_WORDS[a].en + ")"), "and")
          + ". Use it as a lead for exploring jobs and training that combine these areas, starting with the first."
      },
      consistencyText
    ],
    results: {
      hollandCode: code.join(""),
      ranking: ranking,
      consistency: consistency,
      differentiation: differentiation,
      codeTied: tiedLetters.length > 0,
      tiedLetters: tiedLetters,
      unscoredAreas: []
    }
  };
}
