// Scoring script of reasoning-aptitude: what the declarative scales in manifest.json cannot say.
//
// The runtime has already scored the three parts and the total as numbers correct (unanswered items
// count 0, nothing is prorated; a part with fewer than 6 of its 12 items answered, or a total with
// fewer than 30 of 36, has no score). This script adds:
//   - results: time taken (seconds, minutes, seconds per answered item), answered and unanswered
//     counts, accuracy (correct / answered) per part and overall, the parts ranked, the strongest part;
//   - the flag "many-unanswered" for each part left without a score;
//   - the flag "rapid-guessing" when the time taken is too short for the number of answers;
//   - the interpretation paragraphs.
// Plain ES2020, no imports, deterministic.

// The parts in the order of the test. It is also the tie rule: parts with the same number correct are
// listed in this order.
const PARTS = ["numerical", "verbal", "logical"];

const PART_NAMES = {
  numerical: { fr: "raisonnement numérique", en: "numerical reasoning" },
  verbal: { fr: "raisonnement verbal", en: "verbal reasoning" },
  logical: { fr: "raisonnement logique", en: "logical reasoning" }
};

// Rapid guessing: reading a short item and its options takes more than 10 seconds, so a mean below
// 10 seconds per answered item means that many answers were given without reading them. Only the
// total time is known (no per-item times), so the rule works on the mean.
const RAPID_SECONDS_PER_ITEM = 10;

// A part "stands out" only when it is at least 2 correct answers ahead of the next one: a single item
// of difference is within what chance and a moment's inattention produce.
const STANDOUT_GAP = 2;

function round(x, digits) {
  const f = Math.pow(10, digits);
  return Math.round(x * f) / f;
}

function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// French writes decimals with a comma.
function number(x, lang) {
  const s = String(round(x, 1));
  return lang === "fr" ? s.replace(".", ",") : s;
}

function isScored(scale) {
  return scale != null && scale.status === "scored" && scale.raw != null;
}

function durationText(seconds) {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) {
    return { fr: " en moins d'une minute", en: " in under a minute" };
  }
  return {
    fr: " en " + minutes + (minutes === 1 ? " minute" : " minutes") + " environ",
    en: " in about " + minutes + (minutes === 1 ? " minute" : " minutes")
  };
}

