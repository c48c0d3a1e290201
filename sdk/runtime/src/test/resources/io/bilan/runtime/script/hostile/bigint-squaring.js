// Thirty statements, each squaring a number twice as long as the last.
function score(input) {
  let x = 3n;
  for (let i = 0; i < 30; i++) x = x * x;
  return { odd: x % 2n === 1n };
}
