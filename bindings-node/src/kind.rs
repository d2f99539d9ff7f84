//! Invoice kinds (发票种类) and their code tables: the `kind` namespace.

use invoice_core::Path;
use invoice_core::number::Kind;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;

use crate::convert;
use crate::error::{CoreResult, call};

/// The static facts of one invoice kind.
#[napi(object, js_name = "KindFacts", use_nullable = true)]
pub struct JsKindFacts {
    /// snake_case name (`"special_paper"`).
    pub name: String,
    /// Chinese name (`"增值税专用发票"`).
    pub zh: String,
    /// English name.
    pub en: String,
    /// Printed on paper.
    pub paper: bool,
    /// A special invoice (专票).
    pub special: bool,
    /// Input tax may be deducted.
    pub deductible: bool,
    /// Issued from the 数电 platform.
    pub digital: bool,
    /// QR payload kind code, or null.
    pub qr: Option<String>,
    /// Verification platform code (fplx), or null.
    pub fplx: Option<String>,
    /// 税控 code (fpzl), or null.
    pub fpzl: Option<String>,
}

fn by_name(name: &str) -> CoreResult<Kind> {
    Kind::parse_name(name)
}

fn lookup(env: &Env, code: &Unknown, f: fn(&str) -> Option<Kind>) -> napi::Result<Option<String>> {
    call(env, || {
        let code = convert::string(code, &Path::root())?;
        Ok(f(&code).map(|k| k.name().to_string()))
    })
}

/// The kind a QR payload's kind field names (`"31"` → `"digital_special"`), or null.
#[napi(namespace = "kind", ts_args_type = "code: string")]
pub fn from_qr(env: Env, code: Unknown) -> napi::Result<Option<String>> {
    lookup(&env, &code, Kind::from_qr_code)
}

/// The kind a verification platform code (fplx) names (`"81"` → `"digital_special"`), or null.
#[napi(namespace = "kind", ts_args_type = "code: string")]
pub fn from_verify(env: Env, code: Unknown) -> napi::Result<Option<String>> {
    lookup(&env, &code, Kind::from_verify_code)
}

/// The kind a 税控 code (fpzl) names (`"0"` → `"special_paper"`), or null.
#[napi(namespace = "kind", ts_args_type = "code: string")]
pub fn from_tax_control(env: Env, code: Unknown) -> napi::Result<Option<String>> {
    lookup(&env, &code, Kind::from_tax_control_code)
}

/// The facts of a kind by its snake_case name. Throws `INP-05` for an unknown name.
#[napi(namespace = "kind", ts_args_type = "name: string")]
pub fn facts(env: Env, name: Unknown) -> napi::Result<JsKindFacts> {
    call(&env, || {
        let k = by_name(&convert::string(&name, &Path::root())?)?;
        Ok(JsKindFacts {
            name: k.name().to_string(),
            zh: k.name_zh().to_string(),
            en: k.name_en().to_string(),
            paper: k.is_paper(),
            special: k.is_special(),
            deductible: k.is_deductible(),
            digital: k.is_digital(),
            qr: k.qr_code().map(str::to_string),
            fplx: k.verify_code().map(str::to_string),
            fpzl: k.tax_control_code().map(str::to_string),
        })
    })
}

/// Every kind's snake_case name, in the core's order.
#[napi(namespace = "kind")]
pub fn names() -> Vec<String> {
    Kind::ALL.iter().map(|k| k.name().to_string()).collect()
}
