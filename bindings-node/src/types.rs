//! Shapes for `index.d.ts` only: the option objects the functions take and the plain objects
//! they return. The functions read and write these through `serde_json::Value` (see the shared
//! crate `invoice-core-js`); these structs exist so that the napi CLI declares the interfaces.
#![allow(dead_code)]

use napi_derive::napi;

/// Options of `parseInvoiceCode`.
#[napi(object)]
pub struct CodeOptions {
    /// Latest plausible year (your current year); unset: no upper bound.
    pub max_year: Option<u32>,
    /// Earliest plausible year of a 10-digit code (default 2000).
    pub min_year10: Option<u32>,
    /// Earliest plausible year of a 12-digit code (default 2012).
    pub min_year12: Option<u32>,
}

/// Options of `parseInvoiceNumber`.
#[napi(object)]
pub struct NumberOptions {
    /// Latest plausible year; unset: no upper bound.
    pub max_year: Option<u32>,
    /// Earliest plausible year of a 20-digit number (default 2021).
    pub min_year: Option<u32>,
}

/// Options of `amountInWords` / `amountsInWords`.
#[napi(object)]
pub struct WordsOptions {
    /// Style: `invoice` (default), `accounting` or `pboc`.
    #[napi(ts_type = "'invoice' | 'accounting' | 'pboc'")]
    pub style: Option<String>,
    /// Prefix 人民币.
    pub rmb_prefix: Option<bool>,
    /// The whole-yuan mark.
    #[napi(ts_type = "'整' | '正'")]
    pub zheng: Option<String>,
    /// The negative label.
    #[napi(ts_type = "'（负数）' | '(负数)' | '负'")]
    pub negative: Option<String>,
    /// Which optional 零 to write.
    #[napi(ts_type = "'all' | 'one' | 'none'")]
    pub zeros: Option<String>,
    /// Read the amount as any decimal and treat more than 2 decimals so.
    #[napi(ts_type = "'error' | 'round' | 'truncate'")]
    pub excess: Option<String>,
}

/// Tolerances and limits (domain.md §7); amounts as decimal strings.
#[napi(object)]
pub struct Policy {
    /// |数量 × 单价 − 金额| allowed (default `"0.01"`).
    pub quantity_price_tolerance: Option<String>,
    /// |金额 × 税率 − 税额| allowed per line (default `"0.06"`).
    pub line_tax_tolerance: Option<String>,
    /// |Σ (金额 × 税率 − 税额)| allowed per invoice (default `"1.27"`).
    pub invoice_tax_tolerance: Option<String>,
    /// Lines a paper invoice prints without a 销货清单 (default 8).
    pub paper_line_limit: Option<u32>,
}

/// Options of `compute`.
#[napi(object)]
pub struct ComputeOptions {
    /// Line amounts include tax (价格含税).
    pub prices_include_tax: Option<bool>,
    /// Spread a too-large tax difference over the lines instead of advising a split.
    pub redistribute: Option<bool>,
    /// Tolerances and limits.
    pub policy: Option<Policy>,
}

/// Options of `validate`, `isValid`, `validateMany`.
#[napi(object)]
pub struct ValidateOptions {
    /// The day to judge against (required: the library has no clock).
    #[napi(ts_type = "string | Date")]
    pub as_of: String,
    /// The seller's taxpayer category.
    #[napi(ts_type = "'general' | 'small_scale'")]
    pub seller_category: Option<String>,
    /// The seller's issuing limit (单张开票限额), a decimal string.
    pub issuing_limit: Option<String>,
    /// Tolerances and limits.
    pub policy: Option<Policy>,
    /// Fields the invoice's source format does not carry: their absence is not a finding.
    #[napi(
        ts_type = "Array<'code' | 'check_code' | 'kind' | 'buyer_tax_id' | 'buyer_contact' | 'seller_contact' | 'lines' | 'tax_codes' | 'total_in_words' | 'clerks' | 'remarks'>"
    )]
    pub not_carried: Option<Vec<String>>,
}

/// One finding of `validate` (or a warning of an identifier).
#[napi(object)]
pub struct Finding {
    /// Stable rule code (`"PTY-03"`).
    pub code: String,
    /// Where: keys and list indexes (`["lines", 0, "amount"]`).
    #[napi(ts_type = "Array<string | number>")]
    pub path: Vec<String>,
    /// `error` makes the invoice invalid; `warning` does not.
    #[napi(ts_type = "'error' | 'warning'")]
    pub severity: String,
    /// English message.
    pub message: String,
    /// Chinese message.
    pub message_zh: String,
    /// Named params of the message.
    #[napi(ts_type = "Record<string, string>")]
    pub params: String,
}

