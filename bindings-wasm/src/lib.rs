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
//! (full build) and `version`.
//!
//! Two builds: the default is the browser module (identifiers, words, QR, codes and numbers, the
//! model with compute and validate, duplicates), kept within 150 KiB gzipped (`build.sh` fails
//! above it); the `full` feature adds the lifecycle, statistics, find, 查验, the keyed check codes
//! and the rule catalogue (the Node build and the browser's on-demand module, within 300 KiB
//! gzipped). The `files` feature adds the file reader and the statistics of what it read to the
//! browser module (the page's module for invoice files, within 300 KiB gzipped); the Node build
//! has both features.
//!
//! Adding an operation: add it to the table in `bindings-node/gen-areas.py`, run it, add its
//! types to `js/types.d.ts`, and add its vector ops to `js-tests/areas/<area>.mjs`.

#[cfg(feature = "full")]
mod catalog;
mod checks;
mod convert;
mod error;
#[cfg(feature = "files")]
mod files;
mod ops;

use wasm_bindgen::prelude::*;

/// The version of invoice-core this module was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Internal (tests): the module's memory size in 64 KiB pages, to check that repeated calls give
/// back what they take.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = __memoryPages)]
pub fn memory_pages() -> usize {
    core::arch::wasm32::memory_size::<0>()
}
