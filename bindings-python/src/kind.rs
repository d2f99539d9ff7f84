//! `invoice_core.kind`: invoice kinds (发票种类) and their code tables (see
//! `invoice_core::number::Kind`). Kinds are their snake_case names in Python (`"special_paper"`).

use invoice_core::number::{InvoiceCode, Kind, check_qr_kind, kind_from_code, refine_qr_kind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert;
use crate::error::{OrRaise, guard};

/// The submodule's docstring.
pub const DOC: &str = "Invoice kinds (发票种类) and the three code systems that name them: the QR \
payload's kind field, the verification platform's fplx (查验) and the 税控 fpzl. A kind is its \
snake_case name ('special_paper', 'digital_ordinary'). A raw two-digit code is never a kind by \
itself: '32' is a 数电 ordinary invoice in a QR payload and nothing in fplx.";

pub(crate) fn kind_arg(value: &Bound<'_, PyAny>) -> Result<Kind, crate::error::Fail> {
    let name = convert::text(value, "a kind name (str)")?;
    Ok(Kind::parse_name(&name)?)
}

/// The names of every kind, in the core's order.
#[pyfunction]
fn names(py: Python<'_>) -> PyResult<Vec<&'static str>> {
    guard(py, || Ok(Kind::ALL.iter().map(|k| k.name()).collect()))
}

/// The static facts of a kind as a dict: name, zh, en (names), paper, special, deductible,
/// digital (bools), qr, fplx, fpzl (its code in each system, or None where it has none).
///
/// Raises InvoiceError: INP-05 an unknown name, INP-02 not a str.
#[pyfunction]
fn facts<'py>(py: Python<'py>, name: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    guard(py, || {
        let k = kind_arg(name).or_raise(py)?;
        let d = PyDict::new(py);
        d.set_item("name", k.name())?;
        d.set_item("zh", k.name_zh())?;
        d.set_item("en", k.name_en())?;
        d.set_item("paper", k.is_paper())?;
        d.set_item("special", k.is_special())?;
        d.set_item("deductible", k.is_deductible())?;
        d.set_item("digital", k.is_digital())?;
        d.set_item("qr", k.qr_code())?;
        d.set_item("fplx", k.verify_code())?;
        d.set_item("fpzl", k.tax_control_code())?;
        Ok(d)
    })
}

fn lookup(
    py: Python<'_>,
    code: &Bound<'_, PyAny>,
    find: fn(&str) -> Option<Kind>,
) -> PyResult<Option<&'static str>> {
    guard(py, || {
        let code = convert::text(code, "a kind code (str)").or_raise(py)?;
        Ok(find(&code).map(Kind::name))
    })
}

/// The kind a QR payload's kind field names ('01' special_paper, '31' digital_special, ...), or
/// None for a code the table does not have.
///
/// Raises InvoiceError INP-02 when code is not a str.
#[pyfunction]
fn from_qr(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    lookup(py, code, Kind::from_qr_code)
}

/// The kind a verification platform code (fplx, 查验发票种类代码) names ('81' digital_special),
/// or None.
///
/// Raises InvoiceError INP-02 when code is not a str.
#[pyfunction]
fn from_verify(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    lookup(py, code, Kind::from_verify_code)
}

/// The kind a 税控 / Aisino code (fpzl) names ('0' special_paper, '51' electronic_ordinary), or
/// None.
///
/// Raises InvoiceError INP-02 when code is not a str.
#[pyfunction]
fn from_tax_control(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    lookup(py, code, Kind::from_tax_control_code)
}

/// The kind an invoice code (发票代码) names, or None when it does not parse or names none (local
/// codes).
///
/// Raises InvoiceError INP-02 when code is not a str.
#[pyfunction]
fn from_code(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    lookup(py, code, kind_from_code)
}

fn qr_and_code(
    qr_kind: &Bound<'_, PyAny>,
    code: &Bound<'_, PyAny>,
) -> Result<(Kind, InvoiceCode), crate::error::Fail> {
    let kind = kind_arg(qr_kind)?;
    let code = convert::text(code, "an invoice code (str)")?;
    Ok((kind, InvoiceCode::parse(&code)?))
}

/// The kind of an invoice given a QR payload's kind (a kind name) and its invoice code: the
/// code's kind when it names one, else qr_kind (never a conflict error; see check_qr).
///
/// Raises InvoiceError: INP-05 unknown kind name, NUM- codes for a code that does not parse,
/// INP-02 bad argument types.
#[pyfunction]
fn refine_qr(
    py: Python<'_>,
    qr_kind: &Bound<'_, PyAny>,
    code: &Bound<'_, PyAny>,
) -> PyResult<&'static str> {
    guard(py, || {
        let (k, c) = qr_and_code(qr_kind, code).or_raise(py)?;
        Ok(refine_qr_kind(k, &c).name())
    })
}

/// As refine_qr, but a QR kind that contradicts the code's kind is an error.
///
/// Raises InvoiceError: NUM-14 the QR kind contradicts the code; as refine_qr otherwise.
#[pyfunction]
fn check_qr(
    py: Python<'_>,
    qr_kind: &Bound<'_, PyAny>,
    code: &Bound<'_, PyAny>,
) -> PyResult<&'static str> {
    guard(py, || {
        let (k, c) = qr_and_code(qr_kind, code).or_raise(py)?;
        check_qr_kind(k, &c).map(Kind::name).or_raise(py)
    })
}

/// Fills `invoice_core.kind`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(names, m)?)?;
    m.add_function(wrap_pyfunction!(facts, m)?)?;
    m.add_function(wrap_pyfunction!(from_qr, m)?)?;
    m.add_function(wrap_pyfunction!(from_verify, m)?)?;
    m.add_function(wrap_pyfunction!(from_tax_control, m)?)?;
    m.add_function(wrap_pyfunction!(from_code, m)?)?;
    m.add_function(wrap_pyfunction!(refine_qr, m)?)?;
    m.add_function(wrap_pyfunction!(check_qr, m)?)?;
    Ok(())
}
