//! Query input normalisation (查询输入规范化): what a person types or pastes into a lookup form
//! → a clean [`Query`], with every correction reported.
//!
//! A [`RawQuery`] holds the text of each form field as typed: `code` (发票代码), `number`
//! (发票号码), `date` (开票日期), one fifth element — `amount` (金额, tax excluded), `total`
//! (价税合计) or `check_code` (校验码) — `buyer_tax_id`, and optionally `kind` and `qr`.
//! [`normalise`] turns it into a [`Query`] in this order, recording a [`Correction`] for each
//! change:
//!
//! 1. full-width characters (`０-９`, `Ａ-Ｚ`, `，`, the ideographic space) → half-width (`FND-01`);
//! 2. in the code and number fields, a code and a number typed together (`1100174320 40184419`,
//!    or 18 digits that start with a valid 10-digit code) are split (`FND-10`); spaces, hyphens
//!    and punctuation are removed (`FND-02`); a 20-digit 数电 number in the code field is moved to
//!    the number field (`FND-03`); an 8-digit value in the code field with a 10/12-digit value in
//!    the number field are exchanged (`FND-04`); a legacy number of 1 to 7 digits next to a code
//!    is padded to 8 (`FND-07`: spreadsheets drop leading zeros);
//! 3. dates in the usual written forms (`2024-11-26`, `2024/11/26`, `2024.11.26`, `20241126`,
//!    `2024年11月26日`, `2024年1月5日`) are read (`FND-06` when not already `YYYY-MM-DD`);
//! 4. amounts lose `¥`/`￥`/`元`, thousands separators and spaces (`FND-02`); a whole 20-digit check
//!    code is cut to its last 6 digits (`FND-08`); a tax id is compacted and upper-cased
//!    (`FND-09`);
//! 5. a QR payload pasted into **any** field (or given as `qr`) is decoded with
//!    [`crate::verify::qr`]; it fills the fields left empty (`FND-05`) and a typed value that
//!    disagrees with it is a conflict (`FND-21`).
//!
//! Input that cannot be fixed gives coded errors with the field path: `FND-20` date, `FND-21`
//! conflict, `FND-22` check code, `FND-23` more than one fifth element, `FND-24` tax id,
//! `FND-25` unknown field, `FND-26` an unreadable QR payload, `INP-02` a value that is not text,
//! `INP-05` an unknown kind, `INP-06` a field over [`MAX_FIELD_LEN`] bytes, and the `NUM-`
//! errors of [`InvoiceCode::parse`] / [`InvoiceNumber::parse`] and `MNY-` errors of
//! [`Amount::parse`]. Normalisation is lenient: [`Normalised`] carries the query built from the
//! readable fields together with every error, so a form can show all of them at once.
//!
//! # Example
//!
//! ```
//! use invoice_core::find::normalise::{normalise, RawQuery};
//!
//! let raw = RawQuery {
//!     code: Some("40184419".into()),
//!     number: Some("1100-1743-20".into()),
//!     check_code: Some("82190984023325258452".into()),
//!     ..RawQuery::default()
//! };
//! let n = normalise(&raw);
//! assert_eq!(n.query.code.as_deref(), Some("1100174320"));
//! assert_eq!(n.query.number.as_deref(), Some("40184419"));
//! assert!(n.errors.is_empty());
//! assert_eq!(n.corrections.last().map(|c| c.code()), Some("FND-08"));
//!
//! let n = normalise(&RawQuery { check_code: Some("1234".into()), ..RawQuery::default() });
//! assert_eq!(n.errors[0].code(), "FND-22");
//! ```

use chrono::NaiveDate;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::{
    BAD_CHECK_CODE, BAD_DATE, BAD_TAX_ID, CHECK_CODE_LAST6, CONFLICT, DATE_FORM, DIGITAL_IN_CODE,
    FULL_WIDTH, MANY_ELEMENTS, PADDED, QR_DECODED, QR_UNREADABLE, SEPARATORS, SPLIT, SWAPPED,
    UNKNOWN_FIELD, UPPERCASED,
};
use crate::error::{Error, Path, Rule};
use crate::error::{INP_TOO_LARGE, INP_TYPE, INP_UNKNOWN_OPTION};
use crate::money::{Amount, shorten};
use crate::number::{InvoiceCode, InvoiceNumber, Kind};
use crate::verify::qr;
use crate::verify::query::{self, Element};

