//! `invoice_core.uscc`, `invoice_core.org_code`, `invoice_core.ric`, `invoice_core.taxpayer_id`:
//! the identifiers (统一社会信用代码, 组织机构代码, 居民身份证号码, 纳税人识别号) in python-stdnum's
//! vocabulary (see `invoice_core::ids`).
//!
//! Every area has `compact` (normalise, never fails), `validate` (the compact form or
//! `InvoiceError`), `validate_strict` (no normalising), `is_valid` (`False` for anything that is
//! not a valid identifier, including non-`str` objects; never raises) and `format`; the check-digit
//! and decoding functions where the identifier has them.

use invoice_core::Error;
use invoice_core::ids::{org_code, resident_id, taxpayer_id, uscc};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use serde::Serialize;

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};
use crate::findings::finding_list;

const TEXT: &str = "an identifier (str)";

fn arg(value: &Bound<'_, PyAny>) -> Conv<String> {
    convert::text(value, TEXT)
}

/// A `str -> String` core function (compact).
fn text_op(py: Python<'_>, value: &Bound<'_, PyAny>, f: fn(&str) -> String) -> PyResult<String> {
    guard(py, || Ok(f(&arg(value).or_raise(py)?)))
}

/// A `str -> Result<String>` core function (validate, format, to_18).
fn checked_op(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    f: fn(&str) -> Result<String, Error>,
) -> PyResult<String> {
    guard(py, || {
        let s = arg(value).or_raise(py)?;
        f(&s).or_raise(py)
    })
}

/// A check character as a one-character `str`.
fn check_op(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    f: fn(&str) -> Result<char, Error>,
) -> PyResult<String> {
    guard(py, || {
        let s = arg(value).or_raise(py)?;
        f(&s).map(String::from).or_raise(py)
    })
}

/// `is_valid`: False for a non-`str` object as for an invalid identifier.
fn valid_op(py: Python<'_>, value: &Bound<'_, PyAny>, f: fn(&str) -> bool) -> PyResult<bool> {
    guard(py, || {
        Ok(match value.cast::<PyString>() {
            // Ill-formed text is no identifier either.
            Ok(s) => convert::str_text(s).is_ok_and(|t| f(&t)),
            Err(_) => false,
        })
    })
}

/// A decoding function: its serialised result as a dict.
fn parts_op<'py, T: Serialize>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    f: fn(&str) -> Result<T, Error>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let s = arg(value).or_raise(py)?;
        let parts = f(&s).or_raise(py)?;
        let v = serde_json::to_value(parts).unwrap_or(serde_json::Value::Null);
        convert::value_out(py, &v)
    })
}

/// A warnings function: a list of Finding.
fn warnings_op<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    f: fn(&str) -> Result<Vec<Error>, Error>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let s = arg(value).or_raise(py)?;
        finding_list(py, f(&s).or_raise(py)?)
    })
}

/// The functions every identifier area has, as `#[pyfunction]`s in a module named `$m`.
macro_rules! common {
    ($m:ident, $core:ident, $what:literal, $errors:literal) => {
        mod $m {
            use super::*;

            /// Normalises the text: trims, drops whitespace and hyphens, full-width to
            /// half-width, upper-cases ASCII. Never fails on text.
            ///
            /// Raises InvoiceError INP-02 when value is not a str.
            #[pyfunction]
            pub fn compact(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
                text_op(py, value, $core::compact)
            }

            #[doc = concat!("The compact form of a valid ", $what, " (compacted first).\n\nRaises InvoiceError: ", $errors, "; INP-02 not a str.")]
            #[pyfunction]
            pub fn validate(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
                checked_op(py, value, $core::validate)
            }

            #[doc = concat!("The input unchanged when it is already a compact, valid ", $what, " (no normalising).\n\nRaises InvoiceError: ", $errors, "; INP-02 not a str.")]
            #[pyfunction]
            pub fn validate_strict(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
                checked_op(py, value, $core::validate_strict)
            }

            #[doc = concat!("True when value is a str holding a valid ", $what, " (after compacting). Never raises: any other object gives False.")]
            #[pyfunction]
            pub fn is_valid(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
                valid_op(py, value, $core::is_valid)
            }

            #[doc = concat!("The printed form of a valid ", $what, ".\n\nRaises InvoiceError: as validate().")]
            #[pyfunction]
            pub fn format(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
                checked_op(py, value, $core::format)
            }
        }
    };
}

