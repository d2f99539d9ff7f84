//! WebAssembly binding of invoice-core (发票核心库的 WebAssembly 绑定), built with wasm-bindgen.
//!
//! A thin layer: convert in ([`convert`]), call the core, convert out; core errors become thrown
//! JS `Error`s with `code`, `path`, `messageZh`, `params` and `severity` ([`error`]). Money
//! crosses as decimal strings. The raw exports are flat: an area's function is exported as
//! `<area>__<name>` (`kind__fromQr`) and the hand-written wrapper `js/api.js` groups them into
//! namespaces (`kind.fromQr`) and rethrows errors as `InvoiceError` instances.
//!
//! Adding an area: write `src/<area>.rs` with `#[wasm_bindgen(js_name = <area>__<name>)]`
//! functions, declare it below, add its types to `js/index.d.ts`, and add
//! `js-tests/areas/<area>.mjs` for its vector ops.

mod catalog;
mod checks;
mod convert;
mod error;
mod find;
mod ids;
mod kind;
mod lifecycle;
mod money;
mod number;
mod stats;
// The JSON-level surface is shared with the Node addon, so both answer identically.
#[path = "../../bindings-node/src/surface.rs"]
mod surface;
mod tax;
mod validate;
mod verify;
mod words;

use wasm_bindgen::prelude::*;

/// The version of invoice-core this module was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