/// The result of `validate`.
#[napi(object)]
pub struct Report {
    /// No finding is an error.
    pub valid: bool,
    /// Every finding, in rule order.
    pub findings: Vec<Finding>,
}

/// `{amount, tax}` of a 价税分离.
#[napi(object)]
pub struct Split {
    /// 金额 (without tax).
    pub amount: String,
    /// 税额.
    pub tax: String,
}

/// An invoice as a plain object in the core's JSON shape (snake_case keys, money as decimal
/// strings, dates as `YYYY-MM-DD` or `Date`). Money given as a JS number is refused (`INP-01`).
#[napi(object)]
pub struct InvoiceInput {
    /// Kind name (`"digital_ordinary"`).
    #[napi(js_name = "kind", ts_type = "string")]
    pub kind: Option<String>,
    /// 发票代码 (legacy invoices).
    #[napi(js_name = "code", ts_type = "string")]
    pub code: Option<String>,
    /// 发票号码.
    #[napi(js_name = "number", ts_type = "string")]
    pub number: Option<String>,
    /// 数电票号码 of a legacy-numbered digital invoice.
    #[napi(js_name = "digital_number", ts_type = "string")]
    pub digital_number: Option<String>,
    /// 开票日期 (`YYYY-MM-DD` or a `Date`, read in local time).
    #[napi(js_name = "issue_date", ts_type = "string | Date")]
    pub issue_date: Option<String>,
    /// 开票时间 `HH:MM:SS`.
    #[napi(js_name = "issue_time", ts_type = "string")]
    pub issue_time: Option<String>,
    /// 销售方.
    #[napi(js_name = "seller", ts_type = "Party")]
    pub seller: Option<String>,
    /// 购买方.
    #[napi(js_name = "buyer", ts_type = "Party")]
    pub buyer: Option<String>,
    /// 明细行.
    #[napi(js_name = "lines", ts_type = "Line[]")]
    pub lines: Option<String>,
    /// 合计.
    #[napi(
        js_name = "totals",
        ts_type = "{ amount: string, tax: string, total: string, total_in_words?: string | null }"
    )]
    pub totals: Option<String>,
    /// 差额征税 deduction.
    #[napi(js_name = "deduction", ts_type = "string")]
    pub deduction: Option<String>,
    /// 备注.
    #[napi(js_name = "remarks", ts_type = "string")]
    pub remarks: Option<String>,
    /// 开票人.
    #[napi(js_name = "drawer", ts_type = "string")]
    pub drawer: Option<String>,
    /// 复核.
    #[napi(js_name = "reviewer", ts_type = "string")]
    pub reviewer: Option<String>,
    /// 收款人.
    #[napi(js_name = "payee", ts_type = "string")]
    pub payee: Option<String>,
    /// 校验码.
    #[napi(js_name = "check_code", ts_type = "string")]
    pub check_code: Option<String>,
    /// With a 销货清单.
    #[napi(js_name = "has_list", ts_type = "boolean")]
    pub has_list: Option<String>,
    /// Red-letter reference (红字).
    #[napi(js_name = "red", ts_type = "Record<string, unknown>")]
    pub red: Option<String>,
    /// 特定业务.
    #[napi(js_name = "special", ts_type = "Record<string, unknown>")]
    pub special: Option<String>,
}

/// A party (销售方/购买方).
#[napi(object)]
pub struct Party {
    /// 名称.
    pub name: Option<String>,
    /// 纳税人识别号.
    #[napi(js_name = "tax_id")]
    pub tax_id: Option<String>,
    /// `organization`, `natural_person` … (the core's party kinds).
    #[napi(js_name = "type")]
    pub party_type: Option<String>,
    /// 地址.
    pub address: Option<String>,
    /// 电话.
    pub phone: Option<String>,
    /// 开户行.
    pub bank: Option<String>,
    /// 账号.
    pub account: Option<String>,
}

/// A line (明细行); money, quantities and prices as decimal strings.
#[napi(object)]
pub struct Line {
    /// 税收分类编码.
    #[napi(js_name = "tax_code")]
    pub tax_code: Option<String>,
    /// 项目名称 (`*简称*名称`).
    pub name: Option<String>,
    /// 规格型号.
    pub spec: Option<String>,
    /// 单位.
    pub unit: Option<String>,
    /// 数量.
    pub quantity: Option<String>,
    /// 单价.
    #[napi(js_name = "unit_price")]
    pub unit_price: Option<String>,
    /// 金额.
    pub amount: Option<String>,
    /// 税率 (`"13%"`, `"0.13"`, `"免税"` …).
    pub rate: Option<String>,
    /// 税额.
    pub tax: Option<String>,
    /// Line nature (`normal`, `discount` …).
    pub nature: Option<String>,
}

