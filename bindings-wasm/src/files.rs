//! Reading invoice files (读取发票文件) in the files module (and the Node build): `read(bytes,
//! options?)` for one file's bytes (a `Uint8Array`, e.g. from a `File`'s `arrayBuffer()`),
//! `readMany([{name, bytes}], options?)` for many with the copies among them (see the shared
//! surface's `read_file` / `read_many`). The bytes cross as a `Uint8Array`, the options as the
//! shared JSON text. The browser and full modules leave the reader out (their gzip budgets).

use invoice_core::{Error, Path};
use invoice_core_js::call::{answer, call_json};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::convert;

type CoreResult<T> = Result<T, Error>;

fn bytes(v: &JsValue, at: &Path) -> CoreResult<Vec<u8>> {
    v.dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| convert::wrong_type("Uint8Array", &convert::type_name(v), at))
}

/// The files read first, then the options text (`read` has one file, `readMany` many).
fn with_options(
    files: CoreResult<Vec<(String, Vec<u8>)>>,
    args: &str,
    notes: Option<String>,
    many: bool,
) -> String {
    match files {
        Err(e) => answer(Err(e)),
        Ok(files) => call_json(args, notes.as_deref(), |a| {
            let options = a.value(0)?;
            if many {
                invoice_core_js::read_many(&files, options)
            } else {
                let data = files.into_iter().next().map(|(_, b)| b).unwrap_or_default();
                invoice_core_js::read_file(&data, options)
            }
        }),
    }
}

/// One invoice file (数电 XML, OFD, MoF XBRL) or a QR text from its bytes; with options
/// (`{asOf}`) the reading carries its validation `report`. `READ-01`…`READ-09` when the bytes
/// are no invoice file at all.
#[wasm_bindgen]
pub fn read(data: JsValue, args: &str, notes: Option<String>) -> String {
    let files = bytes(&data, &Path::root()).map(|b| vec![(String::new(), b)]);
    with_options(files, args, notes, false)
}

/// Many files (`[{name, bytes}]`): `{files: [{name, reading, error}], copies, copy_of}`.
#[wasm_bindgen(js_name = readMany)]
pub fn read_many(files: JsValue, args: &str, notes: Option<String>) -> String {
    let read = || {
        let Some(list) = files.dyn_ref::<Array>() else {
            return Err(convert::wrong_type(
                "array",
                &convert::type_name(&files),
                &Path::root(),
            ));
        };
        let mut inputs = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let at = Path::root().index(i);
            if !item.is_object() || Array::is_array(&item) {
                return Err(convert::wrong_type(
                    "{name, bytes}",
                    &convert::type_name(&item),
                    &at,
                ));
            }
            let get = |key: &'static str| {
                Reflect::get(&item, &JsValue::from_str(key)).map_err(|_| {
                    Error::new(invoice_core::error::INP_INTERNAL)
                        .with("reason", "a property getter threw")
                        .at(at.clone().key(key))
                })
            };
            inputs.push((
                convert::string(&get("name")?, &at.clone().key("name"))?,
                bytes(&get("bytes")?, &at.clone().key("bytes"))?,
            ));
        }
        Ok(inputs)
    };
    with_options(read(), args, notes, true)
}
