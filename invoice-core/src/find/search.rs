//! Search over many invoices (发票检索): a [`Filter`] applied to a slice of [`Record`]s.
//!
//! # Records and their status
//!
//! A [`Record`] is an [`Invoice`] with the status the platform reports for it, given as a
//! [`RecordStatus`] (`normal`, `voided`, `red_flushed`, `partially_red_flushed`: the states
//! 查验 shows, domain.md §4.3) plus a flag for a pending 红字发票信息确认单 (`02`/`03`, §9.4),
//! which the platform does not show but which explains a red invoice that has not appeared yet.
//! This one representation is used by search and diagnosis alike. [`Record::from_lifecycle`]
//! maps the lifecycle's seller state onto it (`issued` → normal, `voided`, `partially_reversed`,
//! `fully_reversed`; a draft or an invoice under review is not on the platform, so `None`).
//!
//! # Filter
//!
//! Every criterion given must hold (AND); absent criteria match everything:
//!
//! | field | matches |
//! |---|---|
//! | `number`, `number_match` | `exact` (default), `prefix`, or `typo`: exact or within one typo (one digit wrong, or two adjacent digits swapped); a 数电 paper invoice matches on its linked 数电 number too |
//! | `code`, `code_match` | the same on the 发票代码 |
//! | `date_from`, `date_to` | the issue date, both ends included |
//! | `kinds` | one of these kinds |
//! | `statuses` | one of these statuses |
//! | `red_confirmation_pending` | the flag |
//! | `seller_tax_id`, `buyer_tax_id` | equal after compacting and upper-casing |
//! | `seller_name`, `buyer_name` | a fragment of the name (case-insensitive, full-width folded) |
//! | `total_min`, `total_max` | 价税合计 within the range, both ends included (exact decimals; an invoice without totals does not match) |
//!
//! Hits come in a stable order: exact matches before prefix matches before typo matches (on the
//! number, then the code), then by index. Each [`Hit`] says how it matched.
//!
//! # Errors
//!
//! `FND-50` a number or code that is not digits, `FND-51` a range whose start is after its end,
//! `INP-03` a filter that does not read (unknown field, wrong type).
//!
//! # Example
//!
//! ```
//! use invoice_core::find::search::{search, Filter, Record, TextMatch};
//! use invoice_core::model::Invoice;
//!
//! let inv = Invoice::from_json(r#"{"kind": "digital_ordinary", "number": "24312000000358032546",
//!   "issue_date": "2024-11-18", "seller": {"name": "S"}, "buyer": {"name": "B"}, "lines": []}"#)?;
//! let records = [Record::new(inv)];
//! let filter = Filter {
//!     number: Some("24312000000358032456".into()), // 5 and 4 swapped
//!     number_match: TextMatch::Typo,
//!     ..Filter::default()
//! };
//! let hits = search(&records, &filter)?;
//! assert_eq!(hits[0].index, 0);
//!
//! let bad = Filter { number: Some("2431-2000".into()), ..Filter::default() };
//! assert_eq!(search(&records, &bad).unwrap_err().code(), "FND-50");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use chrono::NaiveDate;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::normalise::half_width;
use super::{FILTER_DIGITS, FILTER_RANGE};
use crate::error::{Error, Path};
use crate::error::{INP_JSON, INP_TYPE, INP_UNKNOWN_OPTION};
use crate::lifecycle::{Lifecycle, SellerState};
use crate::model::Invoice;
use crate::money::{Amount, shorten};
use crate::number::Kind;
use crate::verify::query::RecordStatus;

/// An invoice and its status (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The invoice.
    pub invoice: Invoice,
    /// Its status on the platform.
    pub status: RecordStatus,
    /// A 红字发票信息确认单 waits for the other party (`02`/`03`).
    pub red_confirmation_pending: bool,
}

impl Record {
    /// A normal record with nothing pending.
    pub fn new(invoice: Invoice) -> Record {
        Record {
            invoice,
            status: RecordStatus::Normal,
            red_confirmation_pending: false,
        }
    }

    /// The record of an invoice whose lifecycle is known; `None` before it is issued.
    pub fn from_lifecycle(invoice: Invoice, lc: &Lifecycle) -> Option<Record> {
        let status = status_of(lc.seller_state())?;
        let pending = lc.slips().iter().any(|s| s.state.is_pending());
        Some(Record {
            invoice,
            status,
            red_confirmation_pending: pending,
        })
    }

