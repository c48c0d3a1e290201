// One exponentiation of a few hundred million bits: minutes inside BigInteger.pow, no statement in between.
function score(input) {
  return { digits: String(3n ** 200000000n).length };
}
