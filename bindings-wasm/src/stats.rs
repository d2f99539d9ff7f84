//! The `stats` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// Statistics of many invoices (`{invoice, status?}` or invoices): total and groups by month, kind, rate, status, counterparty and direction (money as strings), and `STA-01` warnings. An item's error is under `[i]`.
#[wasm_bindgen(js_name = stats)]
pub fn stats(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::stats_of(&a0, &a1)
    })())
}
