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
import {
  verifyQuery, parseQr, precheck, matchRecord, findDuplicates, stats, normaliseQuery, normaliseQueryAll, search, diagnose,
  numberParts, checkCode, verifyCheckCode, checkCodeMessage, last6, last5, buildQr, dedupeKey, buildNumber, nextNumber,
  exportCsv, exportJsonl,
} from '../js/node.js';
import type {
  VerifyQuery, QrPayload, VerifyOutcome, DuplicateReport, Stats, Normalised, NormalisedAll, SearchHit, Diagnosis, NumberParts,
} from '../js/node.js';

// verify, stats, find
const vq: VerifyQuery = verifyQuery('01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,');
const qrp: QrPayload = parseQr('01,32,,24312000000358032546,633.00,20241118,,,');
const pre: VerifyOutcome | null = precheck({ invoice: inv, carPrice: '1.00' }, { asOf: '2024-12-01', sameDay: 'today' });
const out2: VerifyOutcome = matchRecord(inv, null, { asOf: new Date(), status: 'voided', lookBackYears: 5 });
const outCode: 'VER-27' | 'VER-28' | 'VER-29' | 'VER-30' | 'VER-31' | 'VER-32' | 'VER-33' | 'VER-34' | 'VER-35' = out2.code;
const dup: DuplicateReport = findDuplicates(['24312000000358032546', { qr: 'x' }, { invoice: inv }]);
const st: Stats = stats([{ invoice: inv, status: 'normal' }, inv], { ownTaxId: '91310000580583950X' });
const norm: Normalised = normaliseQuery({ number: '２４３１２０００００００３５８０３２５４６' });
const all2: NormalisedAll = normaliseQueryAll({ code: null });
const hits: SearchHit[] = search([{ invoice: inv, status: 'normal' }], { number: '2431', number_match: 'prefix' });
const diag: Diagnosis = diagnose({ query: { number: '1' }, as_of: '2024-12-01', platform: '31', options: { same_day: 'today' } });
const parts: NumberParts = numberParts('24312000000358032546');
const more2: Array<string | boolean | number | null | undefined> = [
  checkCode(inv, '000102030405060708090a0b0c0d0e0f'), verifyCheckCode(inv, '1', 'aa'), checkCodeMessage(inv),
  last6('1'), last5('1'), buildQr(inv, { hash: 'F168' }), vq.element, qrp.type, pre?.outcome, pre?.code, outCode, out2.message_zh,
  dedupeKey('x')[0], dup.groups.length, st.total.amount, st.by_month[0]?.key, norm.corrections[0]?.message_zh,
  all2.errors[0]?.code, hits[0]?.index, diag.findings[0]?.messageZh, buildNumber(parts), nextNumber('1'),
  exportCsv('invoices', [inv], { lang: 'en' }), exportJsonl('stats', [inv], { statuses: ['normal', null] }),
];
// @ts-expect-error a car price is a decimal string
verifyQuery(inv, { carPrice: 1 });
export { more2 };
