//! The `lifecycle` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// Replays lifecycle events (`{kind, amount, events, expireOverdueAt?}`) and returns the state summary. A refused step throws its code at `events[i]`.
#[wasm_bindgen(js_name = lifecycle__run)]
pub fn lifecycle_run(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::DateTime, &Path::root())?;
        surface::lifecycle_run(&a0)
    })())
}

/// The transition-table rows leaving a state (`{seller: "issued"}`; null for documents not yet created).
#[wasm_bindgen(js_name = lifecycle__table)]
pub fn lifecycle_table(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::lifecycle_table(&a0)
    })())
}
