#![no_main]
//! cargo-fuzz target `invoice_json`: the body is `invoice_core_fuzz::invoice_json` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::invoice_json(data));
