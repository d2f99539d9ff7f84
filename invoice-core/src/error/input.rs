//! The `INP` family: input that cannot be read at all (wrong type, a float where money is
//! expected, bad JSON, too large, ill-formed text), used by every module and by the bindings. It
//! sits with the error type, below every module; the catalogue (`crate::catalog`) gathers it with
//! the rest.
//!
//! **Ill-formed text** (`INP-07`): JavaScript and Python strings can hold a lone surrogate (a
//! UTF-16 code unit U+D800–U+DFFF without its pair), which is no character and has no UTF-8 form.
//! Such text is refused, never rewritten (a silent U+FFFD would change a name or make two
//! runtimes disagree). A binding detects it where the host string becomes Rust text and builds
//! the error with [`ill_formed_text`] (or [`text_from_utf16`]) at the path of the string, or of
//! the object for an object key:
//!
//! ```
//! use invoice_core::error::input::{lone_surrogate, text_from_utf16};
//!
//! assert_eq!(text_from_utf16(&[0x53d1, 0x7968]).unwrap(), "发票");
//! let e = text_from_utf16(&[65, 0xD800, 66]).unwrap_err();
//! assert_eq!(e.code(), "INP-07");
//! assert_eq!(e.param("unit"), Some("U+D800"));
//! assert_eq!(lone_surrogate([0xD83D, 0xDE00]), None); // a pair: 😀
//! ```

super::rules! {
    /// A float was given where money or a quantity is expected.
    INP_FLOAT = ("INP-01", Error,
        "floats are not money: pass a decimal string or Decimal instead of {value}",
        "浮点数不能表示金额：请传入十进制字符串或 Decimal，而不是 {value}");
    /// A value of the wrong type.
    INP_TYPE = ("INP-02", Error,
        "expected {expected}, found {found}",
        "应为 {expected}，实际为 {found}");
    /// Text that is not valid JSON or does not fit the model.
    INP_JSON = ("INP-03", Error,
        "cannot read the input: {reason}",
        "无法读取输入：{reason}");
    /// A required value is missing.
    INP_MISSING = ("INP-04", Error,
        "a value is required here",
        "此处必须提供值");
    /// An option or enum value that is not one of the allowed names.
    INP_UNKNOWN_OPTION = ("INP-05", Error,
        "unknown value {value}; expected one of {allowed}",
        "未知取值 {value}，应为以下之一：{allowed}");
    /// The input is larger than the library accepts.
    INP_TOO_LARGE = ("INP-06", Error,
        "input too large: {size} exceeds the limit of {limit}",
        "输入过大：{size} 超过上限 {limit}");
    /// Text holding a lone surrogate (a host string that is not well-formed Unicode), at the
    /// path of the string, or of the object whose key it is.
    INP_ILL_FORMED = ("INP-07", Error,
        "ill-formed text: the lone surrogate {unit} is not a character",
        "文本格式错误：孤立代理码元 {unit} 不是字符");
    /// An internal failure turned into an error instead of a crash (a binding caught a panic).
    INP_INTERNAL = ("INP-99", Error,
        "internal error: {reason}",
        "内部错误：{reason}");
}

/// `INP-07` for host text holding the lone surrogate `unit` (named `U+D800`); the caller places
/// it at the string's path with [`Error::at`](super::Error::at).
pub fn ill_formed_text(unit: u16) -> super::Error {
    super::Error::new(INP_ILL_FORMED).with("unit", format_args!("U+{unit:04X}"))
}

/// The first lone surrogate of text given as UTF-16 code units (how JavaScript holds a string),
/// or `None` when the units are well-formed.
pub fn lone_surrogate(units: impl IntoIterator<Item = u16>) -> Option<u16> {
    char::decode_utf16(units)
        .find_map(Result::err)
        .map(|e| e.unpaired_surrogate())
}

/// Text given as UTF-16 code units as a Rust string.
///
/// # Errors
/// `INP-07` ([`ill_formed_text`]) naming the first lone surrogate.
pub fn text_from_utf16(units: &[u16]) -> Result<String, super::Error> {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.map_err(|e| ill_formed_text(e.unpaired_surrogate())))
        .collect()
}

/// The character a lone surrogate escape is replaced with by [`mend_lone_escapes`]: a
/// noncharacter, which no invoice text holds.
pub const LONE_ESCAPE_MARK: char = '\u{FDD0}';

/// JSON text whose `\uXXXX` escapes name a lone surrogate (which JSON's grammar allows and
/// JavaScript's `JSON.parse` turns into an ill-formed string, but no Rust string can hold), with
/// each such escape replaced by [`LONE_ESCAPE_MARK`], and the first lone unit; `None` when the
/// text has none (or already holds the mark, which would make the place ambiguous). The caller
/// parses the mended text and reports `INP-07` where the mark is, as every route that reads host
/// strings does.
pub fn mend_lone_escapes(text: &str) -> Option<(u16, String)> {
    if text.contains(LONE_ESCAPE_MARK) || text.to_ascii_lowercase().contains("\\ufdd0") {
        return None;
    }
    let bytes = text.as_bytes();
    let unit_at = |i: usize| -> Option<u16> {
        let hex = bytes.get(i..i + 6)?;
        if hex.first() != Some(&b'\\') || hex.get(1) != Some(&b'u') {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(hex.get(2..)?).ok()?, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut first = None;
    let mut i = 0;
    let mut last = 0;
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'\\') {
            match unit_at(i) {
                Some(0xD800..=0xDBFF) if matches!(unit_at(i + 6), Some(0xDC00..=0xDFFF)) => {
                    i += 12;
                }
                Some(u @ 0xD800..=0xDFFF) => {
                    out.push_str(text.get(last..i)?);
                    out.push(LONE_ESCAPE_MARK);
                    first.get_or_insert(u);
                    i += 6;
                    last = i;
                }
                // Any other escape (`\\`, `\"`, a plain `\u0041`): skip its two first bytes, so
                // an escaped backslash is never read as the start of an escape.
                _ => i += 2,
            }
        } else {
            i += 1;
        }
    }
    out.push_str(text.get(last..)?);
    first.map(|u| (u, out))
}
