//! The 发票号码 (invoice number): 8-digit legacy numbers and 20-digit 数电 numbers.

use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::invoice_code::check_year;
use super::region::{Region, digital_region};
use super::{NUMBER_CHAR, NUMBER_LENGTH, PAD_LENGTH, check_ascii_digits};
use crate::error::Error;

/// Plausibility bounds for the year of a 数电 number. There is no clock: give `max_year` (the
/// current year) to reject numbers from the future.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NumberOptions {
    /// The latest plausible year (the caller's current year); `None` checks no upper bound.
    pub max_year: Option<i32>,
    /// The earliest plausible year (default 2021: the 数电 pilots began in 2021).
    pub min_year: i32,
}

impl NumberOptions {
    /// Reads `{max_year?, min_year?}` in the host's key convention.
    ///
    /// # Errors
    /// `INP-05` an unknown key, `INP-02` a year that is no integer 1–9999 (at the key).
    pub fn read<S: crate::model::Source>(
        v: S,
        keys: crate::options::Keys,
    ) -> Result<NumberOptions, Error> {
        let o =
            crate::options::Opts::open(v, crate::Path::root(), keys, &["max_year", "min_year"])?;
        let mut opts = NumberOptions {
            max_year: o.year("max_year")?,
            ..NumberOptions::default()
        };
        if let Some(y) = o.year("min_year")? {
            opts.min_year = y;
        }
        Ok(opts)
    }
}

impl Default for NumberOptions {
    fn default() -> Self {
        NumberOptions {
            max_year: None,
            min_year: 2021,
        }
    }
}

impl NumberOptions {
    /// The default floor with `max_year` as the latest plausible year.
    pub fn with_max_year(max_year: i32) -> Self {
        NumberOptions {
            max_year: Some(max_year),
            ..NumberOptions::default()
        }
    }
}

/// A 20-digit 数电 number, decoded: year (1–2), region (3–4), channel (5), sequence (6–20).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DigitalNumber {
    digits: String,
    year: i32,
}

impl DigitalNumber {
    /// The 20 digits.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The year (20YY, positions 1–2).
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The 2-digit region code (positions 3–4), as written.
    pub fn region_code(&self) -> &str {
        self.digits.get(2..4).unwrap_or_default()
    }

    /// The province the region code names; `None` for codes not published (the 计划单列市,
    /// e.g. `94`), which are accepted.
    pub fn region(&self) -> Option<&'static Region> {
        digital_region(self.region_code())
    }

    /// The channel digit (position 5, "开具渠道等信息"). Every digit is accepted: no enumeration
    /// is published. Observed values are 0, 2 and 7 (7 on a toll invoice from the ETC channel);
    /// their meanings are UNCONFIRMED.
    pub fn channel(&self) -> u8 {
        self.digits
            .as_bytes()
            .get(4)
            .map_or(0, |b| b.wrapping_sub(b'0'))
    }

    /// The sequence (positions 6–20, 15 digits, leading zeros kept).
    pub fn sequence(&self) -> &str {
        self.digits.get(5..).unwrap_or_default()
    }
}

/// A structurally valid 发票号码.
///
/// `Display` gives the digits, `Serialize` the decoded parts: `{number, format: "legacy8"}` or
/// `{number, format: "digital20", year, region: {code, zh, en, known}, channel, sequence}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum InvoiceNumber {
    /// An 8-digit legacy number (leading zeros are significant: `04138864`).
    Legacy8(String),
    /// A 20-digit 数电 number.
    Digital20(DigitalNumber),
}

impl InvoiceNumber {
    /// Parses a number with the default [`NumberOptions`] (no upper bound on the year).
    ///
    /// # Errors
    ///
    /// As [`InvoiceNumber::parse_with`].
    pub fn parse(s: &str) -> Result<InvoiceNumber, Error> {
        InvoiceNumber::parse_with(s, &NumberOptions::default())
    }