/// The longest field accepted, in bytes (a QR payload is under 300).
pub const MAX_FIELD_LEN: usize = 4096;

/// The fields of a [`RawQuery`] in JSON, in form order.
pub const RAW_FIELDS: &[&str] = &[
    "code",
    "number",
    "date",
    "amount",
    "total",
    "check_code",
    "buyer_tax_id",
    "kind",
    "qr",
];

/// What a person typed into a lookup form, field by field (absent or empty = not given).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawQuery {
    /// 发票代码 as typed.
    pub code: Option<String>,
    /// 发票号码 as typed.
    pub number: Option<String>,
    /// 开票日期 as typed.
    pub date: Option<String>,
    /// 金额（不含税） as typed (专票, 机动车).
    pub amount: Option<String>,
    /// 价税合计 as typed (数电).
    pub total: Option<String>,
    /// 校验码 (last 6, last 5 for blockchain, or all 20 digits) as typed (普票).
    pub check_code: Option<String>,
    /// 购买方纳税人识别号 as typed.
    pub buyer_tax_id: Option<String>,
    /// The kind, when the form asks for it: a snake_case name (`digital_special`) or a 查验
    /// `fplx` code (`81`).
    pub kind: Option<String>,
    /// A scanned QR payload.
    pub qr: Option<String>,
}

impl RawQuery {
    /// Reads a raw query from a JSON object whose values are strings (or `null`).
    ///
    /// # Errors
    /// `INP-02` not an object or a value that is not a string, `FND-25` an unknown field.
    pub fn from_value(v: &Value) -> Result<RawQuery, Error> {
        let Value::Object(m) = v else {
            return Err(Error::new(INP_TYPE)
                .with("expected", "object")
                .with("found", json_type(v)));
        };
        let mut raw = RawQuery::default();
        for (k, val) in m {
            let text = match val {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                other => {
                    return Err(Error::new(INP_TYPE)
                        .with("expected", "string")
                        .with("found", json_type(other))
                        .at(Path::field(k.clone())));
                }
            };
            let slot = match k.as_str() {
                "code" => &mut raw.code,
                "number" => &mut raw.number,
                "date" => &mut raw.date,
                "amount" => &mut raw.amount,
                "total" => &mut raw.total,
                "check_code" => &mut raw.check_code,
                "buyer_tax_id" => &mut raw.buyer_tax_id,
                "kind" => &mut raw.kind,
                "qr" => &mut raw.qr,
                _ => {
                    return Err(Error::new(UNKNOWN_FIELD)
                        .with("field", shorten(k))
                        .with("allowed", RAW_FIELDS.join(", "))
                        .at(Path::field(k.clone())));
                }
            };
            *slot = text;
        }
        Ok(raw)
    }

    fn field(&self, name: &str) -> Option<&str> {
        match name {
            "code" => self.code.as_deref(),
            "number" => self.number.as_deref(),
            "date" => self.date.as_deref(),
            "amount" => self.amount.as_deref(),
            "total" => self.total.as_deref(),
            "check_code" => self.check_code.as_deref(),
            "buyer_tax_id" => self.buyer_tax_id.as_deref(),
            "kind" => self.kind.as_deref(),
            "qr" => self.qr.as_deref(),
            _ => None,
        }
    }
}

/// The JSON type name shown in messages (the model reader's names, one vocabulary).
pub(crate) fn json_type(v: &Value) -> &'static str {
    crate::model::json_type_name(v)
}

/// A clean lookup query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// 发票代码 (10 or 12 digits, structurally valid).
    pub code: Option<String>,
    /// 发票号码 (8 or 20 digits, structurally valid).
    pub number: Option<String>,
    /// 开票日期.
    pub date: Option<NaiveDate>,
    /// The fifth element, as given (not necessarily the one the kind needs).
    pub element: Option<Element>,
    /// 购买方纳税人识别号 (compact, upper case).
    pub buyer_tax_id: Option<String>,
    /// The kind, when given or read from a QR payload.
    pub kind: Option<Kind>,
}

