//! Validation entry points that return reports instead of throwing, and the never-throwing
//! `isValid` of each identifier family.

use invoice_core::Path;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use invoice_core::money;

use crate::convert::{self, Dates};
use crate::error::{CoreResult, out_json};
use crate::surface::{self, Family};

/// `<family>.isValid(value)`: true when valid; never throws.
pub(crate) fn id_is_valid(family: Family, value: &JsValue) -> bool {
    let v = convert::json(value, Dates::Day, &Path::root()).unwrap_or(Value::Null);
    matches!(
        surface::id_op(family, "isValid", &v),
        Some(Ok(Value::Bool(true)))
    )
}

/// `validate(invoice, options)`: `{valid, findings}`; only bad options throw.
#[wasm_bindgen]
pub fn validate(invoice: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let inv = convert::json(&invoice, Dates::Day, &Path::root());
    out_json(
        convert::json(&options, Dates::Day, &Path::root())
            .and_then(|opts| surface::validate_one(&inv, &opts)),
    )
}

/// `isValid(invoice, options)`: true when `validate` finds no error.
#[wasm_bindgen(js_name = isValid)]
pub fn is_valid(invoice: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let inv = convert::json(&invoice, Dates::Day, &Path::root());
    out_json(
        convert::json(&options, Dates::Day, &Path::root())
            .and_then(|opts| surface::is_valid(&inv, &opts)),
    )
}

/// `validateMany(invoices, options)`: one report per invoice, in order.
#[wasm_bindgen(js_name = validateMany)]
pub fn validate_many(invoices: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let list = convert::json_list(&invoices, Dates::Day, &Path::root())?;
        let opts = convert::json(&options, Dates::Day, &Path::root())?;
        let ctx = surface::context(&opts)?;
        Ok(surface::validate_many(&list, &ctx))
    })())
}

// The JSON-text twins of the three entries above. `js/api.js` calls `text__<name>` with the data
// argument written once by `JSON.stringify` (`undefined` when it could not be, e.g. a cycle)
// next to the value itself: one string crosses instead of one JS call per property, and
// anything the text cannot stand for is read by the walker as before.

/// Internal (`js/api.js`): `validate` with the invoice also given as JSON text.
#[wasm_bindgen(js_name = text__validate)]
pub fn validate_text(
    text: Option<String>,
    invoice: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let inv = convert::json_or_text(text.as_deref(), &invoice, Dates::Day, &Path::root());
    out_json(
        convert::json(&options, Dates::Day, &Path::root())
            .and_then(|opts| surface::validate_one(&inv, &opts)),
    )
}

/// Internal (`js/api.js`): `isValid` with the invoice also given as JSON text.
#[wasm_bindgen(js_name = text__isValid)]
pub fn is_valid_text(
    text: Option<String>,
    invoice: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let inv = convert::json_or_text(text.as_deref(), &invoice, Dates::Day, &Path::root());
    out_json(
        convert::json(&options, Dates::Day, &Path::root())
            .and_then(|opts| surface::is_valid(&inv, &opts)),
    )
}

/// Internal (`js/api.js`): `validateMany` with the list also given as JSON text.
#[wasm_bindgen(js_name = text__validateMany)]
pub fn validate_many_text(
    text: Option<String>,
    invoices: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    out_json((|| {
        let list =
            convert::json_list_or_text(text.as_deref(), &invoices, Dates::Day, &Path::root())?;
        let opts = convert::json(&options, Dates::Day, &Path::root())?;
        let ctx = surface::context(&opts)?;
        Ok(surface::validate_many(&list, &ctx))
    })())
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
#[wasm_bindgen(js_name = fast__amountInWords)]
pub fn amount_in_words_fast(amount: &str) -> Result<String, JsValue> {
    surface::amount_in_words_text(amount, &Value::Null).map_err(|e| crate::error::to_js(&e))
}
