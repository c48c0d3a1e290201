// Case mapping and normalisation of a string of 128 million characters.
function score(input) {
  let text = "é";
  for (let i = 0; i < 27; i++) text += text;
  return { length: text.toLocaleUpperCase("tr").normalize("NFD").length };
}
