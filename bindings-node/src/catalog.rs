//! The rule catalogue (规则目录): `rules()` and `rule(code)`.

use invoice_core::catalog;
use invoice_core::{Path, Rule};
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi_derive::napi;

use crate::convert;
use crate::error::call;

/// One catalogue entry.
#[napi(object, js_name = "Rule")]
pub struct JsRule {
    /// Stable code (`"MNY-02"`).
    pub code: String,
    /// Default severity.
    #[napi(ts_type = "'error' | 'warning'")]
    pub severity: String,
    /// English message template with `{params}`.
    pub en: String,
    /// Chinese message template with the same `{params}`.
    pub zh: String,
}

fn to_js(r: &Rule) -> JsRule {
    JsRule {
        code: r.code.to_string(),
        severity: r.severity.as_str().to_string(),
        en: r.en.to_string(),
        zh: r.zh.to_string(),
    }
}

/// Every rule of the catalogue, family by family.
#[napi]
pub fn rules() -> Vec<JsRule> {
    catalog::all().map(to_js).collect()
}

/// The rule with this code, or null.
#[napi(ts_args_type = "code: string")]
pub fn rule(env: Env, code: Unknown) -> napi::Result<Option<JsRule>> {
    call(&env, || {
        let code = convert::string(&code, &Path::root())?;
        Ok(catalog::lookup(&code).map(to_js))
    })
}
