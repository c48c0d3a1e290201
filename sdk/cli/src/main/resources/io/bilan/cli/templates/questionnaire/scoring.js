// What the scale cannot say: whether the person agreed with the reversed statement as much as with the others,
// which suggests answers given without reading. Must be a pure function of its input.
function score(input) {
  var answers = input.answers;
  var direct = ["learn1", "learn2", "learn4"]
    .map(function (id) { return answers[id]; })
    .filter(function (value) { return value !== null && value !== undefined; });
  var reversed = answers.learn3;
  var consistent = true;
  if (direct.length > 0 && reversed !== null && reversed !== undefined) {
    var mean = direct.reduce(function (sum, value) { return sum + value; }, 0) / direct.length;
    consistent = !(mean >= 4 && reversed >= 4);
  }
  var flags = consistent ? [] : [{
    code: "inconsistent-answers",
    severity: "warning",
    message: {
      fr: "La personne est d'accord avec la phrase inversée comme avec les autres : vérifiez qu'elle a bien lu les phrases.",
      en: "The person agrees with the reversed statement as much as with the others: check that the statements were read."
    }
  }];
  return {flags: flags, results: {consistent: consistent}};
}
