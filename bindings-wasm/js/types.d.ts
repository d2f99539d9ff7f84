// The public surface of invoice-core's WASM binding, shared by the web and Node entries.
// Kept by hand next to the Rust exports; `tsc --strict` checks it against js-tests/types/*.ts
// and the vector runner exercises every function at run time.

/** Where a problem is: keys and list indexes, outermost first (`["lines", 2, "tax"]`). */
export type ErrorPath = Array<string | number>;

/** A coded invoice-core error: a real `Error` subclass. `message` is `[CODE] path: English`. */
export declare class InvoiceError extends Error {
  constructor(raw: unknown);
  name: 'InvoiceError';
  /** Stable rule code (`"MNY-02"`). */
  code: string;
  path: ErrorPath;
  /** Named params of the message (`{value: "12.345", max: "2"}`). */
  params: Record<string, string>;
  /** The English message without code and path. */
  messageEn: string;
  /** The Chinese message. */
  messageZh: string;
  severity: 'error' | 'warning';
}

/** A tax rate in both notations. */
export interface TaxRate {
  /** The fraction, `"0.13"`. */
  fraction: string;
  /** The percentage, `"13%"`. */
  percent: string;
}

/** One catalogue entry. */
export interface Rule {
  code: string;
  severity: 'error' | 'warning';
  /** English template with `{params}`. */
  en: string;
  /** Chinese template with the same `{params}`. */
  zh: string;
}

/** The static facts of one invoice kind. */
export interface KindFacts {
  name: string;
  zh: string;
  en: string;
  paper: boolean;
  special: boolean;
  deductible: boolean;
  digital: boolean;
  qr: string | null;
  fplx: string | null;
  fpzl: string | null;
}

/** Invoice kinds and their code tables. */
export interface KindApi {
  /** The kind a QR payload's kind field names (`"31"` → `"digital_special"`), or null. */
  fromQr(code: string): string | null;
  /** The kind a verification platform code (fplx) names, or null. */
  fromVerify(code: string): string | null;
  /** The kind a 税控 code (fpzl) names, or null. */
  fromTaxControl(code: string): string | null;
  /** The facts of a kind by snake_case name; throws `INP-05` for an unknown name. */
  facts(name: string): KindFacts;
  /** Every kind's snake_case name. */
  names(): string[];
  /** The kind a 发票代码 names, or null. */
  fromCode(code: string): string | null;
  /** The code's kind when it names one, else the QR kind. */
  refineQr(qrKind: string, code: string): string;
  /** The refined kind; throws `NUM-14` when the QR kind contradicts the code. */
  checkQr(qrKind: string, code: string): string;
}

/** Options of `parseInvoiceCode`. */
export interface CodeOptions {
  /** Latest plausible year (your current year); unset: no upper bound. */
  maxYear?: number | null;
  /** Earliest plausible year of a 10-digit code (default 2000). */
  minYear10?: number;
  /** Earliest plausible year of a 12-digit code (default 2012). */
  minYear12?: number;
}

/** Options of `parseInvoiceNumber`. */
export interface NumberOptions {
  maxYear?: number | null;
  /** Earliest plausible year of a 20-digit number (default 2021). */
  minYear?: number;
}

/** Options of `amountInWords` / `amountsInWords`. */
export interface WordsOptions {
  style?: 'invoice' | 'accounting' | 'pboc';
  rmbPrefix?: boolean;
  zheng?: '整' | '正';
  negative?: '（负数）' | '(负数)' | '负';
  zeros?: 'all' | 'one' | 'none';
  /** Read the amount as any decimal; more than 2 decimals are an error, rounded or truncated. */
  excess?: 'error' | 'round' | 'truncate';
}

/** Tolerances and limits; amounts as decimal strings. */
export interface Policy {
  quantityPriceTolerance?: string;
  lineTaxTolerance?: string;
  invoiceTaxTolerance?: string;
  paperLineLimit?: number;
}

/** Options of `compute`. */
export interface ComputeOptions {
  /** Line amounts include tax (价格含税). */
  pricesIncludeTax?: boolean;
  /** Spread a too-large tax difference over the lines instead of advising a split. */
  redistribute?: boolean;
  policy?: Policy;
}

