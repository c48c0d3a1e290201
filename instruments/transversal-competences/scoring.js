// Scoring script of transversal-competences: what the declarative scales in manifest.json cannot say.
//
// The runtime has already scored the 27 competence scales and the 5 cluster scales (means of the 1..4
// mastery answers, with their bands) and turned each competence scale into a "self-assessment" outcome.
// This script reads the experience inventory and:
//   1. gives each competence cited in at least one experience an outcome with source "experience",
//      whose evidence names the experiences (their titles); its level measures how much practice documents
//      the competence (measures "documentation"), not how well it is mastered;
//   2. lists, per competence, the experiences that support it (results.experienceByCompetence);
//   3. compares the self-assessment with the experiences and flags what is worth exploring in interview;
//   4. writes the interpretation paragraphs.
// It is plain ES2020, and deterministic: the same input always gives the same output. The competences' labels
// and order are the runtime's (vocabulary), never copied here. The manifest includes shared/competences.js
// (COMPETENCE_IDS, ORDER, isCompetence, competenceName) and shared/text.js (EVIDENCE_MAX, titleOf, clip, listOf,
// both), found in instruments/shared/ and packed with the package; they run first, in the same scope.

// Experience level = min(experiences, 4) / 8 + min(months, 60) / 120, so 0 to 1.
// Half rests on the number of experiences (a competence used in several settings is more likely to
// transfer), half on the months of practice added up. Four experiences and five years of cumulated
// practice count as full evidence: criterion-referenced choices of the Bilan project, not norms.
const FULL_EXPERIENCES = 4;
const FULL_MONTHS = 60;

// Comparison with the self-assessment (competence scale means, 1..4):
const LOW_SELF = 2;          // mean at or below 2: "can't do it yet" or "with help"
const HIGH_SELF = 3.5;       // mean at or above 3.5: band "strong"
const MUCH_EXPERIENCE = 0.5; // experience level at or above 0.5, e.g. 2 experiences and 30 months
const ACQUIRED = 3;          // a competence is named as a strength only from the band "acquired" on

// Means and levels are computed in floating point; the runtime's bands allow the same slack.
const EPSILON = 1e-9;
// The runtime refuses an evidence note longer than 500 characters.
const TOP = 3;

// "2019-09" or "2019-09-15" (the runtime has checked the format) -> months since year 0; the day is
// ignored. Plain string operations rather than regular expressions, here and below: every call starts in
// a fresh sandbox under a time limit, so the script keeps to cheap operations.
function monthIndex(date) {
  if (typeof date !== "string" || date.length < 7) {
    return null;
  }
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return Number.isInteger(year) && Number.isInteger(month) ? year * 12 + month - 1 : null;
}

// The duration of an experience in months: the "months" field when given; otherwise the calendar months
// from start to end, both counted (2019-09 to 2020-06 is 10 months). An ongoing experience has no end,
// and the script cannot know today's date, so it needs "months". An end before the start is inconsistent.
function durationOf(entry) {
  const start = monthIndex(entry.start);
  const end = monthIndex(entry.end);
  const fromDates = start !== null && end !== null ? end - start + 1 : null;
  const inconsistent = fromDates !== null && fromDates < 1;
  if (typeof entry.months === "number") {
    return { months: entry.months, inconsistent: inconsistent };
  }
  return { months: fromDates !== null && !inconsistent ? fromDates : null, inconsistent: inconsistent };
}

function round1(n) {
  return Math.round(n * 10) / 10;
}

function number(n, language) {
  const text = String(round1(n));
  return language === "fr" ? text.replace(".", ",") : text;
}

// The competences' names in one language, as a list: « A », « B » et « C » / A, B and C.
function names(ids, language) {
  return listOf(ids.map((id) => competenceName(id, language)), language);
}

// Highest value first; equal values (within EPSILON) keep the framework order.
function ranked(ids, valueOf) {
  return ids.slice().sort((a, b) => {
    const difference = valueOf(b) - valueOf(a);
    return Math.abs(difference) > EPSILON ? difference : ORDER[a] - ORDER[b];
  });
}

