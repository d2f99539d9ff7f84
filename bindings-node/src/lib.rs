//! Node.js binding of invoice-core (发票核心库的 Node.js 绑定), built with napi-rs.
//!
//! A thin layer. Every operation of [`invoice_core_js::for_each_op!`] becomes one `#[napi]`
//! export taking its arguments as the one JSON text the shared JS layer writes (`surface.js`,
//! see [`invoice_core_js::call`]) and answering one JSON text; `api.js` builds the public API
//! (namespaces, `InvoiceError`) over them. The exports of other shapes are here too: the file
//! reader (bytes, [`files`]) and `validateManyAsync` (the libuv thread pool).
//!
//! Adding an operation: its function in `bindings-js` and one line in `for_each_op!`
//! (CONTRIBUTING.md); nothing here.

mod convert;
mod files;

use std::panic::{AssertUnwindSafe, catch_unwind};

use invoice_core::Error;
use invoice_core::error::INP_INTERNAL;
use invoice_core::validate::Context;
use invoice_core_js::JsSource;
use invoice_core_js::call::{Args, Encoding, answer};
use napi::bindgen_prelude::AsyncTask;
use napi::{Either, JsString};
use napi::{Env, ScopedTask};
use napi_derive::napi;
use serde_json::Value;

/// The Rust side's allocator (Cargo.toml says why); V8's values keep V8's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs one call: a panic (which the core promises never happens) answers `INP-99` (in the
/// call's `encoding`) instead of aborting the Node process.
pub(crate) fn guarded(encoding: Encoding, f: impl FnOnce() -> String) -> String {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        encoding.answer(Err(Error::new(INP_INTERNAL).with("reason", reason)))
    })
}

/// One `#[napi]` export per line of the operation table (the tier is the WASM build's).
macro_rules! napi_exports {
    ($($tier:ident $js:tt $name:ident $body:expr;)*) => {$(
        #[doc = concat!("`", $js, "`: see the package's declarations (`api.d.ts`).")]
        #[napi(js_name = $js)]
        pub fn $name(args: JsString<'_>, notes: Option<String>) -> String {
            let args = match convert::text(args) {
                Ok(args) => args,
                Err(e) => return answer(Err(e)),
            };
            let encoding = Encoding::of(&args, notes.as_deref());
            guarded(encoding, || invoice_core_js::call::call(args, notes.as_deref(), $body))
        }
    )*};
}

invoice_core_js::for_each_op!(napi_exports);

/// The work of `validateManyAsync`: the invoices already read on the main thread.
pub struct ValidateMany {
    list: Vec<Result<Value, Error>>,
    ctx: Context,
}

impl<'env> ScopedTask<'env> for ValidateMany {
    type Output = String;
    type JsValue = String;

    fn compute(&mut self) -> napi::Result<String> {
        Ok(guarded(Encoding::Json, || {
            let list: Vec<_> = self
                .list
                .iter()
                .map(|r| r.as_ref().map(JsSource::Value).map_err(Clone::clone))
                .collect();
            answer(Ok(invoice_core_js::validate_many(&list, &self.ctx)))
        }))
    }

    fn resolve(&mut self, _env: &'env Env, output: String) -> napi::Result<String> {
        Ok(output)
    }
}

/// `validateManyAsync`: the arguments are read (and bad options answered, to be thrown
/// synchronously) on the main thread; the validation runs on the libuv thread pool and resolves
/// to the answer text of `validateMany`.
#[napi(js_name = "validateManyAsync")]
pub fn validate_many_async(
    args: JsString<'_>,
    notes: Option<String>,
) -> Either<String, AsyncTask<ValidateMany>> {
    let read = convert::text(args).and_then(|args| {
        let a = Args::read(&args, notes.as_deref())?;
        let list = a.take_items(0)?;
        let ctx = invoice_core_js::context(a.source(1)?)?;
        Ok(ValidateMany { list, ctx })
    });
    match read {
        Ok(task) => Either::B(AsyncTask::new(task)),
        Err(e) => Either::A(answer(Err(e))),
    }
}
