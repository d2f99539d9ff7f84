//! The invoice model (发票模型): kind, code and number, dates, parties, lines, declared totals,
//! remarks, red-letter reference and 特定业务 fields.
//!
//! "Parse, don't validate": [`Invoice::from_json`] and [`Invoice::from_value`] read JSON with a
//! path for every problem and normalise as they go (text trimmed, empty text absent, identifiers
//! compacted, rates in `0.13` or `13%` form, money strict). Reading only checks what the types
//! need; the tax rules are the job of [`crate::validate`], which reports every finding at once.
//!
//! JSON shape (money as strings, dates `YYYY-MM-DD`); the committed `invoice.schema.json` is
//! generated from these types ([`json_schema`]).
//!
//! ```
//! use invoice_core::model::Invoice;
//!
//! let inv = Invoice::from_json(r#"{
//!   "kind": "digital_ordinary", "number": "24312000000358032546", "issue_date": "2024-11-18",
//!   "seller": {"name": "上海某某科技有限公司", "tax_id": "91310000580583950X"},
//!   "buyer": {"name": "张三", "type": "natural_person"},
//!   "lines": [{"name": "*信息技术服务*软件服务", "amount": "100.00", "rate": "6%", "tax": "6.00"}],
//!   "totals": {"amount": "100.00", "tax": "6.00", "total": "106.00"}
//! }"#).unwrap();
//! assert_eq!(inv.lines[0].tax.map(|t| t.to_string()).as_deref(), Some("6.00"));
//!
//! let err = Invoice::from_json(r#"{"kind": "special_paper", "number": "1", "issue_date": "2024-02-30"}"#)
//!     .unwrap_err();
//! assert_eq!(err.code(), "MDL-02"); // no 30 February
//! assert_eq!(err.path().to_string(), "issue_date");
//! ```

mod json_doc;
mod line;
mod party;
mod read;
mod red;
mod source;
mod special;

use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

pub use json_doc::{JsonDoc, JsonNode, MAX_JSON_DEPTH};
pub use line::{Line, LineNature, LineRate};
pub use party::{Party, PartyKind};
pub use red::{RedReason, RedReference};
pub use special::{Construction, FreightLeg, RealEstate, SpecialBusiness};

use crate::error::INP_JSON;
use crate::error::{Error, Path, rules};
use crate::money::{Amount, shorten};
use crate::number::Kind;
use read::{At, Reader, field, fields};
#[cfg(feature = "arrow")]
pub(crate) use read::{const_eq, plain_edges, trim};
pub use source::{Shape, Source, json_shape};

/// The JSON type name of a value as messages show it: `null`, `boolean`, `integer`, `float`,
/// `string`, `list`, `object`.
pub fn json_type_name(v: &Value) -> &'static str {
    read::type_name(v)
}

rules! {
    /// A field the model does not have (often a typo).
    MDL_UNKNOWN_FIELD = ("MDL-01", Error,
        "unknown field {field}; known fields: {allowed}",
        "未知字段 {field}；可用字段：{allowed}");
    /// Not a real `YYYY-MM-DD` date.
    MDL_DATE = ("MDL-02", Error,
        "{value} is not a date in the form YYYY-MM-DD",
        "{value} 不是 YYYY-MM-DD 格式的有效日期");
    /// Not a real `HH:MM:SS` time.
    MDL_TIME = ("MDL-03", Error,
        "{value} is not a time in the form HH:MM:SS",
        "{value} 不是 HH:MM:SS 格式的有效时间");
}

/// Declared totals as printed on the invoice (合计).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    /// 合计金额: sum of line amounts, tax excluded.
    pub amount: Amount,
    /// 合计税额: sum of line taxes; `***` or `免税` (an exempt invoice) reads as 0.00.
    #[schemars(schema_with = "total_tax_schema")]
    #[serde(deserialize_with = "de_total_tax")]
    pub tax: Amount,
    /// 价税合计（小写）: amount + tax.
    pub total: Amount,
    /// 价税合计（大写） as printed, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_in_words: Option<String>,
}

