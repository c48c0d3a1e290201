// A left shift by a billion bits allocates 125 MB in one step.
function score(input) {
  return { bits: (1n << 1000000000n).toString(16).length };
}
