//! The `tax` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// 价税分离: splits a tax-inclusive amount into `{amount, tax}` at a rate (`"0.13"` or `"13%"`).
#[wasm_bindgen(js_name = splitTax)]
pub fn split_tax(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::split_tax(&a0, &a1)
    })())
}

/// 差额征税: splits a tax-inclusive amount with a deduction into `{amount, tax}`.
#[wasm_bindgen(js_name = splitWithDeduction)]
pub fn split_with_deduction(a0: JsValue, a1: JsValue, a2: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::split_with_deduction(&a0, &a1, &a2)
    })())
}

/// The tax of one line: amount × rate rounded half-up (a rate may also be 免税/不征税 etc.).
#[wasm_bindgen(js_name = lineTax)]
pub fn line_tax(a0: JsValue, a1: JsValue, a2: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::line_tax(&a0, &a1, &a2)
    })())
}

/// Computes an invoice: fills each line's amount and tax, the totals and the 大写; returns `{invoice, per_rate, tax_difference, adjusted_lines, split}`. Throws the first reading or computing error.
#[wasm_bindgen(js_name = compute)]
pub fn compute(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::compute(&a0, &a1)
    })())
}

/// The VAT rates (percentages) in force on a day, for a taxpayer category (`general`/`small_scale`) or all.
#[wasm_bindgen(js_name = ratesInForce)]
pub fn rates_in_force(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::rates_in_force(&a0, &a1)
    })())
}
