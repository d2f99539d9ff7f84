//! `invoice_core.arrow`: the columnar API (列式接口). Arrow data in and out through the Arrow
//! PyCapsule interface (`__arrow_c_array__`, `__arrow_c_stream__`), so pyarrow, Polars and DuckDB
//! objects are read without a copy through Python objects and without importing any of them.
//!
//! Thin by rule, like the rest of the binding: the schema, reading record batches into the
//! model, the column operations and the result tables are the core's
//! ([`invoice_core::columnar`], feature `arrow`). Here: the PyCapsule import and export
//! (pyo3-arrow), the options, releasing the GIL, and spreading the core's pieces of rows over
//! threads ([`par`]).
//!
//! Returned arrays, tables and schemas are the `pyo3-arrow` classes (`Array`, `ChunkedArray`,
//! `Table`, `Schema`), which export the same PyCapsule interface: `pyarrow.table(t)`,
//! `polars.DataFrame(t)` or DuckDB take them as they are.

use std::sync::Arc;

use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{Field, SchemaRef};
use invoice_core::columnar::{
    self, ColumnOp, Finding, Invoices, ReadRow, Rows, findings_schema, invoice_schema, line_schema,
};
use invoice_core::error::INP_INTERNAL;
use invoice_core::ids::Scheme;
use invoice_core::tax::{Basis, Options as TaxOptions};
use invoice_core::words::Style;
use invoice_core::{Error, Path, stats as core_stats};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use pyo3_arrow::input::{AnyArray, AnyRecordBatch};
use pyo3_arrow::{PyArray, PyChunkedArray, PySchema, PyTable};

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};
use crate::invoice::context_arg;

mod files;
mod par;

/// The submodule's docstring.
pub const DOC: &str = "The columnar API (列式接口): identifiers, 大写, codes, numbers and QR texts \
over Arrow columns, and compute / validate / stats / duplicates over Arrow tables of invoices, \
taking and returning anything that speaks the Arrow PyCapsule interface (pyarrow, Polars, \
DuckDB). The GIL is released while the core works, and rows are spread over the cores.";

/// Rows per piece of a table operation (small enough to balance two cores on small tables).
const TABLE_PIECE: usize = 2048;
/// Rows per piece of a column operation.
const COLUMN_PIECE: usize = 65_536;

/// Arrow refused what pyo3-arrow handed over or built (not expected): `INP-99`.
fn arrow_failed(e: impl std::fmt::Display) -> Error {
    Error::new(INP_INTERNAL).with("reason", e)
}

// ---------------------------------------------------------------- arguments

/// An Arrow column argument: its chunks as the core reads them, its name, and whether it came as
/// a stream (then the result is a chunked array).
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
    let (chunks, field) = any.into_chunked_array().map_err(PyErr::from)?.into_inner();
    let name = field.name().clone();
    let at = Path::field(if name.is_empty() {
        "values".to_owned()
    } else {
        name.clone()
    });
    let chunks = chunks
        .iter()
        .map(|c| columnar::prepare_column(c, &at, money))
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

/// The identifier scheme named by `kind` (default `uscc`).
fn scheme_arg(kind: Option<&Bound<'_, PyAny>>) -> Conv<Scheme> {
    match kind.filter(|o| !o.is_none()) {
        None => Ok(Scheme::Uscc),
        Some(o) => Ok(Scheme::parse(&convert::text(
            o,
            "an identifier kind (str)",
        )?)?),
    }
}

/// A table operation's arguments: the invoices (header table and optional lines table), its
/// pieces, the thread count, and what `extra` reads from the operation's own arguments.
fn table_args<T>(
    invoices: &Bound<'_, PyAny>,
    lines: Option<&Bound<'_, PyAny>>,
    threads: Option<&Bound<'_, PyAny>>,
    extra: impl FnOnce() -> Conv<T>,
) -> Conv<(Invoices, Vec<Rows>, usize, T)> {
    let extra = extra()?;
    let header = batches_arg(invoices)?;
    let lines = lines
        .filter(|o| !o.is_none())
        .map(batches_arg)
        .transpose()?;
    let inv = Invoices::new(&header, lines.as_deref())?;
    let t = threads_arg(threads)?;
    let pieces = inv.pieces(TABLE_PIECE);
    let n = par::threads(t, pieces.len());
    Ok((inv, pieces, n, extra))
}