impl Serialize for Query {
    /// `{code, number, date, element: {name, value} | null, buyer_tax_id, kind}` (absent values
    /// are `null`; `date` is `YYYY-MM-DD`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct El<'a>(&'a Element);
        impl Serialize for El<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("name", self.0.name())?;
                m.serialize_entry("value", &self.0.value())?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("number", &self.number)?;
        m.serialize_entry("date", &self.date)?;
        m.serialize_entry("element", &self.element.as_ref().map(El))?;
        m.serialize_entry("buyer_tax_id", &self.buyer_tax_id)?;
        m.serialize_entry("kind", &self.kind)?;
        m.end()
    }
}

/// One change made to what was typed: the field, the text before and after, and why (a
/// `FND-0x`/`FND-10` rule with bilingual text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    note: Error,
}

impl Correction {
    pub(crate) fn new(rule: &'static Rule, field: &'static str, from: &str, to: &str) -> Self {
        Correction {
            note: Error::new(rule)
                .at(Path::field(field))
                .with("field", field)
                .with("field_zh", field_zh(field))
                .with("from", shorten(from))
                .with("to", shorten(to)),
        }
    }

    /// The field changed (`code`, `number`, `date`, `amount`, `total`, `check_code`,
    /// `buyer_tax_id`).
    pub fn field(&self) -> &str {
        self.note.param("field").unwrap_or_default()
    }

    /// The text before (shortened to 40 characters).
    pub fn from(&self) -> &str {
        self.note.param("from").unwrap_or_default()
    }

    /// The text after.
    pub fn to(&self) -> &str {
        self.note.param("to").unwrap_or_default()
    }

    /// The reason code (`FND-01`).
    pub fn code(&self) -> &'static str {
        self.note.code()
    }

    /// The English text.
    pub fn message(&self) -> String {
        self.note.message()
    }

    /// The Chinese text.
    pub fn message_zh(&self) -> String {
        self.note.message_zh()
    }

    /// The correction as a (warning-severity) finding, for a diagnosis.
    pub fn as_finding(&self) -> &Error {
        &self.note
    }
}

impl Serialize for Correction {
    /// `{field, from, to, code, message, message_zh}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("field", self.field())?;
        m.serialize_entry("from", self.from())?;
        m.serialize_entry("to", self.to())?;
        m.serialize_entry("code", self.code())?;
        m.serialize_entry("message", &self.message())?;
        m.serialize_entry("message_zh", &self.message_zh())?;
        m.end()
    }
}

/// The Chinese label of a query field.
pub(crate) fn field_zh(field: &str) -> &'static str {
    match field {
        "code" => "发票代码",
        "number" => "发票号码",
        "date" => "开票日期",
        "amount" => "金额（不含税）",
        "total" => "价税合计",
        "check_code" => "校验码",
        "buyer_tax_id" => "购买方纳税人识别号",
        "kind" => "发票种类",
        "qr" => "二维码",
        "element" => "第五要素",
        _ => "字段",
    }
}

/// The result of [`normalise`]: the query built from every readable field, the corrections
/// made, and the errors of the fields that could not be read (those fields are left `None`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Normalised {
    /// The clean query.
    pub query: Query,
    /// Every correction, in field order.
    pub corrections: Vec<Correction>,
    /// Every unfixable problem, each at its field.
    pub errors: Vec<Error>,
}

impl Normalised {
    /// The query and corrections, or every error when there is one.
    ///
    /// # Errors
    /// All of [`Normalised::errors`] when it is not empty.
    pub fn into_result(self) -> Result<(Query, Vec<Correction>), Vec<Error>> {
        if self.errors.is_empty() {
            Ok((self.query, self.corrections))
        } else {
            Err(self.errors)
        }
    }
}

/// Full-width ASCII variants and the ideographic space → half-width.
pub(crate) fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            '、' => ',',
            _ => c,
        })
        .collect()
}

