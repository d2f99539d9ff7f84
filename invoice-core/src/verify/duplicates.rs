//! Duplicate detection (发票查重, 重复报销): the identity key of an invoice and a batch finder.
//!
//! The identity of an invoice (domain.md §9.6, §2.3–§2.4):
//!
//! - legacy kinds: (发票代码, 发票号码), key text `legacy:<code>:<number>`;
//! - 数电 kinds: the 20-digit 发票号码 alone (全国统一赋码), key text `digital:<number>`;
//! - 数电 paper invoices carry both (paper code + number and the linked 数电 number): they have
//!   two keys and match another item on **either**.
//!
//! [`find_duplicates`] takes a list mixing invoices, QR texts and bare numbers (the forms in
//! which a second copy of the same invoice arrives: PDF/OFD/XML read into the model, a scanned
//! QR, a number typed in) and returns groups of input indexes that share a key, each group in
//! ascending order and the groups ordered by their first index. An item that cannot be read
//! gets an error of its own (with its index) and does not stop the batch.
//!
//! A bare number is either a 20-digit 数电 number or a 10/12-digit code and an 8-digit number
//! separated by spaces, a comma, a hyphen, `/` or `:` (`3100171320 40184419`). An 8-digit
//! number alone is not an identity (`VER-23`).
//!
//! # Example
//!
//! ```
//! use invoice_core::verify::duplicates::{self, Item};
//!
//! let items = vec![
//!     Item::Qr("01,04,1100174320,40184419,329.25,20180512,82190984023325258452,8E15,".into()),
//!     Item::Number("24312000000358032546".into()),
//!     Item::Number("1100174320-40184419".into()),
//!     Item::Number("40184419".into()),
//! ];
//! let report = duplicates::find_duplicates(&items);
//! assert_eq!(report.groups, vec![vec![0, 2]]);
//! assert_eq!(report.errors[0].index, 3);
//! assert_eq!(report.errors[0].error.code(), "VER-23");
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::qr;
use super::{BARE_NUMBER, ITEM_SHAPE, NO_CODE, NUMBER_FOR_KIND};
use crate::error::{Error, Path};
use crate::model::Invoice;
use crate::money::shorten;
use crate::number::{InvoiceCode, InvoiceNumber, Numbering};

/// The identity of an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DedupeKey {
    /// (发票代码, 发票号码) of a legacy or paper invoice.
    Legacy {
        /// 发票代码.
        code: String,
        /// 发票号码 (8 digits).
        number: String,
    },
    /// A 20-digit 数电 number.
    Digital {
        /// 发票号码.
        number: String,
    },
}

impl fmt::Display for DedupeKey {
    /// `legacy:<code>:<number>` or `digital:<number>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DedupeKey::Legacy { code, number } => write!(f, "legacy:{code}:{number}"),
            DedupeKey::Digital { number } => write!(f, "digital:{number}"),
        }
    }
}

impl Serialize for DedupeKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn legacy_key(code: &str, number: &str, path: &Path) -> Result<DedupeKey, Error> {
    InvoiceCode::parse(code).map_err(|e| e.under(&path.clone().key("code")))?;
    let n = InvoiceNumber::parse(number).map_err(|e| e.under(&path.clone().key("number")))?;
    if n.is_digital() {
        return Err(Error::new(NUMBER_FOR_KIND)
            .with("kind", "legacy")
            .with("expected", 8)
            .with("value", shorten(number))
            .at(path.clone().key("number")));
    }
    Ok(DedupeKey::Legacy {
        code: code.to_string(),
        number: number.to_string(),
    })
}

fn digital_key(number: &str, path: &Path) -> Result<DedupeKey, Error> {
    let n = InvoiceNumber::parse(number).map_err(|e| e.under(path))?;
    if !n.is_digital() {
        return Err(Error::new(NUMBER_FOR_KIND)
            .with("kind", "digital")
            .with("expected", 20)
            .with("value", shorten(number))
            .at(path.clone()));
    }
    Ok(DedupeKey::Digital {
        number: number.to_string(),
    })
}

