//! Findings and reports (校验结果) in Python: `invoice_core.Finding` (one coded problem, as the
//! core's [`Error`]) and `invoice_core.Report` (what `validate()` returns).
//!
//! Both are frozen (immutable) classes holding the core values; their attributes are computed on
//! access. A report never raises by itself: `report.raise_for_errors()` turns its first error
//! into an `InvoiceError`.

use invoice_core::Error;
use invoice_core::validate::Report as CoreReport;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::error::{path_list, to_py};

fn params_dict<'py>(py: Python<'py>, e: &Error) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (name, v) in e.params() {
        d.set_item(*name, v)?;
    }
    Ok(d)
}

/// One finding of a validation or an identifier check: a coded problem with its field path,
/// severity, English and Chinese messages and named params (the same data as an InvoiceError,
/// without raising it).
#[pyclass(frozen, module = "invoice_core")]
pub struct Finding {
    err: Error,
}

impl Finding {
    /// Wraps a core error.
    pub fn new(err: Error) -> Self {
        Finding { err }
    }
}

#[pymethods]
impl Finding {
    /// Stable rule code, e.g. 'CAL-01' (see rules()).
    #[getter]
    fn code(&self) -> &'static str {
        self.err.code()
    }

    /// Keys and list indexes to the field, e.g. ['lines', 0, 'amount']; [] for the whole input.
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        path_list(py, &self.err)
    }

    /// The path as the core writes it: 'lines[0].amount' ('' for the whole input).
    #[getter]
    fn location(&self) -> String {
        self.err.path().to_string()
    }

    /// 'error' or 'warning'.
    #[getter]
    fn severity(&self) -> &'static str {
        self.err.severity().as_str()
    }

    /// The English message (without code and path).
    #[getter]
    fn message(&self) -> String {
        self.err.message()
    }

    /// The Chinese message (without code and path).
    #[getter]
    fn message_zh(&self) -> String {
        self.err.message_zh()
    }

    /// The rule's named values, as text.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        params_dict(py, &self.err)
    }

    /// The finding as an InvoiceError instance (not raised).
    fn to_error<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        to_py(py, &self.err)
            .into_value(py)
            .into_bound(py)
            .into_any()
    }

    /// The finding as a plain dict: code, path (list), location, severity, message, message_zh,
    /// params.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code())?;
        d.set_item("path", self.path(py)?)?;
        d.set_item("location", self.location())?;
        d.set_item("severity", self.severity())?;
        d.set_item("message", self.message())?;
        d.set_item("message_zh", self.message_zh())?;
        d.set_item("params", self.params(py)?)?;
        Ok(d)
    }

    fn __str__(&self) -> String {
        self.err.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Finding {} {} at {:?}: {}>",
            self.err.code(),
            self.err.severity().as_str(),
            self.err.path().to_string(),
            self.err.message()
        )
    }
}

/// The findings as a Python list of Finding.
pub fn finding_list<'py>(py: Python<'py>, errs: Vec<Error>) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for e in errs {
        list.append(Bound::new(py, Finding::new(e))?)?;
    }
    Ok(list)
}

/// The result of validate(): every finding, in the validator's stable order (header, parties,
/// lines, arithmetic, red-letter, special business). valid is True when no finding is an error
/// (warnings do not make an invoice invalid).
#[pyclass(frozen, module = "invoice_core")]
pub struct Report {
    report: CoreReport,
}

impl Report {
    /// Wraps a core report.
    pub fn new(report: CoreReport) -> Self {
        Report { report }
    }

    /// The core report.
    pub(crate) fn core(&self) -> &CoreReport {
        &self.report
    }
}

#[pymethods]
impl Report {
    /// True when no finding has severity 'error'.
    #[getter]
    fn valid(&self) -> bool {
        self.report.is_valid()
    }

    /// Every finding (errors and warnings), in order.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        finding_list(py, self.report.findings.clone())
    }

    /// The findings with severity 'error'.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        finding_list(py, self.report.errors().cloned().collect())
    }

    /// The findings with severity 'warning'.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        finding_list(py, self.report.warnings().cloned().collect())
    }

    /// The codes of the findings, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.report.codes()
    }

    /// Raises the first error finding as an InvoiceError (with code, path, messages, params);
    /// does nothing when the report is valid. Warnings never raise.
    fn raise_for_errors(&self, py: Python<'_>) -> PyResult<()> {
        match self.report.errors().next() {
            Some(e) => Err(to_py(py, e)),
            None => Ok(()),
        }
    }

    /// The report as a plain dict: {'valid': bool, 'findings': [finding dicts]}.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("valid", self.valid())?;
        let list = PyList::empty(py);
        for e in &self.report.findings {
            list.append(Finding::new(e.clone()).to_dict(py)?)?;
        }
        d.set_item("findings", list)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Report valid={} findings=[{}]>",
            if self.report.is_valid() {
                "True"
            } else {
                "False"
            },
            self.report.codes().join(", ")
        )
    }
}

/// Adds Finding and Report to the top-level module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Finding>()?;
    m.add_class::<Report>()?;
    Ok(())
}
