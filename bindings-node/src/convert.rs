//! Conversions in: every call's argument text ([`text`]), and for the file reader, whose bytes do
//! not cross as JSON text, a `Uint8Array`, a path or a list of `{name, bytes}`, with coded errors
//! (`INP-02` for a wrong type, never a bare napi `TypeError`). A JS string becomes Rust text in
//! [`read_string`]: one holding a lone surrogate is the core's `INP-07` at its path, never a
//! U+FFFD.

use invoice_core::error::input::lone_surrogate;
use invoice_core::error::{INP_INTERNAL, INP_TYPE, ill_formed_text};
use invoice_core::{Error, Path};
use napi::bindgen_prelude::{FromNapiValue, JsObjectValue, JsValue, Uint8Array, Unknown};
use napi::{JsString, ValueType};

/// What a conversion gives: the value or its coded error.
pub(crate) type CoreResult<T> = Result<T, Error>;

/// A failure of the Node-API itself (not of the input) as a coded error.
pub(crate) fn internal(e: &napi::Error) -> Error {
    Error::new(INP_INTERNAL).with("reason", &e.reason)
}

/// The JS type name shown in `INP-02` messages (`array` and `null` told apart from `object`).
pub(crate) fn type_name(v: &Unknown) -> CoreResult<&'static str> {
    Ok(match v.get_type().map_err(|e| internal(&e))? {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "boolean",
        ValueType::Number => "number",
        ValueType::String => "string",
        ValueType::Symbol => "symbol",
        ValueType::Object if v.is_array().map_err(|e| internal(&e))? => "array",
        ValueType::Object => "object",
        ValueType::Function => "function",
        ValueType::External => "external",
        ValueType::BigInt => "bigint",
        _ => "unknown",
    })
}

/// A call's argument text (surface.js writes it, well-formed) as Rust text.
///
/// Read as UTF-16 and converted here rather than asked of V8 as UTF-8: V8 measures the UTF-8
/// length in one pass and writes it in another, a character at a time, while its UTF-16 length
/// is known and its units are copied whole; `encoding_rs` then converts a word at a time through
/// ASCII runs (the keys, numbers and codes that are most of an invoice's text). The addon's raw
/// `validate` of the benches' invoice 4.0 -> 3.6 us (benches/README.md, session 12). A lone
/// surrogate (which only a direct caller of a raw export can send) becomes U+FFFD, as V8's UTF-8
/// did.
pub(crate) fn text(s: JsString<'_>) -> CoreResult<String> {
    let units = s.into_utf16().map_err(|e| internal(&e))?;
    // napi-rs's slice always ends with the terminating NUL it asked for (its own `as_str` drops
    // the last unit the same way); a NUL of the text itself stays.
    let units = units
        .as_slice()
        .split_last()
        .map_or(&[][..], |(_, text)| text);
    // Each UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, two units, is 4).
    let mut text = "\0".repeat(units.len() * 3);
    let written = encoding_rs::mem::convert_utf16_to_str(units, &mut text);
    text.truncate(written);
    Ok(text)
}

/// A JS string as Rust text, or `INP-07` at `at` when it holds a lone surrogate. V8 writes a lone
/// surrogate as U+FFFD in UTF-8, so only text holding U+FFFD is read again as UTF-16 to tell a
/// real U+FFFD from a replaced one.
fn read_string(v: &Unknown, at: &Path) -> CoreResult<String> {
    let js = v.coerce_to_string().map_err(|e| internal(&e))?;
    let text = js
        .into_utf8()
        .and_then(|s| s.into_owned())
        .map_err(|e| internal(&e))?;
    if text.contains('\u{FFFD}') {
        let units = js.into_utf16().map_err(|e| internal(&e))?;
        if let Some(unit) = lone_surrogate(units.as_slice().iter().copied()) {
            return Err(ill_formed_text(unit).at(at.clone()));
        }
    }
    Ok(text)
}

pub(crate) fn wrong_type(expected: &str, found: &str, at: &Path) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", found)
        .at(at.clone())
}

/// A string argument (codes, names); anything else is `INP-02`.
pub(crate) fn string(v: &Unknown, at: &Path) -> CoreResult<String> {
    match type_name(v)? {
        "string" => read_string(v, at),
        other => Err(wrong_type("string", other, at)),
    }
}

/// The bytes of a `Uint8Array` (a Node `Buffer` is one); anything else is `INP-02`.
pub(crate) fn bytes(v: &Unknown, at: &Path) -> CoreResult<Vec<u8>> {
    if v.is_typedarray().map_err(|e| internal(&e))?
        && let Ok(array) = Uint8Array::from_unknown(*v)
    {
        return Ok(array.to_vec());
    }
    Err(wrong_type("Uint8Array", type_name(v)?, at))
}

/// The elements of a JS array; anything else is `INP-02`.
pub(crate) fn list<'e>(v: &Unknown<'e>, at: &Path) -> CoreResult<Vec<Unknown<'e>>> {
    let found = type_name(v)?;
    if found != "array" {
        return Err(wrong_type("array", found, at));
    }
    let obj = v.coerce_to_object().map_err(|e| internal(&e))?;
    let len = obj.get_array_length().map_err(|e| internal(&e))?;
    (0..len)
        .map(|i| obj.get_element(i).map_err(|e| internal(&e)))
        .collect()
}
