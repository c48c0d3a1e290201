function score(input) {
  return {;
}
