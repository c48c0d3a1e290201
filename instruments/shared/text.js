// Included by the scripts of instruments/ that write evidence notes and lists (manifest: "scoring":
// {"include": [...]}). Plain ES2020, deterministic, no regular expressions.

// The longest evidence note an outcome may carry.
const EVIDENCE_MAX = 500;

// Titles go into evidence notes on one line: line breaks and tabs become spaces, runs of spaces one
// space. An empty title is replaced by the entry number.
function titleOf(entry, number) {
  let title = typeof entry.title === "string" ? entry.title : "";
  title = title.split("\r").join(" ").split("\n").join(" ").split("\t").join(" ");
  while (title.indexOf("  ") >= 0) {
    title = title.split("  ").join(" ");
  }
  title = title.trim();
  return title === "" ? "#" + number : title;
}

// Cut to 500 characters at most, between code points, so an emoji is never split in two.
function clip(text) {
  if (text.length <= EVIDENCE_MAX) {
    return text;
  }
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > EVIDENCE_MAX - 1) {
      break;
    }
    out += ch;
  }
  return out + "…";
}

// « A », « B » et « C » / A, B and C.
function listOf(names, language) {
  const quoted = language === "fr" ? names.map((n) => "« " + n + " »") : names;
  if (quoted.length <= 1) {
    return quoted.join("");
  }
  return quoted.slice(0, -1).join(", ") + (language === "fr" ? " et " : " and ") + quoted[quoted.length - 1];
}

// The same text built in French and in English.
function both(build) {
  return { fr: build("fr"), en: build("en") };
}
