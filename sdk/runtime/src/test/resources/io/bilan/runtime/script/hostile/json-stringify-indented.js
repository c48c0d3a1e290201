// Deep nesting with the widest indentation: the text grows with the square of the depth.
function score(input) {
  let nested = [];
  for (let i = 0; i < 3000; i++) nested = [nested, nested.length === 0 ? [] : nested[1]];
  return { length: JSON.stringify(nested, null, "          ").length };
}
