//! Money (金额): `amount`, `price`, `quantity`, `taxRate`, `roundHalfUp`.
//!
//! Money crosses the boundary as decimal strings in both directions; a JS `number` is refused
//! with `INP-01` because floats are not money.

use invoice_core::Path;
use invoice_core::money::{self, Amount, Price, Quantity, TaxRate};
use wasm_bindgen::prelude::*;

use crate::convert;
use crate::error::out;

/// Parses an amount in yuan (金额); returns it with exactly two decimals.
#[wasm_bindgen]
pub fn amount(value: JsValue) -> Result<JsValue, JsValue> {
    out(convert::decimal(&value, &Path::root())
        .and_then(|s| Amount::parse(&s))
        .map(|a| a.to_string()))
}

/// Parses a unit price (单价, up to 8 decimals); returns it normalised.
#[wasm_bindgen]
pub fn price(value: JsValue) -> Result<JsValue, JsValue> {
    out(convert::decimal(&value, &Path::root())
        .and_then(|s| Price::parse(&s))
        .map(|p| p.to_string()))
}

/// Parses a quantity (数量, up to 8 decimals); returns it normalised.
#[wasm_bindgen]
pub fn quantity(value: JsValue) -> Result<JsValue, JsValue> {
    out(convert::decimal(&value, &Path::root())
        .and_then(|s| Quantity::parse(&s))
        .map(|q| q.to_string()))
}

/// Parses a tax rate (税率) written `0.13` or `13%`; returns `{fraction, percent}`.
#[wasm_bindgen(js_name = taxRate)]
pub fn tax_rate(value: JsValue) -> Result<JsValue, JsValue> {
    out(convert::decimal(&value, &Path::root())
        .and_then(|s| TaxRate::parse(&s))
        .map(|r| {
            convert::object(&[
                ("fraction", r.to_string().into()),
                ("percent", r.percent().into()),
            ])
        }))
}

/// Rounds a decimal string half-up (四舍五入) to `places` decimals (0–28).
#[wasm_bindgen(js_name = roundHalfUp)]
pub fn round_half_up(value: JsValue, places: JsValue) -> Result<JsValue, JsValue> {
    out((|| {
        let text = convert::decimal(&value, &Path::field("value"))?;
        let dp = convert::small_uint(&places, 28, &Path::field("places"))?;
        // The core's strict syntax, so every binding accepts exactly the same text.
        let d = money::parse_decimal_wide(&text).map_err(|e| e.at(Path::field("value")))?;
        Ok(money::round_half_up(d, dp).to_string())
    })())
}