// ---------------------------------------------------------------- results

fn table_out(
    py: Python<'_>,
    batches: Vec<RecordBatch>,
    schema: SchemaRef,
) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyTable::try_new(batches, schema)?)?.into_any())
}

fn findings_out<'py>(py: Python<'py>, items: &[Finding]) -> PyResult<Bound<'py, PyAny>> {
    let b = columnar::findings_batch(items).or_raise(py)?;
    table_out(py, vec![b], findings_schema())
}

/// (table, findings) of a core result.
fn pair_out<'py>(
    py: Python<'py>,
    (batch, found): (RecordBatch, Vec<Finding>),
) -> PyResult<Bound<'py, PyTuple>> {
    let schema = batch.schema();
    let table = table_out(py, vec![batch], schema)?;
    PyTuple::new(py, [table, findings_out(py, &found)?])
}

/// A column operation: reads the column (`money` refuses a float column) and what `op` reads
/// from the function's own arguments, runs the core's operation over pieces of the column with
/// the GIL released, and returns an array (a chunked array for a stream).
fn column_op<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    money: bool,
    threads: Option<&Bound<'py, PyAny>>,
    op: impl FnOnce() -> Conv<ColumnOp>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (col, op, t) =
            (|| -> Conv<_> { Ok((column_arg(values, money)?, op()?, threads_arg(threads)?)) })()
                .or_raise(py)?;
        let lens: Vec<usize> = col.chunks.iter().map(|c| c.len()).collect();
        let pieces = columnar::pieces(&lens, COLUMN_PIECE);
        let n = par::threads(t, pieces.len());
        let parts = py.detach(|| {
            par::map(&pieces, n, |p| match col.chunks.get(p.chunk) {
                Some(c) => op.run(c, p.range()).map(|a| (p.chunk, a)),
                None => Err(arrow_failed("no such chunk")),
            })
        });
        let mut chunks: Vec<Vec<ArrayRef>> = vec![Vec::new(); col.chunks.len()];
        for part in parts {
            let (k, a) = part.or_raise(py)?;
            if let Some(slot) = chunks.get_mut(k) {
                slot.push(a);
            }
        }
        let out = op.output();
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
    })
}