/// Separators people type inside codes and numbers: whitespace, ASCII punctuation, CJK
/// punctuation and dashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '·'
                | '—'
                | '–'
                | '－'
                | '～'
                | '（'
                | '）'
                | '【'
                | '】'
                | '《'
                | '》'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '\u{200B}'
                | '\u{FEFF}'
        )
}

fn strip_separators(s: &str) -> String {
    s.chars().filter(|c| !is_separator(*c)).collect()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A QR payload or a URL, judged after half-width conversion.
fn looks_like_qr(s: &str) -> bool {
    let t = s.trim();
    let lower: String = t.chars().take(8).collect::<String>().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || (t.matches(',').count() >= 5 && t.starts_with("01"))
}

struct Ctx {
    corrections: Vec<Correction>,
    errors: Vec<Error>,
}

impl Ctx {
    fn fix(&mut self, rule: &'static Rule, field: &'static str, from: &str, to: &str) {
        self.corrections
            .push(Correction::new(rule, field, from, to));
    }

    fn err(&mut self, e: Error, field: &'static str) {
        self.errors.push(e.at(Path::field(field)));
    }

    /// Trimmed, half-width text of a field (`None` when empty), with `FND-01`.
    fn text(&mut self, field: &'static str, raw: Option<&str>) -> Option<String> {
        let t = raw?.trim();
        if t.is_empty() {
            return None;
        }
        if t.len() > MAX_FIELD_LEN {
            self.err(
                Error::new(INP_TOO_LARGE)
                    .with("size", t.len())
                    .with("limit", MAX_FIELD_LEN),
                field,
            );
            return None;
        }
        let hw = half_width(t);
        let hw = hw.trim().to_string();
        if hw != t {
            self.fix(FULL_WIDTH, field, t, &hw);
        }
        (!hw.is_empty()).then_some(hw)
    }
}

/// Splits `1100174320 40184419` (or `40184419/1100174320`, or 18 digits starting with a valid
/// 10-digit code) into (code, number).
fn split_pair(s: &str) -> Option<(String, String)> {
    let groups: Vec<&str> = s.split(is_separator).filter(|g| !g.is_empty()).collect();
    match groups.as_slice() {
        [a, b] if all_digits(a) && all_digits(b) => {
            if matches!(a.len(), 10 | 12) && b.len() == 8 {
                return Some(((*a).to_string(), (*b).to_string()));
            }
            if a.len() == 8 && matches!(b.len(), 10 | 12) {
                return Some(((*b).to_string(), (*a).to_string()));
            }
            None
        }
        [a] if a.len() == 18 && all_digits(a) => {
            let (c, n) = (a.get(..10)?, a.get(10..)?);
            InvoiceCode::parse(c)
                .ok()
                .map(|_| (c.to_string(), n.to_string()))
        }
        _ => None,
    }
}

/// Parses a date in the usual written forms.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    let t = t.strip_suffix('日').unwrap_or(t).trim();
    if t.len() == 8 && all_digits(t) {
        let y = t.get(..4)?.parse().ok()?;
        let m = t.get(4..6)?.parse().ok()?;
        let d = t.get(6..)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let unified: String = t
        .chars()
        .map(|c| match c {
            '年' | '月' | '/' | '.' => '-',
            _ => c,
        })
        .collect();
    let parts: Vec<&str> = unified.split('-').map(str::trim).collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4
                && (1..=2).contains(&m.len())
                && (1..=2).contains(&d.len())
                && all_digits(y)
                && all_digits(m)
                && all_digits(d) =>
        {
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

fn clean_amount(ctx: &mut Ctx, field: &'static str, text: &str) -> Option<Amount> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '¥' | '￥' | '元' | ',' | '_' | '\'') && !c.is_whitespace())
        .collect();
    let cleaned = cleaned.strip_suffix('.').unwrap_or(&cleaned).to_string();
    if cleaned != text {
        ctx.fix(SEPARATORS, field, text, &cleaned);
    }
    match Amount::parse(&cleaned) {
        Ok(a) => Some(a),
        Err(e) => {
            ctx.err(e, field);
            None
        }
    }
}

fn clean_check_code(ctx: &mut Ctx, text: &str) -> Option<Element> {
    let cleaned = strip_separators(text);
    if cleaned != text {
        ctx.fix(SEPARATORS, "check_code", text, &cleaned);
    }
    if !all_digits(&cleaned) {
        ctx.err(
            Error::new(BAD_CHECK_CODE).with("value", shorten(&cleaned)),
            "check_code",
        );
        return None;
    }
    match cleaned.len() {
        6 => Some(Element::CheckCodeLast6(cleaned)),
        5 => Some(Element::CheckCodeLast5(cleaned)),
        20 => {
            let last = cleaned.get(14..).unwrap_or_default().to_string();
            ctx.fix(CHECK_CODE_LAST6, "check_code", &cleaned, &last);
            Some(Element::CheckCodeLast6(last))
        }
        _ => {
            ctx.err(
                Error::new(BAD_CHECK_CODE).with("value", shorten(&cleaned)),
                "check_code",
            );
            None
        }
    }
}

fn clean_tax_id(ctx: &mut Ctx, text: &str) -> Option<String> {
    let cleaned = strip_separators(text);
    if cleaned != text {
        ctx.fix(SEPARATORS, "buyer_tax_id", text, &cleaned);
    }
    let upper = cleaned.to_ascii_uppercase();
    if upper != cleaned {
        ctx.fix(UPPERCASED, "buyer_tax_id", &cleaned, &upper);
    }
    if (15..=20).contains(&upper.len()) && upper.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Some(upper)
    } else {
        ctx.err(
            Error::new(BAD_TAX_ID).with("value", shorten(&upper)),
            "buyer_tax_id",
        );
        None
    }
}