/// One invoice, blue or red.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Invoice {
    /// The kind (发票种类), independent of any code system.
    pub kind: Kind,
    /// 发票代码 (10 or 12 digits) for legacy kinds and 数电 paper invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// 发票号码: 8 digits (legacy) or 20 digits (数电).
    pub number: String,
    /// The linked 20-digit 数电 number of a 数电 paper invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_number: Option<String>,
    /// 开票日期.
    pub issue_date: NaiveDate,
    /// 开票时间, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_time: Option<NaiveTime>,
    /// 销售方.
    pub seller: Party,
    /// 购买方.
    pub buyer: Party,
    /// 明细行.
    pub lines: Vec<Line>,
    /// Declared totals; absent on a draft before [`crate::tax::compute`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<Totals>,
    /// 差额征税 扣除额 (deduction-based invoicing, single line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deduction: Option<Amount>,
    /// 备注.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// 开票人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drawer: Option<String>,
    /// 复核.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    /// 收款人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payee: Option<String>,
    /// 校验码 (20 digits) of legacy ordinary kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_code: Option<String>,
    /// True when a 销货清单 (list) is attached, lifting the 8-line limit of paper kinds.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_list: bool,
    /// Present on a red (negative) invoice: what it reverses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red: Option<RedReference>,
    /// 特定业务 fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<SpecialBusiness>,
}

fields! {
    static INVOICE_FIELDS = [
        "kind",
        "code",
        "number",
        "digital_number",
        "issue_date",
        "issue_time",
        "seller",
        "buyer",
        "lines",
        "totals",
        "deduction",
        "remarks",
        "drawer",
        "reviewer",
        "payee",
        "check_code",
        "has_list",
        "red",
        "special",
    ];
}

/// Keeps ASCII digits only when the input is digits with spaces or hyphens between; anything
/// else is kept (trimmed) for validation to judge.
pub(crate) fn digits_compact(mut s: String) -> String {
    // One pass: any other byte keeps the text as it is; digits alone are compact already.
    let mut separated = false;
    for &c in s.as_bytes() {
        match c {
            b'0'..=b'9' => {}
            b' ' | b'-' => separated = true,
            _ => return s,
        }
    }
    if separated {
        // In place: the text is already digits, only the separators go.
        s.retain(|c| c.is_ascii_digit());
    }
    s
}

impl Invoice {
    /// True for a red (negative, 红字) invoice.
    pub fn is_red(&self) -> bool {
        self.red.is_some()
    }

    /// Reads an invoice from JSON text.
    ///
    /// # Errors
    /// `INP-03` for text that is not JSON; `INP-07` at the string for a `\uD800`-style escape
    /// of a lone surrogate (ill-formed text, as from every other route); otherwise the first
    /// problem [`Invoice::from_value`] finds (use [`Invoice::from_value_all`] for all of them).
    pub fn from_json(text: &str) -> Result<Invoice, Error> {
        let v: Value = serde_json::from_str(text).map_err(|e| {
            // A `\uD800` escape is ill-formed text, as the same string given by a host is
            // (`INP-07` at the string), not unreadable JSON.
            crate::error::input::mend_lone_escapes(text)
                .and_then(|(unit, mended)| {
                    let v: Value = serde_json::from_str(&mended).ok()?;
                    Some(crate::error::ill_formed_text(unit).at(mark_path(&v)?))
                })
                .unwrap_or_else(|| Error::new(INP_JSON).with("reason", shorten(&e.to_string())))
        })?;
        Invoice::from_value(&v)
    }

    /// Reads an invoice from a JSON value.
    ///
    /// # Errors
    /// The first problem found: `INP-02` wrong type, `INP-04` missing, `INP-05` unknown option,
    /// `MDL-01` unknown field, `MDL-02`/`MDL-03` dates and times, `MNY-*` money, `INP-01` floats.
    pub fn from_value(v: &Value) -> Result<Invoice, Error> {
        Invoice::from_value_all(v).map_err(|mut es| es.swap_remove(0))
    }

    /// Reads an invoice from a JSON value, reporting every problem (each with its path).
    ///
    /// # Errors
    /// All problems found, in document order (never an empty list).
    pub fn from_value_all(v: &Value) -> Result<Invoice, Vec<Error>> {
        Invoice::from_source_all(v)
    }

