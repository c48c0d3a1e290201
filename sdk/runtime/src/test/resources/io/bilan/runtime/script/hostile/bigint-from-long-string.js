// Parsing a million decimal digits is quadratic inside the BigInt conversion.
function score(input) {
  let total = 0;
  for (;;) total += Number(BigInt("9".repeat(1000000)) % 7n);
}
