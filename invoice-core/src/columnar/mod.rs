//! Invoices as Arrow columns and tables (列式处理, feature `arrow`): the published invoice table
//! schema ([`schema`]), reading its record batches straight into the model (no JSON document is
//! built: a row the model would take as it is goes from its typed cells into the invoice of the
//! row before, its buffers reused; any other row is a [`Source`](crate::model::Source) over its
//! cells, read by the model's reader with every problem at its path), and the results
//! written back as Arrow: findings, computed invoices, statistics, duplicate groups, and column
//! operations (identifiers, 大写 both ways, code and number decoding, QR text → struct, the
//! duplicate key).
//!
//! Nothing here holds a rule: what a cell means and whether it is right is the model reader's and
//! the validator's answer, so a table gets the same coded findings at the same paths as the same
//! invoices given as JSON. A bad cell is a finding at its row; only the table as a whole (a float
//! money column: `INP-01` naming it; a column of a type the schema cannot hold: `INP-02`) is
//! refused.
//!
//! The work is cut into [`Rows`] (consecutive rows of one batch or chunk) and every operation
//! runs on one piece, single-threaded, so a host spreads pieces over threads as it likes (the
//! Python binding does, with the GIL released) and the core itself starts no thread.
//!
//! ```
//! use chrono::NaiveDate;
//! use invoice_core::columnar::{Invoices, invoices_batch};
//! use invoice_core::validate::Context;
//!
//! let ok = serde_json::json!({"kind": "digital_ordinary", "number": "24312000000358032546",
//!     "issue_date": "2024-11-18",
//!     "seller": {"name": "上海七牛信息技术有限公司", "tax_id": "91310000580583950X"},
//!     "buyer": {"name": "张三", "type": "natural_person"},
//!     "lines": [{"name": "*餐饮服务*餐饮服务", "tax_code": "3070401000000000000",
//!                "amount": "100.00", "rate": "6%", "tax": "6.00"}],
//!     "totals": {"amount": "100.00", "tax": "6.00", "total": "106.00",
//!                "total_in_words": "壹佰零陆圆整"}});
//! let mut bad = ok.clone();
//! bad["seller"]["tax_id"] = "91310000580583950Y".into();
//! let batch = invoices_batch(&[(Some("a".into()), Some(&ok)), (Some("b".into()), Some(&bad))])?;
//! let table = Invoices::new(&[batch], None)?;
//! let ctx = Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).unwrap());
//! let found: Vec<_> = table.pieces(1024).iter().flat_map(|p| table.validate(p, &ctx)).collect();
//! assert!(found.iter().all(|f| f.row == 1 && f.key.as_deref() == Some("b")));
//! assert!(found.iter().any(|f| f.error.code() == "ID-18"));
//! # Ok::<(), invoice_core::Error>(())
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Int64Builder, StringBuilder};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{ArrowError, DataType, Field, FieldRef};
use serde_json::Value;

use crate::error::{Error, INP_INTERNAL, INP_MISSING, INP_TYPE, Path, Segment};
use crate::ids::Scheme;
use crate::model::Invoice;
use crate::money::Amount;
use crate::number::{InvoiceCode, InvoiceNumber};
use crate::tax::{self, Options as TaxOptions};
use crate::validate::{Context, Report, validate};
use crate::verify::{duplicates, qr};
use crate::{stats as core_stats, words};

mod direct;
#[cfg(feature = "read")]
mod files;
mod read;
pub mod schema;
mod write;

#[cfg(feature = "read")]
pub use files::{Read, binary_files, read_one, readings_schema, tables as readings_tables};
pub use schema::{findings_schema, invoice_schema, line_schema};
pub use write::Finding;

use read::{Prepared, Reader};
use schema::{Col, Kind};

/// Arrow refused to build an array or batch (not expected from the core's own types): `INP-99`.
pub(crate) fn arrow_failed(e: ArrowError) -> Error {
    Error::new(INP_INTERNAL).with("reason", e)
}

// ---------------------------------------------------------------- pieces