    /// Reads an invoice from any [`Source`], stopping at the first problem (as
    /// [`Invoice::from_value`]).
    ///
    /// # Errors
    /// The first problem found.
    pub fn from_source<S: Source>(v: S) -> Result<Invoice, Error> {
        Invoice::from_source_all(v).map_err(|mut es| es.swap_remove(0))
    }

    /// Reads an invoice from any [`Source`] (a JSON value, a host object, a table row),
    /// reporting every problem (each with its path), exactly as [`Invoice::from_value_all`] does
    /// for JSON.
    ///
    /// # Errors
    /// All problems found, in document order (never an empty list).
    pub fn from_source_all<S: Source>(v: S) -> Result<Invoice, Vec<Error>> {
        let mut r = Reader::default();
        let inv = read_invoice(&mut r, v);
        match inv {
            Some(inv) if r.errors.is_empty() => Ok(inv),
            _ => {
                if r.errors.is_empty() {
                    r.errors.push(Error::new(crate::error::INP_MISSING));
                }
                Err(r.errors)
            }
        }
    }

    /// The invoice as JSON text (money as strings).
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every key is a string and no value is a float.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The invoice as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl<'de> Deserialize<'de> for Invoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        Invoice::from_value(&v).map_err(serde::de::Error::custom)
    }
}

fn read_invoice<S: Source>(r: &mut Reader, v: S) -> Option<Invoice> {
    let root = At::Root;
    r.object(&v, &root, &INVOICE_FIELDS, |r, m| {
        let kind = r.choice(
        m,
        field!(&INVOICE_FIELDS, "kind"),
        &root,
        true,
        Kind::from_name,
        "special_paper, ordinary_paper, electronic_ordinary, digital_special, digital_ordinary, …",
    );
        let code = r
            .text(m, field!(&INVOICE_FIELDS, "code"), &root, false)
            .map(digits_compact);
        let number = r
            .text(m, field!(&INVOICE_FIELDS, "number"), &root, true)
            .map(digits_compact);
        let digital_number = r
            .text(m, field!(&INVOICE_FIELDS, "digital_number"), &root, false)
            .map(digits_compact);
        let issue_date = r.date(m, field!(&INVOICE_FIELDS, "issue_date"), &root, true);
        let issue_time = r.time(m, field!(&INVOICE_FIELDS, "issue_time"), &root);
        let seller = r
            .get(m, field!(&INVOICE_FIELDS, "seller"), &root, true)
            .and_then(|v| party::read(r, v, &root.key("seller")));
        let buyer = r
            .get(m, field!(&INVOICE_FIELDS, "buyer"), &root, true)
            .and_then(|v| party::read(r, v, &root.key("buyer")));
        let lines = r.list(m, field!(&INVOICE_FIELDS, "lines"), &root, true, line::read);
        let totals = r
            .get(m, field!(&INVOICE_FIELDS, "totals"), &root, false)
            .and_then(|v| read_totals(r, v, &root.key("totals")));
        let deduction = r.decimal(
            m,
            field!(&INVOICE_FIELDS, "deduction"),
            &root,
            false,
            Amount::parse,
        );
        let remarks = r.text(m, field!(&INVOICE_FIELDS, "remarks"), &root, false);
        let drawer = r.text(m, field!(&INVOICE_FIELDS, "drawer"), &root, false);
        let reviewer = r.text(m, field!(&INVOICE_FIELDS, "reviewer"), &root, false);
        let payee = r.text(m, field!(&INVOICE_FIELDS, "payee"), &root, false);
        let check_code = r
            .text(m, field!(&INVOICE_FIELDS, "check_code"), &root, false)
            .map(digits_compact);
        let has_list = r.flag(m, field!(&INVOICE_FIELDS, "has_list"), &root);
        let red = r
            .get(m, field!(&INVOICE_FIELDS, "red"), &root, false)
            .and_then(|v| red::read(r, v, &root.key("red")));
        let special = r
            .get(m, field!(&INVOICE_FIELDS, "special"), &root, false)
            .and_then(|v| special::read(r, v, &root.key("special")));
        Some(Invoice {
            kind: kind?,
            code,
            number: number?,
            digital_number,
            issue_date: issue_date?,
            issue_time,
            seller: seller?,
            buyer: buyer?,
            lines,
            totals,
            deduction,
            remarks,
            drawer,
            reviewer,
            payee,
            check_code,
            has_list,
            red,
            special,
        })
    })
}