/// The totals of a computed invoice.
#[napi(object)]
pub struct Totals {
    /// 合计金额.
    pub amount: String,
    /// 合计税额.
    pub tax: String,
    /// 价税合计.
    pub total: String,
    /// 价税合计（大写）.
    #[napi(js_name = "total_in_words")]
    pub total_in_words: Option<String>,
}

/// The result of `compute`.
#[napi(object)]
pub struct Computed {
    /// The invoice with every amount, tax, total and the 大写 filled in.
    #[napi(
        ts_type = "Record<string, any> & { totals: Totals, lines: Array<Record<string, any>> }"
    )]
    pub invoice: String,
    /// Totals per rate `{rate, amount, tax}`.
    #[napi(
        js_name = "per_rate",
        ts_type = "Array<{ rate: string, amount: string, tax: string }>"
    )]
    pub per_rate: Vec<String>,
    /// Σ (金额 × 税率) − Σ 税额, unrounded.
    #[napi(js_name = "tax_difference")]
    pub tax_difference: String,
    /// Indexes of lines whose tax was adjusted.
    #[napi(js_name = "adjusted_lines")]
    pub adjusted_lines: Vec<u32>,
    /// Split advice when the tax difference is too large, else null.
    #[napi(ts_type = "{ starts: number[], difference: string } | null")]
    pub split: Option<String>,
}

/// Input of `lifecycle.run`.
#[napi(object)]
pub struct LifecycleInput {
    /// Kind name.
    pub kind: String,
    /// 价税合计, decimal string.
    pub amount: String,
    /// Steps `{event, actor, at, reason?, …fields}` (at: `YYYY-MM-DDTHH:MM:SS` or a `Date`).
    #[napi(ts_type = "Array<Record<string, unknown>>")]
    pub events: Vec<String>,
    /// Expire overdue slips at this time.
    #[napi(ts_type = "string | Date")]
    pub expire_overdue_at: Option<String>,
}

/// Result of `lifecycle.run`.
#[napi(object)]
pub struct LifecycleSummary {
    /// Seller-side state.
    #[napi(js_name = "seller_state")]
    pub seller_state: String,
    /// Buyer-side state.
    #[napi(js_name = "buyer_state")]
    pub buyer_state: String,
    /// `deduct`, `non_deduct` or null.
    #[napi(js_name = "use_purpose")]
    pub use_purpose: Option<String>,
    /// Lost copy or null.
    pub lost: Option<String>,
    /// 价税合计 not yet reversed.
    pub remaining: String,
    /// Reversed by red invoices.
    pub reversed: String,
    /// Number of history entries.
    #[napi(js_name = "history_len")]
    pub history_len: u32,
    /// Red invoices issued.
    #[napi(
        js_name = "red_invoices",
        ts_type = "Array<{ number: string, amount: string }>"
    )]
    pub red_invoices: Vec<String>,
    /// Slip states by slip number.
    #[napi(ts_type = "Record<string, string>")]
    pub slips: String,
    /// Info-table states by table number.
    #[napi(js_name = "info_tables", ts_type = "Record<string, string>")]
    pub info_tables: String,
}

/// One row of the lifecycle transition table.
#[napi(object)]
pub struct TransitionRow {
    /// Event name.
    pub event: String,
    /// Target state `{machine: state}`.
    #[napi(ts_type = "Record<string, string>")]
    pub to: String,
    /// Guard names.
    pub guards: Vec<String>,
}

// ---- verify, stats, find (generated by hand from one list; see the WASM types.d.ts twin)

/// A query argument given as a wrapper: an invoice with its car price, or a QR text.
#[napi(object)]
pub struct VerifyQueryInput {
    /// The invoice.
    #[napi(js_name = "invoice", ts_type = "InvoiceInput")]
    pub invoice: Option<serde_json::Value>,
    /// 车价合计 (used-car kinds).
    #[napi(js_name = "carPrice", ts_type = "string | null")]
    pub car_price: Option<serde_json::Value>,
    /// A scanned QR text.
    #[napi(js_name = "qr", ts_type = "string")]
    pub qr: Option<serde_json::Value>,
}

