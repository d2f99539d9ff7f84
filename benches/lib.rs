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

/// The columnar benches' three routes over the same 5-line invoices (numbers varied), each
/// validating them all once and answering the number of findings (0: they are valid).
#[cfg(feature = "arrow")]
pub struct ColumnarRoutes {
    rows: usize,
    ctx: invoice_core::validate::Context,
    docs: Vec<Value>,
    batch: arrow_array::RecordBatch,
    invoices: Vec<Invoice>,
}

#[cfg(feature = "arrow")]
impl ColumnarRoutes {
    /// `rows` invoices as JSON documents, as the model, and as one `RecordBatch` of the
    /// published schema (`invoice_id` `INV000000000`, …), validated as of 2024-12-01.
    pub fn new(rows: usize) -> ColumnarRoutes {
        let one = invoice_json(5);
        let docs: Vec<Value> = (0..rows)
            .map(|i| {
                let mut d = one.clone();
                d["number"] = Value::from(format!("2431200000035{:07}", 8_032_546 + i));
                d
            })
            .collect();
        let keyed: Vec<(Option<String>, Option<&Value>)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (Some(format!("INV{i:09}")), Some(d)))
            .collect();
        let batch = invoice_core::columnar::invoices_batch(&keyed).expect("batch");
        let invoices = docs
            .iter()
            .map(|d| Invoice::from_value(d).expect("reads"))
            .collect();
        let day = chrono::NaiveDate::from_ymd_opt(2024, 12, 1).expect("date");
        ColumnarRoutes {
            rows,
            ctx: invoice_core::validate::Context::new(day),
            docs,
            batch,
            invoices,
        }
    }

    /// RecordBatch → model → validate (`columnar::Invoices`, one piece, one thread).
    pub fn batch(&self) -> usize {
        use invoice_core::columnar::Invoices;
        let batch = std::slice::from_ref(std::hint::black_box(&self.batch));
        let table = Invoices::new(batch, None).expect("table");
        table
            .pieces(self.rows)
            .iter()
            .map(|p| table.validate(p, &self.ctx).len())
            .sum()
    }

    /// The model → validate (the core alone).
    pub fn model(&self) -> usize {
        self.invoices
            .iter()
            .map(|i| invoice_core::validate::validate(std::hint::black_box(i), &self.ctx))
            .map(|r| r.findings.len())
            .sum()
    }

    /// JSON → model → validate (`Invoice::from_value`, then `validate`).
    pub fn json(&self) -> usize {
        self.docs
            .iter()
            .map(|d| Invoice::from_value(std::hint::black_box(d)).expect("reads"))
            .map(|i| {
                invoice_core::validate::validate(&i, &self.ctx)
                    .findings
                    .len()
            })
            .sum()
    }
}
