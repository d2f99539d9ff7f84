//! Export (导出): invoices, validation reports and statistics as CSV and JSON Lines.
//!
//! Pure functions returning `String` (no I/O). Money is exact decimal text with two decimals
//! (`106.00`), never a float.
//!
//! # CSV
//!
//! UTF-8 with a byte-order mark (so Excel opens Chinese text correctly), RFC 4180 quoting (a
//! field with a comma, a double quote, CR or LF is quoted, quotes doubled), CRLF line ends, a
//! header row in Chinese ([`Lang::Zh`]) or English ([`Lang::En`]). Free-text cells (names,
//! remarks, messages, keys) that start with `=`, `+`, `-`, `@`, a tab or CR get a leading `'`
//! so a spreadsheet does not run them as formulas (CSV injection, OWASP); amounts are written
//! as they are (a red invoice's `-100.00` stays a number). Excel shows long digit strings (20-digit
//! numbers) in scientific notation unless the column is imported as text: the file keeps every
//! digit, the display is Excel's.
//!
//! Invoices ([`invoices_csv`]), one row per invoice:
//!
//! | 中文 | English | value |
//! |---|---|---|
//! | 发票种类 | kind | Chinese kind name / snake_case kind name |
//! | 发票代码 | code | |
//! | 发票号码 | number | |
//! | 数电票号码 | digital_number | the linked 数电 number of a 数电 paper invoice |
//! | 开票日期 | issue_date | `YYYY-MM-DD` |
//! | 销售方名称 | seller_name | |
//! | 销售方纳税人识别号 | seller_tax_id | |
//! | 购买方名称 | buyer_name | |
//! | 购买方纳税人识别号 | buyer_tax_id | |
//! | 合计金额 | amount | empty without totals |
//! | 合计税额 | tax | |
//! | 价税合计 | total | |
//! | 红字 | red | 是/否, true/false |
//! | 校验码 | check_code | |
//! | 备注 | remarks | |
//!
//! Validation reports ([`reports_csv`], each with the caller's key of its invoice, e.g.
//! [`invoice_key`]), one row per finding, and one row with empty finding columns for a report
//! without findings: 发票/invoice, 是否通过/valid (是/否, true/false), 规则代码/code,
//! 严重程度/severity (错误/警告, error/warning), 位置/path (`lines[1].tax`), 说明/message
//! (in the header's language).
//!
//! Statistics ([`stats_csv`], a [`Stats`] of [`crate::stats`]), one row per group: 分组/group
//! (合计/total, 月份/month, 种类/kind, 税率/rate, 状态/status, 交易方/counterparty,
//! 方向/direction), 键/key, 名称/name, 张数/count, 金额/amount, 税额/tax, 价税合计/total. The
//! statistics' warnings (`STA-01`) are not rows: they are in the [`Stats`] the caller holds.
//!
//! # JSON Lines
//!
//! One JSON object per line, `\n` after each, no BOM: an invoice as
//! [`Invoice::to_json`]; a report as `{key, valid, findings}` (findings with code, severity,
//! path, params, message, message_zh); a statistics group as `{group, key, name, count, amount,
//! tax, total}` with money as strings.
//!
//! # Example
//!
//! ```
//! use invoice_core::find::export::{invoices_csv, Lang};
//! use invoice_core::model::Invoice;
//!
//! let inv = Invoice::from_json(r#"{"kind": "digital_ordinary", "number": "24312000000358032546",
//!   "issue_date": "2024-11-18", "seller": {"name": "上海某某, 有限公司"}, "buyer": {"name": "张三"},
//!   "lines": [], "totals": {"amount": "100.00", "tax": "6.00", "total": "106.00"}}"#)?;
//! let csv = invoices_csv(&[inv], Lang::En);
//! assert!(csv.starts_with("\u{FEFF}kind,code,number,"));
//! assert!(csv.contains(",\"上海某某, 有限公司\","));
//! assert!(csv.ends_with("\r\n"));
//!
//! // Export cannot fail; reading what is exported can.
//! assert_eq!(Invoice::from_json("{").unwrap_err().code(), "INP-03");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::error::{Error, Severity};
use crate::model::{Invoice, Source};
use crate::options::{Keys, Opts};
use crate::stats::{Group, Stats, Sums};
use crate::validate::Report;
use crate::verify::duplicates::keys_of;

/// The byte-order mark written first in every CSV.
pub const BOM: &str = "\u{FEFF}";

/// The language of CSV headers and of the values that have one (kind names, yes/no).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

crate::error::option_names!(Lang { Zh => "zh", En => "en" });

/// The names of the export options (snake_case; JavaScript writes `header_lang` as `lang`).
pub const OPTION_KEYS: &[&str] = &["header_lang", "as_of", "own_tax_id", "statuses"];

