// Throws a TypeError on line 6: the input has "answers", not "responses".
const SCALE = "total";

function score(input) {
  const answers = input.responses;
  const total = answers.length;
  return { [SCALE]: total };
}
