// The thin, hand-written layer over wasm-bindgen's glue. It only does two things:
// 1. groups the flat raw exports `<area>__<name>` into namespaces (`kind__fromQr` -> `kind.fromQr`),
//    the operations behind the one `__call` export included (their object arguments handed over
//    as one JSON text, json-text.js), and routes a plain string argument to a `fast__<name>`
//    twin where one exists;
// 2. rethrows the coded errors the Rust side builds as `InvoiceError` instances, because
//    wasm-bindgen cannot declare a JS class that extends `Error`.
// No domain logic lives here: every value is computed by the Rust core.
import { jsonText } from './json-text.js';

/** A coded invoice-core error: a real `Error` subclass. */
export class InvoiceError extends Error {
  /** @param {any} raw the `Error` object built on the Rust side */
  constructor(raw) {
    super(raw.message);
    this.name = 'InvoiceError';
    this.code = raw.code;
    this.path = raw.path;
    this.params = raw.params;
    this.messageEn = raw.messageEn;
    this.messageZh = raw.messageZh;
    this.severity = raw.severity;
  }
}

function isCoded(e) {
  return e instanceof Error && typeof e.code === 'string' && Array.isArray(e.path);
}

function wrap(fn) {
  return function invoiceCore(...args) {
    try {
      return fn(...args);
    } catch (e) {
      throw isCoded(e) ? new InvoiceError(e) : e;
    }
  };
}

/**
 * Builds the public surface from a wasm-bindgen glue module (web or nodejs target).
 * @param {Record<string, unknown>} raw
 */
export function makeApi(raw) {
  const api = { InvoiceError };
  const fast = {};
  const entries = Object.entries(raw);
  // Most operations sit behind one export, `__call(op, args)`; `__ops()` names them by number
  // (an empty name: an operation this build leaves out). They join the named exports below.
  // Operations listed by `__textOps()` send their arguments as one JSON text too (json-text.js;
  // Rust walks `args` instead when the text cannot stand for them).
  if (typeof raw.__ops === 'function') {
    const { __call: call, __callText: callText } = raw;
    const textOps = typeof raw.__textOps === 'function' ? raw.__textOps() : '';
    const viaText = new Set(textOps.split(',').filter(Boolean).map(Number));
    raw.__ops().split(',').forEach((name, op) => {
      if (!name) return;
      if (viaText.has(op)) {
        entries.push([name, (...args) => {
          // Strings and other scalars cross cheaply on their own; the text pays off for objects.
          if (!args.some((a) => a !== null && typeof a === 'object')) return call(op, args);
          const text = jsonText(args);
          return text === undefined ? call(op, args) : callText(op, text, args);
        }]);
      } else {
        entries.push([name, (...args) => call(op, args)]);
      }
    });
  }
  for (const [name, fn] of entries) {
    // Skip the glue's own exports: the web target's init functions and internal symbols.
    if (typeof fn !== 'function' || name === 'default' || name === 'initSync' || name.startsWith('__')) {
      continue;
    }
    // `fast__<name>(text)`: a string-typed twin of `<name>` for its hot path (see below).
    if (name.startsWith('fast__')) {
      fast[name.slice(6)] = fn;
      continue;
    }
    const parts = name.split('__');
    if (parts.length === 1) {
      api[name] = wrap(fn);
    } else if (parts.length === 2) {
      api[parts[0]] ??= {};
      api[parts[0]][parts[1]] = wrap(fn);
    }
  }
  // A function with a fast twin calls the twin when its only argument is a string (the common
  // call); anything else goes to the general entry, which reads any JS value with coded errors.
  // A twin answers `undefined` when only the general entry can answer (text it cannot read exactly).
  for (const [name, twin] of Object.entries(fast)) {
    const general = api[name];
    const quick = wrap(twin);
    api[name] = function invoiceCore(...args) {
      const answer = args.length === 1 && typeof args[0] === 'string' ? quick(args[0]) : undefined;
      return answer === undefined ? general(...args) : answer;
    };
  }
  for (const value of Object.values(api)) {
    if (value !== InvoiceError && typeof value === 'object') Object.freeze(value);
  }
  return Object.freeze(api);
}
