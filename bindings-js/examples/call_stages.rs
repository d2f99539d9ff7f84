//! The Rust side of one JavaScript call, stage by stage, natively (no JS engine): reading the
//! arguments in each encoding, the operation, writing the answer; for `amountInWords(s)` and for
//! `validate(invoice, {asOf})` of the benchmarks' 5-line invoice. Figures: benches/README.md
//! (JavaScript).
//!
//! ```sh
//! node benches/js/validate-text.mjs > /tmp/validate.json   # the argument text JS writes
//! cargo run --release --target x86_64-unknown-linux-gnu -p invoice-core-js \
//!   --example call_stages -- /tmp/validate.json
//! # instructions per validate call: the difference of two runs over 1 000 calls
//! valgrind --tool=callgrind target/x86_64-unknown-linux-gnu/release/examples/call_stages \
//!   --calls 1100 /tmp/validate.json     # and --calls 100
//! # the same for reading the argument text alone: --read-calls 1100 / --read-calls 100
//! ```

use std::hint::black_box;
use std::time::Instant;

use invoice_core_js::call::{Args, Encoding, answer, call};
use serde_json::Value;

/// The operation of `validate(invoice, {asOf})` on read arguments.
fn validate_stage(a: &mut Args<'_>) -> invoice_core_js::Out {
    invoice_core_js::validate_one(&a.source(0), a.source(1)?)
}

/// Best of 7 rounds of `n` calls: nanoseconds per call.
#[allow(clippy::cast_precision_loss, clippy::float_arithmetic)] // a timing report
fn time(n: usize, mut f: impl FnMut(usize)) -> f64 {
    (0..n.min(2000)).for_each(&mut f);
    let mut best = f64::INFINITY;
    for _ in 0..7 {
        let t0 = Instant::now();
        (0..n).for_each(&mut f);
        best = best.min(t0.elapsed().as_secs_f64() * 1e9 / n as f64);
    }
    best
}

#[allow(clippy::float_arithmetic)] // a timing report
fn main() {
    // `--calls N file`: only N whole validate calls; `--read-calls N file`: only N readings of
    // the argument text (`Args::read`, the borrowed document). For callgrind's instruction
    // counts, and for `time` of the same loops.
    let argv: Vec<String> = std::env::args().collect();
    if let (Some(mode @ ("--calls" | "--read-calls")), Some(n), Some(path)) = (
        argv.get(1).map(String::as_str),
        argv.get(2).and_then(|n| n.parse::<usize>().ok()),
        argv.get(3),
    ) {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let text = text.trim().to_string();
        for _ in 0..n {
            if mode == "--calls" {
                black_box(call(text.clone(), None, validate_stage));
            } else {
                black_box(Args::read(black_box(&text), None).ok());
            }
        }
        return;
    }
    let amounts: Vec<String> = (0..1000u64)
        .map(|i| {
            let yuan = (i * 7919 * 104_729) % 100_000_000;
            format!("{yuan}.{:02}", (i * 37) % 100)
        })
        .collect();
    let texts: Vec<String> = amounts
        .iter()
        .map(|a| serde_json::to_string(&[a]).unwrap_or_default())
        .collect();
    let words = |a: &mut Args<'_>| invoice_core_js::ops::amount_in_words(a);
    let n = 500_000;
    let at = |i: usize| i % amounts.len();
    let rows: Vec<(&str, f64)> = vec![
        (
            "大写: the whole call, bare encoding",
            time(n, |i| {
                black_box(call(amounts[at(i)].clone(), None, words));
            }),
        ),
        (
            "大写: the whole call, JSON encoding",
            time(n, |i| {
                black_box(call(texts[at(i)].clone(), None, words));
            }),
        ),
        (
            "大写: the argument string copied (what each call above starts from)",
            time(n, |i| {
                black_box(amounts[at(i)].clone());
            }),
        ),
        (
            "大写: Args::bare",
            time(n, |i| {
                black_box(Args::bare(amounts[at(i)].clone()));
            }),
        ),
        (
            "大写: Args::read of the JSON text",
            time(n, |i| {
                black_box(Args::read(&texts[at(i)], None).ok());
            }),
        ),
        (
            "大写: the operation on read arguments",
            time(n, |i| {
                let mut a = Args::bare(amounts[at(i)].clone());
                black_box(words(&mut a).ok());
            }),
        ),
        (
            "大写: answer written, JSON encoding",
            time(n, |i| {
                black_box(answer(Ok(Value::String(amounts[at(i)].clone()))));
            }),
        ),
        (
            "大写: answer written, bare encoding",
            time(n, |i| {
                black_box(Encoding::Bare.answer(Ok(Value::String(amounts[at(i)].clone()))));
            }),
        ),
    ];
    for (name, ns) in rows {
        println!("| {name} | {ns:.0} ns |");
    }

    let Some(path) = std::env::args().nth(1) else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let text = text.trim().to_string();
    let validate = validate_stage;
    let m = 50_000;
    let rows = vec![
        (
            "validate: the whole call",
            time(m, |_| {
                black_box(call(text.clone(), None, validate));
            }),
        ),
        (
            "validate: Args::read (text → the borrowed document)",
            time(m, |_| {
                black_box(Args::read(&text, None).ok());
            }),
        ),
        (
            "validate: serde_json::from_str alone",
            time(m, |_| {
                black_box(serde_json::from_str::<Value>(&text).ok());
            }),
        ),
        (
            "validate: Args::read and the operation (options, model read, validation, report)",
            time(m, |_| {
                if let Ok(mut a) = Args::read(&text, None) {
                    black_box(validate(&mut a).ok());
                }
            }),
        ),
    ];
    for (name, ns) in rows {
        println!("| {name} | {:.2} µs |", ns / 1000.0);
    }
}
