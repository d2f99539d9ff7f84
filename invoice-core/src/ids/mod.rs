//! Taxpayer and resident identifiers (纳税人识别号、统一社会信用代码、组织机构代码、居民身份证号).
//!
//! | module | identifier | standard |
//! |---|---|---|
//! | [`uscc`] | USCC (Unified Social Credit Code, 统一社会信用代码), 18 chars | GB 32100-2015 |
//! | [`org_code`] | organisation code (组织机构代码), 8 + 1 chars | GB 11714-1997 |
//! | [`resident_id`] | resident identity number (居民身份号码 / 身份证号), 18 or 15 chars | GB 11643-1999 |
//! | [`taxpayer_id`] | legacy taxpayer id (纳税人识别号), 15/17/18/20 chars, classified by form | tax-control interfaces |
//!
//! Every module speaks python-stdnum's vocabulary:
//!
//! - `compact(&str) -> String`: the normalising step, never fails: trims, removes whitespace
//!   (also U+3000 and NBSP) and hyphens, maps full-width ASCII (`９１Ａ`) to half-width and
//!   upper-cases ASCII letters. It does not judge anything.
//! - `validate(&str) -> Result<String, Error>`: `compact`, then the strict checks; returns the
//!   compact value. `validate_strict` runs the same checks on the input as given (no trimming,
//!   no case folding), for interfaces that demand canonical input ("纳税人识别号需要全部大写").
//! - `is_valid(&str) -> bool`, `format(&str) -> Result<String, Error>` (the printed form),
//!   `calc_check_digit(&str) -> Result<char, Error>` where a check character exists, and
//!   `parts(&str)` returning a serialisable decoded structure.
//!
//! [`Scheme`] puts the four behind one interface ([`Scheme::ALL`], [`Scheme::ops`],
//! [`Scheme::apply`]), so a binding exposes every scheme and operation with one loop.
//!
//! Errors carry the [`Path`](crate::Path) root (the identifier as a whole); a caller that reads
//! an identifier out of a larger structure places them with
//! [`Error::under`](crate::Error::under). Params name what is wrong: `len`, `expected`, `found`,
//! `position` (1-based, counted in characters of the compact value).
//!
//! Findings that do not make an identifier invalid are warnings (severity
//! [`Warning`](crate::Severity::Warning)) returned by `warnings(&str)`, never by `validate`: an
//! unknown registration-authority/category pair in a USCC (`ID-06`), or a taxpayer id that looks
//! like a USCC or resident id but fails its check (`ID-18`, `ID-19`).
//!
//! ```
//! use invoice_core::ids::{resident_id, taxpayer_id, uscc};
//!
//! assert_eq!(uscc::validate(" 91350100m000100y43 ").unwrap(), "91350100M000100Y43");
//! assert_eq!(uscc::validate("91350100M000100Y44").unwrap_err().code(), "ID-04");
//! assert_eq!(resident_id::to_18("110105491231002").unwrap(), "11010519491231002X");
//! let c = taxpayer_id::classify("44078819091887401X").unwrap();
//! assert_eq!(c.form, taxpayer_id::Form::Other18);
//! ```

pub mod org_code;
pub mod resident_id;
mod scheme;
pub mod taxpayer_id;
pub mod uscc;
mod uscc_table;

pub use scheme::{Answer, Op, Parts, Scheme};

use crate::error::rules;

