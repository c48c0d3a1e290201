// Two strings of half a billion characters built by doubling, then compared: the comparison copies both.
function score(input) {
  let left = "a";
  let right = "a";
  for (let i = 0; i < 29; i++) {
    left += left;
    right += right;
  }
  return { equal: left + "b" === right + "b" };
}
