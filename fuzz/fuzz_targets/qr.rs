#![no_main]
//! cargo-fuzz target `qr`: the body is `invoice_core_fuzz::qr_text` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::qr_text(data));
