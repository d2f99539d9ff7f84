//! Conversions in: JS values to the strings and numbers the core takes, with coded errors, and
//! small helpers to build plain JS objects out.
//!
//! Arguments arrive as `JsValue` so that a wrong type is reported by the catalogue (`INP-01` for a
//! float where money is expected, `INP-02` for any other wrong type). Every JS string becomes Rust
//! text in [`text`]: one holding a lone surrogate is the core's `INP-07` at its path, never a
//! U+FFFD.

use invoice_core::error::input::lone_surrogate;
use invoice_core::error::{INP_FLOAT, INP_INTERNAL, INP_TOO_LARGE, INP_TYPE, ill_formed_text};
use invoice_core::{Error, Path};
use js_sys::{Array, Object, Reflect};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::CoreResult;

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

/// A decimal-string argument: a JS number is `INP-01` (floats are not money), other types `INP-02`.
pub(crate) fn decimal(v: &JsValue, at: &Path) -> CoreResult<String> {
    if let Some(s) = text(v, at)? {
        return Ok(s);
    }
    match v.as_f64() {
        Some(n) => Err(Error::new(INP_FLOAT)
            .with("value", invoice_core_js::js_number(n))
            .at(at.clone())),
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
    (0..=max).find(|i| f64::from(*i) == n).ok_or_else(|| {
        let found = format!("number {}", invoice_core_js::js_number(n));
        wrong_type(&expected, &found, at)
    })
}

/// A plain JS object from key/value pairs.
#[cfg(feature = "full")]
pub(crate) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        crate::error::set(&o, k, v.clone());
    }
    o.into()
}

/// How a JS `Date` is written: a calendar day (`YYYY-MM-DD`) or a local date-time
/// (`YYYY-MM-DDTHH:MM:SS`, for lifecycle steps). Both use the Date's *local* fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dates {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM-DDTHH:MM:SS` (only lifecycle steps, in the full build).
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    DateTime,
}

fn date_text(d: &js_sys::Date, dates: Dates, at: &Path) -> CoreResult<Value> {
    if d.get_time().is_nan() {
        return Err(wrong_type("date", "Invalid Date", at));
    }
    let (y, mo, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    Ok(Value::String(match dates {
        Dates::Day => format!("{y:04}-{mo:02}-{day:02}"),
        Dates::DateTime => format!(
            "{y:04}-{mo:02}-{day:02}T{:02}:{:02}:{:02}",
            d.get_hours(),
            d.get_minutes(),
            d.get_seconds()
        ),
    }))
}

/// Any JS value as JSON for the core's readers, exactly as the Node addon reads it: numbers
/// always become JSON floats (money given as a JS number is `INP-01` at its path, even a whole
/// one); `Date`s become strings ([`Dates`]); `undefined` properties are left out (`undefined`
/// elsewhere is `null`); functions, symbols and bigints are `INP-02` at their path; nesting
/// deeper than [`surface::MAX_DEPTH`](invoice_core_js::MAX_DEPTH) (a cycle) is `INP-06`.
pub(crate) fn json(v: &JsValue, dates: Dates, at: &Path) -> CoreResult<Value> {
    json_at(v, dates, at, 0)
}

fn json_at(v: &JsValue, dates: Dates, at: &Path, depth: usize) -> CoreResult<Value> {
    let found = type_name(v);
    match found.as_str() {
        "undefined" | "null" => Ok(Value::Null),
        "boolean" => Ok(Value::Bool(v.is_truthy())),
        "number" => {
            let n = v.as_f64().unwrap_or(f64::NAN);
            serde_json::Number::from_f64(n)
                .map(Value::Number)
                .ok_or_else(|| {
                    Error::new(INP_FLOAT)
                        .with("value", invoice_core_js::js_number(n))
                        .at(at.clone())
                })
        }
        "string" => Ok(Value::String(text(v, at)?.unwrap_or_default())),
        "array" | "object" => {
            if depth >= invoice_core_js::MAX_DEPTH {
                return Err(Error::new(INP_TOO_LARGE)
                    .with(
                        "size",
                        format!("nesting deeper than {}", invoice_core_js::MAX_DEPTH),
                    )
                    .with("limit", invoice_core_js::MAX_DEPTH)
                    .at(at.clone()));
            }
            if found == "array" {
                let arr: &Array = v.unchecked_ref();
                let mut out = Vec::with_capacity((arr.length() as usize).min(1 << 16));
                for (i, item) in arr.iter().enumerate() {
                    out.push(json_at(&item, dates, &at.clone().index(i), depth + 1)?);
                }
                return Ok(Value::Array(out));
            }
            if let Some(d) = v.dyn_ref::<js_sys::Date>() {
                return date_text(d, dates, at);
            }
            let obj: &Object = v.unchecked_ref();
            let mut out = serde_json::Map::new();
            for key in Object::keys(obj).iter() {
                // An ill-formed key is reported at the object holding it.
                let name = text(&key, at)?.unwrap_or_default();
                let item = Reflect::get(obj, &key).map_err(|_| {
                    Error::new(INP_INTERNAL)
                        .with("reason", "a property getter threw")
                        .at(at.clone())
                })?;
                if item.is_undefined() {
                    continue;
                }
                let value = json_at(&item, dates, &at.clone().key(name.clone()), depth + 1)?;
                out.insert(name, value);
            }
            Ok(Value::Object(out))
        }
        other => Err(wrong_type("a JSON value", other, at)),
    }
}

/// A JS array read element by element: each element's reading problem stays with that element
/// (its path relative to the element), so one bad invoice does not hide the others' reports.
pub(crate) fn json_list(
    v: &JsValue,
    dates: Dates,
    at: &Path,
) -> CoreResult<Vec<CoreResult<Value>>> {
    if !Array::is_array(v) {
        return Err(wrong_type("array", &type_name(v), at));
    }
    let arr: &Array = v.unchecked_ref();
    Ok(arr
        .iter()
        .map(|item| json(&item, dates, &Path::root()))
        .collect())
}
