//! Resident identity number (Resident Identity Card number, 居民身份号码 / 公民身份号码),
//! GB 11643-1999, and the old 15-digit form.
//!
//! 18 characters, no separators:
//!
//! | positions | meaning |
//! |---|---|
//! | 1–6 | address code (地址码, GB/T 2260) |
//! | 7–14 | birth date `YYYYMMDD` (出生日期码) |
//! | 15–17 | sequence (顺序码); odd = male, even = female |
//! | 18 | check character (校验码), `0`–`9` or `X` |
//!
//! Check: ISO 7064:1983 MOD 11-2. With `W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2` on positions
//! 1–17 and `S = Σ a_i × W_i mod 11`, the check character is `"10X98765432"[S]`
//! (equivalently `Σ a_i × W_i ≡ 1 (mod 11)` over all 18 positions with `X` = 10).
//!
//! The old form (first-generation cards) has 15 digits: address (6) + `YYMMDD` (19YY) +
//! sequence (3), no check character. [`to_18`] upgrades it by inserting `19` and computing the
//! check.
//!
//! What is judged: length, digits, the province, a real birth date (no 2001-02-29) from
//! 1800-01-01 on (the standard's own example is born in 1880), and the check character.
//!
//! The province (positions 1–2) must be one of the 34 provincial codes of GB/T 2260 (`11`–`65`,
//! `71` Taiwan, `81` Hong Kong, `82` Macao) or a documented special prefix, else `ID-20` names
//! it:
//!
//! | prefix | holder ([`Holder`]) | source |
//! |---|---|---|
//! | `11`–`65`, `71` | citizen | GB/T 2260 provincial codes |
//! | `81`, `82`, `83` | Hong Kong, Macao, Taiwan residents' residence permit (`810000`, `820000`, `830000`) | 港澳台居民居住证申领发放办法 (国办发〔2018〕81号) 第三条 |
//! | `9` + a mainland province (`911`…`965`) | foreigner's permanent residence card, 2023 edition: `9`, accepting province (2), nationality (3), birth date, sequence, MOD 11-2 check | 国家移民管理局, 新版外国人永久居留身份证机读信息规则 (2023) |
//!
//! The 15-digit form predates both permits, so it takes only a mainland province (`11`–`65`).
//! The rest of the address code is not looked up: county tables change every year, so an
//! unknown county never raises; [`parts`] exposes the 6-digit code for the caller. The library
//! takes no clock, so "born in the future" is only checked by [`validate_as_of`] with the
//! caller's date.
//!
//! Sources: GB 11643-1999 公民身份号码 (§4–§8, Appendix A examples `11010519491231002X` and
//! `440524188001010014`); ISO 7064:1983 MOD 11-2; GB/T 2260 (the 民政部 list of provincial
//! codes); 国办发〔2018〕81号 第三条; the 2023 permanent residence card rules; domain.md §5.5 and
//! `docs/domain-notes.md` ("Resident identity numbers").
//!
//! ```
//! use invoice_core::ids::resident_id;
//!
//! let p = resident_id::parts("11010519491231002x").unwrap();
//! assert_eq!(p.birth_date.to_string(), "1949-12-31");
//! assert_eq!(p.sex, resident_id::Sex::Female);
//!
//! let err = resident_id::validate("510108200102290049").unwrap_err();
//! assert_eq!(err.code(), "ID-13"); // 2001-02-29 does not exist
//!
//! let err = resident_id::validate("840105194912310020").unwrap_err();
//! assert_eq!(err.code(), "ID-20"); // 84 is no province
//! assert_eq!(err.param("province"), Some("84"));
//! ```

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{
    RIC_BIRTH_DATE, RIC_CHARSET, RIC_CHECK, RIC_FUTURE_BIRTH, RIC_LENGTH, RIC_PROVINCE, first_bad,
    shown,
};
use crate::Error;

/// The weights of positions 1–17, `2^(18−i) mod 11`.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// The check character for each `S = Σ a_i W_i mod 11` (GB 11643 Table 2).
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The provincial codes of GB/T 2260 whose holders are mainland citizens (the 31 mainland
/// provinces, autonomous regions and municipalities), as a set of bits `1 << code` (one
/// constant in the WASM module instead of a table of strings).
const MAINLAND: u128 = bits(&[
    11, 12, 13, 14, 15, // 北京 天津 河北 山西 内蒙古
    21, 22, 23, // 辽宁 吉林 黑龙江
    31, 32, 33, 34, 35, 36, 37, // 上海 江苏 浙江 安徽 福建 江西 山东
    41, 42, 43, 44, 45, 46, // 河南 湖北 湖南 广东 广西 海南
    50, 51, 52, 53, 54, // 重庆 四川 贵州 云南 西藏
    61, 62, 63, 64, 65, // 陕西 甘肃 青海 宁夏 新疆
]);

const fn bits(codes: &[u8]) -> u128 {
    let mut out = 0u128;
    let mut i = 0;
    while i < codes.len() {
        out |= 1 << codes[i];
        i += 1;
    }
    out
}

fn is_mainland(code: u32) -> bool {
    code < 100 && MAINLAND & (1 << code) != 0
}

/// Who a number was issued to, from its first digits (see the module docs' table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// A GB/T 2260 province of the mainland, or `71` (Taiwan province).
    Citizen,
    /// `81`: a Hong Kong resident's residence permit (address code `810000`).
    HongKongResident,
    /// `82`: a Macao resident's residence permit (address code `820000`).
    MacaoResident,
    /// `83`: a Taiwan resident's residence permit (address code `830000`).
    TaiwanResident,
    /// `9` and a mainland province: the 2023 foreigner's permanent residence card.
    Foreigner,
}

