// Sorting and copying the largest typed arrays allowed, again and again.
function score(input) {
  const values = new Float64Array(1000000).map((_, i) => (i * 7919) % 1000003);
  for (;;) {
    values.reverse();
    values.slice().sort();
  }
}
