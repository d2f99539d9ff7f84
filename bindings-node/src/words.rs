//! The `words` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// The 大写 of each amount (one call for a batch); an error names the index (`[3]`).
#[napi(
    js_name = "amountsInWords",
    ts_args_type = "amounts: string[], options?: WordsOptions | null",
    ts_return_type = "string[]"
)]
pub fn amounts_in_words(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::amounts_in_words(&a0, &a1)
    })
}

/// Reads 大写 words back into an amount (decimal string with 2 decimals). Throws `WRD-` codes.
#[napi(
    js_name = "wordsToAmount",
    ts_args_type = "text: string",
    ts_return_type = "string"
)]
pub fn words_to_amount(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::words_to_amount(&a0)
    })
}

/// Reads 大写 words (lenient by default: every unambiguous form) with each difference from the invoice style. Throws `WRD-` codes; `INP-05` for another mode.
#[napi(
    js_name = "readWords",
    ts_args_type = "text: string, mode?: 'lenient' | 'strict' | null",
    ts_return_type = "{ amount: string; deviations: { kind: string; position: number; found: string }[] }"
)]
pub fn read_words(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::read_words(&a0, &a1)
    })
}

/// Whether the 大写 words read as exactly this amount under any accepted variant.
#[napi(
    js_name = "wordsMatch",
    ts_args_type = "text: string, amount: string",
    ts_return_type = "boolean"
)]
pub fn words_match(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::words_match(&a0, &a1)
    })
}
