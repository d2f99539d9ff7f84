//! The `number` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// Parses a 发票代码 (10 or 12 digits): format, kind, region, year and the format's fields (the core's JSON shape). Throws `NUM-` codes.
#[napi(
    js_name = "parseInvoiceCode",
    ts_args_type = "code: string, options?: CodeOptions | null",
    ts_return_type = "Record<string, any>"
)]
pub fn parse_invoice_code(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::parse_invoice_code(&a0, &a1)
    })
}

/// Parses a 发票号码: 8-digit legacy, or the 20-digit 数电 number with its year, region, channel and sequence. Throws `NUM-` codes.
#[napi(
    js_name = "parseInvoiceNumber",
    ts_args_type = "number: string, options?: NumberOptions | null",
    ts_return_type = "Record<string, any>"
)]
pub fn parse_invoice_number(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::parse_invoice_number(&a0, &a1)
    })
}

/// Left-pads a legacy 发票号码 of 1–8 digits with zeros to 8 digits.
#[napi(
    js_name = "padInvoiceNumber",
    ts_args_type = "number: string",
    ts_return_type = "string"
)]
pub fn pad_invoice_number(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::pad_invoice_number(&a0)
    })
}

/// The kind a 发票代码 names, or null (it does not parse, or names none).
#[napi(
    namespace = "kind",
    js_name = "fromCode",
    ts_args_type = "code: string",
    ts_return_type = "string | null"
)]
pub fn kind_from_code(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::kind_from_invoice_code(&a0)
    })
}

/// The code's kind when it names one, else the QR payload's kind (never a conflict error).
#[napi(
    namespace = "kind",
    js_name = "refineQr",
    ts_args_type = "qrKind: string, code: string",
    ts_return_type = "string"
)]
pub fn kind_refine_qr(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::kind_refine_qr(&a0, &a1)
    })
}

/// The refined kind; throws `NUM-14` when the QR payload's kind contradicts the 发票代码.
#[napi(
    namespace = "kind",
    js_name = "checkQr",
    ts_args_type = "qrKind: string, code: string",
    ts_return_type = "string"
)]
pub fn kind_check_qr(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::kind_check_qr(&a0, &a1)
    })
}