fn parse_kind(ctx: &mut Ctx, text: &str) -> Option<Kind> {
    let k = Kind::from_name(text).or_else(|| Kind::from_verify_code(text));
    if k.is_none() {
        ctx.err(
            Error::new(INP_UNKNOWN_OPTION)
                .with("value", shorten(text))
                .with(
                    "allowed",
                    "a kind name (special_paper, digital_special, …) or a 查验 fplx code (01, 04, 10, 81, …)",
                ),
            "kind",
        );
    }
    k
}

/// Code and number fields: split, strip, move, swap, pad, parse.
fn code_and_number(ctx: &mut Ctx, code: Option<String>, number: Option<String>, q: &mut Query) {
    let mut code = code;
    let mut number = number;
    // A code and a number typed together in one field.
    for field in ["code", "number"] {
        let (this, other) = if field == "code" {
            (&mut code, &mut number)
        } else {
            (&mut number, &mut code)
        };
        let Some(t) = this.clone() else { continue };
        if let Some((c, n)) = split_pair(&t) {
            let other_clean = other.as_deref().map(strip_separators);
            let keep = if field == "code" { &c } else { &n };
            let moved = if field == "code" { &n } else { &c };
            if other_clean.is_none() || other_clean.as_deref() == Some(moved.as_str()) {
                ctx.fix(
                    SPLIT,
                    if field == "code" { "code" } else { "number" },
                    &t,
                    keep,
                );
                *this = Some(keep.clone());
                *other = Some(moved.clone());
            }
        }
    }
    let mut strip = |field: &'static str, v: Option<String>| {
        v.and_then(|t| {
            let s = strip_separators(&t);
            if s != t {
                ctx.fix(SEPARATORS, field, &t, &s);
            }
            (!s.is_empty()).then_some(s)
        })
    };
    let mut code = strip("code", code);
    let mut number = strip("number", number);
    // A 数电 number in the code field.
    if let Some(c) = code.clone()
        && c.len() == 20
        && all_digits(&c)
    {
        match &number {
            None => {
                ctx.fix(DIGITAL_IN_CODE, "code", &c, "");
                code = None;
                number = Some(c);
            }
            Some(n) if *n == c => code = None,
            Some(n) => {
                ctx.err(
                    Error::new(CONFLICT)
                        .with("value", &c)
                        .with("other", format!("number {}", shorten(n))),
                    "code",
                );
                code = None;
            }
        }
    }
    // Code and number swapped.
    if let (Some(c), Some(n)) = (code.clone(), number.clone())
        && c.len() == 8
        && matches!(n.len(), 10 | 12)
        && all_digits(&c)
        && all_digits(&n)
    {
        ctx.fix(SWAPPED, "code", &c, &n);
        ctx.fix(SWAPPED, "number", &n, &c);
        code = Some(n);
        number = Some(c);
    }
    // A legacy number that lost its leading zeros.
    if let (Some(c), Some(n)) = (&code, number.clone())
        && matches!(c.len(), 10 | 12)
        && (1..8).contains(&n.len())
        && all_digits(&n)
    {
        let padded = format!("{n:0>8}");
        ctx.fix(PADDED, "number", &n, &padded);
        number = Some(padded);
    }
    if let Some(c) = code {
        match InvoiceCode::parse(&c) {
            Ok(_) => q.code = Some(c),
            Err(e) => ctx.err(e, "code"),
        }
    }
    if let Some(n) = number {
        match InvoiceNumber::parse(&n) {
            Ok(_) => q.number = Some(n),
            Err(e) => ctx.err(e, "number"),
        }
    }
}

