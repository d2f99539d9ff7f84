//! 查验 (invoice verification): the query per kind, its pre-check against `as_of`, and the
//! platform's outcomes when a query meets a stored record.
//!
//! The library never calls the national platform (全国增值税发票查验平台). It builds the four
//! 要素 the platform asks for (domain.md §4.2):
//!
//! | kinds (fplx) | 代码 | 号码 | fifth element ([`Element`]) |
//! |---|---|---|---|
//! | 01, 02, 08, 85 专票 / 货运 / 电子专票 / 数电纸质专票 | yes | 8 | `amount_excluding_tax` (合计金额) |
//! | 03, 87 机动车 | yes | 8 | `amount_excluding_tax` (不含税价 = 合计金额) |
//! | 15, 88 二手车 (84 without code) | 15/88 | 8 / 20 | `car_price` (车价合计, an explicit input: not in the model) |
//! | 04, 10, 11, 14, 86 普票 / 电子普票 / 卷票 / 通行费 / 数电纸质普票 | yes | 8 | `check_code_last6` |
//! | 81, 82, 51, 61, 83 数电 / 铁路 / 航空 / 机动车电子 | no | 20 | `total_including_tax` (价税合计) |
//! | 区块链 | yes | 8 | `check_code_last5` plus the seller's tax id |
//!
//! The pre-check ([`precheck`], [`PrecheckOptions`]) applies the platform rules of §4.3 with a
//! caller-given `as_of` date: a look-back window of `look_back_years` (default 5) calendar years
//! counted back from `as_of` (an invoice issued on that earliest day is still in the window;
//! 29 February falls back to 28), no future dates, and a same-day policy ([`SameDay`], default
//! `next_day`: vendors default to T+1; the current platform rule is UNCONFIRMED).
//!
//! [`match_record`] plays the platform: pre-check, then look at the stored record (an invoice
//! and its [`RecordStatus`], given by the caller because lifecycle states live elsewhere) and
//! answer with an [`Outcome`]: `match`, `not_found`, `mismatch` (naming the differing fields),
//! `voided`, `red_flushed` (with `partial`), `too_old`, `not_yet_verifiable`, or `malformed`
//! (with the coded errors). An outcome serialises as `{"outcome": "...", ...details, "status":
//! n, "message": "...", "message_zh": "..."}`, where `status` is the status number of the
//! vendor enumeration quoted in §4.3 (1 成功, 3 查无此票, 4 信息不一致, 5 格式不正确, 7 当天票,
//! 8 超五年票, 9 作废, 10 红冲). A future date is `malformed` (VER-21): the platform rejects it
//! as an input error.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use invoice_core::model::Invoice;
//! use invoice_core::verify::query::{self, Element, Outcome, PrecheckOptions, RecordStatus, StoredRecord};
//!
//! let inv = Invoice::from_json(r#"{
//!   "kind": "electronic_ordinary", "code": "031002100411", "number": "25096213",
//!   "issue_date": "2021-09-03", "seller": {"name": "S"}, "buyer": {"name": "B"}, "lines": [],
//!   "totals": {"amount": "6.56", "tax": "0.20", "total": "6.76"},
//!   "check_code": "11631437361999467829"
//! }"#)?;
//! let q = query::build(&inv, None)?;
//! assert_eq!(q.element, Element::CheckCodeLast6("467829".into()));
//!
//! let as_of = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
//! let record = StoredRecord { invoice: inv.clone(), status: RecordStatus::Voided, car_price: None };
//! let out = query::match_record(&q, Some(&record), as_of, &PrecheckOptions::default());
//! assert_eq!(out, Outcome::Voided);
//! assert_eq!(out.message_zh(), "发票已作废");
//!
//! // 2021 is more than five years before 2027-01-01.
//! let late = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
//! assert!(matches!(query::precheck(&q, late, &PrecheckOptions::default()), Err(Outcome::TooOld { .. })));
//!
//! // A used-car invoice needs its car price, which the model does not hold.
//! let mut car = inv.clone();
//! car.kind = invoice_core::number::Kind::UsedCar;
//! assert_eq!(query::build(&car, None).unwrap_err().code(), "VER-20");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use chrono::{Datelike, Duration, NaiveDate};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::check_code;
use super::qr::{AmountMeaning, QrInvoice};
use super::{
    FUTURE_DATE, NO_CAR_PRICE, NO_CHECK_CODE, NO_CODE, NO_SELLER_TAX_ID, NO_TOTALS,
    NUMBER_FOR_KIND, OUTCOME_MALFORMED, OUTCOME_MATCH, OUTCOME_MISMATCH, OUTCOME_NOT_FOUND,
    OUTCOME_NOT_YET, OUTCOME_PARTLY_RED_FLUSHED, OUTCOME_RED_FLUSHED, OUTCOME_TOO_OLD,
    OUTCOME_VOIDED,
};
use crate::error::{Error, Path};
use crate::error::{INP_MISSING, INP_TYPE};
use crate::model::Invoice;
use crate::model::Source;
use crate::model::json_type_name;
use crate::money::{Amount, shorten};
use crate::number::{Kind, Numbering};
use crate::options::{Keys, Opts};

