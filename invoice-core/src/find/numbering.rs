//! 数电 invoice numbering (数电发票号码编制): build a 20-digit number from its parts and the next
//! number of a sequence.
//!
//! Layout (domain.md §2.4): positions 1–2 the last two digits of the year, 3–4 the region
//! (province code, or the unpublished code of a 计划单列市), 5 the issuing channel ("开具渠道等信息",
//! no published enumeration), 6–20 the sequence (顺序编码), zero-padded to 15 digits.
//!
//! What is refused, and why:
//!
//! - a year outside 2021–2099 (`FND-60`): 2-digit years `21`–`99` or 4-digit years; 数电 numbers
//!   start in 2021, the floor [`InvoiceNumber::parse`] applies, so every built number parses back;
//! - a region that is not 2 ASCII digits (`FND-61`). Any 2 digits are accepted, as
//!   [`InvoiceNumber::parse`] does: the codes of the 计划单列市 are not published (`94` occurs);
//! - a channel outside 0–9 (`FND-62`), a sequence that is not 1–15 ASCII digits (`FND-63`);
//! - a next number past 15 nines (`FND-64`) or of a legacy 8-digit number (`FND-65`).
//!
//! These are structural numbers for test data and for systems that assign their own; only the
//! tax system assigns real 数电 numbers (全国统一赋码).
//!
//! # Example
//!
//! ```
//! use invoice_core::find::numbering::{build_number, next_number, NumberParts};
//!
//! let parts = NumberParts { year: 2024, region: "31".into(), channel: 2, sequence: "358032546".into() };
//! assert_eq!(build_number(&parts)?, "24312000000358032546");
//! assert_eq!(next_number("24312000000358032546")?, "24312000000358032547");
//!
//! assert_eq!(next_number("24312999999999999999").unwrap_err().code(), "FND-64");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use super::{
    NUMBERING_CHANNEL, NUMBERING_LEGACY, NUMBERING_OVERFLOW, NUMBERING_REGION, NUMBERING_SEQUENCE,
    NUMBERING_YEAR,
};
use crate::error::{Error, Path};
use crate::money::shorten;
use crate::number::InvoiceNumber;

/// The parts of a 20-digit 数电 number.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberParts {
    /// The year: 2 digits (`24`) or 4 digits (`2024`), 2021–2099.
    pub year: u32,
    /// The 2-digit region code (`"31"`).
    pub region: String,
    /// The channel digit, 0–9.
    pub channel: u32,
    /// The sequence, 1 to 15 digits (zero-padded to 15).
    pub sequence: String,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Builds the 20-digit number of `parts`.
///
/// # Errors
/// `FND-60` year, `FND-61` region, `FND-62` channel, `FND-63` sequence, each at its field.
pub fn build_number(parts: &NumberParts) -> Result<String, Error> {
    let yy = match parts.year {
        21..=99 => parts.year,
        2021..=2099 => parts.year - 2000,
        _ => {
            return Err(Error::new(NUMBERING_YEAR)
                .with("value", parts.year)
                .at(Path::field("year")));
        }
    };
    if parts.region.len() != 2 || !all_digits(&parts.region) {
        return Err(Error::new(NUMBERING_REGION)
            .with("value", shorten(&parts.region))
            .at(Path::field("region")));
    }
    if parts.channel > 9 {
        return Err(Error::new(NUMBERING_CHANNEL)
            .with("value", parts.channel)
            .at(Path::field("channel")));
    }
    if parts.sequence.len() > 15 || !all_digits(&parts.sequence) {
        return Err(Error::new(NUMBERING_SEQUENCE)
            .with("value", shorten(&parts.sequence))
            .at(Path::field("sequence")));
    }
    Ok(format!(
        "{yy:02}{}{}{:0>15}",
        parts.region, parts.channel, parts.sequence
    ))
}

/// The parts of a 20-digit number (the inverse of [`build_number`], with a 4-digit year).
///
/// # Errors
/// The `NUM-` errors of [`InvoiceNumber::parse`]; `FND-65` for an 8-digit legacy number.
pub fn parts_of(number: &str) -> Result<NumberParts, Error> {
    let n = InvoiceNumber::parse(number)?;
    let d = n
        .digital()
        .ok_or_else(|| Error::new(NUMBERING_LEGACY).with("number", number))?;
    Ok(NumberParts {
        year: u32::try_from(d.year()).unwrap_or_default(),
        region: d.region_code().to_string(),
        channel: u32::from(d.channel()),
        sequence: d.sequence().to_string(),
    })
}

/// The next number of a sequence: the same year, region and channel, the sequence plus one.
///
/// # Errors
/// The `NUM-` errors of [`InvoiceNumber::parse`]; `FND-65` an 8-digit legacy number; `FND-64`
/// a sequence of 15 nines.
pub fn next_number(number: &str) -> Result<String, Error> {
    let parts = parts_of(number)?;
    let seq: u64 = parts.sequence.parse().unwrap_or(u64::MAX);
    let next = seq
        .checked_add(1)
        .filter(|n| *n <= 999_999_999_999_999)
        .ok_or_else(|| Error::new(NUMBERING_OVERFLOW).with("number", number))?;
    build_number(&NumberParts {
        sequence: next.to_string(),
        ..parts
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = NumberParts {
            year: 26,
            region: "94".into(),
            channel: 7,
            sequence: "1".into(),
        };
        let s = build_number(&p).unwrap();
        assert_eq!(s, "26947000000000000001");
        let back = parts_of(&s).unwrap();
        assert_eq!(back.year, 2026);
        assert_eq!(back.sequence, "000000000000001");
        assert_eq!(
            next_number("26947000000000000009").unwrap(),
            "26947000000000000010"
        );
        assert_eq!(next_number("04138864").unwrap_err().code(), "FND-65");
    }
}
