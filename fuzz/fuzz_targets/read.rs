#![no_main]
//! cargo-fuzz target `read`: the body is `invoice_core_fuzz::read_file` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::read_file(data));
