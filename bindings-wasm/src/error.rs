//! Error mapping: a core [`invoice_core::Error`] becomes a thrown JS `Error` carrying its data.
//!
//! Rust builds a plain `Error` (`name = "InvoiceError"`, `message` = the core's one-line English
//! `Display`) with the properties `code`, `path` (array of keys and indexes), `messageEn`,
//! `messageZh`, `params` and `severity`. wasm-bindgen cannot declare a JS class that extends
//! `Error`, so the hand-written wrapper `js/api.js` rethrows it as an `InvoiceError` instance
//! (a real `Error` subclass) with the same properties.

use invoice_core::error::Segment;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// What a binding function computes before conversion to JS.
pub(crate) type CoreResult<T> = Result<T, invoice_core::Error>;

/// Sets `key` on `target`; a failure (a frozen object) cannot happen on the fresh objects built
/// here, so it is ignored.
pub(crate) fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

/// The JS error object for `e`.
pub(crate) fn to_js(e: &invoice_core::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("InvoiceError");
    let path = Array::new();
    for seg in e.path().segments() {
        match seg {
            Segment::Key(k) => path.push(&JsValue::from_str(k)),
            Segment::Index(n) => path.push(&JsValue::from(u32::try_from(*n).unwrap_or(u32::MAX))),
        };
    }
    let params = Object::new();
    for (name, value) in e.params() {
        set(&params, name, value.as_str());
    }
    let obj: &Object = err.as_ref();
    set(obj, "code", e.code());
    set(obj, "path", path);
    set(obj, "params", params);
    set(obj, "messageEn", e.message());
    set(obj, "messageZh", e.message_zh());
    set(obj, "severity", e.severity().as_str());
    err.into()
}

/// Converts a core result for return to JS.
#[cfg(feature = "full")]
pub(crate) fn out<T: Into<JsValue>>(r: CoreResult<T>) -> Result<JsValue, JsValue> {
    r.map(Into::into).map_err(|e| to_js(&e))
}

/// Converts a JSON-level result (see `surface`) for return to JS as a plain value.
pub(crate) fn out_json(r: CoreResult<serde_json::Value>) -> Result<JsValue, JsValue> {
    let v = r.map_err(|e| to_js(&e))?;
    // Scalars cross directly; only objects and arrays go through JSON text (one JSON.parse is
    // faster than building them property by property across the boundary).
    match &v {
        serde_json::Value::String(s) => return Ok(JsValue::from_str(s)),
        serde_json::Value::Bool(b) => return Ok(JsValue::from_bool(*b)),
        serde_json::Value::Null => return Ok(JsValue::NULL),
        _ => {}
    }
    // Writing a `Value` cannot fail (string keys, finite numbers); the error's own text would
    // bring serde_json's message table along for nothing.
    let text = serde_json::to_string(&v).map_err(|_| {
        to_js(
            &invoice_core::Error::new(invoice_core::error::INP_INTERNAL)
                .with("reason", "the answer could not be written as JSON"),
        )
    })?;
    js_sys::JSON::parse(&text)
}
