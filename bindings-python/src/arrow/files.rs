//! The files of `arrow.read_files` (批量读取发票文件的输入): an Arrow binary column, or Python
//! bytes and paths (a binding may open a file; the core never does), with their names. Reading
//! them and the tables are the core's (`invoice_core::columnar::read_one`, `readings_tables`).

use invoice_core::columnar::binary_files;
use invoice_core::error::INP_TYPE;
use invoice_core::read::FILE_UNOPENED;
use invoice_core::{Error, Path};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use pyo3_arrow::input::AnyArray;

use crate::convert::{self, Conv};

/// One file: its name and its bytes.
pub struct File {
    /// The name carried into `invoice_id` (a path, a given name, or `#<index>`).
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

const FILES: &str = "an Arrow binary column, or a list of bytes and paths (str or os.PathLike)";

/// The files of the argument: an Arrow binary (or text) column, or a Python iterable whose items
/// are bytes (the content) or paths (read here: a binding may open a file, the core never does).
pub fn files_arg(obj: &Bound<'_, PyAny>, names: Option<&Bound<'_, PyAny>>) -> Conv<Vec<File>> {
    let mut out = Vec::new();
    if obj.hasattr("__arrow_c_array__")? || obj.hasattr("__arrow_c_stream__")? {
        let any: AnyArray = obj.extract().map_err(|_| convert::wrong_type(obj, FILES))?;
        let (chunks, _) = any.into_chunked_array().map_err(PyErr::from)?.into_inner();
        for bytes in binary_files(&chunks)? {
            out.push(File {
                name: format!("#{}", out.len()),
                bytes,
            });
        }
    } else {
        for (i, item) in convert::items(obj, FILES)?.iter().enumerate() {
            if let Ok(b) = item.cast::<PyBytes>() {
                out.push(File {
                    name: format!("#{i}"),
                    bytes: b.as_bytes().to_vec(),
                });
            } else if let Ok(b) = item.cast::<PyByteArray>() {
                out.push(File {
                    name: format!("#{i}"),
                    bytes: b.to_vec(),
                });
            } else {
                let path: std::path::PathBuf = item.extract().map_err(|_| {
                    convert::wrong_type(item, "bytes or a path (str or os.PathLike)")
                })?;
                let bytes = std::fs::read(&path).map_err(|e| {
                    Error::new(FILE_UNOPENED)
                        .with("path", path.display())
                        .with("reason", e)
                })?;
                out.push(File {
                    name: path.display().to_string(),
                    bytes,
                });
            }
        }
    }
    if let Some(names) = names.filter(|n| !n.is_none()) {
        let names = convert::items(names, "a list of names (str)")?;
        if names.len() != out.len() {
            return Err(Error::new(INP_TYPE)
                .with("expected", format!("{} names", out.len()))
                .with("found", names.len())
                .at(Path::field("names"))
                .into());
        }
        for (f, n) in out.iter_mut().zip(&names) {
            f.name = match n.cast::<PyString>() {
                Ok(s) => s.to_string(),
                Err(_) => convert::text(n, "a name (str)")?,
            };
        }
    }
    Ok(out)
}
