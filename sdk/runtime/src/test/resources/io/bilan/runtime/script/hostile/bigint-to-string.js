// A two-million-bit BigInt is computed quickly; converting it to decimal takes tens of seconds.
function score(input) {
  return { digits: (7n ** 2000000n).toString().length };
}
