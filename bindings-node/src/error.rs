//! Error mapping: a core [`invoice_core::Error`] becomes a thrown JS `Error` carrying its data.
//!
//! The thrown object is a real `Error` (so `instanceof Error`, stack traces and `message` work)
//! with `name = "InvoiceError"`, `message` = the core's one-line English `Display`
//! (`[MNY-02] …`), and the properties `code`, `path` (array of keys and indexes), `messageEn`,
//! `messageZh`, `params` (an object of strings) and `severity` (`"error"` / `"warning"`).

use std::panic::{AssertUnwindSafe, catch_unwind};

use invoice_core::error::INP_INTERNAL;
use invoice_core::error::Segment;
use napi::bindgen_prelude::{JsObjectValue, JsValue, Object};
use napi::{Env, Status};

/// What a binding function computes before conversion to JS.
pub(crate) type CoreResult<T> = Result<T, invoice_core::Error>;

/// A failure of the Node-API itself (not of the input) as a coded error.
pub(crate) fn internal(e: &napi::Error) -> invoice_core::Error {
    invoice_core::Error::new(INP_INTERNAL).with("reason", &e.reason)
}

/// Runs one binding call: a core error is thrown as a coded JS error, and a panic (which the core
/// promises never happens) becomes `INP-99` instead of aborting the Node process.
pub(crate) fn call<T>(env: &Env, f: impl FnOnce() -> CoreResult<T>) -> napi::Result<T> {
    let outcome = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(invoice_core::Error::new(INP_INTERNAL).with("reason", reason))
    });
    outcome.map_err(|e| to_js(env, &e))
}

/// The JS error object for `e`, wrapped so that napi throws that very object.
pub(crate) fn to_js(env: &Env, e: &invoice_core::Error) -> napi::Error {
    match build(env, e) {
        Ok(obj) => napi::Error::from(obj.to_unknown()),
        // Building the object failed (the env is tearing down): fall back to a plain error.
        Err(_) => napi::Error::new(Status::GenericFailure, e.to_string()),
    }
}

fn build<'e>(env: &'e Env, e: &invoice_core::Error) -> napi::Result<Object<'e>> {
    let mut obj = env.create_error(napi::Error::new(Status::GenericFailure, e.to_string()))?;
    obj.set_named_property("name", "InvoiceError")?;
    obj.set_named_property("code", e.code())?;
    let segments = e.path().segments();
    let mut path = env.create_array(u32::try_from(segments.len()).unwrap_or(u32::MAX))?;
    for (i, seg) in (0u32..).zip(segments) {
        match seg {
            Segment::Key(k) => path.set(i, k.as_ref())?,
            Segment::Index(n) => path.set(i, u32::try_from(*n).unwrap_or(u32::MAX))?,
        }
    }
    obj.set_named_property("path", path)?;
    let mut params = Object::new(env)?;
    for (name, value) in e.params() {
        params.set_named_property(name, value.as_str())?;
    }
    obj.set_named_property("params", params)?;
    obj.set_named_property("messageEn", e.message())?;
    obj.set_named_property("messageZh", e.message_zh())?;
    obj.set_named_property("severity", e.severity().as_str())?;
    Ok(obj)
}
