//! `invoice_core.arrow`: the columnar API (列式接口). Arrow data in and out through the Arrow
//! PyCapsule interface (`__arrow_c_array__`, `__arrow_c_stream__`), so pyarrow, Polars and DuckDB
//! objects are read without a copy through Python objects and without importing any of them.
//!
//! Thin by rule, like the rest of the binding: each function casts Arrow columns to the core's
//! inputs ([`read`]), loops over the rows calling the core, and writes the core's results back
//! as Arrow ([`write`]). No rule lives here: what a cell means and whether it is right is the
//! core's answer. The loops run with the GIL released, spread over the cores ([`par`]).
//!
//! Returned arrays, tables and schemas are the `pyo3-arrow` classes (`Array`, `ChunkedArray`,
//! `Table`, `Schema`), which export the same PyCapsule interface: `pyarrow.table(t)`,
//! `polars.DataFrame(t)` or DuckDB take them as they are.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, StringBuilder};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{ArrowError, DataType, Field, Fields};
use invoice_core::error::Segment;
use invoice_core::error::{INP_INTERNAL, INP_MISSING, INP_TYPE};
use invoice_core::ids::{org_code, resident_id, taxpayer_id, uscc};
use invoice_core::model::Invoice as CoreInvoice;
use invoice_core::money::Amount;
use invoice_core::number::{InvoiceCode, InvoiceNumber};
use invoice_core::tax::{self, Basis, Options as TaxOptions};
use invoice_core::verify::{duplicates, qr};
use invoice_core::words::{self, Style};
use invoice_core::{Error, Path, stats as core_stats};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use pyo3_arrow::input::{AnyArray, AnyRecordBatch};
use pyo3_arrow::{PyArray, PyChunkedArray, PySchema, PyTable};
use serde_json::Value;

use crate::convert::{self, Conv};
use crate::error::{Fail, OrRaise, guard};
use crate::invoice::context_arg;

mod files;
mod par;
mod read;
mod schema;
mod write;

use read::{Prepared, Reader};
use schema::{Col, Kind};
use write::Finding;

/// The submodule's docstring.
pub const DOC: &str = "The columnar API (列式接口): identifiers, 大写, codes, numbers and QR texts \
over Arrow columns, and compute / validate / stats / duplicates over Arrow tables of invoices, \
taking and returning anything that speaks the Arrow PyCapsule interface (pyarrow, Polars, \
DuckDB). The GIL is released while the core works, and rows are spread over the cores.";

/// Rows per piece of a table operation (small enough to balance two cores on small tables).
const TABLE_PIECE: usize = 2048;
/// Rows per piece of a column operation.
const COLUMN_PIECE: usize = 65_536;

fn arrow_failed(e: ArrowError) -> Fail {
    Fail::Core(Error::new(INP_INTERNAL).with("reason", e))
}

// ---------------------------------------------------------------- arguments

/// An Arrow column argument: its chunks cast to plain types, its name, and whether it came as a
/// stream (then the result is a chunked array).
struct Column {
    chunks: Vec<ArrayRef>,
    name: String,
    stream: bool,
}

const ARRAY: &str = "an Arrow array (an object with __arrow_c_array__ or __arrow_c_stream__)";
const TABLE: &str = "an Arrow table (an object with __arrow_c_stream__ or __arrow_c_array__)";

fn column_arg(obj: &Bound<'_, PyAny>, money: bool) -> Conv<Column> {
    let any: AnyArray = obj.extract().map_err(|_| convert::wrong_type(obj, ARRAY))?;
    let stream = matches!(any, AnyArray::Stream(_));
    let chunked = any.into_chunked_array().map_err(PyErr::from)?;
    let (chunks, field) = chunked.into_inner();
    let name = field.name().clone();
    let at = Path::field(if name.is_empty() {
        "values".to_owned()
    } else {
        name.clone()
    });
    let chunks = chunks
        .iter()
        .map(|c| {
            let c = read::normalise(c, &at)?;
            if money {
                read::float_money(&c, &at)?;
            }
            match c.data_type() {
                DataType::Utf8
                | DataType::Int64
                | DataType::Decimal128(_, _)
                | DataType::Date32
                | DataType::Null => Ok(c),
                other => Err(Error::new(INP_TYPE)
                    .with("expected", "a text, integer or decimal column")
                    .with("found", other)
                    .at(at.clone())),
            }
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Column {
        chunks,
        name,
        stream,
    })
}

fn threads_arg(obj: Option<&Bound<'_, PyAny>>) -> Conv<Option<usize>> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => o
            .extract::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .map(Some)
            .ok_or_else(|| convert::wrong_type(o, "None or a positive int")),
    }
}

/// An Arrow table argument as record batches.
fn batches_arg(obj: &Bound<'_, PyAny>) -> Conv<Vec<RecordBatch>> {
    let any: AnyRecordBatch = obj.extract().map_err(|_| convert::wrong_type(obj, TABLE))?;
    let table: PyTable = any.into_table().map_err(PyErr::from)?;
    Ok(table.into_inner().0)
}

