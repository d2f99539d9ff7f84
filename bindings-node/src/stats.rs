//! The `stats` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// Statistics of many invoices (`{invoice, status?}` or invoices): total and groups by month, kind, rate, status, counterparty and direction (money as strings), and `STA-01` warnings. An item's error is under `[i]`.
#[napi(
    js_name = "stats",
    ts_args_type = "invoices: Array<StatsItem | InvoiceInput>, options?: { ownTaxId?: string | null } | null",
    ts_return_type = "Stats"
)]
pub fn stats(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::stats_of(&a0, &a1)
    })
}
