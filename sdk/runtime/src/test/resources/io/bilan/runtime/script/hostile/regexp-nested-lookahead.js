// Lookaheads and a back-reference in a loop over a subject of a million characters.
function score(input) {
  const subject = "ab".repeat(500000);
  return { matched: /^(?:(?=(a|ab|b))\1)*?(a|b)*c/.test(subject) };
}
