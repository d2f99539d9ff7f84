//! `invoice_core.uscc`, `invoice_core.org_code`, `invoice_core.ric`, `invoice_core.taxpayer_id`:
//! the identifiers (统一社会信用代码, 组织机构代码, 居民身份证号码, 纳税人识别号) in python-stdnum's
//! vocabulary, one submodule per core scheme ([`Scheme::ALL`]) and one function per operation
//! the scheme has ([`Scheme::ops`]), each calling [`Scheme::apply`].
//!
//! Every function takes one `value` (positional or keyword). `is_valid` answers `False` for
//! anything that is not a valid identifier, including non-`str` objects, and never raises; the
//! others raise `InvoiceError` (`INP-02` for a non-`str`). `ric.validate_as_of`, the one
//! operation with a second (date) argument, is a plain `#[pyfunction]`.

use std::ffi::{CStr, CString};

use invoice_core::ids::{Answer, Op, Scheme, resident_id};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict, PyString, PyTuple};

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};
use crate::findings::finding_list;

const TEXT: &str = "an identifier (str)";

fn arg(value: &Bound<'_, PyAny>) -> Conv<String> {
    convert::text(value, TEXT)
}

/// The docstring of `invoice_core.<scheme>`.
fn module_doc(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Uscc => {
            "Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, \
registration authority, category, region, the embedded organisation code and a check character. \
Functions as python-stdnum's stdnum.cn.uscc plus validate_strict, parts and warnings. Errors \
ID-01..ID-05; warning ID-06."
        }
        Scheme::OrgCode => {
            "Organisation code (组织机构代码, GB 11714-1997): 8 characters and a check character, \
printed XXXXXXXX-X. Errors ID-07..ID-10."
        }
        Scheme::Ric => {
            "Resident identity card number (居民身份证号码, GB 11643-1999): 18 characters (or the \
old 15 digits) with area, birth date, sequence (sex) and a check character. Functions as \
python-stdnum's stdnum.cn.ric plus validate_strict, validate_as_of, parts and to_18. Errors \
ID-11..ID-15 and ID-20 (no such province)."
        }
        Scheme::TaxpayerId => {
            "Taxpayer identification number (纳税人识别号): a USCC, a resident id, or one of the \
older 15/17/18/20-character forms; classify() says which. Errors ID-16, ID-17; warnings ID-06, \
ID-18, ID-19."
        }
    }
}

/// The docstring of `<scheme>.<op>`, after the text signature CPython reads from it
/// (`name(value)\n--\n\n`), which `inspect.signature` and `mypy.stubtest` see.
fn op_doc(scheme: Scheme, op: Op) -> String {
    let what = scheme.title();
    let errors = scheme.error_codes();
    let body = match op {
        Op::Compact => "Normalises the text: trims, drops whitespace and hyphens, full-width to \
half-width, upper-cases ASCII. Never fails on text.\n\nRaises InvoiceError INP-02 when value is \
not a str."
            .to_owned(),
        Op::Validate => format!(
            "The compact form of a valid {what} (compacted first).\n\nRaises InvoiceError: \
{errors}; INP-02 not a str."
        ),
        Op::ValidateStrict => format!(
            "The input unchanged when it is already a compact, valid {what} (no normalising).\n\n\
Raises InvoiceError: {errors}; INP-02 not a str."
        ),
        Op::IsValid => format!(
            "True when value is a str holding a valid {what} (after compacting). Never raises: \
any other object gives False."
        ),
        Op::Format => {
            format!("The printed form of a valid {what}.\n\nRaises InvoiceError: as validate().")
        }
        Op::CalcCheckDigit => format!(
            "The check character of the body of a {what} (compacted first), as a \
one-character str.\n\nRaises InvoiceError: the length and character codes of validate(); \
INP-02 not a str."
        ),
        Op::Parts => format!(
            "The decoded {what} as a dict (see the .pyi for its keys).\n\nRaises InvoiceError: \
as validate()."
        ),
        Op::Warnings => format!(
            "Warnings about a valid {what}, as a list of Finding.\n\nRaises InvoiceError: as \
validate() when the value is not valid."
        ),
        Op::To18 => format!(
            "The 18-character form of a valid {what} (a 15-digit one gains 19YY and a check \
character).\n\nRaises InvoiceError: as validate()."
        ),
        Op::Classify => format!(
            "What kind of {what} this is, as a dict: code, form and, where the form has them, \
region, organization_code, resident_id, suffix.\n\nRaises InvoiceError: as validate()."
        ),
    };
    format!("{}(value)\n--\n\n{body}", op.name())
}

