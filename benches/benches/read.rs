//! Criterion benches of reading invoice files: `invoice_core::read::read` and reading plus
//! validating, for a one-page 数电 OFD, a one-page legacy OFD and a 数电 XML (the project's own
//! files in `examples/files/`), and the real one-page legacy OFD of the shared fixtures when
//! `../shared/fixtures` is beside the clone.
//!
//! `cargo bench -p invoice-core-benches --bench read`; figures in `benches/README.md`.
//!
//! The machine is shared, so wall-clock time per file overstates the cost when other builds
//! run: after criterion's runs, a second pass counts files per second of this thread's **CPU
//! time** (user + system, from `/proc/thread-self/stat`, Linux only), which is the
//! files-per-second-per-core figure the target is stated in.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use invoice_core::read::{read, read_many};

const DIGITAL_OFD: &[u8] = include_bytes!("../../examples/files/digital-special-blue.ofd");
const LEGACY_OFD: &[u8] = include_bytes!("../../examples/files/legacy-ordinary.ofd");
const DIGITAL_XML: &[u8] = include_bytes!("../../examples/files/digital-special-blue.xml");

fn fixture(name: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures")
        .join(name);
    std::fs::read(p).ok()
}

/// The files benched: the project's own and, when present, the real one-page legacy OFD.
fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut inputs: Vec<(&str, Vec<u8>)> = vec![
        ("数电 OFD (examples/files)", DIGITAL_OFD.to_vec()),
        ("legacy OFD (examples/files)", LEGACY_OFD.to_vec()),
        ("数电 XML (examples/files)", DIGITAL_XML.to_vec()),
    ];
    match fixture("legacy-ordinary-3pct.ofd") {
        Some(b) => inputs.push(("legacy OFD, real (fixture legacy-ordinary-3pct)", b)),
        None => eprintln!("SKIPPED: ../shared/fixtures is not beside this clone"),
    }
    inputs
}

fn benches(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let inputs = inputs();
    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Elements(1));
    for (name, bytes) in &inputs {
        let r = read(bytes).expect("the bench file reads");
        assert!(r.invoice.is_some(), "{name}: an invoice");
        g.bench_function(format!("read {name}"), |b| {
            b.iter(|| read(black_box(bytes)))
        });
        g.bench_function(format!("read+validate {name}"), |b| {
            b.iter(|| {
                let r = read(black_box(bytes)).expect("reads");
                r.validate(&r.context(as_of))
            })
        });
    }
    g.finish();
    // A folder's worth: the eight example files, read together with copies found.
    let files: Vec<(String, Vec<u8>)> =
        std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/files"))
            .expect("examples/files")
            .filter_map(|e| e.ok())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("a file"),
                )
            })
            .collect();
    let mut g = c.benchmark_group("read_many");
    g.throughput(Throughput::Elements(files.len() as u64));
    g.bench_function(format!("read_many {} example files", files.len()), |b| {
        b.iter(|| read_many(black_box(&files)))
    });
    g.finish();
}

/// This thread's CPU time (user + system) in clock ticks, from `/proc/thread-self/stat`
/// (fields 14 and 15, after the parenthesised command name); `None` where there is no such file.
fn thread_cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3 (state): utime is field 14, stime field 15.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// Linux's USER_HZ: the unit of `/proc/*/stat` times (100 on every mainstream architecture).
const TICKS_PER_SECOND: u64 = 100;

/// Runs `f` until it has used `ticks` of CPU time and returns (calls, CPU seconds, wall seconds).
fn on_cpu(ticks: u64, mut f: impl FnMut()) -> Option<(u64, f64, f64)> {
    let wall = std::time::Instant::now();
    let start = thread_cpu_ticks()?;
    let mut calls = 0u64;
    loop {
        for _ in 0..64 {
            f();
        }
        calls += 64;
        let used = thread_cpu_ticks()? - start;
        if used >= ticks {
            #[allow(clippy::cast_precision_loss, clippy::float_arithmetic)] // a timing report
            let cpu = used as f64 / TICKS_PER_SECOND as f64;
            return Some((calls, cpu, wall.elapsed().as_secs_f64()));
        }
    }
}

/// Files per CPU-second for each input, read and read + validate.
fn per_core(_c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    println!("\nfiles per second of CPU time (one core), 3 s of CPU each:");
    for (name, bytes) in inputs() {
        let read_only = on_cpu(3 * TICKS_PER_SECOND, || {
            black_box(read(black_box(&bytes)).ok());
        });
        let validated = on_cpu(3 * TICKS_PER_SECOND, || {
            if let Ok(r) = read(black_box(&bytes)) {
                black_box(r.validate(&r.context(as_of)));
            }
        });
        match (read_only, validated) {
            (Some((n1, cpu1, wall1)), Some((n2, cpu2, wall2))) => {
                #[allow(clippy::cast_precision_loss, clippy::float_arithmetic)] // a timing report
                let (f1, f2) = (n1 as f64 / cpu1, n2 as f64 / cpu2);
                #[allow(clippy::float_arithmetic)] // a timing report
                let share = (cpu1 + cpu2) / (wall1 + wall2) * 100.0;
                println!(
                    "  {name}: read {f1:.0} files/s, read+validate {f2:.0} files/s per core (this thread had {share:.0}% of a core)"
                );
            }
            _ => println!("  {name}: no /proc/thread-self/stat here; see criterion's figures"),
        }
    }
}

criterion_group!(read_benches, benches, per_core);
criterion_main!(read_benches);
