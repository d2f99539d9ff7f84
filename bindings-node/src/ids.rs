//! The `ids` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::call;
use invoice_core_js as surface;

/// 统一社会信用代码 (USCC): normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[napi(
    namespace = "uscc",
    js_name = "compact",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn uscc_compact(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, surface::IdOp::Compact, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 统一社会信用代码 (USCC): the compact code when valid; throws the family's `ID-` code otherwise.
#[napi(
    namespace = "uscc",
    js_name = "validate",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn uscc_validate(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, surface::IdOp::Validate, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 统一社会信用代码 (USCC): the input unchanged when it is already a valid compact code; no normalising.
#[napi(
    namespace = "uscc",
    js_name = "validateStrict",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn uscc_validate_strict(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, surface::IdOp::ValidateStrict, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 统一社会信用代码 (USCC): the printed form.
#[napi(
    namespace = "uscc",
    js_name = "format",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn uscc_format(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, surface::IdOp::Format, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 统一社会信用代码 (USCC): the check character of the body (one-character string).
#[napi(
    namespace = "uscc",
    js_name = "calcCheckDigit",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn uscc_calc_check_digit(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, surface::IdOp::CalcCheckDigit, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 统一社会信用代码 (USCC): the parts of a valid code (the core's JSON shape).
#[napi(
    namespace = "uscc",
    js_name = "parts",
    ts_args_type = "value: string",
    ts_return_type = "Record<string, any>"
)]
pub fn uscc_parts(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, surface::IdOp::Parts, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 统一社会信用代码 (USCC): warnings of a valid code (e.g. `ID-06`), as findings.
#[napi(
    namespace = "uscc",
    js_name = "warnings",
    ts_args_type = "value: string",
    ts_return_type = "Finding[]"
)]
pub fn uscc_warnings(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, surface::IdOp::Warnings, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 组织机构代码: normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[napi(
    namespace = "orgCode",
    js_name = "compact",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn org_code_compact(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, surface::IdOp::Compact, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 组织机构代码: the compact code when valid; throws the family's `ID-` code otherwise.
#[napi(
    namespace = "orgCode",
    js_name = "validate",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn org_code_validate(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, surface::IdOp::Validate, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 组织机构代码: the input unchanged when it is already a valid compact code; no normalising.
#[napi(
    namespace = "orgCode",
    js_name = "validateStrict",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn org_code_validate_strict(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, surface::IdOp::ValidateStrict, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 组织机构代码: the printed form.
#[napi(
    namespace = "orgCode",
    js_name = "format",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn org_code_format(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, surface::IdOp::Format, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 组织机构代码: the check character of the body (one-character string).
#[napi(
    namespace = "orgCode",
    js_name = "calcCheckDigit",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn org_code_calc_check_digit(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, surface::IdOp::CalcCheckDigit, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 组织机构代码: the parts of a valid code (the core's JSON shape).
#[napi(
    namespace = "orgCode",
    js_name = "parts",
    ts_args_type = "value: string",
    ts_return_type = "Record<string, any>"
)]
pub fn org_code_parts(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, surface::IdOp::Parts, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[napi(
    namespace = "ric",
    js_name = "compact",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn ric_compact(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, surface::IdOp::Compact, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: the compact code when valid; throws the family's `ID-` code otherwise.
#[napi(
    namespace = "ric",
    js_name = "validate",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn ric_validate(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, surface::IdOp::Validate, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: the input unchanged when it is already a valid compact code; no normalising.
#[napi(
    namespace = "ric",
    js_name = "validateStrict",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn ric_validate_strict(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, surface::IdOp::ValidateStrict, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: the printed form.
#[napi(
    namespace = "ric",
    js_name = "format",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn ric_format(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, surface::IdOp::Format, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: the check character of the body (one-character string).
#[napi(
    namespace = "ric",
    js_name = "calcCheckDigit",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn ric_calc_check_digit(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, surface::IdOp::CalcCheckDigit, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: the parts of a valid code (the core's JSON shape).
#[napi(
    namespace = "ric",
    js_name = "parts",
    ts_args_type = "value: string",
    ts_return_type = "Record<string, any>"
)]
pub fn ric_parts(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, surface::IdOp::Parts, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: the 18-character number (15 digits upgraded).
#[napi(
    namespace = "ric",
    js_name = "to18",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn ric_to_18(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, surface::IdOp::To18, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 纳税人识别号: normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[napi(
    namespace = "taxpayerId",
    js_name = "compact",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn taxpayer_id_compact(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, surface::IdOp::Compact, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 纳税人识别号: the compact code when valid; throws the family's `ID-` code otherwise.
#[napi(
    namespace = "taxpayerId",
    js_name = "validate",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn taxpayer_id_validate(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, surface::IdOp::Validate, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 纳税人识别号: the input unchanged when it is already a valid compact code; no normalising.
#[napi(
    namespace = "taxpayerId",
    js_name = "validateStrict",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn taxpayer_id_validate_strict(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(
            surface::Family::TaxpayerId,
            surface::IdOp::ValidateStrict,
            &a0,
        )
        .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 纳税人识别号: the printed form.
#[napi(
    namespace = "taxpayerId",
    js_name = "format",
    ts_args_type = "value: string",
    ts_return_type = "string"
)]
pub fn taxpayer_id_format(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, surface::IdOp::Format, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 纳税人识别号: what kind of identifier this is, with its parts.
#[napi(
    namespace = "taxpayerId",
    js_name = "classify",
    ts_args_type = "value: string",
    ts_return_type = "Record<string, any>"
)]
pub fn taxpayer_id_classify(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, surface::IdOp::Classify, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 纳税人识别号: warnings of a valid code (e.g. `ID-06`), as findings.
#[napi(
    namespace = "taxpayerId",
    js_name = "warnings",
    ts_args_type = "value: string",
    ts_return_type = "Finding[]"
)]
pub fn taxpayer_id_warnings(env: Env, a0: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, surface::IdOp::Warnings, &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })
}

/// 居民身份证号码: validate, and `ID-15` when the birth date is after `asOf`.
#[napi(
    namespace = "ric",
    js_name = "validateAsOf",
    ts_args_type = "value: string, asOf: string | Date",
    ts_return_type = "string"
)]
pub fn ric_validate_as_of(env: Env, a0: Unknown, a1: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::ric_validate_as_of(&a0, &a1)
    })
}
