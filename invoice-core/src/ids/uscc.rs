//! USCC (Unified Social Credit Code, 统一社会信用代码), GB 32100-2015.
//!
//! 18 characters from the 31-symbol alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, S, V, Z):
//!
//! | positions | meaning |
//! |---|---|
//! | 1 | registration authority (登记管理部门代码) |
//! | 2 | organisation category (机构类别代码) |
//! | 3–8 | administrative division of the registration authority (登记管理机关行政区划码, GB/T 2260, 6 digits) |
//! | 9–17 | subject identifier = organisation code per GB 11714 (主体标识码, 8 + 1 check) |
//! | 18 | check character (校验码) |
//!
//! The check character (GB 32100 §4.2.5): with the alphabet index as value,
//!
//! ```text
//! C18 = alphabet[(31 − MOD(Σ_{i=1..17} C_i × W_i, 31)) mod 31],  W_i = 3^(i−1) mod 31
//! W = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
//! ```
//!
//! Positions 9–17 must also pass GB 11714 ([`org_code`]), with GB 11714's own
//! character values (`M` is 21 in the USCC alphabet but 22 in GB 11714).
//!
//! [`validate`] checks, in this order: length (`ID-01`), alphabet (`ID-02`), region digits
//! (`ID-03`), the embedded organisation code (`ID-05`), the check character (`ID-04`). The
//! embedded code goes first because it localises the typo: a wrong character in positions 9–17
//! usually breaks both checks, one in positions 1–8 or 18 only the last.
//!
//! The first two characters are decoded with a versioned table ([`AuthorityTable`], default
//! [`TABLE`] = "GB 32100-2015 Table 2/3"). An unknown pair is not an error: [`warnings`] (and
//! [`Uscc::warnings`]) report it as `ID-06` with severity warning, and [`parts`] decodes it
//! with empty names.
//!
//! Sources: GB 32100-2015 法人和其他组织统一社会信用代码编码规则 (§4, Tables 2–3, Appendix A
//! character values, Appendix B worked example `91350100M000100Y43`); GB 11714-1997 全国组织机构
//! 代码编制规则; domain.md §5.1–5.2.
//!
//! ```
//! use invoice_core::ids::uscc::{self, Uscc};
//!
//! let code = Uscc::parse("91350100M000100Y43").unwrap();
//! assert_eq!(code.parts().authority.name_zh, Some("工商"));
//! assert_eq!(uscc::calc_check_digit("91350100M000100Y4").unwrap(), '3');
//!
//! let err = uscc::validate("91350100M000100Y44").unwrap_err();
//! assert_eq!(err.code(), "ID-04");
//! assert_eq!(err.message(), "check character should be 3, found 4");
//! assert_eq!(err.message_zh(), "校验码应为3，实际为4");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::{
    USCC_CHARSET, USCC_CHECK, USCC_LENGTH, USCC_ORG_CODE, USCC_REGION, USCC_UNKNOWN_PAIR,
    first_bad, fixed, org_code, shown,
};
use crate::Error;

/// The 31 characters of GB 32100 Appendix A in value order.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// `W_i = 3^(i−1) mod 31`, i = 1..17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The default registration-authority/category table, "GB 32100-2015 Table 2/3".
pub const TABLE: AuthorityTable = super::uscc_table::GB_32100_2015;

/// A versioned table of registration authorities (first character) and their categories
/// (second character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthorityTable {
    /// The table's name and version, e.g. `"GB 32100-2015 Table 2/3"`.
    pub version: &'static str,
    /// The authorities.
    pub authorities: &'static [Authority],
}

/// One registration authority (登记管理部门) of an [`AuthorityTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Authority {
    /// The first USCC character.
    pub code: char,
    /// Chinese name.
    pub name_zh: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// The categories this authority registers.
    pub categories: &'static [Category],
}

/// One organisation category (机构类别) of an [`Authority`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// The second USCC character.
    pub code: char,
    /// Chinese name.
    pub name_zh: &'static str,
    /// English name.
    pub name_en: &'static str,
}

impl AuthorityTable {
    /// The authority with this first character.
    pub fn authority(&self, code: char) -> Option<&'static Authority> {
        self.authorities.iter().find(|a| a.code == code)
    }

    /// The category with this second character under `authority`.
    pub fn category(&self, authority: char, category: char) -> Option<&'static Category> {
        self.authority(authority)?
            .categories
            .iter()
            .find(|c| c.code == category)
    }
}

/// The USCC value of a character (its index in [`ALPHABET`]).
/// The value of each ASCII character in [`ALPHABET`] (`u8::MAX`: not in it): the check runs
/// over millions of column cells, so a lookup instead of a search.
const VALUES: [u8; 128] = {
    let mut t = [u8::MAX; 128];
    let a = ALPHABET.as_bytes();
    let mut i = 0;
    while i < a.len() {
        t[a[i] as usize] = i as u8;
        i += 1;
    }
    t
};

