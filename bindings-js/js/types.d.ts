// The public surface of invoice-core in JavaScript: one source for the Node addon and the WASM
// build (bindings-js/js/types.d.ts). `node scripts/gen-js.mjs` writes each package's
// declarations from it (bindings-node/api.d.ts, bindings-wasm/js/types.d.ts and node.d.ts) and
// scripts/test-js.sh fails when they are stale; `tsc --strict` checks them against each
// package's ts-check/*.ts, and the vector runner exercises every function at run time.

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
  /** Fields the invoice's source format does not carry: their absence is not a finding. */
  notCarried?: Array<'code' | 'check_code' | 'kind' | 'buyer_tax_id' | 'buyer_contact' | 'seller_contact' | 'lines' | 'tax_codes' | 'total_in_words' | 'clerks' | 'remarks'>;
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
/** The members only the full module has (`initFull()` in the browser; the Node build has all);
 * `ns.name` is a member of a namespace. */
export type FullOnly =
  | 'rules' | 'rule' | 'lifecycle' | 'stats' | 'precheck' | 'matchRecord' | 'readVerifyQuery'
  | 'normaliseQuery'
  | 'normaliseQueryAll' | 'search' | 'diagnose' | 'buildNumber' | 'numberParts' | 'nextNumber'
  | 'exportCsv' | 'exportJsonl' | 'checkCode' | 'verifyCheckCode' | 'checkCodeMessage' | 'read'
  | 'readMany' | 'buildQr' | 'dedupeKey' | 'findDuplicates' | 'readWords' | 'ratesInForce'
  | 'parseInvoiceCode' | 'parseInvoiceNumber' | 'splitWithDeduction' | 'kind.fromCode'
  | 'kind.refineQr' | 'kind.checkQr' | 'ric.validateAsOf';

/** The top-level names of `F` (no `ns.` prefix). */
type TopNames<F> = F extends `${string}.${string}` ? never : F;
/** The member names of namespace `NS` in `F` (`ns.name` → `name`). */
type InnerNames<F, NS extends string> = F extends `${NS}.${infer M}` ? M : never;

/** The browser module's API (`init()`): identifiers, words, reading QR texts, padding invoice
 * numbers, the model with compute and validate, the 查验 query of a QR text. */
export type BrowserApi = Omit<InvoiceCoreApi, TopNames<FullOnly> | 'kind' | 'ric'> & {
  kind: Omit<KindApi, InnerNames<FullOnly, 'kind'>>;
  ric: Omit<RicApi, InnerNames<FullOnly, 'ric'>>;
};

/** The files module's API (`initFiles()`): the browser module's with the file reader and `stats`.
 * The full module (`initFull()`) has everything but the file reader. */
