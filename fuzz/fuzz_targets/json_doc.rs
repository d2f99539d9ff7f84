#![no_main]
//! cargo-fuzz target `json_doc`: the body is `invoice_core_fuzz::json_doc` (src/bodies.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| invoice_core_fuzz::json_doc(data));
