//! Invoice kinds (发票种类) and their code tables. Exported as `kind__<name>`; the JS wrapper
//! turns every `<area>__<name>` export into `<area>.<name>`.

use invoice_core::Path;
use invoice_core::error::catalog::INP_UNKNOWN_OPTION;
use invoice_core::number::Kind;
use wasm_bindgen::prelude::*;

use crate::convert;
use crate::error::{CoreResult, out};

fn by_name(name: &str) -> CoreResult<Kind> {
    Kind::from_name(name).ok_or_else(|| {
        let allowed: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        let shown: String = if name.chars().count() <= 40 {
            name.to_string()
        } else {
            name.chars().take(37).chain(['…']).collect()
        };
        invoice_core::Error::new(INP_UNKNOWN_OPTION)
            .with("value", shown)
            .with("allowed", allowed.join(", "))
    })
}

fn lookup(code: &JsValue, f: fn(&str) -> Option<Kind>) -> Result<JsValue, JsValue> {
    out(convert::string(code, &Path::root()).map(|c| convert::nullable(f(&c).map(Kind::name))))
}

/// `kind.fromQr(code)`: the kind a QR payload's kind field names, or null.
#[wasm_bindgen(js_name = kind__fromQr)]
pub fn from_qr(code: JsValue) -> Result<JsValue, JsValue> {
    lookup(&code, Kind::from_qr_code)
}

/// `kind.fromVerify(code)`: the kind a verification platform code (fplx) names, or null.
#[wasm_bindgen(js_name = kind__fromVerify)]
pub fn from_verify(code: JsValue) -> Result<JsValue, JsValue> {
    lookup(&code, Kind::from_verify_code)
}

/// `kind.fromTaxControl(code)`: the kind a 税控 code (fpzl) names, or null.
#[wasm_bindgen(js_name = kind__fromTaxControl)]
pub fn from_tax_control(code: JsValue) -> Result<JsValue, JsValue> {
    lookup(&code, Kind::from_tax_control_code)
}

/// `kind.facts(name)`: the facts of a kind by its snake_case name (`INP-05` if unknown).
#[wasm_bindgen(js_name = kind__facts)]
pub fn facts(name: JsValue) -> Result<JsValue, JsValue> {
    out(convert::string(&name, &Path::root())
        .and_then(|n| by_name(&n))
        .map(|k| {
            convert::object(&[
                ("name", k.name().into()),
                ("zh", k.name_zh().into()),
                ("en", k.name_en().into()),
                ("paper", k.is_paper().into()),
                ("special", k.is_special().into()),
                ("deductible", k.is_deductible().into()),
                ("digital", k.is_digital().into()),
                ("qr", convert::nullable(k.qr_code())),
                ("fplx", convert::nullable(k.verify_code())),
                ("fpzl", convert::nullable(k.tax_control_code())),
            ])
        }))
}

/// `kind.names()`: every kind's snake_case name.
#[wasm_bindgen(js_name = kind__names)]
pub fn names() -> Vec<String> {
    Kind::ALL.iter().map(|k| k.name().to_string()).collect()
}
