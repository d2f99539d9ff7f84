//! Reads the benches' 5-line invoice from its JSON value (and optionally validates or computes it) a given
//! number of times: a driver for instruction counts of the model reader, which no other job on
//! a shared machine changes (`valgrind --tool=callgrind target/release/examples/model_calls 2000`),
//! and for where its time goes (`perf record -e cpu-clock`: a store read back at once, wider
//! than it was written, stalls the processor without costing an instruction).
//!
//! `doc` parses the invoice's JSON text into the borrowed document the JavaScript bindings read
//! through; `from_doc` reads the model from a document parsed once.
//!
//! `cargo build --release -p invoice-core-benches --example model_calls`

use std::hint::black_box;

use chrono::NaiveDate;
use invoice_core::model::{Invoice, JsonDoc};
use invoice_core::validate::{Context, validate};
use invoice_core_benches::invoice_json;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(n) = args.next().and_then(|n| n.parse::<u32>().ok()) else {
        eprintln!("usage: model_calls CALLS [validate|compute|doc|from_doc]");
        std::process::exit(2);
    };
    let mode = args.next();
    let with_validate = mode.as_deref() == Some("validate");
    let with_compute = mode.as_deref() == Some("compute");
    let options = invoice_core::tax::Options::default();
    let json = invoice_json(5);
    let ctx = Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).expect("date"));
    let mut findings = 0usize;
    // The JavaScript route's two halves: the argument's text read into a borrowed document,
    // and the model read from that document.
    if matches!(mode.as_deref(), Some("doc" | "from_doc")) {
        let text = serde_json::to_string(&json).expect("the bench invoice writes");
        let doc = JsonDoc::parse(&text).expect("the bench invoice parses");
        for _ in 0..n {
            let ok = if mode.as_deref() == Some("doc") {
                JsonDoc::parse(black_box(&text)).is_ok()
            } else {
                Invoice::from_source(black_box(doc.root())).is_ok()
            };
            findings += usize::from(!black_box(ok));
        }
        println!("{n} calls; {findings} failed");
        return;
    }
    for _ in 0..n {
        let inv = Invoice::from_value(black_box(&json)).expect("the bench invoice reads");
        if with_validate {
            findings += black_box(validate(&inv, &ctx)).findings.len();
        }
        if with_compute {
            let computed = invoice_core::tax::compute(black_box(&inv), &options);
            findings += usize::from(black_box(computed).is_err());
        }
        black_box(inv);
    }
    println!("{n} reads; {findings} validation findings in all");
}
