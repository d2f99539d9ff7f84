//! Lookup diagnostics (查无此票诊断): "why is my invoice not in the system?"
//!
//! [`diagnose`] takes what a person typed ([`RawQuery`]), the day it is (`as_of`), optionally
//! the platform's region ([`Platform`]) and optionally the records the lookup ran against, and
//! returns **every** plausible reason it finds nothing or the wrong thing, each a coded finding
//! (an [`Error`] of the `FND-` family with bilingual text and params):
//!
//! | code | reason |
//! |---|---|
//! | `FND-01`…`FND-10` | input that was corrected, with the correction (full-width digits, a 数电 number in the code field, code and number swapped, …) |
//! | `FND-30` | a field that cannot be read, with the cause |
//! | `FND-31` | a field the platform needs is missing (number; code for an 8-digit number; date; fifth element) |
//! | `FND-32` | issued today and not yet verifiable under the next-day rule ([`SameDay::NextDay`], the default) |
//! | `FND-33` | older than the look-back window (default 5 years, [`PrecheckOptions::look_back_years`]) |
//! | `FND-34` | an issue date in the future |
//! | `FND-42` | the fifth element given is not the one the kind is verified with ([`element_kind`]) |
//! | `FND-43` | the region of the code or number is not the platform's |
//! | `FND-35` / `FND-36` | (records given, no exact match) a stored invoice one typo away: one digit (position, typed and stored digit) or two swapped adjacent digits, at most [`MAX_NEAR_MATCHES`] |
//! | `FND-45` | (records given) nothing matches and nothing is one typo away |
//! | `FND-37` / `FND-38` / `FND-39` / `FND-40` | (per matching record) the invoice exists but is voided, red-flushed, partly red-flushed, or has a red-letter confirmation pending |
//! | `FND-41` | (per matching record) the invoice exists under another buyer tax id |
//! | `FND-44` | (per matching record) the invoice exists but the date or the fifth element differs |
//!
//! Findings come in the order of this table. No finding means nothing wrong was found. A code
//! or number that does not read (`FND-30`) takes no part in the record search: a typo that
//! breaks the structure of a code (`4403183310`: 1 copy) is reported as malformed, not as a near
//! match. The same-day, window and future rules are those of
//! [`crate::verify::query::precheck`] (the same options type, [`PrecheckOptions`]).
//!
//! # Kind of the query
//!
//! For the fifth-element check the kind is, in order: the kind given or read from a QR payload,
//! the kind of a matching record, the kind the invoice code names, or — for a 20-digit number —
//! a 数电 kind (verified with 价税合计).
//!
//! # Regions
//!
//! The platform's region is given as 2 digits (a province: `11`) or 4 digits (`1100`, or a
//! 计划单列市: `3302`); anything else is `FND-46`. The invoice's region is the 4-digit region of
//! its code (a 12-digit city-level code such as `6512…` counts as its province `6500`) or the
//! 2-digit region of its 数电 number.
//!
//! **Decision: a 计划单列市 is its own platform.** 大连, 宁波, 厦门, 青岛 and 深圳 have tax
//! bureaus directly under the State Taxation Administration, print their own codes (`3302…`), and
//! 数电 numbers give them their own 2-digit codes instead of the province's (domain.md §2.4). So
//! a Zhejiang (`33`) platform asked about a `3302` (宁波) invoice reports `FND-43`, and so does a
//! Ningbo platform asked about a `3300` invoice. A 数电 number whose 2-digit code is not a
//! province (e.g. `94`, an unpublished 计划单列市 code) differs from every province platform and
//! cannot be judged against a 计划单列市 platform (no finding).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use invoice_core::find::diagnose::{diagnose, Lookup, Platform};
//! use invoice_core::find::normalise::RawQuery;
//!
//! let lookup = Lookup {
//!     query: RawQuery {
//!         number: Some("24312000000358032546".into()),
//!         date: Some("2024-11-18".into()),
//!         total: Some("633.00".into()),
//!         ..RawQuery::default()
//!     },
//!     as_of: NaiveDate::from_ymd_opt(2024, 11, 18).unwrap(),
//!     platform: Some(Platform::parse("11")?),
//!     records: None,
//!     options: Default::default(),
//! };
//! let d = diagnose(&lookup);
//! let codes: Vec<_> = d.findings.iter().map(|f| f.code()).collect();
//! assert_eq!(codes, ["FND-32", "FND-43"]); // issued today; a Shanghai number on a Beijing platform
//!
//! assert_eq!(Platform::parse("99").unwrap_err().code(), "FND-46");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use super::normalise::{Correction, Query, RawQuery, field_zh, json_type, normalise};
use super::search::{Record, Typo, compact_id, typo};
use super::{
    FUTURE, MALFORMED, MISMATCH, MISSING, NOT_FOUND, OTHER_BUYER, PARTLY_RED_FLUSHED,
    PLATFORM_REGION, RED_FLUSHED, RED_PENDING, REGION, SAME_DAY, SWAP, TOO_OLD, TYPO,
    UNKNOWN_FIELD, VOIDED, WRONG_ELEMENT,
};
use crate::error::INP_TYPE;
use crate::error::{Error, Path, Segment};
use crate::money::shorten;
use crate::number::{InvoiceCode, InvoiceNumber, Kind, Region, province, region};
use crate::options::{Keys, Opts};
use crate::verify::query::{
    self, Element, ElementKind, PrecheckOptions, RecordStatus, SameDay, element_kind,
};