common!(
    uscc_fns,
    uscc,
    "unified social credit code (统一社会信用代码)",
    "ID-01 length, ID-02 character, ID-03 region, ID-05 embedded organisation code, ID-04 check"
);
common!(
    org_fns,
    org_code,
    "organisation code (组织机构代码)",
    "ID-07 length, ID-08 character, ID-09 check, ID-10 reserved range"
);
common!(
    ric_fns,
    resident_id,
    "resident identity card number (居民身份证号码, 18 or 15 characters)",
    "ID-11 length, ID-12 character, ID-20 no such province, ID-13 birth date, ID-14 check"
);
common!(
    tin_fns,
    taxpayer_id,
    "taxpayer id (纳税人识别号, 15/17/18/20 characters)",
    "ID-16 length, ID-17 character"
);

/// The check character of the first 17 characters of a USCC (compacted first), as a
/// one-character str.
///
/// Raises InvoiceError: ID-01 not 17 characters, ID-02 a character outside the code alphabet,
/// INP-02 not a str.
#[pyfunction(name = "calc_check_digit")]
fn uscc_check(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    check_op(py, value, uscc::calc_check_digit)
}

/// The decoded USCC as a dict: code, authority and category ({code, name_zh, name_en}; names
/// None when the GB 32100 table does not list them), known_pair, table, region, province,
/// organization_code, check.
///
/// Raises InvoiceError: as validate().
#[pyfunction(name = "parts")]
fn uscc_parts<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    parts_op(py, value, uscc::parts)
}

/// Warnings about a valid USCC, as a list of Finding (ID-06 for an authority / category pair
/// the table does not list).
///
/// Raises InvoiceError: as validate() when the code is not valid.
#[pyfunction(name = "warnings")]
fn uscc_warnings<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    warnings_op(py, value, uscc::warnings)
}

/// The check character of an 8-character organisation code body (compacted first).
///
/// Raises InvoiceError: ID-07 not 8 characters, ID-08 a bad character, INP-02 not a str.
#[pyfunction(name = "calc_check_digit")]
fn org_check(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    check_op(py, value, org_code::calc_check_digit)
}

/// The decoded organisation code as a dict: code, body, check, display ('XXXXXXXX-X').
///
/// Raises InvoiceError: as validate().
#[pyfunction(name = "parts")]
fn org_parts<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    parts_op(py, value, org_code::parts)
}

/// The check character of the first 17 digits of a resident id (compacted first; the birth
/// date is not judged).
///
/// Raises InvoiceError: ID-11 not 17 characters, ID-12 not digits, INP-02 not a str.
#[pyfunction(name = "calc_check_digit")]
fn ric_check(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    check_op(py, value, resident_id::calc_check_digit)
}

/// The decoded resident id as a dict: code, form ('18' or '15'), area_code, province_code,
/// holder ('citizen', 'hong_kong_resident', 'macao_resident', 'taiwan_resident', 'foreigner'),
/// birth_date ('YYYY-MM-DD'), sequence, sex ('male' or 'female'), check (None for 15 digits).
///
/// Raises InvoiceError: as validate().
#[pyfunction(name = "parts")]
fn ric_parts<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    parts_op(py, value, resident_id::parts)
}

/// The 18-character form of a valid resident id (a 15-digit one gains 19YY and a check
/// character).
///
/// Raises InvoiceError: as validate().
#[pyfunction]
fn to_18(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    checked_op(py, value, resident_id::to_18)
}

/// As validate(), and the birth date must not be after as_of (a datetime.date or 'YYYY-MM-DD').
///
/// Raises InvoiceError: as validate(); ID-15 born after as_of; INP-02 bad argument types.
#[pyfunction]
fn validate_as_of(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
) -> PyResult<String> {
    guard(py, || {
        let (s, d) =
            (|| -> Conv<_> { Ok((arg(value)?, convert::date_in(as_of)?)) })().or_raise(py)?;
        resident_id::validate_as_of(&s, d).or_raise(py)
    })
}

