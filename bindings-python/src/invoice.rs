//! The invoice in Python: `invoice_core.Invoice` (the model, 发票), `compute` (金额、税额、合计),
//! `validate`, `is_valid` and `validate_many` (校验), see `invoice_core::model`,
//! `invoice_core::tax::compute` and `invoice_core::validate`.
//!
//! An invoice argument is an `Invoice` or a JSON-like `dict` in the shape of the core's JSON
//! (money as `str`, `Decimal` or `int`; dates as `datetime.date` or `"YYYY-MM-DD"`). The dict is
//! handed to the core's reader as JSON, floats included, so the core's own codes and paths
//! decide every problem (a float amount is `INP-01` at `lines[0].amount`).

use chrono::NaiveDate;
use invoice_core::Error;
use invoice_core::model::Invoice as CoreInvoice;
use invoice_core::money::Amount;
use invoice_core::options::Keys;
use invoice_core::tax::{self, Computed as CoreComputed, Options};
use invoice_core::validate::{self as core_validate, Context, Report as CoreReport};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::Value;

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};
use crate::findings::Report;
use crate::source;

/// The submodule's docstring.
pub const DOC: &str = "The invoice model (Invoice), computation (compute: 价税分离, line taxes, \
totals, 大写) and validation (validate, is_valid, validate_many returning Report objects). \
Re-exported at the top level of invoice_core.";

/// An invoice (发票): kind, code and number, dates, seller and buyer, lines, totals, red-letter
/// reference, special business. Build it with Invoice.from_dict / Invoice.from_json (or
/// Invoice(data)); read it back with to_dict / to_json (the core's JSON form, money as str) or
/// through the attributes (money as Decimal, dates as datetime.date).
///
/// Raises InvoiceError for data the core's reader refuses: the first problem, with its code and
/// path (MDL-01 unknown field, INP-04 missing, INP-01 a float amount, MNY- bad money, ...). Use
/// validate() to see every problem at once.
#[pyclass(frozen, eq, module = "invoice_core")]
#[derive(PartialEq)]
pub struct Invoice {
    inv: CoreInvoice,
}

/// The invoice of an argument: an `Invoice`, or a JSON-like value read by the core.
pub(crate) fn invoice_arg(obj: &Bound<'_, PyAny>) -> Conv<CoreInvoice> {
    if let Ok(i) = obj.cast::<Invoice>() {
        return Ok(i.get().inv.clone());
    }
    Ok(source::read(obj, |n| CoreInvoice::from_source(n))??)
}

