//! `invoice_core._native._testing`: private hooks for the binding's own tests, not API. They
//! reach the conversions that no public function uses yet (dates, JSON-like values) and make a
//! panic on purpose, so the tests can show it arrives as `InvoiceError` `INP-99`.

use pyo3::prelude::*;

use crate::convert;
use crate::error::{OrRaise, guard};

/// The submodule's docstring.
pub const DOC: &str = "Private test hooks of the binding; not API.";

/// Panics inside a guarded function (must raise InvoiceError INP-99).
#[pyfunction]
fn panic(py: Python<'_>) -> PyResult<()> {
    guard(py, || -> PyResult<()> {
        panic!("deliberate panic from invoice_core._native._testing.panic")
    })
}

/// The date converter both ways.
#[pyfunction]
fn date<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let d = convert::date_in(value).or_raise(py)?;
        convert::date_out(py, d)
    })
}

/// The datetime converter both ways.
#[pyfunction]
fn datetime<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let t = convert::datetime_in(value).or_raise(py)?;
        convert::datetime_out(py, t)
    })
}

/// The JSON-like value converter both ways.
#[pyfunction]
fn value<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let v = convert::value_in(value).or_raise(py)?;
        convert::value_out(py, &v)
    })
}

/// Converts a JSON-like value as model input is converted (floats kept) and drops it: the
/// binding's conversion cost alone, for the benchmark.
#[pyfunction]
fn json_in(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<()> {
    guard(py, || convert::json_in(value).map(drop).or_raise(py))
}

/// The text a money argument is handed to the core as.
#[pyfunction]
fn money_text(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || convert::money_text(value).or_raise(py))
}

/// Fills `invoice_core._native._testing`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(panic, m)?)?;
    m.add_function(wrap_pyfunction!(date, m)?)?;
    m.add_function(wrap_pyfunction!(datetime, m)?)?;
    m.add_function(wrap_pyfunction!(value, m)?)?;
    m.add_function(wrap_pyfunction!(money_text, m)?)?;
    m.add_function(wrap_pyfunction!(json_in, m)?)?;
    Ok(())
}
