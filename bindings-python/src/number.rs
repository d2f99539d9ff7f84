//! Invoice codes and numbers (发票代码, 发票号码): `invoice_core.parse_invoice_code`,
//! `parse_invoice_number` and `pad_invoice_number` (see `invoice_core::number`).

use invoice_core::number::{CodeOptions, InvoiceCode, InvoiceNumber, NumberOptions, pad_number};
use invoice_core::options::Keys;
use pyo3::prelude::*;

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};

/// The submodule's docstring.
pub const DOC: &str = "Invoice codes (发票代码: 10-digit legacy, 12-digit VAT, blockchain and \
local forms) and invoice numbers (发票号码: 8-digit legacy, 20-digit 数电), decoded into dicts. \
Errors NUM-01..NUM-14. Re-exported at the top level of invoice_core.";

/// Decodes an invoice code (发票代码) into a dict: code, format ('legacy10', 'vat12',
/// 'blockchain', 'local'), kind (a kind name or None), region ({code, matched, zh, en,
/// separately_planned, exact}), year, and the fields of its format (legacy10: batch, kind_digit,
/// copies, amount_version; vat12: batch, suffix, variant; blockchain: industry, category, batch,
/// copies, amount_flag).
///
/// max_year (the caller's current year; None checks no upper bound), min_year_10 and
/// min_year_12 bound the plausible years (defaults 2000 and 2012).
///
/// Raises InvoiceError: NUM-01..NUM-07 for codes that do not parse; INP-02 bad argument types.
#[pyfunction]
#[pyo3(signature = (code, *, max_year=None, min_year_10=None, min_year_12=None))]
fn parse_invoice_code<'py>(
    py: Python<'py>,
    code: &Bound<'py, PyAny>,
    max_year: Option<&Bound<'py, PyAny>>,
    min_year_10: Option<&Bound<'py, PyAny>>,
    min_year_12: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (code, opts) = (|| -> Conv<_> {
            let code = convert::text(code, "an invoice code (str)")?;
            let v = convert::options(&[
                ("max_year", max_year),
                ("min_year_10", min_year_10),
                ("min_year_12", min_year_12),
            ])?;
            let opts = CodeOptions::read(&v, Keys::Snake)?;
            Ok((code, opts))
        })()
        .or_raise(py)?;
        let parsed = InvoiceCode::parse_with(&code, &opts).or_raise(py)?;
        let v = serde_json::to_value(parsed).unwrap_or(serde_json::Value::Null);
        convert::value_out(py, &v)
    })
}

/// Decodes an invoice number (发票号码) into a dict: {number, format: 'legacy8'} or {number,
/// format: 'digital20', year, region: {code, zh, en, known}, channel, sequence}.
///
/// max_year (None checks no upper bound) and min_year (default 2021) bound a 数电 number's year.
///
/// Raises InvoiceError: NUM- codes for numbers that do not parse; INP-02 bad argument types.
#[pyfunction]
#[pyo3(signature = (number, *, max_year=None, min_year=None))]
fn parse_invoice_number<'py>(
    py: Python<'py>,
    number: &Bound<'py, PyAny>,
    max_year: Option<&Bound<'py, PyAny>>,
    min_year: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (number, opts) = (|| -> Conv<_> {
            let number = convert::text(number, "an invoice number (str)")?;
            let v = convert::options(&[("max_year", max_year), ("min_year", min_year)])?;
            let opts = NumberOptions::read(&v, Keys::Snake)?;
            Ok((number, opts))
        })()
        .or_raise(py)?;
        let parsed = InvoiceNumber::parse_with(&number, &opts).or_raise(py)?;
        let v = serde_json::to_value(parsed).unwrap_or(serde_json::Value::Null);
        convert::value_out(py, &v)
    })
}

/// A legacy invoice number of 1 to 8 ASCII digits left-padded with zeros to 8 ('358032' gives
/// '00358032').
///
/// Raises InvoiceError: NUM- codes for anything else; INP-02 not a str.
#[pyfunction]
fn pad_invoice_number(py: Python<'_>, number: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let s = convert::text(number, "an invoice number (str)").or_raise(py)?;
        pad_number(&s).or_raise(py)
    })
}

/// Fills `invoice_core._native.number`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_invoice_code, m)?)?;
    m.add_function(wrap_pyfunction!(parse_invoice_number, m)?)?;
    m.add_function(wrap_pyfunction!(pad_invoice_number, m)?)?;
    Ok(())
}
