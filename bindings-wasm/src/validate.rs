//! The `validate` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// Reads an invoice and returns it in the core's normal form; throws the first reading error (`MDL-`, `MNY-`, `INP-`).
#[wasm_bindgen(js_name = parseInvoice)]
pub fn parse_invoice(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::parse_invoice(&a0)
    })())
}
