// Reports every object reachable from the global object, or from intrinsics that only syntax leads to,
// that is not frozen (so a call could change it for the next one).
function score() {
  const roots = [
    globalThis,
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(""[Symbol.iterator]()),
    Object.getPrototypeOf("a".matchAll(/a/g)),
    Object.getPrototypeOf([].values().map((value) => value)),
  ];
  const seen = new Set();
  const pending = roots.map((root) => ({ value: root, path: "root" }));
  const notFrozen = [];
  while (pending.length > 0) {
    const { value, path } = pending.pop();
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) continue;
    seen.add(value);
    if (!Object.isFrozen(value)) notFrozen.push(path);
    pending.push({ value: Object.getPrototypeOf(value), path: `${path}.[[Prototype]]` });
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      const name = `${path}.${String(key)}`;
      pending.push({ value: descriptor.value, path: name }, { value: descriptor.get, path: `${name}(get)` },
        { value: descriptor.set, path: `${name}(set)` });
    }
  }
  return { checked: seen.size, notFrozen };
}
