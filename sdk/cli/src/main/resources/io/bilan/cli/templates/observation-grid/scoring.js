// What the scales cannot say: how far the observers disagree. A gap of 2 points or more on a criterion
// raises a flag, so that the observers talk it over. Must be a pure function of its input.
function score(input) {
  var largestGap = 0;
  ["clarity", "questions", "timing"].forEach(function (id) {
    var ratings = input.answers[id];
    if (ratings !== null && typeof ratings === "object") {
      var values = Object.keys(ratings).map(function (observer) { return ratings[observer]; });
      largestGap = Math.max(largestGap, Math.max.apply(null, values) - Math.min.apply(null, values));
    }
  });
  var flags = largestGap >= 2 ? [{
    code: "observers-disagree",
    severity: "warning",
    message: {
      fr: "Les observateurs s'écartent de 2 points ou plus sur un critère : confrontez vos observations.",
      en: "The observers differ by 2 points or more on a criterion: compare your observations."
    }
  }] : [];
  return {flags: flags, results: {largestGap: largestGap}};
}
