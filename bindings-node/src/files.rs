//! Reading invoice files (读取发票文件): `read(bytes)`, `readPath(path)`, `readMany(files)` over
//! `invoice_core::read` (see the shared surface's `read_file` / `read_many`). The core opens
//! nothing; `readPath` reads the file here and a path that cannot be opened is `READ-20`.

use invoice_core::Path;
use napi::Env;
use napi::bindgen_prelude::{JsObjectValue, JsValue, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, Dates};
use crate::error::{call, internal};
use invoice_core_js as surface;

/// Reads one invoice file (数电 XML, OFD, MoF XBRL) or a QR text from its bytes (a `Buffer` or
/// `Uint8Array`); the format is recognised from the bytes. With options (`{asOf}`, as for
/// `validate`) the reading carries its validation `report`. Throws `READ-01`…`READ-09` when the
/// bytes are no invoice file at all; a masked or malformed field is a finding, not an error.
#[napi(
    js_name = "read",
    ts_args_type = "bytes: Uint8Array, options?: ValidateOptions | null",
    ts_return_type = "Reading"
)]
pub fn read(env: Env, bytes: Unknown, options: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let bytes = convert::bytes(&bytes, &Path::root())?;
        let options = convert::json(&options, Dates::Day, &Path::root())?;
        surface::read_file(&bytes, &options)
    })
}

/// [`read`] of the file at `path` (read here; the core opens nothing). Throws `READ-20` when the
/// path cannot be opened.
#[napi(
    js_name = "readPath",
    ts_args_type = "path: string, options?: ValidateOptions | null",
    ts_return_type = "Reading"
)]
pub fn read_path(env: Env, path: Unknown, options: Unknown) -> napi::Result<Value> {
    call(&env, || {
        let path = convert::string(&path, &Path::root())?;
        let options = convert::json(&options, Dates::Day, &Path::root())?;
        let bytes = std::fs::read(&path).map_err(|e| surface::unopened(&path, &e))?;
        surface::read_file(&bytes, &options)
    })
}

/// Reads many files (`[{name, bytes}]`) and says which are copies of one invoice: `{files:
/// [{name, reading, error}], copies: [{key, files, consistent}], copy_of}`. A file that is no
/// invoice file has its `error` instead of throwing.
#[napi(
    js_name = "readMany",
    ts_args_type = "files: FileInput[], options?: ValidateOptions | null",
    ts_return_type = "ReadingBatch"
)]
pub fn read_many(env: Env, files: Unknown, options: Unknown) -> napi::Result<Value> {
    call(&env, || {
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
        let options = convert::json(&options, Dates::Day, &Path::root())?;
        surface::read_many(&inputs, &options)
    })
}
