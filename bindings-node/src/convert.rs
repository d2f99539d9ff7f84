//! Conversions in: JS values to the strings and numbers the core takes, with coded errors.
//!
//! Arguments arrive as `unknown` so that a wrong type is reported by the catalogue (`INP-01` for a
//! float where money is expected, `INP-02` for any other wrong type) instead of a bare napi
//! `TypeError` without a code.

use invoice_core::error::catalog::{INP_FLOAT, INP_TYPE};
use invoice_core::{Error, Path};
use napi::ValueType;
use napi::bindgen_prelude::{JsValue, Unknown};

use crate::error::{CoreResult, internal};

/// The JS type name shown in `INP-02` messages (`array` and `null` told apart from `object`).
fn type_name(v: &Unknown) -> CoreResult<&'static str> {
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

fn read_string(v: &Unknown) -> CoreResult<String> {
    v.coerce_to_string()
        .and_then(|s| s.into_utf8())
        .and_then(|s| s.into_owned())
        .map_err(|e| internal(&e))
}

fn read_number(v: &Unknown) -> CoreResult<f64> {
    v.coerce_to_number()
        .and_then(|n| n.get_double())
        .map_err(|e| internal(&e))
}

fn wrong_type(expected: &str, found: &str, at: &Path) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", found)
        .at(at.clone())
}

/// A string argument (codes, names); anything else is `INP-02`.
pub(crate) fn string(v: &Unknown, at: &Path) -> CoreResult<String> {
    match type_name(v)? {
        "string" => read_string(v),
        other => Err(wrong_type("string", other, at)),
    }
}

/// A decimal-string argument: a JS number is `INP-01` (floats are not money), other types `INP-02`.
pub(crate) fn decimal(v: &Unknown, at: &Path) -> CoreResult<String> {
    match type_name(v)? {
        "string" => read_string(v),
        "number" => Err(Error::new(INP_FLOAT)
            .with("value", read_number(v)?)
            .at(at.clone())),
        other => Err(wrong_type("string", other, at)),
    }
}

/// A small non-negative integer argument (decimal places, counts); `INP-02` otherwise.
pub(crate) fn small_uint(v: &Unknown, max: u32, at: &Path) -> CoreResult<u32> {
    let found = type_name(v)?;
    if found != "number" {
        return Err(wrong_type(&format!("integer 0–{max}"), found, at));
    }
    let n = read_number(v)?;
    // Exact integer check without float arithmetic: the value must survive a round trip.
    match (0..=max).find(|i| f64::from(*i) == n) {
        Some(i) => Ok(i),
        None => Err(wrong_type(
            &format!("integer 0–{max}"),
            &format!("number {n}"),
            at,
        )),
    }
}