/// The export options: the header language, and for exports that validate or count (the
/// JavaScript `exportCsv("reports" | "stats", …)`) the day, the own tax id and the status labels.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The language of headers and values (default Chinese).
    pub lang: Lang,
    /// The day reports are validated as of.
    pub as_of: Option<chrono::NaiveDate>,
    /// The own tax id (splits statistics into income and expense).
    pub own_tax_id: Option<String>,
    /// A status label per invoice, in order.
    pub statuses: Vec<Option<String>>,
}

impl ExportOptions {
    /// Reads `{header_lang?, as_of?, own_tax_id?, statuses?}` in the host's key convention.
    ///
    /// ```
    /// use invoice_core::find::export::{ExportOptions, Lang};
    /// use invoice_core::options::Keys;
    ///
    /// assert_eq!(ExportOptions::read(&serde_json::json!({"lang": "en"}), Keys::Camel)?.lang, Lang::En);
    /// let e = ExportOptions::read(&serde_json::json!({"header_lang": "fr"}), Keys::Snake).unwrap_err();
    /// assert_eq!((e.code(), e.path().to_string().as_str()), ("INP-05", "header_lang"));
    /// # Ok::<(), invoice_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// At the option's path: `INP-05` an unknown key or language, `INP-02` a wrong type or a
    /// bad date.
    pub fn read<S: Source>(v: S, keys: Keys) -> Result<ExportOptions, Error> {
        let o = Opts::open(v, crate::Path::root(), keys, OPTION_KEYS)?;
        Ok(ExportOptions {
            lang: o.name("header_lang")?.unwrap_or_default(),
            as_of: o.day("as_of")?,
            own_tax_id: o.text("own_tax_id")?,
            statuses: o.texts("statuses")?,
        })
    }
}

/// One cell, as text or as a number-like value written as it is.
enum Cell {
    Text(String),
    Plain(String),
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Plain(s) => quote(s),
        Cell::Text(s) => {
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                quote(&format!("'{s}"))
            } else {
                quote(s)
            }
        }
    }
}