    /// Reads `{invoice, status?, red_confirmation_pending?}`.
    ///
    /// # Errors
    /// `INP-02` not an object or a wrong type; the model's errors under `invoice`; `INP-05` an
    /// unknown status.
    pub fn from_value(v: &Value) -> Result<Record, Error> {
        let Value::Object(m) = v else {
            return Err(Error::new(INP_TYPE)
                .with("expected", "object")
                .with("found", super::normalise::json_type(v)));
        };
        let inv_v = m.get("invoice").unwrap_or(&Value::Null);
        let invoice = Invoice::from_value(inv_v).map_err(|e| e.under(&Path::field("invoice")))?;
        let status = match m.get("status") {
            None | Some(Value::Null) => RecordStatus::Normal,
            Some(s) => serde_json::from_value(s.clone()).map_err(|_| {
                Error::new(INP_UNKNOWN_OPTION)
                    .with("value", shorten(&s.to_string()))
                    .with(
                        "allowed",
                        "normal, voided, red_flushed, partially_red_flushed",
                    )
                    .at(Path::field("status"))
            })?,
        };
        let pending = match m.get("red_confirmation_pending") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                return Err(Error::new(INP_TYPE)
                    .with("expected", "boolean")
                    .with("found", super::normalise::json_type(other))
                    .at(Path::field("red_confirmation_pending")));
            }
        };
        Ok(Record {
            invoice,
            status,
            red_confirmation_pending: pending,
        })
    }
}

/// The platform status of a seller state; `None` before issue.
pub fn status_of(state: SellerState) -> Option<RecordStatus> {
    match state {
        SellerState::Issued => Some(RecordStatus::Normal),
        SellerState::Voided => Some(RecordStatus::Voided),
        SellerState::PartiallyReversed => Some(RecordStatus::PartiallyRedFlushed),
        SellerState::FullyReversed => Some(RecordStatus::RedFlushed),
        SellerState::Draft
        | SellerState::PendingReview
        | SellerState::Approved
        | SellerState::Rejected => None,
    }
}

/// How a number or code criterion is matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextMatch {
    /// Equal.
    #[default]
    Exact,
    /// Starts with the text.
    Prefix,
    /// Equal, or one digit wrong, or two adjacent digits swapped.
    Typo,
}

/// A search filter (see the module docs). Serde: the field names below, dates `YYYY-MM-DD`,
/// amounts as decimal strings, kinds and statuses snake_case; unknown fields are refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Filter {
    /// 发票号码 (digits).
    pub number: Option<String>,
    /// How `number` matches.
    pub number_match: TextMatch,
    /// 发票代码 (digits).
    pub code: Option<String>,
    /// How `code` matches.
    pub code_match: TextMatch,
    /// Issued on or after.
    pub date_from: Option<NaiveDate>,
    /// Issued on or before.
    pub date_to: Option<NaiveDate>,
    /// One of these kinds (empty: any).
    pub kinds: Vec<Kind>,
    /// One of these statuses (empty: any).
    pub statuses: Vec<RecordStatus>,
    /// The pending-slip flag.
    pub red_confirmation_pending: Option<bool>,
    /// The seller's tax id.
    pub seller_tax_id: Option<String>,
    /// A fragment of the seller's name.
    pub seller_name: Option<String>,
    /// The buyer's tax id.
    pub buyer_tax_id: Option<String>,
    /// A fragment of the buyer's name.
    pub buyer_name: Option<String>,
    /// 价税合计 at least.
    pub total_min: Option<Amount>,
    /// 价税合计 at most.
    pub total_max: Option<Amount>,
}

impl Filter {
    /// Reads a filter from JSON and checks it.
    ///
    /// # Errors
    /// `INP-02` at `date_from` / `date_to` for text that is not a `YYYY-MM-DD` date
    /// ([`crate::dates::read_day`]); `INP-03` a filter that does not read otherwise; the errors
    /// of [`Filter::check`].
    pub fn from_value(v: &Value) -> Result<Filter, Error> {
        // Dates through the core's one date reader, at their field.
        for key in ["date_from", "date_to"] {
            if let Some(Value::String(s)) = v.get(key) {
                crate::dates::read_day(s).map_err(|e| e.at(Path::field(key)))?;
            }
        }
        let f: Filter = serde_json::from_value(v.clone())
            .map_err(|e| Error::new(INP_JSON).with("reason", shorten(&e.to_string())))?;
        f.check()?;
        Ok(f)
    }