/// The fifth 查验 element of a query.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Element {
    /// 开具金额（不含税） / 合计金额 / 不含税价.
    AmountExcludingTax(Amount),
    /// 价税合计 (数电 and tickets).
    TotalIncludingTax(Amount),
    /// 车价合计 (used cars).
    CarPrice(Amount),
    /// 校验码后6位.
    CheckCodeLast6(String),
    /// 校验码后5位 (blockchain).
    CheckCodeLast5(String),
}

impl Element {
    /// The snake_case name of the element (`check_code_last6`).
    pub fn name(&self) -> &'static str {
        match self {
            Element::AmountExcludingTax(_) => "amount_excluding_tax",
            Element::TotalIncludingTax(_) => "total_including_tax",
            Element::CarPrice(_) => "car_price",
            Element::CheckCodeLast6(_) => "check_code_last6",
            Element::CheckCodeLast5(_) => "check_code_last5",
        }
    }

    /// The value as text (amounts with 2 decimals).
    pub fn value(&self) -> String {
        match self {
            Element::AmountExcludingTax(a)
            | Element::TotalIncludingTax(a)
            | Element::CarPrice(a) => a.to_string(),
            Element::CheckCodeLast6(s) | Element::CheckCodeLast5(s) => s.clone(),
        }
    }
}

/// Which fifth element a kind is verified with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    /// 合计金额（不含税）.
    AmountExcludingTax,
    /// 价税合计.
    TotalIncludingTax,
    /// 车价合计.
    CarPrice,
    /// 校验码后6位.
    CheckCodeLast6,
    /// 校验码后5位 (plus the seller's tax id).
    CheckCodeLast5,
}

/// The fifth element a kind is verified with (domain.md §4.2).
pub fn element_kind(kind: Kind) -> ElementKind {
    match kind {
        Kind::SpecialPaper
        | Kind::FreightSpecial
        | Kind::ElectronicSpecial
        | Kind::DigitalPaperSpecial
        | Kind::MotorVehicle
        | Kind::DigitalPaperMotorVehicle => ElementKind::AmountExcludingTax,
        Kind::UsedCar | Kind::DigitalUsedCar | Kind::DigitalPaperUsedCar => ElementKind::CarPrice,
        Kind::OrdinaryPaper
        | Kind::OrdinaryRoll
        | Kind::ElectronicOrdinary
        | Kind::Toll
        | Kind::DigitalPaperOrdinary => ElementKind::CheckCodeLast6,
        Kind::Blockchain => ElementKind::CheckCodeLast5,
        Kind::DigitalSpecial
        | Kind::DigitalOrdinary
        | Kind::RailTicket
        | Kind::AirTicket
        | Kind::DigitalMotorVehicle => ElementKind::TotalIncludingTax,
    }
}

/// A 查验 query: the 要素 the platform asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyQuery {
    /// The kind.
    pub kind: Kind,
    /// 发票代码; `None` for kinds identified by a 20-digit number.
    pub code: Option<String>,
    /// 发票号码.
    pub number: String,
    /// 开票日期.
    pub issue_date: NaiveDate,
    /// The fifth element.
    pub element: Element,
    /// The seller's tax id (blockchain invoices only).
    pub seller_tax_id: Option<String>,
}

impl Serialize for VerifyQuery {
    /// `{kind, fplx, code, number, issue_date, element, value, seller_tax_id}` (absent values
    /// are `null`; `issue_date` is `YYYY-MM-DD`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("fplx", &self.kind.verify_code())?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("number", &self.number)?;
        m.serialize_entry("issue_date", &self.issue_date)?;
        m.serialize_entry("element", self.element.name())?;
        m.serialize_entry("value", &self.element.value())?;
        m.serialize_entry("seller_tax_id", &self.seller_tax_id)?;
        m.end()
    }
}

impl VerifyQuery {
    /// Whether `v` has the shape of a stored query rather than of an invoice or a `{invoice|qr}`
    /// wrapper: an object with `element` or `value`, keys no invoice has. For callers that take
    /// any of those as "a query".
    pub fn is_stored_shape(v: &serde_json::Value) -> bool {
        v.as_object()
            .is_some_and(|m| m.contains_key("element") || m.contains_key("value"))
    }

