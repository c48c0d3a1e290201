// Spreading a million elements into a call, again and again.
function score(input) {
  const values = new Array(1000000).fill(7);
  let total = 0;
  for (;;) total += Math.max(...values) + String.fromCharCode(...values).length;
}