/// The name of the raw field an element is typed into.
pub(crate) fn element_field(e: &Element) -> &'static str {
    match e {
        Element::AmountExcludingTax(_) | Element::CarPrice(_) => "amount",
        Element::TotalIncludingTax(_) => "total",
        Element::CheckCodeLast6(_) | Element::CheckCodeLast5(_) => "check_code",
    }
}

/// Fills the query from a decoded QR payload: empty fields are filled (`FND-05`), typed values
/// that disagree are conflicts (`FND-21`).
fn overlay_qr(ctx: &mut Ctx, q: &mut Query, p: &qr::QrInvoice, from_field: &'static str) {
    let shown = shorten(&p.raw);
    let from_of = |field: &str| {
        if field == from_field {
            shown.clone()
        } else {
            String::new()
        }
    };
    let put = |ctx: &mut Ctx, field: &'static str, slot: &mut Option<String>, v: String| match slot
    {
        None => {
            ctx.fix(QR_DECODED, field, &from_of(field), &v);
            *slot = Some(v);
        }
        Some(have) if *have == v => {}
        Some(have) => {
            let e = Error::new(CONFLICT)
                .with("value", shorten(have))
                .with("other", format!("{v} in the QR payload"));
            ctx.err(e, field);
        }
    };
    if let Some(c) = p.code.clone() {
        put(ctx, "code", &mut q.code, c);
    }
    put(ctx, "number", &mut q.number, p.number.clone());
    let mut date = q.date.map(|d| d.to_string());
    put(ctx, "date", &mut date, p.issue_date.to_string());
    q.date = date.and_then(|d| parse_date(&d));
    if let Ok(vq) = query::from_qr(p) {
        let field = element_field(&vq.element);
        match &q.element {
            None => {
                ctx.fix(QR_DECODED, field, &from_of(field), &vq.element.value());
                q.element = Some(vq.element);
            }
            Some(e) if *e == vq.element => {}
            Some(e) => {
                let err = Error::new(CONFLICT)
                    .with("value", e.value())
                    .with("other", format!("{} in the QR payload", vq.element.value()));
                ctx.err(err, element_field(e));
            }
        }
    }
    if q.kind.is_none() {
        q.kind = Some(p.kind);
    }
    // The field the payload was pasted into, when the payload fills no field of that name
    // (a 数电 payload in the code field): it is cleared.
    let reported = ctx
        .corrections
        .iter()
        .any(|c| c.code() == QR_DECODED.code && c.field() == from_field);
    if from_field != "qr" && !reported {
        ctx.fix(QR_DECODED, from_field, &shown, "");
    }
}

