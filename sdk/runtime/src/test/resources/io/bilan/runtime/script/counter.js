// Top-level state that a call changes: every call must start again from counter = 0 and an empty list.
let counter = 0;
const seen = [];

function score(input) {
  counter += 1;
  seen.push(input.id);
  return { counter, seen };
}