function score(input) {
  const scales = input.scales;
  const duration = typeof input.durationSeconds === "number" ? input.durationSeconds : null;
  const flags = [];

  const parts = {};
  PARTS.forEach((id) => {
    const s = scales[id];
    const scored = isScored(s);
    parts[id] = {
      correct: scored ? s.raw : null,
      answered: s.answered,
      unanswered: s.items - s.answered,
      items: s.items,
      accuracy: scored ? round(s.raw / s.answered, 2) : null,
      interpretable: scored
    };
    if (!scored) {
      // The manifest's minAnswered (6 of 12) is what makes a part unscored: more than half unanswered.
      const name = PART_NAMES[id];
      flags.push({
        code: "many-unanswered",
        severity: "warning",
        message: {
          fr: capitalise(name.fr) + " : " + s.answered + (s.answered > 1 ? " questions traitées" : " question traitée")
            + " sur " + s.items + ". Plus de la moitié des questions sont restées sans réponse : "
            + "le résultat de cette partie n'est pas interprétable.",
          en: capitalise(name.en) + ": " + s.answered + " of " + s.items + " questions answered. More than half "
            + "were left unanswered, so the result of this part cannot be interpreted."
        }
      });
    }
  });

  const t = scales.total;
  const totalScored = isScored(t);
  const answered = t.answered;
  const unanswered = t.items - answered;

  if (duration !== null && answered > 0 && duration < RAPID_SECONDS_PER_ITEM * answered) {
    flags.push({
      code: "rapid-guessing",
      severity: "warning",
      message: {
        fr: "Réponses très rapides : " + answered + (answered > 1 ? " réponses" : " réponse") + " en "
          + number(duration, "fr") + " s, soit moins de 10 secondes par question en moyenne. À ce rythme, une partie "
          + "des réponses a sans doute été donnée au hasard : les scores risquent de sous-estimer les capacités de "
          + "raisonnement. Parlez du déroulement du test avant de les interpréter.",
        en: "Very fast answers: " + answered + (answered > 1 ? " answers" : " answer") + " in "
          + number(duration, "en") + " s, under 10 seconds per question on average. At this pace, some answers were "
          + "probably guesses: the scores may underestimate the person's reasoning. Talk about how the test went "
          + "before interpreting them."
      }
    });
  }

  // Parts are ranked only when all three have a score; equal scores keep the order of PARTS.
  let partOrder = null;
  let strongestPart = null;
  if (PARTS.every((id) => parts[id].interpretable)) {
    partOrder = PARTS.slice().sort((a, b) =>
      (parts[b].correct - parts[a].correct) || (PARTS.indexOf(a) - PARTS.indexOf(b)));
    if (parts[partOrder[0]].correct - parts[partOrder[1]].correct >= STANDOUT_GAP) {
      strongestPart = partOrder[0];
    }
  }

  const interpretation = [];
  if (totalScored) {
    const c = t.raw;
    const time = duration === null ? { fr: "", en: "" } : durationText(duration);
    let missingFr = "";
    let missingEn = "";
    if (unanswered === 1) {
      missingFr = " La question laissée sans réponse compte comme fausse.";
      missingEn = " The question left unanswered counts as wrong.";
    } else if (unanswered > 1) {
      missingFr = " Les " + unanswered + " questions laissées sans réponse comptent comme fausses.";
      missingEn = " The " + unanswered + " questions left unanswered count as wrong.";
    }
    interpretation.push({
      fr: "Vous avez répondu correctement à " + c + (c > 1 ? " questions" : " question") + " sur " + t.items
        + time.fr + "." + missingFr,
      en: "You answered " + c + " of the " + t.items + " questions correctly" + time.en + "." + missingEn
    });
  } else {
    interpretation.push({
      fr: "Le score total n'est pas calculé : trop de questions sont restées sans réponse (" + unanswered
        + " sur " + t.items + ").",
      en: "The total score is not given: too many questions were left unanswered (" + unanswered + " of "
        + t.items + ")."
    });
  }
  if (strongestPart !== null) {
    const p = parts[strongestPart];
    interpretation.push({
      fr: "Votre meilleur résultat est en " + PART_NAMES[strongestPart].fr + " (" + p.correct + " sur " + p.items
        + "), avec au moins 2 bonnes réponses d'avance sur les deux autres parties.",
      en: "Your best result is in " + PART_NAMES[strongestPart].en + " (" + p.correct + " of " + p.items
        + "), at least 2 right answers ahead of the other two parts."
    });
  } else if (partOrder !== null) {
    interpretation.push({
      fr: "Vos résultats sont proches d'une partie à l'autre : aucune n'a 2 bonnes réponses ou plus d'avance sur les autres.",
      en: "Your results are close across the three parts: none is 2 or more right answers ahead of the others."
    });
  }
  interpretation.push({
    fr: "Ces résultats situent vos réponses par rapport à des repères fixes, et non par rapport à d'autres personnes. "
      + "Ils reflètent votre performance ce jour-là, en temps limité : parlez-en avec votre conseiller ou conseillère.",
    en: "These results set your answers against fixed criteria, not against other people. They reflect how you did "
      + "on the day, against the clock: talk them over with your counsellor."
  });

  return {
    flags: flags,
    interpretation: interpretation,
    results: {
      durationSeconds: duration,
      durationMinutes: duration === null ? null : round(duration / 60, 1),
      secondsPerAnsweredItem: duration === null || answered === 0 ? null : round(duration / answered, 1),
      answered: answered,
      unanswered: unanswered,
      parts: parts,
      total: {
        correct: totalScored ? t.raw : null,
        answered: answered,
        unanswered: unanswered,
        items: t.items,
        accuracy: totalScored ? round(t.raw / answered, 2) : null,
        interpretable: totalScored
      },
      partOrder: partOrder,
      strongestPart: strongestPart
    }
  };
}
