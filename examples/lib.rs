//! Worked examples of invoice-core: `cargo run --example quickstart`, `cargo run --example check
//! -- examples/files` (reads a folder of invoice files); [`files`] writes those files.

pub mod files;