/// The invoices of a table operation: the header batches, prepared, and the lines of a separate
/// lines table by key.
struct Invoices {
    preps: Vec<Prepared>,
    lines: Option<HashMap<String, Vec<Value>>>,
}

fn invoices_arg(obj: &Bound<'_, PyAny>, lines: Option<&Bound<'_, PyAny>>) -> Conv<Invoices> {
    let preps = batches_arg(obj)?
        .iter()
        .map(|b| Prepared::new(b, schema::HEADER))
        .collect::<Result<Vec<_>, Error>>()?;
    let lines = match lines.filter(|o| !o.is_none()) {
        None => None,
        Some(l) => {
            if preps.iter().any(|p| !p.has_key()) {
                return Err(Error::new(INP_MISSING).at(Path::field(schema::KEY)).into());
            }
            let mut by_key: HashMap<String, Vec<Value>> = HashMap::new();
            for b in batches_arg(l)? {
                let p = Prepared::new(&b, schema::LINE)?;
                if !p.has_key() {
                    return Err(Error::new(INP_MISSING)
                        .at(Path::field("lines").key(schema::KEY))
                        .into());
                }
                let plan = p.plan();
                for i in 0..p.rows() {
                    if let Some(k) = plan.key(i) {
                        by_key.entry(k).or_default().push(plan.row(i, None));
                    }
                }
            }
            Some(by_key)
        }
    };
    Ok(Invoices { preps, lines })
}

/// A row's place: its key and status, read only when wanted.
#[derive(Clone, Copy)]
struct At<'p> {
    plan: &'p read::Plan<'p>,
    i: usize,
}

impl At<'_> {
    fn key(self) -> Option<String> {
        self.plan.key(self.i)
    }

    fn status(self) -> Option<String> {
        self.plan.status(self.i)
    }
}

impl Invoices {
    fn pieces(&self) -> Vec<par::Piece> {
        let lens: Vec<usize> = self.preps.iter().map(Prepared::rows).collect();
        par::pieces(&lens, TABLE_PIECE)
    }

    /// Calls `f(row, at, node)` for each row of a piece: `node` is the row as the core's model
    /// reader takes it (no JSON document is built); `at` gives the row's key and status.
    fn each_row(&self, p: &par::Piece, mut f: impl FnMut(u64, At<'_>, read::Node<'_, '_>)) {
        let Some(prep) = self.preps.get(p.chunk) else {
            return;
        };
        let plan = prep.plan();
        for (n, i) in (p.start..p.start + p.len).enumerate() {
            let at = At { plan: &plan, i };
            let lines = self.lines.as_ref().map(|m| {
                at.key()
                    .and_then(|k| m.get(&k))
                    .map_or(&[][..], Vec::as_slice)
            });
            let view = plan.view(i, lines);
            f(p.offset + n as u64, at, view.node());
        }
    }

    /// Calls `f(row, key, status, document)` for each row of a piece.
    fn each(&self, p: &par::Piece, mut f: impl FnMut(u64, Option<String>, Option<String>, Value)) {
        let Some(prep) = self.preps.get(p.chunk) else {
            return;
        };
        let plan = prep.plan();
        for (n, i) in (p.start..p.start + p.len).enumerate() {
            let key = plan.key(i);
            let lines = self.lines.as_ref().map(|m| {
                key.as_ref()
                    .and_then(|k| m.get(k))
                    .cloned()
                    .unwrap_or_default()
            });
            let doc = plan.row(i, lines);
            f(p.offset + n as u64, key, plan.status(i), doc);
        }
    }
}

// ---------------------------------------------------------------- results

fn table_out(
    py: Python<'_>,
    batches: Vec<RecordBatch>,
    schema: arrow_schema::SchemaRef,
) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyTable::try_new(batches, schema)?)?.into_any())
}

fn findings_out<'py>(py: Python<'py>, items: &[Finding]) -> PyResult<Bound<'py, PyAny>> {
    let b = write::findings(items).map_err(arrow_failed).or_raise(py)?;
    table_out(py, vec![b], schema::findings_schema())
}

/// Runs `f` over pieces of the column with the GIL released and returns an array (or a chunked
/// array for a stream) of `out` type.
fn column_map<'py>(
    py: Python<'py>,
    col: Column,
    threads: Option<usize>,
    out: DataType,
    f: impl Fn(&Reader<'_>, Range<usize>) -> Result<ArrayRef, ArrowError> + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    let lens: Vec<usize> = col.chunks.iter().map(|c| c.len()).collect();
    let pieces = par::pieces(&lens, COLUMN_PIECE);
    let n = par::threads(threads, pieces.len());
    let parts = py.detach(|| {
        par::map(&pieces, n, |p| match col.chunks.get(p.chunk) {
            Some(c) => f(&Reader::new(c, None), p.start..p.start + p.len).map(|a| (p.chunk, a)),
            None => Err(ArrowError::ComputeError("no such chunk".into())),
        })
    });
    let mut chunks: Vec<Vec<ArrayRef>> = vec![Vec::new(); col.chunks.len()];
    for part in parts {
        let (k, a) = part.map_err(arrow_failed).or_raise(py)?;
        if let Some(slot) = chunks.get_mut(k) {
            slot.push(a);
        }
    }
    let mut arrays = Vec::with_capacity(chunks.len());
    for parts in chunks {
        let refs: Vec<&dyn Array> = parts.iter().map(|a| a.as_ref()).collect();
        arrays.push(match refs.as_slice() {
            [] => arrow_array::new_empty_array(&out),
            [one] => arrow_array::make_array(one.to_data()),
            many => arrow_select::concat::concat(many)
                .map_err(arrow_failed)
                .or_raise(py)?,
        });
    }
    let out_type = arrays.first().map_or(out, |a| a.data_type().clone());
    let field = Arc::new(Field::new(col.name, out_type, true));
    if !col.stream
        && arrays.len() == 1
        && let Some(a) = arrays.pop()
    {
        let a = PyArray::try_new(a, field)
            .map_err(arrow_failed)
            .or_raise(py)?;
        return Ok(Bound::new(py, a)?.into_any());
    }
    Ok(Bound::new(py, PyChunkedArray::try_new(arrays, field)?)?.into_any())
}

