//! Validation entry points that return reports instead of throwing, the never-throwing
//! `isValid` of each identifier family, and `validateManyAsync` (off the main thread).

use std::panic::{AssertUnwindSafe, catch_unwind};

use invoice_core::validate::Context;
use invoice_core::{Error, Path};
use napi::bindgen_prelude::{AsyncTask, Unknown};
use napi::{Env, ScopedTask};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js::{self as surface, Family};

fn id_is_valid(family: Family, value: &Unknown) -> bool {
    let v = convert::json(value, Dates::Day, &Path::root()).unwrap_or(Value::Null);
    matches!(
        surface::id_op(family, surface::IdOp::IsValid, &v),
        Some(Ok(Value::Bool(true)))
    )
}

/// 统一社会信用代码: true when valid; never throws (any non-string is false).
#[napi(
    namespace = "uscc",
    js_name = "isValid",
    ts_args_type = "value: unknown"
)]
pub fn uscc_is_valid(value: Unknown) -> bool {
    id_is_valid(Family::Uscc, &value)
}

/// 组织机构代码: true when valid; never throws.
#[napi(
    namespace = "orgCode",
    js_name = "isValid",
    ts_args_type = "value: unknown"
)]
pub fn org_code_is_valid(value: Unknown) -> bool {
    id_is_valid(Family::OrgCode, &value)
}

/// 居民身份证号码: true when valid; never throws.
#[napi(
    namespace = "ric",
    js_name = "isValid",
    ts_args_type = "value: unknown"
)]
pub fn ric_is_valid(value: Unknown) -> bool {
    id_is_valid(Family::Ric, &value)
}

/// 纳税人识别号: true when valid; never throws.
#[napi(
    namespace = "taxpayerId",
    js_name = "isValid",
    ts_args_type = "value: unknown"
)]
pub fn taxpayer_id_is_valid(value: Unknown) -> bool {
    id_is_valid(Family::TaxpayerId, &value)
}

/// Validates an invoice against every rule: `{valid, findings}`. Problems with the invoice are
/// findings (never thrown); only bad options throw (`asOf` is required: `INP-04`).
#[napi(
    ts_args_type = "invoice: InvoiceInput, options: ValidateOptions",
    ts_return_type = "Report"
)]
pub fn validate(env: Env, invoice: Unknown, options: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let inv = convert::json(&invoice, Dates::Day, &Path::root());
        let opts = convert::json(&options, Dates::Day, &Path::root())?;
        surface::validate_one(&inv, &opts)
    })
}

/// True when `validate` finds no error (warnings allowed).
#[napi(
    js_name = "isValid",
    ts_args_type = "invoice: InvoiceInput, options: ValidateOptions",
    ts_return_type = "boolean"
)]
pub fn is_valid(env: Env, invoice: Unknown, options: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let inv = convert::json(&invoice, Dates::Day, &Path::root());
        let opts = convert::json(&options, Dates::Day, &Path::root())?;
        surface::is_valid(&inv, &opts)
    })
}

fn read_many(
    invoices: &Unknown,
    options: &Unknown,
) -> Result<(Vec<Result<Value, Error>>, Context), Error> {
    let list = convert::json_list(invoices, Dates::Day, &Path::root())?;
    let opts = convert::json(options, Dates::Day, &Path::root())?;
    Ok((list, surface::context(&opts)?))
}

/// One report per invoice, in order (same options for all).
#[napi(
    ts_args_type = "invoices: InvoiceInput[], options: ValidateOptions",
    ts_return_type = "Report[]"
)]
pub fn validate_many(env: Env, invoices: Unknown, options: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let (list, ctx) = read_many(&invoices, &options)?;
        Ok(surface::validate_many(&list, &ctx))
    })
}

/// The work of `validateManyAsync`: the invoices already read into JSON on the main thread.
pub struct ValidateMany {
    list: Vec<Result<Value, Error>>,
    ctx: Context,
}

impl<'env> ScopedTask<'env> for ValidateMany {
    type Output = Value;
    type JsValue = Unknown<'env>;

    fn compute(&mut self) -> napi::Result<Value> {
        catch_unwind(AssertUnwindSafe(|| {
            surface::validate_many(&self.list, &self.ctx)
        }))
        .map_err(|_| napi::Error::from_reason("[INP-99] internal error: panic"))
    }