/// The most near matches reported (a large record set could give many).
pub const MAX_NEAR_MATCHES: usize = 10;

/// The region a platform serves: a province (`1100`) or a 计划单列市 (`3302`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Platform {
    region: &'static Region,
}

impl Platform {
    /// Reads a 2-digit province code (`11`) or a 4-digit region code (`1100`, `3302`).
    ///
    /// # Errors
    /// `FND-46` anything else.
    pub fn parse(s: &str) -> Result<Platform, Error> {
        let t = s.trim();
        let r = match t.len() {
            2 => province(t),
            4 => region(t),
            _ => None,
        };
        r.map(|region| Platform { region })
            .ok_or_else(|| Error::new(PLATFORM_REGION).with("value", shorten(t)))
    }

    /// The region served.
    pub fn region(&self) -> &'static Region {
        self.region
    }
}

/// What a diagnosis is run on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// What the person typed.
    pub query: RawQuery,
    /// Today.
    pub as_of: NaiveDate,
    /// The platform's region, when known.
    pub platform: Option<Platform>,
    /// The records the lookup ran against, when known.
    pub records: Option<Vec<Record>>,
    /// The look-back window and same-day policy.
    pub options: PrecheckOptions,
}

const LOOKUP_FIELDS: &str = "query, as_of, platform, records, options";

impl Lookup {
    /// Reads `{query, as_of: "YYYY-MM-DD", platform?, records?: [{invoice, status?,
    /// red_confirmation_pending?}], options?: {look_back_years?, same_day?}}`.
    ///
    /// # Errors
    /// `INP-02` wrong types or a bad `as_of` (the strict `YYYY-MM-DD` reader of
    /// [`crate::dates`]), `FND-25` unknown fields, `FND-46` a bad platform, `INP-05` an unknown
    /// option or same-day policy and `INP-02` a bad look-back (at `options.<key>`), and the errors of [`RawQuery::from_value`] (under
    /// `query`) and [`Record::from_value`] (under `records[i]`).
    pub fn from_value(v: &Value) -> Result<Lookup, Error> {
        let Value::Object(m) = v else {
            return Err(Error::new(INP_TYPE)
                .with("expected", "object")
                .with("found", json_type(v)));
        };
        if let Some(k) = m
            .keys()
            .find(|k| !LOOKUP_FIELDS.split(", ").any(|f| f == *k))
        {
            return Err(Error::new(UNKNOWN_FIELD)
                .with("field", shorten(k))
                .with("allowed", LOOKUP_FIELDS)
                .at(Path::field(k.clone())));
        }
        let query = RawQuery::from_value(m.get("query").unwrap_or(&Value::Null))
            .map_err(|e| e.under(&Path::field("query")))?;
        // The one strict date reader, as for every `as_of` of the API (a written form such as
        // `2024/11/26` is for what a person types into the query, not for today's date).
        let as_of = match m.get("as_of") {
            Some(Value::String(s)) => {
                crate::dates::read_day(s).map_err(|e| e.at(Path::field("as_of")))?
            }
            other => {
                return Err(Error::new(INP_TYPE)
                    .with("expected", "string")
                    .with("found", json_type(other.unwrap_or(&Value::Null)))
                    .at(Path::field("as_of")));
            }
        };
        let platform = match m.get("platform") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                Some(Platform::parse(s).map_err(|e| e.at(Path::field("platform")))?)
            }
            Some(other) => {
                return Err(Error::new(INP_TYPE)
                    .with("expected", "string")
                    .with("found", json_type(other))
                    .at(Path::field("platform")));
            }
        };
        let records = match m.get("records") {
            None | Some(Value::Null) => None,
            Some(Value::Array(a)) => Some(
                a.iter()
                    .enumerate()
                    .map(|(i, r)| {
                        Record::from_value(r).map_err(|e| e.under(&Path::field("records").index(i)))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            Some(other) => {
                return Err(Error::new(INP_TYPE)
                    .with("expected", "array")
                    .with("found", json_type(other))
                    .at(Path::field("records")));
            }
        };
        let options = match m.get("options") {
            None => PrecheckOptions::default(),
            Some(o) => PrecheckOptions::from_opts(&Opts::open(
                o,
                Path::field("options"),
                Keys::Snake,
                &["same_day", "look_back_years"],
            )?)?,
        };
        Ok(Lookup {
            query,
            as_of,
            platform,
            records,
            options,
        })
    }
}

/// The result of [`diagnose`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// The normalised query.
    pub query: Query,
    /// The corrections made to the input (also listed as findings).
    pub corrections: Vec<Correction>,
    /// Every reason found, in the order of the table in the module docs. Record findings carry
    /// the record's `index` as a param.
    pub findings: Vec<Error>,
    /// The indexes of the records with this code and number.
    pub matches: Vec<usize>,
}

