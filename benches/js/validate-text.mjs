// Prints the argument text the JS layer writes for `validate(invoice, {asOf})` of the benchmarks'
// 5-line invoice, for the native stage timing (bindings-js/examples/call_stages.rs).
import { createRequire } from 'node:module';
import { invoice } from '../../js-tests/fixtures.mjs';

const { encode } = createRequire(import.meta.url)('../../bindings-node/surface.js');
console.log(encode([invoice(5), { asOf: '2024-12-01' }], 'validate')[0]);
