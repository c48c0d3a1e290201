// A scoring script with a typo on line 4.
function score(input) {
  const total = input.answers.reduce((sum, answer) => sum + answer, 0);
  return { total: total +* 2 };
}