/// The results of a fallible per-cell core call as a column of `kind`, or with `errors` as a
/// struct {value, error} (error: the code, null when the cell was fine or null).
fn fallible(
    r: &Reader<'_>,
    rows: Range<usize>,
    kind: Kind,
    errors: bool,
    f: impl Fn(&str) -> Result<Value, Error>,
) -> Result<ArrayRef, ArrowError> {
    let results: Vec<Option<Result<Value, Error>>> =
        rows.map(|i| r.text(i).map(|s| f(&s))).collect();
    let values: Vec<Option<&Value>> = results
        .iter()
        .map(|x| x.as_ref().and_then(|x| x.as_ref().ok()))
        .collect();
    let value = write::column(kind, &values)?;
    if !errors {
        return Ok(value);
    }
    let fields = Fields::from(vec![
        Field::new("value", value.data_type().clone(), true),
        Field::new("error", DataType::Utf8, true),
    ]);
    let valid: Vec<bool> = results.iter().map(Option::is_some).collect();
    Ok(Arc::new(StructArray::try_new(
        fields,
        vec![value, error_column(&results)],
        Some(valid.into()),
    )?))
}

fn error_column(results: &[Option<Result<Value, Error>>]) -> ArrayRef {
    let mut b = StringBuilder::with_capacity(results.len(), 0);
    for x in results {
        b.append_option(x.as_ref().and_then(|x| x.as_ref().err()).map(Error::code));
    }
    Arc::new(b.finish())
}

/// A decoding call as a struct of `cols` plus `error` (the code when the cell could not be
/// decoded); a null cell is a null struct.
fn decoded(
    r: &Reader<'_>,
    rows: Range<usize>,
    cols: &[Col],
    f: impl Fn(&str) -> Result<Value, Error>,
) -> Result<ArrayRef, ArrowError> {
    let results: Vec<Option<Result<Value, Error>>> =
        rows.map(|i| r.text(i).map(|s| f(&s))).collect();
    let values: Vec<Option<&Value>> = results
        .iter()
        .map(|x| x.as_ref().and_then(|x| x.as_ref().ok()))
        .collect();
    let parts = write::struct_array(cols, &values, None)?;
    let (mut fields, mut arrays, _) = parts.into_parts();
    let mut f: Vec<_> = fields.iter().cloned().collect();
    f.push(Arc::new(Field::new("error", DataType::Utf8, true)));
    fields = f.into();
    arrays.push(error_column(&results));
    let valid: Vec<bool> = results.iter().map(Option::is_some).collect();
    Ok(Arc::new(StructArray::try_new(
        fields,
        arrays,
        Some(valid.into()),
    )?))
}

fn decoded_type(cols: &[Col]) -> DataType {
    let mut f: Vec<Field> = schema::fields(cols)
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    f.push(Field::new("error", DataType::Utf8, true));
    DataType::Struct(f.into())
}

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

// ---------------------------------------------------------------- column operations

/// The identifier functions of one kind.
struct IdKind {
    is_valid: fn(&str) -> bool,
    compact: fn(&str) -> String,
    validate: fn(&str) -> Result<String, Error>,
}

fn id_kind(obj: Option<&Bound<'_, PyAny>>) -> Conv<IdKind> {
    const NAMES: &[&str] = &["uscc", "org_code", "ric", "taxpayer_id"];
    let name = match obj.filter(|o| !o.is_none()) {
        None => "uscc".to_owned(),
        Some(o) => convert::text(o, "an identifier kind (str)")?,
    };
    Ok(match name.as_str() {
        "uscc" => IdKind {
            is_valid: uscc::is_valid,
            compact: uscc::compact,
            validate: uscc::validate,
        },
        "org_code" => IdKind {
            is_valid: org_code::is_valid,
            compact: org_code::compact,
            validate: org_code::validate,
        },
        "ric" => IdKind {
            is_valid: resident_id::is_valid,
            compact: resident_id::compact,
            validate: resident_id::validate,
        },
        "taxpayer_id" => IdKind {
            is_valid: taxpayer_id::is_valid,
            compact: taxpayer_id::compact,
            validate: taxpayer_id::validate,
        },
        other => return Err(Error::unknown_name(other, NAMES).into()),
    })
}

