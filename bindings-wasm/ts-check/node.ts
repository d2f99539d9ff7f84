// Type-checked with `tsc --strict` (never run): the Node entry's declared surface.
import api, { amount, kind, price, quantity, roundHalfUp, rule, rules, taxRate, version, InvoiceError } from '../js/node.js';
import type { InvoiceCoreApi } from '../js/node.js';

const same: InvoiceCoreApi = api;
const out: Array<string | null | number | boolean> = [
  amount('1'), price('1.5'), quantity('2'), taxRate('0.13').fraction, roundHalfUp('1.005', 2),
  rules().length, rule('INP-01')?.en ?? null, kind.fromQr('32'), kind.names().length, version(),
  same.kind.facts('toll').deductible, new InvoiceError({}) instanceof Error,
];
export { out };
