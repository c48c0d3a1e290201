// Misbehaves in the way input.mode asks for; without a mode it returns { ok: true }.
function recurse(depth) {
  return recurse(depth + 1) + 1;
}

function score(input) {
  switch (input.mode) {
    case "endless-loop":
      while (true) {}
    case "busy-loop":
      for (let i = 0; i < 1e15; i++) {}
      return {};
    case "catastrophic-regex":
      return { matched: /^(a+)+\1$/.test("a".repeat(32) + "b") };
    case "recursion":
      return { depth: recurse(0) };
    case "repeat-huge-string":
      return { text: "x".repeat(2e9) };
    case "fill-huge-array":
      return { length: new Array(1e9).fill(0).length };
    case "push-forever": {
      const items = [];
      while (true) items.push({ index: items.length });
    }
    case "double-string": {
      let text = "x";
      while (true) text += text;
    }
    case "flatten-huge-string": {
      let text = "x";
      for (let i = 0; i < 27; i++) text += text;
      return { code: text.charCodeAt(12345) };
    }
    case "keep-allocating": {
      const blocks = [];
      while (true) blocks.push(new Float64Array(100000));
    }
    case "huge-buffer":
      return { bytes: new ArrayBuffer(4e9).byteLength };
    case "array-like-with-huge-length":
      return { found: Array.prototype.indexOf.call({ length: 1e9 }, 1) };
    case "huge-result":
      return { text: "x".repeat(999999) + "yy" };
    case "throw":
      throw new Error("answer 7 is missing");
    default:
      return { ok: true };
  }
}
