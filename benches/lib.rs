//! Benchmarks of invoice-core; the benches live in `benches/benches/`.