/// Consecutive rows of one chunk (a record batch of a table, a chunk of a column): the unit of
/// work of every operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rows {
    /// The chunk.
    pub chunk: usize,
    /// The first row in the chunk.
    pub start: usize,
    /// The number of rows.
    pub len: usize,
    /// The first row's index over all chunks (the `row` of its findings).
    pub offset: u64,
}

impl Rows {
    /// The rows' indices in their chunk.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start.saturating_add(self.len)
    }
}

/// The pieces of chunks of `lens` rows, each at most `size` rows, in order.
pub fn pieces(lens: &[usize], size: usize) -> Vec<Rows> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut offset = 0u64;
    for (chunk, &len) in lens.iter().enumerate() {
        let mut start = 0;
        while start < len {
            let n = size.min(len - start);
            out.push(Rows {
                chunk,
                start,
                len: n,
                offset: offset.saturating_add(start as u64),
            });
            start += n;
        }
        offset = offset.saturating_add(len as u64);
    }
    out
}

// ---------------------------------------------------------------- column operations

/// A per-cell operation over one column. The fallible ones give null where the core refuses a
/// cell, or with `errors` a struct `{value, error}` whose `error` is the refusal's code.
#[derive(Clone, Debug)]
pub enum ColumnOp {
    /// `bool`: whether the cell is a valid identifier of the scheme.
    IdValid(Scheme),
    /// `utf8`: the compact form (never fails).
    IdCompact(Scheme),
    /// `utf8`: the compact form of a valid identifier.
    IdValidate {
        /// The scheme.
        scheme: Scheme,
        /// With the refusal's code.
        errors: bool,
    },
    /// `utf8`: 大写金额 of each amount (a float column is refused: `INP-01`).
    AmountInWords {
        /// The style.
        options: words::Options,
        /// With the refusal's code.
        errors: bool,
    },
    /// `decimal128(38, 2)`: the amount of each 大写 text.
    WordsToAmount {
        /// With the refusal's code.
        errors: bool,
    },
    /// A struct of the decoded 发票代码 ([`schema::CODE_PARTS`]) plus `error`.
    InvoiceCode,
    /// A struct of the decoded 发票号码 ([`schema::NUMBER_PARTS`]) plus `error`.
    InvoiceNumber,
    /// A struct of the parsed QR text ([`schema::QR_PARTS`]) plus `error`.
    Qr,
    /// `utf8`: the duplicate key of a QR text or bare number (`legacy:<code>:<number>`,
    /// `digital:<number>`).
    DedupeKey {
        /// With the refusal's code.
        errors: bool,
    },
}

