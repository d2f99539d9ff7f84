//! Conversions in: JS values to the strings and numbers the core takes, with coded errors, and
//! small helpers to build plain JS objects out.
//!
//! Arguments arrive as `JsValue` so that a wrong type is reported by the catalogue (`INP-01` for a
//! float where money is expected, `INP-02` for any other wrong type).

use invoice_core::error::catalog::{INP_FLOAT, INP_TYPE};
use invoice_core::{Error, Path};
use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

use crate::error::{CoreResult, set};

/// The JS type name shown in `INP-02` messages (`array` and `null` told apart from `object`).
fn type_name(v: &JsValue) -> String {
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

fn wrong_type(expected: &str, found: &str, at: &Path) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", found)
        .at(at.clone())
}

/// A string argument (codes, names); anything else is `INP-02`.
pub(crate) fn string(v: &JsValue, at: &Path) -> CoreResult<String> {
    v.as_string()
        .ok_or_else(|| wrong_type("string", &type_name(v), at))
}

/// A decimal-string argument: a JS number is `INP-01` (floats are not money), other types `INP-02`.
pub(crate) fn decimal(v: &JsValue, at: &Path) -> CoreResult<String> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    match v.as_f64() {
        Some(n) => Err(Error::new(INP_FLOAT).with("value", n).at(at.clone())),
        None => Err(wrong_type("string", &type_name(v), at)),
    }
}

/// A small non-negative integer argument (decimal places, counts); `INP-02` otherwise.
pub(crate) fn small_uint(v: &JsValue, max: u32, at: &Path) -> CoreResult<u32> {
    let expected = format!("integer 0–{max}");
    let Some(n) = v.as_f64() else {
        return Err(wrong_type(&expected, &type_name(v), at));
    };
    // Exact integer check without float arithmetic: the value must survive a round trip.
    (0..=max)
        .find(|i| f64::from(*i) == n)
        .ok_or_else(|| wrong_type(&expected, &format!("number {n}"), at))
}

/// A plain JS object from key/value pairs.
pub(crate) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        set(&o, k, v.clone());
    }
    o.into()
}

/// A string, or `null` for `None`.
pub(crate) fn nullable(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}