/** Options of `validate`, `isValid`, `validateMany`. */
export interface ValidateOptions {
  /** The day to judge against (required: the library has no clock). */
  asOf: string | Date;
  sellerCategory?: 'general' | 'small_scale';
  /** 单张开票限额, a decimal string. */
  issuingLimit?: string;
  policy?: Policy;
}

/** A party (销售方/购买方). */
export interface Party {
  name?: string;
  tax_id?: string;
  type?: string;
  address?: string;
  phone?: string;
  bank?: string;
  account?: string;
}

/** A line (明细行); money, quantities and prices as decimal strings. */
export interface Line {
  tax_code?: string;
  name?: string;
  spec?: string;
  unit?: string;
  quantity?: string;
  unit_price?: string;
  amount?: string;
  rate?: string;
  tax?: string;
  nature?: string;
}

/** An invoice in the core's JSON shape (snake_case keys, money as decimal strings). */
export interface InvoiceInput {
  kind?: string;
  code?: string;
  number?: string;
  digital_number?: string;
  issue_date?: string | Date;
  issue_time?: string;
  seller?: Party;
  buyer?: Party;
  lines?: Line[];
  totals?: { amount: string; tax: string; total: string; total_in_words?: string | null };
  deduction?: string;
  remarks?: string;
  drawer?: string;
  reviewer?: string;
  payee?: string;
  check_code?: string;
  has_list?: boolean;
  red?: Record<string, unknown>;
  special?: Record<string, unknown>;
}

/** One finding of `validate` (or a warning of an identifier). */
export interface Finding {
  /** Stable rule code (`"PTY-03"`). */
  code: string;
  path: ErrorPath;
  severity: 'error' | 'warning';
  /** English message. */
  message: string;
  /** Chinese message. */
  messageZh: string;
  params: Record<string, string>;
}

/** The result of `validate`. */
export interface Report {
  valid: boolean;
  findings: Finding[];
}

/** `{amount, tax}` of a 价税分离. */
export interface Split {
  amount: string;
  tax: string;
}

/** The totals of a computed invoice. */
export interface Totals {
  amount: string;
  tax: string;
  total: string;
  total_in_words?: string | null;
}

/** The result of `compute`. */
export interface Computed {
  invoice: Record<string, any> & { totals: Totals; lines: Array<Record<string, any>> };
  per_rate: Array<{ rate: string; amount: string; tax: string }>;
  tax_difference: string;
  adjusted_lines: number[];
  split: { starts: number[]; difference: string } | null;
}

/** Input of `lifecycle.run`. */
export interface LifecycleInput {
  kind: string;
  amount: string;
  /** Steps `{event, actor, at, reason?, …fields}` (at: `YYYY-MM-DDTHH:MM:SS` or a `Date`). */
  events: Array<Record<string, unknown>>;
  expireOverdueAt?: string | Date;
}

/** Result of `lifecycle.run`. */
export interface LifecycleSummary {
  seller_state: string;
  buyer_state: string;
  use_purpose: string | null;
  lost: string | null;
  remaining: string;
  reversed: string;
  history_len: number;
  red_invoices: Array<{ number: string; amount: string }>;
  slips: Record<string, string>;
  info_tables: Record<string, string>;
}

/** One row of the lifecycle transition table. */
export interface TransitionRow {
  event: string;
  to: Record<string, string>;
  guards: string[];
}

/** The identifier families share these (some have more). */
export interface IdApi {
  /** Normalised form; never fails. */
  compact(value: string): string;
  /** The compact code when valid; throws the family's `ID-` code. */
  validate(value: string): string;
  /** The input when already compact and valid. */
  validateStrict(value: string): string;
  /** True when valid; never throws (any non-string is false). */
  isValid(value: unknown): boolean;
  /** The printed form. */
  format(value: string): string;
}

export interface UsccApi extends IdApi {
  calcCheckDigit(value: string): string;
  parts(value: string): Record<string, any>;
  warnings(value: string): Finding[];
}

