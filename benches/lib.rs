//! Benchmark inputs for invoice-core: invoices of a given size built the same way every run.
//!
//! The criterion benches live in `benches/core.rs`; the binding benches in `python/` and `js/`.

use invoice_core::model::Invoice;
use serde_json::{Value, json};

/// A valid blue 数电 invoice with `lines` lines (alternating 13 % goods and 6 % services),
/// its totals and 大写 computed by the core (rounding redistributed so 1,000 lines stay within
/// the 1.27 tolerance), as JSON.
pub fn invoice_json(lines: usize) -> Value {
    let items: Vec<Value> = (0..lines)
        .map(|i| {
            if i % 2 == 0 {
                json!({"tax_code": "1090511030000000000", "name": "*计算机设备*显示器", "unit": "台",
                       "quantity": "2", "unit_price": "1234.56", "amount": "2469.12", "rate": "13%"})
            } else {
                json!({"tax_code": "3040201000000000000", "name": "*信息技术服务*技术服务费",
                       "amount": "1000.00", "rate": "6%"})
            }
        })
        .collect();
    let draft = json!({
        "kind": "digital_special", "number": "24312000000358032546", "issue_date": "2024-11-18",
        "seller": {"name": "上海七牛信息技术有限公司", "tax_id": "91310000580583950X"},
        "buyer": {"name": "北京某某科技有限公司", "tax_id": "91110108MA01ABCD5T"},
        "lines": items
    });
    let inv = Invoice::from_value(&draft).expect("bench draft reads");
    let opts = invoice_core::tax::Options {
        redistribute: true,
        ..Default::default()
    };
    let computed = invoice_core::tax::compute(&inv, &opts).expect("bench draft computes");
    computed.invoice.to_value()
}

/// The same as an [`Invoice`].
pub fn invoice(lines: usize) -> Invoice {
    Invoice::from_value(&invoice_json(lines)).expect("bench invoice reads")
}
