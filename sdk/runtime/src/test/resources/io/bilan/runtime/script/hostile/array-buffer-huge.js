// Buffers and typed arrays far past the limit.
function score(input) {
  const buffer = new ArrayBuffer(2 ** 31);
  return { length: new Uint8Array(buffer).fill(1).length };
}