export type FilesApi = BrowserApi & Pick<InvoiceCoreApi, 'read' | 'readMany' | 'stats'>;

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
  /** Reads 大写 words back into an amount (lenient: every unambiguous form). */
  wordsToAmount(text: string): string;
  /** Reads 大写 words (lenient by default) with each difference from the invoice style. Full module (`initFull()`) and Node. */
  readWords(text: string, mode?: 'lenient' | 'strict' | null): { amount: string; deviations: { kind: string; position: number; found: string }[] };
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
  /** The rates (percentages) in force on a day. Full module (`initFull()`) and Node. */
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
  /** The 20-digit check code (校验码) of an invoice under a hex key (at least 16 bytes), by the core's keyed scheme v1 (HMAC-SHA256; not the tax system's secret algorithm). Throws `VER-01` a short key, `VER-17` no totals, `INP-02` bad hex. */
  checkCode(invoice: InvoiceInput, keyHex: string): string;
  /** Whether `code` is the invoice's check code under the key (constant-time compare). Throws `VER-02` when `code` is not 20 ASCII digits. */
  verifyCheckCode(invoice: InvoiceInput, code: string, keyHex: string): boolean;
  /** The canonical v1 message a check code is computed over, for reproducing the scheme elsewhere. */
  checkCodeMessage(invoice: InvoiceInput): string;
  /** The last 6 digits of a 20-digit check code (what 查验 asks for). Throws `VER-02`. */
  last6(code: string): string;
  /** The last 5 digits of a 20-digit check code (blockchain invoices). Throws `VER-02`. */
  last5(code: string): string;
  /** Parses a scanned QR text: `{type: "invoice", kind, code, number, amount, amount_meaning, issue_date, check_code, …}`, `{type: "blockchain", …}` or `{type: "url", raw}`. Throws the `VER-` code of the first problem. */
  parseQr(text: string): QrPayload;
  /** The QR payload text of an invoice (legacy kinds: 合计金额; 数电: 价税合计); `hash` is field 8 (2–4 hex digits). */
  buildQr(invoice: InvoiceInput, options?: { hash?: string | null } | null): string;
  /** The 查验 query of an invoice or of a scanned QR text: `{kind, fplx, code, number, issue_date, element, value, seller_tax_id}`. `carPrice` (车价合计) for used-car kinds. */
  verifyQuery(invoice: string | InvoiceInput | VerifyQueryInput, options?: { carPrice?: string | null } | null): VerifyQuery;
  /** Checks a query against the platform's rules on `asOf` before any lookup: null when it may be looked up, else the outcome given instead (`malformed`, `too_old`, `not_yet_verifiable`). */
  precheck(query: string | InvoiceInput | VerifyQueryInput | VerifyQuery, options: PrecheckOptions): VerifyOutcome | null;
  /** The platform's answer to a query given the record stored under its code and number (null: none): `{outcome, status, message, message_zh, …}`. */
  matchRecord(query: string | InvoiceInput | VerifyQueryInput | VerifyQuery, record: InvoiceInput | null, options: MatchOptions): VerifyOutcome;
  /** A query as `verifyQuery` returns it (stored after a scan, say) read back and checked. */
  readVerifyQuery(query: VerifyQuery): VerifyQuery;
  /** The identity keys of one item (`legacy:<code>:<number>`, `digital:<number>`): an invoice `{invoice}`, `{qr}`, `{number}` or a string. */
  dedupeKey(item: string | { invoice: InvoiceInput } | { qr: string } | { number: string }): string[];
  /** Groups the items that are the same invoice: `{groups, errors: [{index, error}]}`; an unreadable item is reported, never thrown. */
  findDuplicates(items: Array<string | { invoice: InvoiceInput } | { qr: string } | { number: string }>): DuplicateReport;
  /** Reads one invoice file (数电 XML, OFD, MoF XBRL) or a QR text from its bytes (e.g. a `File`'s
   * `arrayBuffer()`); with options (`{asOf}`) the reading carries its validation `report`.
   * Throws `READ-01`…`READ-09` when the bytes are no invoice file at all. Files module
   * (`initFiles()`) and Node. */
  read(bytes: Uint8Array, options?: ValidateOptions | null): Reading;
  /** Reads many files and says which are copies of one invoice. Files module and Node. */
  readMany(files: Array<{ name: string; bytes: Uint8Array }>, options?: ValidateOptions | null): ReadingBatch;
  /** Statistics of many invoices (`{invoice, status?}` or invoices): total and groups by month, kind, rate, status, counterparty and direction (money as strings), and `STA-01` warnings. An item's error is under `[i]`. */
  stats(invoices: Array<StatsItem | InvoiceInput>, options?: { ownTaxId?: string | null } | null): Stats;
  /** Normalises what a person typed into a lookup form (full-width digits, a 20-digit number in the code field, …): `{query, corrections}`. Throws the first unfixable problem at its field. */
  normaliseQuery(raw: RawQuery): Normalised;
  /** As `normaliseQuery`, but every unfixable problem is returned as a finding in `errors` (throws only for a value that is not a query object). */
  normaliseQueryAll(raw: RawQuery): NormalisedAll;
  /** Searches records (`{invoice, status?, red_confirmation_pending?}`) with the core's filter (snake_case keys): hits `{index, number, code, typos}` in stable order. A record's error is under `[i]`. */
  search(records: FindRecord[], filter: SearchFilter): SearchHit[];
  /** Every reason a lookup fails (the core's `Lookup`: `{query, as_of, platform?, records?, options?}`): `{query, corrections, findings, matches}`. */
  diagnose(lookup: Lookup): Diagnosis;
  /** Builds a 20-digit 数电 number from `{year, region, channel, sequence}`. Throws `FND-60`…`FND-63` at the part. */
  buildNumber(parts: NumberParts): string;
  /** The parts of a 20-digit 数电 number: `{year, region, channel, sequence}`. */
  numberParts(number: string): NumberParts;
  /** The next 20-digit number of its sequence. Throws `FND-64` overflow, `FND-65` a legacy number. */
  nextNumber(number: string): string;
  /** CSV text (with a BOM) of invoices, their validation reports (as of `asOf`) or their statistics; `lang` `zh` (default) or `en`. */
  exportCsv(what: 'invoices' | 'reports' | 'stats', invoices: InvoiceInput[], options?: ExportOptions | null): string;
  /** JSON Lines text of invoices, their validation reports (as of `asOf`) or their statistics. */
  exportJsonl(what: 'invoices' | 'reports' | 'stats', invoices: InvoiceInput[], options?: ExportOptions | null): string;
}

