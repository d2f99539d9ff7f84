//! The `lifecycle` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// Replays lifecycle events (`{kind, amount, events, expireOverdueAt?}`) and returns the state summary. A refused step throws its code at `events[i]`.
#[napi(
    namespace = "lifecycle",
    js_name = "run",
    ts_args_type = "input: LifecycleInput",
    ts_return_type = "LifecycleSummary"
)]
pub fn lifecycle_run(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::DateTime, &Path::root())?;
        surface::lifecycle_run(&a0)
    })
}

/// The transition-table rows leaving a state (`{seller: "issued"}`; null for documents not yet created).
#[napi(
    namespace = "lifecycle",
    js_name = "table",
    ts_args_type = "from?: Record<string, string> | null",
    ts_return_type = "TransitionRow[]"
)]
pub fn lifecycle_table(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::lifecycle_table(&a0)
    })
}
