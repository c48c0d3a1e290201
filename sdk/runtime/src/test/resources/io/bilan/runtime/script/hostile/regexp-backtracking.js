// A back-reference forces the backtracking engine: exponential in the length of the subject.
function score(input) {
  return { matched: /^(a+)+\1$/.test("a".repeat(40) + "b") };
}
