// Where a JS call's time goes: each stage of `validate(invoice, {asOf})` (the benchmark's 5-line
// invoice) and of `amountInWords(s)` timed alone, through the addon and the WASM build, best of 7
// rounds. The stages: the JS layer writing the arguments (`encode`: the plain-data check and one
// JSON.stringify), the raw native export given the already written text (napi or wasm-bindgen
// crossing + the Rust call: reading the text, the operation, writing the answer), reading the
// answer (`JSON.parse`), and the empty call's floor. Run after building both bindings:
// node benches/js/stages.mjs   (figures: benches/README.md, JavaScript)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import wasm from '../../bindings-wasm/js/node.js';
import { invoice } from '../../js-tests/fixtures.mjs';

const require = createRequire(import.meta.url);
// The load average beside every figure: on a shared machine, absolute times move with it.
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadBefore = load();
const addon = require('../../bindings-node/api.js');
const rawAddon = require('../../bindings-node/index.js');
const rawWasm = require('../../bindings-wasm/pkg-node/invoice_core_wasm.js');
const { encode, answer, bare, bareAnswer } = require('../../bindings-node/surface.js');
const nzh = require('nzh/cn');

/** Best of `rounds` runs of `fn` called `n` times: nanoseconds per call. */
function time(fn, n, rounds = 7) {
  for (let i = 0; i < Math.min(n, 3000); i++) fn(i); // warm-up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  return best;
}

const inv = invoice(5);
const opts = { asOf: '2024-12-01' };
const [text] = encode([inv, opts], 'validate');
const out = rawAddon.validate(text, undefined);
if (out !== rawWasm.validate(text, undefined)) throw new Error('addon and wasm answer differently');

const amounts = [];
for (let i = 0; i < 1000; i++) {
  const yuan = (i * 7919 * 104729) % 100_000_000;
  amounts.push(`${yuan}.${String((i * 37) % 100).padStart(2, '0')}`);
}
const amountTexts = amounts.map((a) => encode([a], 'amountInWords')[0]);
const wordsOut = amountTexts.map((t) => rawAddon.amountInWords(t, undefined));
const bareOut = amounts.map((a) => rawAddon.amountInWords(a));
for (let i = 0; i < 1000; i++) {
  if (answer(wordsOut[i]) !== bareAnswer(bareOut[i])) throw new Error(`the encodings differ on ${amounts[i]}`);
}

const V = 20_000;
const W = 200_000;
const rows = [
  ['validate: the whole call', time(() => addon.validate(inv, opts), V), time(() => wasm.validate(inv, opts), V)],
  ['validate: encode (plain check + JSON.stringify)', time(() => encode([inv, opts], 'validate'), V)],
  ['validate: JSON.stringify alone', time(() => JSON.stringify([inv, opts]), V)],
  ['validate: raw export on the written text', time(() => rawAddon.validate(text, undefined), V),
    time(() => rawWasm.validate(text, undefined), V)],
  ['validate: answer (JSON.parse)', time(() => answer(out), V)],
  ['empty call floor (version)', time(() => rawAddon.version('[]', undefined), W),
    time(() => rawWasm.version('[]', undefined), W)],
  ['大写: the whole call', time((i) => addon.amountInWords(amounts[i % 1000]), W),
    time((i) => wasm.amountInWords(amounts[i % 1000]), W)],
  ['大写: the bare encoding\'s check (bare)', time((i) => bare([amounts[i % 1000]]), W)],
  ['大写: raw export on the bare text (the string itself)', time((i) => rawAddon.amountInWords(amounts[i % 1000]), W),
    time((i) => rawWasm.amountInWords(amounts[i % 1000]), W)],
  ['大写: bare answer (marker check)', time((i) => bareAnswer(bareOut[i % 1000]), W)],
  ['大写, JSON encoding: encode', time((i) => encode([amounts[i % 1000]], 'amountInWords'), W)],
  ['大写, JSON encoding: raw export on the written text', time((i) => rawAddon.amountInWords(amountTexts[i % 1000], undefined), W),
    time((i) => rawWasm.amountInWords(amountTexts[i % 1000], undefined), W)],
  ['大写, JSON encoding: answer (JSON.parse)', time((i) => answer(wordsOut[i % 1000]), W)],
  ['empty call floor, bare (version(s))', time((i) => rawAddon.version(amounts[i % 1000]), W),
    time((i) => rawWasm.version(amounts[i % 1000]), W)],
  ['大写: nzh toMoney', time((i) => nzh.toMoney(amounts[i % 1000]), W)],
];
const fmt = (ns) => (ns === undefined ? '—' : ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
console.log(`node ${process.version}; text of the 5-line invoice call: ${text.length} characters; load average ${loadBefore} before, ${load()} after`);
console.log('| stage | addon (or JS) | wasm |');
console.log('|---|---|---|');
for (const [name, a, w] of rows) console.log(`| ${name} | ${fmt(a)} | ${fmt(w)} |`);
