package io.bilan.runtime.script;

import org.graalvm.polyglot.Source;

/**
 * The JavaScript that turns a fresh GraalJS context into a scoring realm, run once per context before the author's
 * script: it removes host and non-deterministic globals, guards built-ins that could build huge strings or arrays in
 * one step, defines the global {@code vocabulary} ({@link ScriptVocabulary}), and returns
 * {@code seal(factory, unpackFactory)}, which deep-freezes every intrinsic and the vocabulary and returns the
 * {@code run(inputJson)} function the host calls.
 */
final class SandboxRealm {

    /** Marks the RangeErrors thrown by the length guards, so the host reports them as memory limits. */
    static final String LIMIT_MARKER = "exceeds the sandbox limit";

    /**
     * Evaluates to {@code install(maxStringLength, maxArrayLength, maxResultChars, vocabularyJson)}, which returns
     * {@code seal}.
     */
    static final Source SETUP = Source.newBuilder("js", """
            (function install(maxStringLength, maxArrayLength, maxResultChars, vocabularyJson) {
              "use strict";
              const global = globalThis;
              const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, ownKeys } = Reflect;
              const { defineProperty: defineOwnProperty, freeze, hasOwn } = Object;
              const { parse, stringify } = JSON;
              const { isArray } = Array;
              const ObjectPrototype = Object.prototype;
              const ArrayBufferPrototype = ArrayBuffer.prototype;
              const TypedArray = getPrototypeOf(Int8Array);
              const iteratorSymbol = Symbol.iterator;
              const spreadableSymbol = Symbol.isConcatSpreadable;
              const maxBufferBytes = maxArrayLength * 8;

              // Intrinsics that no global property leads to; freezing starts from them too.
              const reach = (find) => { try { return find(); } catch (error) { return undefined; } };
              const hiddenIntrinsics = [
                reach(() => getPrototypeOf(function* () {})),
                reach(() => getPrototypeOf(async function () {})),
                reach(() => getPrototypeOf(async function* () {})),
                reach(() => getPrototypeOf([][iteratorSymbol]())),
                reach(() => getPrototypeOf(new Map()[iteratorSymbol]())),
                reach(() => getPrototypeOf(new Set()[iteratorSymbol]())),
                reach(() => getPrototypeOf(""[iteratorSymbol]())),
                reach(() => getPrototypeOf(/(?:)/g[Symbol.matchAll](""))),
                reach(() => getPrototypeOf([].values().map((value) => value))),
                reach(() => getPrototypeOf(Iterator.from({ next() { return { done: true, value: undefined }; } }))),
                reach(() => getPrototypeOf(new Intl.Segmenter().segment(""))),
                reach(() => getPrototypeOf(new Intl.Segmenter().segment("")[iteratorSymbol]())),
              ];

              const tooLarge = (what, size, limit, unit) =>
                new RangeError(`${what} of ${size} ${unit} @LIMIT_MARKER@ of ${limit} ${unit}`);
              const checkArrayLength = (length) => {
                if (length > maxArrayLength) throw tooLarge("an array", length, maxArrayLength, "elements");
              };
              const checkStringLength = (length) => {
                if (length > maxStringLength) throw tooLarge("a string", length, maxStringLength, "characters");
              };
              const checkByteLength = (length) => {
                if (length > maxBufferBytes) throw tooLarge("a buffer", length, maxBufferBytes, "bytes");
              };
              const unavailable = (what) =>
                new Error(`${what} is unavailable because scoring must be deterministic; pass such values in the input`);

              function replaceMethod(owner, key, wrap) {
                const original = owner[key];
                const replacement = wrap(original);
                defineProperty(replacement, "name", { value: original.name });
                defineProperty(replacement, "length", { value: original.length });
                defineProperty(owner, key, { value: replacement });
              }

              function replaceConstructor(name, checkArguments) {
                const original = global[name];
                const guarded = new Proxy(original, {
                  construct(target, args, newTarget) {
                    checkArguments(args);
                    return construct(target, args, newTarget);
                  },
                });
                defineProperty(original.prototype, "constructor", { value: guarded });
                defineProperty(global, name, { value: guarded });
              }

              // Host access, loaders and sources of non-determinism (garbage collection, shared memory).
              for (const name of ["Java", "Packages", "java", "javax", "javafx", "com", "org", "edu", "Polyglot", "Graal",
                  "load", "loadWithNewGlobal", "print", "printErr", "arguments", "SharedArrayBuffer", "Atomics", "WeakRef",
                  "FinalizationRegistry", "BigInt", "BigInt64Array", "BigUint64Array"]) {
                delete global[name];
              }
              // The engine runs without BigInt (ScriptSandbox): nothing that makes one may be left, whatever the options.
              for (const key of ["getBigInt64", "getBigUint64", "setBigInt64", "setBigUint64"]) {
                delete DataView.prototype[key];
              }
              // RegExp.$1, RegExp.lastMatch and friends would carry the last match from one call into the next.
              for (const key of ownKeys(RegExp)) {
                if (key !== Symbol.species && getOwnPropertyDescriptor(RegExp, key).get !== undefined) delete RegExp[key];
              }

              // The shared vocabularies, as data; frozen with every other global by seal().
              defineProperty(global, "vocabulary", { value: parse(vocabularyJson), enumerable: false });

              defineProperty(Math, "random", { value: ({ random() { throw unavailable("Math.random()"); } }).random });
              const OriginalDate = Date;
              defineProperty(OriginalDate, "now", { value: ({ now() { throw unavailable("Date.now()"); } }).now });
              const SandboxDate = new Proxy(OriginalDate, {
                apply() { throw unavailable("Date() (the current time)"); },
                construct(target, args, newTarget) {
                  if (args.length === 0) throw unavailable("new Date() without arguments (the current time)");
                  return construct(target, args, newTarget);
                },
              });
              defineProperty(OriginalDate.prototype, "constructor", { value: SandboxDate });
              defineProperty(global, "Date", { value: SandboxDate });
              const DateTimeFormatPrototype = Intl.DateTimeFormat.prototype;
              const formatGetter = getOwnPropertyDescriptor(DateTimeFormatPrototype, "format").get;
              defineProperty(DateTimeFormatPrototype, "format", {
                get: getOwnPropertyDescriptor({
                  get format() {
                    const format = apply(formatGetter, this, []);
                    return (date) => {
                      if (date === undefined) throw unavailable("Intl.DateTimeFormat format() without a date");
                      return format(date);
                    };
                  },
                }, "format").get,
              });
              replaceMethod(DateTimeFormatPrototype, "formatToParts", (formatToParts) => ({
                formatToParts(date) {
                  if (date === undefined) throw unavailable("Intl.DateTimeFormat formatToParts() without a date");
                  return apply(formatToParts, this, arguments);
                },
              }).formatToParts);

              // Built-ins that would build a huge string or array in one step, where the watchdog cannot step in.
              replaceMethod(String.prototype, "repeat", (repeat) => ({
                repeat(count) {
                  if (this === undefined || this === null) return apply(repeat, this, arguments);
                  const string = `${this}`;
                  const times = +count;
                  checkStringLength(string.length * times);
                  return apply(repeat, string, [times]);
                },
              }).repeat);
              for (const key of ["padStart", "padEnd"]) {
                replaceMethod(String.prototype, key, (pad) => ({
                  [key](maxLength, fillString) {
                    if (this === undefined || this === null) return apply(pad, this, arguments);
                    const string = `${this}`;
                    const length = +maxLength;
                    if (length > string.length) checkStringLength(length);
                    return apply(pad, string, [length, fillString]);
                  },
                })[key]);
              }
              for (const key of ownKeys(Array.prototype)) {
                if (typeof key !== "string" || key === "constructor" || key === "keys" || key === "values"
                    || key === "entries" || typeof Array.prototype[key] !== "function") continue;
                replaceMethod(Array.prototype, key, (method) => ({
                  [key]() {
                    if (this !== undefined && this !== null) checkArrayLength(this.length);
                    return apply(method, this, arguments);
                  },
                })[key]);
              }
              replaceMethod(Array.prototype, "concat", (concat) => ({
                concat() {
                  if (this !== undefined && this !== null) checkArrayLength(this.length);
                  for (let i = 0; i < arguments.length; i++) {
                    const item = arguments[i];
                    if (typeof item === "object" && item !== null && (isArray(item) || item[spreadableSymbol])) {
                      checkArrayLength(item.length);
                    }
                  }
                  return apply(concat, this, arguments);
                },
              }).concat);
              const checkArrayLike = (items) => {
                if (items !== undefined && items !== null && items[iteratorSymbol] == null) checkArrayLength(items.length);
              };
              replaceMethod(Array, "from", (from) => ({
                from(items) { checkArrayLike(items); return apply(from, this, arguments); },
              }).from);
              replaceMethod(TypedArray, "from", (from) => ({
                from(items) { checkArrayLike(items); return apply(from, this, arguments); },
              }).from);
              const checkArgumentList = (list) => {
                if (typeof list === "object" && list !== null) checkArrayLength(list.length);
              };
              replaceMethod(Function.prototype, "apply", (applyMethod) => ({
                apply(thisArgument, argumentList) { checkArgumentList(argumentList); return apply(applyMethod, this, arguments); },
              }).apply);
              replaceMethod(Reflect, "apply", (reflectApply) => ({
                apply(target, thisArgument, argumentList) {
                  checkArgumentList(argumentList);
                  return apply(reflectApply, this, arguments);
                },
              }).apply);
              replaceMethod(Reflect, "construct", (reflectConstruct) => ({
                construct(target, argumentList) { checkArgumentList(argumentList); return apply(reflectConstruct, this, arguments); },
              }).construct);
              for (const name of ownKeys(global)) {
                const value = global[name];
                if (typeof value === "function" && getPrototypeOf(value) === TypedArray) {
                  replaceConstructor(name, (args) => {
                    const first = args[0];
                    checkArrayLength(typeof first === "object" && first !== null ? first.length : +first);
                  });
                }
              }
              replaceConstructor("ArrayBuffer", (args) => {
                checkByteLength(+args[0]);
                const options = args[1];
                if (typeof options === "object" && options !== null) checkByteLength(+options.maxByteLength);
              });
              for (const key of ["resize", "transfer", "transferToFixedLength"]) {
                if (typeof ArrayBufferPrototype[key] !== "function") continue;
                replaceMethod(ArrayBufferPrototype, key, (method) => ({
                  [key](newLength) { checkByteLength(+newLength); return apply(method, this, arguments); },
                })[key]);
              }

              // JSON.stringify of a few arrays that share one another writes exponentially many, and GraalJS checks the
              // length of the text only at the end: this replacer counts what is written (an upper bound) as it goes.
              const maxJsonLength = 2 * (maxStringLength > maxResultChars ? maxStringLength : maxResultChars);
              function boundedStringify(value, replacer, space) {
                let budget = maxJsonLength;
                const indent = typeof space === "number" ? (space >= 10 ? 10 : space >= 1 ? space | 0 : 0)
                  : typeof space === "string" ? (space.length > 10 ? 10 : space.length) : 0;
                const depths = indent > 0 ? new Map() : null;
                const custom = typeof replacer === "function" ? replacer : null;
                const counting = function (key, item) {
                  const written = custom === null ? item : apply(custom, this, [key, item]);
                  let depth = 0;
                  if (depths !== null) {
                    depth = (depths.get(this) ?? 0) + 1;
                    if (typeof written === "object" && written !== null) depths.set(written, depth);
                  }
                  budget -= 8 + depth * indent + key.length + (typeof written === "string" ? written.length : 0);
                  if (budget < 0) throw new RangeError(`the JSON text @LIMIT_MARKER@ of ${maxJsonLength} characters`);
                  return written;
                };
                if (isArray(replacer)) {
                  // A list of keys cannot be combined with a function: count everything first, then write.
                  apply(stringify, JSON, [value, counting, space]);
                  return apply(stringify, JSON, [value, replacer, space]);
                }
                return apply(stringify, JSON, [value, counting, space]);
              }
              replaceMethod(JSON, "stringify", () => ({
                stringify(value, replacer, space) { return boundedStringify(value, replacer, space); },
              }).stringify);

              // Once frozen, assigning e.g. error.name or obj.toString would throw because the inherited property is
              // read-only; these accessors turn such an assignment into an own property of the object instead.
              function allowOverride(object, key) {
                const descriptor = getOwnPropertyDescriptor(object, key);
                if (descriptor === undefined || !hasOwn(descriptor, "value") || !descriptor.writable
                    || !descriptor.configurable) return;
                const value = descriptor.value;
                defineProperty(object, key, {
                  get() { return value; },
                  set(replacement) {
                    if (this === object) {
                      throw new TypeError(`Cannot assign to read only property '${String(key)}' of a built-in object`);
                    }
                    defineOwnProperty(this, key, { value: replacement, writable: true, enumerable: true, configurable: true });
                  },
                  enumerable: descriptor.enumerable,
                  configurable: false,
                });
              }
              for (const key of ["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty",
                  "isPrototypeOf", "propertyIsEnumerable"]) {
                allowOverride(ObjectPrototype, key);
              }
              allowOverride(Function.prototype, "toString");
              for (const error of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
                  AggregateError]) {
                for (const key of ["constructor", "name", "message", "toString"]) allowOverride(error.prototype, key);
              }

              function freezeEverything(roots) {
                const seen = new Set();
                const pending = [...roots];
                while (pending.length > 0) {
                  const value = pending.pop();
                  if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) {
                    continue;
                  }
                  seen.add(value);
                  freeze(value);
                  pending.push(getPrototypeOf(value));
                  const keys = ownKeys(value);
                  for (let i = 0; i < keys.length; i++) {
                    const descriptor = getOwnPropertyDescriptor(value, keys[i]);
                    if (hasOwn(descriptor, "value")) {
                      pending.push(descriptor.value);
                    } else {
                      pending.push(descriptor.get, descriptor.set);
                    }
                  }
                }
              }

              const describeError = (error) => {
                try { return `${error}`; } catch (ignored) { return "an error that cannot be printed"; }
              };
              const describe = (value) => {
                if (value === null) return "null";
                if (isArray(value)) return "an array";
                if (typeof value === "object") {
                  try {
                    const name = getPrototypeOf(value).constructor.name;
                    if (typeof name === "string" && name !== "") return `an instance of ${name}`;
                  } catch (ignored) {
                    // described generically below
                  }
                  return "an object with a custom prototype";
                }
                return `a value of type ${typeof value}`;
              };
              const invalid = (message) => ({ invalidResult: message });
              const mustReturn = "score(input) must return a plain object";

              function serialize(result) {
                if (result === undefined) return "{}";
                if (typeof result !== "object" || result === null || isArray(result)) {
                  return invalid(`${mustReturn}, but it returned ${describe(result)}`);
                }
                const prototype = getPrototypeOf(result);
                if (prototype !== ObjectPrototype && prototype !== null) {
                  return invalid(`${mustReturn}, but it returned ${describe(result)}`);
                }
                let json;
                try {
                  json = boundedStringify(result);
                } catch (error) {
                  return invalid(`the result cannot be converted to JSON: ${describeError(error)}`);
                }
                if (typeof json !== "string" || json[0] !== "{") {
                  return invalid(`${mustReturn}, but its toJSON() returned something else`);
                }
                if (json.length > maxResultChars) {
                  return invalid(`the result is ${json.length} characters of JSON, more than the limit of ${maxResultChars}`);
                }
                return json;
              }

              // JSON.parse is the slowest step of a call for a 60-item input; with a layout the host passes
              // answers and scale fields as plain arguments in layout order and only nested values as JSON, and
              // unpack (InputLayout.unpackScript) rebuilds input.answers and input.scales from them.
              return function seal(factory, unpackFactory) {
                const unpack = unpackFactory == null ? null : unpackFactory(parse);
                freezeEverything([global, ...hiddenIntrinsics]);
                return ({
                  run(inputJson, ...values) {
                    let input;
                    try {
                      input = parse(inputJson);
                    } catch (error) {
                      throw new TypeError(`the input is not valid JSON: ${describeError(error)}`);
                    }
                    if (unpack !== null) input = unpack(input, values);
                    const score = factory();
                    if (typeof score !== "function") return invalid("the script does not define a function score(input)");
                    return serialize(score(input));
                  },
                }).run;
              };
            })
            """.replace("@LIMIT_MARKER@", LIMIT_MARKER), "bilan-sandbox-setup.js").internal(true).buildLiteral();

    private SandboxRealm() {
    }
}