// ---------------------------------------------------------------- column operations

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
    column_op(py, values, false, threads, || {
        Ok(ColumnOp::IdValid(scheme_arg(kind)?))
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
    column_op(py, values, false, threads, || {
        Ok(ColumnOp::IdCompact(scheme_arg(kind)?))
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
    column_op(py, values, false, threads, || {
        let scheme = scheme_arg(kind)?;
        Ok(ColumnOp::IdValidate { scheme, errors })
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
    column_op(py, values, true, threads, || {
        let style: Style =
            convert::opt_named(style, "a style name (str): invoice, accounting or pboc")?
                .unwrap_or_default();
        let options = style.options();
        Ok(ColumnOp::AmountInWords { options, errors })
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
    column_op(py, values, false, threads, || {
        Ok(ColumnOp::WordsToAmount { errors })
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
    column_op(py, values, false, threads, || Ok(ColumnOp::InvoiceCode))
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
    column_op(py, values, false, threads, || Ok(ColumnOp::InvoiceNumber))
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
    column_op(py, values, false, threads, || Ok(ColumnOp::Qr))
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
    column_op(py, values, false, threads, || {
        Ok(ColumnOp::DedupeKey { errors })
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
        let (inv, pieces, n, ctx) = table_args(invoices, lines, threads, || {
            context_arg(as_of, seller_category, issuing_limit, policy, None)
        })
        .or_raise(py)?;
        // Each worker writes its pieces' findings tables (the messages formatted on both
        // cores, not on the caller's thread after them); the pieces are then put end to end.
        let parts = py.detach(|| {
            par::map(&pieces, n, |p| {
                let found = inv.validate(p, &ctx);
                (!found.is_empty())
                    .then(|| columnar::findings_batch(&found))
                    .transpose()
            })
        });
        let mut batches = Vec::with_capacity(parts.len());
        for part in parts {
            batches.extend(part.or_raise(py)?);
        }
        let schema = findings_schema();
        let one = match batches.as_slice() {
            [] => columnar::findings_batch(&[]).or_raise(py)?,
            [b] => b.clone(),
            many => arrow_select::concat::concat_batches(&schema, many)
                .map_err(arrow_failed)
                .or_raise(py)?,
        };
        table_out(py, vec![one], schema)
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
        let (inv, pieces, n, ()) = table_args(invoices, lines, threads, || Ok(())).or_raise(py)?;
        let options = TaxOptions {
            basis: if prices_include_tax {
                Basis::Inclusive
            } else {
                Basis::Exclusive
            },
            redistribute,
            ..TaxOptions::default()
        };
        let parts = py.detach(|| par::map(&pieces, n, |p| inv.compute(p, &options)));
        let mut batches = Vec::with_capacity(parts.len());
        let mut found = Vec::new();
        for part in parts {
            let (b, f) = part.or_raise(py)?;
            batches.push(b);
            found.extend(f);
        }
        let table = table_out(py, batches, invoice_schema())?;
        PyTuple::new(py, [table, findings_out(py, &found)?])
    })
}

/// The rows of every piece read into the model, on `n` threads with the GIL released.
fn read_rows(py: Python<'_>, inv: &Invoices, pieces: &[Rows], n: usize) -> Vec<ReadRow> {
    py.detach(|| {
        par::map(pieces, n, |p| inv.read(p))
            .into_iter()
            .flatten()
            .collect()
    })
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
        let (inv, pieces, n, own) = table_args(invoices, lines, threads, || {
            own_tax_id
                .filter(|o| !o.is_none())
                .map(|o| convert::text(o, "None or a taxpayer id (str)"))
                .transpose()
        })
        .or_raise(py)?;
        let rows = read_rows(py, &inv, &pieces, n);
        let opts = core_stats::Options { own_tax_id: own };
        let out = py.detach(|| columnar::stats(rows, &opts)).or_raise(py)?;
        pair_out(py, out)
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
        let (inv, pieces, n, ()) = table_args(invoices, lines, threads, || Ok(())).or_raise(py)?;
        let rows = read_rows(py, &inv, &pieces, n);
        let out = py.detach(|| columnar::duplicates(rows)).or_raise(py)?;
        pair_out(py, out)
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
        let (inv, pieces, _, ()) = table_args(invoices, lines, None, || Ok(())).or_raise(py)?;
        let list = PyList::empty(py);
        for p in &pieces {
            for d in inv.documents(p) {
                list.append(convert::value_out(py, &d)?)?;
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
        let pieces = columnar::pieces(&[list.len()], 16);
        let n = par::threads(t, pieces.len());
        let reads: Vec<columnar::Read> = py
            .detach(|| {
                par::map(&pieces, n, |p| {
                    list.get(p.range())
                        .unwrap_or_default()
                        .iter()
                        .map(|f| columnar::read_one(&f.bytes, day))
                        .collect::<Vec<_>>()
                })
            })
            .into_iter()
            .flatten()
            .collect();
        let names: Vec<String> = list.into_iter().map(|f| f.name).collect();
        let out = columnar::readings_tables(&names, &reads).or_raise(py)?;
        pair_out(py, out)
    })
}

/// The published invoice table schema: invoice_id, the header columns (money decimal128(38, 2),
/// dates date32) and lines as list<struct<name, tax_code, spec, unit, quantity, unit_price,
/// amount, rate, tax, nature>> (quantity and unit_price as exact decimal text).
#[pyfunction(name = "invoice_schema")]
fn invoice_schema_of(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PySchema::new(invoice_schema()))?.into_any())
}

/// The schema of a separate lines table: invoice_id, then the line columns.
#[pyfunction(name = "line_schema")]
fn line_schema_of(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PySchema::new(line_schema()))?.into_any())
}

/// The schema of a findings table: invoice_id, row, code, severity, path, message, message_zh.
#[pyfunction(name = "findings_schema")]
fn findings_schema_of(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PySchema::new(findings_schema()))?.into_any())
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
    m.add_function(wrap_pyfunction!(invoice_schema_of, m)?)?;
    m.add_function(wrap_pyfunction!(line_schema_of, m)?)?;
    m.add_function(wrap_pyfunction!(findings_schema_of, m)?)?;
    Ok(())
}
