//! The `ids` area: thin wrappers over `surface` (generated from one table; see README).

use invoice_core::Path;
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::out_json;
use crate::surface;

/// 统一社会信用代码 (USCC): normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[wasm_bindgen(js_name = uscc__compact)]
pub fn uscc_compact(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, "compact", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 统一社会信用代码 (USCC): the compact code when valid; throws the family's `ID-` code otherwise.
#[wasm_bindgen(js_name = uscc__validate)]
pub fn uscc_validate(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, "validate", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 统一社会信用代码 (USCC): the input unchanged when it is already a valid compact code; no normalising.
#[wasm_bindgen(js_name = uscc__validateStrict)]
pub fn uscc_validate_strict(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, "validateStrict", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 统一社会信用代码 (USCC): the printed form.
#[wasm_bindgen(js_name = uscc__format)]
pub fn uscc_format(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, "format", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 统一社会信用代码 (USCC): the check character of the body (one-character string).
#[wasm_bindgen(js_name = uscc__calcCheckDigit)]
pub fn uscc_calc_check_digit(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, "calcCheckDigit", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 统一社会信用代码 (USCC): the parts of a valid code (the core's JSON shape).
#[wasm_bindgen(js_name = uscc__parts)]
pub fn uscc_parts(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, "parts", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 统一社会信用代码 (USCC): warnings of a valid code (e.g. `ID-06`), as findings.
#[wasm_bindgen(js_name = uscc__warnings)]
pub fn uscc_warnings(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Uscc, "warnings", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 组织机构代码: normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[wasm_bindgen(js_name = orgCode__compact)]
pub fn org_code_compact(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, "compact", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 组织机构代码: the compact code when valid; throws the family's `ID-` code otherwise.
#[wasm_bindgen(js_name = orgCode__validate)]
pub fn org_code_validate(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, "validate", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 组织机构代码: the input unchanged when it is already a valid compact code; no normalising.
#[wasm_bindgen(js_name = orgCode__validateStrict)]
pub fn org_code_validate_strict(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, "validateStrict", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 组织机构代码: the printed form.
#[wasm_bindgen(js_name = orgCode__format)]
pub fn org_code_format(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, "format", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 组织机构代码: the check character of the body (one-character string).
#[wasm_bindgen(js_name = orgCode__calcCheckDigit)]
pub fn org_code_calc_check_digit(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, "calcCheckDigit", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 组织机构代码: the parts of a valid code (the core's JSON shape).
#[wasm_bindgen(js_name = orgCode__parts)]
pub fn org_code_parts(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::OrgCode, "parts", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[wasm_bindgen(js_name = ric__compact)]
pub fn ric_compact(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, "compact", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: the compact code when valid; throws the family's `ID-` code otherwise.
#[wasm_bindgen(js_name = ric__validate)]
pub fn ric_validate(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, "validate", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: the input unchanged when it is already a valid compact code; no normalising.
#[wasm_bindgen(js_name = ric__validateStrict)]
pub fn ric_validate_strict(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, "validateStrict", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: the printed form.
#[wasm_bindgen(js_name = ric__format)]
pub fn ric_format(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, "format", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: the check character of the body (one-character string).
#[wasm_bindgen(js_name = ric__calcCheckDigit)]
pub fn ric_calc_check_digit(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, "calcCheckDigit", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: the parts of a valid code (the core's JSON shape).
#[wasm_bindgen(js_name = ric__parts)]
pub fn ric_parts(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, "parts", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: the 18-character number (15 digits upgraded).
#[wasm_bindgen(js_name = ric__to18)]
pub fn ric_to_18(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::Ric, "to18", &a0).unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 纳税人识别号: normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails.
#[wasm_bindgen(js_name = taxpayerId__compact)]
pub fn taxpayer_id_compact(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, "compact", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 纳税人识别号: the compact code when valid; throws the family's `ID-` code otherwise.
#[wasm_bindgen(js_name = taxpayerId__validate)]
pub fn taxpayer_id_validate(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, "validate", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 纳税人识别号: the input unchanged when it is already a valid compact code; no normalising.
#[wasm_bindgen(js_name = taxpayerId__validateStrict)]
pub fn taxpayer_id_validate_strict(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, "validateStrict", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 纳税人识别号: the printed form.
#[wasm_bindgen(js_name = taxpayerId__format)]
pub fn taxpayer_id_format(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, "format", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 纳税人识别号: what kind of identifier this is, with its parts.
#[wasm_bindgen(js_name = taxpayerId__classify)]
pub fn taxpayer_id_classify(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, "classify", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 纳税人识别号: warnings of a valid code (e.g. `ID-06`), as findings.
#[wasm_bindgen(js_name = taxpayerId__warnings)]
pub fn taxpayer_id_warnings(a0: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        surface::id_op(surface::Family::TaxpayerId, "warnings", &a0)
            .unwrap_or(Ok(serde_json::Value::Null))
    })())
}

/// 居民身份证号码: validate, and `ID-15` when the birth date is after `asOf`.
#[wasm_bindgen(js_name = ric__validateAsOf)]
pub fn ric_validate_as_of(a0: JsValue, a1: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let a0 = convert::json(&a0, Dates::Day, &Path::root())?;
        let a1 = convert::json(&a1, Dates::Day, &Path::root())?;
        surface::ric_validate_as_of(&a0, &a1)
    })())
}
