//! The `find` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// Normalises what a person typed into a lookup form (full-width digits, a 20-digit number in the code field, …): `{query, corrections}`. Throws the first unfixable problem at its field.
#[napi(
    js_name = "normaliseQuery",
    ts_args_type = "raw: RawQuery",
    ts_return_type = "Normalised"
)]
pub fn normalise_query(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::normalise_query(&a0)
    })
}

/// As `normaliseQuery`, but every unfixable problem is returned as a finding in `errors` (throws only for a value that is not a query object).
#[napi(
    js_name = "normaliseQueryAll",
    ts_args_type = "raw: RawQuery",
    ts_return_type = "NormalisedAll"
)]
pub fn normalise_query_all(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::normalise_query_all(&a0)
    })
}

/// Searches records (`{invoice, status?, red_confirmation_pending?}`) with the core's filter (snake_case keys): hits `{index, number, code, typos}` in stable order. A record's error is under `[i]`.
#[napi(
    js_name = "search",
    ts_args_type = "records: FindRecord[], filter: SearchFilter",
    ts_return_type = "SearchHit[]"
)]
pub fn search(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::search(&a0, &a1)
    })
}

/// Every reason a lookup fails (the core's `Lookup`: `{query, as_of, platform?, records?, options?}`): `{query, corrections, findings, matches}`.
#[napi(
    js_name = "diagnose",
    ts_args_type = "lookup: Lookup",
    ts_return_type = "Diagnosis"
)]
pub fn diagnose(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::diagnose(&a0)
    })
}

/// Builds a 20-digit 数电 number from `{year, region, channel, sequence}`. Throws `FND-60`…`FND-63` at the part.
#[napi(
    js_name = "buildNumber",
    ts_args_type = "parts: NumberParts",
    ts_return_type = "string"
)]
pub fn build_number(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::build_number(&a0)
    })
}

/// The parts of a 20-digit 数电 number: `{year, region, channel, sequence}`.
#[napi(
    js_name = "numberParts",
    ts_args_type = "number: string",
    ts_return_type = "NumberParts"
)]
pub fn number_parts(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::number_parts(&a0)
    })
}

/// The next 20-digit number of its sequence. Throws `FND-64` overflow, `FND-65` a legacy number.
#[napi(
    js_name = "nextNumber",
    ts_args_type = "number: string",
    ts_return_type = "string"
)]
pub fn next_number(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::next_number(&a0)
    })
}

/// CSV text (with a BOM) of invoices, their validation reports (as of `asOf`) or their statistics; `lang` `zh` (default) or `en`.
#[napi(
    js_name = "exportCsv",
    ts_args_type = "what: 'invoices' | 'reports' | 'stats', invoices: InvoiceInput[], options?: ExportOptions | null",
    ts_return_type = "string"
)]
pub fn export_csv(env: Env, a0: Unknown, a1: Unknown, a2: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::export(&a0, &a1, &a2, true)
    })
}

/// JSON Lines text of invoices, their validation reports (as of `asOf`) or their statistics.
#[napi(
    js_name = "exportJsonl",
    ts_args_type = "what: 'invoices' | 'reports' | 'stats', invoices: InvoiceInput[], options?: ExportOptions | null",
    ts_return_type = "string"
)]
pub fn export_jsonl(env: Env, a0: Unknown, a1: Unknown, a2: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::export(&a0, &a1, &a2, false)
    })
}