/// A chunk of an input column cast to the plain type the column operations read; `at` names the
/// column in errors, `money` refuses a float column (the input of
/// [`ColumnOp::AmountInWords`]).
///
/// # Errors
/// `INP-02` a type that is not text, integers, decimals or dates; `INP-01` a float column where
/// `money`.
pub fn prepare_column(chunk: &ArrayRef, at: &Path, money: bool) -> Result<ArrayRef, Error> {
    let c = read::normalise(chunk, at)?;
    if money {
        read::float_money(&c, at)?;
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
}

impl ColumnOp {
    /// The type of the result of an empty column (a non-empty result's own type may be more
    /// precise: `{value, error}` structs take their value's type).
    pub fn output(&self) -> DataType {
        match self {
            ColumnOp::IdValid(_) => DataType::Boolean,
            ColumnOp::IdCompact(_) => DataType::Utf8,
            ColumnOp::IdValidate { errors: true, .. }
            | ColumnOp::AmountInWords { errors: true, .. }
            | ColumnOp::WordsToAmount { errors: true }
            | ColumnOp::DedupeKey { errors: true } => DataType::Null,
            ColumnOp::IdValidate { .. }
            | ColumnOp::AmountInWords { .. }
            | ColumnOp::DedupeKey { .. } => DataType::Utf8,
            ColumnOp::WordsToAmount { .. } => schema::data_type(Kind::Money),
            ColumnOp::InvoiceCode => decoded_type(schema::CODE_PARTS),
            ColumnOp::InvoiceNumber => decoded_type(schema::NUMBER_PARTS),
            ColumnOp::Qr => decoded_type(schema::QR_PARTS),
        }
    }

    /// The results for `rows` of a chunk read by [`prepare_column`].
    ///
    /// # Errors
    /// `INP-99` when Arrow refuses the result (not expected).
    pub fn run(&self, chunk: &ArrayRef, rows: Range<usize>) -> Result<ArrayRef, Error> {
        let r = &Reader::new(chunk, None);
        let out = match self {
            ColumnOp::IdValid(scheme) => {
                let mut b = BooleanBuilder::with_capacity(rows.len());
                for i in rows {
                    b.append_option(r.text(i).map(|s| scheme.is_valid(&s)));
                }
                Ok(Arc::new(b.finish()) as ArrayRef)
            }
            ColumnOp::IdCompact(scheme) => {
                let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 18);
                for i in rows {
                    b.append_option(r.text(i).map(|s| scheme.compact(&s)));
                }
                Ok(Arc::new(b.finish()) as ArrayRef)
            }
            ColumnOp::IdValidate { scheme, errors } => {
                fallible(r, rows, Kind::Text, *errors, |s| {
                    scheme.validate(s).map(Value::String)
                })
            }
            ColumnOp::AmountInWords { options, errors } => {
                fallible(r, rows, Kind::Text, *errors, |s| {
                    Amount::parse(s).map(|a| Value::String(words::to_words_with(a, options)))
                })
            }
            ColumnOp::WordsToAmount { errors } => fallible(r, rows, Kind::Money, *errors, |s| {
                words::parse_words(s).map(|a| Value::String(a.to_string()))
            }),
            ColumnOp::InvoiceCode => decoded(r, rows, schema::CODE_PARTS, |s| {
                InvoiceCode::parse(s).map(json)
            }),
            ColumnOp::InvoiceNumber => decoded(r, rows, schema::NUMBER_PARTS, |s| {
                InvoiceNumber::parse(s).map(json)
            }),
            ColumnOp::Qr => decoded(r, rows, schema::QR_PARTS, |s| qr::parse(s).map(json)),
            ColumnOp::DedupeKey { errors } => fallible(r, rows, Kind::Text, *errors, |s| {
                let keys = duplicates::Item::from_value(&Value::String(s.to_owned()))?.keys()?;
                Ok(keys
                    .first()
                    .map_or(Value::Null, |k| Value::String(k.to_string())))
            }),
        };
        out.map_err(arrow_failed)
    }
}

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The answers of a per-cell core call over some rows of a column (`None` for a null cell).
struct Answers(Vec<Option<Result<Value, Error>>>);

impl Answers {
    fn of(r: &Reader<'_>, rows: Range<usize>, f: impl Fn(&str) -> Result<Value, Error>) -> Self {
        Answers(rows.map(|i| r.text(i).map(|s| f(&s))).collect())
    }

    /// The values of the cells the call answered (`None` where it refused or the cell was
    /// null).
    fn values(&self) -> Vec<Option<&Value>> {
        self.0
            .iter()
            .map(|x| x.as_ref().and_then(|x| x.as_ref().ok()))
            .collect()
    }

    /// A struct of `fields` and `arrays` plus `error` (the refusal's code, null when the cell was
    /// fine), null where the cell was null.
    fn with_errors(
        &self,
        mut fields: Vec<FieldRef>,
        mut arrays: Vec<ArrayRef>,
    ) -> Result<ArrayRef, ArrowError> {
        let mut codes = StringBuilder::with_capacity(self.0.len(), 0);
        for x in &self.0 {
            codes.append_option(x.as_ref().and_then(|x| x.as_ref().err()).map(Error::code));
        }
        fields.push(Arc::new(Field::new("error", DataType::Utf8, true)));
        arrays.push(Arc::new(codes.finish()));
        let valid: Vec<bool> = self.0.iter().map(Option::is_some).collect();
        Ok(Arc::new(StructArray::try_new(
            fields.into(),
            arrays,
            Some(valid.into()),
        )?))
    }
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
    let answers = Answers::of(r, rows, f);
    let value = write::column(kind, &answers.values())?;
    if !errors {
        return Ok(value);
    }
    let field = Arc::new(Field::new("value", value.data_type().clone(), true));
    answers.with_errors(vec![field], vec![value])
}