    /// Parses an 8- or 20-digit number. Strict: ASCII digits only, exactly 8 or 20 of them; a
    /// shorter legacy number must be padded first with [`pad_number`].
    ///
    /// # Errors
    ///
    /// `NUM-12` a character other than an ASCII digit, `NUM-11` neither 8 nor 20 digits, and for
    /// 20 digits `NUM-04` a year before `min_year` or `NUM-05` after `max_year`.
    pub fn parse_with(s: &str, opts: &NumberOptions) -> Result<InvoiceNumber, Error> {
        check_ascii_digits(s, NUMBER_CHAR)?;
        match s.len() {
            8 => Ok(InvoiceNumber::Legacy8(s.to_owned())),
            20 => {
                let yy: i32 = s.get(..2).and_then(|t| t.parse().ok()).unwrap_or(0);
                let year = 2000 + yy;
                check_year(year, opts.min_year, opts.max_year)?;
                Ok(InvoiceNumber::Digital20(DigitalNumber {
                    digits: s.to_owned(),
                    year,
                }))
            }
            n => Err(Error::new(NUMBER_LENGTH).with("len", n)),
        }
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        match self {
            InvoiceNumber::Legacy8(s) => s,
            InvoiceNumber::Digital20(d) => d.as_str(),
        }
    }

    /// A 20-digit 数电 number (globally unique on its own).
    pub fn is_digital(&self) -> bool {
        matches!(self, InvoiceNumber::Digital20(_))
    }

    /// The year of a 数电 number; `None` for a legacy number (it carries none).
    pub fn year(&self) -> Option<i32> {
        match self {
            InvoiceNumber::Legacy8(_) => None,
            InvoiceNumber::Digital20(d) => Some(d.year()),
        }
    }

    /// The decoded 数电 number, if it is one.
    pub fn digital(&self) -> Option<&DigitalNumber> {
        match self {
            InvoiceNumber::Legacy8(_) => None,
            InvoiceNumber::Digital20(d) => Some(d),
        }
    }
}

impl fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InvoiceNumber {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        InvoiceNumber::parse(s)
    }
}

impl AsRef<str> for InvoiceNumber {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

struct DigitalRegionView<'a>(&'a DigitalNumber);

impl Serialize for DigitalRegionView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0.region();
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", self.0.region_code())?;
        m.serialize_entry("zh", &r.map(|r| r.zh))?;
        m.serialize_entry("en", &r.map(|r| r.en))?;
        m.serialize_entry("known", &r.is_some())?;
        m.end()
    }
}

impl Serialize for InvoiceNumber {
    /// The decoded parts (see the type's doc).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("number", self.as_str())?;
        match self {
            InvoiceNumber::Legacy8(_) => m.serialize_entry("format", "legacy8")?,
            InvoiceNumber::Digital20(d) => {
                m.serialize_entry("format", "digital20")?;
                m.serialize_entry("year", &d.year())?;
                m.serialize_entry("region", &DigitalRegionView(d))?;
                m.serialize_entry("channel", &d.channel())?;
                m.serialize_entry("sequence", d.sequence())?;
            }
        }
        m.end()
    }
}

/// Left-pads a legacy 发票号码 of 1 to 8 digits with zeros to 8 digits (`"722838"` →
/// `"00722838"`), as verification APIs ask ("不满8位请左补0").
///
/// This is a separate normalising step, for input that lost its leading zeros (a spreadsheet
/// column read as a number); [`InvoiceNumber::parse`] itself never pads, because leading zeros
/// are significant.
///
/// ```
/// use invoice_core::number::pad_number;
///
/// assert_eq!(pad_number("722838").unwrap(), "00722838");
/// assert_eq!(pad_number("123456789").unwrap_err().code(), "NUM-13");
/// ```
///
/// # Errors
///
/// `NUM-12` a character other than an ASCII digit, `NUM-13` empty or more than 8 digits.
pub fn pad_number(s: &str) -> Result<String, Error> {
    check_ascii_digits(s, NUMBER_CHAR)?;
    if s.is_empty() || s.len() > 8 {
        return Err(Error::new(PAD_LENGTH).with("len", s.len()));
    }
    Ok(format!("{s:0>8}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digital_parts() {
        let n = InvoiceNumber::parse("24942000000012660383").unwrap();
        let d = n.digital().unwrap();
        assert_eq!(d.year(), 2024);
        assert_eq!(d.region_code(), "94");
        assert!(d.region().is_none());
        assert_eq!(d.channel(), 2);
        assert_eq!(d.sequence(), "000000012660383");
        assert_eq!(n.to_string(), "24942000000012660383");
        assert!(n.is_digital());
    }

    #[test]
    fn legacy_keeps_zeros() {
        let n = InvoiceNumber::parse("00722838").unwrap();
        assert_eq!(n.as_str(), "00722838");
        assert_eq!(n.year(), None);
        assert!(n.digital().is_none());
    }
}