/// A decoded QR payload (the core's JSON shape; `type` tells which fields are present).
#[napi(object)]
pub struct QrPayload {
    /// The payload type.
    #[napi(js_name = "type", ts_type = "'invoice' | 'blockchain' | 'url'")]
    pub type_: serde_json::Value,
    /// The text as scanned.
    #[napi(js_name = "raw", ts_type = "string")]
    pub raw: serde_json::Value,
    /// Field 1 (invoice).
    #[napi(js_name = "version", ts_type = "string")]
    pub version: Option<serde_json::Value>,
    /// Field 2: the QR kind code.
    #[napi(js_name = "kind_code", ts_type = "string")]
    pub kind_code: Option<serde_json::Value>,
    /// The kind the QR code names.
    #[napi(js_name = "qr_kind", ts_type = "string")]
    pub qr_kind: Option<serde_json::Value>,
    /// The kind, refined by the 发票代码.
    #[napi(js_name = "kind", ts_type = "string")]
    pub kind: Option<serde_json::Value>,
    /// 发票代码 (null for 数电).
    #[napi(js_name = "code", ts_type = "string | null")]
    pub code: Option<serde_json::Value>,
    /// 发票号码.
    #[napi(js_name = "number", ts_type = "string")]
    pub number: Option<serde_json::Value>,
    /// The amount field.
    #[napi(js_name = "amount", ts_type = "string")]
    pub amount: Option<serde_json::Value>,
    /// What the amount is.
    #[napi(
        js_name = "amount_meaning",
        ts_type = "'amount_excluding_tax' | 'total_including_tax' | 'unconfirmed'"
    )]
    pub amount_meaning: Option<serde_json::Value>,
    /// 开票日期 YYYY-MM-DD.
    #[napi(js_name = "issue_date", ts_type = "string")]
    pub issue_date: Option<serde_json::Value>,
    /// 校验码.
    #[napi(js_name = "check_code", ts_type = "string | null")]
    pub check_code: Option<serde_json::Value>,
    /// Field 8, upper case.
    #[napi(js_name = "hash", ts_type = "string | null")]
    pub hash: Option<serde_json::Value>,
    /// How many fields.
    #[napi(js_name = "field_count", ts_type = "number")]
    pub field_count: Option<serde_json::Value>,
    /// Text after the last field.
    #[napi(js_name = "trailing_text", ts_type = "string | null")]
    pub trailing_text: Option<serde_json::Value>,
    /// Blockchain comma layout: the seller's taxpayer id (field 5).
    #[napi(js_name = "seller_tax_id", ts_type = "string")]
    pub seller_tax_id: Option<serde_json::Value>,
    /// Blockchain comma layout: the hash's last six hex digits (one peer says the check code's
    /// last six; unconfirmed).
    #[napi(js_name = "check_code_tail", ts_type = "string")]
    pub check_code_tail: Option<serde_json::Value>,
    /// Blockchain: the bill number.
    #[napi(js_name = "bill_num", ts_type = "string | null")]
    pub bill_num: Option<serde_json::Value>,
    /// Blockchain URL: `total_amount` as written.
    #[napi(js_name = "total_amount", ts_type = "string | null")]
    pub total_amount: Option<serde_json::Value>,
}

/// A 查验 query (the elements the national platform asks for).
#[napi(object)]
pub struct VerifyQuery {
    /// The kind name.
    #[napi(js_name = "kind", ts_type = "string")]
    pub kind: serde_json::Value,
    /// The platform's kind code.
    #[napi(js_name = "fplx", ts_type = "string | null")]
    pub fplx: serde_json::Value,
    /// 发票代码.
    #[napi(js_name = "code", ts_type = "string | null")]
    pub code: serde_json::Value,
    /// 发票号码.
    #[napi(js_name = "number", ts_type = "string")]
    pub number: serde_json::Value,
    /// 开票日期.
    #[napi(js_name = "issue_date", ts_type = "string")]
    pub issue_date: serde_json::Value,
    /// The fifth element.
    #[napi(
        js_name = "element",
        ts_type = "'amount_excluding_tax' | 'total_including_tax' | 'check_code_last6' | 'check_code_last5' | 'car_price'"
    )]
    pub element: serde_json::Value,
    /// The fifth element's value.
    #[napi(js_name = "value", ts_type = "string")]
    pub value: serde_json::Value,
    /// The seller's tax id (blockchain).
    #[napi(js_name = "seller_tax_id", ts_type = "string | null")]
    pub seller_tax_id: serde_json::Value,
}

/// Options of `precheck`.
#[napi(object)]
pub struct PrecheckOptions {
    /// Today (required: the library has no clock).
    #[napi(js_name = "asOf", ts_type = "string | Date")]
    pub as_of: serde_json::Value,
    /// Same-day policy (default next_day).
    #[napi(js_name = "sameDay", ts_type = "'today' | 'next_day' | null")]
    pub same_day: Option<serde_json::Value>,
    /// Look-back window in years (default 5).
    #[napi(js_name = "lookBackYears", ts_type = "number | null")]
    pub look_back_years: Option<serde_json::Value>,
}

