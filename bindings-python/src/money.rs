//! `invoice_core.money`: amounts, prices, quantities, tax rates and half-up rounding over
//! `decimal.Decimal` (see `invoice_core::money`).

use invoice_core::Error;
use invoice_core::money::{self as core_money, Amount, Price, Quantity, TaxRate};
use pyo3::prelude::*;

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};

/// The submodule's docstring.
pub const DOC: &str = "Money (金额): amounts, unit prices, quantities and tax rates as exact \
decimal.Decimal values, and half-up rounding (四舍五入).\n\n\
Every function takes a Decimal, a str or an int; a float is refused with InvoiceError INP-01 \
(floats are not money: pass a Decimal or a string). Parsing is strict: digits with an optional \
'-' and '.', no '+', spaces, exponents in text, separators or full-width digits. Errors: MNY-01 \
not a number, MNY-02 too many decimals, MNY-03 out of range, MNY-04 rate outside [0, 1).";

fn parse<T>(value: &Bound<'_, PyAny>, parse: fn(&str) -> Result<T, Error>) -> Conv<T> {
    let text = convert::money_text(value)?;
    Ok(parse(&text)?)
}

/// An amount in yuan (金额): exactly two decimals, |x| < 10^16. Decimal('12.3') and '12.3' give
/// Decimal('12.30'); trailing zeros beyond fen are accepted ('1.2300').
///
/// Raises InvoiceError: MNY-01 not a number, MNY-02 more than 2 decimals, MNY-03 out of range,
/// INP-01 a float, INP-02 another type.
#[pyfunction]
fn amount<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let a = parse(value, Amount::parse).or_raise(py)?;
        convert::decimal_out(py, a.value())
    })
}

/// A unit price (单价): up to 8 decimals, |x| < 10^16, normalised ('3.50000000' gives
/// Decimal('3.5')).
///
/// Raises InvoiceError: MNY-01, MNY-02 more than 8 decimals, MNY-03, INP-01, INP-02.
#[pyfunction]
fn price<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let p = parse(value, Price::parse).or_raise(py)?;
        convert::decimal_out(py, p.value())
    })
}

/// A quantity (数量): up to 8 decimals, |x| < 10^16, normalised; negative on red invoices.
///
/// Raises InvoiceError: MNY-01, MNY-02 more than 8 decimals, MNY-03, INP-01, INP-02.
#[pyfunction]
fn quantity<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let q = parse(value, Quantity::parse).or_raise(py)?;
        convert::decimal_out(py, q.value())
    })
}

/// A tax rate or levy rate (税率 / 征收率) as a fraction: '0.13', '0.130000', '13%' and
/// Decimal('0.13') all give Decimal('0.13'). At most 6 decimals as a fraction, 0 <= r < 1.
///
/// Raises InvoiceError: MNY-01, MNY-02 more than 6 decimals, MNY-04 outside [0, 1), INP-01,
/// INP-02.
#[pyfunction]
fn rate<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let r = parse(value, TaxRate::parse).or_raise(py)?;
        convert::decimal_out(py, r.value())
    })
}

/// A tax rate in percentage form: '0.13' gives '13%', Decimal('0.015') gives '1.5%'. Accepts what
/// rate() accepts.
///
/// Raises InvoiceError: as rate().
#[pyfunction]
fn percent(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let r = parse(value, TaxRate::parse).or_raise(py)?;
        Ok(r.percent())
    })
}

/// Rounds to `places` decimals (0 to 28) half-up, midpoints away from zero (四舍五入), the tax
/// system's rule: 0.065 gives 0.07, -0.065 gives -0.07, 2.665 gives 2.67 (not banker's rounding).
///
/// Raises InvoiceError: MNY-01 not a number, MNY-02 more than 28 decimals, MNY-03 beyond the
/// 96-bit decimal range, INP-01 a float, INP-02 another type or places not an int in 0..=28.
#[pyfunction]
fn round_half_up<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    places: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (d, dp) = (|| -> Conv<_> {
            let d = convert::decimal_in(value)?;
            Ok((d, convert::places(places)?))
        })()
        .or_raise(py)?;
        convert::decimal_out(py, core_money::round_half_up(d, dp))
    })
}

/// Fills `invoice_core.money`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(amount, m)?)?;
    m.add_function(wrap_pyfunction!(price, m)?)?;
    m.add_function(wrap_pyfunction!(quantity, m)?)?;
    m.add_function(wrap_pyfunction!(rate, m)?)?;
    m.add_function(wrap_pyfunction!(percent, m)?)?;
    m.add_function(wrap_pyfunction!(round_half_up, m)?)?;
    Ok(())
}