/// A bool column: True where the cell holds a valid identifier of `kind` ('uscc' (default),
/// 'org_code', 'ric', 'taxpayer_id'), False where not, null where null. values is any Arrow array
/// or stream of text (or integers); the result is an Array (a ChunkedArray for a stream).
///
/// Raises InvoiceError: INP-02 not Arrow text data, INP-05 an unknown kind.
#[pyfunction]
#[pyo3(signature = (values, kind=None, *, threads=None), text_signature = "(values, kind='uscc', *, threads=None)")]
fn id_valid<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    kind: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, k, t) = (|| -> Conv<_> {
            Ok((
                column_arg(values, false)?,
                id_kind(kind)?,
                threads_arg(threads)?,
            ))
        })()
        .or_raise(py)?;
        column_map(py, col, t, DataType::Boolean, |r, rows| {
            let mut b = BooleanBuilder::with_capacity(rows.len());
            for i in rows {
                b.append_option(r.text(i).map(|s| (k.is_valid)(&s)));
            }
            Ok(Arc::new(b.finish()))
        })
    })
}

/// A text column of the compact forms (trimmed, no spaces or hyphens, half-width, upper-case);
/// never fails on text. kind as id_valid.
///
/// Raises InvoiceError: INP-02 not Arrow text data, INP-05 an unknown kind.
#[pyfunction]
#[pyo3(signature = (values, kind=None, *, threads=None), text_signature = "(values, kind='uscc', *, threads=None)")]
fn id_compact<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    kind: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, k, t) = (|| -> Conv<_> {
            Ok((
                column_arg(values, false)?,
                id_kind(kind)?,
                threads_arg(threads)?,
            ))
        })()
        .or_raise(py)?;
        column_map(py, col, t, DataType::Utf8, |r, rows| {
            let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 18);
            for i in rows {
                b.append_option(r.text(i).map(|s| (k.compact)(&s)));
            }
            Ok(Arc::new(b.finish()))
        })
    })
}

/// The compact form of each valid identifier, null where invalid or null; with errors=True a
/// struct {value, error} whose error is the code (ID-...) of an invalid cell. kind as id_valid.
///
/// Raises InvoiceError: INP-02 not Arrow text data, INP-05 an unknown kind.
#[pyfunction]
#[pyo3(signature = (values, kind=None, *, errors=false, threads=None), text_signature = "(values, kind='uscc', *, errors=False, threads=None)")]
fn id_validate<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    kind: Option<&Bound<'py, PyAny>>,
    errors: bool,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, k, t) = (|| -> Conv<_> {
            Ok((
                column_arg(values, false)?,
                id_kind(kind)?,
                threads_arg(threads)?,
            ))
        })()
        .or_raise(py)?;
        let out = if errors {
            DataType::Null
        } else {
            DataType::Utf8
        };
        column_map(py, col, t, out, |r, rows| {
            fallible(r, rows, Kind::Text, errors, |s| {
                (k.validate)(s).map(Value::String)
            })
        })
    })
}

/// 大写金额 of each amount (decimal128, decimal text or integers; a float column is refused with
/// INP-01): style 'invoice' (default, 圆), 'accounting' or 'pboc'. A cell that is not money
/// (MNY-...) is null; with errors=True a struct {value, error}.
///
/// Raises InvoiceError: INP-01 a float column, INP-02 not Arrow data, INP-05 an unknown style.
#[pyfunction]
#[pyo3(signature = (values, style=None, *, errors=false, threads=None), text_signature = "(values, style='invoice', *, errors=False, threads=None)")]
fn amount_in_words<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    style: Option<&Bound<'py, PyAny>>,
    errors: bool,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, options, t) = (|| -> Conv<_> {
            let style: Style =
                convert::opt_named(style, "a style name (str): invoice, accounting or pboc")?
                    .unwrap_or_default();
            Ok((
                column_arg(values, true)?,
                style.options(),
                threads_arg(threads)?,
            ))
        })()
        .or_raise(py)?;
        let out = if errors {
            DataType::Null
        } else {
            DataType::Utf8
        };
        column_map(py, col, t, out, |r, rows| {
            fallible(r, rows, Kind::Text, errors, |s| {
                Amount::parse(s).map(|a| Value::String(words::to_words_with(a, &options)))
            })
        })
    })
}