/// Options of `matchRecord`.
#[napi(object)]
pub struct MatchOptions {
    /// Today.
    #[napi(js_name = "asOf", ts_type = "string | Date")]
    pub as_of: serde_json::Value,
    /// The record's stored status.
    #[napi(
        js_name = "status",
        ts_type = "'normal' | 'voided' | 'red_flushed' | 'partially_red_flushed' | null"
    )]
    pub status: Option<serde_json::Value>,
    /// The record's 车价合计.
    #[napi(js_name = "carPrice", ts_type = "string | null")]
    pub car_price: Option<serde_json::Value>,
    /// Same-day policy.
    #[napi(js_name = "sameDay", ts_type = "'today' | 'next_day' | null")]
    pub same_day: Option<serde_json::Value>,
    /// Look-back window.
    #[napi(js_name = "lookBackYears", ts_type = "number | null")]
    pub look_back_years: Option<serde_json::Value>,
}

/// The platform's answer to a query (查验结果).
#[napi(object)]
pub struct VerifyOutcome {
    /// The outcome.
    #[napi(
        js_name = "outcome",
        ts_type = "'match' | 'not_found' | 'mismatch' | 'voided' | 'red_flushed' | 'too_old' | 'not_yet_verifiable' | 'malformed'"
    )]
    pub outcome: serde_json::Value,
    /// The vendor status number.
    #[napi(js_name = "status", ts_type = "number")]
    pub status: serde_json::Value,
    /// English message.
    #[napi(js_name = "message", ts_type = "string")]
    pub message: serde_json::Value,
    /// Chinese message.
    #[napi(js_name = "message_zh", ts_type = "string")]
    pub message_zh: serde_json::Value,
    /// mismatch: the fields that differ.
    #[napi(js_name = "fields", ts_type = "string[]")]
    pub fields: Option<serde_json::Value>,
    /// red_flushed: 部分红冲.
    #[napi(js_name = "partial", ts_type = "boolean")]
    pub partial: Option<serde_json::Value>,
    /// too_old: earliest verifiable date.
    #[napi(js_name = "earliest", ts_type = "string")]
    pub earliest: Option<serde_json::Value>,
    /// not_yet_verifiable: first day.
    #[napi(js_name = "from", ts_type = "string")]
    pub from_: Option<serde_json::Value>,
    /// malformed: the coded problems (core shape).
    #[napi(js_name = "errors", ts_type = "Array<Record<string, any>>")]
    pub errors: Option<serde_json::Value>,
}

/// What `findDuplicates` returns.
#[napi(object)]
pub struct DuplicateReport {
    /// Index groups naming the same invoice.
    #[napi(js_name = "groups", ts_type = "number[][]")]
    pub groups: serde_json::Value,
    /// Unreadable items.
    #[napi(
        js_name = "errors",
        ts_type = "Array<{ index: number, error: Record<string, any> }>"
    )]
    pub errors: serde_json::Value,
}

/// One invoice with its status label, for `stats`.
#[napi(object)]
pub struct StatsItem {
    /// The invoice.
    #[napi(js_name = "invoice", ts_type = "InvoiceInput")]
    pub invoice: serde_json::Value,
    /// A status label.
    #[napi(js_name = "status", ts_type = "string | null")]
    pub status: Option<serde_json::Value>,
}

/// One statistics group.
#[napi(object)]
pub struct StatsGroup {
    /// The group key.
    #[napi(js_name = "key", ts_type = "string")]
    pub key: serde_json::Value,
    /// Counterparty name.
    #[napi(js_name = "name", ts_type = "string")]
    pub name: Option<serde_json::Value>,
    /// Invoices counted.
    #[napi(js_name = "count", ts_type = "number")]
    pub count: serde_json::Value,
    /// 金额.
    #[napi(js_name = "amount", ts_type = "string")]
    pub amount: serde_json::Value,
    /// 税额.
    #[napi(js_name = "tax", ts_type = "string")]
    pub tax: serde_json::Value,
    /// 价税合计.
    #[napi(js_name = "total", ts_type = "string")]
    pub total: serde_json::Value,
}

/// Statistics of many invoices.
#[napi(object)]
pub struct Stats {
    /// Over every invoice counted.
    #[napi(
        js_name = "total",
        ts_type = "{ count: number, amount: string, tax: string, total: string }"
    )]
    pub total: serde_json::Value,
    /// By YYYY-MM.
    #[napi(js_name = "by_month", ts_type = "StatsGroup[]")]
    pub by_month: serde_json::Value,
    /// By kind.
    #[napi(js_name = "by_kind", ts_type = "StatsGroup[]")]
    pub by_kind: serde_json::Value,
    /// By line rate.
    #[napi(js_name = "by_rate", ts_type = "StatsGroup[]")]
    pub by_rate: serde_json::Value,
    /// By status label.
    #[napi(js_name = "by_status", ts_type = "StatsGroup[]")]
    pub by_status: serde_json::Value,
    /// By counterparty.
    #[napi(js_name = "by_counterparty", ts_type = "StatsGroup[]")]
    pub by_counterparty: serde_json::Value,
    /// income / expense / other.
    #[napi(js_name = "by_direction", ts_type = "StatsGroup[]")]
    pub by_direction: serde_json::Value,
    /// STA-01 warnings (core shape).
    #[napi(js_name = "warnings", ts_type = "Array<Record<string, any>>")]
    pub warnings: serde_json::Value,
}

