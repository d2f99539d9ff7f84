//! Taxpayer identification number (纳税人识别号), the legacy forms of 15, 17, 18 and 20
//! characters, classified by form.
//!
//! Tax-control interfaces accept "only 15, 17, 18 or 20 characters" of upper-case letters and
//! digits. What the characters mean depends on the form, and most legacy forms have no published
//! check, so [`validate`] only enforces length and alphabet and [`classify`] says which form the
//! id has, checking what can be checked:
//!
//! | length | [`Form`] | rule |
//! |---|---|---|
//! | 18 | `Uscc` | a valid USCC (GB 32100, see [`uscc`]) |
//! | 18 | `ResidentId` | a valid 18-character resident identity number (natural persons use it as their TIN) |
//! | 18 | `NaturalPersonTin` | a letter, 16 digits and a digit or letter: the shape described for TINs given to persons without a Chinese identity number (letter + year + country code + sequence + check; the check algorithm is unpublished, so the shape only) |
//! | 18 | `Other18` | anything else |
//! | 15 | `RegionOrgCode` | 6-digit region + a valid 9-character organisation code (GB 11714 check passes) |
//! | 15 | `Other15` | anything else (an older 15-character scheme exists, e.g. province/region/economic type/industry/sequence) |
//! | 17 | `IndividualBusiness` | a valid 15-digit resident identity number + 2 digits |
//! | 20 | `IndividualBusiness` | a valid 18-character resident identity number + 2 digits, or a valid 15-digit one + 5 digits |
//! | 17 / 20 | `Other17` / `Other20` | anything else |
//!
//! An 18-character id that fails the USCC checks is **not** forced into USCC rules: the tax
//! system has issued 18-character ids of other shapes (e.g. `44078819091887401X` on a real
//! invoice), so it is `Other18`. When such an id looks like a USCC (alphabet, a listed
//! authority/category pair and 6 region digits) or like a resident identity number (17 digits, a
//! real birth date) and fails only the check, [`warnings`] says so (`ID-18`, `ID-19`): it is
//! likely a typo.
//!
//! Sources: tax-control interface rules "纳税人识别号长度只有15位，17位，18位，20位" and
//! "只能包括大写英文字母或数字" (domain.md §5.3, vendor codes 107006/107017/144006/144021);
//! domain.md §5.3–5.4 for the forms (the 17/20 and natural-person compositions are
//! UNCONFIRMED there and recognised by shape only).
//!
//! ```
//! use invoice_core::ids::taxpayer_id::{self, Form};
//!
//! assert_eq!(taxpayer_id::classify("210114573484030").unwrap().form, Form::RegionOrgCode);
//! assert_eq!(taxpayer_id::classify("91310000580583950X").unwrap().form, Form::Uscc);
//! assert_eq!(taxpayer_id::validate("1234567890").unwrap_err().code(), "ID-16");
//! ```

use serde::Serialize;

use super::{
    TIN_CHARSET, TIN_LENGTH, TIN_NEAR_RIC, TIN_NEAR_USCC, USCC_CHECK, USCC_ORG_CODE, first_bad,
    org_code, resident_id, shown, uscc,
};
use crate::Error;

/// The form of a taxpayer id (see the module docs for the rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A valid USCC (18).
    Uscc,
    /// A valid 18-character resident identity number.
    ResidentId,
    /// The shape of a natural-person TIN for persons without a Chinese identity number (18).
    NaturalPersonTin,
    /// Any other 18-character id.
    #[serde(rename = "other_18")]
    Other18,
    /// 6-digit region + valid organisation code (15).
    RegionOrgCode,
    /// Any other 15-character id.
    #[serde(rename = "other_15")]
    Other15,
    /// A resident identity number + 2 (or 5) digits: an individual business (17 or 20).
    IndividualBusiness,
    /// Any other 17-character id.
    #[serde(rename = "other_17")]
    Other17,
    /// Any other 20-character id.
    #[serde(rename = "other_20")]
    Other20,
}

/// The result of [`classify`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// The compact id.
    pub code: String,
    /// Its form.
    pub form: Form,
    /// The region code (USCC positions 3–8, or the first 6 digits of a `RegionOrgCode`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The organisation code, compact (USCC positions 9–17, or a `RegionOrgCode`'s last 9).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_code: Option<String>,
    /// The embedded resident identity number (`ResidentId`, `IndividualBusiness`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resident_id: Option<String>,
    /// The digits after the resident identity number of an `IndividualBusiness`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

/// The normalised form: trimmed, without spaces or hyphens, full-width mapped to half-width,
/// upper-case. Never fails and judges nothing.
pub fn compact(s: &str) -> String {
    super::normalise(s)
}

/// Length and alphabet.
fn check(code: &str) -> Result<(), Error> {
    let len = code.chars().count();
    if !matches!(len, 15 | 17 | 18 | 20) {
        return Err(Error::new(TIN_LENGTH).with("len", len));
    }
    let chars: Vec<char> = code.chars().collect();
    if let Some((position, c)) =
        first_bad(&chars, |_, c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return Err(Error::new(TIN_CHARSET)
            .with("position", position)
            .with("found", shown(c)));
    }
    Ok(())
}

