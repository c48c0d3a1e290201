// Bounded quantifiers nested in one another, compiled and matched again and again.
function score(input) {
  const subject = "a".repeat(1000000);
  let matches = 0;
  for (let i = 0; ; i++) {
    if (new RegExp(`(?:(?:a{${1000 + (i % 7)}}){1000}){1000}b`).test(subject)) matches++;
  }
}
