//! The rule catalogue (规则目录) in Python: `invoice_core.rules()` and `invoice_core.rule(code)`.

use invoice_core::Rule;
use invoice_core::catalog;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert;
use crate::error::{OrRaise, guard};

fn rule_dict<'py>(py: Python<'py>, r: &Rule) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", r.code)?;
    d.set_item("severity", r.severity.as_str())?;
    d.set_item("en", r.en)?;
    d.set_item("zh", r.zh)?;
    Ok(d)
}

/// Every rule the library can report, family by family, as dicts with 'code' (stable, never
/// reused), 'severity' ('error' or 'warning'), 'en' and 'zh' (message templates with {param}
/// placeholders, the same in both).
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    guard(py, || catalog::all().map(|r| rule_dict(py, r)).collect())
}

/// The rule with this code as a dict like those of rules(), or None when no rule has it.
///
/// Raises InvoiceError INP-02 when code is not a str.
#[pyfunction]
fn rule<'py>(py: Python<'py>, code: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyDict>>> {
    guard(py, || {
        let code = convert::text(code, "a rule code (str)").or_raise(py)?;
        catalog::lookup(&code).map(|r| rule_dict(py, r)).transpose()
    })
}

/// Adds `rules` and `rule` to the top-level module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(rule, m)?)?;
    Ok(())
}