/** The Node addon's API: everything, plus the work off the main thread and reading a path. */
export interface NodeApi extends InvoiceCoreApi {
  /** `validateMany` on the libuv thread pool: the arguments are read (and bad options thrown)
   * synchronously, the validation resolves later. */
  validateManyAsync(invoices: InvoiceInput[], options: ValidateOptions): Promise<Report[]>;
  /** `read` of the file at `path` (read by the addon; the core opens nothing). Throws `READ-20`
   * when the path cannot be opened. */
  readPath(path: string, options?: ValidateOptions | null): Reading;
}

/** A query argument given as a wrapper: an invoice with its car price, or a QR text. */
export interface VerifyQueryInput {
  /** The invoice. */
  invoice?: InvoiceInput;
  /** 车价合计 (used-car kinds). */
  carPrice?: string | null;
  /** A scanned QR text. */
  qr?: string;
}

/** A decoded QR payload (the core's JSON shape; `type` tells which fields are present). */
export interface QrPayload {
  /** The payload type. */
  type: 'invoice' | 'blockchain' | 'url';
  /** The text as scanned. */
  raw: string;
  /** Field 1 (invoice). */
  version?: string;
  /** Field 2: the QR kind code. */
  kind_code?: string;
  /** The kind the QR code names. */
  qr_kind?: string;
  /** The kind, refined by the 发票代码. */
  kind?: string;
  /** 发票代码 (null for 数电). */
  code?: string | null;
  /** 发票号码. */
  number?: string;
  /** The amount field. */
  amount?: string;
  /** What the amount is. */
  amount_meaning?: 'amount_excluding_tax' | 'total_including_tax' | 'unconfirmed';
  /** 开票日期 YYYY-MM-DD. */
  issue_date?: string;
  /** 校验码. */
  check_code?: string | null;
  /** Field 8, upper case. */
  hash?: string | null;
  /** How many fields. */
  field_count?: number;
  /** Text after the last field. */
  trailing_text?: string | null;
  /** Blockchain comma layout: the seller's taxpayer id (field 5). */
  seller_tax_id?: string;
  /** Blockchain comma layout: the hash's last six hex digits (one peer says the check code's last six; unconfirmed). */
  check_code_tail?: string;
  /** Blockchain: the bill number. */
  bill_num?: string | null;
  /** Blockchain URL: `total_amount` as written (the `amount` field reads it as fen: unconfirmed). */
  total_amount?: string | null;
}

/** A 查验 query (the elements the national platform asks for). */
export interface VerifyQuery {
  /** The kind name. */
  kind: string;
  /** The platform's kind code. */
  fplx: string | null;
  /** 发票代码. */
  code: string | null;
  /** 发票号码. */
  number: string;
  /** 开票日期. */
  issue_date: string;
  /** The fifth element. */
  element: 'amount_excluding_tax' | 'total_including_tax' | 'check_code_last6' | 'check_code_last5' | 'car_price';
  /** The fifth element's value. */
  value: string;
  /** The seller's tax id (blockchain). */
  seller_tax_id: string | null;
}

/** Options of `precheck`. */
export interface PrecheckOptions {
  /** Today (required: the library has no clock). */
  asOf: string | Date;
  /** Same-day policy (default next_day). */
  sameDay?: 'today' | 'next_day' | null;
  /** Look-back window in years (default 5). */
  lookBackYears?: number | null;
}

/** Options of `matchRecord`. */
export interface MatchOptions {
  /** Today. */
  asOf: string | Date;
  /** The record's stored status. */
  status?: 'normal' | 'voided' | 'red_flushed' | 'partially_red_flushed' | null;
  /** The record's 车价合计. */
  carPrice?: string | null;
  /** Same-day policy. */
  sameDay?: 'today' | 'next_day' | null;
  /** Look-back window. */
  lookBackYears?: number | null;
}