fn money_opt(py: Python<'_>, a: Option<Amount>) -> PyResult<Option<Bound<'_, PyAny>>> {
    a.map(|a| convert::decimal_out(py, a.value())).transpose()
}

fn json_of<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

impl Invoice {
    /// The core invoice.
    pub(crate) fn core(&self) -> &CoreInvoice {
        &self.inv
    }

    /// Wraps a core invoice.
    pub(crate) fn from_core(inv: CoreInvoice) -> Invoice {
        Invoice { inv }
    }
}

#[pymethods]
impl Invoice {
    /// Invoice(data): the same as Invoice.from_dict(data).
    #[new]
    fn py_new(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::from_dict(py, data)
    }

    /// Reads an invoice from a dict in the core's JSON shape (money as str, Decimal or int;
    /// dates as datetime.date or 'YYYY-MM-DD'). An Invoice is returned as a copy.
    ///
    /// Raises InvoiceError: the first problem the reader finds, with its path.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            Ok(Invoice {
                inv: invoice_arg(data).or_raise(py)?,
            })
        })
    }

    /// Reads an invoice from JSON text.
    ///
    /// Raises InvoiceError: INP-03 not JSON; INP-07 at the string for a lone surrogate (a str
    /// holding one, or a \ud800 escape in the text, as from_dict and every other route);
    /// otherwise as from_dict; INP-02 not a str.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let s = convert::text(text, "JSON text (str)").or_raise(py)?;
            Ok(Invoice {
                inv: CoreInvoice::from_json(&s).or_raise(py)?,
            })
        })
    }

    /// The invoice as a plain dict in the core's JSON shape (money and dates as str); from_dict
    /// reads it back to an equal Invoice.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::value_out(py, &self.inv.to_value()))
    }

    /// The invoice as JSON text (compact, money as strings).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(self.inv.to_json()))
    }

    /// The kind name ('digital_ordinary', 'special_paper', ...; see invoice_core.kind).
    #[getter]
    fn kind(&self) -> &'static str {
        self.inv.kind.name()
    }

    /// The invoice code (发票代码), or None (数电 invoices have none).
    #[getter]
    fn code(&self) -> Option<String> {
        self.inv.code.clone()
    }

    /// The invoice number (发票号码).
    #[getter]
    fn number(&self) -> String {
        self.inv.number.clone()
    }

    /// The issue date (开票日期).
    #[getter]
    fn issue_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::date_out(py, self.inv.issue_date)
    }

    /// The seller (销售方) as a dict in the JSON shape.
    #[getter]
    fn seller<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::value_out(py, &json_of(&self.inv.seller))
    }

    /// The buyer (购买方) as a dict in the JSON shape.
    #[getter]
    fn buyer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::value_out(py, &json_of(&self.inv.buyer))
    }

    /// The lines (明细) as dicts in the JSON shape (money as str).
    #[getter]
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::value_out(py, &json_of(&self.inv.lines))
    }

    /// 合计金额 (the declared or computed total amount, tax excluded), or None without totals.
    #[getter]
    fn amount<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        money_opt(py, self.inv.totals.as_ref().map(|t| t.amount))
    }

    /// 合计税额, or None without totals.
    #[getter]
    fn tax<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        money_opt(py, self.inv.totals.as_ref().map(|t| t.tax))
    }

    /// 价税合计 (total including tax), or None without totals.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        money_opt(py, self.inv.totals.as_ref().map(|t| t.total))
    }

    /// 价税合计（大写）, or None.
    #[getter]
    fn total_in_words(&self) -> Option<String> {
        self.inv
            .totals
            .as_ref()
            .and_then(|t| t.total_in_words.clone())
    }

    /// The 差额征税 deduction (扣除额), or None.
    #[getter]
    fn deduction<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        money_opt(py, self.inv.deduction)
    }

    /// True for a red-letter (红字) invoice.
    #[getter]
    fn is_red(&self) -> bool {
        self.inv.is_red()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Invoice {} {} {} lines={}>",
            self.inv.kind.name(),
            self.inv.number,
            self.inv.issue_date,
            self.inv.lines.len()
        )
    }
}

/// The result of compute(): the invoice with every line's amount, tax and unit price and the
/// totals (and 大写) filled in, the totals per rate, the accumulated tax difference, the lines
/// whose tax redistribution moved, and split advice.
#[pyclass(frozen, module = "invoice_core")]
pub struct Computed {
    c: CoreComputed,
}

#[pymethods]
impl Computed {
    /// The computed invoice.
    #[getter]
    fn invoice(&self) -> Invoice {
        Invoice {
            inv: self.c.invoice.clone(),
        }
    }

    /// Totals per rate, in order of first appearance: dicts {rate: str ('0.13', 'exempt', ...),
    /// amount: Decimal, tax: Decimal}.
    #[getter]
    fn per_rate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in &self.c.per_rate {
            let d = PyDict::new(py);
            d.set_item("rate", r.rate.to_string())?;
            d.set_item("amount", convert::decimal_out(py, r.amount.value())?)?;
            d.set_item("tax", convert::decimal_out(py, r.tax.value())?)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Σ (金额 × 税率 − 税额) over the lines, unrounded.
    #[getter]
    fn tax_difference<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::decimal_out(py, self.c.tax_difference)
    }

    /// Indexes of the lines whose tax moved by 0.01 through redistribution.
    #[getter]
    fn adjusted_lines(&self) -> Vec<usize> {
        self.c.adjusted_lines.clone()
    }

    /// None, or {starts: [line indexes starting each further invoice], difference: Decimal}
    /// when the accumulated difference exceeds the policy.
    #[getter]
    fn split<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.c
            .split
            .as_ref()
            .map(|s| {
                let d = PyDict::new(py);
                d.set_item("starts", s.starts.clone())?;
                d.set_item("difference", convert::decimal_out(py, s.difference)?)?;
                Ok(d)
            })
            .transpose()
    }

    /// Everything as a plain dict in the core's JSON shape (money as str): invoice, per_rate,
    /// tax_difference, adjusted_lines, split.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::value_out(py, &json_of(&self.c)))
    }

    fn __repr__(&self) -> String {
        let t = self.c.invoice.totals.as_ref();
        format!(
            "<Computed total={} tax={} lines={}>",
            t.map(|t| t.total.to_string()).unwrap_or_default(),
            t.map(|t| t.tax.to_string()).unwrap_or_default(),
            self.c.invoice.lines.len()
        )
    }
}