fn element_kind_of(e: &Element) -> ElementKind {
    match e {
        Element::AmountExcludingTax(_) => ElementKind::AmountExcludingTax,
        Element::TotalIncludingTax(_) => ElementKind::TotalIncludingTax,
        Element::CarPrice(_) => ElementKind::CarPrice,
        Element::CheckCodeLast6(_) => ElementKind::CheckCodeLast6,
        Element::CheckCodeLast5(_) => ElementKind::CheckCodeLast5,
    }
}

fn element_names(k: ElementKind) -> (&'static str, &'static str) {
    match k {
        ElementKind::AmountExcludingTax => ("the amount excluding tax (金额)", "不含税金额"),
        ElementKind::TotalIncludingTax => ("the total including tax (价税合计)", "价税合计"),
        ElementKind::CarPrice => ("the car price (车价合计)", "车价合计"),
        ElementKind::CheckCodeLast6 => ("the last 6 digits of the check code", "校验码后6位"),
        ElementKind::CheckCodeLast5 => ("the last 5 digits of the check code", "校验码后5位"),
    }
}

fn first_field(e: &Error) -> String {
    match e.path().segments().first() {
        Some(Segment::Key(k)) => k.to_string(),
        _ => String::new(),
    }
}

fn has_error(errors: &[Error], field: &str) -> bool {
    errors.iter().any(|e| first_field(e) == field)
}

fn missing(field: &'static str) -> Error {
    Error::new(MISSING)
        .at(Path::field(field))
        .with("field", field)
        .with("field_zh", field_zh(field))
}

fn date_findings(out: &mut Vec<Error>, date: NaiveDate, as_of: NaiveDate, o: &PrecheckOptions) {
    let p = Path::field("date");
    if date > as_of {
        out.push(
            Error::new(FUTURE)
                .with("date", date)
                .with("as_of", as_of)
                .at(p),
        );
        return;
    }
    // The window and same-day rules are verify's; ask its precheck with a probe query.
    let probe = query::VerifyQuery {
        kind: Kind::DigitalOrdinary,
        code: None,
        number: String::new(),
        issue_date: date,
        element: Element::TotalIncludingTax(crate::money::Amount::ZERO),
        seller_tax_id: None,
    };
    match query::precheck(&probe, as_of, o) {
        Err(query::Outcome::TooOld { earliest }) => out.push(
            Error::new(TOO_OLD)
                .with("date", date)
                .with("earliest", earliest)
                .with("years", o.look_back_years)
                .at(p),
        ),
        Err(query::Outcome::NotYetVerifiable { from }) => out.push(
            Error::new(SAME_DAY)
                .with("date", date)
                .with("from", from)
                .at(p),
        ),
        _ => {
            // Defensive: precheck and this function agree on the same-day rule.
            if date == as_of && o.same_day == SameDay::NextDay {
                let from = as_of.checked_add_signed(Duration::days(1)).unwrap_or(as_of);
                out.push(
                    Error::new(SAME_DAY)
                        .with("date", date)
                        .with("from", from)
                        .at(p),
                );
            }
        }
    }
}