/// What a person typed into a lookup form (every value a string or null).
#[napi(object)]
pub struct RawQuery {
    /// 发票代码.
    #[napi(js_name = "code", ts_type = "string | null")]
    pub code: Option<serde_json::Value>,
    /// 发票号码.
    #[napi(js_name = "number", ts_type = "string | null")]
    pub number: Option<serde_json::Value>,
    /// 开票日期.
    #[napi(js_name = "date", ts_type = "string | null")]
    pub date: Option<serde_json::Value>,
    /// 金额（不含税）.
    #[napi(js_name = "amount", ts_type = "string | null")]
    pub amount: Option<serde_json::Value>,
    /// 价税合计.
    #[napi(js_name = "total", ts_type = "string | null")]
    pub total: Option<serde_json::Value>,
    /// 校验码.
    #[napi(js_name = "check_code", ts_type = "string | null")]
    pub check_code: Option<serde_json::Value>,
    /// 购买方纳税人识别号.
    #[napi(js_name = "buyer_tax_id", ts_type = "string | null")]
    pub buyer_tax_id: Option<serde_json::Value>,
    /// Kind name or fplx.
    #[napi(js_name = "kind", ts_type = "string | null")]
    pub kind: Option<serde_json::Value>,
    /// A scanned QR text.
    #[napi(js_name = "qr", ts_type = "string | null")]
    pub qr: Option<serde_json::Value>,
}

/// A normalised lookup query.
#[napi(object)]
pub struct FindQuery {
    /// 发票代码.
    #[napi(js_name = "code", ts_type = "string | null")]
    pub code: serde_json::Value,
    /// 发票号码.
    #[napi(js_name = "number", ts_type = "string | null")]
    pub number: serde_json::Value,
    /// 开票日期.
    #[napi(js_name = "date", ts_type = "string | null")]
    pub date: serde_json::Value,
    /// The fifth element.
    #[napi(
        js_name = "element",
        ts_type = "{ name: string, value: string } | null"
    )]
    pub element: serde_json::Value,
    /// Buyer tax id.
    #[napi(js_name = "buyer_tax_id", ts_type = "string | null")]
    pub buyer_tax_id: serde_json::Value,
    /// Kind.
    #[napi(js_name = "kind", ts_type = "string | null")]
    pub kind: serde_json::Value,
}

/// One change made to what was typed.
#[napi(object)]
pub struct Correction {
    /// The field.
    #[napi(js_name = "field", ts_type = "string")]
    pub field: serde_json::Value,
    /// Before.
    #[napi(js_name = "from", ts_type = "string")]
    pub from_: serde_json::Value,
    /// After.
    #[napi(js_name = "to", ts_type = "string")]
    pub to: serde_json::Value,
    /// The rule code.
    #[napi(js_name = "code", ts_type = "string")]
    pub code: serde_json::Value,
    /// English text.
    #[napi(js_name = "message", ts_type = "string")]
    pub message: serde_json::Value,
    /// Chinese text.
    #[napi(js_name = "message_zh", ts_type = "string")]
    pub message_zh: serde_json::Value,
}

/// What `normaliseQuery` returns.
#[napi(object)]
pub struct Normalised {
    /// The clean query.
    #[napi(js_name = "query", ts_type = "FindQuery")]
    pub query: serde_json::Value,
    /// Corrections made.
    #[napi(js_name = "corrections", ts_type = "Correction[]")]
    pub corrections: serde_json::Value,
}

/// What `normaliseQueryAll` returns.
#[napi(object)]
pub struct NormalisedAll {
    /// The clean query.
    #[napi(js_name = "query", ts_type = "FindQuery")]
    pub query: serde_json::Value,
    /// Corrections made.
    #[napi(js_name = "corrections", ts_type = "Correction[]")]
    pub corrections: serde_json::Value,
    /// Unfixable problems.
    #[napi(js_name = "errors", ts_type = "Finding[]")]
    pub errors: serde_json::Value,
}

/// A stored record for search and diagnose.
#[napi(object)]
pub struct FindRecord {
    /// The invoice.
    #[napi(js_name = "invoice", ts_type = "InvoiceInput")]
    pub invoice: serde_json::Value,
    /// Its status.
    #[napi(
        js_name = "status",
        ts_type = "'normal' | 'voided' | 'red_flushed' | 'partially_red_flushed' | null"
    )]
    pub status: Option<serde_json::Value>,
    /// A red confirmation is pending.
    #[napi(js_name = "red_confirmation_pending", ts_type = "boolean | null")]
    pub red_confirmation_pending: Option<serde_json::Value>,
}

