// The corpus and junk inputs through the optimised WASM build (--target nodejs) in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import wasm, { InvoiceError } from '../bindings-wasm/js/node.js';
import { registerCorpus, registerJunk } from './node-suite.mjs';

registerCorpus('wasm (node)', wasm);
registerJunk('wasm (node)', wasm);

test('wasm (node): errors are InvoiceError instances', () => {
  assert.throws(() => wasm.amount('12.345'), (e) => e instanceof InvoiceError && e instanceof Error && e.code === 'MNY-02');
});
