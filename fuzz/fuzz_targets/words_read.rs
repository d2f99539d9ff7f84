#![no_main]
//! cargo-fuzz target `words_read`: the body is `invoice_core_fuzz::words_read` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::words_read(data));