    /// Checks the criteria.
    ///
    /// # Errors
    /// `FND-50` at `number`/`code` for text that is not digits, `FND-51` at `date_from` /
    /// `total_min` for an empty range.
    pub fn check(&self) -> Result<(), Error> {
        for (field, v) in [("number", &self.number), ("code", &self.code)] {
            if let Some(s) = v
                && !s.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(Error::new(FILTER_DIGITS)
                    .with("value", shorten(s))
                    .at(Path::field(field)));
            }
        }
        if let (Some(a), Some(b)) = (self.date_from, self.date_to)
            && a > b
        {
            return Err(Error::new(FILTER_RANGE)
                .with("from", a)
                .with("to", b)
                .at(Path::field("date_from")));
        }
        if let (Some(a), Some(b)) = (self.total_min, self.total_max)
            && a > b
        {
            return Err(Error::new(FILTER_RANGE)
                .with("from", a)
                .with("to", b)
                .at(Path::field("total_min")));
        }
        Ok(())
    }
}

/// One typo between what was typed and what is stored (positions from 1).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Typo {
    /// One digit differs.
    Digit {
        /// The position.
        position: usize,
        /// The digit typed.
        typed: char,
        /// The digit stored.
        stored: char,
    },
    /// Two adjacent digits are swapped, at `position` and `position + 1`.
    Swap {
        /// The first position.
        position: usize,
        /// The pair typed.
        typed: String,
        /// The pair stored.
        stored: String,
    },
}

/// The one typo that turns `stored` into `typed`, if they differ by exactly one (same length:
/// one character wrong, or two adjacent characters swapped).
pub fn typo(typed: &str, stored: &str) -> Option<Typo> {
    let a: Vec<char> = typed.chars().collect();
    let b: Vec<char> = stored.chars().collect();
    if a.len() != b.len() {
        return None;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
    match diff.as_slice() {
        [i] => Some(Typo::Digit {
            position: i + 1,
            typed: *a.get(*i)?,
            stored: *b.get(*i)?,
        }),
        [i, j] if *j == i + 1 && a.get(*i) == b.get(*j) && a.get(*j) == b.get(*i) => {
            Some(Typo::Swap {
                position: i + 1,
                typed: [*a.get(*i)?, *a.get(*j)?].iter().collect(),
                stored: [*b.get(*i)?, *b.get(*j)?].iter().collect(),
            })
        }
        _ => None,
    }
}

/// How one criterion matched.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum How {
    /// Equal.
    Exact,
    /// A prefix.
    Prefix,
    /// Within one typo of the stored value (the stored value and the typo).
    Typo {
        /// The stored value.
        stored: String,
        /// The typo.
        typo: Typo,
    },
}

impl How {
    fn rank(&self) -> u8 {
        match self {
            How::Exact => 0,
            How::Prefix => 1,
            How::Typo { .. } => 2,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            How::Exact => "exact",
            How::Prefix => "prefix",
            How::Typo { .. } => "typo",
        }
    }
}

/// One search result: the index of the record and how its number and code matched (`None`
/// when the filter had no such criterion).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The index in the records given.
    pub index: usize,
    /// How the number matched.
    pub number: Option<How>,
    /// How the code matched.
    pub code: Option<How>,
}

impl Serialize for Hit {
    /// `{index, number: "exact"|"prefix"|"typo"|null, code: …, typos: [{field, value, kind,
    /// position, typed, stored}]}`: `typos` lists the typo matches, each with the stored
    /// `value`, the typo `kind` (`digit` or `swap`), its `position` from 1 and the `typed` and
    /// `stored` digit or pair.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct T<'a> {
            field: &'static str,
            value: &'a str,
            #[serde(flatten)]
            typo: &'a Typo,
        }
        let mut typos = Vec::new();
        for (field, h) in [("number", &self.number), ("code", &self.code)] {
            if let Some(How::Typo { stored, typo }) = h {
                typos.push(T {
                    field,
                    value: stored,
                    typo,
                });
            }
        }
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("index", &self.index)?;
        m.serialize_entry("number", &self.number.as_ref().map(How::name))?;
        m.serialize_entry("code", &self.code.as_ref().map(How::name))?;
        m.serialize_entry("typos", &typos)?;
        m.end()
    }
}