/// Validates a taxpayer id (length 15/17/18/20, upper-case letters and digits) and returns its
/// compact form. Use [`classify`] to learn its form.
///
/// # Errors
/// `ID-16` length (`len`), `ID-17` character (`position`, `found`).
pub fn validate(s: &str) -> Result<String, Error> {
    let code = compact(s);
    check(&code)?;
    Ok(code)
}

/// [`validate`] without normalising: "纳税人识别号需要全部大写", "不能包含空格".
///
/// # Errors
/// As [`validate`].
pub fn validate_strict(s: &str) -> Result<String, Error> {
    check(s)?;
    Ok(s.to_owned())
}

/// True when [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The printed form: the compact id.
///
/// # Errors
/// As [`validate`].
pub fn format(s: &str) -> Result<String, Error> {
    validate(s)
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Validates and classifies a taxpayer id.
///
/// # Errors
/// As [`validate`].
pub fn classify(s: &str) -> Result<Classification, Error> {
    let code = validate(s)?;
    // `code` is ASCII now, so byte ranges are character ranges.
    let part = |a: usize, b: usize| code.get(a..b).unwrap_or_default();
    let mut c = Classification {
        code: code.clone(),
        form: Form::Other18,
        region: None,
        organization_code: None,
        resident_id: None,
        suffix: None,
    };
    match code.len() {
        18 => {
            if uscc::validate_strict(&code).is_ok() {
                c.form = Form::Uscc;
                c.region = Some(part(2, 8).to_owned());
                c.organization_code = Some(part(8, 17).to_owned());
            } else if resident_id::validate_strict(&code).is_ok() {
                c.form = Form::ResidentId;
                c.resident_id = Some(code.clone());
            } else if part(0, 1).bytes().all(|b| b.is_ascii_uppercase()) && all_digits(part(1, 17))
            {
                c.form = Form::NaturalPersonTin;
            }
        }
        15 => {
            c.form = Form::Other15;
            if all_digits(part(0, 6)) && org_code::validate_strict(part(6, 15)).is_ok() {
                c.form = Form::RegionOrgCode;
                c.region = Some(part(0, 6).to_owned());
                c.organization_code = Some(part(6, 15).to_owned());
            }
        }
        17 => {
            c.form = Form::Other17;
            individual_business(&mut c, &code, &[15]);
        }
        _ => {
            c.form = Form::Other20;
            individual_business(&mut c, &code, &[18, 15]);
        }
    }
    Ok(c)
}

/// Sets `IndividualBusiness` when the first `n` characters (for the first `n` that fits) are a
/// valid resident identity number and the rest are digits.
fn individual_business(c: &mut Classification, code: &str, lens: &[usize]) {
    for &n in lens {
        let (id, rest) = code.split_at(n.min(code.len()));
        if all_digits(rest) && resident_id::validate_strict(id).is_ok() {
            c.form = Form::IndividualBusiness;
            c.resident_id = Some(id.to_owned());
            c.suffix = Some(rest.to_owned());
            return;
        }
    }
}

/// Validates a taxpayer id and returns its warnings: a USCC's own warnings (`ID-06`), or for an
/// `Other18` id, `ID-18` when it looks like a USCC and `ID-19` when it looks like a resident
/// identity number but fails the check (at most one of the two; the resident-id shape wins).
///
/// # Errors
/// As [`validate`].
pub fn warnings(s: &str) -> Result<Vec<Error>, Error> {
    // Fast path for the common case in invoice validation: an already compact, valid USCC with
    // a listed authority/category pair has no warning; skip classification's allocations.
    if s.len() == 18
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && uscc::check(s).is_ok()
    {
        let mut ch = s.chars();
        if let (Some(a), Some(b)) = (ch.next(), ch.next())
            && uscc::TABLE.category(a, b).is_some()
        {
            return Ok(Vec::new());
        }
    }
    let c = classify(s)?;
    let code = c.code.as_str();
    Ok(match c.form {
        Form::Uscc => uscc::warnings(code)?,
        Form::Other18 | Form::NaturalPersonTin => near_misses(code),
        _ => Vec::new(),
    })
}

fn near_misses(code: &str) -> Vec<Error> {
    // A resident-id shape (17 digits and a real birth date) is the more specific one: an
    // all-digit string often also has a listed USCC pair ("11", "51", …), so only one warning.
    if let Err(e) = resident_id::validate_strict(code)
        && e.rule() == super::RIC_CHECK
    {
        return vec![
            Error::new(TIN_NEAR_RIC)
                .with("code", code)
                .with("expected", e.param("expected").unwrap_or("?"))
                .with("found", e.param("found").unwrap_or("?")),
        ];
    }
    if let Err(e) = uscc::validate_strict(code) {
        let first_two: Vec<char> = code.chars().take(2).collect();
        let listed =
            matches!(first_two.as_slice(), [a, b] if uscc::TABLE.category(*a, *b).is_some());
        if listed && (e.rule() == USCC_CHECK || e.rule() == USCC_ORG_CODE) {
            return vec![
                Error::new(TIN_NEAR_USCC)
                    .with("code", code)
                    .with("rule", e.code())
                    .with("expected", e.param("expected").unwrap_or("?"))
                    .with("found", e.param("found").unwrap_or("?")),
            ];
        }
    }
    Vec::new()
}