/// The core's search filter (snake_case keys).
#[napi(object)]
pub struct SearchFilter {
    /// Number, whole or part.
    #[napi(js_name = "number", ts_type = "string")]
    pub number: Option<serde_json::Value>,
    /// How to match it.
    #[napi(js_name = "number_match", ts_type = "'exact' | 'prefix' | 'typo'")]
    pub number_match: Option<serde_json::Value>,
    /// 发票代码.
    #[napi(js_name = "code", ts_type = "string")]
    pub code: Option<serde_json::Value>,
    /// How to match it.
    #[napi(js_name = "code_match", ts_type = "'exact' | 'prefix' | 'typo'")]
    pub code_match: Option<serde_json::Value>,
    /// From day.
    #[napi(js_name = "date_from", ts_type = "string")]
    pub date_from: Option<serde_json::Value>,
    /// To day.
    #[napi(js_name = "date_to", ts_type = "string")]
    pub date_to: Option<serde_json::Value>,
    /// Kinds.
    #[napi(js_name = "kinds", ts_type = "string[]")]
    pub kinds: Option<serde_json::Value>,
    /// Statuses.
    #[napi(js_name = "statuses", ts_type = "string[]")]
    pub statuses: Option<serde_json::Value>,
    /// Pending red confirmation.
    #[napi(js_name = "red_confirmation_pending", ts_type = "boolean")]
    pub red_confirmation_pending: Option<serde_json::Value>,
    /// Seller tax id.
    #[napi(js_name = "seller_tax_id", ts_type = "string")]
    pub seller_tax_id: Option<serde_json::Value>,
    /// Seller name.
    #[napi(js_name = "seller_name", ts_type = "string")]
    pub seller_name: Option<serde_json::Value>,
    /// Buyer tax id.
    #[napi(js_name = "buyer_tax_id", ts_type = "string")]
    pub buyer_tax_id: Option<serde_json::Value>,
    /// Buyer name.
    #[napi(js_name = "buyer_name", ts_type = "string")]
    pub buyer_name: Option<serde_json::Value>,
    /// Minimum total.
    #[napi(js_name = "total_min", ts_type = "string")]
    pub total_min: Option<serde_json::Value>,
    /// Maximum total.
    #[napi(js_name = "total_max", ts_type = "string")]
    pub total_max: Option<serde_json::Value>,
}

/// One search hit.
#[napi(object)]
pub struct SearchHit {
    /// Record index.
    #[napi(js_name = "index", ts_type = "number")]
    pub index: serde_json::Value,
    /// How the number matched.
    #[napi(js_name = "number", ts_type = "'exact' | 'prefix' | 'typo' | null")]
    pub number: serde_json::Value,
    /// How the code matched.
    #[napi(js_name = "code", ts_type = "'exact' | 'prefix' | 'typo' | null")]
    pub code: serde_json::Value,
    /// The typos found.
    #[napi(js_name = "typos", ts_type = "Array<Record<string, any>>")]
    pub typos: serde_json::Value,
}

/// What a diagnosis is run on (the core's shape).
#[napi(object)]
pub struct Lookup {
    /// What was typed.
    #[napi(js_name = "query", ts_type = "RawQuery")]
    pub query: serde_json::Value,
    /// Today.
    #[napi(js_name = "as_of", ts_type = "string | Date")]
    pub as_of: serde_json::Value,
    /// Region of the platform (2 or 4 digits).
    #[napi(js_name = "platform", ts_type = "string | null")]
    pub platform: Option<serde_json::Value>,
    /// The records the lookup ran against.
    #[napi(js_name = "records", ts_type = "FindRecord[] | null")]
    pub records: Option<serde_json::Value>,
    /// Pre-check options.
    #[napi(
        js_name = "options",
        ts_type = "{ look_back_years?: number, same_day?: 'today' | 'next_day' } | null"
    )]
    pub options: Option<serde_json::Value>,
}

/// Every reason a lookup fails.
#[napi(object)]
pub struct Diagnosis {
    /// The normalised query.
    #[napi(js_name = "query", ts_type = "FindQuery")]
    pub query: serde_json::Value,
    /// Corrections made.
    #[napi(js_name = "corrections", ts_type = "Correction[]")]
    pub corrections: serde_json::Value,
    /// Every reason, in the documented order.
    #[napi(js_name = "findings", ts_type = "Finding[]")]
    pub findings: serde_json::Value,
    /// Indexes of records with this code and number.
    #[napi(js_name = "matches", ts_type = "number[]")]
    pub matches: serde_json::Value,
}

