//! The `validate` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// Reads an invoice and returns it in the core's normal form; throws the first reading error (`MDL-`, `MNY-`, `INP-`).
#[napi(
    js_name = "parseInvoice",
    ts_args_type = "invoice: InvoiceInput",
    ts_return_type = "Record<string, any>"
)]
pub fn parse_invoice(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::parse_invoice(&a0)
    })
}
