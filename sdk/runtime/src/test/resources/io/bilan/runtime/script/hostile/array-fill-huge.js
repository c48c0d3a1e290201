// An array of a billion elements filled in one call.
function score(input) {
  return { length: Array(1e9).fill(0).length };
}
