// The JavaScript layer of invoice-core, one source for the Node addon and the WASM build
// (bindings-js/js/surface.js; `node scripts/gen-js.mjs` writes bindings-node/surface.js and
// bindings-wasm/js/surface.js from it, and scripts/test-js.sh fails when a copy is stale).
//
// It does three things, none of them domain logic:
// 1. writes every call's arguments as ONE JSON text (the one input route, read by
//    `invoice_core_js::call` in Rust): one string crosses instead of one engine call per property.
//    What JSON cannot say goes beside it as *notes*, in the order a reader meets it: a value the
//    core refuses at its path (NaN/±Infinity INP-01; a function, symbol, bigint or Invalid Date
//    INP-02; nesting deeper than 64, a cycle INP-06; a lone surrogate INP-07, which plain data
//    leaves to Rust: JSON.stringify writes it as a `\udXXX` escape), and the JS type of an
//    argument JSON does not show (`undefined`, a Date). A number that is not a safe integer
//    crosses as its IEEE-754 bits, so Rust has JS's exact double. Dates are written as their
//    local calendar day (`YYYY-MM-DD`; with the time for lifecycle steps);
//    A call whose whole argument list is one well-formed string not beginning with `[` is written
//    cheaper on the same route (the *bare* encoding, see `invoice_core_js::call`): the text is
//    the string itself, Rust holds the same one string argument and runs the same operation;
//    its answer is the answer string itself, or U+0000 followed by the usual answer text;
// 2. reads the answer text: a value, or `!` and an error thrown as an `InvoiceError`;
// 3. groups the raw exports `area__name` into namespaces (`kind.fromQr`), and builds the
//    identifier namespaces (`uscc.compact`) from the core's list of schemes (`__idSchemes`).

/** A coded invoice-core error: a real `Error` subclass. `message` is `[CODE] path: English`. */
export class InvoiceError extends Error {
  /** @param {any} data the error as Rust wrote it (code, path, params, message, messageZh, severity, display) */
  constructor(data) {
    super(data?.display ?? String(data?.message ?? ''));
    this.code = data?.code;
    this.path = data?.path;
    this.params = data?.params;
    this.messageEn = data?.message;
    this.messageZh = data?.messageZh;
    this.severity = data?.severity;
  }

  get name() {
    return 'InvoiceError';
  }
}

const MAX_DEPTH = 64;
const TWO_53 = 2n ** 53n;
const bitsView = new DataView(new ArrayBuffer(8));
// Operations whose first argument is a list read item by item (one item's problem is that
// item's report), and whose first argument's Dates carry their time (lifecycle steps).
const ITEMS = new Set(['validateMany', 'validateManyAsync']);
const DATE_TIMES = new Set(['lifecycle__run']);
// Operations whose first argument is bytes, a path or files (not JSON): it crosses as it is.
const BYTES = new Set(['read', 'readMany', 'readPath']);

/** The JS type name Rust shows in INP-02 (`array` and `null` told apart from `object`). */
const jsType = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

class Problem {
  constructor(kind, path, a = null, b = null) {
    this.kind = kind;
    this.path = path;
    this.a = a;
    this.b = b;
  }
}

/** The first lone surrogate's code unit in `s`, or -1. */
function lone(s) {
  if (s.isWellFormed()) return -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return c;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return c;
    }
  }
  return -1;
}

function numberText(n) {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return String(n);
  bitsView.setFloat64(0, n);
  const bits = bitsView.getBigUint64(0);
  return String(bits >= TWO_53 ? bits : -(bits + TWO_53 + 1n));
}

const pad = (n, width) => (n < 0 ? `-${String(-n).padStart(width - 1, '0')}` : String(n).padStart(width, '0'));

function dateText(d, path, withTime) {
  const y = d.getFullYear();
  if (Number.isNaN(y)) throw new Problem('type', path, 'date', 'Invalid Date');
  const day = `${pad(y, 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
  return withTime ? `${day}T${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}` : day;
}

/**
 * True when JSON.stringify writes `v` as `write` would, up to what Rust sees in the text (the
 * fast path). Strings and keys are not looked at: JSON.stringify writes a lone surrogate as a
 * `\udXXX` escape, which Rust reads as that string's (or that key's object's) INP-07 at its
 * path, the first in the text's order as `write` would throw it.
 */
function plain(v, depth) {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isSafeInteger(v) && !Object.is(v, -0);
    case 'object': {
      if (v === null) return true;
      if (depth >= MAX_DEPTH) return false;
      const proto = Object.getPrototypeOf(v);
      // A string member or item (most of an invoice) is told here, without a call: about a
      // third of the check's time on the benchmarks' invoice (0.43 -> 0.28 us).
      if (proto === Array.prototype) {
        for (let i = 0; i < v.length; i++) {
          const x = v[i];
          if (typeof x !== 'string' && x !== undefined && !plain(x, depth + 1)) return false;
        }
        return true;
      }
      if (proto !== Object.prototype && proto !== null) return false;
      // Inherited enumerable keys (a polluted Object.prototype) are looked at too, which only
      // sends such a value the long way.
      for (const k in v) {
        const x = v[k];
        if (typeof x !== 'string' && x !== undefined && !plain(x, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** The JSON text of `v` as the core reads a JS value; throws the first `Problem` met. */
function write(v, path, depth, withTime) {
  switch (typeof v) {
    case 'undefined':
      return 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new Problem('float', path, String(v));
      return numberText(v);
    case 'string': {
      const unit = lone(v);
      if (unit >= 0) throw new Problem('text', path, unit);
      return JSON.stringify(v);
    }
    case 'object': {
      if (v === null) return 'null';
      if (depth >= MAX_DEPTH) throw new Problem('deep', path);
      if (Array.isArray(v)) {
        const parts = [];
        for (let i = 0; i < v.length; i++) parts.push(write(v[i], [...path, i], depth + 1, withTime));
        return `[${parts.join(',')}]`;
      }
      if (v instanceof Date) return JSON.stringify(dateText(v, path, withTime));
      const parts = [];
      for (const k of Object.keys(v)) {
        // An ill-formed key is reported at the object holding it.
        const unit = lone(k);
        if (unit >= 0) throw new Problem('text', path, unit);
        let x;
        try {
          x = v[k];
        } catch {
          throw new Problem('getter', path);
        }
        if (x === undefined) continue;
        parts.push(`${JSON.stringify(k)}:${write(x, [...path, k], depth + 1, withTime)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default: // function, symbol, bigint
      throw new Problem('type', path, 'a JSON value', jsType(v));
  }
}

