//! Organisation code (Organization Code, 组织机构代码), GB 11714-1997.
//!
//! 9 characters: an 8-character body of digits and upper-case letters, then one check
//! character. Printed as `XXXXXXXX-X` (the hyphen is dropped in machine form). Character values
//! for the check are `0`–`9` → 0–9 and `A`=10 … `Z`=35 (the full alphabet, unlike GB 32100):
//!
//! ```text
//! C9 = 11 − MOD(Σ C_i × W_i, 11),  W = 3 7 9 10 5 8 4 2;  10 → X, 11 → 0
//! ```
//!
//! Bodies `PDY00001`–`PDY99999` are reserved by GB 11714 §3 for system-internal use and "not
//! valid for exchange". A code received from outside in that range can therefore not be a real
//! one, so [`validate`] reports it as an **error** (`ID-10`), after the check character.
//! (The range is not applied to the organisation code inside a USCC: GB 32100 says nothing of it.)
//!
//! Sources: GB 11714-1997 全国组织机构代码编制规则 (§3, §4 and Appendix A; the standard's
//! example `D2143569-X`); domain.md §5.2.
//!
//! ```
//! use invoice_core::ids::org_code;
//!
//! assert_eq!(org_code::format("d2143569x").unwrap(), "D2143569-X");
//! assert_eq!(org_code::calc_check_digit("D2143569").unwrap(), 'X');
//! let err = org_code::validate("D2143569-1").unwrap_err();
//! assert_eq!(err.code(), "ID-09");
//! assert_eq!(err.param("expected"), Some("X"));
//! ```

use serde::Serialize;

use super::{ORG_CHARSET, ORG_CHECK, ORG_LENGTH, ORG_RESERVED, first_bad, fixed, shown};
use crate::Error;

/// The weights of the 8 body characters.
const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// GB 11714 value of a character: `0`–`9` → 0–9, `A`–`Z` → 10–35.
pub(crate) fn value(c: char) -> Option<u32> {
    match c {
        '0'..='9' | 'A'..='Z' => c.to_digit(36),
        _ => None,
    }
}

/// The check character of an 8-character body, `None` if a character has no value.
pub(crate) fn check_of(body: &[char]) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in body.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10)?,
    })
}

/// The normalised form: trimmed, without spaces or hyphens, full-width mapped to half-width,
/// upper-case. Never fails and judges nothing.
pub fn compact(s: &str) -> String {
    super::normalise(s)
}

fn length_error(expected: usize, len: usize) -> Error {
    Error::new(ORG_LENGTH)
        .with("expected", expected)
        .with("len", len)
}

fn charset_check(chars: &[char]) -> Result<(), Error> {
    match first_bad(chars, |_, c| value(c).is_some()) {
        Some((position, c)) => Err(Error::new(ORG_CHARSET)
            .with("position", position)
            .with("found", shown(c))),
        None => Ok(()),
    }
}

/// The strict checks on an already compact value.
fn check(code: &str) -> Result<[char; 9], Error> {
    let chars = fixed::<9>(code).map_err(|n| length_error(9, n))?;
    charset_check(&chars)?;
    let (body, last) = chars.split_at(8);
    let expected = check_of(body).unwrap_or('?');
    let found = last.first().copied().unwrap_or('?');
    if expected != found {
        return Err(Error::new(ORG_CHECK)
            .with("expected", expected)
            .with("found", shown(found)));
    }
    if is_reserved(body) {
        return Err(Error::new(ORG_RESERVED).with("code", code));
    }
    Ok(chars)
}

/// True for bodies `PDY00001`–`PDY99999`.
fn is_reserved(body: &[char]) -> bool {
    match body {
        ['P', 'D', 'Y', rest @ ..] => {
            rest.len() == 5
                && rest.iter().all(char::is_ascii_digit)
                && rest.iter().any(|&c| c != '0')
        }
        _ => false,
    }
}

/// Validates an organisation code and returns its compact form (9 characters, no hyphen).
///
/// # Errors
/// `ID-07` length (`expected` 9, `len`), `ID-08` character (`position`, `found`), `ID-09`
/// check character (`expected`, `found`), `ID-10` reserved `PDY` range.
pub fn validate(s: &str) -> Result<String, Error> {
    let code = compact(s);
    check(&code)?;
    Ok(code)
}

/// [`validate`] without normalising: the input must already be the 9-character upper-case form.
///
/// # Errors
/// As [`validate`]; a hyphen, space or lower-case letter is an `ID-07` or `ID-08`.
pub fn validate_strict(s: &str) -> Result<String, Error> {
    check(s)?;
    Ok(s.to_owned())
}

/// True when [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The display form `XXXXXXXX-X`.
///
/// # Errors
/// As [`validate`].
pub fn format(s: &str) -> Result<String, Error> {
    Ok(parts(s)?.display)
}

/// The check character of an 8-character body (compacted first).
///
/// # Errors
/// `ID-07` (`expected` 8) when the body does not have 8 characters, `ID-08` for a bad character.
pub fn calc_check_digit(s: &str) -> Result<char, Error> {
    let body = compact(s);
    let chars = fixed::<8>(&body).map_err(|n| length_error(8, n))?;
    charset_check(&chars)?;
    check_of(&chars).ok_or_else(|| length_error(8, 8))
}

/// A decoded organisation code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrgCodeParts {
    /// The compact code, 9 characters.
    pub code: String,
    /// The 8-character body (本体代码).
    pub body: String,
    /// The check character (校验码).
    pub check: char,
    /// The display form `XXXXXXXX-X`.
    pub display: String,
}

/// Validates and decodes an organisation code.
///
/// # Errors
/// As [`validate`].
pub fn parts(s: &str) -> Result<OrgCodeParts, Error> {
    let code = compact(s);
    let chars = check(&code)?;
    let (body, last) = chars.split_at(8);
    let body: String = body.iter().collect();
    let check = last.first().copied().unwrap_or('?');
    Ok(OrgCodeParts {
        display: format!("{body}-{check}"),
        code,
        body,
        check,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_example() {
        let chars: Vec<char> = "D2143569".chars().collect();
        assert_eq!(check_of(&chars), Some('X'));
        assert_eq!(validate("D2143569-X").unwrap(), "D2143569X");
    }

    #[test]
    fn reserved_range_bounds() {
        let r = |s: &str| is_reserved(&s.chars().collect::<Vec<_>>());
        assert!(r("PDY00001"));
        assert!(r("PDY99999"));
        assert!(!r("PDY00000"));
        assert!(!r("PDYA0001"));
        assert!(!r("PDX00001"));
    }
}