/// What kind of taxpayer id this is, as a dict: code, form (uscc, resident_id,
/// natural_person_tin, other_18, region_org_code, other_15, individual_business, other_17,
/// other_20) and, where the form has them, region, organization_code, resident_id, suffix.
///
/// Raises InvoiceError: as validate().
#[pyfunction]
fn classify<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    parts_op(py, value, taxpayer_id::classify)
}

/// Warnings about a valid taxpayer id, as a list of Finding: the USCC's ID-06, or ID-18 / ID-19
/// for an 18-character id shaped like a USCC / resident id that fails only its check.
///
/// Raises InvoiceError: as validate() when the id is not valid.
#[pyfunction(name = "warnings")]
fn tin_warnings<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    warnings_op(py, value, taxpayer_id::warnings)
}

macro_rules! add_common {
    ($m:ident, $fns:ident) => {
        $m.add_function(wrap_pyfunction!($fns::compact, $m)?)?;
        $m.add_function(wrap_pyfunction!($fns::validate, $m)?)?;
        $m.add_function(wrap_pyfunction!($fns::validate_strict, $m)?)?;
        $m.add_function(wrap_pyfunction!($fns::is_valid, $m)?)?;
        $m.add_function(wrap_pyfunction!($fns::format, $m)?)?;
    };
}

/// Docstring of `invoice_core.uscc`.
pub const USCC_DOC: &str = "Unified social credit code (统一社会信用代码, GB 32100-2015): 18 \
characters, registration authority, category, region, the embedded organisation code and a \
check character. Functions as python-stdnum's stdnum.cn.uscc plus validate_strict, parts and \
warnings. Errors ID-01..ID-05; warning ID-06.";

/// Fills `invoice_core.uscc`.
pub fn register_uscc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    add_common!(m, uscc_fns);
    m.add_function(wrap_pyfunction!(uscc_check, m)?)?;
    m.add_function(wrap_pyfunction!(uscc_parts, m)?)?;
    m.add_function(wrap_pyfunction!(uscc_warnings, m)?)?;
    Ok(())
}

/// Docstring of `invoice_core.org_code`.
pub const ORG_DOC: &str = "Organisation code (组织机构代码, GB 11714-1997): 8 characters and a \
check character, printed XXXXXXXX-X. Errors ID-07..ID-10.";

/// Fills `invoice_core.org_code`.
pub fn register_org(m: &Bound<'_, PyModule>) -> PyResult<()> {
    add_common!(m, org_fns);
    m.add_function(wrap_pyfunction!(org_check, m)?)?;
    m.add_function(wrap_pyfunction!(org_parts, m)?)?;
    Ok(())
}

/// Docstring of `invoice_core.ric`.
pub const RIC_DOC: &str = "Resident identity card number (居民身份证号码, GB 11643-1999): 18 \
characters (or the old 15 digits) with area, birth date, sequence (sex) and a check character. \
Functions as python-stdnum's stdnum.cn.ric plus validate_strict, validate_as_of, parts and \
to_18. Errors ID-11..ID-15 and ID-20 (no such province).";

/// Fills `invoice_core.ric`.
pub fn register_ric(m: &Bound<'_, PyModule>) -> PyResult<()> {
    add_common!(m, ric_fns);
    m.add_function(wrap_pyfunction!(ric_check, m)?)?;
    m.add_function(wrap_pyfunction!(ric_parts, m)?)?;
    m.add_function(wrap_pyfunction!(to_18, m)?)?;
    m.add_function(wrap_pyfunction!(validate_as_of, m)?)?;
    Ok(())
}

/// Docstring of `invoice_core.taxpayer_id`.
pub const TIN_DOC: &str = "Taxpayer identification number (纳税人识别号): a USCC, a resident id, \
or one of the older 15/17/18/20-character forms; classify() says which. Errors ID-16, ID-17; \
warnings ID-06, ID-18, ID-19.";

/// Fills `invoice_core.taxpayer_id`.
pub fn register_tin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    add_common!(m, tin_fns);
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(tin_warnings, m)?)?;
    Ok(())
}
