//! Validates the benches' 5-line invoice, 2,048 rows at a time, `ROUNDS` times by one route:
//! `batch` (a RecordBatch read into the model through the core's Arrow path, then validated),
//! `model` (the invoices already in the model: validation alone) or `json` (read from JSON, then
//! validated). A driver for CPU time and instruction counts, which a loaded machine changes far
//! less than wall time: run each route with two round counts and compare the differences
//! (`perf stat -e instructions,task-clock target/release/examples/columnar_calls batch 20`, or
//! `valgrind --tool=callgrind`), so building the inputs cancels out.
//!
//! `cargo build --release -p invoice-core-benches --features arrow --example columnar_calls`

use std::hint::black_box;

use chrono::NaiveDate;
use invoice_core::columnar::{Invoices, invoices_batch};
use invoice_core::model::Invoice;
use invoice_core::validate::{Context, validate};
use invoice_core_benches::invoice_json;
use serde_json::Value;

const ROWS: usize = 2048;

fn main() {
    let mut args = std::env::args().skip(1);
    let route = args.next().unwrap_or_default();
    let Some(rounds) = args.next().and_then(|n| n.parse::<u32>().ok()) else {
        eprintln!("usage: columnar_calls batch|model|json ROUNDS");
        std::process::exit(2);
    };
    let ctx = Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).expect("date"));
    let one = invoice_json(5);
    let docs: Vec<Value> = (0..ROWS)
        .map(|i| {
            let mut d = one.clone();
            d["number"] = Value::from(format!("2431200000035{:07}", 8_032_546 + i));
            d
        })
        .collect();
    let rows: Vec<(Option<String>, Option<&Value>)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (Some(format!("INV{i:09}")), Some(d)))
        .collect();
    let batch = invoices_batch(&rows).expect("batch");
    let invoices: Vec<Invoice> = docs
        .iter()
        .map(|d| Invoice::from_value(d).expect("reads"))
        .collect();
    let mut findings = 0usize;
    for _ in 0..rounds {
        findings += match route.as_str() {
            "batch" => {
                let table =
                    Invoices::new(std::slice::from_ref(black_box(&batch)), None).expect("table");
                table
                    .pieces(ROWS)
                    .iter()
                    .map(|p| table.validate(p, &ctx).len())
                    .sum::<usize>()
            }
            "model" => invoices
                .iter()
                .map(|i| validate(black_box(i), &ctx).findings.len())
                .sum(),
            "json" => docs
                .iter()
                .map(|d| {
                    let i = Invoice::from_value(black_box(d)).expect("reads");
                    validate(&i, &ctx).findings.len()
                })
                .sum(),
            _ => {
                eprintln!("usage: columnar_calls batch|model|json ROUNDS");
                std::process::exit(2);
            }
        };
    }
    assert_eq!(findings, 0, "the bench invoices are valid");
}