export interface OrgCodeApi extends IdApi {
  calcCheckDigit(value: string): string;
  parts(value: string): Record<string, any>;
}

export interface RicApi extends IdApi {
  calcCheckDigit(value: string): string;
  parts(value: string): Record<string, any>;
  to18(value: string): string;
  validateAsOf(value: string, asOf: string | Date): string;
}

export interface TaxpayerIdApi extends IdApi {
  classify(value: string): Record<string, any>;
  warnings(value: string): Finding[];
}

export interface LifecycleApi {
  /** Replays events and returns the state summary; a refused step throws at `events[i]`. */
  run(input: LifecycleInput): LifecycleSummary;
  /** Transition-table rows leaving a state (`null`: documents not yet created). */
  table(from: Record<string, string> | null): TransitionRow[];
}

/** Everything the binding exports. Money is always a decimal string. */
export interface InvoiceCoreApi {
  InvoiceError: typeof InvoiceError;
  /** An amount in yuan with exactly 2 decimals; throws `MNY-01/02/03`, `INP-01` for a number. */
  amount(value: string): string;
  /** A unit price, up to 8 decimals, normalised. */
  price(value: string): string;
  /** A quantity, up to 8 decimals, normalised. */
  quantity(value: string): string;
  /** A tax rate written `"0.13"` or `"13%"`; throws `MNY-04` outside [0, 1). */
  taxRate(value: string): TaxRate;
  /** Half-up rounding (四舍五入) of a decimal string to `places` (0–28) decimals. */
  roundHalfUp(value: string, places: number): string;
  /** Every rule of the catalogue. */
  rules(): Rule[];
  /** The rule with this code, or null. */
  rule(code: string): Rule | null;
  kind: KindApi;
  /** The invoice-core version. */
  version(): string;
  /** Parses a 发票代码 (the core's JSON shape); throws `NUM-` codes. */
  parseInvoiceCode(code: string, options?: CodeOptions | null): Record<string, any>;
  /** Parses a 发票号码 (8-digit legacy or 20-digit 数电). */
  parseInvoiceNumber(number: string, options?: NumberOptions | null): Record<string, any>;
  /** Left-pads 1–8 digits to 8. */
  padInvoiceNumber(number: string): string;
  uscc: UsccApi;
  orgCode: OrgCodeApi;
  ric: RicApi;
  taxpayerId: TaxpayerIdApi;
  /** The 大写 of an amount (`"1234.50"` → `"壹仟贰佰叁拾肆圆伍角"`). */
  amountInWords(amount: string, options?: WordsOptions | null): string;
  /** The 大写 of each amount; an error names the index. */
  amountsInWords(amounts: string[], options?: WordsOptions | null): string[];
  /** Reads 大写 words back into an amount. */
  wordsToAmount(text: string): string;
  /** Whether the words read as exactly this amount. */
  wordsMatch(text: string, amount: string): boolean;
  /** 价税分离 of a tax-inclusive amount. */
  splitTax(gross: string, rate: string): Split;
  /** 差额征税 split. */
  splitWithDeduction(gross: string, deduction: string, rate: string): Split;
  /** The tax of one line. */
  lineTax(amount: string, rate: string, deduction?: string | null): string;
  /** Computes amounts, taxes, totals and the 大写; throws the first error. */
  compute(invoice: InvoiceInput, options?: ComputeOptions | null): Computed;
  /** The rates (percentages) in force on a day. */
  ratesInForce(date: string | Date, category?: string | null): string[];
  /** Reads an invoice into the core's normal form; throws the first reading error. */
  parseInvoice(invoice: InvoiceInput): Record<string, any>;
  /** Every rule: `{valid, findings}`; only bad options throw. */
  validate(invoice: InvoiceInput, options: ValidateOptions): Report;
  /** No error finding. */
  isValid(invoice: InvoiceInput, options: ValidateOptions): boolean;
  /** One report per invoice. */
  validateMany(invoices: InvoiceInput[], options: ValidateOptions): Report[];
  lifecycle: LifecycleApi;
}
