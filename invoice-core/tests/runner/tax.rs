//! Tax ops: `tax.split`, `tax.split_with_deduction`, `tax.line_tax`, `tax.compute`,
//! `tax.compute_summary`, `tax.rates_in_force`.

use invoice_core::Error;
use invoice_core::model::{Invoice, LineRate};
use invoice_core::money::{Amount, TaxRate};
use invoice_core::options::Keys;
use invoice_core::tax::{self, Options, TaxpayerCategory};
use serde_json::{Value, json};

use super::str_arg;

fn amount(input: &Value, key: &str) -> Result<Amount, Error> {
    Amount::parse(str_arg(input, Some(key)))
}

/// The options of a compute case read by the core's one reader (`tax::Options::read`).
fn options(input: &Value) -> Result<Options, Error> {
    let mut o = input.as_object().cloned().unwrap_or_default();
    o.remove("invoice");
    Options::read(&Value::Object(o), Keys::Snake)
}

fn computed(input: &Value, with_lines: bool) -> Result<Value, Error> {
    let inv = Invoice::from_value(&input["invoice"])?;
    let c = tax::compute(&inv, &options(input)?)?;
    let mut out = serde_json::to_value(&c).expect("serialise");
    let obj = out.as_object_mut().expect("object");
    let inv_v = obj.remove("invoice").expect("invoice");
    obj.insert("totals".into(), inv_v["totals"].clone());
    if with_lines {
        let lines: Vec<Value> = inv_v["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| {
                let mut m = serde_json::Map::new();
                for k in ["amount", "tax", "unit_price"] {
                    if let Some(v) = l.get(k) {
                        m.insert(k.into(), v.clone());
                    }
                }
                Value::Object(m)
            })
            .collect();
        obj.insert("lines".into(), Value::Array(lines));
    }
    Ok(out)
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "tax.split" => (|| {
            let s = tax::split_tax(
                amount(input, "gross")?,
                TaxRate::parse(str_arg(input, Some("rate")))?,
            )?;
            Ok(json!({"amount": s.amount.to_string(), "tax": s.tax.to_string()}))
        })(),
        "tax.split_with_deduction" => (|| {
            let s = tax::split_with_deduction(
                amount(input, "gross")?,
                amount(input, "deduction")?,
                TaxRate::parse(str_arg(input, Some("rate")))?,
            )?;
            Ok(json!({"amount": s.amount.to_string(), "tax": s.tax.to_string()}))
        })(),
        "tax.line_tax" => (|| {
            let deduction = match input.get("deduction") {
                Some(Value::String(s)) => Some(Amount::parse(s)?),
                _ => None,
            };
            let t = tax::tax_of(
                amount(input, "amount")?,
                LineRate::parse(str_arg(input, Some("rate")))?,
                deduction,
            )?;
            Ok(json!(t.to_string()))
        })(),
        "tax.compute" => computed(input, true),
        "tax.compute_summary" => computed(input, false),
        "tax.rates_in_force" => {
            // The bindings' date reader: the core's strict YYYY-MM-DD.
            let text = str_arg(input, Some("date"));
            let Some(date) = invoice_core::dates::parse_day(text) else {
                return Some(Err(invoice_core::Error::new(invoice_core::error::INP_TYPE)
                    .with("expected", "date YYYY-MM-DD")
                    .with("found", text)));
            };
            let cat = input["category"]
                .as_str()
                .and_then(TaxpayerCategory::from_name);
            Ok(json!(
                tax::rates_in_force(date, cat)
                    .iter()
                    .map(|r| r.percent())
                    .collect::<Vec<_>>()
            ))
        }
        _ => return None,
    })
}
