//! Validation ops: `invoice.parse` and `invoice.validate`.

use invoice_core::Error;
use invoice_core::model::Invoice;
use invoice_core::money::Amount;
use invoice_core::tax::{Policy, TaxpayerCategory};
use invoice_core::validate::{Context, validate_json};
use serde_json::{Value, json};

use super::str_arg;

/// The context of a validate case: `as_of`, and optionally `seller_category`,
/// `issuing_limit`, `policy` and `not_carried`.
/// `as_of` is read by the core's date reader, the one every binding calls (a bad date is its
/// `INP-02` at `as_of`).
pub fn context(input: &Value) -> Result<Context, Error> {
    let as_of = invoice_core::dates::read_day(str_arg(input, Some("as_of")))
        .map_err(|e| e.at(invoice_core::Path::field("as_of")))?;
    let mut ctx = Context::new(as_of);
    ctx.seller_category = input["seller_category"]
        .as_str()
        .and_then(TaxpayerCategory::from_name);
    ctx.issuing_limit = input["issuing_limit"]
        .as_str()
        .map(|s| Amount::parse(s).expect("vector limit"));
    if let Some(list) = input.get("not_carried") {
        ctx.not_carried = serde_json::from_value(list.clone()).expect("vector not_carried");
    }
    if let Some(p) = input.get("policy") {
        ctx.policy = serde_json::from_value::<Policy>(p.clone()).expect("vector policy");
    }
    Ok(ctx)
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "invoice.parse" => Invoice::from_value(input).map(|i| i.to_value()),
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
