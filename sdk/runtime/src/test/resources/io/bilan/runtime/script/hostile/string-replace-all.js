// Each character of a doubled string replaced by a thousand: one call, a huge result.
function score(input) {
  let text = "a";
  for (let i = 0; i < 22; i++) text += text;
  return { length: text.replaceAll("a", "b".repeat(1000)).length };
}