/// The parts of a 20-digit 数电 number.
#[napi(object)]
pub struct NumberParts {
    /// Year (2 or 4 digits).
    #[napi(js_name = "year", ts_type = "number")]
    pub year: serde_json::Value,
    /// 2-digit region.
    #[napi(js_name = "region", ts_type = "string")]
    pub region: serde_json::Value,
    /// Channel digit.
    #[napi(js_name = "channel", ts_type = "number")]
    pub channel: serde_json::Value,
    /// Sequence digits.
    #[napi(js_name = "sequence", ts_type = "string")]
    pub sequence: serde_json::Value,
}

/// Options of `exportCsv` / `exportJsonl`.
#[napi(object)]
pub struct ExportOptions {
    /// Header language (default zh).
    #[napi(js_name = "lang", ts_type = "'zh' | 'en' | null")]
    pub lang: Option<serde_json::Value>,
    /// reports: validate as of this day.
    #[napi(js_name = "asOf", ts_type = "string | Date | null")]
    pub as_of: Option<serde_json::Value>,
    /// stats: your own tax id.
    #[napi(js_name = "ownTaxId", ts_type = "string | null")]
    pub own_tax_id: Option<serde_json::Value>,
    /// stats: status labels.
    #[napi(js_name = "statuses", ts_type = "Array<string | null> | null")]
    pub statuses: Option<serde_json::Value>,
}

/// Where a reading came from.
#[napi(object)]
pub struct ReadingSource {
    /// `digital_xml`, `ofd_legacy`, `ofd_xbrl`, `ofd_digital`, `xbrl_einv`, `xbrl_inv`, `legacy_xml`, `qr_text`.
    pub format: String,
    /// The format's version, when the file states one.
    pub version: Option<String>,
    /// The part of a container the data came from (`Doc_0/Attachs/original_invoice.xml`).
    pub part: Option<String>,
}

/// What `read` returns for one file (`readMany` for each file that could be read).
#[napi(object)]
pub struct Reading {
    /// Where it came from.
    pub source: ReadingSource,
    /// The invoice in the core's JSON shape; null for a bare QR text, or when required fields
    /// could not be read (a `READ-18` finding says why).
    #[napi(ts_type = "Record<string, any> | null")]
    pub invoice: String,
    /// The QR found in the file (`{at, text?, image?, payload?}`).
    #[napi(ts_type = "Record<string, any> | undefined")]
    pub qr: String,
    /// The fields the format does not carry (validation does not call them missing).
    #[napi(js_name = "not_carried")]
    pub not_carried: Vec<String>,
    /// The receiver's accounting facts, where the file has them.
    #[napi(ts_type = "Record<string, any> | undefined")]
    pub accounting: String,
    /// Where each value of the invoice came from (`{field, at}`).
    #[napi(ts_type = "{ field: string, at: string }[]")]
    pub origins: String,
    /// Reading findings and in-file cross-checks, each at its place in the file.
    pub findings: Vec<Finding>,
    /// The core's short form (`{format, version, part, kind, code, number, issue_date, amount,
    /// tax, total, lines, qr, not_carried, findings: [{code, path}]}`).
    #[napi(ts_type = "Record<string, any>")]
    pub summary: String,
    /// With options (`{asOf}`): the reading findings followed by validation's.
    pub report: Option<Report>,
}

/// One file of `readMany`.
#[napi(object)]
pub struct FileReading {
    /// The name it was given.
    pub name: String,
    /// The reading, or null when the file is no invoice file at all.
    #[napi(ts_type = "Reading | null")]
    pub reading: Option<Reading>,
    /// Why it could not be read (`READ-01`…), or null.
    #[napi(ts_type = "Finding | null")]
    pub error: Option<Finding>,
}

/// A group of files holding one invoice.
#[napi(object)]
pub struct CopyGroup {
    /// The invoice's identity key.
    #[napi(ts_type = "Record<string, any>")]
    pub key: String,
    /// The files' indexes.
    pub files: Vec<u32>,
    /// Whether their figures agree.
    pub consistent: bool,
}

/// What `readMany` returns.
#[napi(object)]
pub struct ReadingBatch {
    /// One entry per input, in order.
    pub files: Vec<FileReading>,
    /// Groups of two or more files holding one invoice.
    pub copies: Vec<CopyGroup>,
    /// For each file, the index of the first file it is a copy of, or null.
    #[napi(js_name = "copy_of", ts_type = "Array<number | null>")]
    pub copy_of: Vec<Option<u32>>,
}

/// A file given to `readMany`.
#[napi(object)]
pub struct FileInput {
    /// A name to carry through (a file name).
    pub name: String,
    /// The file's bytes (a `Buffer` is a `Uint8Array`).
    #[napi(ts_type = "Uint8Array")]
    pub bytes: String,
}
