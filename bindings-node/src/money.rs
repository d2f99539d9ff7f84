//! Money (金额): `amount`, `price`, `quantity`, `taxRate`, `roundHalfUp`.
//!
//! Money crosses the boundary as decimal strings in both directions; a JS `number` is refused
//! with `INP-01` because floats are not money.

use invoice_core::Path;
use invoice_core::money::{self, Amount, Price, Quantity, TaxRate};
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;

use crate::convert;
use crate::error::call;

/// A tax rate in both notations.
#[napi(object, js_name = "TaxRate")]
pub struct JsTaxRate {
    /// The fraction, `"0.13"`.
    pub fraction: String,
    /// The percentage, `"13%"`.
    pub percent: String,
}

/// Parses an amount in yuan (金额) and returns it with exactly two decimals (`"64.9"` → `"64.90"`).
/// Throws `MNY-01` (not a decimal), `MNY-02` (more than 2 decimals), `MNY-03` (out of range),
/// `INP-01` (a JS number), `INP-02` (another type).
#[napi(ts_args_type = "value: string")]
pub fn amount(env: Env, value: Unknown) -> napi::Result<String> {
    call(&env, || {
        Amount::parse(&convert::decimal(&value, &Path::root())?).map(|a| a.to_string())
    })
}

/// Parses a unit price (单价, up to 8 decimals) and returns it normalised (`"3.50"` → `"3.5"`).
#[napi(ts_args_type = "value: string")]
pub fn price(env: Env, value: Unknown) -> napi::Result<String> {
    call(&env, || {
        Price::parse(&convert::decimal(&value, &Path::root())?).map(|p| p.to_string())
    })
}

/// Parses a quantity (数量, up to 8 decimals) and returns it normalised.
#[napi(ts_args_type = "value: string")]
pub fn quantity(env: Env, value: Unknown) -> napi::Result<String> {
    call(&env, || {
        Quantity::parse(&convert::decimal(&value, &Path::root())?).map(|q| q.to_string())
    })
}

/// Parses a tax rate (税率) written `"0.13"` or `"13%"`. Throws `MNY-04` outside [0, 1).
#[napi(ts_args_type = "value: string")]
pub fn tax_rate(env: Env, value: Unknown) -> napi::Result<JsTaxRate> {
    call(&env, || {
        let r = TaxRate::parse(&convert::decimal(&value, &Path::root())?)?;
        Ok(JsTaxRate {
            fraction: r.to_string(),
            percent: r.percent(),
        })
    })
}

/// Rounds a decimal string half-up (四舍五入, midpoints away from zero) to `places` decimals
/// (0–28). Throws `MNY-01` for a value that is not a decimal, `INP-02` for bad `places`.
#[napi(ts_args_type = "value: string, places: number")]
pub fn round_half_up(env: Env, value: Unknown, places: Unknown) -> napi::Result<String> {
    call(&env, || {
        let text = convert::decimal(&value, &Path::field("value"))?;
        let dp = convert::small_uint(&places, 28, &Path::field("places"))?;
        // The core's strict syntax, so every binding accepts exactly the same text.
        let d = money::parse_decimal_wide(&text).map_err(|e| e.at(Path::field("value")))?;
        Ok(money::round_half_up(d, dp).to_string())
    })
}
