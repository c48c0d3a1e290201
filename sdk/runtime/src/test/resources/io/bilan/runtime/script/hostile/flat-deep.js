// flat(Infinity) of a deeply nested array whose levels share one another.
function score(input) {
  let nested = [1, 2];
  for (let i = 0; i < 40; i++) nested = [nested, nested];
  return { length: nested.flat(Infinity).length };
}