/// The amount (decimal128(38, 2)) of each 大写 text, every printed variant accepted; null where
/// the words cannot be read (WRD-...); with errors=True a struct {value, error}.
///
/// Raises InvoiceError: INP-02 not Arrow text data.
#[pyfunction]
#[pyo3(signature = (values, *, errors=false, threads=None))]
fn words_to_amount<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    errors: bool,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, t) =
            (|| -> Conv<_> { Ok((column_arg(values, false)?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        let out = if errors {
            DataType::Null
        } else {
            schema::data_type(Kind::Money)
        };
        column_map(py, col, t, out, |r, rows| {
            fallible(r, rows, Kind::Money, errors, |s| {
                words::parse_words(s).map(|a| Value::String(a.to_string()))
            })
        })
    })
}

/// Each 发票代码 decoded into a struct {code, format, kind, region_code, region_zh, region_en,
/// year, batch, copies, kind_digit, amount_version, suffix, variant, error}: the parts a code
/// has, error the NUM- code of a code that cannot be decoded; a null cell is a null struct.
///
/// Raises InvoiceError: INP-02 not Arrow text data.
#[pyfunction]
#[pyo3(signature = (values, *, threads=None))]
fn parse_invoice_code<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, t) =
            (|| -> Conv<_> { Ok((column_arg(values, false)?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        column_map(py, col, t, decoded_type(schema::CODE_PARTS), |r, rows| {
            decoded(r, rows, schema::CODE_PARTS, |s| {
                InvoiceCode::parse(s).map(json)
            })
        })
    })
}

/// Each 发票号码 decoded into a struct {number, format, year, region_code, region_zh, region_en,
/// channel, sequence, error} (8-digit legacy or 20-digit 数电 numbers).
///
/// Raises InvoiceError: INP-02 not Arrow text data.
#[pyfunction]
#[pyo3(signature = (values, *, threads=None))]
fn parse_invoice_number<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, t) =
            (|| -> Conv<_> { Ok((column_arg(values, false)?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        column_map(py, col, t, decoded_type(schema::NUMBER_PARTS), |r, rows| {
            decoded(r, rows, schema::NUMBER_PARTS, |s| {
                InvoiceNumber::parse(s).map(json)
            })
        })
    })
}

/// Each scanned QR text parsed into a struct {type, version, kind_code, qr_kind, kind, code,
/// number, amount (decimal128(38, 2)), amount_meaning, issue_date (date32), check_code, hash,
/// error}; error is the VER- code of a text that is not a payload.
///
/// Raises InvoiceError: INP-02 not Arrow text data.
#[pyfunction]
#[pyo3(signature = (values, *, threads=None))]
fn parse_qr<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, t) =
            (|| -> Conv<_> { Ok((column_arg(values, false)?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        column_map(py, col, t, decoded_type(schema::QR_PARTS), |r, rows| {
            decoded(r, rows, schema::QR_PARTS, |s| qr::parse(s).map(json))
        })
    })
}

/// The duplicate key ('legacy:<code>:<number>' or 'digital:<number>') of each QR text or bare
/// invoice number (as dedupe_key takes a str); null where it cannot be read; with errors=True a
/// struct {value, error}. Equal keys are the same invoice (重复报销).
///
/// Raises InvoiceError: INP-02 not Arrow text data.
#[pyfunction]
#[pyo3(signature = (values, *, errors=false, threads=None))]
fn dedupe_key<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    errors: bool,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, t) =
            (|| -> Conv<_> { Ok((column_arg(values, false)?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        let out = if errors {
            DataType::Null
        } else {
            DataType::Utf8
        };
        column_map(py, col, t, out, |r, rows| {
            fallible(r, rows, Kind::Text, errors, |s| {
                let keys = duplicates::Item::from_value(&Value::String(s.to_owned()))?.keys()?;
                Ok(keys
                    .first()
                    .map_or(Value::Null, |k| Value::String(k.to_string())))
            })
        })
    })
}

// ---------------------------------------------------------------- table operations

/// Validates every invoice of a table (the published invoice schema: see invoice_schema()) and
/// returns the findings table (invoice_id, row, code, severity, path, message, message_zh): one
/// row per finding of every rule, a cell the core cannot read included (at its row and path).
/// lines is an optional separate lines table joined by invoice_id (then the header table needs
/// invoice_id too). as_of, seller_category, issuing_limit and policy as validate().
///
/// Raises InvoiceError only for the table as a whole: INP-01 a float money column (named), INP-02
/// a column of an unusable type or not Arrow data, INP-04 a lines table without invoice_id, and
/// a bad context as validate().
#[pyfunction]
#[pyo3(signature = (invoices, as_of, *, lines=None, seller_category=None, issuing_limit=None, policy=None, threads=None))]
#[allow(clippy::too_many_arguments)] // validate()'s context arguments plus the table's own
fn validate<'py>(
    py: Python<'py>,
    invoices: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    lines: Option<&Bound<'py, PyAny>>,
    seller_category: Option<&Bound<'py, PyAny>>,
    issuing_limit: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (ctx, inv, t) = (|| -> Conv<_> {
            let ctx = context_arg(as_of, seller_category, issuing_limit, policy, None)?;
            Ok((ctx, invoices_arg(invoices, lines)?, threads_arg(threads)?))
        })()
        .or_raise(py)?;
        let pieces = inv.pieces();
        let n = par::threads(t, pieces.len());
        let found: Vec<Vec<Finding>> = py.detach(|| {
            par::map(&pieces, n, |p| {
                let mut out = Vec::new();
                inv.each_row(p, |row, at, node| {
                    let report = match CoreInvoice::from_source_all(node) {
                        Ok(invoice) => invoice_core::validate::validate(&invoice, &ctx),
                        Err(errors) => invoice_core::validate::Report::from_errors(errors),
                    };
                    if report.findings.is_empty() {
                        return;
                    }
                    let key = at.key();
                    for error in report.findings {
                        out.push(Finding {
                            key: key.clone(),
                            row,
                            error,
                        });
                    }
                });
                out
            })
        });
        let found: Vec<Finding> = found.into_iter().flatten().collect();
        findings_out(py, &found)
    })
}

