//! Reading many invoice files into tables (批量读取发票文件): each file's bytes go to
//! [`read`](crate::read::read); its invoice becomes a row of the invoice table (plus where it
//! came from) and its reading findings rows of a findings table. A file that is not an invoice is
//! a finding at its row, never a failed batch. The host hands over the bytes (the core opens
//! nothing).

use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use serde_json::Value;

use super::arrow_failed;
use super::schema::{self, HEADER};
use super::write::{self, Finding};
use crate::error::{Error, INP_TYPE, Path};
use crate::read::read;

/// The files of an Arrow binary (or text) column, in order; a null cell is an empty file.
///
/// # Errors
/// `INP-02` at `files` for a column of another type.
pub fn binary_files(chunks: &[ArrayRef]) -> Result<Vec<Vec<u8>>, Error> {
    let mut out = Vec::new();
    for c in chunks {
        let c = binary(c)?;
        let b = c.as_binary::<i32>();
        for i in 0..b.len() {
            out.push(if b.is_null(i) {
                Vec::new()
            } else {
                b.value(i).to_vec()
            });
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
pub fn read_one(bytes: &[u8], as_of: Option<NaiveDate>) -> Read {
    match read(bytes) {
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

/// The table of readings (one row per file, `invoice_id` its name; see [`readings_schema`]) and
/// the findings (row = the file's index).
///
/// # Errors
/// `INP-99` when Arrow refuses the batch (not expected).
pub fn tables(names: &[String], reads: &[Read]) -> Result<(RecordBatch, Vec<Finding>), Error> {
    let keys: Vec<Option<String>> = names.iter().map(|n| Some(n.clone())).collect();
    let rows: Vec<Option<&Value>> = reads.iter().map(|r| r.doc.as_ref()).collect();
    let base =
        write::batch(schema::invoice_schema(), HEADER, &keys, &rows).map_err(arrow_failed)?;
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
    let batch = RecordBatch::try_new(readings_schema(), cols).map_err(arrow_failed)?;
    let mut found = Vec::new();
    for (i, (name, r)) in names.iter().zip(reads).enumerate() {
        for e in &r.findings {
            found.push(Finding {
                key: Some(name.clone()),
                row: i as u64,
                error: e.clone(),
            });
        }
    }
    Ok((batch, found))
}
