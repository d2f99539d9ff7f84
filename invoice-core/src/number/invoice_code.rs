//! The 发票代码 (invoice code): 10-digit legacy codes and 12-digit codes, decoded structurally.

use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::region::{Region, region, region_or_province};
use super::{
    CODE_AMOUNT_VERSION, CODE_CHAR, CODE_COPIES, CODE_KIND_DIGIT, CODE_LEADING_DIGIT, CODE_LENGTH,
    CODE_REGION, CODE_SUFFIX, KIND_CONFLICT, Kind, YEAR_IN_FUTURE, YEAR_TOO_EARLY,
    check_ascii_digits,
};
use crate::error::Error;

/// Plausibility bounds for the year of a code. There is no clock: give `max_year` (the current
/// year) to reject codes from the future.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodeOptions {
    /// The latest plausible year (the caller's current year); `None` checks no upper bound.
    pub max_year: Option<i32>,
    /// The earliest plausible year of a 10-digit code (default 2000: the 2-digit year cannot
    /// name an earlier one, and real codes from the 2010s exist).
    pub min_year_10: i32,
    /// The earliest plausible year of a 12-digit code (default 2012: 12-digit e-invoice codes
    /// appear from 2012 on; `fdstar/NumberValidators` uses the same floor).
    pub min_year_12: i32,
}

impl CodeOptions {
    /// Reads `{max_year?, min_year_10?, min_year_12?}` in the host's key convention.
    ///
    /// # Errors
    /// `INP-05` an unknown key, `INP-02` a year that is no integer 1–9999 (at the key).
    pub fn read<S: crate::model::Source>(
        v: S,
        keys: crate::options::Keys,
    ) -> Result<CodeOptions, Error> {
        let o = crate::options::Opts::open(
            v,
            crate::Path::root(),
            keys,
            &["max_year", "min_year_10", "min_year_12"],
        )?;
        let mut opts = CodeOptions {
            max_year: o.year("max_year")?,
            ..CodeOptions::default()
        };
        if let Some(y) = o.year("min_year_10")? {
            opts.min_year_10 = y;
        }
        if let Some(y) = o.year("min_year_12")? {
            opts.min_year_12 = y;
        }
        Ok(opts)
    }
}

impl Default for CodeOptions {
    fn default() -> Self {
        CodeOptions {
            max_year: None,
            min_year_10: 2000,
            min_year_12: 2012,
        }
    }
}

impl CodeOptions {
    /// The default floors with `max_year` as the latest plausible year.
    pub fn with_max_year(max_year: i32) -> Self {
        CodeOptions {
            max_year: Some(max_year),
            ..CodeOptions::default()
        }
    }
}

/// The amount version of a 10-digit code (金额版本, 10th digit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountVersion {
    /// `0` 电脑版: computer-issued.
    Computer,
    /// `1` 万元版 (hand-written).
    TenThousand,
    /// `2` 十万元版 (hand-written).
    HundredThousand,
    /// `3` 百万元版 (hand-written).
    Million,
    /// `4` 千万元版 (hand-written).
    TenMillion,
}

impl AmountVersion {
    /// The version of a digit, `0`–`4`.
    pub fn from_digit(d: u8) -> Option<AmountVersion> {
        Some(match d {
            0 => AmountVersion::Computer,
            1 => AmountVersion::TenThousand,
            2 => AmountVersion::HundredThousand,
            3 => AmountVersion::Million,
            4 => AmountVersion::TenMillion,
            _ => return None,
        })
    }

    /// The digit of this version.
    pub fn digit(self) -> u8 {
        self as u8
    }

    /// The snake_case name (`"ten_thousand"`).
    pub fn name(self) -> &'static str {
        match self {
            AmountVersion::Computer => "computer",
            AmountVersion::TenThousand => "ten_thousand",
            AmountVersion::HundredThousand => "hundred_thousand",
            AmountVersion::Million => "million",
            AmountVersion::TenMillion => "ten_million",
        }
    }

    /// The Chinese name (`"万元版"`).
    pub fn name_zh(self) -> &'static str {
        match self {
            AmountVersion::Computer => "电脑版",
            AmountVersion::TenThousand => "万元版",
            AmountVersion::HundredThousand => "十万元版",
            AmountVersion::Million => "百万元版",
            AmountVersion::TenMillion => "千万元版",
        }
    }
}

