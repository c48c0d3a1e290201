// repeat and padStart at the edge of the limit, again and again.
function score(input) {
  let total = 0;
  for (;;) total += "ab".repeat(499999).padStart(1000000, "xyz").length;
}
