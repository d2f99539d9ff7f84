//! The `tax` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// 价税分离: splits a tax-inclusive amount into `{amount, tax}` at a rate (`"0.13"` or `"13%"`).
#[napi(
    js_name = "splitTax",
    ts_args_type = "gross: string, rate: string",
    ts_return_type = "Split"
)]
pub fn split_tax(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::split_tax(&a0, &a1)
    })
}

/// 差额征税: splits a tax-inclusive amount with a deduction into `{amount, tax}`.
#[napi(
    js_name = "splitWithDeduction",
    ts_args_type = "gross: string, deduction: string, rate: string",
    ts_return_type = "Split"
)]
pub fn split_with_deduction(
    env: Env,
    a0: Unknown,
    a1: Unknown,
    a2: Unknown,
) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::split_with_deduction(&a0, &a1, &a2)
    })
}

/// The tax of one line: amount × rate rounded half-up (a rate may also be 免税/不征税 etc.).
#[napi(
    js_name = "lineTax",
    ts_args_type = "amount: string, rate: string, deduction?: string | null",
    ts_return_type = "string"
)]
pub fn line_tax(env: Env, a0: Unknown, a1: Unknown, a2: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        let a2 = convert::json(&a2, Dates::Day, &Path::root())?;
        surface::line_tax(&a0, &a1, &a2)
    })
}

/// Computes an invoice: fills each line's amount and tax, the totals and the 大写; returns `{invoice, per_rate, tax_difference, adjusted_lines, split}`. Throws the first reading or computing error.
#[napi(
    js_name = "compute",
    ts_args_type = "invoice: InvoiceInput, options?: ComputeOptions | null",
    ts_return_type = "Computed"
)]
pub fn compute(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::compute(&a0, &a1)
    })
}

/// The VAT rates (percentages) in force on a day, for a taxpayer category (`general`/`small_scale`) or all.
#[napi(
    js_name = "ratesInForce",
    ts_args_type = "date: string | Date, category?: string | null",
    ts_return_type = "string[]"
)]
pub fn rates_in_force(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::rates_in_force(&a0, &a1)
    })
}