    /// Reads a query back from the JSON [`Serialize`] writes (`{kind, code, number, issue_date,
    /// element, value, seller_tax_id}`), e.g. one stored after a QR scan, checking it as
    /// [`build`] would. `fplx` is derived from `kind` and ignored; `element`, when given, must
    /// be the one the kind is verified with.
    ///
    /// # Errors
    /// At the field: `INP-02` wrong types or shapes (a date not `YYYY-MM-DD`, a check-code part
    /// of the wrong length, a code on a 数电 kind), `INP-04` missing values, `INP-05` an unknown
    /// kind or the wrong `element`, `MDL-01` an unknown field, `VER-18` a missing code,
    /// `VER-11` a number that does not fit the kind, `VER-22` a blockchain query without the
    /// seller's tax id, the `NUM-` codes of a bad code and the `MNY-` codes (or `INP-01` for a
    /// number) of a bad amount.
    pub fn from_value(v: &serde_json::Value) -> Result<VerifyQuery, Error> {
        use serde_json::Value;
        const FIELDS: [&str; 8] = [
            "kind",
            "fplx",
            "code",
            "number",
            "issue_date",
            "element",
            "value",
            "seller_tax_id",
        ];
        let Value::Object(m) = v else {
            return Err(Error::new(INP_TYPE)
                .with("expected", "a query object")
                .with("found", json_type_name(v)));
        };
        if let Some(k) = m.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(Error::new(crate::model::MDL_UNKNOWN_FIELD)
                .with("field", shorten(k))
                .with("allowed", FIELDS.join(", "))
                .at(Path::field(k.clone())));
        }
        // A present, non-null text field; `what` is shown when it has another type.
        let text = |key: &'static str, what: &str| -> Result<Option<&str>, Error> {
            match m.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(other) => Err(Error::new(INP_TYPE)
                    .with("expected", what)
                    .with("found", json_type_name(other))
                    .at(Path::field(key))),
            }
        };
        let required = |key: &'static str, what: &str| -> Result<&str, Error> {
            text(key, what)?.ok_or_else(|| Error::new(INP_MISSING).at(Path::field(key)))
        };
        let kind = Kind::parse_name(required("kind", "a kind name")?)
            .map_err(|e| e.at(Path::field("kind")))?;
        let code = match (needs_code(kind), text("code", "invoice code text")?) {
            (true, None) => {
                return Err(Error::new(NO_CODE)
                    .with("kind", kind)
                    .at(Path::field("code")));
            }
            (true, Some(c)) => {
                crate::number::InvoiceCode::parse(c).map_err(|e| e.at(Path::field("code")))?;
                Some(c.to_string())
            }
            (false, None) => None,
            (false, Some(c)) => {
                return Err(Error::new(INP_TYPE)
                    .with("expected", "null (数电 numbers stand alone)")
                    .with("found", shorten(c))
                    .at(Path::field("code")));
            }
        };
        let number = required("number", "invoice number text")?;
        check_number(kind, number)?;
        let day = required("issue_date", "date text")?;
        let issue_date =
            crate::dates::read_day(day).map_err(|e| e.at(Path::field("issue_date")))?;
        let expected = element_kind(kind);
        if let Some(name) = text("element", "an element name")? {
            let want = serde_json::to_value(expected)
                .ok()
                .and_then(|n| n.as_str().map(str::to_string))
                .unwrap_or_default();
            if name != want {
                return Err(Error::unknown_name(name, &[&want]).at(Path::field("element")));
            }
        }
        let at_value = Path::field("value");
        let amount = || -> Result<Amount, Error> {
            match m.get("value") {
                None | Some(Value::Null) => Err(Error::new(INP_MISSING).at(at_value.clone())),
                Some(Value::String(s)) => Amount::parse(s).map_err(|e| e.at(at_value.clone())),
                Some(Value::Number(n)) => Err(Error::new(crate::error::INP_FLOAT)
                    .with("value", n)
                    .at(at_value.clone())),
                Some(other) => Err(Error::new(INP_TYPE)
                    .with("expected", "decimal string")
                    .with("found", json_type_name(other))
                    .at(at_value.clone())),
            }
        };
        let digits = |n: usize| -> Result<String, Error> {
            let d = required("value", "digit text")?;
            if d.len() == n && d.bytes().all(|b| b.is_ascii_digit()) {
                Ok(d.to_string())
            } else {
                Err(Error::new(INP_TYPE)
                    .with("expected", format!("the last {n} digits of the check code"))
                    .with("found", shorten(d))
                    .at(at_value.clone()))
            }
        };
        let element = match expected {
            ElementKind::AmountExcludingTax => Element::AmountExcludingTax(amount()?),
            ElementKind::TotalIncludingTax => Element::TotalIncludingTax(amount()?),
            ElementKind::CarPrice => Element::CarPrice(amount()?),
            ElementKind::CheckCodeLast6 => Element::CheckCodeLast6(digits(6)?),
            ElementKind::CheckCodeLast5 => Element::CheckCodeLast5(digits(5)?),
        };
        let seller_tax_id = text("seller_tax_id", "tax id text")?.map(str::to_string);
        if kind == Kind::Blockchain && seller_tax_id.is_none() {
            return Err(Error::new(NO_SELLER_TAX_ID)
                .with("kind", kind)
                .at(Path::field("seller_tax_id")));
        }
        Ok(VerifyQuery {
            kind,
            code,
            number: number.to_string(),
            issue_date,
            element,
            seller_tax_id: if kind == Kind::Blockchain {
                seller_tax_id
            } else {
                None
            },
        })
    }
}

