//! The `number` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// Parses a 发票代码 (10 or 12 digits): format, kind, region, year and the format's fields (the core's JSON shape). Throws `NUM-` codes.
#[wasm_bindgen(js_name = parseInvoiceCode)]
pub fn parse_invoice_code(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::parse_invoice_code(&a0, &a1)
    })())
}

/// Parses a 发票号码: 8-digit legacy, or the 20-digit 数电 number with its year, region, channel and sequence. Throws `NUM-` codes.
#[wasm_bindgen(js_name = parseInvoiceNumber)]
pub fn parse_invoice_number(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::parse_invoice_number(&a0, &a1)
    })())
}

/// Left-pads a legacy 发票号码 of 1–8 digits with zeros to 8 digits.
#[wasm_bindgen(js_name = padInvoiceNumber)]
pub fn pad_invoice_number(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::pad_invoice_number(&a0)
    })())
}

/// The kind a 发票代码 names, or null (it does not parse, or names none).
#[wasm_bindgen(js_name = kind__fromCode)]
pub fn kind_from_code(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::kind_from_invoice_code(&a0)
    })())
}

/// The code's kind when it names one, else the QR payload's kind (never a conflict error).
#[wasm_bindgen(js_name = kind__refineQr)]
pub fn kind_refine_qr(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::kind_refine_qr(&a0, &a1)
    })())
}

/// The refined kind; throws `NUM-14` when the QR payload's kind contradicts the 发票代码.
#[wasm_bindgen(js_name = kind__checkQr)]
pub fn kind_check_qr(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::kind_check_qr(&a0, &a1)
    })())
}
