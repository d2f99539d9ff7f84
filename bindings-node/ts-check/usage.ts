// Type-checked with `tsc --strict` against the generated api.d.ts (never run): it uses every
// export so that a change of a signature or a missing export breaks the check.
import { amount, kind, price, quantity, roundHalfUp, rule, rules, taxRate, version } from '../api.js';
import type { KindFacts, Rule, TaxRate } from '../api.js';

const a: string = amount('64.9');
const p: string = price('3.50');
const q: string = quantity('2');
const r: TaxRate = taxRate('13%');
const rounded: string = roundHalfUp('0.065', 2);
const all: Rule[] = rules();
const one: Rule | null = rule('MNY-01');
const sev: 'error' | 'warning' | undefined = one?.severity;
const name: string | null = kind.fromQr('31') ?? kind.fromVerify('81') ?? kind.fromTaxControl('0');
const facts: KindFacts = kind.facts('special_paper');
const qr: string | null = facts.qr;
const names: string[] = kind.names();
const v: string = version();

// @ts-expect-error money is a decimal string, never a number
amount(12.3);

export const used = [a, p, q, r.fraction, r.percent, rounded, all.length, sev, name, qr, names, v];

import {
  amountInWords, amountsInWords, compute, isValid, lifecycle, orgCode, padInvoiceNumber, parseInvoice, parseInvoiceCode,
  parseInvoiceNumber, ratesInForce, ric, splitTax, splitWithDeduction, lineTax, taxpayerId, uscc, validate, validateMany,
  validateManyAsync, wordsMatch, wordsToAmount,
} from '../api.js';
import type { Computed, Finding, InvoiceInput, LifecycleSummary, Report, Split, ValidateOptions } from '../api.js';

const inv: InvoiceInput = {
  kind: 'digital_ordinary', issue_date: new Date(2024, 10, 18),
  seller: { name: 'A', tax_id: '91310000580583950X' }, buyer: { name: 'B', type: 'natural_person' },
  lines: [{ name: '*餐饮服务*餐饮服务', amount: '100.00', rate: '6%' }],
};
const opts: ValidateOptions = { asOf: '2024-12-01', sellerCategory: 'general' };
const c: Computed = compute(inv, { pricesIncludeTax: true });
const report: Report = validate(c.invoice, opts);
const first: Finding | undefined = report.findings[0];
const reports: Report[] = validateMany([inv], { asOf: new Date() });
const later: Promise<Report[]> = validateManyAsync([inv], opts);
const s: Split = splitTax('113', '13%');
const life: LifecycleSummary = lifecycle.run({ kind: 'digital_special', amount: '113.00', events: [] });
export const more: Array<unknown> = [
  amountInWords('1.50', { style: 'accounting' }), amountsInWords(['1']).length, wordsToAmount('壹圆整'), wordsMatch('壹圆整', '1'),
  padInvoiceNumber('1'), parseInvoiceCode('144031900111').year, parseInvoiceNumber('12345678', { minYear: 2021 }).format,
  uscc.isValid(42), uscc.warnings('x')[0]?.messageZh, orgCode.format('x'), ric.validateAsOf('x', new Date()),
  taxpayerId.classify('x').kind, ratesInForce('2024-01-01')[0], parseInvoice(inv).number, isValid(inv, opts),
  first?.path.join('.'), reports.length, later, s.tax, life.seller_state, splitWithDeduction('1', '0', '6%').amount,
  lineTax('1', '免税'), c.invoice.totals.total_in_words, lifecycle.table(null)[0]?.event,
];
// @ts-expect-error money is a decimal string, never a number
amountInWords(12.3);
// @ts-expect-error asOf is required
validate(inv, {});
import {
  verifyQuery, parseQr, precheck, matchRecord, findDuplicates, stats, normaliseQuery, normaliseQueryAll, search, diagnose,
  numberParts, checkCode, verifyCheckCode, checkCodeMessage, last6, last5, buildQr, dedupeKey, buildNumber, nextNumber,
  exportCsv, exportJsonl,
} from '../api.js';
import type {
  VerifyQuery, QrPayload, VerifyOutcome, DuplicateReport, Stats, Normalised, NormalisedAll, SearchHit, Diagnosis, NumberParts,
} from '../api.js';

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

// invoice files
import { read, readMany, readPath } from '../api.js';
import type { Reading, ReadingBatch } from '../api.js';
const reading: Reading = readPath('invoice.ofd', { asOf: '2024-12-01' });
const readings: ReadingBatch = readMany([{ name: 'a.xml', bytes: new Uint8Array(0) }]);
export const fileFacts = [reading.source.format, reading.not_carried.length, readings.copy_of[0], read(new Uint8Array(0)).summary];
