//! Criterion benches of the hot paths: validate and compute (5 and 1,000 lines), reading an
//! invoice from JSON, 大写 both ways, and identifier checks.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use invoice_core::ids::{resident_id, uscc};
use invoice_core::model::Invoice;
use invoice_core::money::Amount;
use invoice_core::tax::{self, Options};
use invoice_core::validate::{Context, validate};
use invoice_core::words::{self, Style};
use invoice_core_benches::{invoice, invoice_json};

fn benches(c: &mut Criterion) {
    let ctx = Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).expect("date"));
    for n in [5, 1000] {
        let inv = invoice(n);
        assert!(
            validate(&inv, &ctx).is_valid(),
            "bench invoice must be valid"
        );
        c.bench_function(&format!("validate {n} lines"), |b| {
            b.iter(|| validate(black_box(&inv), black_box(&ctx)))
        });
        let opts = Options::default();
        c.bench_function(&format!("compute {n} lines"), |b| {
            b.iter(|| tax::compute(black_box(&inv), black_box(&opts)))
        });
        let json = invoice_json(n);
        c.bench_function(&format!("read JSON {n} lines"), |b| {
            b.iter(|| Invoice::from_value(black_box(&json)))
        });
    }
    let amount = Amount::parse("107000.53").expect("amount");
    c.bench_function("amount to words", |b| {
        b.iter(|| words::to_words(black_box(amount), Style::Invoice))
    });
    c.bench_function("words to amount", |b| {
        b.iter(|| words::parse_words(black_box("壹拾万零柒仟圆零伍角叁分")))
    });
    c.bench_function("uscc is_valid", |b| {
        b.iter(|| uscc::is_valid(black_box("91350100M000100Y43")))
    });
    c.bench_function("resident id is_valid", |b| {
        b.iter(|| resident_id::is_valid(black_box("11010519491231002X")))
    });
}

criterion_group!(core, benches);
criterion_main!(core, part_benches);

fn parts(c: &mut Criterion) {
    use invoice_core::ids::taxpayer_id;
    use invoice_core::number::{InvoiceNumber, NumberOptions};
    c.bench_function("part: taxpayer_id warnings", |b| {
        b.iter(|| taxpayer_id::warnings(black_box("91310000580583950X")))
    });
    c.bench_function("part: number parse", |b| {
        b.iter(|| {
            InvoiceNumber::parse_with(
                black_box("24312000000358032546"),
                &NumberOptions::with_max_year(2024),
            )
        })
    });
}

criterion_group!(part_benches, parts);
