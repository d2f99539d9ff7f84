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
}