/// A C string that lives as long as the module: CPython keeps a builtin function's name and
/// docstring as borrowed pointers, so the few made at import are leaked on purpose.
fn static_c(text: String) -> PyResult<&'static CStr> {
    let c = CString::new(text).map_err(|e| PyTypeError::new_err(e.to_string()))?;
    Ok(Box::leak(c.into_boxed_c_str()))
}

/// The one `value` argument, positional or keyword, as a Python function with the signature
/// `(value)` would take it.
fn value_arg<'py>(
    op: Op,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let kw = kwargs.filter(|k| !k.is_empty());
    match (args.len(), kw) {
        (1, None) => args.get_item(0),
        (0, Some(k)) if k.len() == 1 => match k.get_item("value")? {
            Some(v) => Ok(v),
            None => Err(PyTypeError::new_err(format!(
                "{}() got an unexpected keyword argument",
                op.name()
            ))),
        },
        _ => Err(PyTypeError::new_err(format!(
            "{}() takes exactly one argument (value)",
            op.name()
        ))),
    }
}

/// `<scheme>.<op>(value)`.
fn call(py: Python<'_>, scheme: Scheme, op: Op, value: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    guard(py, || {
        if op == Op::IsValid {
            let valid = match value.cast::<PyString>() {
                // Ill-formed text is no identifier either.
                Ok(s) => convert::str_text(s).is_ok_and(|t| scheme.is_valid(&t)),
                Err(_) => false,
            };
            return Ok(valid.into_pyobject(py)?.to_owned().into_any().unbind());
        }
        let s = arg(value).or_raise(py)?;
        let answer = match scheme.apply(op, &s) {
            Some(answer) => answer.or_raise(py)?,
            // Not registered for the scheme (see `register`), so unreachable from Python.
            None => {
                return Err(PyTypeError::new_err(format!(
                    "{} has no {}",
                    scheme.name(),
                    op.name()
                )));
            }
        };
        Ok(match answer {
            Answer::Text(t) => t.into_pyobject(py)?.into_any().unbind(),
            Answer::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
            Answer::Findings(ws) => finding_list(py, ws)?.into_any().unbind(),
            parts @ Answer::Parts(_) => {
                let v = serde_json::to_value(parts).unwrap_or(serde_json::Value::Null);
                convert::value_out(py, &v)?.unbind()
            }
        })
    })
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

/// The identifier areas: each scheme's Python name, docstring and the function that fills it
/// with one Python function per operation the scheme has.
pub fn areas() -> impl Iterator<
    Item = (
        &'static str,
        &'static str,
        impl Fn(&Bound<'_, PyModule>) -> PyResult<()>,
    ),
> {
    Scheme::ALL.into_iter().map(|scheme| {
        let fill = move |m: &Bound<'_, PyModule>| -> PyResult<()> {
            let py = m.py();
            for &op in scheme.ops() {
                let name = static_c(op.name().to_owned())?;
                let doc = static_c(op_doc(scheme, op))?;
                let f =
                    PyCFunction::new_closure(py, Some(name), Some(doc), move |args, kwargs| {
                        let py = args.py();
                        call(py, scheme, op, &value_arg(op, args, kwargs)?)
                    })?;
                f.setattr("__module__", m.name()?)?;
                m.add(op.name(), f)?;
            }
            if scheme == Scheme::Ric {
                m.add_function(wrap_pyfunction!(validate_as_of, m)?)?;
            }
            Ok(())
        };
        (scheme.name(), module_doc(scheme), fill)
    })
}