fields! {
    static TOTALS_FIELDS = ["amount", "tax", "total", "total_in_words"];
}

fn read_totals<S: Source>(r: &mut Reader, v: &S, path: &At<'_>) -> Option<Totals> {
    r.object(v, path, &TOTALS_FIELDS, |r, m| {
        let amount = r.decimal(
            m,
            field!(&TOTALS_FIELDS, "amount"),
            path,
            true,
            Amount::parse,
        );
        let tax = r.decimal(m, field!(&TOTALS_FIELDS, "tax"), path, true, parse_tax);
        let total = r.decimal(
            m,
            field!(&TOTALS_FIELDS, "total"),
            path,
            true,
            Amount::parse,
        );
        let total_in_words = r.text(m, field!(&TOTALS_FIELDS, "total_in_words"), path, false);
        Some(Totals {
            amount: amount?,
            tax: tax?,
            total: total?,
            total_in_words,
        })
    })
}

/// True for a tax printed as an exemption mark rather than an amount: `***` (half- or
/// full-width asterisks, two or more `*` or any `＊`) or `免税`. Legacy 免税 invoices print the line tax and
/// the total tax this way (formats.md §3; domain.md §6.2).
pub fn is_exempt_tax_mark(text: &str) -> bool {
    let t = read::trim(text);
    // At least two bytes: one `*` alone is not a mark (one `＊` is three bytes, and is).
    t == "免税" || (t.len() >= 2 && t.chars().all(|c| c == '*' || c == '＊'))
}

/// Reads a printed tax: an amount, or an exemption mark ([`is_exempt_tax_mark`]) as `0.00`.
///
/// The model keeps no separate marker: an exempt tax is zero, and the line says why with
/// [`LineRate::Exempt`] (when reading JSON, a line whose rate and tax are both `***` becomes
/// exempt; a line with a numeric rate keeps it and is judged by the arithmetic rules).
///
/// ```
/// use invoice_core::model::parse_tax;
///
/// assert_eq!(parse_tax("***")?.to_string(), "0.00");
/// assert_eq!(parse_tax("免税")?.to_string(), "0.00");
/// assert_eq!(parse_tax("47.62")?.to_string(), "47.62");
/// assert_eq!(parse_tax("*").unwrap_err().code(), "MNY-01");
/// # Ok::<(), invoice_core::Error>(())
/// ```
///
/// # Errors
/// As [`Amount::parse`] (`MNY-01`, `MNY-02`, `MNY-03`).
pub fn parse_tax(text: &str) -> Result<Amount, Error> {
    if is_exempt_tax_mark(text) {
        Ok(Amount::ZERO)
    } else {
        Amount::parse(text)
    }
}

/// An exemption mark as JSON Schema (the text [`is_exempt_tax_mark`] accepts).
fn exempt_mark_schema() -> serde_json::Value {
    serde_json::json!({"type": "string", "pattern": "^\\s*(免税|[*＊]{2,})\\s*$"})
}

/// A tax value through serde: an exemption mark, or whatever [`Amount`] accepts.
fn tax_from_value<E: serde::de::Error>(v: Value) -> Result<Amount, E> {
    match v {
        Value::String(s) if is_exempt_tax_mark(&s) => Ok(Amount::ZERO),
        other => Amount::deserialize(other).map_err(E::custom),
    }
}

fn de_total_tax<'de, D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
    tax_from_value(Value::deserialize(d)?)
}

pub(crate) fn de_line_tax<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Amount>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        v => tax_from_value(v).map(Some),
    }
}

fn total_tax_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let amount = g.subschema_for::<Amount>();
    schemars::json_schema!({"anyOf": [amount, exempt_mark_schema()]})
}

pub(crate) fn line_tax_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let amount = g.subschema_for::<Amount>();
    schemars::json_schema!({"anyOf": [amount, exempt_mark_schema(), {"type": "null"}]})
}