fn value(c: char) -> Option<u32> {
    let v = *VALUES.get(usize::try_from(u32::from(c)).ok()?)?;
    (v != u8::MAX).then_some(u32::from(v))
}

fn check_of(chars: &[char]) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in chars.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    let idx = (31 - sum % 31) % 31;
    // The alphabet is ASCII: its byte at `idx` is its character at `idx`.
    ALPHABET
        .as_bytes()
        .get(idx as usize)
        .copied()
        .map(char::from)
}

/// The normalised form: trimmed, without spaces or hyphens, full-width mapped to half-width,
/// upper-case. Never fails and judges nothing.
pub fn compact(s: &str) -> String {
    super::normalise(s)
}

fn charset_check(chars: &[char]) -> Result<(), Error> {
    match first_bad(chars, |_, c| value(c).is_some()) {
        Some((position, c)) => Err(charset_error(position, c)),
        None => Ok(()),
    }
}

fn charset_error(position: usize, c: char) -> Error {
    Error::new(USCC_CHARSET)
        .with("position", position)
        .with("found", shown(c))
}

/// What is wrong with 18 compact characters, before any message is built (so [`is_valid`]
/// allocates nothing).
enum Fault {
    Charset(usize, char),
    Region,
    OrgCode { expected: char, found: char },
    Check { expected: char, found: char },
}

fn fault(chars: &[char; 18]) -> Option<Fault> {
    if let Some((position, c)) = first_bad(chars, |_, c| value(c).is_some()) {
        return Some(Fault::Charset(position, c));
    }
    if !chars
        .get(2..8)
        .unwrap_or_default()
        .iter()
        .all(char::is_ascii_digit)
    {
        return Some(Fault::Region);
    }
    let org = chars.get(8..17).unwrap_or_default();
    let (org_body, org_last) = org.split_at(org.len().min(8));
    let expected = org_code::check_of(org_body).unwrap_or('?');
    let found = org_last.first().copied().unwrap_or('?');
    if expected != found {
        return Some(Fault::OrgCode { expected, found });
    }
    let expected = check_of(chars.get(..17).unwrap_or_default()).unwrap_or('?');
    let found = chars.get(17).copied().unwrap_or('?');
    (expected != found).then_some(Fault::Check { expected, found })
}

/// The strict checks on an already compact value.
pub(crate) fn check(code: &str) -> Result<[char; 18], Error> {
    let chars = fixed::<18>(code).map_err(|len| {
        Error::new(USCC_LENGTH)
            .with("expected", 18)
            .with("len", len)
    })?;
    let text =
        |r: std::ops::Range<usize>| chars.get(r).unwrap_or_default().iter().collect::<String>();
    match fault(&chars) {
        None => Ok(chars),
        Some(Fault::Charset(position, c)) => Err(charset_error(position, c)),
        Some(Fault::Region) => Err(Error::new(USCC_REGION).with("found", text(2..8))),
        Some(Fault::OrgCode { expected, found }) => Err(Error::new(USCC_ORG_CODE)
            .with("org", text(8..17))
            .with("expected", expected)
            .with("found", found)),
        Some(Fault::Check { expected, found }) => Err(Error::new(USCC_CHECK)
            .with("expected", expected)
            .with("found", found)
            .with("position", 18)),
    }
}

/// Validates a USCC and returns its compact form. An unknown authority/category pair does not
/// fail it (see [`warnings`]).
///
/// # Errors
/// `ID-01` length (`expected` 18, `len`), `ID-02` character (`position`, `found`), `ID-03`
/// region not 6 digits (`found`), `ID-05` embedded organisation code (`org`, `expected`,
/// `found`), `ID-04` check character (`expected`, `found`, `position`).
pub fn validate(s: &str) -> Result<String, Error> {
    Ok(Uscc::parse(s)?.0)
}

/// [`validate`] without normalising: the input must already be 18 upper-case characters.
///
/// # Errors
/// As [`validate`]; a space, hyphen or lower-case letter is an `ID-01` or `ID-02`.
pub fn validate_strict(s: &str) -> Result<String, Error> {
    Ok(Uscc::parse_strict(s)?.0)
}

/// True when [`validate`] accepts `s` (the same checks on the same compact form, without
/// building the compact text or an error).
pub fn is_valid(s: &str) -> bool {
    super::normalised_fixed::<18>(s).is_ok_and(|chars| fault(&chars).is_none())
}

/// The printed form, which for a USCC is the compact 18 characters (no separators).
///
/// # Errors
/// As [`validate`].
pub fn format(s: &str) -> Result<String, Error> {
    validate(s)
}

