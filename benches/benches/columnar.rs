//! The core's Arrow path, single-threaded: validating a record batch of 5-line invoices (the
//! batch read into the model row by row through typed cells, then validated), against the same
//! invoices validated from the model and read from JSON. The per-invoice ratio is what issue 14's
//! "per core at least half of the Rust core's own single-thread throughput" compares.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use invoice_core_benches::ColumnarRoutes;

/// Rows of the batch: one piece of the Python binding's table operations.
const ROWS: usize = 2048;

fn benches(c: &mut Criterion) {
    let routes = ColumnarRoutes::new(ROWS);
    assert_eq!(routes.batch(), 0, "bench invoices must be valid");
    let mut g = c.benchmark_group("columnar 5-line invoices");
    g.throughput(Throughput::Elements(ROWS as u64));
    g.bench_function("RecordBatch -> validate (1 thread)", |b| {
        b.iter(|| routes.batch())
    });
    g.bench_function("model -> validate (core alone)", |b| {
        b.iter(|| routes.model())
    });
    g.bench_function("JSON -> read + validate", |b| b.iter(|| routes.json()));
    g.finish();
}

criterion_group!(columnar, benches);
criterion_main!(columnar);