/// The kind suffix of a 12-digit VAT code (positions 11–12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Suffix {
    /// `04` 二联增值税普通发票（折叠票）.
    FoldedTwoCopies,
    /// `05` 五联增值税普通发票（折叠票）.
    FoldedFiveCopies,
    /// `06` 增值税普通发票（卷票） 57 mm × 177.8 mm.
    #[serde(rename = "roll_57mm")]
    Roll57mm,
    /// `07` 增值税普通发票（卷票） 76 mm × 177.8 mm.
    #[serde(rename = "roll_76mm")]
    Roll76mm,
    /// `11` 增值税电子普通发票.
    ElectronicOrdinary,
    /// `12` 收费公路通行费增值税电子普通发票.
    Toll,
    /// `13` 增值税电子专用发票.
    ElectronicSpecial,
}

/// The suffix table: two digits, suffix, kind.
const SUFFIXES: [(&str, Suffix, Kind); 7] = [
    ("04", Suffix::FoldedTwoCopies, Kind::OrdinaryPaper),
    ("05", Suffix::FoldedFiveCopies, Kind::OrdinaryPaper),
    ("06", Suffix::Roll57mm, Kind::OrdinaryRoll),
    ("07", Suffix::Roll76mm, Kind::OrdinaryRoll),
    ("11", Suffix::ElectronicOrdinary, Kind::ElectronicOrdinary),
    ("12", Suffix::Toll, Kind::Toll),
    ("13", Suffix::ElectronicSpecial, Kind::ElectronicSpecial),
];

impl Suffix {
    /// Every suffix, in code order.
    pub const ALL: [Suffix; 7] = [
        Suffix::FoldedTwoCopies,
        Suffix::FoldedFiveCopies,
        Suffix::Roll57mm,
        Suffix::Roll76mm,
        Suffix::ElectronicOrdinary,
        Suffix::Toll,
        Suffix::ElectronicSpecial,
    ];

    /// The suffix of two digits (`"12"` → [`Suffix::Toll`]).
    pub fn from_code(code: &str) -> Option<Suffix> {
        SUFFIXES.iter().find(|(c, _, _)| *c == code).map(|e| e.1)
    }

    fn entry(self) -> &'static (&'static str, Suffix, Kind) {
        // SUFFIXES is declared in the same order as the enum.
        &SUFFIXES[self as usize]
    }

    /// The two digits (`"12"`).
    pub fn code(self) -> &'static str {
        self.entry().0
    }

    /// The kind this suffix names.
    pub fn kind(self) -> Kind {
        self.entry().2
    }

    /// The snake_case name (`"roll_57mm"`).
    pub fn name(self) -> &'static str {
        match self {
            Suffix::FoldedTwoCopies => "folded_two_copies",
            Suffix::FoldedFiveCopies => "folded_five_copies",
            Suffix::Roll57mm => "roll_57mm",
            Suffix::Roll76mm => "roll_76mm",
            Suffix::ElectronicOrdinary => "electronic_ordinary",
            Suffix::Toll => "toll",
            Suffix::ElectronicSpecial => "electronic_special",
        }
    }
}

/// The layout-specific parts of a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeForm {
    /// A 10-digit code (paper 专票, pre-2018 普票, 货运专票).
    Legacy10 {
        /// Printing batch (印制批次), position 7.
        batch: u8,
        /// The kind digit, position 8 (1/5 专票, 3/6 普票, 2/7 货运专票).
        kind_digit: u8,
        /// Number of copies (联次), position 9.
        copies: u8,
        /// Amount version, position 10.
        amount_version: AmountVersion,
    },
    /// A 12-digit VAT code (first digit 0).
    Vat12 {
        /// Batch, positions 8–10.
        batch: u16,
        /// Kind suffix, positions 11–12.
        suffix: Suffix,
    },
    /// A 12-digit Shenzhen blockchain code: `1` + 4403 + year + industry + category `9` +
    /// batch + copies + amount flag (structure UNCONFIRMED officially; domain.md §2.2).
    Blockchain {
        /// 行业 (industry), position 8 (`0` 通用).
        industry: u8,
        /// Category, position 9 (`9`, 深圳电子普通发票专属类别).
        category: u8,
        /// Batch, position 10.
        batch: u8,
        /// Copies (联次), position 11.
        copies: u8,
        /// Amount flag, position 12 (`0`: no amount limit).
        amount_flag: u8,
    },
    /// A 12-digit code starting with 1 that is not in the blockchain form: a local or non-VAT
    /// invoice (e.g. 通用机打电子发票). Only region and year are decoded; its kind is unknown.
    Local,
}