fn needs_code(kind: Kind) -> bool {
    !matches!(kind.numbering(), Numbering::Digital)
}

fn check_number(kind: Kind, number: &str) -> Result<(), Error> {
    let expected = if needs_code(kind) { 8 } else { 20 };
    if number.len() == expected && number.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::new(NUMBER_FOR_KIND)
            .with("kind", kind)
            .with("expected", expected)
            .with("value", shorten(number))
            .at(Path::field("number")))
    }
}

/// The fifth element of an invoice (and of a stored record), from the model or `car_price`.
fn element_of(inv: &Invoice, car_price: Option<Amount>) -> Result<Element, Error> {
    let totals = || {
        inv.totals.as_ref().ok_or_else(|| {
            Error::new(NO_TOTALS)
                .with("what", "a verification query")
                .at(Path::field("totals"))
        })
    };
    let check = || -> Result<&str, Error> {
        let c = inv.check_code.as_deref().ok_or_else(|| {
            Error::new(NO_CHECK_CODE)
                .with("kind", inv.kind)
                .at(Path::field("check_code"))
        })?;
        Ok(c)
    };
    Ok(match element_kind(inv.kind) {
        ElementKind::AmountExcludingTax => Element::AmountExcludingTax(totals()?.amount),
        ElementKind::TotalIncludingTax => Element::TotalIncludingTax(totals()?.total),
        ElementKind::CarPrice => Element::CarPrice(car_price.ok_or_else(|| {
            Error::new(NO_CAR_PRICE)
                .with("kind", inv.kind)
                .at(Path::field("car_price"))
        })?),
        ElementKind::CheckCodeLast6 => Element::CheckCodeLast6(
            check_code::last6(check()?).map_err(|e| e.at(Path::field("check_code")))?,
        ),
        ElementKind::CheckCodeLast5 => Element::CheckCodeLast5(
            check_code::last5(check()?).map_err(|e| e.at(Path::field("check_code")))?,
        ),
    })
}

/// The 查验 query of an invoice; `car_price` (车价合计) is needed for used-car kinds only and
/// ignored for the others.
///
/// # Errors
/// The first of: `VER-18` a kind with a code but no code given, `VER-11` a number of the wrong
/// length for the kind, `VER-17` no totals, `VER-19` no check code, `VER-02` a malformed check
/// code, `VER-20` no car price, `VER-22` a blockchain invoice without the seller's tax id.
pub fn build(inv: &Invoice, car_price: Option<Amount>) -> Result<VerifyQuery, Error> {
    let code = if needs_code(inv.kind) {
        Some(inv.code.clone().ok_or_else(|| {
            Error::new(NO_CODE)
                .with("kind", inv.kind)
                .at(Path::field("code"))
        })?)
    } else {
        None
    };
    check_number(inv.kind, &inv.number)?;
    let element = element_of(inv, car_price)?;
    let seller_tax_id = if inv.kind == Kind::Blockchain {
        Some(inv.seller.tax_id.clone().ok_or_else(|| {
            Error::new(NO_SELLER_TAX_ID)
                .with("kind", inv.kind)
                .at(Path::field("seller").key("tax_id"))
        })?)
    } else {
        None
    };
    Ok(VerifyQuery {
        kind: inv.kind,
        code,
        number: inv.number.clone(),
        issue_date: inv.issue_date,
        element,
        seller_tax_id,
    })
}

