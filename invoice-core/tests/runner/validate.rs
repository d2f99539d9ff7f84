//! Validation ops: `invoice.parse` and `invoice.validate`.

use invoice_core::Error;
use invoice_core::model::Invoice;
use invoice_core::options::Keys;
use invoice_core::validate::{Context, validate_json};
use serde_json::{Value, json};

/// The context of a validate case (`as_of`, and optionally `seller_category`, `issuing_limit`,
/// `policy` and `not_carried`) read by the core's one reader, as every binding reads it.
pub fn context(input: &Value) -> Result<Context, Error> {
    let mut o = input.as_object().cloned().unwrap_or_default();
    o.remove("invoice");
    Context::read(&Value::Object(o), Keys::Snake)
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "invoice.parse" => Invoice::from_value(input).map(|i| i.to_value()),
        "invoice.from_json" => {
            Invoice::from_json(input.as_str().expect("JSON text")).map(|i| i.to_value())
        }
        "invoice.validate" => {
            let report = match context(input) {
                Ok(ctx) => validate_json(&input["invoice"], &ctx),
                Err(e) => return Some(Err(e)),
            };
            let findings: Vec<Value> = report
                .findings
                .iter()
                .map(|f| json!({"code": f.code(), "path": f.path().to_string(), "severity": f.severity().as_str()}))
                .collect();
            Ok(json!({"valid": report.is_valid(), "findings": findings}))
        }
        _ => return None,
    })
}
