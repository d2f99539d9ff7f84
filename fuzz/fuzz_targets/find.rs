#![no_main]
//! cargo-fuzz target `find`: the body is `invoice_core_fuzz::find` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::find(data));
