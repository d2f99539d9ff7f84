// The corpus and junk inputs through the optimised WASM build (--target nodejs) in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import wasm, { InvoiceError } from '../bindings-wasm/js/node.js';
import { createRequire } from 'node:module';
import { registerCorpus, registerJunk } from './node-suite.mjs';
import { registerInputs } from './inputs.mjs';
import { registerEncodings } from './encodings.mjs';
import * as surface from '../bindings-wasm/js/surface.js';
import { invoice, invoices } from './fixtures.mjs';

registerCorpus('wasm (node)', wasm);
registerJunk('wasm (node)', wasm);
registerInputs('wasm (node)', wasm);
const raw = createRequire(import.meta.url)('../bindings-wasm/pkg-node/invoice_core_wasm.js');
registerEncodings('wasm (node)', raw, surface);

test('wasm (node): errors are InvoiceError instances (a real Error subclass)', () => {
  assert.equal(wasm.InvoiceError, InvoiceError);
  assert.throws(() => wasm.amount('12.345'), (e) => e instanceof InvoiceError && e instanceof Error
    && e.name === 'InvoiceError' && e.code === 'MNY-02' && Array.isArray(e.path) && typeof e.messageZh === 'string');
  assert.throws(() => wasm.uscc.validate('123'), (e) => e instanceof InvoiceError && e.code.startsWith('ID-'));
  assert.throws(() => wasm.validate({}, { asOf: 12 }), (e) => e instanceof InvoiceError && e.code === 'INP-02'
    && e.path.join('.') === 'asOf');
});

// Each call gives back what it took: repeated work must not grow the module's memory (after a
// warm-up that lets the allocator reach its working size).
test('wasm (node): memory stays the same over repeated calls', () => {
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
  const bytes = () => raw.__memoryPages();
  work();
  work();
  const before = bytes();
  assert.ok(before > 0);
  work();
  work();
  assert.equal(bytes(), before);
});