function score(input) {
  const answers = input.answers || {};
  const scales = input.scales || {};
  const entries = Array.isArray(answers.experiences) ? answers.experiences : [];

  // Which experiences support which competence.
  const support = {};
  const unknownDuration = [];
  const inconsistentDates = [];
  let totalMonths = 0;
  entries.forEach((entry, index) => {
    const entryNumber = index + 1;
    const duration = durationOf(entry);
    if (duration.inconsistent) {
      inconsistentDates.push(entryNumber);
    }
    if (duration.months === null) {
      unknownDuration.push(entryNumber);
    } else {
      totalMonths += duration.months;
    }
    const title = titleOf(entry, entryNumber);
    const cited = Array.isArray(entry.competences) ? entry.competences : [];
    cited.forEach((id) => {
      if (!isCompetence(id)) {
        return; // the runtime only lets framework ids through; this keeps the script safe anyway
      }
      const record = support[id] || (support[id] = { experiences: 0, months: 0, entries: [], titles: [] });
      record.experiences += 1;
      record.months += duration.months === null ? 0 : duration.months;
      record.entries.push(entryNumber);
      record.titles.push(title);
    });
  });

  const cited = COMPETENCE_IDS.filter((id) => support[id]);
  const outcomes = [];
  const experienceByCompetence = {};
  const levels = {};
  cited.forEach((id) => {
    const record = support[id];
    const level = Math.min(record.experiences, FULL_EXPERIENCES) / (2 * FULL_EXPERIENCES)
      + Math.min(record.months, FULL_MONTHS) / (2 * FULL_MONTHS);
    levels[id] = level;
    outcomes.push({
      type: "competence", target: id, level: level, source: "experience", measures: "documentation",
      evidence: clip(record.titles.join("; "))
    });
    experienceByCompetence[id] = {
      experiences: record.experiences, months: record.months, level: level, entries: record.entries
    };
  });

  // Self-assessment means (absent when the competence had no answer).
  const mean = (id) => scales[id] && typeof scales[id].mean === "number" ? scales[id].mean : null;
  const rated = COMPETENCE_IDS.filter((id) => mean(id) !== null);

  const underEstimated = rated.filter((id) => mean(id) <= LOW_SELF + EPSILON
    && (levels[id] || 0) >= MUCH_EXPERIENCE - EPSILON);
  // Without any experience described, "no experience cited" says nothing about a competence.
  const withoutExperience = entries.length === 0 ? []
    : rated.filter((id) => mean(id) >= HIGH_SELF - EPSILON && !support[id]);

  const flags = [];
  if (entries.length === 0) {
    flags.push({
      code: "no-experience-inventory", severity: "info",
      message: {
        fr: "Aucune expérience n'est décrite : les compétences ne peuvent pas être rapprochées du parcours, seule l'auto-évaluation est disponible.",
        en: "No experience is described: the competences cannot be compared with the person's background; only the self-assessment is available."
      }
    });
  }
  if (inconsistentDates.length > 0) {
    flags.push({
      code: "inconsistent-dates", severity: "warning",
      message: both((l) => l === "fr"
        ? "Dates incohérentes (fin avant le début) pour l'expérience n° " + inconsistentDates.join(", ")
          + " : la durée en mois est retenue si elle est donnée, sinon l'expérience compte pour 0 mois."
        : "Inconsistent dates (end before start) in experience no. " + inconsistentDates.join(", ")
          + ": the duration in months is used if given, otherwise the experience counts as 0 months.")
    });
  }
  if (unknownDuration.length > 0) {
    flags.push({
      code: "duration-unknown", severity: "info",
      message: both((l) => l === "fr"
        ? "Durée inconnue pour l'expérience n° " + unknownDuration.join(", ")
          + " : elle compte dans le nombre d'expériences, mais pour 0 mois. Précisez les dates ou la durée."
        : "Unknown duration for experience no. " + unknownDuration.join(", ")
          + ": it counts towards the number of experiences, but as 0 months. Add the dates or the duration.")
    });
  }
  if (underEstimated.length > 0) {
    flags.push({
      code: "possible-under-estimation", severity: "info",
      message: both((l) => l === "fr"
        ? "Possible sous-estimation (auto-évaluation basse, expérience importante) : " + names(underEstimated, l) + "."
        : "Possible under-estimation (rated low, substantial experience): " + names(underEstimated, l) + ".")
    });
  }
  if (withoutExperience.length > 0) {
    flags.push({
      code: "high-rating-without-experience", severity: "info",
      message: both((l) => l === "fr"
        ? "À explorer en entretien (point fort déclaré, aucune expérience citée) : " + names(withoutExperience, l) + "."
        : "To explore in interview (rated as a strength, no experience cited): " + names(withoutExperience, l) + ".")
    });
  }

  const interpretation = [];
  const topSelf = ranked(rated, mean).filter((id) => mean(id) >= ACQUIRED - EPSILON).slice(0, TOP);
  if (rated.length === 0) {
    interpretation.push({
      fr: "Trop de réponses manquent dans l'auto-évaluation pour en tirer des résultats.",
      en: "Too many answers are missing from the self-assessment to draw any results from it."
    });
  } else if (topSelf.length > 0) {
    interpretation.push(both((l) => l === "fr"
      ? "Les compétences que vous estimez le mieux maîtriser : " + names(topSelf, l) + "."
      : "The competences you feel most at ease with: " + names(topSelf, l) + "."));
  } else {
    interpretation.push({
      fr: "Dans votre auto-évaluation, aucune compétence n'atteint le niveau « Acquis ». Parlez-en avec votre conseiller ou conseillère : il est fréquent de sous-estimer ce que l'on sait faire.",
      en: "In your self-assessment, no competence reaches the level \"Acquired\". Talk it over with your counsellor: people often underestimate what they can do."
    });
  }

  const topExperience = ranked(cited, (id) => levels[id]).slice(0, TOP);
  if (entries.length > 0) {
    const atLeast = unknownDuration.length > 0;
    const count = entries.length;
    interpretation.push(both((l) => {
      const described = l === "fr"
        ? "Vous avez décrit " + count + (count > 1 ? " expériences" : " expérience") + ", soit "
          + (atLeast ? "au moins " : "") + number(totalMonths, l) + " mois au total."
        : "You have described " + count + (count > 1 ? " experiences" : " experience") + ", "
          + (atLeast ? "at least " : "") + number(totalMonths, l) + (totalMonths === 1 ? " month" : " months") + " in all.";
      if (topExperience.length === 0) {
        return described + (l === "fr"
          ? " Aucune compétence n'y est encore associée : reprenez-les avec votre conseiller ou conseillère pour repérer ce que vous y avez mis en œuvre."
          : " No competence is linked to them yet: go through them with your counsellor to find out what you used in them.");
      }
      return described + (l === "fr"
        ? " Les compétences que vous y avez le plus utilisées : " + names(topExperience, l) + "."
        : " The competences you used most in them: " + names(topExperience, l) + ".");
    }));
  }
  if (underEstimated.length > 0 || withoutExperience.length > 0) {
    interpretation.push({
      fr: "Certains écarts entre votre auto-évaluation et vos expériences sont signalés : ce ne sont pas des erreurs, mais des pistes à explorer ensemble en entretien.",
      en: "Some differences between your self-assessment and your experiences are pointed out: they are not mistakes, but leads to explore together in interview."
    });
  }

  return {
    outcomes: outcomes,
    flags: flags,
    interpretation: interpretation,
    results: {
      experiences: entries.length,
      totalMonths: totalMonths,
      experienceByCompetence: experienceByCompetence,
      topSelfRated: topSelf,
      topExperience: topExperience,
      possibleUnderEstimation: underEstimated,
      highRatingWithoutExperience: withoutExperience
    }
  };
}