fn row(out: &mut String, cells: &[Cell]) {
    let line: Vec<String> = cells.iter().map(cell).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn header(out: &mut String, cols: &[(&str, &str)], lang: Lang) {
    let cells: Vec<Cell> = cols
        .iter()
        .map(|(zh, en)| Cell::Plain(if lang == Lang::Zh { zh } else { en }.to_string()))
        .collect();
    row(out, &cells);
}

fn yes_no(b: bool, lang: Lang) -> Cell {
    Cell::Plain(
        match (b, lang) {
            (true, Lang::Zh) => "是",
            (false, Lang::Zh) => "否",
            (true, Lang::En) => "true",
            (false, Lang::En) => "false",
        }
        .to_string(),
    )
}

fn text(s: Option<&str>) -> Cell {
    Cell::Text(s.unwrap_or_default().to_string())
}

fn plain(s: Option<String>) -> Cell {
    Cell::Plain(s.unwrap_or_default())
}

const INVOICE_COLUMNS: &[(&str, &str)] = &[
    ("发票种类", "kind"),
    ("发票代码", "code"),
    ("发票号码", "number"),
    ("数电票号码", "digital_number"),
    ("开票日期", "issue_date"),
    ("销售方名称", "seller_name"),
    ("销售方纳税人识别号", "seller_tax_id"),
    ("购买方名称", "buyer_name"),
    ("购买方纳税人识别号", "buyer_tax_id"),
    ("合计金额", "amount"),
    ("合计税额", "tax"),
    ("价税合计", "total"),
    ("红字", "red"),
    ("校验码", "check_code"),
    ("备注", "remarks"),
];

/// Invoices as CSV (columns in the module docs).
pub fn invoices_csv(invoices: &[Invoice], lang: Lang) -> String {
    let mut out = String::from(BOM);
    header(&mut out, INVOICE_COLUMNS, lang);
    for inv in invoices {
        let t = inv.totals.as_ref();
        let kind = match lang {
            Lang::Zh => inv.kind.name_zh(),
            Lang::En => inv.kind.name(),
        };
        row(
            &mut out,
            &[
                Cell::Plain(kind.to_string()),
                plain(inv.code.clone()),
                Cell::Plain(inv.number.clone()),
                plain(inv.digital_number.clone()),
                Cell::Plain(inv.issue_date.to_string()),
                text(Some(&inv.seller.name)),
                text(inv.seller.tax_id.as_deref()),
                text(Some(&inv.buyer.name)),
                text(inv.buyer.tax_id.as_deref()),
                plain(t.map(|t| t.amount.to_string())),
                plain(t.map(|t| t.tax.to_string())),
                plain(t.map(|t| t.total.to_string())),
                yes_no(inv.is_red(), lang),
                plain(inv.check_code.clone()),
                text(inv.remarks.as_deref()),
            ],
        );
    }
    out
}

/// Invoices as JSON Lines.
pub fn invoices_jsonl(invoices: &[Invoice]) -> String {
    let mut out = String::new();
    for inv in invoices {
        out.push_str(&inv.to_json());
        out.push('\n');
    }
    out
}

/// The identity key of an invoice for a report row: its first duplicate key
/// (`legacy:<code>:<number>` or `digital:<number>`), else its number as written.
pub fn invoice_key(inv: &Invoice) -> String {
    keys_of(inv)
        .ok()
        .and_then(|k| k.first().map(ToString::to_string))
        .unwrap_or_else(|| inv.number.clone())
}

const REPORT_COLUMNS: &[(&str, &str)] = &[
    ("发票", "invoice"),
    ("是否通过", "valid"),
    ("规则代码", "code"),
    ("严重程度", "severity"),
    ("位置", "path"),
    ("说明", "message"),
];

fn severity(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

fn finding_cells(key: &str, valid: bool, f: Option<&Error>, lang: Lang) -> Vec<Cell> {
    let mut cells = vec![Cell::Text(key.to_string()), yes_no(valid, lang)];
    match f {
        Some(f) => cells.extend([
            Cell::Plain(f.code().to_string()),
            Cell::Plain(severity(f.severity(), lang).to_string()),
            Cell::Plain(f.path().to_string()),
            Cell::Text(match lang {
                Lang::Zh => f.message_zh(),
                Lang::En => f.message(),
            }),
        ]),
        None => cells.extend((0..4).map(|_| Cell::Plain(String::new()))),
    }
    cells
}

/// Validation reports, each with its invoice key, as CSV (columns in the module docs).
pub fn reports_csv(reports: &[(String, Report)], lang: Lang) -> String {
    let mut out = String::from(BOM);
    header(&mut out, REPORT_COLUMNS, lang);
    for (key, r) in reports {
        let valid = r.is_valid();
        if r.findings.is_empty() {
            row(&mut out, &finding_cells(key, valid, None, lang));
        }
        for f in &r.findings {
            row(&mut out, &finding_cells(key, valid, Some(f), lang));
        }
    }
    out
}

/// Validation reports as JSON Lines: `{key, valid, findings}` per line.
pub fn reports_jsonl(reports: &[(String, Report)]) -> String {
    let mut out = String::new();
    for (key, r) in reports {
        let v = json!({"key": key, "valid": r.is_valid(), "findings": r.findings});
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

const STATS_COLUMNS: &[(&str, &str)] = &[
    ("分组", "group"),
    ("键", "key"),
    ("名称", "name"),
    ("张数", "count"),
    ("金额", "amount"),
    ("税额", "tax"),
    ("价税合计", "total"),
];

/// The groups of a statistics result in export order: `(group en, group zh, key, name, sums)`.
fn stats_rows(s: &Stats) -> Vec<(&'static str, &'static str, &str, Option<&str>, &Sums)> {
    let mut rows = vec![("total", "合计", "", None, &s.total)];
    let sets: [(&'static str, &'static str, &Vec<Group>); 6] = [
        ("month", "月份", &s.by_month),
        ("kind", "种类", &s.by_kind),
        ("rate", "税率", &s.by_rate),
        ("status", "状态", &s.by_status),
        ("counterparty", "交易方", &s.by_counterparty),
        ("direction", "方向", &s.by_direction),
    ];
    for (en, zh, groups) in sets {
        for g in groups {
            rows.push((en, zh, g.key.as_str(), g.name.as_deref(), &g.sums));
        }
    }
    rows
}

/// Statistics as CSV (columns in the module docs).
pub fn stats_csv(s: &Stats, lang: Lang) -> String {
    let mut out = String::from(BOM);
    header(&mut out, STATS_COLUMNS, lang);
    for (en, zh, key, name, sums) in stats_rows(s) {
        row(
            &mut out,
            &[
                Cell::Plain(if lang == Lang::Zh { zh } else { en }.to_string()),
                Cell::Text(key.to_string()),
                text(name),
                Cell::Plain(sums.count.to_string()),
                Cell::Plain(sums.amount.to_string()),
                Cell::Plain(sums.tax.to_string()),
                Cell::Plain(sums.total.to_string()),
            ],
        );
    }
    out
}

/// Statistics as JSON Lines: `{group, key, name, count, amount, tax, total}` per group.
pub fn stats_jsonl(s: &Stats) -> String {
    let mut out = String::new();
    for (en, _, key, name, sums) in stats_rows(s) {
        let v = json!({
            "group": en, "key": key, "name": name, "count": sums.count,
            "amount": sums.amount, "tax": sums.tax, "total": sums.total,
        });
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("a"), "a");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("a\r\nb"), "\"a\r\nb\"");
        assert_eq!(cell(&Cell::Text("=SUM(A1)".into())), "'=SUM(A1)");
        assert_eq!(cell(&Cell::Plain("-1.00".into())), "-1.00");
    }
}
