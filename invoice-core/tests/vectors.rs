//! Runs the shared test corpus (`tests/vectors/**/*.json`) through the Rust API.
//!
//! Every other language runs the same files through its binding; see `vectors/README.md`.

mod runner;

#[test]
fn shared_vectors() {
    let outcome = runner::run_all();
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
