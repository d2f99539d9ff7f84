//! WebAssembly binding of invoice-core (发票核心库的 WebAssembly 绑定), built with wasm-bindgen.
//!
//! A thin layer. Every operation of [`invoice_core_js::for_each_op!`] becomes one named
//! `#[wasm_bindgen]` export taking its arguments as the one JSON text the shared JS layer writes
//! (`js/surface.js`, see [`invoice_core_js::call`]) and answering one JSON text; `js/surface.js`
//! builds the public API (namespaces, `InvoiceError`) over them. The file reader takes bytes
//! ([`files`]).
//!
//! Three builds: the default is the browser module (identifiers, words, QR, 数电 number padding,
//! the model with compute and validate), kept within 150 KiB gzipped (`build.sh`
//! fails above it); the `full` feature adds the operations of the `full` and `stats` tiers (the
//! lifecycle, statistics, find, 查验, the keyed check codes, writing QR payloads, duplicates and the
//! rule catalogue; the Node build and the browser's on-demand module, within 300 KiB gzipped). The
//! `files` feature adds the file reader and the `stats` tier to the browser module (the page's
//! module for invoice files, within 300 KiB gzipped); the Node build has both features.
//!
//! Adding an operation: its function in `bindings-js` and one line in `for_each_op!`
//! (CONTRIBUTING.md); nothing here.

#[cfg(feature = "files")]
mod convert;
#[cfg(feature = "files")]
mod files;

use wasm_bindgen::prelude::*;

/// An item only in the modules of its tier.
macro_rules! tier {
    (core $item:item) => {
        $item
    };
    (full $item:item) => {
        #[cfg(feature = "full")]
        $item
    };
    (stats $item:item) => {
        #[cfg(any(feature = "full", feature = "files"))]
        $item
    };
}

/// One `#[wasm_bindgen]` export per line of the operation table, in the modules of its tier.
macro_rules! wasm_exports {
    ($($tier:ident $js:tt $name:ident $body:expr;)*) => {$(
        tier! { $tier
            #[doc = concat!("`", $js, "`: see the package's declarations (`js/types.d.ts`).")]
            #[wasm_bindgen(js_name = $js)]
            pub fn $name(args: String, notes: Option<String>) -> String {
                invoice_core_js::call::call(args, notes.as_deref(), $body)
            }
        }
    )*};
}

invoice_core_js::for_each_op!(wasm_exports);

/// Internal (tests): the module's memory size in 64 KiB pages, to check that repeated calls give
/// back what they take.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = __memoryPages)]
pub fn memory_pages() -> usize {
    core::arch::wasm32::memory_size::<0>()
}
