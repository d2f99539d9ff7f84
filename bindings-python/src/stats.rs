//! Statistics (发票统计) in Python, see `invoice_core::stats`: `stats(invoices, own_tax_id)` and
//! the `Stats` it returns. Re-exported at the top level of `invoice_core`.

use invoice_core::model::Invoice as CoreInvoice;
use invoice_core::stats::{self as core_stats, Entry, Options, Stats as CoreStats};
use invoice_core::{Error, Path};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use serde_json::Value;

use crate::convert::{self, Conv};
use crate::error::{Fail, OrRaise, guard};
use crate::findings::finding_list;
use crate::invoice::Invoice;

/// The submodule's docstring.
pub const DOC: &str = "Statistics over many invoices (发票统计): stats(invoices, own_tax_id=None) \
returning Stats (count, 金额, 税额, 价税合计 by month, kind, rate, status, counterparty and \
direction; Decimal money). Re-exported at the top level of invoice_core.";

const MONEY: &[&str] = &["amount", "tax", "total"];

/// Statistics of many invoices: total and groups, each {key, name? (counterparties), count,
/// amount, tax, total} with Decimal money (net: red invoices count negative), and STA-01
/// warnings for invoices left out (no totals).
#[pyclass(frozen, module = "invoice_core")]
pub struct Stats {
    s: CoreStats,
}

impl Stats {
    /// The core statistics.
    pub(crate) fn core(&self) -> &CoreStats {
        &self.s
    }
}

#[pymethods]
impl Stats {
    /// {count, amount, tax, total} over every invoice counted.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.s.total, MONEY, &[], &[])
    }

    /// Groups by 'YYYY-MM' of the issue date, ascending.
    #[getter]
    fn by_month<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.s.by_month, MONEY, &[], &[])
    }

    /// Groups by kind name, in the core's kind order.
    #[getter]
    fn by_kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.s.by_kind, MONEY, &[], &[])
    }

    /// Groups by line rate ('0.13', 'exempt', ...), from the lines: amount and tax are the line
    /// sums at that rate, count the invoices with such a line.
    #[getter]
    fn by_rate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.s.by_rate, MONEY, &[], &[])
    }

    /// Groups by the status given with each invoice ('unknown' when none), ascending.
    #[getter]
    fn by_status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.s.by_status, MONEY, &[], &[])
    }

    /// Groups by counterparty tax id (else 'name:<name>'), with the first name seen.
    #[getter]
    fn by_counterparty<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.s.by_counterparty, MONEY, &[], &[])
    }

    /// Groups 'income', 'expense', 'other' (relative to own_tax_id), those present.
    #[getter]
    fn by_direction<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.s.by_direction, MONEY, &[], &[])
    }

    /// STA-01 warnings (as Finding, path [index]) for invoices left out.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        finding_list(py, self.s.warnings.clone())
    }

    /// Everything as a plain dict in the core's JSON shape (money as str): total, by_month,
    /// by_kind, by_rate, by_status, by_counterparty, by_direction, warnings.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::value_out(py, &serde_json::to_value(&self.s).unwrap_or(Value::Null))
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<Stats count={} amount={} tax={} total={}>",
            self.s.total.count, self.s.total.amount, self.s.total.tax, self.s.total.total
        )
    }
}

/// One invoice of the batch as read under the GIL.
enum Subject {
    Model(Box<CoreInvoice>),
    Json(Value),
}

fn subject(obj: &Bound<'_, PyAny>) -> Conv<Subject> {
    if let Ok(i) = obj.cast::<Invoice>() {
        return Ok(Subject::Model(Box::new(i.get().core().clone())));
    }
    Ok(Subject::Json(convert::json_in(obj)?))
}

/// An item: an invoice, or an (invoice, status) tuple.
fn entry(obj: &Bound<'_, PyAny>) -> Conv<(Subject, Option<String>)> {
    if let Ok(t) = obj.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(convert::wrong_type(
                obj,
                "an invoice or an (invoice, status) tuple of two",
            ));
        }
        let inv = subject(&t.get_item(0)?)?;
        let status = t.get_item(1)?;
        let status = if status.is_none() {
            None
        } else if status.is_instance_of::<PyString>() {
            Some(convert::text(&status, "None or a status (str)")?)
        } else {
            return Err(convert::wrong_type(&status, "None or a status (str)"));
        };
        return Ok((inv, status));
    }
    Ok((subject(obj)?, None))
}

fn read(s: Subject) -> Result<CoreInvoice, Error> {
    match s {
        Subject::Model(i) => Ok(*i),
        Subject::Json(v) => CoreInvoice::from_value(&v),
    }
}

/// Statistics of many invoices: any iterable of invoices (Invoice objects or dicts) or
/// (invoice, status) tuples, status being a label such as 'normal' or a lifecycle state name.
/// own_tax_id (the caller's taxpayer id) sorts them into income (销项) and expense (进项). The
/// items are converted under the GIL; reading and summing run with the GIL released.
///
/// Raises InvoiceError: an invoice the reader refuses, at its index ([3].lines[0].amount);
/// INP-02 bad types; MNY-03/MNY-05 a sum out of range. Invoices without totals are not errors:
/// they are left out with an STA-01 warning.
#[pyfunction]
#[pyo3(signature = (invoices, own_tax_id=None))]
fn stats(
    py: Python<'_>,
    invoices: &Bound<'_, PyAny>,
    own_tax_id: Option<&Bound<'_, PyAny>>,
) -> PyResult<Stats> {
    guard(py, || {
        let (subjects, opts) = (|| -> Conv<_> {
            let own = match own_tax_id.filter(|o| !o.is_none()) {
                None => None,
                Some(o) => Some(
                    convert::text(o, "None or a tax id (str)")
                        .map_err(|f| f.under(&Path::field("own_tax_id")))?,
                ),
            };
            let items = convert::items(invoices, "an iterable of invoices or (invoice, status)")?;
            let mut out = Vec::with_capacity(items.len());
            for (i, o) in items.iter().enumerate() {
                out.push(entry(o).map_err(|f| f.under(&Path::root().index(i)))?);
            }
            Ok((out, Options { own_tax_id: own }))
        })()
        .or_raise(py)?;
        let s = py
            .detach(|| -> Result<CoreStats, Error> {
                let mut invs = Vec::with_capacity(subjects.len());
                let mut statuses = Vec::with_capacity(subjects.len());
                for (i, (s, status)) in subjects.into_iter().enumerate() {
                    invs.push(read(s).map_err(|e| e.under(&Path::root().index(i)))?);
                    statuses.push(status);
                }
                let entries: Vec<Entry<'_>> = invs
                    .iter()
                    .zip(&statuses)
                    .map(|(invoice, status)| Entry {
                        invoice,
                        status: status.as_deref(),
                    })
                    .collect();
                core_stats::compute(&entries, &opts)
            })
            .map_err(Fail::Core)
            .or_raise(py)?;
        Ok(Stats { s })
    })
}

/// Fills `invoice_core._native.stats`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Stats>()?;
    m.add_function(wrap_pyfunction!(stats, m)?)?;
    Ok(())
}
