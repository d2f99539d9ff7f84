//! Validation entry points that return reports instead of throwing, and the never-throwing
//! `isValid` of each identifier family.

use invoice_core::Path;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use invoice_core::money;

use crate::convert::{self, Dates};
use crate::error::CoreResult;
use invoice_core_js::{self as surface, Family};

/// `<family>.isValid(value)`: true when valid; never throws.
pub(crate) fn id_is_valid(family: Family, value: &JsValue) -> bool {
    let v = convert::json(value, Dates::Day, &Path::root()).unwrap_or(Value::Null);
    matches!(
        surface::id_op(family, surface::IdOp::IsValid, &v),
        Some(Ok(Value::Bool(true)))
    )
}

/// `validate(invoice, options)`: `{valid, findings}`; a reading problem of the invoice is a
/// finding, only bad options throw.
pub(crate) fn validate(
    invoice: CoreResult<Value>,
    options: CoreResult<Value>,
) -> CoreResult<Value> {
    surface::validate_one(&invoice, &options?)
}

/// `isValid(invoice, options)`: true when `validate` finds no error.
pub(crate) fn is_valid(
    invoice: CoreResult<Value>,
    options: CoreResult<Value>,
) -> CoreResult<Value> {
    surface::is_valid(&invoice, &options?)
}

/// `validateMany(invoices, options)`: one report per invoice, in order (each invoice read on its
/// own, so one that cannot be read does not hide the others' reports).
pub(crate) fn validate_many(
    invoices: CoreResult<Vec<CoreResult<Value>>>,
    options: CoreResult<Value>,
) -> CoreResult<Value> {
    let list = invoices?;
    let ctx = surface::context(&options?)?;
    Ok(surface::validate_many(&list, &ctx))
}

/// `amountInWords(amount, options?)`: the 大写 of a decimal-string amount (the general entry:
/// any argument types, coded errors).
pub(crate) fn amount_in_words(amount: &JsValue, options: &JsValue) -> CoreResult<String> {
    let text = convert::decimal(amount, &Path::root())?;
    let opts = if options.is_undefined() || options.is_null() {
        Value::Null
    } else {
        convert::json(options, Dates::Day, &Path::root())?
    };
    surface::amount_in_words_text(&text, &opts)
}

/// `roundHalfUp(value, places)`: half-up (四舍五入) to `places` decimals (0–28).
pub(crate) fn round_half_up(value: &JsValue, places: &JsValue) -> CoreResult<Value> {
    let text = convert::decimal(value, &Path::field("value"))?;
    let dp = convert::small_uint(places, 28, &Path::field("places"))?;
    // The core's strict syntax, so every binding accepts exactly the same text.
    let d = money::parse_decimal_wide(&text).map_err(|e| e.at(Path::field("value")))?;
    Ok(Value::String(money::round_half_up(d, dp).to_string()))
}

/// The hot path of `amountInWords(amount)` for a string amount and no options: the string
/// crosses as wasm-bindgen's `&str` (one copy, no JsValue round trip). `js/api.js` calls it only
/// when the first argument is a string and there is no second; same answers as the general entry.
/// `undefined` when the text holds U+FFFD, which is how wasm-bindgen writes a lone surrogate:
/// `js/api.js` then calls the general entry, which tells the two apart (`INP-07`).
#[wasm_bindgen(js_name = fast__amountInWords)]
pub fn amount_in_words_fast(amount: &str) -> Result<Option<String>, JsValue> {
    if convert::has_replacement(amount) {
        return Ok(None);
    }
    surface::amount_in_words_text(amount, &Value::Null)
        .map(Some)
        .map_err(|e| crate::error::to_js(&e))
}