/// The keys of an invoice: one, or two for a 数电 paper invoice with its linked 数电 number.
///
/// # Errors
/// `VER-18` a legacy kind without a code; the `NUM-` errors of a code or number that does not
/// parse (at `code`, `number`, `digital_number`); `VER-11` a number of the wrong length.
pub fn keys_of(inv: &Invoice) -> Result<Vec<DedupeKey>, Error> {
    let root = Path::root();
    match inv.kind.numbering() {
        Numbering::Digital => Ok(vec![digital_key(&inv.number, &Path::field("number"))?]),
        Numbering::CodeAndNumber | Numbering::PaperWithDigital => {
            let code = inv.code.as_deref().ok_or_else(|| {
                Error::new(NO_CODE)
                    .with("kind", inv.kind)
                    .at(Path::field("code"))
            })?;
            let mut keys = vec![legacy_key(code, &inv.number, &root)?];
            if let Some(d) = &inv.digital_number {
                keys.push(digital_key(d, &Path::field("digital_number"))?);
            }
            Ok(keys)
        }
    }
}

/// The key of a QR text.
///
/// # Errors
/// The errors of [`qr::parse`]; `VER-25` for a URL other than a blockchain one; a blockchain URL
/// has no code, so it has no key either (`VER-25`).
pub fn key_of_qr(text: &str) -> Result<DedupeKey, Error> {
    let q = qr::parse_invoice(text)?;
    Ok(match q.code {
        Some(code) => DedupeKey::Legacy {
            code,
            number: q.number,
        },
        None => DedupeKey::Digital { number: q.number },
    })
}

/// The key of a bare number: 20 digits, or a code and an 8-digit number with a separator.
///
/// # Errors
/// `VER-23` anything else (including an 8-digit number alone); the `NUM-` errors of a code or
/// number that does not parse.
pub fn key_of_number(text: &str) -> Result<DedupeKey, Error> {
    let t = text.trim();
    let bad = || Error::new(BARE_NUMBER).with("value", shorten(t));
    if t.len() == 20 && t.bytes().all(|b| b.is_ascii_digit()) {
        return digital_key(t, &Path::root());
    }
    let parts: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/' | ':'))
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [code, number]
            if matches!(code.len(), 10 | 12)
                && number.len() == 8
                && code
                    .bytes()
                    .chain(number.bytes())
                    .all(|b| b.is_ascii_digit()) =>
        {
            legacy_key(code, number, &Path::root())
        }
        _ => Err(bad()),
    }
}

/// One item of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// An invoice read into the model.
    Invoice(Box<Invoice>),
    /// A scanned QR text.
    Qr(String),
    /// A bare number (see [`key_of_number`]).
    Number(String),
}

impl Item {
    /// Reads an item from JSON: `{"invoice": {...}}`, `{"qr": "..."}`, `{"number": "..."}`, or a
    /// string (a QR text when it contains a comma or starts with `http`, else a bare number).
    ///
    /// # Errors
    /// `VER-24` another shape; the model's errors for an invoice that does not read (under
    /// `invoice`).
    pub fn from_value(v: &Value) -> Result<Item, Error> {
        match v {
            Value::String(s) => Ok(if s.contains(',') || s.trim_start().starts_with("http") {
                Item::Qr(s.clone())
            } else {
                Item::Number(s.clone())
            }),
            Value::Object(m) if m.len() == 1 => {
                if let Some(inv) = m.get("invoice") {
                    Invoice::from_value(inv)
                        .map(|i| Item::Invoice(Box::new(i)))
                        .map_err(|e| e.under(&Path::field("invoice")))
                } else if let Some(Value::String(s)) = m.get("qr") {
                    Ok(Item::Qr(s.clone()))
                } else if let Some(Value::String(s)) = m.get("number") {
                    Ok(Item::Number(s.clone()))
                } else {
                    Err(Error::new(ITEM_SHAPE).with("found", "an object of another shape"))
                }
            }
            other => Err(Error::new(ITEM_SHAPE).with("found", json_type(other))),
        }
    }

