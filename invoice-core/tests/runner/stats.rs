//! Stats ops: `stats.compute` (shape documented in `vectors/stats.json`'s `ops`).

use invoice_core::Error;
use invoice_core::model::Invoice;
use invoice_core::stats::{self, Entry, Options};
use serde_json::Value;

fn compute(input: &Value) -> Result<Value, Error> {
    let items = input["invoices"].as_array().expect("invoices list");
    let mut invoices = Vec::new();
    let mut statuses = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let inv = Invoice::from_value(&item["invoice"])
            .map_err(|e| e.under(&invoice_core::Path::field("invoices").index(i)))?;
        invoices.push(inv);
        statuses.push(
            item.get("status")
                .and_then(Value::as_str)
                .map(str::to_string),
        );
    }
    let entries: Vec<Entry<'_>> = invoices
        .iter()
        .zip(&statuses)
        .map(|(invoice, s)| Entry {
            invoice,
            status: s.as_deref(),
        })
        .collect();
    let opts = Options {
        own_tax_id: input
            .get("own_tax_id")
            .and_then(Value::as_str)
            .map(str::to_string),
    };
    stats::compute(&entries, &opts).map(|s| serde_json::to_value(s).expect("serialise"))
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "stats.compute" => compute(input),
        _ => return None,
    })
}
