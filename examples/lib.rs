//! Worked examples of invoice-core: `cargo run --example quickstart`.