fn match_text<'a>(
    typed: &str,
    how: TextMatch,
    stored: impl Iterator<Item = &'a str> + Clone,
) -> Option<How> {
    if stored.clone().any(|s| s == typed) {
        return Some(How::Exact);
    }
    match how {
        TextMatch::Exact => None,
        TextMatch::Prefix => stored
            .clone()
            .any(|s| s.starts_with(typed))
            .then_some(How::Prefix),
        TextMatch::Typo => stored.clone().find_map(|s| {
            typo(typed, s).map(|t| How::Typo {
                stored: s.to_string(),
                typo: t,
            })
        }),
    }
}

pub(crate) fn compact_id(s: &str) -> String {
    half_width(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase()
}

fn fold(s: &str) -> String {
    half_width(s).trim().to_lowercase()
}

fn id_is(stored: Option<&str>, wanted: &Option<String>) -> bool {
    match wanted {
        None => true,
        Some(w) => stored.is_some_and(|s| compact_id(s) == compact_id(w)),
    }
}

fn name_has(stored: &str, wanted: &Option<String>) -> bool {
    match wanted {
        None => true,
        Some(w) => fold(stored).contains(&fold(w)),
    }
}

/// The hit of one record, if it matches.
fn hit(index: usize, r: &Record, f: &Filter) -> Option<Hit> {
    let inv = &r.invoice;
    let number = match &f.number {
        None => None,
        Some(n) => Some(match_text(
            n,
            f.number_match,
            std::iter::once(inv.number.as_str()).chain(inv.digital_number.as_deref()),
        )?),
    };
    let code = match &f.code {
        None => None,
        Some(c) => Some(match_text(
            c,
            f.code_match,
            inv.code.as_deref().into_iter(),
        )?),
    };
    let in_dates = f.date_from.is_none_or(|d| inv.issue_date >= d)
        && f.date_to.is_none_or(|d| inv.issue_date <= d);
    let in_kinds = f.kinds.is_empty() || f.kinds.contains(&inv.kind);
    let in_status = f.statuses.is_empty() || f.statuses.contains(&r.status);
    let pending = f
        .red_confirmation_pending
        .is_none_or(|p| p == r.red_confirmation_pending);
    let parties = id_is(inv.seller.tax_id.as_deref(), &f.seller_tax_id)
        && id_is(inv.buyer.tax_id.as_deref(), &f.buyer_tax_id)
        && name_has(&inv.seller.name, &f.seller_name)
        && name_has(&inv.buyer.name, &f.buyer_name);
    let total = inv.totals.as_ref().map(|t| t.total);
    let in_total = (f.total_min.is_none() && f.total_max.is_none())
        || total.is_some_and(|t| {
            f.total_min.is_none_or(|m| t >= m) && f.total_max.is_none_or(|m| t <= m)
        });
    (in_dates && in_kinds && in_status && pending && parties && in_total).then_some(Hit {
        index,
        number,
        code,
    })
}

/// The records matching `filter`, in a stable order (see the module docs).
///
/// # Errors
/// The errors of [`Filter::check`].
pub fn search(records: &[Record], filter: &Filter) -> Result<Vec<Hit>, Error> {
    filter.check()?;
    let mut hits: Vec<Hit> = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| hit(i, r, filter))
        .collect();
    hits.sort_by_key(|h| {
        (
            h.number.as_ref().map_or(0, How::rank),
            h.code.as_ref().map_or(0, How::rank),
            h.index,
        )
    });
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos() {
        assert_eq!(
            typo("12345678", "12345679"),
            Some(Typo::Digit {
                position: 8,
                typed: '8',
                stored: '9'
            })
        );
        assert_eq!(
            typo("12435678", "12345678"),
            Some(Typo::Swap {
                position: 3,
                typed: "43".into(),
                stored: "34".into()
            })
        );
        assert_eq!(typo("12345678", "12345678"), None);
        assert_eq!(typo("12345678", "21345687"), None);
        assert_eq!(typo("1234", "12345"), None);
    }
}
