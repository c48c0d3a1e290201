// Tries to leave a trace for later calls when input.target says where;
// every call then reports what it can observe of such traces.
function score(input) {
  switch (input.target) {
    case "Array.prototype.map":
      Array.prototype.map = () => ["tampered"];
      break;
    case "Object.prototype.polluted":
      Object.prototype.polluted = "yes";
      break;
    case "defineProperty on Object.prototype":
      Object.defineProperty(Object.prototype, "polluted", { value: "yes" });
      break;
    case "setPrototypeOf Array.prototype":
      Object.setPrototypeOf(Array.prototype, { polluted: "yes" });
      break;
    case "globalThis.x":
      globalThis.x = "leaked";
      break;
    case "Math.max":
      Math.max = () => 42;
      break;
    case "JSON.stringify":
      JSON.stringify = () => "{}";
      break;
    case "generator prototype":
      Object.getPrototypeOf(function* () {}).prototype.polluted = "yes";
      break;
    case "iterator prototype":
      Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())).polluted = "yes";
      break;
    case "typed array prototype":
      Object.getPrototypeOf(Int8Array).prototype.polluted = "yes";
      break;
    case "async function prototype":
      Object.getPrototypeOf(async function () {}).polluted = "yes";
      break;
    case "Error.prototype.name":
      Error.prototype.name = "Tampered";
      break;
  }
  return observe();
}

function observe() {
  return {
    map: [1, 2].map((n) => n * 2),
    polluted: [typeof {}.polluted, typeof [].polluted, typeof function* () {}().polluted,
      typeof [][Symbol.iterator]().polluted, typeof new Int8Array(1).polluted, typeof async function () {}.polluted],
    x: typeof globalThis.x,
    max: Math.max(1, 2),
    json: JSON.stringify({ a: 1 }),
    errorName: new Error("e").name,
  };
}