impl CodeForm {
    /// The snake_case name of the layout (`"legacy10"`, `"vat12"`, `"blockchain"`, `"local"`).
    pub fn name(&self) -> &'static str {
        match self {
            CodeForm::Legacy10 { .. } => "legacy10",
            CodeForm::Vat12 { .. } => "vat12",
            CodeForm::Blockchain { .. } => "blockchain",
            CodeForm::Local => "local",
        }
    }
}

/// A structurally valid 发票代码, with its decoded parts.
///
/// Built only by [`InvoiceCode::parse`] / [`InvoiceCode::parse_with`]; `Display` gives the digits,
/// `Serialize` the decoded parts: `{code, format, kind, region: {code, matched, zh, en,
/// separately_planned, exact}, year, …}` followed by the fields of the [`CodeForm`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InvoiceCode {
    digits: String,
    region: &'static Region,
    region_exact: bool,
    year: i32,
    form: CodeForm,
}

/// ASCII digits as their values; `None` unless `s` has exactly `N` ASCII digits.
fn digit_array<const N: usize>(s: &str) -> Option<[u8; N]> {
    let bytes: [u8; N] = s.as_bytes().try_into().ok()?;
    if bytes.iter().all(u8::is_ascii_digit) {
        Some(bytes.map(|b| b - b'0'))
    } else {
        None
    }
}

pub(super) fn check_year(year: i32, min: i32, max: Option<i32>) -> Result<(), Error> {
    if year < min {
        return Err(Error::new(YEAR_TOO_EARLY)
            .with("year", year)
            .with("min", min));
    }
    if let Some(max) = max
        && year > max
    {
        return Err(Error::new(YEAR_IN_FUTURE)
            .with("year", year)
            .with("max", max));
    }
    Ok(())
}

fn year_of(tens: u8, units: u8) -> i32 {
    2000 + i32::from(tens) * 10 + i32::from(units)
}

fn kind_of_digit(d: u8) -> Option<Kind> {
    match d {
        1 | 5 => Some(Kind::SpecialPaper),
        3 | 6 => Some(Kind::OrdinaryPaper),
        2 | 7 => Some(Kind::FreightSpecial),
        _ => None,
    }
}

impl InvoiceCode {
    /// Parses a code with the default [`CodeOptions`] (no upper bound on the year).
    ///
    /// # Errors
    ///
    /// As [`InvoiceCode::parse_with`].
    pub fn parse(s: &str) -> Result<InvoiceCode, Error> {
        InvoiceCode::parse_with(s, &CodeOptions::default())
    }

    /// Parses and decodes a 10- or 12-digit code. Strict: ASCII digits only, no spaces (a
    /// normalising layer may clean input first).
    ///
    /// # Errors
    ///
    /// The first failing check, in this order: `NUM-02` a character other than an ASCII digit,
    /// `NUM-01` neither 10 nor 12 digits, `NUM-09` a 12-digit code not starting with 0 or 1,
    /// `NUM-03` region not in the table, `NUM-04` year before the floor, `NUM-05` year after
    /// `max_year`, then for 10 digits `NUM-06` kind digit, `NUM-07` copies, `NUM-08` amount
    /// version, and for 12-digit VAT codes `NUM-10` kind suffix.
    pub fn parse_with(s: &str, opts: &CodeOptions) -> Result<InvoiceCode, Error> {
        check_ascii_digits(s, CODE_CHAR)?;
        if let Some(d) = digit_array::<10>(s) {
            InvoiceCode::parse10(s, d, opts)
        } else if let Some(d) = digit_array::<12>(s) {
            InvoiceCode::parse12(s, d, opts)
        } else {
            Err(Error::new(CODE_LENGTH).with("len", s.len()))
        }
    }

    fn parse10(s: &str, d: [u8; 10], opts: &CodeOptions) -> Result<InvoiceCode, Error> {
        let region_code = s.get(..4).unwrap_or_default();
        let region = region(region_code)
            .ok_or_else(|| Error::new(CODE_REGION).with("region", region_code))?;
        let year = year_of(d[4], d[5]);
        check_year(year, opts.min_year_10, opts.max_year)?;
        if kind_of_digit(d[7]).is_none() {
            return Err(Error::new(CODE_KIND_DIGIT).with("digit", d[7]));
        }
        if d[8] < 2 {
            return Err(Error::new(CODE_COPIES).with("digit", d[8]));
        }
        let amount_version = AmountVersion::from_digit(d[9])
            .ok_or_else(|| Error::new(CODE_AMOUNT_VERSION).with("digit", d[9]))?;
        Ok(InvoiceCode {
            digits: s.to_owned(),
            region,
            region_exact: true,
            year,
            form: CodeForm::Legacy10 {
                batch: d[6],
                kind_digit: d[7],
                copies: d[8],
                amount_version,
            },
        })
    }

