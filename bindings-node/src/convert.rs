//! Conversions in: JS values to the strings and numbers the core takes, with coded errors.
//!
//! Arguments arrive as `unknown` so that a wrong type is reported by the catalogue (`INP-01` for a
//! float where money is expected, `INP-02` for any other wrong type) instead of a bare napi
//! `TypeError` without a code. Every JS string becomes Rust text in one place ([`read_string`]):
//! one holding a lone surrogate is the core's `INP-07` at its path, never a U+FFFD.

use invoice_core::error::input::lone_surrogate;
use invoice_core::error::{INP_FLOAT, INP_TOO_LARGE, INP_TYPE, ill_formed_text};
use invoice_core::{Error, Path};
use napi::ValueType;
use napi::bindgen_prelude::{
    FromNapiValue, Function, JsObjectValue, JsValue, KeyCollectionMode, KeyConversion, KeyFilter,
    Object, Uint8Array, Unknown,
};
use serde_json::Value;

use crate::error::{CoreResult, internal};

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

fn read_number(v: &Unknown) -> CoreResult<f64> {
    v.coerce_to_number()
        .and_then(|n| n.get_double())
        .map_err(|e| internal(&e))
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

/// A decimal-string argument: a JS number is `INP-01` (floats are not money), other types `INP-02`.
pub(crate) fn decimal(v: &Unknown, at: &Path) -> CoreResult<String> {
    match type_name(v)? {
        "string" => read_string(v, at),
        "number" => Err(Error::new(INP_FLOAT)
            .with("value", invoice_core_js::js_number(read_number(v)?))
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
            &format!("number {}", invoice_core_js::js_number(n)),
            at,
        )),
    }
}

/// How a JS `Date` is written: a calendar day (`YYYY-MM-DD`) or a local date-time
/// (`YYYY-MM-DDTHH:MM:SS`, for lifecycle steps). Both use the Date's *local* fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dates {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM-DDTHH:MM:SS`.
    DateTime,
}

fn date_field(obj: &Object, method: &str) -> CoreResult<f64> {
    let f: Function<(), f64> = obj.get_named_property(method).map_err(|e| internal(&e))?;
    f.apply(obj, ()).map_err(|e| internal(&e))
}

fn date_text(obj: &Object, dates: Dates, at: &Path) -> CoreResult<Value> {
    let y = date_field(obj, "getFullYear")?;
    if y.is_nan() {
        return Err(wrong_type("date", "Invalid Date", at));
    }
    let mut parts = [0i64; 6];
    let methods = [
        "getFullYear",
        "getMonth",
        "getDate",
        "getHours",
        "getMinutes",
        "getSeconds",
    ];
    for (slot, m) in parts.iter_mut().zip(methods) {
        // Whole numbers by construction (Date fields).
        *slot = date_field(obj, m)? as i64;
    }
    let [y, mo, d, h, mi, s] = parts;
    let mo = mo.saturating_add(1);
    Ok(Value::String(match dates {
        Dates::Day => format!("{y:04}-{mo:02}-{d:02}"),
        Dates::DateTime => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}"),
    }))
}

/// Any JS value as JSON for the core's readers. Numbers always become JSON floats (so money
/// given as a JS number is `INP-01` at its path, even a whole one); `Date`s become strings
/// ([`Dates`]); `undefined` properties are left out (`undefined` elsewhere is `null`); functions,
/// symbols and bigints are `INP-02` at their path; nesting deeper than
/// [`surface::MAX_DEPTH`](invoice_core_js::MAX_DEPTH) (a cycle) is `INP-06`.
pub(crate) fn json(v: &Unknown, dates: Dates, at: &Path) -> CoreResult<Value> {
    json_at(v, dates, at, 0)
}

