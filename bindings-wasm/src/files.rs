//! Reading invoice files (读取发票文件) in the files module (and the Node build): `read(bytes, options?)` for one file's
//! bytes (a `Uint8Array`, e.g. from a `File`'s `arrayBuffer()`), `readMany([{name, bytes}],
//! options?)` for many with the copies among them (see the shared surface's `read_file` /
//! `read_many`). The browser and full modules leave the reader out (their gzip budgets).

use invoice_core::{Error, Path};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::convert::{self, Dates};
use crate::error::{CoreResult, out_json};
use invoice_core_js as surface;

fn bytes(v: &JsValue, at: &Path) -> CoreResult<Vec<u8>> {
    v.dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| convert::wrong_type("Uint8Array", &convert::type_name(v), at))
}

fn options(v: &JsValue) -> CoreResult<serde_json::Value> {
    convert::json(v, Dates::Day, &Path::root())
}

/// One invoice file (数电 XML, OFD, MoF XBRL) or a QR text from its bytes; with options
/// (`{asOf}`) the reading carries its validation `report`. Throws `READ-01`…`READ-09` when the
/// bytes are no invoice file at all.
#[wasm_bindgen]
pub fn read(bytes_in: JsValue, options_in: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
        let data = bytes(&bytes_in, &Path::root())?;
        surface::read_file(&data, &options(&options_in)?)
    })())
}

/// Many files (`[{name, bytes}]`): `{files: [{name, reading, error}], copies, copy_of}`.
#[wasm_bindgen(js_name = readMany)]
pub fn read_many(files: JsValue, options_in: JsValue) -> Result<JsValue, JsValue> {
    out_json((|| {
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
        surface::read_many(&inputs, &options(&options_in)?)
    })())
}
