#![no_main]
//! cargo-fuzz target `lifecycle`: the body is `invoice_core_fuzz::lifecycle` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::lifecycle(data));
