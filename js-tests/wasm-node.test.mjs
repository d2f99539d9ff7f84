// The corpus and junk inputs through the optimised WASM build (--target nodejs) in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import wasm, { InvoiceError } from '../bindings-wasm/js/node.js';
import { createRequire } from 'node:module';
import { registerCorpus, registerJunk } from './node-suite.mjs';
import { registerTextFuzz, registerTextOps, registerTextPath } from './text-path.mjs';
import { makeApi } from '../bindings-wasm/js/api.js';
import { invoice, invoices } from './fixtures.mjs';

registerCorpus('wasm (node)', wasm);
registerJunk('wasm (node)', wasm);
// The same glue without its JSON-text routes: every operation walks its arguments. The public
// entries (js/api.js) send JSON text first.
const raw = createRequire(import.meta.url)('../bindings-wasm/pkg-node/invoice_core_wasm.js');
const walkOnly = makeApi(Object.fromEntries(Object.entries(raw).filter(([n]) =>
  n !== '__callText' && n !== '__textOps' && !n.startsWith('fast__'))));
registerTextPath('wasm (node)', walkOnly, wasm);
registerTextFuzz('wasm (node)', walkOnly, wasm);
registerTextOps('wasm (node)', walkOnly, wasm);

test('wasm (node): errors are InvoiceError instances', () => {
  assert.throws(() => wasm.amount('12.345'), (e) => e instanceof InvoiceError && e instanceof Error && e.code === 'MNY-02');
});

// The module's own allocator (src/heap.rs) never merges blocks; what keeps the heap from growing
// is that each call gives back what it took. Repeated work must not grow the memory.
test('wasm (node): heap pages stay the same over repeated calls', () => {
  const opts = { asOf: '2024-12-01' };
  const big = '9'.repeat(1 << 20);
  const work = () => {
    for (let i = 0; i < 200; i++) {
      wasm.validate(invoice(5), opts);
      wasm.validateMany(invoices(20), opts);
      wasm.compute(invoice(5));
      wasm.findDuplicates(invoices(30));
      wasm.amountInWords(`${i}.5`);
      assert.throws(() => wasm.amount(big), InvoiceError);
      assert.equal(wasm.isValid({ lines: [{ amount: 1 }] }, opts), false);
    }
  };
  work();
  const pages = raw.__heapPages();
  assert.ok(pages > 0);
  work();
  work();
  assert.equal(raw.__heapPages(), pages);
});

// Large blocks are runs of pages, merged when given back: inputs of other sizes after a big one
// use its pages again instead of growing the memory.
test('wasm (node): large inputs reuse the pages of earlier ones', () => {
  const junk = (n, i) => {
    const s = (i % 2 ? '9' : '-').repeat(n);
    try { wasm.amountInWords(s); } catch { /* WRD-/MNY- */ }
    wasm.uscc.compact(s);
    wasm.validate({ lines: [{ name: s }] }, { asOf: '2024-12-01' });
  };
  junk(8_000_000, 0);
  const pages = raw.__heapPages();
  // Small and large in turn: without merging, the small ones would split the big runs for good.
  for (let i = 1; i <= 16; i++) junk(i % 2 ? 1_000_000 * (i % 8) + 1 : 8_000_000, i);
  assert.ok(raw.__heapPages() <= pages + 16, `${pages} -> ${raw.__heapPages()} pages`);
});

// The allocator itself: random allocations, reallocations and releases of small blocks and page
// runs, each block filled and checked, so an overlap or a lost byte fails (src/heap.rs).
test('wasm (node): the allocator keeps every block whole under random use', () => {
  for (const seed of [1, 20261124, 0xdeadbeef]) {
    assert.equal(raw.__heapStress(seed, 6000), true, `seed ${seed}`);
  }
});