    /// The keys of this item.
    ///
    /// # Errors
    /// As [`keys_of`], [`key_of_qr`] and [`key_of_number`].
    pub fn keys(&self) -> Result<Vec<DedupeKey>, Error> {
        match self {
            Item::Invoice(inv) => keys_of(inv),
            Item::Qr(t) => key_of_qr(t).map(|k| vec![k]),
            Item::Number(t) => key_of_number(t).map(|k| vec![k]),
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// An item that could not be read, by its index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemError {
    /// Index in the input list.
    pub index: usize,
    /// What went wrong.
    pub error: Error,
}

/// The result of [`find_duplicates`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DuplicateReport {
    /// Groups of indexes of items that are the same invoice (each ascending, ordered by first
    /// index; only groups of two or more).
    pub groups: Vec<Vec<usize>>,
    /// Items that could not be read, in index order.
    pub errors: Vec<ItemError>,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = gp;
        }
        i = p;
    }
    i
}

/// Finds items that are the same invoice. Items are joined when they share any key, so a 数电
/// paper invoice links its paper-number copies with its 数电-number copies.
pub fn find_duplicates(items: &[Item]) -> DuplicateReport {
    group(items.iter().map(Item::keys))
}

/// [`find_duplicates`] over JSON items (see [`Item::from_value`]); an item of the wrong shape is
/// an error of its own.
pub fn find_duplicates_json(items: &[Value]) -> DuplicateReport {
    group(
        items
            .iter()
            .map(|v| Item::from_value(v).and_then(|i| i.keys())),
    )
}

/// [`find_duplicates`] over items the caller read itself: an item it could not read is given as
/// its error and reported under its index, like an unreadable JSON item. For bindings that hold
/// invoices already read (no round trip through JSON).
pub fn find_duplicates_read(
    items: impl IntoIterator<Item = Result<Item, Error>>,
) -> DuplicateReport {
    group(items.into_iter().map(|r| r.and_then(|i| i.keys())))
}

fn group(keys: impl Iterator<Item = Result<Vec<DedupeKey>, Error>>) -> DuplicateReport {
    let mut report = DuplicateReport::default();
    let mut first_of: BTreeMap<DedupeKey, usize> = BTreeMap::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut ok: Vec<bool> = Vec::new();
    for (index, k) in keys.enumerate() {
        parent.push(index);
        match k {
            Err(error) => {
                ok.push(false);
                report.errors.push(ItemError { index, error });
            }
            Ok(keys) => {
                ok.push(true);
                for key in keys {
                    match first_of.get(&key) {
                        Some(&other) => {
                            let (a, b) = (find(&mut parent, index), find(&mut parent, other));
                            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                            if let Some(slot) = parent.get_mut(hi) {
                                *slot = lo;
                            }
                        }
                        None => {
                            first_of.insert(key, index);
                        }
                    }
                }
            }
        }
    }
    // Keyed by each group's first (smallest) index, so the groups come out in input order
    // without a sort.
    let mut first_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..parent.len() {
        if ok.get(i).copied().unwrap_or(false) {
            let root = find(&mut parent, i);
            let first = *first_of.entry(root).or_insert(i);
            groups.entry(first).or_default().push(i);
        }
    }
    report.groups = groups.into_values().filter(|g| g.len() > 1).collect();
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Items read by the caller group exactly as the same items read from JSON, and an item the
    /// caller could not read is reported with its own error under its index.
    #[test]
    fn read_items_group_as_json_items() {
        let qr = "01,32,,24312000000358032546,100.00,20241118,,ABCD,";
        let json_items = [
            json!(qr),
            json!({"shape": "wrong"}),
            json!("24312000000358032546"),
        ];
        let from_json = find_duplicates_json(&json_items);
        let refused = crate::Error::new(crate::error::INP_TYPE).with("expected", "item");
        let read = find_duplicates_read([
            Item::from_value(&json_items[0]),
            Err(refused.clone()),
            Item::from_value(&json_items[2]),
        ]);
        assert_eq!(read.groups, vec![vec![0, 2]]);
        assert_eq!(read.groups, from_json.groups);
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.errors[0].index, 1);
        assert_eq!(read.errors[0].error, refused);
    }
}
