//! The rule catalogue (规则目录): `rules()` and `rule(code)`.

use invoice_core::catalog;
use invoice_core::{Path, Rule};
use wasm_bindgen::prelude::*;

use crate::convert;
use crate::error::out;

fn to_js(r: &Rule) -> JsValue {
    convert::object(&[
        ("code", r.code.into()),
        ("severity", r.severity.as_str().into()),
        ("en", r.en.into()),
        ("zh", r.zh.into()),
    ])
}

/// Every rule of the catalogue, family by family.
#[wasm_bindgen]
pub fn rules() -> Vec<JsValue> {
    catalog::all().map(to_js).collect()
}

/// The rule with this code, or null.
#[wasm_bindgen]
pub fn rule(code: JsValue) -> Result<JsValue, JsValue> {
    out(convert::string(&code, &Path::root())
        .map(|c| catalog::lookup(&c).map_or(JsValue::NULL, to_js)))
}