/// A decoding call as a struct of `cols` plus `error` (the code when the cell could not be
/// decoded); a null cell is a null struct.
fn decoded(
    r: &Reader<'_>,
    rows: Range<usize>,
    cols: &[Col],
    f: impl Fn(&str) -> Result<Value, Error>,
) -> Result<ArrayRef, ArrowError> {
    let answers = Answers::of(r, rows, f);
    let (fields, arrays, _) = write::struct_array(cols, &answers.values(), None)?.into_parts();
    answers.with_errors(fields.iter().cloned().collect(), arrays)
}

fn decoded_type(cols: &[Col]) -> DataType {
    let mut f: Vec<Field> = schema::fields(cols)
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    f.push(Field::new("error", DataType::Utf8, true));
    DataType::Struct(f.into())
}

// ---------------------------------------------------------------- tables of invoices

/// A table of invoices in the published schema ([`invoice_schema`]): its record batches
/// prepared (columns cast and checked), and the lines of a separate lines table
/// ([`line_schema`]) by `invoice_id`. Shareable between threads.
pub struct Invoices {
    preps: Vec<Prepared>,
    lines: Option<HashMap<String, Vec<Value>>>,
}

/// One row of a table read into the model, with its place.
pub struct ReadRow {
    /// The invoice, or the first error that refused it.
    pub invoice: Result<Invoice, Error>,
    /// The row's index over all batches.
    pub row: u64,
    /// Its `invoice_id`, when the table has one.
    pub key: Option<String>,
    /// Its `status` label, when the table has one.
    pub status: Option<String>,
}