rules! {
    /// A USCC (or the 17 characters given to `calc_check_digit`) of the wrong length.
    USCC_LENGTH = ("ID-01", Error,
        "a unified social credit code must have {expected} characters, got {len}",
        "统一社会信用代码应为{expected}位，实际为{len}位");
    /// A character outside the GB 32100 alphabet `0-9 A-H J-N P-R T U W-Y`.
    USCC_CHARSET = ("ID-02", Error,
        "character {found} at position {position} is not allowed in a unified social credit code (digits and upper-case letters except I, O, S, V, Z)",
        "统一社会信用代码第{position}位字符{found}不合法（只能是数字或除 I、O、S、V、Z 以外的大写字母）");
    /// Positions 3–8 (the registration authority's administrative division) are not 6 digits.
    USCC_REGION = ("ID-03", Error,
        "positions 3-8 (administrative division code of the registration authority) must be 6 digits, found {found}",
        "第3-8位（登记管理机关行政区划码）应为6位数字，实际为{found}");
    /// The 18th character does not match the GB 32100 MOD 31 check.
    USCC_CHECK = ("ID-04", Error,
        "check character should be {expected}, found {found}",
        "校验码应为{expected}，实际为{found}");
    /// The organisation code in positions 9–17 fails its GB 11714 check.
    USCC_ORG_CODE = ("ID-05", Error,
        "the organisation code {org} in positions 9-17 fails its GB 11714 check: its check character should be {expected}, found {found}",
        "第9-17位的组织机构代码{org}未通过 GB 11714 校验：其校验码应为{expected}，实际为{found}");
    /// The (registration authority, category) pair is not in the table (a warning: later
    /// designations exist that the table may not know).
    USCC_UNKNOWN_PAIR = ("ID-06", Warning,
        "registration authority code {authority} with category code {category} is not listed in {table}",
        "登记管理部门代码{authority}与机构类别代码{category}的组合不在{table}中");
    /// An organisation code (or the 8-character body given to `calc_check_digit`) of the wrong length.
    ORG_LENGTH = ("ID-07", Error,
        "an organisation code must have {expected} characters, got {len}",
        "组织机构代码应为{expected}位，实际为{len}位");
    /// A character other than `0-9 A-Z` in an organisation code.
    ORG_CHARSET = ("ID-08", Error,
        "character {found} at position {position} is not allowed in an organisation code (digits and upper-case letters only)",
        "组织机构代码第{position}位字符{found}不合法（只能是数字或大写字母）");
    /// The 9th character does not match the GB 11714 MOD 11 check.
    ORG_CHECK = ("ID-09", Error,
        "organisation code check character should be {expected}, found {found}",
        "组织机构代码校验码应为{expected}，实际为{found}");
    /// A body in the reserved range `PDY00001`–`PDY99999`.
    ORG_RESERVED = ("ID-10", Error,
        "{code} is in the range PDY00001-PDY99999 that GB 11714 reserves for system-internal use; it is not valid for exchange",
        "{code}属于 GB 11714 保留的 PDY00001-PDY99999 系统内部代码段，不能用于信息交换");
    /// A resident identity number of the wrong length.
    RIC_LENGTH = ("ID-11", Error,
        "a resident identity number must have {expected} characters, got {len}",
        "居民身份号码应为{expected}位，实际为{len}位");
    /// A non-digit in a resident identity number (only the 18th character may be `X`).
    RIC_CHARSET = ("ID-12", Error,
        "character {found} at position {position} is not allowed in a resident identity number (digits only; the 18th, check character may be X)",
        "居民身份号码第{position}位字符{found}不合法（只能是数字，第18位校验码可为 X）");
    /// The birth date is not a real calendar date on or after 1800-01-01.
    RIC_BIRTH_DATE = ("ID-13", Error,
        "birth date {date} in positions {positions} is not a real calendar date from 1800-01-01 on",
        "第{positions}位的出生日期{date}不是1800-01-01及以后的有效日期");
    /// The 18th character does not match the ISO 7064 MOD 11-2 check.
    RIC_CHECK = ("ID-14", Error,
        "identity number check character should be {expected}, found {found}",
        "身份号码校验码应为{expected}，实际为{found}");
    /// The birth date lies after the `as_of` date the caller gave.
    RIC_FUTURE_BIRTH = ("ID-15", Error,
        "birth date {date} is after {as_of}",
        "出生日期{date}晚于{as_of}");
    /// A taxpayer id whose length is not 15, 17, 18 or 20.
    TIN_LENGTH = ("ID-16", Error,
        "a taxpayer identification number must have 15, 17, 18 or 20 characters, got {len}",
        "纳税人识别号长度只能为15、17、18或20位，实际为{len}位");
    /// A character other than `0-9 A-Z` in a taxpayer id.
    TIN_CHARSET = ("ID-17", Error,
        "character {found} at position {position} is not allowed in a taxpayer identification number (upper-case letters and digits only)",
        "纳税人识别号第{position}位字符{found}不合法（只能包括大写英文字母或数字）");
    /// An 18-character taxpayer id shaped like a USCC that fails the USCC checks.
    TIN_NEAR_USCC = ("ID-18", Warning,
        "{code} looks like a unified social credit code but fails its check ({rule}: expected {expected}, found {found}); it is treated as another 18-character taxpayer id",
        "{code}形似统一社会信用代码但未通过校验（{rule}：应为{expected}，实际为{found}），按其他18位纳税人识别号处理");
    /// An 18-character taxpayer id shaped like a resident identity number that fails its check.
    TIN_NEAR_RIC = ("ID-19", Warning,
        "{code} looks like a resident identity number but its check character should be {expected}, found {found}; it is treated as another 18-character taxpayer id",
        "{code}形似居民身份号码但校验码应为{expected}，实际为{found}，按其他18位纳税人识别号处理");
    /// The province part of a resident identity number is neither a GB/T 2260 province nor a
    /// documented special prefix (83 for Taiwan residents' residence permits; 9 followed by the
    /// accepting province for the 2023 foreigner's permanent residence card).
    RIC_PROVINCE = ("ID-20", Error,
        "{province} at positions {positions} is not a province code",
        "第{positions}位{province}不是省份代码");
}

