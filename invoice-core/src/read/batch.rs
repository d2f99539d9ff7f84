//! Reading many files at once and telling which are copies of one invoice (the OFD, the XML and
//! the QR text of one invoice often arrive together): files whose readings share an identity
//! key ([`crate::verify::duplicates`]) are one invoice. Copies whose figures differ are flagged:
//! two different documents under one number are a problem, not a copy.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Reading, read};
use crate::error::Error;
use crate::money::Amount;
use crate::verify::duplicates::DedupeKey;

/// One file's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileReading {
    /// The name the caller gave (a path, usually).
    pub name: String,
    /// The reading, when the file is an invoice file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
    /// The error, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Error>,
}

/// Files that hold the same invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CopyGroup {
    /// The identity they share.
    pub key: DedupeKey,
    /// Their indexes in [`Batch::files`], in input order.
    pub files: Vec<usize>,
    /// False when the copies' figures (合计金额, 税额, 价税合计, or the QR amount) differ:
    /// not copies of one document but two documents under one number.
    pub consistent: bool,
}

/// What [`read_many`] returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Batch {
    /// One entry per input, in order.
    pub files: Vec<FileReading>,
    /// Groups of two or more files holding one invoice.
    pub copies: Vec<CopyGroup>,
}

impl Batch {
    /// For each file, the index of the first file it is a copy of (`None` for a first copy or
    /// a file in no group).
    pub fn copy_of(&self) -> Vec<Option<usize>> {
        let mut out = vec![None; self.files.len()];
        for g in &self.copies {
            if let Some((&first, rest)) = g.files.split_first() {
                for &i in rest {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = Some(first);
                    }
                }
            }
        }
        out
    }
}

/// The figures a copy must agree on: (合计金额, 税额, 价税合计) or the QR's amount.
fn figures(r: &Reading) -> (Option<Amount>, Option<Amount>, Option<Amount>) {
    if let Some(t) = r.invoice.as_ref().and_then(|i| i.totals.as_ref()) {
        return (Some(t.amount), Some(t.tax), Some(t.total));
    }
    (None, None, None)
}

fn agree(a: &Reading, b: &Reading) -> bool {
    use crate::verify::qr::{AmountMeaning, Payload};
    let (fa, fb) = (figures(a), figures(b));
    if fa.0.is_some() && fb.0.is_some() {
        return fa == fb;
    }
    // One side is a bare QR: its amount against the other's matching figure.
    let qr_amount = |r: &Reading| match r.qr.as_ref().and_then(|q| q.payload.as_ref()) {
        Some(Payload::Invoice(q)) => Some((q.amount, q.amount_meaning)),
        _ => None,
    };
    let check = |qr: Option<(Amount, AmountMeaning)>,
                 f: (Option<Amount>, Option<Amount>, Option<Amount>)| {
        match qr {
            Some((amt, AmountMeaning::AmountExcludingTax)) => f.0.is_none_or(|x| x == amt),
            Some((amt, AmountMeaning::TotalIncludingTax)) => f.2.is_none_or(|x| x == amt),
            // A blockchain payload's amount may be either figure (its meaning is undocumented).
            Some((amt, AmountMeaning::Unconfirmed)) => {
                (f.0.is_none() && f.2.is_none()) || f.0 == Some(amt) || f.2 == Some(amt)
            }
            None => true,
        }
    };
    check(qr_amount(a), fb) && check(qr_amount(b), fa)
}

/// Reads every file and groups the copies. `files` are (name, bytes) pairs; names are only
/// carried through (the core opens nothing).
pub fn read_many<N: AsRef<str>, B: AsRef<[u8]>>(files: &[(N, B)]) -> Batch {
    let files: Vec<FileReading> = files
        .iter()
        .map(|(name, bytes)| match read(bytes.as_ref()) {
            Ok(r) => FileReading {
                name: name.as_ref().to_string(),
                reading: Some(r),
                error: None,
            },
            Err(e) => FileReading {
                name: name.as_ref().to_string(),
                reading: None,
                error: Some(e),
            },
        })
        .collect();
    let copies = group(&files);
    Batch { files, copies }
}

/// Groups files by shared keys (a file with two keys, a 数电 paper invoice, joins both).
pub(crate) fn group(files: &[FileReading]) -> Vec<CopyGroup> {
    let mut by_key: BTreeMap<DedupeKey, Vec<usize>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        if let Some(r) = &f.reading {
            for k in r.keys() {
                let v = by_key.entry(k).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
    }
    by_key
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(key, files_in)| {
            let readings: Vec<&Reading> = files_in
                .iter()
                .filter_map(|&i| files.get(i).and_then(|f| f.reading.as_ref()))
                .collect();
            let consistent = readings
                .iter()
                .enumerate()
                .all(|(i, a)| readings.iter().skip(i + 1).all(|b| agree(a, b)));
            CopyGroup {
                key,
                files: files_in,
                consistent,
            }
        })
        .collect()
}
