// Joining a million references to a 1,000-character string builds a billion characters in one step.
function score(input) {
  return { length: new Array(1000000).fill("x".repeat(1000)).join("").length };
}
