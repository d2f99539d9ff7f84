//! Runs the shared test corpus (`tests/vectors/**/*.json`) through the Rust API.
//!
//! Every other language runs the same files through its binding; see `vectors/README.md`.

mod runner;

use std::sync::OnceLock;

/// The corpus runs once; every test here reads the same outcome.
fn outcome() -> &'static runner::Outcome {
    static OUTCOME: OnceLock<runner::Outcome> = OnceLock::new();
    OUTCOME.get_or_init(runner::run_all)
}

#[test]
fn shared_vectors() {
    let outcome = outcome();
    for f in &outcome.failures {
        eprintln!("FAIL {f}");
    }
    println!(
        "vectors: {} cases in {} files, {} failed",
        outcome.passed + outcome.failures.len(),
        outcome.files,
        outcome.failures.len()
    );
    assert!(outcome.files > 0, "no vector files found");
    assert!(
        outcome.failures.is_empty(),
        "{} vector cases failed",
        outcome.failures.len()
    );
}

/// Every code in the catalogue is exercised by at least one vector case, so every rule has a
/// case every binding runs.
#[test]
fn every_code_has_a_vector() {
    let outcome = outcome();
    let missing: Vec<&str> = invoice_core::catalog::all()
        .map(|r| r.code)
        .filter(|c| !outcome.codes_seen.iter().any(|s| s == c))
        .filter(|c| !NOT_REACHABLE_FROM_VECTORS.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a vector case: {missing:?}"
    );
}

/// Codes no vector can produce, with the reason.
const NOT_REACHABLE_FROM_VECTORS: &[&str] = &[
    // A binding turns a caught panic into this; the core has none to catch.
    "INP-99",
    // Raised by the bindings for host values they refuse to convert (a Python int over 128 bits,
    // nesting deeper than 64); the corpus is JSON, which the core reads itself.
    "INP-06",
    // Raised by bindings that open a path for the reader; the core opens no file.
    "READ-20",
];

/// Every rule file holds a case where its rule passes on a valid invoice and one where it fires.
#[test]
fn every_rule_file_has_pass_and_fail() {
    let dir = runner::vectors_dir().join("rules");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut incomplete = Vec::new();
    for f in files {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).expect("read")).expect("json");
        let rule = doc["rule"].as_str().expect("rule");
        let fires = |c: &serde_json::Value| {
            c["expected"]["findings"]
                .as_array()
                .is_some_and(|fs| fs.iter().any(|x| x["code"] == rule))
        };
        let cases = doc["cases"].as_array().expect("cases");
        let has_pass = cases
            .iter()
            .any(|c| c["expected"]["valid"] == true && !fires(c));
        let has_fail = cases.iter().any(fires);
        if !(has_pass && has_fail) {
            incomplete.push(rule.to_string());
        }
    }
    assert!(
        incomplete.is_empty(),
        "rule files without a pass and a fail case: {incomplete:?}"
    );
}
