// JS benchmarks: 大写 (amount in words) through the napi addon and the WASM build against nzh's
// toMoney, per call and in a batch; validate() of a 5-line invoice (and validateMany of 100) through
// the WASM build against the addon (the native core, same Rust code, reached through N-API).
// Two WASM columns: the package's Node module (pkg-node, built for speed) and the browser module
// (pkg-web, built for its download budget at opt-level "z"), both run here in Node.
// Run: node benches/js/bench.mjs [--quick]   (after building bindings-node and bindings-wasm,
// and `npm ci` here). Prints a table and whether each target holds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import wasm from '../../bindings-wasm/js/node.js';
import { makeApi } from '../../bindings-wasm/js/surface.js';
import * as webGlue from '../../bindings-wasm/pkg-web/invoice_core_wasm.js';
import { invoice } from '../../js-tests/fixtures.mjs';

const require = createRequire(import.meta.url);
// The load average beside every figure: on a shared machine, absolute times move with it.
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadBefore = load();
const addon = require('../../bindings-node/api.js');
webGlue.initSync({ module: readFileSync(new URL('../../bindings-wasm/pkg-web/invoice_core_wasm_bg.wasm', import.meta.url)) });
const web = makeApi(webGlue);
const nzh = require('nzh/cn');

const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;

// Amounts with every shape of 大写: zeros inside, 角/分 only, large, whole.
const AMOUNTS = [];
for (let i = 0; i < 1000; i++) {
  const yuan = (i * 7919 * 104729) % 100_000_000;
  const fen = (i * 37) % 100;
  AMOUNTS.push(`${yuan}.${String(fen).padStart(2, '0')}`);
}
AMOUNTS.push('0.05', '100000000.00', '1000001.10', '64.90');

// A full collection before each case, so no case pays for the garbage of the ones before it
// (nzh's and the batches' strings made the addon's validate after them about 1 µs slower than
// alone, session 12).
// Started without `--expose-gc`, the benchmark runs itself again with it (V8's flags are not
// meant to change once it runs).
if (typeof globalThis.gc !== 'function') {
  const again = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(again.status ?? 1);
}
const collect = globalThis.gc;

/**
 * Each of `fns` (runtime -> function) called `n` times a round, the runtimes' rounds taken in
 * turn (so a slower stretch of the machine falls on all of them, not on one column of a ratio):
 * the best round of each, in nanoseconds per call.
 */
function time(fns, n, rounds = 8) {
  collect();
  const best = {};
  for (const [k, fn] of Object.entries(fns)) {
    for (let i = 0; i < Math.min(n, 2000); i++) fn(i); // warm-up
    best[k] = Infinity;
  }
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of Object.entries(fns)) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn(i);
      best[k] = Math.min(best[k], Number(process.hrtime.bigint() - t0) / n);
    }
  }
  return best;
}

/** Each figure of `t` divided by `d`. */
const per = (t, d) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v / d]));

const A = AMOUNTS.length;
const perCall = Math.round(100_000 * scale);
const rows = [];
const words = time({
  addon: (i) => addon.amountInWords(AMOUNTS[i % A]),
  wasm: (i) => wasm.amountInWords(AMOUNTS[i % A]),
  web: (i) => web.amountInWords(AMOUNTS[i % A]),
  nzh: (i) => nzh.toMoney(AMOUNTS[i % A]),
}, perCall);
rows.push(['大写 per call', words]);

const batches = Math.round(100 * scale);
const batch = per(time({
  addon: () => addon.amountsInWords(AMOUNTS),
  wasm: () => wasm.amountsInWords(AMOUNTS),
  web: () => web.amountsInWords(AMOUNTS),
  nzh: () => { for (const a of AMOUNTS) nzh.toMoney(a); },
}, batches), A);
rows.push([`大写 batch of ${A} (per amount)`, batch]);

const inv = invoice(5);
const opts = { asOf: '2024-12-01' };
const validateRuns = Math.round(10_000 * scale);
const validate = time({
  addon: () => addon.validate(inv, opts),
  wasm: () => wasm.validate(inv, opts),
  web: () => web.validate(inv, opts),
}, validateRuns, 12);
rows.push(['validate, 5-line invoice', validate]);

const many = Array.from({ length: 100 }, () => invoice(5));
const manyRuns = Math.round(200 * scale);
const validateMany = per(time({
  addon: () => addon.validateMany(many, opts),
  wasm: () => wasm.validateMany(many, opts),
  web: () => web.validateMany(many, opts),
}, manyRuns), many.length);
rows.push([`validateMany, ${many.length} 5-line invoices (per invoice)`, validateMany]);

const fmt = (ns) => (ns === undefined ? '—' : ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
console.log(`node ${process.version}, ${quick ? 'quick' : 'full'} run; load average ${loadBefore} before, ${load()} after`);
console.log('| case | addon | wasm (Node module) | wasm (browser module) | nzh |');
console.log('|---|---|---|---|---|');
for (const [name, r] of rows) console.log(`| ${name} | ${fmt(r.addon)} | ${fmt(r.wasm)} | ${fmt(r.web)} | ${fmt(r.nzh)} |`);

const targets = [
  ['addon ≥ 5× nzh per call', words.nzh / words.addon, 5],
  ['wasm (Node module) ≥ 3× nzh per call', words.nzh / words.wasm, 3],
  ['wasm (browser module) ≥ 3× nzh per call', words.nzh / words.web, 3],
  ['addon ≥ 5× nzh in a batch', batch.nzh / batch.addon, 5],
  ['wasm (Node module) ≥ 3× nzh in a batch', batch.nzh / batch.wasm, 3],
  ['wasm (browser module) ≥ 3× nzh in a batch', batch.nzh / batch.web, 3],
  ['addon validates the 5-line invoice in ≤ 8 µs', 8000 / validate.addon, 1, `${fmt(validate.addon)}`],
  ['wasm (Node module) validate within 2× of the addon', 2 / (validate.wasm / validate.addon), 1,
    `wasm/addon = ${(validate.wasm / validate.addon).toFixed(2)}×`],
  ['wasm (browser module) validate within 2× of the addon', 2 / (validate.web / validate.addon), 1,
    `wasm/addon = ${(validate.web / validate.addon).toFixed(2)}×`],
];
console.log('');
for (const [name, ratio, min, shown] of targets) {
  console.log(`${ratio >= min ? 'ok  ' : 'MISS'} ${name}: ${shown ?? `${ratio.toFixed(2)}×`}`);
}
