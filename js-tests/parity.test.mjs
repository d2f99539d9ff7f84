// The napi addon and the WASM build give the same answer (value, or code + path + message) for
// every junk call of every function both expose.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import wasm from '../bindings-wasm/js/node.js';
import { canonical } from './corpus.mjs';
import { argLists, probe, surface } from './junk.mjs';

const addon = createRequire(import.meta.url)('../bindings-node/api.js');

function outcome(r) {
  if (r.problem) return `problem: ${r.problem}`;
  if (r.error) return `error ${r.error.code} ${JSON.stringify(r.error.path)} ${r.error.message} | ${r.error.messageZh}`;
  return `value ${canonical(r.value)}`;
}

// Off-main-thread variants exist only in the addon (WASM runs on the calling thread), and so
// does reading a file by its path (a browser has bytes, not paths).
const ADDON_ONLY = new Set(['validateManyAsync', 'readPath']);

test('addon and wasm expose the same functions', () => {
  assert.deepEqual(surface(addon).map(([n]) => n).filter((n) => !ADDON_ONLY.has(n)), surface(wasm).map(([n]) => n));
});

const wasmFns = new Map(surface(wasm));
for (const [name, fn] of surface(addon).filter(([n]) => !ADDON_ONLY.has(n))) {
  test(`parity: ${name}`, { timeout: 60_000 }, () => {
    const other = wasmFns.get(name);
    assert.ok(other, `wasm lacks ${name}`);
    for (const [label, args] of argLists()) {
      assert.equal(outcome(probe(other, args)), outcome(probe(fn, args)), `${name}${label}`);
    }
  });
}
