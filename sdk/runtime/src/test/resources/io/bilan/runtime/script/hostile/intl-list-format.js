// Intl.ListFormat joins a million long strings in one step.
function score(input) {
  const items = new Array(1000000).fill("x".repeat(1000000));
  return { length: new Intl.ListFormat("en").format(items).length };
}
