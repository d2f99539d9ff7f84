//! WebAssembly binding of invoice-core (发票核心库的 WebAssembly 绑定), built with wasm-bindgen.
//!
//! A thin layer: convert in ([`convert`]), call the core, convert out; core errors become thrown
//! JS `Error`s with `code`, `path`, `messageZh`, `params` and `severity` ([`error`]). Money
//! crosses as decimal strings. The raw exports are flat: an area's function is exported as
//! `<area>__<name>` (`kind__fromQr`) and the hand-written wrapper `js/api.js` groups them into
//! namespaces (`kind.fromQr`) and rethrows errors as `InvoiceError` instances.
//!
//! Every operation sits behind one `__call(op, args)` export ([`ops`], generated with the Node
//! addon's wrappers by `bindings-node/gen-areas.py`; `__callText` takes the arguments as one JSON
//! text); the other exports are the string fast path of `amountInWords`, the rule catalogue
//! (full build) and `version`. The module has its own allocator ([`heap`], WebAssembly only).
//!
//! Two builds: the default is the browser module (identifiers, words, QR, codes and numbers, the
//! model with compute and validate, check codes, duplicates), kept under 300 KB (`build.sh`
//! fails above it); the `full`
//! feature adds the lifecycle, statistics, find, 查验 and the rule catalogue (the Node build and
//! the browser's on-demand module).
//!
//! Adding an operation: add it to the table in `bindings-node/gen-areas.py`, run it, add its
//! types to `js/types.d.ts`, and add its vector ops to `js-tests/areas/<area>.mjs`.

#[cfg(feature = "full")]
mod catalog;
mod checks;
mod convert;
mod error;
#[cfg(target_arch = "wasm32")]
mod heap;
#[cfg(target_arch = "wasm32")]
mod js_json;
mod ops;
// The JSON-level surface is shared with the Node addon, so both answer identically. The
// browser module leaves some of it unused.
#[cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]
#[path = "../../bindings-node/src/surface.rs"]
mod surface;

use wasm_bindgen::prelude::*;

/// The version of invoice-core this module was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
