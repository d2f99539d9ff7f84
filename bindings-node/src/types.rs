//! Shapes for `index.d.ts` only: the option objects the functions take and the plain objects
//! they return. The functions read and write these through `serde_json::Value` (see
//! `surface.rs`); these structs exist so that the napi CLI declares the interfaces.
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
