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

import {
  amountInWords, amountsInWords, compute, isValid, lifecycle, orgCode, padInvoiceNumber, parseInvoice, parseInvoiceCode,
  parseInvoiceNumber, ratesInForce, ric, splitTax, taxpayerId, uscc, validate, validateMany, wordsMatch, wordsToAmount,
  splitWithDeduction, lineTax,
} from '../js/node.js';
import type { Computed, Finding, InvoiceInput, LifecycleSummary, Report, Split } from '../js/node.js';

const inv: InvoiceInput = {
  kind: 'digital_ordinary', issue_date: new Date(2024, 10, 18),
  seller: { name: 'A', tax_id: '91310000580583950X' }, buyer: { name: 'B', type: 'natural_person' },
  lines: [{ name: '*餐饮服务*餐饮服务', amount: '100.00', rate: '6%' }],
};
const c: Computed = compute(inv, { pricesIncludeTax: true });
const report: Report = validate(c.invoice, { asOf: '2024-12-01', sellerCategory: 'general' });
const first: Finding | undefined = report.findings[0];
const reports: Report[] = validateMany([inv], { asOf: new Date() });
const s: Split = splitTax('113', '13%');
const life: LifecycleSummary = lifecycle.run({ kind: 'digital_special', amount: '113.00', events: [] });
const more: Array<string | boolean | number | null | undefined> = [
  amountInWords('1.50', { style: 'accounting' }), amountsInWords(['1']).length, wordsToAmount('壹圆整'), wordsMatch('壹圆整', '1'),
  padInvoiceNumber('1'), parseInvoiceCode('144031900111').year, parseInvoiceNumber('12345678', { minYear: 2021 }).format,
  uscc.isValid(42), uscc.warnings('x')[0]?.messageZh, orgCode.format('x'), ric.validateAsOf('x', new Date()), taxpayerId.classify('x').kind,
  ratesInForce('2024-01-01')[0], parseInvoice(inv).number, isValid(inv, { asOf: '2024-12-01' }), first?.path.join('.'),
  reports.length, s.tax, life.seller_state, splitWithDeduction('1', '0', '6%').amount, lineTax('1', '免税'),
  c.invoice.totals.total_in_words, lifecycle.table(null)[0]?.event,
];
// @ts-expect-error money is a decimal string, never a number
amountInWords(12.3);
export { more };