/// The holder and the province code (positions 1–2, or 2–3 for the permanent residence card),
/// or `ID-20` naming the digits that are no province.
fn holder_of(digits: &[char], eighteen: bool) -> Result<(Holder, String), Error> {
    let pair = |from: usize| {
        digits
            .iter()
            .skip(from)
            .take(2)
            .fold(0, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0))
    };
    let unknown = |code: u32, positions: &str| {
        Error::new(RIC_PROVINCE)
            .with("province", format!("{code:02}"))
            .with("positions", positions)
    };
    let first = pair(0);
    let holder = match first {
        n if is_mainland(n) => Holder::Citizen,
        71 if eighteen => Holder::Citizen,
        81 if eighteen => Holder::HongKongResident,
        82 if eighteen => Holder::MacaoResident,
        83 if eighteen => Holder::TaiwanResident,
        90..=99 if eighteen => {
            let accepting = pair(1);
            return if is_mainland(accepting) {
                Ok((Holder::Foreigner, format!("{accepting:02}")))
            } else {
                Err(unknown(accepting, "2-3"))
            };
        }
        n => return Err(unknown(n, "1-2")),
    };
    Ok((holder, format!("{first:02}")))
}

/// The earliest birth year accepted.
const MIN_YEAR: i32 = 1800;

/// The check character of 17 digits.
fn check_of(digits: &[char]) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in digits.iter().zip(WEIGHTS) {
        sum += c.to_digit(10)? * w;
    }
    CHECK.get((sum % 11) as usize).copied()
}

/// The normalised form: trimmed, without spaces or hyphens, full-width mapped to half-width,
/// upper-case (`x` → `X`). Never fails and judges nothing.
pub fn compact(s: &str) -> String {
    super::normalise(s)
}

fn digits_to_u32(chars: &[char]) -> u32 {
    chars
        .iter()
        .fold(0u32, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0))
}

/// The birth date of `YYYYMMDD` digits, if real and not before [`MIN_YEAR`].
fn date_of(year: &[char], month: &[char], day: &[char]) -> Option<NaiveDate> {
    let y = i32::try_from(digits_to_u32(year)).ok()?;
    if y < MIN_YEAR {
        return None;
    }
    NaiveDate::from_ymd_opt(y, digits_to_u32(month), digits_to_u32(day))
}

/// The form of a resident identity number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Form {
    /// 18 characters with a check character (GB 11643-1999).
    #[serde(rename = "18")]
    Eighteen,
    /// 15 digits, birth year 19YY, no check character (first-generation cards).
    #[serde(rename = "15")]
    Fifteen,
}

/// Sex, from the parity of the sequence code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Odd sequence.
    Male,
    /// Even sequence.
    Female,
}

/// A decoded resident identity number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResidentIdParts {
    /// The compact number.
    pub code: String,
    /// 18 or 15.
    pub form: Form,
    /// Positions 1–6: the address code (not looked up; for a permanent residence card, `9`,
    /// the accepting province and the nationality code).
    pub area_code: String,
    /// The province: positions 1–2 (the province part of the address code), or positions 2–3
    /// (the accepting province) of a permanent residence card.
    pub province_code: String,
    /// Who the number was issued to, from its first digits.
    pub holder: Holder,
    /// The birth date (serialises as `YYYY-MM-DD`).
    pub birth_date: NaiveDate,
    /// The 3-digit sequence code.
    pub sequence: String,
    /// From the parity of the sequence.
    pub sex: Sex,
    /// The check character (18-character form only).
    pub check: Option<char>,
}

