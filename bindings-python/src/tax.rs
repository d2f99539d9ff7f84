//! Tax arithmetic (税额计算): `invoice_core.split_tax` (价税分离), `split_with_deduction`
//! (差额征税), `line_tax` and `rates_in_force` (see `invoice_core::tax`).

use invoice_core::model::LineRate;
use invoice_core::money::{Amount, TaxRate};
use invoice_core::tax::{self, Split, TaxpayerCategory};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};

/// The submodule's docstring.
pub const DOC: &str = "Tax arithmetic: 价税分离 of a tax-inclusive amount, 差额征税, the tax of \
one line, and the rates in force on a date. Money is Decimal in and out (str and int accepted; \
a float is INP-01). Re-exported at the top level of invoice_core.";

static TAX_SPLIT: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn amount_arg(obj: &Bound<'_, PyAny>) -> Conv<Amount> {
    Ok(Amount::parse(&convert::money_text(obj)?)?)
}

fn rate_arg(obj: &Bound<'_, PyAny>) -> Conv<TaxRate> {
    Ok(TaxRate::parse(&convert::money_text(obj)?)?)
}

/// `invoice_core.TaxSplit(amount, tax)`, a named tuple of Decimals.
fn split_out<'py>(py: Python<'py>, s: Split) -> PyResult<Bound<'py, PyAny>> {
    let cls = TAX_SPLIT.import(py, "invoice_core._types", "TaxSplit")?;
    cls.call1((
        convert::decimal_out(py, s.amount.value())?,
        convert::decimal_out(py, s.tax.value())?,
    ))
}

/// 价税分离: splits a tax-inclusive amount into TaxSplit(amount, tax), amount = gross / (1 +
/// rate) rounded half-up to 分 and tax = gross − amount. split_tax('1000', '13%') gives
/// TaxSplit(amount=Decimal('884.96'), tax=Decimal('115.04')).
///
/// Raises InvoiceError: MNY- codes for gross or rate, INP-01 a float, INP-02 another type.
#[pyfunction]
fn split_tax<'py>(
    py: Python<'py>,
    gross: &Bound<'py, PyAny>,
    rate: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (g, r) =
            (|| -> Conv<_> { Ok((amount_arg(gross)?, rate_arg(rate)?)) })().or_raise(py)?;
        let s = tax::split_tax(g, r).or_raise(py)?;
        split_out(py, s)
    })
}

/// 差额征税: splits a tax-inclusive amount when only (gross − deduction) is taxed; gives
/// TaxSplit(amount, tax) with tax = (gross − deduction) × rate / (1 + rate) rounded half-up.
///
/// Raises InvoiceError: CAL-12 a deduction out of range, MNY- codes, INP-01, INP-02.
#[pyfunction]
fn split_with_deduction<'py>(
    py: Python<'py>,
    gross: &Bound<'py, PyAny>,
    deduction: &Bound<'py, PyAny>,
    rate: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (g, d, r) =
            (|| -> Conv<_> { Ok((amount_arg(gross)?, amount_arg(deduction)?, rate_arg(rate)?)) })()
                .or_raise(py)?;
        let s = tax::split_with_deduction(g, d, r).or_raise(py)?;
        split_out(py, s)
    })
}

/// The tax of one tax-exclusive line amount: amount × rate rounded half-up to 分 (31.245 gives
/// 31.25). rate is a rate ('6%', '0.06', Decimal) or a zero treatment ('exempt'/'免税',
/// 'non_taxable'/'不征税', 'export_zero'/'出口零税', 'zero'/'普通零税率'); deduction (差额征税)
/// is taxed away first.
///
/// Raises InvoiceError: MNY- codes, CAL-12, INP-01, INP-02.
#[pyfunction]
#[pyo3(signature = (amount, rate, deduction=None))]
fn line_tax<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    rate: &Bound<'py, PyAny>,
    deduction: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (a, r, d) = (|| -> Conv<_> {
            let a = amount_arg(amount)?;
            let r = LineRate::parse(&convert::money_text(rate)?)?;
            let d = deduction
                .filter(|o| !o.is_none())
                .map(amount_arg)
                .transpose()?;
            Ok((a, r, d))
        })()
        .or_raise(py)?;
        let t = tax::tax_of(a, r, d).or_raise(py)?;
        convert::decimal_out(py, t.value())
    })
}

/// The VAT rates and levy rates in force on date (datetime.date or 'YYYY-MM-DD') as Decimal
/// fractions, ascending; category 'general' or 'small_scale' (or 一般纳税人 / 小规模纳税人)
/// keeps the rates that category may use.
///
/// Raises InvoiceError: INP-05 an unknown category, INP-02 bad argument types.
#[pyfunction]
#[pyo3(signature = (date, category=None))]
fn rates_in_force<'py>(
    py: Python<'py>,
    date: &Bound<'py, PyAny>,
    category: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    guard(py, || {
        let (d, c) = (|| -> Conv<_> {
            let d = convert::date_in(date)?;
            let c = match category.filter(|o| !o.is_none()) {
                None => None,
                Some(o) => {
                    let name = convert::text(o, "None, 'general' or 'small_scale'")?;
                    Some(name.parse::<TaxpayerCategory>()?)
                }
            };
            Ok((d, c))
        })()
        .or_raise(py)?;
        tax::rates_in_force(d, c)
            .into_iter()
            .map(|r| convert::decimal_out(py, r.value()))
            .collect()
    })
}

/// Fills `invoice_core._native.tax`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(split_tax, m)?)?;
    m.add_function(wrap_pyfunction!(split_with_deduction, m)?)?;
    m.add_function(wrap_pyfunction!(line_tax, m)?)?;
    m.add_function(wrap_pyfunction!(rates_in_force, m)?)?;
    Ok(())
}