/// Normalises what a person typed (see the module docs for the steps and codes).
pub fn normalise(raw: &RawQuery) -> Normalised {
    let mut ctx = Ctx {
        corrections: Vec::new(),
        errors: Vec::new(),
    };
    let mut q = Query::default();
    // QR payloads in any field are taken out first.
    let mut qr_found: Option<(qr::QrInvoice, &'static str)> = None;
    let mut texts: Vec<(&'static str, Option<String>)> = Vec::new();
    for &field in RAW_FIELDS {
        let t = ctx.text(field, raw.field(field));
        match t {
            Some(t) if field == "qr" || looks_like_qr(&t) => {
                if qr_found.is_some() {
                    continue;
                }
                match qr::parse_invoice(&t) {
                    Ok(p) => qr_found = Some((p, field)),
                    Err(e) => ctx.err(Error::new(QR_UNREADABLE).caused_by(&e), field),
                }
                texts.push((field, None));
            }
            other => texts.push((field, other)),
        }
    }
    let get = |name: &str| {
        texts
            .iter()
            .find(|(f, _)| *f == name)
            .and_then(|(_, t)| t.clone())
    };
    code_and_number(&mut ctx, get("code"), get("number"), &mut q);
    if let Some(d) = get("date") {
        match parse_date(&d) {
            Some(date) => {
                if d != date.to_string() {
                    ctx.fix(DATE_FORM, "date", &d, &date.to_string());
                }
                q.date = Some(date);
            }
            None => ctx.err(Error::new(BAD_DATE).with("value", shorten(&d)), "date"),
        }
    }
    let given: Vec<&str> = ["amount", "total", "check_code"]
        .into_iter()
        .filter(|f| get(f).is_some())
        .collect();
    if given.len() > 1 {
        ctx.errors
            .push(Error::new(MANY_ELEMENTS).with("fields", given.join(", ")));
    } else if let Some(a) = get("amount") {
        q.element = clean_amount(&mut ctx, "amount", &a).map(Element::AmountExcludingTax);
    } else if let Some(t) = get("total") {
        q.element = clean_amount(&mut ctx, "total", &t).map(Element::TotalIncludingTax);
    } else if let Some(c) = get("check_code") {
        q.element = clean_check_code(&mut ctx, &c);
    }
    if let Some(t) = get("buyer_tax_id") {
        q.buyer_tax_id = clean_tax_id(&mut ctx, &t);
    }
    if let Some(k) = get("kind") {
        q.kind = parse_kind(&mut ctx, &k);
    }
    if let Some((p, field)) = qr_found {
        overlay_qr(&mut ctx, &mut q, &p, field);
    }
    Normalised {
        query: q,
        corrections: ctx.corrections,
        errors: ctx.errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(raw: RawQuery) -> Normalised {
        normalise(&raw)
    }

    #[test]
    fn dates() {
        for s in [
            "2024-11-26",
            "2024/11/26",
            "2024.11.26",
            "20241126",
            "2024年11月26日",
            "２０２４年１１月２６日",
        ] {
            let d = n(RawQuery {
                date: Some(s.into()),
                ..RawQuery::default()
            });
            assert_eq!(
                d.query.date.map(|d| d.to_string()).as_deref(),
                Some("2024-11-26"),
                "{s}"
            );
        }
        assert_eq!(
            parse_date("2024年1月5日").map(|d| d.to_string()).as_deref(),
            Some("2024-01-05")
        );
        assert_eq!(parse_date("2024-1"), None);
        assert_eq!(parse_date("24-11-26"), None);
    }

    #[test]
    fn qr_in_number_field() {
        let d = n(RawQuery {
            number: Some(
                "01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,".into(),
            ),
            ..RawQuery::default()
        });
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        assert_eq!(d.query.code.as_deref(), Some("031002100411"));
        assert_eq!(
            d.query.element,
            Some(Element::CheckCodeLast6("467829".into()))
        );
        assert_eq!(d.query.kind, Some(Kind::ElectronicOrdinary));
    }

    #[test]
    fn split_and_pad() {
        let d = n(RawQuery {
            code: Some("1100174320 40184419".into()),
            ..RawQuery::default()
        });
        assert_eq!(d.query.code.as_deref(), Some("1100174320"));
        assert_eq!(d.query.number.as_deref(), Some("40184419"));
        let d = n(RawQuery {
            code: Some("1100174320".into()),
            number: Some("722838".into()),
            ..RawQuery::default()
        });
        assert_eq!(d.query.number.as_deref(), Some("00722838"));
    }
}