/** The platform's answer to a query (查验结果). */
export interface VerifyOutcome {
  /** The outcome. */
  outcome: 'match' | 'not_found' | 'mismatch' | 'voided' | 'red_flushed' | 'too_old' | 'not_yet_verifiable' | 'malformed';
  /** The outcome's catalogue code (`rule(code)` has its messages): `VER-27` match, `VER-28` not found, `VER-29` mismatch, `VER-30` voided, `VER-31` red-flushed, `VER-32` partly red-flushed, `VER-33` too old, `VER-34` not yet verifiable, `VER-35` malformed. */
  code: 'VER-27' | 'VER-28' | 'VER-29' | 'VER-30' | 'VER-31' | 'VER-32' | 'VER-33' | 'VER-34' | 'VER-35';
  /** The vendor status number. */
  status: number;
  /** English message. */
  message: string;
  /** Chinese message. */
  message_zh: string;
  /** mismatch: the fields that differ. */
  fields?: string[];
  /** red_flushed: 部分红冲. */
  partial?: boolean;
  /** too_old: earliest verifiable date. */
  earliest?: string;
  /** not_yet_verifiable: first day. */
  from?: string;
  /** malformed: the coded problems (core shape). */
  errors?: Array<Record<string, any>>;
}

/** What `findDuplicates` returns. */
export interface DuplicateReport {
  /** Index groups naming the same invoice. */
  groups: number[][];
  /** Unreadable items. */
  errors: Array<{ index: number, error: Record<string, any> }>;
}

/** One invoice with its status label, for `stats`. */
export interface StatsItem {
  /** The invoice. */
  invoice: InvoiceInput;
  /** A status label. */
  status?: string | null;
}

/** One statistics group. */
export interface StatsGroup {
  /** The group key. */
  key: string;
  /** Counterparty name. */
  name?: string;
  /** Invoices counted. */
  count: number;
  /** 金额. */
  amount: string;
  /** 税额. */
  tax: string;
  /** 价税合计. */
  total: string;
}

/** Statistics of many invoices. */
export interface Stats {
  /** Over every invoice counted. */
  total: { count: number, amount: string, tax: string, total: string };
  /** By YYYY-MM. */
  by_month: StatsGroup[];
  /** By kind. */
  by_kind: StatsGroup[];
  /** By line rate. */
  by_rate: StatsGroup[];
  /** By status label. */
  by_status: StatsGroup[];
  /** By counterparty. */
  by_counterparty: StatsGroup[];
  /** income / expense / other. */
  by_direction: StatsGroup[];
  /** STA-01 warnings (core shape). */
  warnings: Array<Record<string, any>>;
}

/** What a person typed into a lookup form (every value a string or null). */
export interface RawQuery {
  /** 发票代码. */
  code?: string | null;
  /** 发票号码. */
  number?: string | null;
  /** 开票日期. */
  date?: string | null;
  /** 金额（不含税）. */
  amount?: string | null;
  /** 价税合计. */
  total?: string | null;
  /** 校验码. */
  check_code?: string | null;
  /** 购买方纳税人识别号. */
  buyer_tax_id?: string | null;
  /** Kind name or fplx. */
  kind?: string | null;
  /** A scanned QR text. */
  qr?: string | null;
}

/** A normalised lookup query. */
export interface FindQuery {
  /** 发票代码. */
  code: string | null;
  /** 发票号码. */
  number: string | null;
  /** 开票日期. */
  date: string | null;
  /** The fifth element. */
  element: { name: string, value: string } | null;
  /** Buyer tax id. */
  buyer_tax_id: string | null;
  /** Kind. */
  kind: string | null;
}

/** One change made to what was typed. */
export interface Correction {
  /** The field. */
  field: string;
  /** Before. */
  from: string;
  /** After. */
  to: string;
  /** The rule code. */
  code: string;
  /** English text. */
  message: string;
  /** Chinese text. */
  message_zh: string;
}

/** What `normaliseQuery` returns. */
export interface Normalised {
  /** The clean query. */
  query: FindQuery;
  /** Corrections made. */
  corrections: Correction[];
}

/** What `normaliseQueryAll` returns. */
export interface NormalisedAll {
  /** The clean query. */
  query: FindQuery;
  /** Corrections made. */
  corrections: Correction[];
  /** Unfixable problems. */
  errors: Finding[];
}

/** A stored record for search and diagnose. */
export interface FindRecord {
  /** The invoice. */
  invoice: InvoiceInput;
  /** Its status. */
  status?: 'normal' | 'voided' | 'red_flushed' | 'partially_red_flushed' | null;
  /** A red confirmation is pending. */
  red_confirmation_pending?: boolean | null;
}

