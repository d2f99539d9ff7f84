//! The committed `examples/files/` are exactly what `examples/files.rs` writes (run
//! `cargo run --example gen_files` after changing it), and each file reads as the table in
//! `files.rs` says: its format, its invoice, and the findings put there on purpose, no others.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use invoice_core::read::{Format, Reading, read_many};
use invoice_core_examples::files;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("files")
}

#[test]
fn committed_files_are_what_the_generator_writes() {
    let generated = files::all();
    for (name, bytes) in &generated {
        let committed = std::fs::read(dir().join(name)).unwrap_or_else(|e| {
            panic!("examples/files/{name}: {e}; run cargo run --example gen_files")
        });
        assert!(
            committed == *bytes,
            "examples/files/{name} differs from what examples/files.rs writes: run cargo run --example gen_files"
        );
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> = generated.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        on_disk, expected,
        "examples/files holds files the generator does not write"
    );
}

#[test]
fn the_generator_is_reproducible() {
    // The ZIPs carry fixed timestamps: two runs give the same bytes.
    assert_eq!(files::all(), files::all());
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// Codes of the reading's findings followed by its validation findings, as `CODE` for errors and
/// `CODE?` for warnings.
fn findings(r: &Reading) -> Vec<String> {
    r.validate(&r.context(as_of()))
        .findings
        .iter()
        .map(|f| match f.severity() {
            invoice_core::Severity::Error => f.code().to_string(),
            _ => format!("{}?", f.code()),
        })
        .collect()
}

/// What one file holds: its format, invoice kind, number and 价税合计, and the findings put in
/// it on purpose (reading and validation; `?` marks a warning).
struct Case {
    file: &'static str,
    format: Format,
    kind: Option<&'static str>,
    number: Option<&'static str>,
    total: Option<&'static str>,
    findings: &'static [&'static str],
}

#[test]
fn each_file_reads_as_designed() {
    let all = files::all();
    let batch = read_many(&all);
    let get = |name: &str| {
        let i = all.iter().position(|(n, _)| *n == name).unwrap();
        let f = &batch.files[i];
        assert!(f.error.is_none(), "{name}: {:?}", f.error);
        f.reading.clone().unwrap()
    };
    let cases = [
        Case {
            file: "digital-special-blue.xml",
            format: Format::DigitalXml,
            kind: Some("digital_special"),
            number: Some("25332000000012340001"),
            total: Some("11415.74"),
            findings: &[],
        },
        Case {
            file: "digital-special-blue.ofd",
            format: Format::OfdDigital,
            kind: Some("digital_special"),
            number: Some("25332000000012340001"),
            total: Some("11415.74"),
            findings: &[],
        },
        Case {
            file: "digital-special-blue-qr.txt",
            format: Format::QrText,
            kind: None,
            number: None,
            total: None,
            findings: &[],
        },
        Case {
            file: "digital-ordinary-red.xml",
            format: Format::DigitalXml,
            kind: Some("digital_ordinary"),
            number: Some("25332000000012340077"),
            total: Some("-1060.00"),
            findings: &[],
        },
        Case {
            file: "legacy-ordinary.ofd",
            format: Format::OfdLegacy,
            kind: Some("electronic_ordinary"),
            number: Some("00718342"),
            total: Some("300.00"),
            findings: &["READ-15"],
        },
        Case {
            file: "legacy-ordinary-xbrl.ofd",
            format: Format::OfdXbrl,
            kind: Some("electronic_ordinary"),
            number: Some("20934417"),
            total: Some("1695.00"),
            findings: &[],
        },
        Case {
            file: "legacy-ordinary-inv.xml",
            format: Format::XbrlInv,
            kind: Some("electronic_ordinary"),
            number: Some("20935102"),
            total: Some("1695.00"),
            findings: &["ID-18?"],
        },
        Case {
            file: "digital-special-einv-accounting.xml",
            format: Format::XbrlEinv,
            kind: Some("digital_special"),
            number: Some("25512000000004561234"),
            total: Some("5300.00"),
            // The masked seller id is READ-11 only: the id checks that fail on its x's are not
            // repeated (Reading::validate).
            findings: &["READ-11?", "READ-17?"],
        },
    ];
    assert_eq!(cases.len(), all.len(), "every file has a case");
    for Case {
        file: name,
        format,
        kind,
        number,
        total,
        findings: expected,
    } in cases
    {
        let r = get(name);
        assert_eq!(r.source.format, format, "{name}");
        let inv = r.invoice.as_ref();
        assert_eq!(inv.map(|i| i.kind.name()), kind, "{name}");
        assert_eq!(inv.map(|i| i.number.as_str()), number, "{name}");
        assert_eq!(
            inv.and_then(|i| i.totals.as_ref())
                .map(|t| t.total.to_string())
                .as_deref(),
            total,
            "{name}"
        );
        // The reading findings are exactly the ones put there on purpose.
        let reading: Vec<String> = r
            .findings
            .iter()
            .map(|f| match f.severity() {
                invoice_core::Severity::Error => f.code().to_string(),
                _ => format!("{}?", f.code()),
            })
            .collect();
        let expected_reading: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|c| c.starts_with("READ-"))
            .collect();
        assert_eq!(reading, expected_reading, "{name}: {:#?}", r.findings);
        // Validation reports exactly the ones put there on purpose: nothing the format does
        // not carry is called missing.
        assert_eq!(findings(&r), expected, "{name}");
    }

    // The blue invoice's three files are one invoice, and nothing else is a copy.
    assert_eq!(batch.copies.len(), 1);
    let names: Vec<&str> = batch.copies[0].files.iter().map(|&i| all[i].0).collect();
    assert_eq!(
        names,
        [
            "digital-special-blue.xml",
            "digital-special-blue.ofd",
            "digital-special-blue-qr.txt"
        ]
    );
    assert!(batch.copies[0].consistent);
    // The QR carries the invoice's 价税合计 (数电: amount = 价税合计).
    let qr = get("digital-special-blue-qr.txt");
    assert_eq!(qr.keys(), get("digital-special-blue.xml").keys());
}

#[test]
fn the_red_invoice_names_its_original_and_the_accounting_facts_are_read() {
    let all = files::all();
    let read = |name: &str| {
        let (_, b) = all.iter().find(|(n, _)| *n == name).unwrap();
        invoice_core::read::read(b).unwrap()
    };
    let red = read("digital-ordinary-red.xml");
    let reference = red.invoice.as_ref().unwrap().red.as_ref().unwrap();
    assert_eq!(reference.original_number, "25332000000011110001");
    let acc = read("digital-special-einv-accounting.xml");
    let a = acc.accounting.as_ref().unwrap();
    assert!(a.used_for_deduction);
    assert_eq!(a.vouchers[0].entries.len(), 3);
    assert_eq!(a.buyer_state.map(|s| s.name()), Some("booked"));
    // The 数电 OFD's first line name joins its two text objects.
    let ofd = read("digital-special-blue.ofd");
    let lines = &ofd.invoice.as_ref().unwrap().lines;
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].name, "*信息技术服务*软件开发服务");
    assert_eq!(
        lines[1].amount.map(|a| a.to_string()).as_deref(),
        Some("2598.00")
    );
}