/// The 查验 query of a parsed QR payload: its refined kind, code, number, date, and the element
/// the payload carries (the amount for 专票 and 数电 kinds, the check code's last 6 for
/// ordinary kinds).
///
/// # Errors
/// `VER-19` an ordinary kind whose payload has no check code; `VER-20` a used-car payload (the
/// QR amount is not the car price).
pub fn from_qr(q: &QrInvoice) -> Result<VerifyQuery, Error> {
    let element = match (element_kind(q.kind), q.amount_meaning) {
        (ElementKind::AmountExcludingTax, AmountMeaning::AmountExcludingTax) => {
            Element::AmountExcludingTax(q.amount)
        }
        (ElementKind::TotalIncludingTax, AmountMeaning::TotalIncludingTax) => {
            Element::TotalIncludingTax(q.amount)
        }
        // A blockchain payload carries no check code, and 查验 asks for its last 5.
        (ElementKind::CheckCodeLast5, _) => {
            return Err(Error::new(NO_CHECK_CODE)
                .with("kind", q.kind)
                .at(Path::field("check_code")));
        }
        (ElementKind::CheckCodeLast6, _) => {
            let c = q.check_code.as_deref().ok_or_else(|| {
                Error::new(NO_CHECK_CODE)
                    .with("kind", q.kind)
                    .at(Path::field("check_code"))
            })?;
            Element::CheckCodeLast6(check_code::last6(c)?)
        }
        _ => {
            return Err(Error::new(NO_CAR_PRICE)
                .with("kind", q.kind)
                .at(Path::field("car_price")));
        }
    };
    Ok(VerifyQuery {
        kind: q.kind,
        code: q.code.clone(),
        number: q.number.clone(),
        issue_date: q.issue_date,
        element,
        seller_tax_id: q.seller_tax_id.clone(),
    })
}

/// When invoices issued today become verifiable (domain.md §4.3; the current rule is
/// UNCONFIRMED, so it is an option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SameDay {
    /// Today (T): "当日开具发票当日可查验".
    Today,
    /// The next day (T+1): "当日开具的发票最快可以次日进行查验"; the vendors' default.
    #[default]
    NextDay,
}

crate::error::option_names!(SameDay { Today => "today", NextDay => "next_day" });

/// Pre-check options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct PrecheckOptions {
    /// The look-back window in calendar years (default 5; the platform once said 1).
    pub look_back_years: u32,
    /// The same-day policy (default [`SameDay::NextDay`]).
    pub same_day: SameDay,
}

impl Default for PrecheckOptions {
    fn default() -> Self {
        PrecheckOptions {
            look_back_years: 5,
            same_day: SameDay::NextDay,
        }
    }
}

/// The stored status of an invoice, as the caller's records know it (the lifecycle module owns
/// the full state machine; this is the part 查验 reports).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    /// 正常.
    #[default]
    Normal,
    /// 作废 (paper kinds).
    Voided,
    /// 红冲: fully reversed by red invoices.
    RedFlushed,
    /// 部分红冲: partly reversed.
    PartiallyRedFlushed,
}

crate::error::option_names!(RecordStatus {
    Normal => "normal",
    Voided => "voided",
    RedFlushed => "red_flushed",
    PartiallyRedFlushed => "partially_red_flushed",
});

/// The names of the pre-check options (snake_case).
pub const PRECHECK_KEYS: &[&str] = &["as_of", "same_day", "look_back_years"];

/// The names of the match options (snake_case): the pre-check's and the stored record's.
pub const MATCH_KEYS: &[&str] = &[
    "as_of",
    "same_day",
    "look_back_years",
    "status",
    "car_price",
];

/// What [`precheck`] and [`match_record`] are told besides the query: the day, the pre-check
/// options and, for a match, the stored record's status and 车价合计.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOptions {
    /// The day it is.
    pub as_of: NaiveDate,
    /// The look-back window and same-day policy.
    pub precheck: PrecheckOptions,
    /// The stored record's status (default normal).
    pub status: RecordStatus,
    /// The stored record's 车价合计, when given.
    pub car_price: Option<Amount>,
}

impl PrecheckOptions {
    /// Reads `{look_back_years?, same_day?}` from an options object already opened.
    ///
    /// # Errors
    /// `INP-02` a wrong type, `INP-05` an unknown same-day policy; at the key.
    pub fn from_opts<S: Source>(o: &Opts<S>) -> Result<PrecheckOptions, Error> {
        let mut opts = PrecheckOptions::default();
        if let Some(y) = o.int(
            "look_back_years",
            0,
            i64::from(u32::MAX),
            "integer 0–4294967295",
        )? {
            opts.look_back_years = u32::try_from(y).unwrap_or(opts.look_back_years);
        }
        if let Some(s) = o.name("same_day")? {
            opts.same_day = s;
        }
        Ok(opts)
    }
}

impl CheckOptions {
    /// Reads the options of a pre-check, `{as_of, same_day?, look_back_years?}`, in the host's
    /// key convention.
    ///
    /// ```
    /// use invoice_core::options::Keys;
    /// use invoice_core::verify::query::CheckOptions;
    ///
    /// let o = CheckOptions::read_precheck(&serde_json::json!({"asOf": "2024-01-01", "lookBackYears": 1}), Keys::Camel)?;
    /// assert_eq!(o.precheck.look_back_years, 1);
    /// let e = CheckOptions::read_precheck(&serde_json::json!({"as_of": "2024-01-01", "same_day": "tomorrow"}), Keys::Snake).unwrap_err();
    /// assert_eq!((e.code(), e.path().to_string().as_str()), ("INP-05", "same_day"));
    /// # Ok::<(), invoice_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// At the option's path: `INP-04` no `as_of`, `INP-02` a bad date or type, `INP-05` an
    /// unknown key or name.
    pub fn read_precheck<S: Source>(v: S, keys: Keys) -> Result<CheckOptions, Error> {
        let o = Opts::open(v, Path::root(), keys, PRECHECK_KEYS)?;
        Ok(CheckOptions {
            as_of: o.required_day("as_of")?,
            precheck: PrecheckOptions::from_opts(&o)?,
            status: RecordStatus::Normal,
            car_price: None,
        })
    }

