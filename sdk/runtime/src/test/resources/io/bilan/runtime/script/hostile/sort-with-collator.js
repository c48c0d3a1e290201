// Sorting a million strings with a built-in comparator runs no statement of the script.
function score(input) {
  const words = Array.from({ length: 1000000 }, String);
  const compare = new Intl.Collator("fr").compare;
  for (;;) words.sort(compare);
}
