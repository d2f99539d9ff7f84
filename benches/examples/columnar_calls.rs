//! Validates the benches' 5-line invoice, 2,048 rows at a time, `ROUNDS` times by one route:
//! `batch` (a RecordBatch read into the model through the core's Arrow path, then validated),
//! `model` (the invoices already in the model: validation alone) or `json` (read from JSON, then
//! validated). A driver for CPU time and instruction counts, which a loaded machine changes far
//! less than wall time: run each route with two round counts and compare the differences
//! (`perf stat -e instructions,task-clock target/release/examples/columnar_calls batch 20`, or
//! `valgrind --tool=callgrind`), so building the inputs cancels out.
//!
//! `cargo build --release -p invoice-core-benches --features arrow --example columnar_calls`

use invoice_core_benches::ColumnarRoutes;

const ROWS: usize = 2048;

fn main() {
    let mut args = std::env::args().skip(1);
    let route = args.next().unwrap_or_default();
    let Some(rounds) = args.next().and_then(|n| n.parse::<u32>().ok()) else {
        eprintln!("usage: columnar_calls batch|model|json ROUNDS");
        std::process::exit(2);
    };
    let routes = ColumnarRoutes::new(ROWS);
    let run: fn(&ColumnarRoutes) -> usize = match route.as_str() {
        "batch" => ColumnarRoutes::batch,
        "model" => ColumnarRoutes::model,
        "json" => ColumnarRoutes::json,
        _ => {
            eprintln!("usage: columnar_calls batch|model|json ROUNDS");
            std::process::exit(2);
        }
    };
    let findings: usize = (0..rounds).map(|_| run(&routes)).sum();
    assert_eq!(findings, 0, "the bench invoices are valid");
}
