//! Reading invoice files (读取发票文件): `read(bytes)`, `readPath(path)`, `readMany(files)` over
//! `invoice_core::read` (see the shared surface's `read_file` / `read_many`). The bytes cross as
//! a `Buffer`/`Uint8Array`, the options as the shared JSON text. The core opens nothing;
//! `readPath` reads the file here and a path that cannot be opened is `READ-20`.

use invoice_core::Path;
use invoice_core_js::call::{Args, Encoding, call_json};
use napi::bindgen_prelude::{JsObjectValue, JsValue, Unknown};
use napi_derive::napi;

use crate::convert::{self, CoreResult, internal};
use crate::guarded;

/// The file reader's calls: the bytes (or path, or files) read first, then the options text.
fn with_options(
    input: impl FnOnce() -> CoreResult<Vec<(String, Vec<u8>)>>,
    args: &str,
    notes: Option<&str>,
    many: bool,
) -> String {
    guarded(Encoding::Json, || match input() {
        Err(e) => invoice_core_js::call::answer(Err(e)),
        Ok(files) => call_json(args, notes, |a: &mut Args| {
            let options = a.value(0)?;
            if many {
                invoice_core_js::read_many(&files, options)
            } else {
                let bytes = files.into_iter().next().map(|(_, b)| b).unwrap_or_default();
                invoice_core_js::read_file(&bytes, options)
            }
        }),
    })
}

/// `read(bytes, options?)`: one invoice file or QR text from its bytes.
#[napi(js_name = "read")]
pub fn read(bytes: Unknown, args: String, notes: Option<String>) -> String {
    let input = || {
        Ok(vec![(
            String::new(),
            convert::bytes(&bytes, &Path::root())?,
        )])
    };
    with_options(input, &args, notes.as_deref(), false)
}

/// `readPath(path, options?)`: [`read`] of the file at `path` (`READ-20` when it cannot be opened).
#[napi(js_name = "readPath")]
pub fn read_path(path: Unknown, args: String, notes: Option<String>) -> String {
    let input = || {
        let path = convert::string(&path, &Path::root())?;
        let bytes = std::fs::read(&path).map_err(|e| invoice_core_js::unopened(&path, &e))?;
        Ok(vec![(path, bytes)])
    };
    with_options(input, &args, notes.as_deref(), false)
}

/// `readMany([{name, bytes}], options?)`: every file read on its own, and the copies among them.
#[napi(js_name = "readMany")]
pub fn read_many(files: Unknown, args: String, notes: Option<String>) -> String {
    let input = || {
        let list = convert::list(&files, &Path::root())?;
        let mut inputs = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            let at = Path::root().index(i);
            let found = convert::type_name(item)?;
            if found != "object" {
                return Err(convert::wrong_type("{name, bytes}", found, &at));
            }
            let obj = item.coerce_to_object().map_err(|e| internal(&e))?;
            let name: Unknown = obj.get_named_property("name").map_err(|e| internal(&e))?;
            let bytes: Unknown = obj.get_named_property("bytes").map_err(|e| internal(&e))?;
            inputs.push((
                convert::string(&name, &at.clone().key("name"))?,
                convert::bytes(&bytes, &at.key("bytes"))?,
            ));
        }
        Ok(inputs)
    };
    with_options(input, &args, notes.as_deref(), true)
}
