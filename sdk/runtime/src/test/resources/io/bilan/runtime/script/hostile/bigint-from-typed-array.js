// A BigInt read from a typed array of BigInts, with no literal and no BigInt function.
function score(input) {
  const one = new globalThis["BigUint64" + "Array"]([1])[0];
  return { digits: String((one + one + one) ** 200000000).length };
}