fn json_at(v: &Unknown, dates: Dates, at: &Path, depth: usize) -> CoreResult<Value> {
    let found = type_name(v)?;
    match found {
        "undefined" | "null" => Ok(Value::Null),
        "boolean" => v
            .coerce_to_bool()
            .map(Value::Bool)
            .map_err(|e| internal(&e)),
        "number" => {
            let n = read_number(v)?;
            serde_json::Number::from_f64(n)
                .map(Value::Number)
                .ok_or_else(|| {
                    Error::new(INP_FLOAT)
                        .with("value", invoice_core_js::js_number(n))
                        .at(at.clone())
                })
        }
        "string" => read_string(v, at).map(Value::String),
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
            let obj = v.coerce_to_object().map_err(|e| internal(&e))?;
            if found == "array" {
                let len = obj.get_array_length().map_err(|e| internal(&e))?;
                let mut out = Vec::with_capacity(len.min(1 << 16) as usize);
                for i in 0..len {
                    let item: Unknown = obj.get_element(i).map_err(|e| internal(&e))?;
                    out.push(json_at(
                        &item,
                        dates,
                        &at.clone().index(i as usize),
                        depth + 1,
                    )?);
                }
                return Ok(Value::Array(out));
            }
            if v.is_date().map_err(|e| internal(&e))? {
                return date_text(&obj, dates, at);
            }
            let keys = obj
                .get_all_property_names(
                    KeyCollectionMode::OwnOnly,
                    KeyFilter::Enumerable,
                    KeyConversion::NumbersToStrings,
                )
                .map_err(|e| internal(&e))?;
            let n = keys.get_array_length().map_err(|e| internal(&e))?;
            let mut out = serde_json::Map::new();
            for i in 0..n {
                let key: Unknown = keys.get_element(i).map_err(|e| internal(&e))?;
                if type_name(&key)? != "string" {
                    continue; // symbol keys are not data
                }
                // An ill-formed key is reported at the object holding it.
                let name = read_string(&key, at)?;
                let item: Unknown = obj.get_property(key).map_err(|e| internal(&e))?;
                if type_name(&item)? == "undefined" {
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
    v: &Unknown,
    dates: Dates,
    at: &Path,
) -> CoreResult<Vec<CoreResult<Value>>> {
    let found = type_name(v)?;
    if found != "array" {
        return Err(wrong_type("array", found, at));
    }
    let obj = v.coerce_to_object().map_err(|e| internal(&e))?;
    let len = obj.get_array_length().map_err(|e| internal(&e))?;
    let mut out = Vec::with_capacity(len.min(1 << 16) as usize);
    for i in 0..len {
        let item: Unknown = obj.get_element(i).map_err(|e| internal(&e))?;
        out.push(json(&item, dates, &Path::root()));
    }
    Ok(out)
}

/// A data argument given both as the JSON text the JS layer wrote and as the JS value: the text
/// when [`from_js_text`] accepts it, else the walker over the value (same result either way; the
/// walker gives the coded errors).
pub(crate) fn json_or_text(
    text: Option<&str>,
    v: &Unknown,
    dates: Dates,
    at: &Path,
) -> CoreResult<Value> {
    match from_js_text(text) {
        Some(value) => Ok(value),
        None => json(v, dates, at),
    }
}

/// [`json_list`] with the list's JSON text tried first (see [`json_or_text`]).
pub(crate) fn json_list_or_text(
    text: Option<&str>,
    v: &Unknown,
    dates: Dates,
    at: &Path,
) -> CoreResult<Vec<CoreResult<Value>>> {
    match invoice_core_js::list_from_js_text(text) {
        Some(items) => Ok(items.into_iter().map(Ok).collect()),
        None => json_list(v, dates, at),
    }
}

/// A data argument that the JS layer wrote as one JSON text: the one-value form of
/// [`surface::list_from_js_text`](invoice_core_js::list_from_js_text), which says what the text
/// holds and when it is refused (`None`: the caller then walks the JS value itself, so the coded
/// error is the walker's).
pub(crate) fn from_js_text(text: Option<&str>) -> Option<Value> {
    let mut v: Value = invoice_core_js::parse_js_text(text?)?;
    invoice_core_js::as_js_numbers(&mut v, 0).then_some(v)
}
