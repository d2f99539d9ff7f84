//! Runs `invoice_core::read::read` (and optionally validation) on one file a given number of
//! times: a driver for instruction counts, which no other job on a shared machine changes
//! (`valgrind --tool=callgrind target/release/examples/read_calls FILE 200 validate`).
//!
//! `cargo build --release -p invoice-core-benches --example read_calls`

use std::hint::black_box;

use chrono::NaiveDate;
use invoice_core::read::read;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(n)) = (args.next(), args.next()) else {
        eprintln!("usage: read_calls FILE CALLS [validate]");
        std::process::exit(2);
    };
    let validate = args.next().as_deref() == Some("validate");
    let bytes = std::fs::read(&path).expect("the file reads");
    let n: u32 = n.parse().expect("a number of calls");
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let mut findings = 0usize;
    for _ in 0..n {
        let r = read(black_box(&bytes)).expect("an invoice file");
        if validate {
            findings += black_box(r.validate(&r.context(as_of))).findings.len();
        }
        black_box(r);
    }
    println!("{n} reads of {path}; {findings} validation findings in all");
}
