//! The `verify` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// The 20-digit check code (校验码) of an invoice under a hex key (at least 16 bytes), by the core's keyed scheme v1 (HMAC-SHA256; not the tax system's secret algorithm). Throws `VER-01` a short key, `VER-17` no totals, `INP-02` bad hex.
#[napi(
    js_name = "checkCode",
    ts_args_type = "invoice: InvoiceInput, keyHex: string",
    ts_return_type = "string"
)]
pub fn check_code(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::check_code(&a0, &a1)
    })
}

/// Whether `code` is the invoice's check code under the key (constant-time compare). Throws `VER-02` when `code` is not 20 ASCII digits.
#[napi(
    js_name = "verifyCheckCode",
    ts_args_type = "invoice: InvoiceInput, code: string, keyHex: string",
    ts_return_type = "boolean"
)]
pub fn verify_check_code(env: Env, a0: Unknown, a1: Unknown, a2: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::verify_check_code(&a0, &a1, &a2)
    })
}

/// The canonical v1 message a check code is computed over, for reproducing the scheme elsewhere.
#[napi(
    js_name = "checkCodeMessage",
    ts_args_type = "invoice: InvoiceInput",
    ts_return_type = "string"
)]
pub fn check_code_message(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::check_code_message(&a0)
    })
}

/// The last 6 digits of a 20-digit check code (what 查验 asks for). Throws `VER-02`.
#[napi(
    js_name = "last6",
    ts_args_type = "code: string",
    ts_return_type = "string"
)]
pub fn last6(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::last6(&a0)
    })
}

/// The last 5 digits of a 20-digit check code (blockchain invoices). Throws `VER-02`.
#[napi(
    js_name = "last5",
    ts_args_type = "code: string",
    ts_return_type = "string"
)]
pub fn last5(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::last5(&a0)
    })
}

/// Parses a scanned QR text: `{type: "invoice", kind, code, number, amount, amount_meaning, issue_date, check_code, …}`, `{type: "blockchain", …}` or `{type: "url", raw}`. Throws the `VER-` code of the first problem.
#[napi(
    js_name = "parseQr",
    ts_args_type = "text: string",
    ts_return_type = "QrPayload"
)]
pub fn parse_qr(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::parse_qr(&a0)
    })
}

/// The QR payload text of an invoice (legacy kinds: 合计金额; 数电: 价税合计); `hash` is field 8 (2–4 hex digits).
#[napi(
    js_name = "buildQr",
    ts_args_type = "invoice: InvoiceInput, options?: { hash?: string | null } | null",
    ts_return_type = "string"
)]
pub fn build_qr(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::build_qr(&a0, &a1)
    })
}

/// The 查验 query of an invoice or of a scanned QR text: `{kind, fplx, code, number, issue_date, element, value, seller_tax_id}`. `carPrice` (车价合计) for used-car kinds.
#[napi(
    js_name = "verifyQuery",
    ts_args_type = "invoice: string | InvoiceInput | VerifyQueryInput, options?: { carPrice?: string | null } | null",
    ts_return_type = "VerifyQuery"
)]
pub fn verify_query(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::verify_query(&a0, &a1)
    })
}

/// Checks a query against the platform's rules on `asOf` before any lookup: null when it may be looked up, else the outcome given instead (`malformed`, `too_old`, `not_yet_verifiable`).
#[napi(
    js_name = "precheck",
    ts_args_type = "query: string | InvoiceInput | VerifyQueryInput | VerifyQuery, options: PrecheckOptions",
    ts_return_type = "VerifyOutcome | null"
)]
pub fn precheck(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::precheck(&a0, &a1)
    })
}

/// The platform's answer to a query given the record stored under its code and number (null: none): `{outcome, status, message, message_zh, …}`.
#[napi(
    js_name = "matchRecord",
    ts_args_type = "query: string | InvoiceInput | VerifyQueryInput | VerifyQuery, record: InvoiceInput | null, options: MatchOptions",
    ts_return_type = "VerifyOutcome"
)]
pub fn match_record(env: Env, a0: Unknown, a1: Unknown, a2: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::match_record(&a0, &a1, &a2)
    })
}

/// Reads a query as `verifyQuery` returns it (stored after a scan, say) back into the core's normal form, checked as `verifyQuery` checks one (`fplx` is ignored). Throws at the field: `INP-05` wrong element, `MDL-01` unknown key, `VER-18`, `VER-11`, `NUM-`, `MNY-`.
#[napi(
    js_name = "readVerifyQuery",
    ts_args_type = "query: VerifyQuery",
    ts_return_type = "VerifyQuery"
)]
pub fn read_verify_query(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::read_verify_query(&a0)
    })
}

/// The identity keys of one item (`legacy:<code>:<number>`, `digital:<number>`): an invoice `{invoice}`, `{qr}`, `{number}` or a string.
#[napi(
    js_name = "dedupeKey",
    ts_args_type = "item: string | { invoice: InvoiceInput } | { qr: string } | { number: string }",
    ts_return_type = "string[]"
)]
pub fn dedupe_key(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::dedupe_key(&a0)
    })
}

/// Groups the items that are the same invoice: `{groups, errors: [{index, error}]}`; an unreadable item is reported, never thrown.
#[napi(
    js_name = "findDuplicates",
    ts_args_type = "items: Array<string | { invoice: InvoiceInput } | { qr: string } | { number: string }>",
    ts_return_type = "DuplicateReport"
)]
pub fn find_duplicates(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::find_duplicates(&a0)
    })
}
