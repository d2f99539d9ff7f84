#![no_main]
//! cargo-fuzz target `money`: the body is `invoice_core_fuzz::money` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::money(data));
