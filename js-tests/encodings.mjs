// The two encodings of the one input route agree (bindings-js/src/call.rs, "the bare encoding"):
// a call whose whole argument list is one plain string crosses as the string itself and must
// answer exactly what the same call written as the JSON text `["…"]` answers, value or coded
// error (code, path, params, messages). Checked on a binding's raw exports (napi's index.js, a
// wasm-bindgen module), over the whole vector corpus as the package's API calls them and over odd
// strings given to every operation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonical, runCase } from './corpus.mjs';
import { vectorFiles } from './node-suite.mjs';
import { notForJs } from './corpus.mjs';

// Exports whose arguments are not one JSON list (bytes, a path, files; the async task) and the
// module's own helpers: they never take the bare encoding.
const NOT_JSON = new Set(['read', 'readMany', 'readPath', 'validateManyAsync', 'default', 'initSync']);

/** A decoded answer text, as a comparable string: the value, or the coded error's fields. */
function outcome(decode, text) {
  try {
    return `value ${canonical(decode(text))}`;
  } catch (e) {
    const { code, path, params, messageEn, messageZh, severity, message } = e;
    return `error ${canonical({ code, path, params, messageEn, messageZh, severity, message })}`;
  }
}

/** Strings each operation is given in both encodings: odd texts, and what looks like a marker. */
const ODD = ['', ' ', '\u0000', '\u0000x', '!', '!{"code":"X"}', '"', '"a"', 'null', 'true', '0', '-1',
  '1.00', '1234.50', '{}', '{"value":"1"}', 'a[', ']', '１２.３０', '💸', '壹仟圆整', '91350100M000100Y43',
  '2024-12-01', 'digital_ordinary', 'INP-01', '01,10,,24312000000358032546,106.07,20241118,,'];

/**
 * @param {string} label
 * @param {Record<string, unknown>} raw the binding's raw exports
 * @param {{makeApi: Function, answer: Function, bareAnswer: Function, bare: Function}} surface
 */
export function registerEncodings(label, raw, surface) {
  const { makeApi, answer, bareAnswer, bare } = surface;
  const ops = Object.entries(raw)
    .filter(([name, fn]) => typeof fn === 'function' && !NOT_JSON.has(name) && !name.startsWith('__'))
    .map(([name]) => name);

  test(`${label}: the bare encoding is chosen for one plain string only`, () => {
    assert.equal(bare(['1.00']), '1.00');
    assert.equal(bare(['']), '');
    assert.equal(bare(['[1]']), undefined);
    assert.equal(bare(['\ud800']), undefined);
    assert.equal(bare(['1.00', undefined]), undefined);
    assert.equal(bare([1]), undefined);
    assert.equal(bare([]), undefined);
    assert.equal(bareAnswer('壹圆整'), '壹圆整');
    assert.equal(bareAnswer(''), '');
    assert.equal(bareAnswer('!x'), '!x');
    assert.equal(bareAnswer('\u0000"\\u0000x"'), '\u0000x');
    assert.deepEqual(bareAnswer('\u0000{"a":[1]}'), { a: [1] });
    assert.throws(() => bareAnswer('\u0000!{"code":"INP-99","path":[]}'), { code: 'INP-99' });
  });

  test(`${label}: an argument text crosses whole, however V8 holds it`, () => {
    // One-byte strings (ASCII, Latin-1), two-byte ones, astral pairs, a NUL at either end: each
    // comes back unchanged in the value the core quotes, in both encodings.
    const texts = ['7x', 'é\u00ff', '上海七牛', '1😀é', 'x\u0000', '\u0000', '\u0000\u0000上'];
    for (const s of texts) {
      for (const [encoded, read] of [[JSON.stringify([s]), answer], [s, bareAnswer]]) {
        let thrown;
        try {
          read(raw.amountInWords(encoded));
        } catch (e) {
          thrown = e;
        }
        assert.equal(thrown?.code, 'MNY-01', JSON.stringify(s).slice(0, 40));
        assert.equal(thrown.params.value, s, JSON.stringify(s).slice(0, 40));
      }
    }
    // A long text (140 KB) read to its end: the last item is the one refused.
    const many = [...Array(20000).fill('1.00'), 'é上😀x'];
    assert.throws(() => answer(raw.amountsInWords(JSON.stringify([many]))), (e) => {
      assert.deepEqual([e.code, e.path, e.params.value], ['MNY-01', [20000], 'é上😀x']);
      return true;
    });
  });

  test(`${label}: every operation answers an odd string alike in both encodings`, () => {
    assert.ok(ops.length >= 40, ops.join(', '));
    const differ = [];
    for (const name of ops) {
      for (const s of ODD) {
        const short = outcome(answer, raw[name](JSON.stringify([s])));
        const plain = outcome(bareAnswer, raw[name](s));
        if (short !== plain) differ.push(`${name}(${JSON.stringify(s)}): JSON ${short} | bare ${plain}`);
      }
    }
    assert.deepEqual(differ, []);
  });

  test(`${label}: the corpus's bare calls answer as their JSON texts do`, () => {
    const used = new Map();
    const differ = [];
    const checked = {};
    for (const [name, fn] of Object.entries(raw)) {
      if (typeof fn !== 'function') {
        checked[name] = fn;
        continue;
      }
      checked[name] = (...args) => {
        const text = fn(...args);
        const [s] = args;
        if (args.length === 1 && typeof s === 'string' && !s.startsWith('[') && ops.includes(name)) {
          used.set(name, (used.get(name) ?? 0) + 1);
          const long = outcome(answer, fn(JSON.stringify([s])));
          const plain = outcome(bareAnswer, text);
          if (long !== plain) differ.push(`${name}(${JSON.stringify(s).slice(0, 80)}): JSON ${long} | bare ${plain}`);
        }
        return text;
      };
    }
    const api = makeApi(checked);
    const failed = [];
    for (const { name, doc } of vectorFiles()) {
      if (notForJs(doc)) continue;
      for (const c of doc.cases ?? []) {
        const problem = runCase(api, c);
        if (problem !== null) failed.push(`${name} ${c.id}: ${problem}`);
      }
    }
    assert.deepEqual(failed, []);
    assert.deepEqual(differ, []);
    // The corpus reaches the bare encoding through the operations called with one string.
    for (const op of ['amountInWords', 'wordsToAmount', 'parseQr', 'last6', 'padInvoiceNumber']) {
      assert.ok((used.get(op) ?? 0) > 0, `no bare call of ${op}: ${[...used.keys()].join(', ')}`);
    }
  });
}