impl Invoices {
    /// The header batches and, optionally, the batches of a separate lines table.
    ///
    /// # Errors
    /// For the table as a whole: `INP-01` a float money column (named), `INP-02` a column of an
    /// unusable type, `INP-04` a lines table given without `invoice_id` in both tables.
    pub fn new(header: &[RecordBatch], lines: Option<&[RecordBatch]>) -> Result<Invoices, Error> {
        let preps = header
            .iter()
            .map(|b| Prepared::new(b, schema::HEADER))
            .collect::<Result<Vec<_>, Error>>()?;
        let lines = match lines {
            None => None,
            Some(batches) => {
                if preps.iter().any(|p| !p.has_key()) {
                    return Err(Error::new(INP_MISSING).at(Path::field(schema::KEY)));
                }
                let mut by_key: HashMap<String, Vec<Value>> = HashMap::new();
                for b in batches {
                    let p = Prepared::new(b, schema::LINE)?;
                    if !p.has_key() {
                        return Err(
                            Error::new(INP_MISSING).at(Path::field("lines").key(schema::KEY))
                        );
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

    /// The rows in pieces of at most `size`.
    pub fn pieces(&self, size: usize) -> Vec<Rows> {
        let lens: Vec<usize> = self.preps.iter().map(Prepared::rows).collect();
        pieces(&lens, size)
    }

    /// Calls `f(row, plan, i, invoice)` for each row of a piece. A row is read into the model
    /// straight from its typed cells ([`direct`]), into the invoice of the rows before it (its
    /// buffers reused; `f` borrows it, and `owned` clones it); where that road gives up on a row
    /// (a cell the model's reader would refuse or name, a red-letter reference, lines from a
    /// lines table) the model's reader reads it, with every problem at its path, and the first
    /// row it reads seeds the direct road's invoice.
    fn each_invoice(
        &self,
        p: &Rows,
        owned: bool,
        mut f: impl FnMut(u64, &read::Plan<'_>, usize, Result<Cow<'_, Invoice>, Vec<Error>>),
    ) {
        let Some(prep) = self.preps.get(p.chunk) else {
            return;
        };
        let plan = prep.plan();
        let direct = self.lines.is_none().then(|| direct::Direct::new(&plan));
        let mut scratch: Option<Invoice> = None;
        for (n, i) in p.range().enumerate() {
            let row = p.offset.saturating_add(n as u64);
            let read = match (&direct, scratch.as_mut()) {
                (Some(d), Some(into)) => d.read_into(i, into),
                _ => false,
            };
            let invoice = match scratch.as_ref() {
                Some(invoice) if read && owned => Ok(Cow::Owned(invoice.clone())),
                Some(invoice) if read => Ok(Cow::Borrowed(invoice)),
                _ => {
                    let lines = self.lines.as_ref().map(|m| {
                        plan.key(i)
                            .and_then(|k| m.get(&k))
                            .map_or(&[][..], Vec::as_slice)
                    });
                    let view = plan.view(i, lines);
                    let model = Invoice::from_source_all(view.node());
                    if let (Some(_), None, Ok(seed)) = (&direct, &scratch, &model) {
                        scratch = Some(seed.clone());
                    }
                    model.map(Cow::Owned)
                }
            };
            f(row, &plan, i, invoice);
        }
    }

    /// Validates the rows of a piece: every finding of every rule, a cell the model reader
    /// refuses included (at its row and path).
    pub fn validate(&self, p: &Rows, ctx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        self.each_invoice(p, false, |row, plan, i, invoice| {
            let report = match invoice {
                Ok(invoice) => validate(&invoice, ctx),
                Err(errors) => Report::from_errors(errors),
            };
            if report.findings.is_empty() {
                return;
            }
            let key = plan.key(i);
            for error in report.findings {
                out.push(Finding {
                    key: key.clone(),
                    row,
                    error,
                });
            }
        });
        out
    }

    /// Computes the rows of a piece ([`tax::compute`]): a batch of the computed invoices in the
    /// published schema (all null but `invoice_id` where the core refused the row) and the
    /// refusals.
    ///
    /// # Errors
    /// `INP-99` when Arrow refuses the batch (not expected).
    pub fn compute(
        &self,
        p: &Rows,
        options: &TaxOptions,
    ) -> Result<(RecordBatch, Vec<Finding>), Error> {
        let mut keys = Vec::with_capacity(p.len);
        let mut docs: Vec<Option<Value>> = Vec::with_capacity(p.len);
        let mut found = Vec::new();
        self.each_invoice(p, false, |row, plan, i, invoice| {
            let key = plan.key(i);
            match first_error(invoice).and_then(|inv| tax::compute(&inv, options)) {
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
        let batch =
            write::batch(invoice_schema(), schema::HEADER, &keys, &rows).map_err(arrow_failed)?;
        Ok((batch, found))
    }

    /// The rows of a piece read into the model, with their keys and status labels (for
    /// [`stats()`] and [`duplicates()`]).
    pub fn read(&self, p: &Rows) -> Vec<ReadRow> {
        let mut out = Vec::with_capacity(p.len);
        self.each_invoice(p, true, |row, plan, i, invoice| {
            out.push(ReadRow {
                invoice: first_error(invoice).map(Cow::into_owned),
                row,
                key: plan.key(i),
                status: plan.status(i),
            });
        });
        out
    }

    /// The rows of a piece as invoice documents in the core's JSON shape (lines joined from a
    /// lines table), as [`Invoice::from_value`] reads them.
    pub fn documents(&self, p: &Rows) -> Vec<Value> {
        let Some(prep) = self.preps.get(p.chunk) else {
            return Vec::new();
        };
        let plan = prep.plan();
        p.range()
            .map(|i| {
                let lines = self.lines.as_ref().map(|m| {
                    plan.key(i)
                        .and_then(|k| m.get(&k))
                        .cloned()
                        .unwrap_or_default()
                });
                plan.row(i, lines)
            })
            .collect()
    }
}

/// A reading with its first problem only (as [`Invoice::from_source`]).
fn first_error<T>(invoice: Result<T, Vec<Error>>) -> Result<T, Error> {
    invoice.map_err(|es| {
        es.into_iter()
            .next()
            .unwrap_or_else(|| Error::new(INP_MISSING))
    })
}

/// A batch of invoice documents (the core's JSON shape, e.g. [`Invoice::to_value`]) in the
/// published schema, each with its `invoice_id`; `None` is a row of nulls.
///
/// # Errors
/// `INP-99` when Arrow refuses the batch (not expected).
pub fn invoices_batch(rows: &[(Option<String>, Option<&Value>)]) -> Result<RecordBatch, Error> {
    let keys: Vec<Option<String>> = rows.iter().map(|(k, _)| k.clone()).collect();
    let docs: Vec<Option<&Value>> = rows.iter().map(|(_, d)| *d).collect();
    write::batch(invoice_schema(), schema::HEADER, &keys, &docs).map_err(arrow_failed)
}

/// The findings table ([`findings_schema`]).
///
/// # Errors
/// `INP-99` when Arrow refuses the batch (not expected).
pub fn findings_batch(items: &[Finding]) -> Result<RecordBatch, Error> {
    write::findings(items).map_err(arrow_failed)
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

/// Statistics of read rows ([`stats::compute`](crate::stats::compute)) as (groups, findings):
/// groups ([`schema::STATS_GROUP`]) has one row for the total and one per group of each
/// dimension (`by_month`, `by_kind`, `by_rate`, `by_status`, `by_counterparty`,
/// `by_direction`); findings the rows the model reader refused (left out) and the `STA-`
/// warnings, by row.
///
/// # Errors
/// `MNY-03`/`MNY-05` a sum out of range; `INP-99` when Arrow refuses the batch.
pub fn stats(
    rows: Vec<ReadRow>,
    options: &core_stats::Options,
) -> Result<(RecordBatch, Vec<Finding>), Error> {
    let mut read = Vec::with_capacity(rows.len());
    let mut found = Vec::new();
    for r in rows {
        match r.invoice {
            Ok(i) => read.push((i, r.status, r.row, r.key)),
            Err(error) => found.push(Finding {
                key: r.key,
                row: r.row,
                error,
            }),
        }
    }
    let entries: Vec<core_stats::Entry<'_>> = read
        .iter()
        .map(|(invoice, status, _, _)| core_stats::Entry {
            invoice,
            status: status.as_deref(),
        })
        .collect();
    let s = core_stats::compute(&entries, options)?;
    let at: Vec<(u64, Option<String>)> = read
        .iter()
        .map(|(_, _, row, key)| (*row, key.clone()))
        .collect();
    found.extend(s.warnings.iter().map(|w| at_row(w, &at)));
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
    let cols = write::columns(schema::STATS_GROUP, &refs).map_err(arrow_failed)?;
    let b = RecordBatch::try_new(schema::stats_schema(), cols).map_err(arrow_failed)?;
    Ok((b, found))
}

/// The read rows that are the same invoice (重复报销: the same code and number, or the same 数电
/// number) as (groups, findings): groups ([`schema::duplicates_schema`]) has `group`, `row`
/// and `invoice_id`, one row per member of each group of two or more; findings the rows whose
/// keys could not be read.
///
/// # Errors
/// `INP-99` when Arrow refuses the batch (not expected).
pub fn duplicates(rows: Vec<ReadRow>) -> Result<(RecordBatch, Vec<Finding>), Error> {
    let at: Vec<(u64, Option<String>)> = rows.iter().map(|r| (r.row, r.key.clone())).collect();
    let items: Vec<Result<duplicates::Item, Error>> = rows
        .into_iter()
        .map(|r| r.invoice.map(|i| duplicates::Item::Invoice(Box::new(i))))
        .collect();
    let report = duplicates::find_duplicates_read(items);
    let mut group_col = Int64Builder::new();
    let mut row_col = Int64Builder::new();
    let mut key_col = StringBuilder::new();
    for (g, members) in report.groups.iter().enumerate() {
        for m in members {
            let (row, key) = at.get(*m).cloned().unwrap_or((0, None));
            group_col.append_value(i64::try_from(g).unwrap_or(i64::MAX));
            row_col.append_value(i64::try_from(row).unwrap_or(i64::MAX));
            key_col.append_option(key);
        }
    }
    let b = RecordBatch::try_new(
        schema::duplicates_schema(),
        vec![
            Arc::new(group_col.finish()),
            Arc::new(row_col.finish()),
            Arc::new(key_col.finish()),
        ],
    )
    .map_err(arrow_failed)?;
    let found = report
        .errors
        .iter()
        .map(|e| {
            let (row, key) = at.get(e.index).cloned().unwrap_or((0, None));
            Finding {
                key,
                row,
                error: e.error.clone(),
            }
        })
        .collect();
    Ok((b, found))
}
