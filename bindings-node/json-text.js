"use strict";
// Data arguments (invoices, lists of invoices) cross into Rust as ONE JSON text instead of being
// walked property by property (one N-API / wasm-bindgen call per property). `jsonText` writes
// the text, or returns `undefined` when the text could not stand for the value exactly as the
// Rust walker reads it; the Rust side then walks the value itself, so every coded error
// (INP-01 for NaN/Infinity, INP-02 for a function, symbol, bigint or Invalid Date, INP-06 for a
// cycle or deep nesting) stays the walker's. Same file in bindings-node/json-text.js (CommonJS)
// and bindings-wasm/js/json-text.js (ES module); js-tests checks that they agree.
// No domain logic: only what JSON.stringify would write differently from the walker is caught.

const GIVE_UP = { reason: 'not plain JSON' };

const pad = (n, width) => String(n).padStart(width, '0');

/** @this {any} */
function replacer(key, value) {
  const own = this[key];
  if (own !== value) {
    // A Date (its toJSON gave an ISO text in UTC): the walker writes its *local* calendar day.
    if (typeof value === 'string' && own instanceof Date) {
      const y = own.getFullYear();
      if (y >= 0 && y <= 9999) return `${pad(y, 4)}-${pad(own.getMonth() + 1, 2)}-${pad(own.getDate(), 2)}`;
    }
    throw GIVE_UP; // another toJSON, an Invalid Date, NaN (NaN !== NaN), a getter's fresh value
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined': // left out of objects and null in arrays, as the walker does
      return value;
    case 'number':
      // Only safe integers (not -0) cross as text: Rust reads them back exactly without a
      // float parser of its own. NaN/±Infinity (null in JSON), -0 (0 in JSON) and every other
      // number, which in invoice data is an INP-01 anyway, go to the walker, which has JS's
      // exact double (and costs the WASM module no 17 KB float_roundtrip parser).
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) return value;
      throw GIVE_UP;
    case 'object': {
      if (value === null) return value;
      const proto = Object.getPrototypeOf(value);
      // Plain objects and arrays only: Dates kept by their toJSON, boxed primitives, class
      // instances, typed arrays, other realms' objects go to the walker.
      if (proto === Object.prototype || proto === Array.prototype || proto === null) return value;
      throw GIVE_UP;
    }
    default: // function, symbol, bigint
      throw GIVE_UP;
  }
}

/**
 * The JSON text of a data argument, or `undefined` when the Rust walker must read it.
 * @param {unknown} value
 * @returns {string | undefined}
 */
function jsonText(value) {
  try {
    return JSON.stringify(value, replacer);
  } catch {
    return undefined; // GIVE_UP, a cycle, a BigInt, a throwing getter, a too-long string
  }
}

module.exports = { jsonText };