/// The 4-digit region of a query's code, or the region of its 数电 number: `(code, region)`,
/// `region` `None` for an unpublished 2-digit code.
fn invoice_region(q: &Query) -> Option<(String, Option<&'static Region>)> {
    if let Some(c) = &q.code
        && let Ok(code) = InvoiceCode::parse(c)
    {
        let r = code.region();
        return Some((r.code.to_string(), Some(r)));
    }
    let n = InvoiceNumber::parse(q.number.as_deref()?).ok()?;
    let d = n.digital()?;
    Some((d.region_code().to_string(), d.region()))
}

fn region_finding(q: &Query, platform: &Platform) -> Option<Error> {
    let (code, r) = invoice_region(q)?;
    let p = platform.region();
    let same = match r {
        Some(r) => r.code == p.code,
        // An unpublished 数电 code: not a province; unknown against a 计划单列市.
        None if p.separately_planned => return None,
        None => false,
    };
    if same {
        return None;
    }
    let field = if q.code.is_some() { "code" } else { "number" };
    Some(
        Error::new(REGION)
            .at(Path::field(field))
            .with("invoice_region", &code)
            .with("invoice_name", r.map_or("unpublished code", |r| r.en))
            .with("invoice_name_zh", r.map_or("未公布的代码", |r| r.zh))
            .with("platform_region", p.code)
            .with("platform_name", p.en)
            .with("platform_name_zh", p.zh),
    )
}

fn typo_finding(field: &'static str, typed: &str, stored: &str, t: &Typo, index: usize) -> Error {
    let base = |rule| {
        Error::new(rule)
            .at(Path::field(field))
            .with("field", field)
            .with("field_zh", field_zh(field))
            .with("typed", typed)
            .with("stored", stored)
    };
    match t {
        Typo::Digit {
            position,
            typed: a,
            stored: b,
        } => base(TYPO)
            .with("position", position)
            .with("typed_digit", a)
            .with("stored_digit", b)
            .with("index", index),
        Typo::Swap {
            position,
            typed: a,
            stored: b,
        } => base(SWAP)
            .with("position", position)
            .with("next", position.saturating_add(1))
            .with("typed_pair", a)
            .with("stored_pair", b)
            .with("index", index),
    }
}

fn numbers_of(r: &Record) -> impl Iterator<Item = &str> {
    std::iter::once(r.invoice.number.as_str()).chain(r.invoice.digital_number.as_deref())
}

/// The query's kind for the fifth-element check (see the module docs).
fn query_kind(q: &Query, matched: Option<&Record>) -> Option<Kind> {
    q.kind
        .or_else(|| matched.map(|r| r.invoice.kind))
        .or_else(|| {
            q.code
                .as_deref()
                .and_then(|c| InvoiceCode::parse(c).ok())
                .and_then(|c| c.kind())
        })
        .or_else(|| {
            q.number
                .as_deref()
                .filter(|n| n.len() == 20)
                .map(|_| Kind::DigitalOrdinary)
        })
}