/// Computes every invoice of a table (line taxes, totals, 大写; 价税分离 with
/// prices_include_tax=True; 0.01 redistribution with redistribute=True) and returns (invoices,
/// findings): the computed invoices in the published schema, one row per input row (all null
/// but invoice_id where the core refused the row), and a findings table of the refusals.
///
/// Raises InvoiceError only for the table as a whole (as arrow.validate).
#[pyfunction]
#[pyo3(signature = (invoices, *, lines=None, prices_include_tax=false, redistribute=false, threads=None))]
fn compute<'py>(
    py: Python<'py>,
    invoices: &Bound<'py, PyAny>,
    lines: Option<&Bound<'py, PyAny>>,
    prices_include_tax: bool,
    redistribute: bool,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    guard(py, || {
        let (inv, t) =
            (|| -> Conv<_> { Ok((invoices_arg(invoices, lines)?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        let options = TaxOptions {
            basis: if prices_include_tax {
                Basis::Inclusive
            } else {
                Basis::Exclusive
            },
            redistribute,
            ..TaxOptions::default()
        };
        let pieces = inv.pieces();
        let n = par::threads(t, pieces.len());
        let schema_ref = schema::invoice_schema();
        let parts = py.detach(|| {
            par::map(&pieces, n, |p| {
                let mut keys = Vec::with_capacity(p.len);
                let mut docs: Vec<Option<Value>> = Vec::with_capacity(p.len);
                let mut found = Vec::new();
                inv.each_row(p, |row, at, node| {
                    let key = at.key();
                    let done =
                        CoreInvoice::from_source(node).and_then(|i| tax::compute(&i, &options));
                    match done {
                        Ok(c) => docs.push(Some(c.invoice.to_value())),
                        Err(error) => {
                            docs.push(None);
                            found.push(Finding {
                                key: key.clone(),
                                row,
                                error,
                            });
                        }
                    }
                    keys.push(key);
                });
                let rows: Vec<Option<&Value>> = docs.iter().map(Option::as_ref).collect();
                write::batch(schema_ref.clone(), schema::HEADER, &keys, &rows).map(|b| (b, found))
            })
        });
        let mut batches = Vec::with_capacity(parts.len());
        let mut found = Vec::new();
        for part in parts {
            let (b, f) = part.map_err(arrow_failed).or_raise(py)?;
            batches.push(b);
            found.extend(f);
        }
        let table = table_out(py, batches, schema_ref)?;
        PyTuple::new(py, [table, findings_out(py, &found)?])
    })
}

/// A finding of the statistics at entry `k` moved to its table row (the path was the entry
/// index).
fn at_row(e: &Error, rows: &[(u64, Option<String>)]) -> Finding {
    let (row, key) = match e.path().segments().first() {
        Some(Segment::Index(k)) => rows.get(*k).cloned().unwrap_or((0, None)),
        _ => (0, None),
    };
    let mut moved = Error::new(e.rule());
    for (name, value) in e.params() {
        moved = moved.with(name, value);
    }
    Finding {
        key,
        row,
        error: moved,
    }
}

/// Statistics of a table of invoices (by month, kind, rate, status, counterparty, direction) as
/// (groups, findings): groups has dimension ('total', 'by_month', 'by_kind', 'by_rate',
/// 'by_status', 'by_counterparty', 'by_direction'), key, name, count, amount, tax, total; a
/// status column, when present, gives each invoice's status label. findings lists the rows the
/// core could not read (left out) and STA- warnings. own_tax_id sorts income from expense.
///
/// Raises InvoiceError: as arrow.validate; MNY-03/MNY-05 a sum out of range.
#[pyfunction]
#[pyo3(signature = (invoices, *, lines=None, own_tax_id=None, threads=None))]
fn stats<'py>(
    py: Python<'py>,
    invoices: &Bound<'py, PyAny>,
    lines: Option<&Bound<'py, PyAny>>,
    own_tax_id: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    guard(py, || {
        let (inv, own, t) = (|| -> Conv<_> {
            let own = match own_tax_id.filter(|o| !o.is_none()) {
                None => None,
                Some(o) => Some(convert::text(o, "None or a taxpayer id (str)")?),
            };
            Ok((invoices_arg(invoices, lines)?, own, threads_arg(threads)?))
        })()
        .or_raise(py)?;
        let pieces = inv.pieces();
        let n = par::threads(t, pieces.len());
        type Read = (
            Vec<(CoreInvoice, Option<String>, u64, Option<String>)>,
            Vec<Finding>,
        );
        let parts: Vec<Read> = py.detach(|| {
            par::map(&pieces, n, |p| {
                let (mut ok, mut bad) = (Vec::new(), Vec::new());
                inv.each_row(p, |row, at, node| match CoreInvoice::from_source(node) {
                    Ok(i) => ok.push((i, at.status(), row, at.key())),
                    Err(error) => bad.push(Finding {
                        key: at.key(),
                        row,
                        error,
                    }),
                });
                (ok, bad)
            })
        });
        let (mut read, mut found) = (Vec::new(), Vec::new());
        for (ok, bad) in parts {
            read.extend(ok);
            found.extend(bad);
        }
        let opts = core_stats::Options { own_tax_id: own };
        let s = py
            .detach(|| {
                let entries: Vec<core_stats::Entry<'_>> = read
                    .iter()
                    .map(|(invoice, status, _, _)| core_stats::Entry {
                        invoice,
                        status: status.as_deref(),
                    })
                    .collect();
                core_stats::compute(&entries, &opts)
            })
            .or_raise(py)?;
        let rows: Vec<(u64, Option<String>)> = read
            .iter()
            .map(|(_, _, row, key)| (*row, key.clone()))
            .collect();
        found.extend(s.warnings.iter().map(|w| at_row(w, &rows)));
        found.sort_by_key(|f| f.row);
        let v = json(&s);
        let mut groups: Vec<Value> = Vec::new();
        if let Some(mut total) = v.get("total").cloned() {
            if let Value::Object(m) = &mut total {
                m.insert("dimension".into(), Value::from("total"));
            }
            groups.push(total);
        }
        for dim in [
            "by_month",
            "by_kind",
            "by_rate",
            "by_status",
            "by_counterparty",
            "by_direction",
        ] {
            for g in v.get(dim).and_then(Value::as_array).into_iter().flatten() {
                let mut g = g.clone();
                if let Value::Object(m) = &mut g {
                    m.insert("dimension".into(), Value::from(dim));
                }
                groups.push(g);
            }
        }
        let refs: Vec<Option<&Value>> = groups.iter().map(Some).collect();
        let cols = write::columns(schema::STATS_GROUP, &refs)
            .map_err(arrow_failed)
            .or_raise(py)?;
        let gschema = Arc::new(arrow_schema::Schema::new(schema::fields(
            schema::STATS_GROUP,
        )));
        let b = RecordBatch::try_new(gschema.clone(), cols)
            .map_err(arrow_failed)
            .or_raise(py)?;
        let table = table_out(py, vec![b], gschema)?;
        PyTuple::new(py, [table, findings_out(py, &found)?])
    })
}

/// The invoices of a table that are the same invoice (重复报销: the same code and number, or the
/// same 数电 number) as (groups, findings): groups has group (0, 1, ...), row and invoice_id, one
/// row per member of each group of two or more; findings lists the rows whose keys could not be
/// read.
///
/// Raises InvoiceError: as arrow.validate.
#[pyfunction]
#[pyo3(name = "duplicates", signature = (invoices, *, lines=None, threads=None))]
fn duplicates_of<'py>(
    py: Python<'py>,
    invoices: &Bound<'py, PyAny>,
    lines: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    guard(py, || {
        let (inv, t) =
            (|| -> Conv<_> { Ok((invoices_arg(invoices, lines)?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        let pieces = inv.pieces();
        let n = par::threads(t, pieces.len());
        type Read = Vec<(Result<duplicates::Item, Error>, u64, Option<String>)>;
        let parts: Vec<Read> = py.detach(|| {
            par::map(&pieces, n, |p| {
                let mut out = Vec::with_capacity(p.len);
                inv.each_row(p, |row, at, node| {
                    let item = CoreInvoice::from_source(node)
                        .map(|i| duplicates::Item::Invoice(Box::new(i)));
                    out.push((item, row, at.key()));
                });
                out
            })
        });
        let all: Read = parts.into_iter().flatten().collect();
        let rows: Vec<(u64, Option<String>)> =
            all.iter().map(|(_, r, k)| (*r, k.clone())).collect();
        let items: Vec<Result<duplicates::Item, Error>> =
            all.into_iter().map(|(i, _, _)| i).collect();
        let report = py.detach(|| duplicates::find_duplicates_read(items));
        let mut group_col = arrow_array::builder::Int64Builder::new();
        let mut row_col = arrow_array::builder::Int64Builder::new();
        let mut key_col = StringBuilder::new();
        for (g, members) in report.groups.iter().enumerate() {
            for m in members {
                let (row, key) = rows.get(*m).cloned().unwrap_or((0, None));
                group_col.append_value(i64::try_from(g).unwrap_or(i64::MAX));
                row_col.append_value(i64::try_from(row).unwrap_or(i64::MAX));
                key_col.append_option(key);
            }
        }
        let gschema = Arc::new(arrow_schema::Schema::new(vec![
            Field::new("group", DataType::Int64, false),
            Field::new("row", DataType::Int64, false),
            Field::new(schema::KEY, DataType::Utf8, true),
        ]));
        let b = RecordBatch::try_new(
            gschema.clone(),
            vec![
                Arc::new(group_col.finish()),
                Arc::new(row_col.finish()),
                Arc::new(key_col.finish()),
            ],
        )
        .map_err(arrow_failed)
        .or_raise(py)?;
        let found: Vec<Finding> = report
            .errors
            .iter()
            .map(|e| {
                let (row, key) = rows.get(e.index).cloned().unwrap_or((0, None));
                Finding {
                    key,
                    row,
                    error: e.error.clone(),
                }
            })
            .collect();
        let table = table_out(py, vec![b], gschema)?;
        PyTuple::new(py, [table, findings_out(py, &found)?])
    })
}

/// The rows of a table as invoice dicts in the core's JSON shape (what Invoice.from_dict and
/// validate_many read), lines joined from a lines table when given.
///
/// Raises InvoiceError: as arrow.validate.
#[pyfunction]
#[pyo3(signature = (invoices, *, lines=None))]
fn to_dicts<'py>(
    py: Python<'py>,
    invoices: &Bound<'py, PyAny>,
    lines: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let inv = invoices_arg(invoices, lines).or_raise(py)?;
        let list = PyList::empty(py);
        for p in inv.pieces() {
            let mut docs = Vec::with_capacity(p.len);
            inv.each(&p, |_, _, _, doc| docs.push(doc));
            for d in &docs {
                list.append(convert::value_out(py, d)?)?;
            }
        }
        Ok(list)
    })
}

/// Reads invoice files (数电 XML, OFD, MoF XBRL, QR text: see invoice_core.read) into
/// (invoices, findings): invoices in the published schema, one row per file, invoice_id the
/// file's name (its path, the given name, or '#<index>'), plus format, source_part and qr_text;
/// findings the reading findings of each file (row = the file's index), a file that is no
/// invoice at all included (READ-01...). files is an Arrow binary column or a list of bytes and
/// paths (paths are read here; the core opens nothing); names optionally names them. With as_of,
/// each invoice is also validated as its reading (fields its format does not carry are not
/// called missing) and those findings are added.
///
/// Raises InvoiceError: INP-02 files of another type (or names of another length), READ-20 a
/// path that cannot be opened.
#[pyfunction]
#[pyo3(signature = (files, *, names=None, as_of=None, threads=None))]
fn read_files<'py>(
    py: Python<'py>,
    files: &Bound<'py, PyAny>,
    names: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    guard(py, || {
        let (list, day, t) = (|| -> Conv<_> {
            let day = match as_of.filter(|o| !o.is_none()) {
                None => None,
                Some(d) => Some(convert::date_in(d)?),
            };
            Ok((files::files_arg(files, names)?, day, threads_arg(threads)?))
        })()
        .or_raise(py)?;
        let pieces = par::pieces(&[list.len()], 16);
        let n = par::threads(t, pieces.len());
        let reads: Vec<files::Read> = py
            .detach(|| {
                par::map(&pieces, n, |p| {
                    list.get(p.start..p.start + p.len)
                        .unwrap_or_default()
                        .iter()
                        .map(|f| files::read_one(f, day))
                        .collect::<Vec<_>>()
                })
            })
            .into_iter()
            .flatten()
            .collect();
        let (batch, found) = files::tables(&list, &reads)
            .map_err(arrow_failed)
            .or_raise(py)?;
        let table = table_out(py, vec![batch], files::readings_schema())?;
        PyTuple::new(py, [table, findings_out(py, &found)?])
    })
}

/// The published invoice table schema: invoice_id, the header columns (money decimal128(38, 2),
/// dates date32) and lines as list<struct<name, tax_code, spec, unit, quantity, unit_price,
/// amount, rate, tax, nature>> (quantity and unit_price as exact decimal text).
#[pyfunction]
fn invoice_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PySchema::new(schema::invoice_schema()))?.into_any())
}