/// The normalising step shared by every identifier (see the module docs).
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(64));
    out.extend(normal_chars(s));
    out
}

/// The characters [`normalise`] keeps, as they become.
fn normal_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(|c| {
        // Full-width ASCII (U+FF01..U+FF5E) maps to U+0021..U+007E.
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        (!(c.is_whitespace() || is_hyphen(c))).then(|| c.to_ascii_uppercase())
    })
}

/// [`fixed`] of the [`normalise`]d text, without building it: `Err` with the normalised length.
pub(crate) fn normalised_fixed<const N: usize>(s: &str) -> Result<[char; N], usize> {
    collect_fixed(normal_chars(s))
}

/// Hyphen-like characters removed by `compact` (the display form `XXXXXXXX-X`, dashes pasted
/// from documents).
fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// A character as shown in a message: itself when printable, `U+XXXX` otherwise.
pub(crate) fn shown(c: char) -> String {
    if c.is_control() || c.is_whitespace() || ('\u{200B}'..='\u{200F}').contains(&c) {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// The first `N` characters of `s` as an array, when `s` has exactly `N` characters; the
/// character count otherwise.
pub(crate) fn fixed<const N: usize>(s: &str) -> Result<[char; N], usize> {
    collect_fixed(s.chars())
}

fn collect_fixed<const N: usize>(chars: impl Iterator<Item = char>) -> Result<[char; N], usize> {
    let mut out = ['\0'; N];
    let mut n = 0usize;
    for c in chars {
        if let Some(slot) = out.get_mut(n) {
            *slot = c;
        }
        n += 1;
    }
    if n == N { Ok(out) } else { Err(n) }
}

/// The 1-based position and value of the first character of `chars` failing `ok`.
pub(crate) fn first_bad(chars: &[char], ok: impl Fn(usize, char) -> bool) -> Option<(usize, char)> {
    chars
        .iter()
        .enumerate()
        .find(|&(i, &c)| !ok(i, c))
        .map(|(i, &c)| (i + 1, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_handles_width_space_case_and_hyphens() {
        assert_eq!(normalise(" ９１ａ-b\u{3000}c\t"), "91ABC");
        assert_eq!(normalise("D2143569－X"), "D2143569X");
        assert_eq!(normalise("é"), "é");
        assert_eq!(normalise("\0"), "\0");
    }

    #[test]
    fn fixed_counts_chars_not_bytes() {
        assert_eq!(fixed::<2>("äb"), Ok(['ä', 'b']));
        assert_eq!(fixed::<2>("äbc"), Err(3));
        assert_eq!(fixed::<2>(""), Err(0));
    }

    #[test]
    fn shown_escapes_controls() {
        assert_eq!(shown('\0'), "U+0000");
        assert_eq!(shown('😀'), "😀");
    }
}
