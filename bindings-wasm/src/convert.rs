//! Conversions in for the file reader, whose bytes do not cross as JSON text (`INP-02` for a
//! wrong type). A JS string becomes Rust text in [`text`]: one holding a lone surrogate is the
//! core's `INP-07` at its path, never a U+FFFD.

use invoice_core::error::input::lone_surrogate;
use invoice_core::error::{INP_TYPE, ill_formed_text};
use invoice_core::{Error, Path};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

type CoreResult<T> = Result<T, Error>;

/// The JS type name shown in `INP-02` messages (`array` and `null` told apart from `object`).
pub(crate) fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}

pub(crate) fn wrong_type(expected: &str, found: &str, at: &Path) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", found)
        .at(at.clone())
}

/// A JS string as Rust text (`None` for any other value), or `INP-07` at `at` when it holds a
/// lone surrogate. wasm-bindgen's conversion writes a lone surrogate as U+FFFD, so only text
/// holding U+FFFD is looked at again, unit by unit, to tell a real U+FFFD from a replaced one.
pub(crate) fn text(v: &JsValue, at: &Path) -> CoreResult<Option<String>> {
    let Some(s) = v.as_string() else {
        return Ok(None);
    };
    if has_replacement(&s)
        && let Some(unit) = lone_surrogate(v.unchecked_ref::<js_sys::JsString>().iter())
    {
        return Err(ill_formed_text(unit).at(at.clone()));
    }
    Ok(Some(s))
}

/// Whether `s` holds U+FFFD (its UTF-8 bytes; a plain scan keeps `str::contains`'s searcher out
/// of the module).
pub(crate) fn has_replacement(s: &str) -> bool {
    s.as_bytes().windows(3).any(|w| w == [0xEF, 0xBF, 0xBD])
}

/// A string argument (codes, names); anything else is `INP-02`.
pub(crate) fn string(v: &JsValue, at: &Path) -> CoreResult<String> {
    text(v, at)?.ok_or_else(|| wrong_type("string", &type_name(v), at))
}