/// The schema of a separate lines table: invoice_id, then the line columns.
#[pyfunction]
fn line_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PySchema::new(schema::line_schema()))?.into_any())
}

/// The schema of a findings table: invoice_id, row, code, severity, path, message, message_zh.
#[pyfunction]
fn findings_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PySchema::new(schema::findings_schema()))?.into_any())
}

/// Fills `invoice_core._native.arrow`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(id_valid, m)?)?;
    m.add_function(wrap_pyfunction!(id_compact, m)?)?;
    m.add_function(wrap_pyfunction!(id_validate, m)?)?;
    m.add_function(wrap_pyfunction!(amount_in_words, m)?)?;
    m.add_function(wrap_pyfunction!(words_to_amount, m)?)?;
    m.add_function(wrap_pyfunction!(parse_invoice_code, m)?)?;
    m.add_function(wrap_pyfunction!(parse_invoice_number, m)?)?;
    m.add_function(wrap_pyfunction!(parse_qr, m)?)?;
    m.add_function(wrap_pyfunction!(dedupe_key, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(compute, m)?)?;
    m.add_function(wrap_pyfunction!(stats, m)?)?;
    m.add_function(wrap_pyfunction!(duplicates_of, m)?)?;
    m.add_function(wrap_pyfunction!(to_dicts, m)?)?;
    m.add_function(wrap_pyfunction!(read_files, m)?)?;
    m.add_function(wrap_pyfunction!(invoice_schema, m)?)?;
    m.add_function(wrap_pyfunction!(line_schema, m)?)?;
    m.add_function(wrap_pyfunction!(findings_schema, m)?)?;
    Ok(())
}