/** One value's text; a problem becomes a note (`arg`, `item`) and the value `null`. */
function one(v, arg, item, withTime, notes) {
  if (plain(v, 0)) return JSON.stringify(v);
  try {
    return write(v, [], 0, withTime);
  } catch (p) {
    if (!(p instanceof Problem)) throw p;
    notes.push([arg, item, p.kind, p.path, p.a, p.b, jsType(v)]);
    return 'null';
  }
}

/**
 * The arguments of operation `op` as [JSON text, notes text or undefined].
 * @param {unknown[]} args
 * @param {string} op
 */
export function encode(args, op) {
  // Plain data (the usual call) is one JSON.stringify of the whole list: far cheaper than one per
  // argument or item. Anything else is written argument by argument, item by item.
  let fast = true;
  for (let i = 0; fast && i < args.length; i++) fast = plain(args[i], 0);
  if (fast) return [JSON.stringify(args), undefined];
  const notes = [];
  const parts = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === undefined || v instanceof Date) notes.push([i, null, 'top', [], null, null, jsType(v)]);
    if (i === 0 && ITEMS.has(op)) {
      if (!Array.isArray(v)) {
        notes.push([i, null, 'top', [], null, null, jsType(v)]);
        parts.push('null');
        continue;
      }
      const items = [];
      for (let j = 0; j < v.length; j++) items.push(one(v[j], i, j, false, notes));
      parts.push(`[${items.join(',')}]`);
      continue;
    }
    parts.push(one(v, i, null, i === 0 && DATE_TIMES.has(op), notes));
  }
  return [`[${parts.join(',')}]`, notes.length === 0 ? undefined : JSON.stringify(notes)];
}

/** The value of an answer text, or its error thrown as an `InvoiceError`. */
export function answer(text) {
  if (text.charCodeAt(0) === 33 /* ! */) throw new InvoiceError(JSON.parse(text.slice(1)));
  return JSON.parse(text);
}

/**
 * The argument list's one string when the call can cross in the bare encoding (one well-formed
 * string that does not begin with `[`, which every JSON-encoded argument text begins with), or
 * undefined.
 * @param {unknown[]} args
 */
export function bare(args) {
  if (args.length !== 1) return undefined;
  const s = args[0];
  return typeof s === 'string' && s.charCodeAt(0) !== 91 /* [ */ && s.isWellFormed() ? s : undefined;
}

/** The value of a bare answer text: the string itself, or after U+0000 the usual answer text. */
export function bareAnswer(text) {
  return text.charCodeAt(0) === 0 ? answer(text.slice(1)) : text;
}

/**
 * The public API over a binding's raw exports (the addon's `index.js`, a wasm-bindgen module):
 * each `name(text, notes)` export becomes `name(...args)`, `area__name` becomes `area.name`.
 * @param {Record<string, unknown>} raw
 */
export function makeApi(raw) {
  const api = { InvoiceError };
  for (const [name, fn] of Object.entries(raw)) {
    // Skip the glue's own exports: the web target's init functions and internal symbols.
    if (typeof fn !== 'function' || name === 'default' || name === 'initSync' || name.startsWith('__')) continue;
    let call;
    if (BYTES.has(name)) {
      call = (first, ...rest) => answer(fn(first, ...encode(rest, name)));
    } else if (name === 'validateManyAsync') {
      // Bad options are thrown here, synchronously; the validation resolves later.
      call = (...args) => {
        const pending = fn(...encode(args, name));
        return typeof pending === 'string' ? answer(pending) : pending.then(answer);
      };
    } else {
      call = (...args) => {
        const s = bare(args);
        if (s !== undefined) return bareAnswer(fn(s));
        // Two arguments, not a spread of encode's pair: a spread call is the slower path in V8.
        const [text, notes] = encode(args, name);
        return answer(fn(text, notes));
      };
    }
    const [area, inner] = name.split('__');
    if (inner === undefined) api[name] = call;
    else (api[area] ??= {})[inner] = call;
  }
  // The identifier schemes (uscc, orgCode, ric, taxpayerId) and their operations, as the core
  // lists them: one namespace each, every operation through the one `__idOp` export.
  const { __idSchemes: schemes, __idOp: idOp } = raw;
  if (typeof schemes === 'function' && typeof idOp === 'function') {
    for (const { name: scheme, ops } of answer(schemes('[]'))) {
      const ns = (api[scheme] ??= {});
      for (const op of ops) ns[op] = (...args) => answer(idOp(...encode([scheme, op, ...args], '__idOp')));
    }
  }
  for (const value of Object.values(api)) {
    if (value !== InvoiceError && typeof value === 'object') Object.freeze(value);
  }
  return Object.freeze(api);
}
