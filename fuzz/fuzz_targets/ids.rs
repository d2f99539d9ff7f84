#![no_main]
//! cargo-fuzz target `ids`: the body is `invoice_core_fuzz::ids` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::ids(data));