/// All checks on a compact value, returning the parts.
fn check(code: &str) -> Result<ResidentIdParts, Error> {
    let chars: Vec<char> = {
        // Count first so that a 10 MB input is not collected.
        let len = code.chars().count();
        if len != 18 && len != 15 {
            return Err(Error::new(RIC_LENGTH)
                .with("expected", "18/15")
                .with("len", len));
        }
        code.chars().collect()
    };
    let eighteen = chars.len() == 18;
    if let Some((position, c)) = first_bad(&chars, |i, c| {
        c.is_ascii_digit() || (eighteen && i == 17 && c == 'X')
    }) {
        return Err(Error::new(RIC_CHARSET)
            .with("position", position)
            .with("found", shown(c)));
    }
    let (holder, province_code) = holder_of(&chars, eighteen)?;
    let s = |r: std::ops::Range<usize>| chars.get(r).unwrap_or_default();
    let (birth, positions, date) = if eighteen {
        (s(6..14), "7-14", date_of(s(6..10), s(10..12), s(12..14)))
    } else {
        let year: Vec<char> = ['1', '9'].iter().chain(s(6..8)).copied().collect();
        (s(6..12), "7-12", date_of(&year, s(8..10), s(10..12)))
    };
    let Some(birth_date) = date else {
        return Err(Error::new(RIC_BIRTH_DATE)
            .with("date", birth.iter().collect::<String>())
            .with("positions", positions));
    };
    let sequence = if eighteen { s(14..17) } else { s(12..15) };
    let check = if eighteen {
        let expected = check_of(s(0..17)).unwrap_or('?');
        let found = chars.get(17).copied().unwrap_or('?');
        if expected != found {
            return Err(Error::new(RIC_CHECK)
                .with("expected", expected)
                .with("found", found)
                .with("position", 18));
        }
        Some(found)
    } else {
        None
    };
    let odd = sequence
        .last()
        .and_then(|c| c.to_digit(10))
        .is_some_and(|d| d % 2 == 1);
    Ok(ResidentIdParts {
        code: code.to_owned(),
        form: if eighteen {
            Form::Eighteen
        } else {
            Form::Fifteen
        },
        area_code: s(0..6).iter().collect(),
        province_code,
        holder,
        birth_date,
        sequence: sequence.iter().collect(),
        sex: if odd { Sex::Male } else { Sex::Female },
        check,
    })
}

/// Validates an 18- or 15-character resident identity number and returns its compact form.
///
/// # Errors
/// `ID-11` length (`expected` "18/15", `len`), `ID-12` character (`position`, `found`),
/// `ID-20` no such province (`province`, `positions`), `ID-13` birth date (`date`,
/// `positions`), `ID-14` check character (`expected`, `found`).
pub fn validate(s: &str) -> Result<String, Error> {
    Ok(parts(s)?.code)
}

/// [`validate`] without normalising (a lower-case `x` is an `ID-12`).
///
/// # Errors
/// As [`validate`].
pub fn validate_strict(s: &str) -> Result<String, Error> {
    Ok(check(s)?.code)
}

/// [`validate`], and the birth date must not be after `as_of` (the caller's "today"; the
/// library has no clock).
///
/// # Errors
/// As [`validate`], and `ID-15` (`date`, `as_of`) for a birth date after `as_of`.
pub fn validate_as_of(s: &str, as_of: NaiveDate) -> Result<String, Error> {
    let p = parts(s)?;
    if p.birth_date > as_of {
        return Err(Error::new(RIC_FUTURE_BIRTH)
            .with("date", p.birth_date)
            .with("as_of", as_of));
    }
    Ok(p.code)
}

/// True when [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The printed form: the compact number (GB 11643 uses no separators).
///
/// # Errors
/// As [`validate`].
pub fn format(s: &str) -> Result<String, Error> {
    validate(s)
}

/// The check character of the first 17 digits (compacted first). Only length and digits are
/// checked, not the birth date.
///
/// # Errors
/// `ID-11` (`expected` 17, `len`), `ID-12` for a non-digit.
pub fn calc_check_digit(s: &str) -> Result<char, Error> {
    let code = compact(s);
    let chars = super::fixed::<17>(&code)
        .map_err(|len| Error::new(RIC_LENGTH).with("expected", 17).with("len", len))?;
    if let Some((position, c)) = first_bad(&chars, |_, c| c.is_ascii_digit()) {
        return Err(Error::new(RIC_CHARSET)
            .with("position", position)
            .with("found", shown(c)));
    }
    check_of(&chars).ok_or_else(|| Error::new(RIC_LENGTH).with("expected", 17).with("len", 17))
}

/// Validates and decodes a resident identity number.
///
/// # Errors
/// As [`validate`].
pub fn parts(s: &str) -> Result<ResidentIdParts, Error> {
    check(&compact(s))
}

/// The 18-character form: a valid 15-digit number gets `19` inserted before its year and a
/// check character; a valid 18-character number is returned compact.
///
/// # Errors
/// As [`validate`].
pub fn to_18(s: &str) -> Result<String, Error> {
    let p = parts(s)?;
    match p.form {
        Form::Eighteen => Ok(p.code),
        Form::Fifteen => {
            let mut body: Vec<char> = p.code.chars().collect();
            let year = p.birth_date.year().to_string();
            // Replace YY (positions 7–8) with the 4-digit year (always 19YY here).
            body.splice(6..8, year.chars());
            let check = check_of(&body).unwrap_or('?');
            body.push(check);
            Ok(body.into_iter().collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_mod_11_2() {
        for (i, w) in WEIGHTS.iter().enumerate() {
            assert_eq!(*w, (1u32 << (17 - i)) % 11);
        }
    }

    #[test]
    fn standard_examples() {
        assert_eq!(
            validate("11010519491231002X").unwrap(),
            "11010519491231002X"
        );
        assert_eq!(
            validate("440524188001010014").unwrap(),
            "440524188001010014"
        );
        assert_eq!(to_18("440524800101001").unwrap(), "440524198001010013");
    }
}
