// A text of 64 million characters built by doubling, then parsed into a 32-million-element array.
function score(input) {
  let text = "1,";
  for (let i = 0; i < 25; i++) text += text;
  return { length: JSON.parse("[" + text + "1]").length };
}