    fn resolve(&mut self, env: &'env Env, output: Value) -> napi::Result<Unknown<'env>> {
        env.to_js_value(&output)
    }
}

/// `validateMany` on the libuv thread pool: resolves to one report per invoice. The arguments
/// are read (and bad options thrown) synchronously; the validation runs off the main thread.
#[napi(
    ts_args_type = "invoices: InvoiceInput[], options: ValidateOptions",
    ts_return_type = "Promise<Report[]>"
)]
pub fn validate_many_async(
    env: Env,
    invoices: Unknown,
    options: Unknown,
) -> napi::Result<AsyncTask<ValidateMany>> {
    call(&env, || {
        let (list, ctx) = read_many(&invoices, &options)?;
        Ok(AsyncTask::new(ValidateMany { list, ctx }))
    })
}

// The JSON-text twins of the four entries above. The hand-written `api.js` calls them with the
// data argument written once by `JSON.stringify` (`undefined` when it could not be, e.g. a
// cycle) next to the value itself: one string crosses instead of one N-API call per property,
// and anything the text cannot stand for is read by the walker as before. Internal: `api.js`
// does not export them.

/// Internal (`api.js`): `validate` with the invoice also given as JSON text.
#[napi(
    js_name = "text__validate",
    ts_args_type = "text: string | undefined, invoice: unknown, options: unknown",
    ts_return_type = "Report"
)]
pub fn validate_text(
    env: Env,
    text: Option<String>,
    invoice: Unknown,
    options: Unknown,
) -> napi::Result<Value> {
    call(&env, || {
        let inv = convert::json_or_text(text.as_deref(), &invoice, Dates::Day, &Path::root());
        let opts = convert::json(&options, Dates::Day, &Path::root())?;
        surface::validate_one(&inv, &opts)
    })
}

/// Internal (`api.js`): `isValid` with the invoice also given as JSON text.
#[napi(
    js_name = "text__isValid",
    ts_args_type = "text: string | undefined, invoice: unknown, options: unknown",
    ts_return_type = "boolean"
)]
pub fn is_valid_text(
    env: Env,
    text: Option<String>,
    invoice: Unknown,
    options: Unknown,
) -> napi::Result<Value> {
    call(&env, || {
        let inv = convert::json_or_text(text.as_deref(), &invoice, Dates::Day, &Path::root());
        let opts = convert::json(&options, Dates::Day, &Path::root())?;
        surface::is_valid(&inv, &opts)
    })
}

fn read_many_text(
    text: Option<&str>,
    invoices: &Unknown,
    options: &Unknown,
) -> Result<(Vec<Result<Value, Error>>, Context), Error> {
    let list = convert::json_list_or_text(text, invoices, Dates::Day, &Path::root())?;
    let opts = convert::json(options, Dates::Day, &Path::root())?;
    Ok((list, surface::context(&opts)?))
}

/// Internal (`api.js`): `validateMany` with the list also given as JSON text.
#[napi(
    js_name = "text__validateMany",
    ts_args_type = "text: string | undefined, invoices: unknown, options: unknown",
    ts_return_type = "Report[]"
)]
pub fn validate_many_text(
    env: Env,
    text: Option<String>,
    invoices: Unknown,
    options: Unknown,
) -> napi::Result<Value> {
    call(&env, || {
        let (list, ctx) = read_many_text(text.as_deref(), &invoices, &options)?;
        Ok(surface::validate_many(&list, &ctx))
    })
}

/// Internal (`api.js`): `validateManyAsync` with the list also given as JSON text.
#[napi(
    js_name = "text__validateManyAsync",
    ts_args_type = "text: string | undefined, invoices: unknown, options: unknown",
    ts_return_type = "Promise<Report[]>"
)]
pub fn validate_many_async_text(
    env: Env,
    text: Option<String>,
    invoices: Unknown,
    options: Unknown,
) -> napi::Result<AsyncTask<ValidateMany>> {
    call(&env, || {
        let (list, ctx) = read_many_text(text.as_deref(), &invoices, &options)?;
        Ok(AsyncTask::new(ValidateMany { list, ctx }))
    })
}

/// The 大写 (amount in Chinese capital numerals) of a decimal-string amount, e.g. `"1234.50"` →
/// `"壹仟贰佰叁拾肆圆伍角"`. Throws `MNY-` codes, `INP-01` for a JS number, `INP-05` for an
/// unknown option value. (Hand-written: the hot path reads the amount as text directly.)
#[napi(
    js_name = "amountInWords",
    ts_args_type = "amount: string, options?: WordsOptions | null"
)]
pub fn amount_in_words(env: Env, amount: Unknown, options: Unknown) -> napi::Result<String> {
    call(&env, || {
        let text = convert::decimal(&amount, &Path::root())?;
        let opts = match convert::type_name(&options)? {
            "undefined" | "null" => Value::Null,
            _ => convert::json(&options, Dates::Day, &Path::root())?,
        };
        surface::amount_in_words_text(&text, &opts)
    })
}
