//! The core's Arrow path, single-threaded: validating a record batch of 5-line invoices (the
//! batch read into the model row by row through typed cells, then validated), against the same
//! invoices validated from the model and read from JSON. The per-invoice ratio is what issue 14's
//! "per core at least half of the Rust core's own single-thread throughput" compares.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use invoice_core::columnar::{Invoices, invoices_batch};
use invoice_core::model::Invoice;
use invoice_core::validate::{Context, validate};
use invoice_core_benches::invoice_json;
use serde_json::Value;

/// Rows of the batch: one piece of the Python binding's table operations.
const ROWS: usize = 2048;

fn benches(c: &mut Criterion) {
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
    let table = Invoices::new(std::slice::from_ref(&batch), None).expect("table");
    let pieces = table.pieces(ROWS);
    assert!(
        pieces.iter().all(|p| table.validate(p, &ctx).is_empty()),
        "bench invoices must be valid"
    );

    let mut g = c.benchmark_group("columnar 5-line invoices");
    g.throughput(Throughput::Elements(ROWS as u64));
    g.bench_function("RecordBatch -> validate (1 thread)", |b| {
        b.iter(|| {
            let table =
                Invoices::new(std::slice::from_ref(black_box(&batch)), None).expect("table");
            table
                .pieces(ROWS)
                .iter()
                .map(|p| table.validate(p, &ctx).len())
                .sum::<usize>()
        })
    });
    let invoices: Vec<Invoice> = docs
        .iter()
        .map(|d| Invoice::from_value(d).expect("reads"))
        .collect();
    g.bench_function("model -> validate (core alone)", |b| {
        b.iter(|| {
            invoices
                .iter()
                .map(|i| validate(black_box(i), &ctx).findings.len())
                .sum::<usize>()
        })
    });
    g.bench_function("JSON -> read + validate", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let i = Invoice::from_value(black_box(d)).expect("reads");
                    validate(&i, &ctx).findings.len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(columnar, benches);
criterion_main!(columnar);
