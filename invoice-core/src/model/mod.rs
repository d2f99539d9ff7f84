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

mod line;
mod party;
mod read;
mod red;
mod special;

use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

pub use line::{Line, LineNature, LineRate};
pub use party::{Party, PartyKind};
pub use red::{RedReason, RedReference};
pub use special::{Construction, FreightLeg, RealEstate, SpecialBusiness};

use crate::error::INP_JSON;
use crate::error::{Error, Path, rules};
use crate::money::{Amount, shorten};
use crate::number::Kind;
use read::Reader;

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
    /// 合计税额: sum of line taxes.
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

const INVOICE_FIELDS: &[&str] = &[
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

/// Keeps ASCII digits only when the input is digits with spaces or hyphens between; anything
/// else is kept (trimmed) for validation to judge.
pub(crate) fn digits_compact(s: String) -> String {
    if s.chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    {
        s.chars().filter(char::is_ascii_digit).collect()
    } else {
        s
    }
}

impl Invoice {
    /// True for a red (negative, 红字) invoice.
    pub fn is_red(&self) -> bool {
        self.red.is_some()
    }

    /// Reads an invoice from JSON text.
    ///
    /// # Errors
    /// `INP-03` for text that is not JSON; otherwise the first problem [`Invoice::from_value`]
    /// finds (use [`Invoice::from_value_all`] for all of them).
    pub fn from_json(text: &str) -> Result<Invoice, Error> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| Error::new(INP_JSON).with("reason", shorten(&e.to_string())))?;
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

fn read_invoice(r: &mut Reader, v: &Value) -> Option<Invoice> {
    let root = Path::root();
    let m = r.object(v, &root, INVOICE_FIELDS)?;
    let kind = r.choice(
        m,
        "kind",
        &root,
        true,
        Kind::from_name,
        "special_paper, ordinary_paper, electronic_ordinary, digital_special, digital_ordinary, …",
    );
    let code = r.text(m, "code", &root, false).map(digits_compact);
    let number = r.text(m, "number", &root, true).map(digits_compact);
    let digital_number = r
        .text(m, "digital_number", &root, false)
        .map(digits_compact);
    let issue_date = r.date(m, "issue_date", &root, true);
    let issue_time = r.time(m, "issue_time", &root);
    let seller = r
        .get(m, "seller", &root, true)
        .and_then(|v| party::read(r, v, &root.clone().key("seller")));
    let buyer = r
        .get(m, "buyer", &root, true)
        .and_then(|v| party::read(r, v, &root.clone().key("buyer")));
    let lines = r.list(m, "lines", &root, true, line::read);
    let totals = r
        .get(m, "totals", &root, false)
        .and_then(|v| read_totals(r, v, &root.clone().key("totals")));
    let deduction = r.decimal(m, "deduction", &root, false, Amount::parse);
    let remarks = r.text(m, "remarks", &root, false);
    let drawer = r.text(m, "drawer", &root, false);
    let reviewer = r.text(m, "reviewer", &root, false);
    let payee = r.text(m, "payee", &root, false);
    let check_code = r.text(m, "check_code", &root, false).map(digits_compact);
    let has_list = r.flag(m, "has_list", &root);
    let red = r
        .get(m, "red", &root, false)
        .and_then(|v| red::read(r, v, &root.clone().key("red")));
    let special = r
        .get(m, "special", &root, false)
        .and_then(|v| special::read(r, v, &root.clone().key("special")));
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
}

fn read_totals(r: &mut Reader, v: &Value, path: &Path) -> Option<Totals> {
    let m = r.object(v, path, &["amount", "tax", "total", "total_in_words"])?;
    let amount = r.decimal(m, "amount", path, true, Amount::parse);
    let tax = r.decimal(m, "tax", path, true, Amount::parse);
    let total = r.decimal(m, "total", path, true, Amount::parse);
    let total_in_words = r.text(m, "total_in_words", path, false);
    Some(Totals {
        amount: amount?,
        tax: tax?,
        total: total?,
        total_in_words,
    })
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
