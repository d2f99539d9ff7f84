#![no_main]
//! cargo-fuzz target `codes`: the body is `invoice_core_fuzz::codes` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::codes(data));