    fn parse12(s: &str, d: [u8; 12], opts: &CodeOptions) -> Result<InvoiceCode, Error> {
        if d[0] > 1 {
            return Err(Error::new(CODE_LEADING_DIGIT).with("digit", d[0]));
        }
        let region_code = s.get(1..5).unwrap_or_default();
        let (region, region_exact) = region_or_province(region_code)
            .ok_or_else(|| Error::new(CODE_REGION).with("region", region_code))?;
        let year = year_of(d[5], d[6]);
        check_year(year, opts.min_year_12, opts.max_year)?;
        let form = if d[0] == 0 {
            let suffix_code = s.get(10..).unwrap_or_default();
            let suffix = Suffix::from_code(suffix_code)
                .ok_or_else(|| Error::new(CODE_SUFFIX).with("suffix", suffix_code))?;
            CodeForm::Vat12 {
                batch: u16::from(d[7]) * 100 + u16::from(d[8]) * 10 + u16::from(d[9]),
                suffix,
            }
        } else if region_exact && region.code == "4403" && d[8] == 9 {
            CodeForm::Blockchain {
                industry: d[7],
                category: d[8],
                batch: d[9],
                copies: d[10],
                amount_flag: d[11],
            }
        } else {
            CodeForm::Local
        };
        Ok(InvoiceCode {
            digits: s.to_owned(),
            region,
            region_exact,
            year,
            form,
        })
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// 10 or 12.
    pub fn len(&self) -> usize {
        self.digits.len()
    }

    /// Never true (a code has 10 or 12 digits); here because `len` is.
    pub fn is_empty(&self) -> bool {
        self.digits.is_empty()
    }

    /// The region table entry the code names. For a city-level 12-digit code (`6512…`) this is
    /// its province (`6500`), and [`InvoiceCode::region_exact`] is false.
    pub fn region(&self) -> &'static Region {
        self.region
    }

    /// The region digits as written in the code (`"6512"`).
    pub fn region_code(&self) -> &str {
        let range = if self.digits.len() == 10 { 0..4 } else { 1..5 };
        self.digits.get(range).unwrap_or_default()
    }

    /// Whether the region digits are themselves in the table (false after a fallback to `xx00`).
    pub fn region_exact(&self) -> bool {
        self.region_exact
    }

    /// The year (20YY).
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The layout-specific parts.
    pub fn form(&self) -> &CodeForm {
        &self.form
    }

    /// The kind the code names, or `None` for a [`CodeForm::Local`] code.
    pub fn kind(&self) -> Option<Kind> {
        match self.form {
            CodeForm::Legacy10 { kind_digit, .. } => kind_of_digit(kind_digit),
            CodeForm::Vat12 { suffix, .. } => Some(suffix.kind()),
            CodeForm::Blockchain { .. } => Some(Kind::Blockchain),
            CodeForm::Local => None,
        }
    }
}

impl fmt::Display for InvoiceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl FromStr for InvoiceCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        InvoiceCode::parse(s)
    }
}

impl AsRef<str> for InvoiceCode {
    fn as_ref(&self) -> &str {
        &self.digits
    }
}

struct RegionView<'a>(&'a InvoiceCode);

impl Serialize for RegionView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0.region;
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("code", self.0.region_code())?;
        m.serialize_entry("matched", r.code)?;
        m.serialize_entry("zh", r.zh)?;
        m.serialize_entry("en", r.en)?;
        m.serialize_entry("separately_planned", &r.separately_planned)?;
        m.serialize_entry("exact", &self.0.region_exact)?;
        m.end()
    }
}

impl Serialize for InvoiceCode {
    /// The decoded parts (see the type's doc).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", &self.digits)?;
        m.serialize_entry("format", self.form.name())?;
        m.serialize_entry("kind", &self.kind())?;
        m.serialize_entry("region", &RegionView(self))?;
        m.serialize_entry("year", &self.year)?;
        match self.form {
            CodeForm::Legacy10 {
                batch,
                kind_digit,
                copies,
                amount_version,
            } => {
                m.serialize_entry("batch", &batch)?;
                m.serialize_entry("kind_digit", &kind_digit)?;
                m.serialize_entry("copies", &copies)?;
                m.serialize_entry("amount_version", &amount_version)?;
            }
            CodeForm::Vat12 { batch, suffix } => {
                m.serialize_entry("batch", &batch)?;
                m.serialize_entry("suffix", suffix.code())?;
                m.serialize_entry("variant", &suffix)?;
            }
            CodeForm::Blockchain {
                industry,
                category,
                batch,
                copies,
                amount_flag,
            } => {
                m.serialize_entry("industry", &industry)?;
                m.serialize_entry("category", &category)?;
                m.serialize_entry("batch", &batch)?;
                m.serialize_entry("copies", &copies)?;
                m.serialize_entry("amount_flag", &amount_flag)?;
            }
            CodeForm::Local => {}
        }
        m.end()
    }
}

