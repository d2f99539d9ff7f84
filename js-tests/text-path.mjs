// The validation entries take their data argument as ONE JSON text (json-text.js) and fall back
// to the Rust walker when the text cannot stand for the value. These tests pin that the fast path
// is taken for plain data, and that it answers exactly as the walker (the generated entries,
// which only walk) for junk at the top, inside an invoice and inside a list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoice } from './fixtures.mjs';
import { argLists, junkValues, probe, surface } from './junk.mjs';
import { canonical } from './corpus.mjs';
import { jsonText } from '../bindings-wasm/js/json-text.js';

function odd() {
  const cycle = {};
  cycle.self = cycle;
  const nest = (n) => { let v = '1'; for (let i = 0; i < n; i++) v = [v]; return v; };
  return [
    ['local date', new Date(2024, 10, 18)], ['Invalid Date', new Date(NaN)], ['year 10000', new Date(10000, 0, 1)],
    ['toJSON', { toJSON: () => '1.00' }], ['boxed number', new Number(5)], ['boxed string', new String('ab')],
    ['class instance', new (class A { constructor() { this.x = '1'; } })()], ['Map', new Map([[1, 2]])],
    ['Uint8Array', new Uint8Array([1, 2])], ['100', 100], ['1e21', 1e21], ['2**60', 2 ** 60],
    ['0.1 + 0.2', 0.1 + 0.2], ['5e-324', 5e-324], ['sparse array', [, '1']], ['[undefined]', [undefined]],
    ['cycle', cycle], ['nesting 63', nest(63)], ['nesting 64', nest(64)], ['nesting 200', nest(200)],
    ['nesting 100000', nest(100_000)],
  ];
}

const show = (f) => {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return `error ${e.code} ${JSON.stringify(e.path)} ${e.message}`;
  }
};

/**
 * @param {string} label
 * @param {Record<string, Function>} walker the raw entries (generated glue: walk the JS value)
 * @param {Record<string, Function>} api the public entries (JSON text first)
 */
export function registerTextPath(label, walker, api) {
  test(`${label}: plain data crosses as JSON text; what JSON cannot say goes to the walker`, () => {
    assert.equal(typeof jsonText(invoice(5)), 'string');
    assert.equal(jsonText({ d: new Date(2024, 10, 18) }), '{"d":"2024-11-18"}');
    for (const v of [NaN, Infinity, -0, () => 1, Symbol('s'), 1n, new Date(NaN), { toJSON: () => 1 }, new Number(1)]) {
      assert.equal(jsonText({ lines: [{ amount: v }] }), undefined, String(v?.toString?.() ?? v));
    }
    const cycle = [];
    cycle.push(cycle);
    assert.equal(jsonText(cycle), undefined);
  });

  test(`${label}: the JSON-text path answers as the walker`, { timeout: 120_000 }, () => {
    const opts = { asOf: '2024-12-01' };
    const diffs = [];
    const check = (what, x) => {
      for (const name of ['validate', 'isValid']) {
        const want = show(() => walker[name](x, opts));
        const got = show(() => api[name](x, opts));
        if (want !== got) diffs.push(`${name}(${what}): walker ${want.slice(0, 200)} | text ${got.slice(0, 200)}`);
      }
      const want = show(() => walker.validateMany([x, invoice(1)], opts));
      const got = show(() => api.validateMany([x, invoice(1)], opts));
      if (want !== got) diffs.push(`validateMany([${what}, …]): walker ${want.slice(0, 200)} | text ${got.slice(0, 200)}`);
    };
    for (const [name, v] of [...junkValues(), ...odd()]) {
      check(name, v);
      const a = invoice(2);
      a.lines[1].amount = v;
      check(`lines[1].amount = ${name}`, a);
      const b = invoice(2);
      b.issue_date = v;
      check(`issue_date = ${name}`, b);
      const c = invoice(1);
      c.extra = { v };
      check(`extra.v = ${name}`, c);
    }
    assert.deepEqual(diffs, []);
  });
}