/// The JSON Schema of [`Invoice`] (draft 2020-12), as committed in `invoice.schema.json`.
pub fn json_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Invoice)).unwrap_or(Value::Null)
}

impl JsonSchema for Kind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Kind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        schemars::json_schema!({"type": "string", "enum": names})
    }
}

/// The path of the first string (or object key: the object's path) holding
/// [`LONE_ESCAPE_MARK`](crate::error::input::LONE_ESCAPE_MARK).
fn mark_path(v: &Value) -> Option<Path> {
    let mark = crate::error::input::LONE_ESCAPE_MARK;
    match v {
        Value::String(s) => s.contains(mark).then(Path::root),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| mark_path(x).map(|p| p.prefixed(&Path::root().index(i)))),
        Value::Object(m) => m.iter().find_map(|(k, x)| {
            if k.contains(mark) {
                Some(Path::root())
            } else {
                mark_path(x).map(|p| p.prefixed(&Path::field(k.clone())))
            }
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-pass `digits_compact` the one-pass version replaced, as the reference.
    fn digits_compact_reference(mut s: String) -> String {
        let b = s.as_bytes();
        let separated = b.iter().any(|c| matches!(c, b' ' | b'-'));
        if separated
            && b.iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b' ' | b'-'))
        {
            s.retain(|c| c.is_ascii_digit());
        }
        s
    }

    proptest::proptest! {
        /// One pass over the bytes compacts exactly what the two-pass version did.
        #[test]
        fn digits_compact_is_reference(s in "[0-9 \\-a甲]{0,12}") {
            proptest::prop_assert_eq!(digits_compact(s.clone()), digits_compact_reference(s));
        }
    }

    /// A 免税 legacy file's `***` taxes read as 0.00 with the line exempt, and the invoice
    /// written back reads to the same value (the mark is not kept: the rate says exempt).
    #[test]
    fn exemption_marks_read_as_zero_and_round_trip() {
        let v = serde_json::json!({
            "kind": "electronic_ordinary", "code": "031002100411", "number": "25096213",
            "issue_date": "2021-09-03",
            "seller": {"name": "某店", "tax_id": "91310115768225450T"},
            "buyer": {"name": "个人", "type": "natural_person"},
            "lines": [
                {"name": "*食品*饼干", "amount": "100.00", "rate": "***", "tax": "***"},
                {"name": "*食品*饼干", "amount": "20.00", "rate": "免税", "tax": "＊＊＊"},
                {"name": "*食品*饼干", "amount": "10.00", "rate": "3%", "tax": "免税"},
                {"name": "*服务*差额", "amount": "10.00", "rate": "***", "tax": "0.48"}
            ],
            "totals": {"amount": "140.00", "tax": "***", "total": "140.00"}
        });
        let inv = Invoice::from_value(&v).unwrap();
        let rates: Vec<LineRate> = inv.lines.iter().map(|l| l.rate).collect();
        assert_eq!(
            rates[..3],
            [
                LineRate::Exempt,
                LineRate::Exempt,
                LineRate::Rate(crate::money::TaxRate::parse("3%").unwrap())
            ]
        );
        // A rate printed *** beside a real tax stays unstated (差额征税).
        assert_eq!(rates[3], LineRate::Unstated);
        assert!(inv.lines[..3].iter().all(|l| l.tax == Some(Amount::ZERO)));
        assert_eq!(inv.totals.as_ref().map(|t| t.tax), Some(Amount::ZERO));
        let back = Invoice::from_value(&inv.to_value()).unwrap();
        assert_eq!(back, inv);
        // serde's own path (the derive on Line and Totals) takes the marks too.
        let t: Totals = serde_json::from_value(v["totals"].clone()).unwrap();
        assert_eq!(t.tax, Amount::ZERO);
        let l: Line = serde_json::from_value(v["lines"][1].clone()).unwrap();
        assert_eq!(l.tax, Some(Amount::ZERO));
        // Anything else that is not an amount is still refused.
        let mut bad = v.clone();
        bad["totals"]["tax"] = serde_json::json!("*");
        assert_eq!(Invoice::from_value(&bad).unwrap_err().code(), "MNY-01");
    }
}