/// The kind a 发票代码 names, or `None` when the code does not parse (default [`CodeOptions`])
/// or does not say ([`CodeForm::Local`]).
///
/// ```
/// use invoice_core::number::{Kind, kind_from_code};
///
/// assert_eq!(kind_from_code("011001700112"), Some(Kind::Toll));
/// assert_eq!(kind_from_code("144002288010"), None); // local, non-VAT
/// ```
pub fn kind_from_code(code: &str) -> Option<Kind> {
    InvoiceCode::parse(code).ok().and_then(|c| c.kind())
}

/// The kind to use for 查验 given the kind a QR payload's kind field names and the payload's
/// code: the code's kind wherever the code names one, else the QR kind.
///
/// The code says more than the QR field: a toll invoice's 12-digit code ends in `12` while its
/// QR kind field says `10` (domain.md §3.3), and the verification platform knows it as `14`.
/// This never fails; use [`check_qr_kind`] to also detect contradictions.
///
/// ```
/// use invoice_core::number::{InvoiceCode, Kind, refine_qr_kind};
///
/// let code = InvoiceCode::parse("011001700112")?;
/// assert_eq!(refine_qr_kind(Kind::ElectronicOrdinary, &code), Kind::Toll);
/// # Ok::<(), invoice_core::Error>(())
/// ```
pub fn refine_qr_kind(qr_kind: Kind, code: &InvoiceCode) -> Kind {
    code.kind().unwrap_or(qr_kind)
}

/// Like [`refine_qr_kind`], but fails when the QR kind contradicts the code.
///
/// The QR kind agrees when it equals the code's kind or is the coarser name the QR field uses
/// for it: [`Kind::ElectronicOrdinary`] (QR `10`) for a toll code (seen in a real payload,
/// domain.md §3.3) and [`Kind::OrdinaryPaper`] (QR `04`) for a roll code (by analogy,
/// UNCONFIRMED: no roll-invoice QR sample was found). A [`CodeForm::Local`] code names no kind,
/// so any QR kind agrees with it.
///
/// # Errors
///
/// `NUM-14` when the kinds contradict (e.g. QR `01` 专票 with a code ending `11`).
pub fn check_qr_kind(qr_kind: Kind, code: &InvoiceCode) -> Result<Kind, Error> {
    let Some(code_kind) = code.kind() else {
        return Ok(qr_kind);
    };
    let agrees = code_kind == qr_kind
        || matches!(
            (qr_kind, code_kind),
            (Kind::ElectronicOrdinary, Kind::Toll) | (Kind::OrdinaryPaper, Kind::OrdinaryRoll)
        );
    if agrees {
        Ok(code_kind)
    } else {
        Err(Error::new(KIND_CONFLICT)
            .with("qr_kind", qr_kind)
            .with("code_kind", code_kind)
            .with("code", code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_table_follows_enum_order() {
        for (i, s) in Suffix::ALL.into_iter().enumerate() {
            assert_eq!(SUFFIXES[i].1, s);
            assert_eq!(Suffix::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
    }

    #[test]
    fn batch_is_position_seven() {
        // NumberValidators' GetBatch reads position 8 (the kind digit); position 7 is the batch.
        let c = InvoiceCode::parse("1100172320").unwrap();
        assert!(matches!(
            c.form(),
            CodeForm::Legacy10 {
                batch: 2,
                kind_digit: 3,
                ..
            }
        ));
    }

    #[test]
    fn amount_versions_round_trip() {
        for d in 0..=4 {
            let v = AmountVersion::from_digit(d).unwrap();
            assert_eq!(v.digit(), d);
            assert_eq!(serde_json::to_value(v).unwrap(), v.name());
            assert!(v.name_zh().ends_with('版'));
        }
        assert_eq!(AmountVersion::from_digit(5), None);
    }

    #[test]
    fn region_code_as_written() {
        let c = InvoiceCode::parse("065122100313").unwrap();
        assert_eq!(c.region_code(), "6512");
        assert_eq!(c.region().code, "6500");
        assert!(!c.region_exact());
        assert_eq!(c.len(), 12);
        assert!(!c.is_empty());
    }
}
