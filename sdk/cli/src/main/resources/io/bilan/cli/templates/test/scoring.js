// What the scale cannot say: which questions were left unanswered, and whether the pass mark (2 of 3) is reached.
// Must be a pure function of its input.
function score(input) {
  var unanswered = ["q1", "q2", "q3"].filter(function (id) {
    var answer = input.answers[id];
    return answer === null || answer === undefined;
  });
  var correct = input.scales.correct;
  var passed = correct.status === "scored" && correct.raw >= 2;
  return {results: {passed: passed, unanswered: unanswered}};
}
