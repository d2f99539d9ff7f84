//! The `verify` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// The 20-digit check code (校验码) of an invoice under a hex key (at least 16 bytes), by the core's keyed scheme v1 (HMAC-SHA256; not the tax system's secret algorithm). Throws `VER-01` a short key, `VER-17` no totals, `INP-02` bad hex.
#[wasm_bindgen(js_name = checkCode)]
pub fn check_code(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::check_code(&a0, &a1)
    })())
}

/// Whether `code` is the invoice's check code under the key (constant-time compare). Throws `VER-02` when `code` is not 20 ASCII digits.
#[wasm_bindgen(js_name = verifyCheckCode)]
pub fn verify_check_code(a0: JsValue, a1: JsValue, a2: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::verify_check_code(&a0, &a1, &a2)
    })())
}

/// The canonical v1 message a check code is computed over, for reproducing the scheme elsewhere.
#[wasm_bindgen(js_name = checkCodeMessage)]
pub fn check_code_message(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::check_code_message(&a0)
    })())
}

/// The last 6 digits of a 20-digit check code (what 查验 asks for). Throws `VER-02`.
#[wasm_bindgen(js_name = last6)]
pub fn last6(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::last6(&a0)
    })())
}

/// The last 5 digits of a 20-digit check code (blockchain invoices). Throws `VER-02`.
#[wasm_bindgen(js_name = last5)]
pub fn last5(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::last5(&a0)
    })())
}

/// Parses a scanned QR text: `{type: "invoice", kind, code, number, amount, amount_meaning, issue_date, check_code, …}`, `{type: "blockchain", …}` or `{type: "url", raw}`. Throws the `VER-` code of the first problem.
#[wasm_bindgen(js_name = parseQr)]
pub fn parse_qr(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::parse_qr(&a0)
    })())
}

/// The QR payload text of an invoice (legacy kinds: 合计金额; 数电: 价税合计); `hash` is field 8 (2–4 hex digits).
#[wasm_bindgen(js_name = buildQr)]
pub fn build_qr(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::build_qr(&a0, &a1)
    })())
}

/// The 查验 query of an invoice or of a scanned QR text: `{kind, fplx, code, number, issue_date, element, value, seller_tax_id}`. `carPrice` (车价合计) for used-car kinds.
#[wasm_bindgen(js_name = verifyQuery)]
pub fn verify_query(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::verify_query(&a0, &a1)
    })())
}

/// Checks a query against the platform's rules on `asOf` before any lookup: null when it may be looked up, else the outcome given instead (`malformed`, `too_old`, `not_yet_verifiable`).
#[wasm_bindgen(js_name = precheck)]
pub fn precheck(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::precheck(&a0, &a1)
    })())
}

/// The platform's answer to a query given the record stored under its code and number (null: none): `{outcome, status, message, message_zh, …}`.
#[wasm_bindgen(js_name = matchRecord)]
pub fn match_record(a0: JsValue, a1: JsValue, a2: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::match_record(&a0, &a1, &a2)
    })())
}

/// The identity keys of one item (`legacy:<code>:<number>`, `digital:<number>`): an invoice `{invoice}`, `{qr}`, `{number}` or a string.
#[wasm_bindgen(js_name = dedupeKey)]
pub fn dedupe_key(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::dedupe_key(&a0)
    })())
}

/// Groups the items that are the same invoice: `{groups, errors: [{index, error}]}`; an unreadable item is reported, never thrown.
#[wasm_bindgen(js_name = findDuplicates)]
pub fn find_duplicates(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::find_duplicates(&a0)
    })())
}
