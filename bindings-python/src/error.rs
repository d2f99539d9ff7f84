//! Error mapping (错误映射): every core [`Error`] becomes an `InvoiceError`, and nothing else
//! reaches Python from this module.
//!
//! `InvoiceError` subclasses `ValueError` and carries the core error as data:
//!
//! | attribute | Python type | from the core |
//! |---|---|---|
//! | `code` | `str` | [`Error::code`] (`"MNY-02"`) |
//! | `path` | `list[str \| int]` | [`Error::path`] as keys and indexes (`["lines", 2, "tax"]`) |
//! | `message` | `str` | [`Error::message`], English |
//! | `message_zh` | `str` | [`Error::message_zh`], Chinese |
//! | `params` | `dict[str, str]` | [`Error::params`] |
//! | `severity` | `str` | `"error"` or `"warning"` |
//!
//! `str(e)` is the core's one-line `Display` (`[MNY-02] 12.345 has more than 2 decimal places`,
//! with the dotted path after the code when there is one).
//!
//! A Rust panic never leaves this crate as a panic: [`guard`] wraps every exported function in
//! `catch_unwind` and turns a panic into `InvoiceError` `INP-99`. (pyo3 would raise its
//! `PanicException`, which derives from `BaseException` and so escapes `except Exception`.)

use std::panic::{AssertUnwindSafe, catch_unwind};

use invoice_core::Error;
use invoice_core::error::INP_INTERNAL;
use invoice_core::error::Segment;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

pyo3::create_exception!(
    invoice_core,
    InvoiceError,
    PyValueError,
    "An invoice-core error or finding (a ValueError).\n\n\
     Attributes: code (stable rule code such as 'MNY-02'), path (list of keys and indexes to the \
     offending field, [] for the input as a whole), message (English), message_zh (Chinese), \
     params (dict of the rule's named values), severity ('error' or 'warning').\n\
     str(e) is one English line: '[CODE] path: message'."
);

/// The `InvoiceError` for a core error, with every attribute set.
pub fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    match build(py, e) {
        Ok(err) => err,
        // Setting attributes on a fresh exception can only fail on memory exhaustion; that
        // failure is itself a Python exception and is raised as is.
        Err(other) => other,
    }
}

fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let err = InvoiceError::new_err(e.to_string());
    let value = err.value(py);
    value.setattr("code", e.code())?;
    value.setattr("path", path_list(py, e)?)?;
    value.setattr("message", e.message())?;
    value.setattr("message_zh", e.message_zh())?;
    let params = PyDict::new(py);
    for (name, v) in e.params() {
        params.set_item(*name, v)?;
    }
    value.setattr("params", params)?;
    value.setattr("severity", e.severity().as_str())?;
    Ok(err)
}

/// The path as a Python list of `str` keys and `int` indexes, as the core serialises it.
pub fn path_list<'py>(py: Python<'py>, e: &Error) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for seg in e.path().segments() {
        match seg {
            Segment::Key(k) => list.append(k.as_ref())?,
            Segment::Index(i) => list.append(*i)?,
        }
    }
    Ok(list)
}

/// A failed conversion or call: a core error (raised as `InvoiceError`), or a Python exception
/// raised while reading an argument, passed on as is.
pub enum Fail {
    /// A coded core error.
    Core(Error),
    /// A Python exception.
    Py(PyErr),
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Core(e)
    }
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Self {
        Fail::Py(e)
    }
}

impl Fail {
    /// The same failure placed under `prefix` (a core error's path is prefixed).
    pub fn under(self, prefix: &invoice_core::Path) -> Self {
        match self {
            Fail::Core(e) => Fail::Core(e.under(prefix)),
            other => other,
        }
    }
}

/// Core results into Python results.
pub trait OrRaise<T> {
    /// The value, or the error as a Python exception (`InvoiceError` for core errors).
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, &e))
    }
}

impl<T> OrRaise<T> for Result<T, Fail> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|f| match f {
            Fail::Core(e) => to_py(py, &e),
            Fail::Py(e) => e,
        })
    }
}

/// Runs one exported function body; a panic becomes `InvoiceError` `INP-99` instead of a
/// crash or a `BaseException`.
pub fn guard<T>(py: Python<'_>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a Rust panic".to_string());
            Err(to_py(py, &Error::new(INP_INTERNAL).with("reason", reason)))
        }
    }
}

/// Registers the exception on the top-level module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InvoiceError", m.py().get_type::<InvoiceError>())
}