fn record_findings(out: &mut Vec<Error>, q: &Query, records: &[Record], matches: &mut Vec<usize>) {
    let Some(number) = q.number.as_deref() else {
        return;
    };
    let code_ok = |r: &Record| q.code.is_none() || r.invoice.code == q.code;
    for (i, r) in records.iter().enumerate() {
        if numbers_of(r).any(|n| n == number) && code_ok(r) {
            matches.push(i);
        }
    }
    if matches.is_empty() {
        let mut near = 0usize;
        for (i, r) in records.iter().enumerate() {
            if near >= MAX_NEAR_MATCHES {
                break;
            }
            if code_ok(r)
                && let Some((stored, t)) =
                    numbers_of(r).find_map(|n| typo(number, n).map(|t| (n, t)))
            {
                out.push(typo_finding("number", number, stored, &t, i));
                near += 1;
                continue;
            }
            if let (Some(c), Some(rc)) = (q.code.as_deref(), r.invoice.code.as_deref())
                && numbers_of(r).any(|n| n == number)
                && let Some(t) = typo(c, rc)
            {
                out.push(typo_finding("code", c, rc, &t, i));
                near += 1;
            }
        }
        if near == 0 {
            out.push(Error::new(NOT_FOUND).with("count", records.len()));
        }
        return;
    }
    for &i in matches.iter() {
        let Some(r) = records.get(i) else { continue };
        let inv = &r.invoice;
        let shown = inv.number.as_str();
        let status = match r.status {
            RecordStatus::Normal => None,
            RecordStatus::Voided => Some(VOIDED),
            RecordStatus::RedFlushed => Some(RED_FLUSHED),
            RecordStatus::PartiallyRedFlushed => Some(PARTLY_RED_FLUSHED),
        };
        if let Some(rule) = status {
            out.push(Error::new(rule).with("number", shown).with("index", i));
        }
        if r.red_confirmation_pending {
            out.push(
                Error::new(RED_PENDING)
                    .with("number", shown)
                    .with("index", i),
            );
        }
        if let Some(b) = &q.buyer_tax_id {
            let stored = inv.buyer.tax_id.as_deref().map(compact_id);
            if stored.as_deref() != Some(b.as_str()) {
                out.push(
                    Error::new(OTHER_BUYER)
                        .at(Path::field("buyer_tax_id"))
                        .with("number", shown)
                        .with("stored", stored.unwrap_or_else(|| "(none)".into()))
                        .with("typed", b)
                        .with("index", i),
                );
            }
        }
        let mismatch = |field: &'static str, typed: String, stored: String| {
            Error::new(MISMATCH)
                .at(Path::field(field))
                .with("number", shown)
                .with("field", field)
                .with("field_zh", field_zh(field))
                .with("typed", typed)
                .with("stored", stored)
                .with("index", i)
        };
        if let Some(d) = q.date
            && d != inv.issue_date
        {
            out.push(mismatch("date", d.to_string(), inv.issue_date.to_string()));
        }
        if let Some(e) = &q.element
            && let Ok(vq) = query::build(inv, None)
            && element_kind_of(&vq.element) == element_kind_of(e)
            && vq.element != *e
        {
            out.push(mismatch(
                super::normalise::element_field(e),
                e.value(),
                vq.element.value(),
            ));
        }
    }
}

/// Diagnoses a lookup (see the module docs for the findings).
pub fn diagnose(lookup: &Lookup) -> Diagnosis {
    let n = normalise(&lookup.query);
    let q = n.query;
    let mut findings: Vec<Error> = n
        .corrections
        .iter()
        .map(|c| c.as_finding().clone())
        .collect();
    for e in &n.errors {
        let field = first_field(e);
        let zh = field_zh(&field);
        findings.push(
            Error::new(MALFORMED)
                .at(e.path().clone())
                .with("field", &field)
                .with("field_zh", zh)
                .caused_by(e)
                .with("code", e.code()),
        );
    }
    let errs = &n.errors;
    if q.number.is_none() && !has_error(errs, "number") {
        findings.push(missing("number"));
    }
    if q.code.is_none()
        && q.number.as_deref().is_some_and(|n| n.len() == 8)
        && !has_error(errs, "code")
    {
        findings.push(missing("code"));
    }
    if q.date.is_none() && !has_error(errs, "date") {
        findings.push(missing("date"));
    }
    let element_fields = ["amount", "total", "check_code"];
    if q.element.is_none()
        && !element_fields.iter().any(|f| has_error(errs, f))
        && !errs.iter().any(|e| e.code() == super::MANY_ELEMENTS.code)
    {
        findings.push(missing("element"));
    }
    if let Some(d) = q.date {
        date_findings(&mut findings, d, lookup.as_of, &lookup.options);
    }
    let mut matches = Vec::new();
    let mut record_out = Vec::new();
    if let Some(records) = &lookup.records {
        record_findings(&mut record_out, &q, records, &mut matches);
    }
    let matched = matches
        .first()
        .and_then(|i| lookup.records.as_ref().and_then(|r| r.get(*i)));
    if let (Some(e), Some(kind)) = (&q.element, query_kind(&q, matched)) {
        let want = element_kind(kind);
        let given = element_kind_of(e);
        if want != given {
            let (w_en, w_zh) = element_names(want);
            let (g_en, g_zh) = element_names(given);
            findings.push(
                Error::new(WRONG_ELEMENT)
                    .at(Path::field(super::normalise::element_field(e)))
                    .with("kind", kind.name_en())
                    .with("kind_zh", kind.name_zh())
                    .with("expected", w_en)
                    .with("expected_zh", w_zh)
                    .with("given", g_en)
                    .with("given_zh", g_zh),
            );
        }
    }
    if let Some(p) = &lookup.platform
        && let Some(f) = region_finding(&q, p)
    {
        findings.push(f);
    }
    findings.append(&mut record_out);
    Diagnosis {
        query: q,
        corrections: n.corrections,
        findings,
        matches,
    }
}