/// The validation context of the keyword arguments, read by the core's one reader
/// (`Context::read`, snake_case keys). C's Arrow API calls it too.
pub(crate) fn context_arg(
    as_of: &Bound<'_, PyAny>,
    seller_category: Option<&Bound<'_, PyAny>>,
    issuing_limit: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyAny>>,
    not_carried: Option<&Bound<'_, PyAny>>,
) -> Conv<Context> {
    // The common call gives a day and nothing else: its one value is read by the core's reader
    // straight from the argument. A `str` or `date` reads the same either way; the other
    // arguments, and other values (a nested dict is walked by the JSON route), take the JSON
    // route, so every code and path stays what it was.
    if seller_category.is_none()
        && issuing_limit.is_none()
        && policy.is_none()
        && not_carried.is_none()
        && (as_of.is_instance_of::<PyString>() || convert::is_date(as_of)?)
    {
        // A day that reads is the whole context: what `Context::read` makes of `{as_of}` alone
        // (`Context::new`: the default policy, nothing else known), without opening an options
        // object. A value that does not read goes to the reader for its code and path.
        if let Some(day) = plain_day(as_of) {
            return Ok(Context::new(day));
        }
        let args = [
            ("as_of", Some(as_of)),
            ("seller_category", None),
            ("issuing_limit", None),
            ("policy", None),
            ("not_carried", None),
        ];
        return Ok(source::read_args(as_of.py(), &args, |a| {
            Context::read(a, Keys::Snake)
        })??);
    }
    let not_carried = convert::name_list(not_carried)?;
    let v = convert::options(&[
        ("as_of", Some(as_of)),
        ("seller_category", seller_category),
        ("issuing_limit", issuing_limit),
        ("policy", policy),
        ("not_carried", not_carried.as_ref()),
    ])?;
    Ok(Context::read(&v, Keys::Snake)?)
}

/// The day of an `as_of` that is a `str` or exactly a `date`, when it reads (the core's strict
/// `YYYY-MM-DD`, as `Context::read` reads text; a `date`'s fields).
fn plain_day(as_of: &Bound<'_, PyAny>) -> Option<NaiveDate> {
    match as_of.cast::<PyString>() {
        Ok(s) => invoice_core::dates::parse_day(s.to_str().ok()?),
        Err(_) => convert::exact_date(as_of).ok(),
    }
}

/// What a validation reads from one invoice argument, under the GIL.
enum Subject {
    /// An `Invoice` object: frozen, so validated in place, without the GIL and without a copy.
    Model(Py<Invoice>),
    /// A dict the core's reader read.
    Read(Box<CoreInvoice>),
    /// What the core's reader found wrong with a dict: the report's findings.
    Unreadable(Vec<Error>),
}

fn subject(obj: &Bound<'_, PyAny>) -> PyResult<Subject> {
    if let Ok(i) = obj.cast::<Invoice>() {
        return Ok(Subject::Model(i.clone().unbind()));
    }
    Ok(
        match source::read(obj, |n| CoreInvoice::from_source_all(n))? {
            Ok(inv) => Subject::Read(Box::new(inv)),
            Err(errors) => Subject::Unreadable(errors),
        },
    )
}

fn judge(s: &Subject, ctx: &Context) -> CoreReport {
    match s {
        Subject::Model(inv) => core_validate::validate(&inv.get().inv, ctx),
        Subject::Read(inv) => core_validate::validate(inv, ctx),
        Subject::Unreadable(errors) => CoreReport::from_errors(errors.clone()),
    }
}

