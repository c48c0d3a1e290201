// Sorting a million strings again and again, each sort one built-in step.
function score(input) {
  const words = Array.from({ length: 1000000 }, String);
  for (;;) {
    words.reverse();
    words.sort();
  }
}