    /// Reads the options of a match, `{as_of, same_day?, look_back_years?, status?,
    /// car_price?}`, in the host's key convention.
    ///
    /// # Errors
    /// As [`CheckOptions::read_precheck`], and `INP-05` an unknown status, `INP-01` a float
    /// car price, the `MNY-` codes (each at its key).
    pub fn read_match<S: Source>(v: S, keys: Keys) -> Result<CheckOptions, Error> {
        let o = Opts::open(v, Path::root(), keys, MATCH_KEYS)?;
        Ok(CheckOptions {
            as_of: o.required_day("as_of")?,
            precheck: PrecheckOptions::from_opts(&o)?,
            status: o.name("status")?.unwrap_or_default(),
            car_price: o.amount("car_price")?,
        })
    }
}

/// A stored invoice as the platform would hold it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRecord {
    /// The invoice.
    pub invoice: Invoice,
    /// Its status.
    pub status: RecordStatus,
    /// Its 车价合计, for used-car kinds.
    pub car_price: Option<Amount>,
}

/// The platform's answer to a query (查验结果).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 查验成功: the record exists and every element agrees.
    Match,
    /// 查无此票: no record with this code and number.
    NotFound,
    /// 信息不一致: the record exists but these fields differ (names as in the query:
    /// `kind`, `issue_date`, the element name, `seller_tax_id`).
    Mismatch {
        /// The fields that differ, in query order.
        fields: Vec<String>,
    },
    /// 作废: the record exists, matches, and was voided.
    Voided,
    /// 红冲: the record exists, matches, and was reversed (`partial` for 部分红冲).
    RedFlushed {
        /// True when only partly reversed.
        partial: bool,
    },
    /// 超五年票: issued before the earliest verifiable date.
    TooOld {
        /// The earliest issue date still verifiable on `as_of`.
        earliest: NaiveDate,
    },
    /// 当天票: issued today under the next-day policy.
    NotYetVerifiable {
        /// The first day it can be verified.
        from: NaiveDate,
    },
    /// 格式不正确: the query is malformed (future date, bad formats).
    Malformed {
        /// The coded problems.
        errors: Vec<Error>,
    },
}

impl Outcome {
    /// The snake_case name (`red_flushed`).
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Match => "match",
            Outcome::NotFound => "not_found",
            Outcome::Mismatch { .. } => "mismatch",
            Outcome::Voided => "voided",
            Outcome::RedFlushed { .. } => "red_flushed",
            Outcome::TooOld { .. } => "too_old",
            Outcome::NotYetVerifiable { .. } => "not_yet_verifiable",
            Outcome::Malformed { .. } => "malformed",
        }
    }

    /// The status number of the vendor enumeration in domain.md §4.3.
    pub fn status(&self) -> u8 {
        match self {
            Outcome::Match => 1,
            Outcome::NotFound => 3,
            Outcome::Mismatch { .. } => 4,
            Outcome::Malformed { .. } => 5,
            Outcome::NotYetVerifiable { .. } => 7,
            Outcome::TooOld { .. } => 8,
            Outcome::Voided => 9,
            Outcome::RedFlushed { .. } => 10,
        }
    }

    /// True only for [`Outcome::Match`].
    pub fn is_match(&self) -> bool {
        matches!(self, Outcome::Match)
    }

    /// The outcome as a catalogue entry (`VER-27`…`VER-35`) with its params: the one source
    /// of its code and its English and Chinese messages.
    pub fn as_error(&self) -> Error {
        match self {
            Outcome::Match => Error::new(OUTCOME_MATCH),
            Outcome::NotFound => Error::new(OUTCOME_NOT_FOUND),
            Outcome::Mismatch { fields } => Error::new(OUTCOME_MISMATCH)
                .with("fields", fields.join(", "))
                .with("fields_zh", fields.join("、")),
            Outcome::Voided => Error::new(OUTCOME_VOIDED),
            Outcome::RedFlushed { partial: false } => Error::new(OUTCOME_RED_FLUSHED),
            Outcome::RedFlushed { partial: true } => Error::new(OUTCOME_PARTLY_RED_FLUSHED),
            Outcome::TooOld { earliest } => Error::new(OUTCOME_TOO_OLD).with("earliest", earliest),
            Outcome::NotYetVerifiable { from } => Error::new(OUTCOME_NOT_YET).with("from", from),
            Outcome::Malformed { errors } => Error::new(OUTCOME_MALFORMED)
                .with(
                    "reason",
                    errors
                        .iter()
                        .map(Error::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                )
                .with(
                    "reason_zh",
                    errors
                        .iter()
                        .map(|e| format!("[{}] {}", e.code(), e.message_zh()))
                        .collect::<Vec<_>>()
                        .join("；"),
                ),
        }
    }

    /// The outcome's catalogue code (`VER-27` match … `VER-35` malformed).
    pub fn code(&self) -> &'static str {
        self.as_error().code()
    }

    /// The English message.
    pub fn message(&self) -> String {
        self.as_error().message()
    }

    /// The Chinese message.
    pub fn message_zh(&self) -> String {
        self.as_error().message_zh()
    }
}

