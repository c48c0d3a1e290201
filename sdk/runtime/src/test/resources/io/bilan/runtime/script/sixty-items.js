// Sums 60 answers (0-4) into six scales of ten consecutive items.
// Items 5, 17, 29, 41 and 53 (0-based) are reverse-keyed: 4 - answer.
const SCALES = ["anxiety", "mood", "sleep", "energy", "focus", "social"];
const REVERSED = new Set([5, 17, 29, 41, 53]);

function score(input) {
  const scales = Object.fromEntries(SCALES.map((scale) => [scale, 0]));
  input.answers.forEach((answer, index) => {
    scales[SCALES[Math.floor(index / 10)]] += REVERSED.has(index) ? 4 - answer : answer;
  });
  const total = Object.values(scales).reduce((sum, value) => sum + value, 0);
  return { scales, total };
}