/// Computes an invoice: line amounts (from quantity × unit price where missing), taxes, unit
/// prices, totals and the 大写 of the total. With prices_include_tax=True, line amounts and
/// prices include tax and are split (价税分离); with redistribute=True, 0.01 of tax moves between
/// lines to keep the accumulated difference within the policy. invoice is an Invoice or a dict.
///
/// Raises InvoiceError: the reader's codes for a bad dict; CAL-01 a line without amount or
/// quantity × price, CAL-10, CAL-11, CAL-12, MNY- codes; each at its path.
#[pyfunction]
#[pyo3(
    signature = (invoice, prices_include_tax=None, redistribute=None, *, policy=None),
    text_signature = "(invoice, prices_include_tax=False, redistribute=False, *, policy=None)"
)]
fn compute(
    py: Python<'_>,
    invoice: &Bound<'_, PyAny>,
    prices_include_tax: Option<&Bound<'_, PyAny>>,
    redistribute: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Computed> {
    guard(py, || {
        let (inv, options) = (|| -> Conv<_> {
            let v = convert::options(&[
                ("prices_include_tax", prices_include_tax),
                ("redistribute", redistribute),
                ("policy", policy),
            ])?;
            let options = Options::read(&v, Keys::Snake)?;
            Ok((invoice_arg(invoice)?, options))
        })()
        .or_raise(py)?;
        let c = tax::compute(&inv, &options).or_raise(py)?;
        Ok(Computed { c })
    })
}

/// Validates an invoice (an Invoice or a dict) against every rule and returns a Report with all
/// findings; it does not raise for anything wrong with the invoice (a dict the reader refuses
/// gives its reading problems as findings). as_of is the day to judge against (datetime.date or
/// 'YYYY-MM-DD'); seller_category 'general' or 'small_scale' when known; issuing_limit the
/// seller's single-invoice limit (money); policy a dict overriding quantity_price_tolerance,
/// line_tax_tolerance, invoice_tax_tolerance, paper_line_limit; not_carried the fields the
/// invoice's source format does not carry ('code', 'check_code', 'kind', 'buyer_tax_id',
/// 'buyer_contact', 'seller_contact', 'lines', 'tax_codes', 'total_in_words', 'clerks',
/// 'remarks'), whose absence is then not a finding.
///
/// Raises InvoiceError only for a bad context: INP-02 bad types, INP-05 an unknown category,
/// field name or policy key, MNY- codes for a bad limit or tolerance.
#[pyfunction]
#[pyo3(signature = (invoice, as_of, seller_category=None, issuing_limit=None, policy=None, not_carried=None))]
fn validate<'py>(
    py: Python<'py>,
    invoice: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    seller_category: Option<&Bound<'py, PyAny>>,
    issuing_limit: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    not_carried: Option<&Bound<'py, PyAny>>,
) -> PyResult<Report> {
    guard(py, || {
        let ctx =
            context_arg(as_of, seller_category, issuing_limit, policy, not_carried).or_raise(py)?;
        let s = subject(invoice)?;
        Ok(Report::new(judge(&s, &ctx)))
    })
}

/// True when validate() would find no error (warnings allowed). False for anything that is not
/// a readable invoice.
///
/// Raises InvoiceError only for a bad context (as validate()).
#[pyfunction]
#[pyo3(signature = (invoice, as_of, seller_category=None, issuing_limit=None, policy=None, not_carried=None))]
fn is_valid(
    py: Python<'_>,
    invoice: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    seller_category: Option<&Bound<'_, PyAny>>,
    issuing_limit: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyAny>>,
    not_carried: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    guard(py, || {
        let ctx =
            context_arg(as_of, seller_category, issuing_limit, policy, not_carried).or_raise(py)?;
        let s = subject(invoice)?;
        Ok(judge(&s, &ctx).is_valid())
    })
}

/// Validates many invoices (any iterable of Invoice objects and dicts) under one context and
/// returns their Reports in input order. The invoices are read under the GIL, then validated
/// with the GIL released, so other Python threads run meanwhile.
///
/// Raises InvoiceError only for a bad context or when invoices is not iterable (INP-02).
#[pyfunction]
#[pyo3(signature = (invoices, as_of, seller_category=None, issuing_limit=None, policy=None, not_carried=None))]
fn validate_many(
    py: Python<'_>,
    invoices: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    seller_category: Option<&Bound<'_, PyAny>>,
    issuing_limit: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyAny>>,
    not_carried: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Report>> {
    guard(py, || {
        let ctx =
            context_arg(as_of, seller_category, issuing_limit, policy, not_carried).or_raise(py)?;
        let items =
            convert::items(invoices, "an iterable of invoices (Invoice or dict)").or_raise(py)?;
        let subjects = items
            .iter()
            .map(|o| subject(o))
            .collect::<PyResult<Vec<_>>>()?;
        let reports: Vec<CoreReport> =
            py.detach(|| subjects.iter().map(|s| judge(s, &ctx)).collect());
        Ok(reports.into_iter().map(Report::new).collect())
    })
}

/// The JSON Schema (draft 2020-12) of the invoice dict, as a dict.
#[pyfunction]
fn invoice_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || {
        convert::value_out(py, &invoice_core::model::json_schema())
    })
}

/// Fills `invoice_core._native.invoice`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Invoice>()?;
    m.add_class::<Computed>()?;
    m.add_function(wrap_pyfunction!(compute, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(is_valid, m)?)?;
    m.add_function(wrap_pyfunction!(validate_many, m)?)?;
    m.add_function(wrap_pyfunction!(invoice_schema, m)?)?;
    Ok(())
}
