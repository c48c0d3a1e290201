// A DAG of 26 levels whose leaves are shared: JSON.stringify writes 2^26 of them.
function score(input) {
  let tree = [1];
  for (let i = 0; i < 26; i++) tree = [tree, tree];
  return { length: JSON.stringify(tree).length };
}