/// The check character (18th) of the first 17 characters (compacted first). Only the length
/// and the alphabet are checked; the region and embedded organisation code are not judged.
///
/// # Errors
/// `ID-01` (`expected` 17, `len`), `ID-02` for a character outside the alphabet.
pub fn calc_check_digit(s: &str) -> Result<char, Error> {
    let code = compact(s);
    let chars = fixed::<17>(&code).map_err(|len| {
        Error::new(USCC_LENGTH)
            .with("expected", 17)
            .with("len", len)
    })?;
    charset_check(&chars)?;
    check_of(&chars).ok_or_else(|| Error::new(USCC_LENGTH).with("expected", 17).with("len", 17))
}

/// Validates and decodes a USCC with the default [`TABLE`].
///
/// # Errors
/// As [`validate`].
pub fn parts(s: &str) -> Result<UsccParts, Error> {
    Ok(Uscc::parse(s)?.parts())
}

/// Validates a USCC and returns its warnings under the default [`TABLE`] (`ID-06` for an
/// unknown authority/category pair); empty when there is nothing to say.
///
/// # Errors
/// As [`validate`].
pub fn warnings(s: &str) -> Result<Vec<Error>, Error> {
    Ok(Uscc::parse(s)?.warnings())
}

/// A validated USCC (compact form). Serialises as its string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uscc(String);

impl Uscc {
    /// Normalises ([`compact`]) and validates.
    ///
    /// # Errors
    /// As [`validate`].
    pub fn parse(s: &str) -> Result<Self, Error> {
        let code = compact(s);
        check(&code)?;
        Ok(Uscc(code))
    }

    /// Validates the input as given (no normalising).
    ///
    /// # Errors
    /// As [`validate_strict`].
    pub fn parse_strict(s: &str) -> Result<Self, Error> {
        check(s)?;
        Ok(Uscc(s.to_owned()))
    }

    /// The 18 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The decoded parts under the default [`TABLE`].
    pub fn parts(&self) -> UsccParts {
        self.parts_with(&TABLE)
    }

    /// The decoded parts under `table`.
    pub fn parts_with(&self, table: &AuthorityTable) -> UsccParts {
        let part = |r: std::ops::Range<usize>| self.0.get(r).unwrap_or_default().to_owned();
        let nth = |i: usize| self.0.chars().nth(i).unwrap_or('?');
        let (a, c) = (nth(0), nth(1));
        let authority = table.authority(a);
        let category = table.category(a, c);
        UsccParts {
            code: self.0.clone(),
            authority: CodeName {
                code: a,
                name_zh: authority.map(|x| x.name_zh),
                name_en: authority.map(|x| x.name_en),
            },
            category: CodeName {
                code: c,
                name_zh: category.map(|x| x.name_zh),
                name_en: category.map(|x| x.name_en),
            },
            known_pair: category.is_some(),
            table: table.version,
            region: part(2..8),
            province: part(2..4),
            organization_code: part(8..17),
            check: nth(17),
        }
    }

    /// The warnings under the default [`TABLE`].
    pub fn warnings(&self) -> Vec<Error> {
        self.warnings_with(&TABLE)
    }

    /// The warnings under `table`: `ID-06` when the first two characters are not a listed pair.
    pub fn warnings_with(&self, table: &AuthorityTable) -> Vec<Error> {
        let p = self.parts_with(table);
        if p.known_pair {
            Vec::new()
        } else {
            vec![
                Error::new(USCC_UNKNOWN_PAIR)
                    .with("authority", p.authority.code)
                    .with("category", p.category.code)
                    .with("table", table.version),
            ]
        }
    }
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Uscc {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Uscc::parse(s)
    }
}

impl AsRef<str> for Uscc {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Uscc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A code and its names, `None` when the table does not list it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeName {
    /// The character.
    pub code: char,
    /// Chinese name.
    pub name_zh: Option<&'static str>,
    /// English name.
    pub name_en: Option<&'static str>,
}

/// A decoded USCC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UsccParts {
    /// The compact code.
    pub code: String,
    /// Position 1: registration authority (登记管理部门).
    pub authority: CodeName,
    /// Position 2: organisation category (机构类别).
    pub category: CodeName,
    /// Whether the table lists the (authority, category) pair.
    pub known_pair: bool,
    /// The table used for the names.
    pub table: &'static str,
    /// Positions 3–8: administrative division code (行政区划码).
    pub region: String,
    /// Positions 3–4: the province part of the region.
    pub province: String,
    /// Positions 9–17: the organisation code (主体标识码), compact.
    pub organization_code: String,
    /// Position 18: the check character.
    pub check: char,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_powers_of_three() {
        let mut w = 1u32;
        for x in WEIGHTS {
            assert_eq!(x, w);
            w = w * 3 % 31;
        }
    }

    #[test]
    fn alphabet_has_31_symbols_without_iosvz() {
        assert_eq!(ALPHABET.len(), 31);
        assert!(!ALPHABET.contains(['I', 'O', 'S', 'V', 'Z']));
    }

    #[test]
    fn appendix_b() {
        assert_eq!(calc_check_digit("91350100M000100Y4").unwrap(), '3');
        assert!(is_valid("91350100M000100Y43"));
    }
}
