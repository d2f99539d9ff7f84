//! Reading many invoice files into tables (批量读取发票文件): each file's bytes go to
//! `invoice_core::read::read`; its invoice becomes a row of the invoice table (plus where it came
//! from) and its reading findings rows of a findings table. The core decides everything; a
//! file that is not an invoice is a finding at its row, never a failed batch.

use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use invoice_core::error::INP_TYPE;
use invoice_core::read::{FILE_UNOPENED, read};
use invoice_core::{Error, Path};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use pyo3_arrow::input::AnyArray;
use serde_json::Value;

use super::schema::{self, HEADER};
use super::write::{self, Finding};
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
        for c in chunks {
            let c = binary(&c)?;
            let b = c.as_binary::<i32>();
            for i in 0..b.len() {
                let bytes = if b.is_null(i) {
                    Vec::new()
                } else {
                    b.value(i).to_vec()
                };
                out.push(File {
                    name: format!("#{}", out.len()),
                    bytes,
                });
            }
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

/// A binary or text column as `binary`.
fn binary(a: &ArrayRef) -> Result<ArrayRef, Error> {
    let refuse = || {
        Error::new(INP_TYPE)
            .with("expected", "a binary or text column")
            .with("found", a.data_type())
            .at(Path::field("files"))
    };
    match a.data_type() {
        DataType::Binary => Ok(a.clone()),
        DataType::LargeBinary | DataType::BinaryView | DataType::FixedSizeBinary(_) => {
            arrow_cast::cast(a, &DataType::Binary).map_err(|_| refuse())
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            arrow_cast::cast(a, &DataType::Utf8)
                .and_then(|t| arrow_cast::cast(&t, &DataType::Binary))
                .map_err(|_| refuse())
        }
        _ => Err(refuse()),
    }
}

/// The columns added after the invoice schema's: the format, the part inside the container and
/// the QR text found in the file.
pub fn readings_schema() -> SchemaRef {
    let mut f: Vec<Field> = schema::invoice_schema()
        .fields()
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    f.push(Field::new("format", DataType::Utf8, true));
    f.push(Field::new("source_part", DataType::Utf8, true));
    f.push(Field::new("qr_text", DataType::Utf8, true));
    Arc::new(Schema::new(f))
}

/// One file read: its table row (the invoice JSON, format, part, QR text) and its findings.
pub struct Read {
    doc: Option<Value>,
    format: Option<&'static str>,
    part: Option<String>,
    qr: Option<String>,
    findings: Vec<Error>,
}

/// Reads one file; with `as_of`, the invoice is also validated as the core validates a reading
/// (fields the format does not carry are not called missing).
pub fn read_one(f: &File, as_of: Option<NaiveDate>) -> Read {
    match read(&f.bytes) {
        Ok(r) => {
            // With a day, the core's validation of a reading: its reading findings first.
            let findings = match as_of {
                Some(day) => r.validate(&r.context(day)).findings,
                None => r.findings.clone(),
            };
            Read {
                doc: r.invoice.as_ref().map(|i| i.to_value()),
                format: Some(r.source.format.name()),
                part: r.source.part.clone(),
                qr: r.qr.as_ref().and_then(|q| q.text.clone()),
                findings,
            }
        }
        Err(e) => Read {
            doc: None,
            format: None,
            part: None,
            qr: None,
            findings: vec![e],
        },
    }
}

/// The table of readings (one row per file) and the findings (row = the file's index).
pub fn tables(files: &[File], reads: &[Read]) -> Result<(RecordBatch, Vec<Finding>), ArrowError> {
    let keys: Vec<Option<String>> = files.iter().map(|f| Some(f.name.clone())).collect();
    let rows: Vec<Option<&Value>> = reads.iter().map(|r| r.doc.as_ref()).collect();
    let base = write::batch(schema::invoice_schema(), HEADER, &keys, &rows)?;
    let mut cols = base.columns().to_vec();
    let text = |f: &dyn Fn(&Read) -> Option<&str>| -> ArrayRef {
        let mut b = StringBuilder::new();
        for r in reads {
            b.append_option(f(r));
        }
        Arc::new(b.finish())
    };
    cols.push(text(&|r| r.format));
    cols.push(text(&|r| r.part.as_deref()));
    cols.push(text(&|r| r.qr.as_deref()));
    let batch = RecordBatch::try_new(readings_schema(), cols)?;
    let mut found = Vec::new();
    for (i, (f, r)) in files.iter().zip(reads).enumerate() {
        for e in &r.findings {
            found.push(Finding {
                key: Some(f.name.clone()),
                row: i as u64,
                error: e.clone(),
            });
        }
    }
    Ok((batch, found))
}
