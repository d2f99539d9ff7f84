#![no_main]
//! cargo-fuzz target `words_write`: the body is `invoice_core_fuzz::words_write` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::words_write(data));
