// Returns its whole input, so tests can check what scripts receive.
function score(input) {
  return { results: { input: input } };
}