impl Serialize for Outcome {
    /// `{outcome, code, <details>, status, message, message_zh}`; details are `fields` (mismatch),
    /// `partial` (red_flushed), `earliest` (too_old), `from` (not_yet_verifiable), `errors`
    /// (malformed).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("outcome", self.name())?;
        m.serialize_entry("code", self.code())?;
        match self {
            Outcome::Mismatch { fields } => m.serialize_entry("fields", fields)?,
            Outcome::RedFlushed { partial } => m.serialize_entry("partial", partial)?,
            Outcome::TooOld { earliest } => m.serialize_entry("earliest", earliest)?,
            Outcome::NotYetVerifiable { from } => m.serialize_entry("from", from)?,
            Outcome::Malformed { errors } => m.serialize_entry("errors", errors)?,
            _ => {}
        }
        m.serialize_entry("status", &self.status())?;
        m.serialize_entry("message", &self.message())?;
        m.serialize_entry("message_zh", &self.message_zh())?;
        m.end()
    }
}

/// `as_of` minus `years` calendar years (29 February falls back to 28).
fn years_back(as_of: NaiveDate, years: u32) -> NaiveDate {
    let y = i32::try_from(years).unwrap_or(i32::MAX);
    let target = as_of.year().saturating_sub(y);
    NaiveDate::from_ymd_opt(target, as_of.month(), as_of.day())
        .or_else(|| NaiveDate::from_ymd_opt(target, as_of.month(), 28))
        .unwrap_or(NaiveDate::MIN)
}

/// Checks a query against the platform rules of domain.md §4.3 on `as_of`.
///
/// # Errors
/// The outcome the platform would give instead of looking the invoice up:
/// [`Outcome::Malformed`] with `VER-21` for a future issue date, [`Outcome::TooOld`] before
/// the window, [`Outcome::NotYetVerifiable`] for today's invoices under [`SameDay::NextDay`].
pub fn precheck(q: &VerifyQuery, as_of: NaiveDate, opts: &PrecheckOptions) -> Result<(), Outcome> {
    if q.issue_date > as_of {
        return Err(Outcome::Malformed {
            errors: vec![
                Error::new(FUTURE_DATE)
                    .with("date", q.issue_date)
                    .with("as_of", as_of)
                    .at(Path::field("issue_date")),
            ],
        });
    }
    let earliest = years_back(as_of, opts.look_back_years);
    if q.issue_date < earliest {
        return Err(Outcome::TooOld { earliest });
    }
    if q.issue_date == as_of && opts.same_day == SameDay::NextDay {
        return Err(Outcome::NotYetVerifiable {
            from: as_of.checked_add_signed(Duration::days(1)).unwrap_or(as_of),
        });
    }
    Ok(())
}

/// Answers a query as the platform would, given the record stored under its code and number
/// (`None` when there is none).
///
/// Order: [`precheck`]; no record, or a record with another code or number → `not_found`;
/// differing elements → `mismatch` (a record whose element cannot be computed, e.g. without a
/// check code, counts as differing); then the status: voided, red-flushed, or `match`.
pub fn match_record(
    q: &VerifyQuery,
    record: Option<&StoredRecord>,
    as_of: NaiveDate,
    opts: &PrecheckOptions,
) -> Outcome {
    if let Err(o) = precheck(q, as_of, opts) {
        return o;
    }
    let Some(rec) = record else {
        return Outcome::NotFound;
    };
    let inv = &rec.invoice;
    let same_identity = if q.code.is_some() {
        inv.code == q.code && inv.number == q.number
    } else {
        inv.number == q.number || inv.digital_number.as_deref() == Some(q.number.as_str())
    };
    if !same_identity {
        return Outcome::NotFound;
    }
    let mut fields = Vec::new();
    if inv.kind != q.kind {
        fields.push("kind".to_string());
    }
    if inv.issue_date != q.issue_date {
        fields.push("issue_date".to_string());
    }
    let mut probe = inv.clone();
    probe.kind = q.kind;
    match element_of(&probe, rec.car_price) {
        Ok(e) if e == q.element => {}
        _ => fields.push(q.element.name().to_string()),
    }
    if q.seller_tax_id.is_some() && inv.seller.tax_id != q.seller_tax_id {
        fields.push("seller_tax_id".to_string());
    }
    if !fields.is_empty() {
        return Outcome::Mismatch { fields };
    }
    match rec.status {
        RecordStatus::Normal => Outcome::Match,
        RecordStatus::Voided => Outcome::Voided,
        RecordStatus::RedFlushed => Outcome::RedFlushed { partial: false },
        RecordStatus::PartiallyRedFlushed => Outcome::RedFlushed { partial: true },
    }
}

