//! The `words` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// The 大写 of each amount (one call for a batch); an error names the index (`[3]`).
#[wasm_bindgen(js_name = amountsInWords)]
pub fn amounts_in_words(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::amounts_in_words(&a0, &a1)
    })())
}

/// Reads 大写 words back into an amount (decimal string with 2 decimals). Throws `WRD-` codes.
#[wasm_bindgen(js_name = wordsToAmount)]
pub fn words_to_amount(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::words_to_amount(&a0)
    })())
}

/// Whether the 大写 words read as exactly this amount under any accepted variant.
#[wasm_bindgen(js_name = wordsMatch)]
pub fn words_match(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::words_match(&a0, &a1)
    })())
}
