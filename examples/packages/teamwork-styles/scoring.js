// Scoring script of teamwork-styles: what the declarative scales in manifest.json cannot say.
//
// The runtime has already computed the four sum scales (reversal, forced choice, proration, norms and
// bands) and passes them in input.scales. This script only compares them with each other:
//   - results.primaryStyle: the style with the highest raw score;
//   - results.profile: the four styles from highest to lowest;
//   - the flag "flat-profile" when the four scores are too close to single out a style;
//   - one interpretation paragraph naming the primary style.
// It is plain ES2020 with no imports, and deterministic: the same input always gives the same output.

// The order of the scales in the manifest. It is also the tie rule: when two styles have the same raw
// score, the one that comes first here ranks first. Any fixed rule would do; this one is easy to explain
// to a beneficiary ("in case of a tie, the order of the questionnaire decides").
const STYLES = ["coordinating", "supporting", "challenging", "delivering"];

// Scores closer than this are treated as equal. Prorated scores are computed in floating point, so a
// score that is 18 by hand may come out as 17.999999999999996; the runtime's bands use the same slack.
const EPSILON = 1e-9;

// A profile whose highest and lowest scores are this close (or closer) is flagged as flat.
const FLAT_SPREAD = 2;

// Each style in plain words, to be read by the person.
const DESCRIPTIONS = {
  coordinating: {
    fr: "coordonner : vous aimez organiser le travail du groupe, répartir les tâches et fixer les étapes",
    en: "coordinating: you like to organise the group's work, share out the tasks and set the steps"
  },
  supporting: {
    fr: "soutenir : vous êtes à l'écoute de vos collègues et vous les aidez quand ils en ont besoin",
    en: "supporting: you look out for your colleagues, listen to them and help them when they need it"
  },
  challenging: {
    fr: "questionner : vous interrogez les idées, exprimez vos doutes et proposez d'autres façons de faire",
    en: "challenging: you question ideas, voice your doubts and suggest other ways of doing things"
  },
  delivering: {
    fr: "mener à bien : vous tenez vos engagements et terminez ce que vous avez commencé",
    en: "delivering: you keep your commitments and finish what you have started"
  }
};

function score(input) {
  // A scale without enough answers has no raw score (the runtime leaves it out or sets it to null, and
  // already raises "insufficient-data" for it). Comparing three styles out of four would be misleading,
  // so nothing is ranked or interpreted: only a flag says why.
  const missing = STYLES.filter((id) => input.scales[id] == null || input.scales[id].raw == null);
  if (missing.length > 0) {
    return {
      flags: [{
        code: "incomplete-profile",
        severity: "warning",
        message: {
          fr: "Profil non établi : trop de réponses manquent pour comparer les quatre styles.",
          en: "No profile: too many answers are missing to compare the four styles."
        }
      }]
    };
  }

  const raw = (id) => input.scales[id].raw;

  // Highest raw first; equal scores (within EPSILON) keep the order of STYLES.
  const profile = STYLES.slice().sort((a, b) => {
    const difference = raw(b) - raw(a);
    if (Math.abs(difference) > EPSILON) {
      return difference;
    }
    return STYLES.indexOf(a) - STYLES.indexOf(b);
  });
  const primary = profile[0];
  const spread = raw(profile[0]) - raw(profile[profile.length - 1]);

  const flags = [];
  if (spread <= FLAT_SPREAD + EPSILON) {
    flags.push({
      code: "flat-profile",
      severity: "warning",
      message: {
        fr: "Profil plat : les quatre scores sont très proches (écart de 2 points ou moins), le style principal est donc peu distinct.",
        en: "Flat profile: the four scores are very close (2 points apart or less), so the primary style barely stands out."
      }
    });
  }

  const described = DESCRIPTIONS[primary];
  return {
    results: { primaryStyle: primary, profile: profile },
    flags: flags,
    interpretation: [{
      fr: "D'après vos réponses, votre façon de contribuer à une équipe la plus marquée est de " + described.fr
        + ". Ce résultat décrit comment vous vous voyez ; il se discute avec votre conseiller ou conseillère, "
        + "à la lumière de vos expériences.",
      en: "From your answers, the way you most contribute to a team is " + described.en
        + ". This describes how you see yourself; talk it over with your counsellor in the light of your experience."
    }]
  };
}