/** The core's search filter (snake_case keys). */
export interface SearchFilter {
  /** Number, whole or part. */
  number?: string;
  /** How to match it. */
  number_match?: 'exact' | 'prefix' | 'typo';
  /** 发票代码. */
  code?: string;
  /** How to match it. */
  code_match?: 'exact' | 'prefix' | 'typo';
  /** From day. */
  date_from?: string;
  /** To day. */
  date_to?: string;
  /** Kinds. */
  kinds?: string[];
  /** Statuses. */
  statuses?: string[];
  /** Pending red confirmation. */
  red_confirmation_pending?: boolean;
  /** Seller tax id. */
  seller_tax_id?: string;
  /** Seller name. */
  seller_name?: string;
  /** Buyer tax id. */
  buyer_tax_id?: string;
  /** Buyer name. */
  buyer_name?: string;
  /** Minimum total. */
  total_min?: string;
  /** Maximum total. */
  total_max?: string;
}

/** One search hit. */
export interface SearchHit {
  /** Record index. */
  index: number;
  /** How the number matched. */
  number: 'exact' | 'prefix' | 'typo' | null;
  /** How the code matched. */
  code: 'exact' | 'prefix' | 'typo' | null;
  /** The typos found. */
  typos: Array<Record<string, any>>;
}

/** What a diagnosis is run on (the core's shape). */
export interface Lookup {
  /** What was typed. */
  query: RawQuery;
  /** Today. */
  as_of: string | Date;
  /** Region of the platform (2 or 4 digits). */
  platform?: string | null;
  /** The records the lookup ran against. */
  records?: FindRecord[] | null;
  /** Pre-check options. */
  options?: { look_back_years?: number, same_day?: 'today' | 'next_day' } | null;
}

/** Every reason a lookup fails. */
export interface Diagnosis {
  /** The normalised query. */
  query: FindQuery;
  /** Corrections made. */
  corrections: Correction[];
  /** Every reason, in the documented order. */
  findings: Finding[];
  /** Indexes of records with this code and number. */
  matches: number[];
}

/** The parts of a 20-digit 数电 number. */
export interface NumberParts {
  /** Year (2 or 4 digits). */
  year: number;
  /** 2-digit region. */
  region: string;
  /** Channel digit. */
  channel: number;
  /** Sequence digits. */
  sequence: string;
}

/** Options of `exportCsv` / `exportJsonl`. */
export interface ExportOptions {
  /** Header language (default zh). */
  lang?: 'zh' | 'en' | null;
  /** reports: validate as of this day. */
  asOf?: string | Date | null;
  /** stats: your own tax id. */
  ownTaxId?: string | null;
  /** stats: status labels. */
  statuses?: Array<string | null> | null;
}

/** What `read` returns for one file (`readMany` for each file that could be read). */
export interface Reading {
  /** Where it came from: `format` (`digital_xml`, `ofd_legacy`, `ofd_xbrl`, `ofd_digital`,
   * `xbrl_einv`, `xbrl_inv`, `legacy_xml`, `qr_text`), `version`, `part` of a container. */
  source: { format: string; version: string | null; part: string | null };
  /** The invoice in the core's JSON shape; null for a bare QR text or an unreadable one. */
  invoice: Record<string, any> | null;
  /** The QR found in the file (`{at, text?, image?, payload?}`). */
  qr?: Record<string, any>;
  /** The fields the format does not carry. */
  not_carried: string[];
  /** The receiver's accounting facts, where the file has them. */
  accounting?: Record<string, any>;
  /** Where each value came from. */
  origins: Array<{ field: string; at: string }>;
  /** Reading findings and in-file cross-checks, at their place in the file. */
  findings: Finding[];
  /** The core's short form (format, kind, number, date, amounts, qr, findings' codes). */
  summary: Record<string, any>;
  /** With options: the reading findings followed by validation's. */
  report?: Report;
}

/** What `readMany` returns. */
export interface ReadingBatch {
  files: Array<{ name: string; reading: Reading | null; error: Finding | null }>;
  /** Groups of two or more files holding one invoice. */
  copies: Array<{ key: Record<string, any>; files: number[]; consistent: boolean }>;
  /** For each file, the index of the first file it is a copy of, or null. */
  copy_of: Array<number | null>;
}