/**
 * Every operation answers the same through the JSON-text route as through the walker alone, for
 * every junk argument list (the same lists as the parity test).
 * @param {string} label
 * @param {Record<string, any>} walker the binding with no JSON-text route
 * @param {Record<string, any>} api the public entries
 */
export function registerTextOps(label, walker, api) {
  const outcome = (r) => {
    if (r.problem) return `problem: ${r.problem}`;
    if (r.error) return `error ${r.error.code} ${JSON.stringify(r.error.path)} ${r.error.message}`;
    return `value ${canonical(r.value)}`;
  };
  const plain = new Map(surface(walker).filter(([n]) => !n.startsWith('text__')));  // the addon's raw twins
  test(`${label}: the same functions with and without the JSON-text route`, () => {
    assert.deepEqual(surface(api).map(([n]) => n), [...plain.keys()]);
  });
  for (const [name, fn] of surface(api)) {
    test(`${label}: ${name} answers the same via JSON text`, { timeout: 60_000 }, () => {
      const direct = plain.get(name);
      const diffs = [];
      for (const [args_label, args] of argLists()) {
        const want = outcome(probe(direct, args));
        const got = outcome(probe(fn, args));
        if (want !== got) diffs.push(`${name}${args_label}: walker ${want.slice(0, 160)} | text ${got.slice(0, 160)}`);
      }
      assert.deepEqual(diffs, []);
    });
  }
}

/**
 * Random plain data (strings with escapes, control characters, astral and lone surrogates, safe
 * integers, nesting) through the JSON-text route and through the walker: the same reports.
 * Keys and the `kind` value come back in the findings (MDL-01 names the key, INP-05 the value),
 * so a reader that got a string wrong would show.
 * @param {string} label
 * @param {Record<string, any>} walker entries that only walk (`validate`)
 * @param {Record<string, any>} api the public entries
 */
export function registerTextFuzz(label, walker, api) {
  test(`${label}: random plain data reads the same as JSON text and walked`, { timeout: 120_000 }, () => {
    let seed = 20261124;
    const rand = (n) => { // mulberry32: every piece and shape comes up
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pieces = ['a', '发票', '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f',
      '\u2028', '😀', '\ud800', '\udc00', 'é', ' ', '{', '}', '[', ']', ':', ',', '\\u0041'];
    const str = () => Array.from({ length: rand(6) }, () => pieces[rand(pieces.length)]).join('');
    const value = (depth) => {
      switch (depth > 3 ? rand(4) : rand(7)) {
        case 0: return str();
        case 1: return rand(2) === 0 ? rand(1000) - 500 : [0, 2 ** 53 - 1, -(2 ** 53 - 1), 1e15][rand(4)];
        case 2: return [true, false, null][rand(3)];
        case 3: return str();
        case 4: return Array.from({ length: rand(4) }, () => value(depth + 1));
        default: return Object.fromEntries(Array.from({ length: rand(4) }, () => [str(), value(depth + 1)]));
      }
    };
    const opts = { asOf: '2024-12-01' };
    const diffs = [];
    let viaText = 0;
    for (let n = 0; n < 400; n += 1) {
      const x = invoice(1);
      x.kind = str();
      x[`extra ${str()}`] = value(0);
      x.lines[0].name = str();
      if (!JSON.stringify(x).includes('\\ud')) viaText += 1; // no lone surrogate: the text route reads it
      const want = show(() => walker.validate(x, opts));
      const got = show(() => api.validate(x, opts));
      if (want !== got) diffs.push(`${JSON.stringify(x).slice(0, 200)}: walker ${want.slice(0, 200)} | text ${got.slice(0, 200)}`);
    }
    assert.deepEqual(diffs.slice(0, 5), []);
    assert.ok(viaText > 100, `only ${viaText} cases could cross as text`);
  });
}