#[cfg(test)]
mod reader_tests {
    use super::*;
    use crate::verify::qr;
    use serde_json::json;

    fn from_qr_text(text: &str) -> VerifyQuery {
        from_qr(&qr::parse_invoice(text).unwrap()).unwrap()
    }

    /// What `Serialize` writes reads back to the same query, for each fifth element.
    #[test]
    fn queries_round_trip() {
        let mut queries = vec![
            from_qr_text("01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,"),
            from_qr_text("01,32,,24312000000358032546,100.00,20241118,,ABCD,"),
            from_qr_text("01,01,3200224130,05681287,1000.00,20241011,,56DA,"),
        ];
        queries.push(VerifyQuery {
            kind: Kind::Blockchain,
            code: Some("144032009110".into()),
            number: "02094571".into(),
            issue_date: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
            element: Element::CheckCodeLast5("12345".into()),
            seller_tax_id: Some("91440300MA5G0K8U0Y".into()),
        });
        for q in queries {
            let v = serde_json::to_value(&q).unwrap();
            assert_eq!(VerifyQuery::from_value(&v).unwrap(), q, "{v}");
        }
    }

    #[test]
    fn stored_shape_is_told_from_an_invoice() {
        let stored = serde_json::to_value(from_qr_text(
            "01,32,,24312000000358032546,100.00,20241118,,ABCD,",
        ))
        .unwrap();
        assert!(VerifyQuery::is_stored_shape(&stored));
        assert!(VerifyQuery::is_stored_shape(&json!({"value": "1"})));
        for other in [
            json!({"kind": "digital_special", "number": "1"}),
            json!({"qr": "x"}),
            json!("x"),
        ] {
            assert!(!VerifyQuery::is_stored_shape(&other), "{other}");
        }
    }

    #[test]
    fn bad_queries_name_the_field() {
        let good = serde_json::to_value(from_qr_text(
            "01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,",
        ))
        .unwrap();
        let with = |key: &str, value: serde_json::Value| {
            let mut v = good.clone();
            v[key] = value;
            v
        };
        let without = |key: &str| {
            let mut v = good.clone();
            v.as_object_mut().unwrap().remove(key);
            v
        };
        let cases = [
            (json!("x"), "INP-02", ""),
            (with("kinds", json!(1)), "MDL-01", "kinds"),
            (without("kind"), "INP-04", "kind"),
            (with("kind", json!("paper")), "INP-05", "kind"),
            (without("code"), "VER-18", "code"),
            (with("code", json!("123")), "NUM-01", "code"),
            (with("number", json!("2509621")), "VER-11", "number"),
            (
                with("issue_date", json!("2021-9-3")),
                "INP-02",
                "issue_date",
            ),
            (
                with("element", json!("total_including_tax")),
                "INP-05",
                "element",
            ),
            (with("value", json!("46782")), "INP-02", "value"),
            (without("value"), "INP-04", "value"),
        ];
        for (v, code, path) in cases {
            let e = VerifyQuery::from_value(&v).unwrap_err();
            assert_eq!(e.path().to_string(), path, "{v}");
            assert!(
                e.code() == code || (code == "NUM-01" && e.code().starts_with("NUM-")),
                "{v}: {e}"
            );
        }
        let digital = serde_json::to_value(from_qr_text(
            "01,32,,24312000000358032546,100.00,20241118,,ABCD,",
        ))
        .unwrap();
        let mut v = digital.clone();
        v["value"] = json!(100.5);
        assert_eq!(VerifyQuery::from_value(&v).unwrap_err().code(), "INP-01");
        v["value"] = json!("100.555");
        assert_eq!(VerifyQuery::from_value(&v).unwrap_err().code(), "MNY-02");
        v = digital;
        v["code"] = json!("031002100411");
        assert_eq!(
            VerifyQuery::from_value(&v).unwrap_err().path().to_string(),
            "code"
        );
    }
}
