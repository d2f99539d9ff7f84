//! The `find` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// Normalises what a person typed into a lookup form (full-width digits, a 20-digit number in the code field, …): `{query, corrections}`. Throws the first unfixable problem at its field.
#[wasm_bindgen(js_name = normaliseQuery)]
pub fn normalise_query(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::normalise_query(&a0)
    })())
}

/// As `normaliseQuery`, but every unfixable problem is returned as a finding in `errors` (throws only for a value that is not a query object).
#[wasm_bindgen(js_name = normaliseQueryAll)]
pub fn normalise_query_all(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::normalise_query_all(&a0)
    })())
}

/// Searches records (`{invoice, status?, red_confirmation_pending?}`) with the core's filter (snake_case keys): hits `{index, number, code, typos}` in stable order. A record's error is under `[i]`.
#[wasm_bindgen(js_name = search)]
pub fn search(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::search(&a0, &a1)
    })())
}

/// Every reason a lookup fails (the core's `Lookup`: `{query, as_of, platform?, records?, options?}`): `{query, corrections, findings, matches}`.
#[wasm_bindgen(js_name = diagnose)]
pub fn diagnose(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::diagnose(&a0)
    })())
}

/// Builds a 20-digit 数电 number from `{year, region, channel, sequence}`. Throws `FND-60`…`FND-63` at the part.
#[wasm_bindgen(js_name = buildNumber)]
pub fn build_number(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::build_number(&a0)
    })())
}

/// The parts of a 20-digit 数电 number: `{year, region, channel, sequence}`.
#[wasm_bindgen(js_name = numberParts)]
pub fn number_parts(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::number_parts(&a0)
    })())
}

/// The next 20-digit number of its sequence. Throws `FND-64` overflow, `FND-65` a legacy number.
#[wasm_bindgen(js_name = nextNumber)]
pub fn next_number(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::next_number(&a0)
    })())
}

/// CSV text (with a BOM) of invoices, their validation reports (as of `asOf`) or their statistics; `lang` `zh` (default) or `en`.
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(a0: JsValue, a1: JsValue, a2: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::export(&a0, &a1, &a2, true)
    })())
}

/// JSON Lines text of invoices, their validation reports (as of `asOf`) or their statistics.
#[wasm_bindgen(js_name = exportJsonl)]
pub fn export_jsonl(a0: JsValue, a1: JsValue, a2: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::export(&a0, &a1, &a2, false)
    })())
}
