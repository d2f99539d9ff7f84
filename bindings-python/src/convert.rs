//! Conversions (类型转换) between Python objects and core inputs and outputs, all in one place.
//!
//! Inputs never raise `TypeError`: a value of the wrong type is an `InvoiceError` `INP-02`
//! (`expected …, found …`), so callers catch one exception type. The rules:
//!
//! - **Money** (amounts, prices, quantities, rates) accepts `decimal.Decimal`, `str` and `int`.
//!   A `Decimal` is written out exactly in positional form (`format(d, "f")`, so `Decimal("1E+3")`
//!   is `"1000"`) and handed to the core's strict parser, as are `str` and `int`; the core decides
//!   every money error (`MNY-…`). A `float` is refused with `INP-01` (floats are not money); a
//!   `bool` is refused with `INP-02` (it is an `int` to Python, but never an amount).
//! - **Text** (codes, names, dict keys) accepts `str` only, and only well-formed text: a `str`
//!   holding a lone surrogate (`'\ud800'`, which has no UTF-8 form) is the core's `INP-07` at its
//!   path (a dict's path for one of its keys), never rewritten to U+FFFD. Every `str` becomes Rust
//!   text in [`str_text`].
//! - **Dates** accept `datetime.date` (not a `datetime`: no silent truncation) or `"YYYY-MM-DD"`;
//!   **datetimes** accept a naive `datetime.datetime` or `"YYYY-MM-DDTHH:MM:SS"` text. Text is
//!   read by the core's one strict reader (`invoice_core::dates::read_day` / `read_date_time`),
//!   the one every binding uses, so a bad date is the same `INP-02` everywhere. Aware datetimes
//!   are refused: the core is timezone-free (invoice times are Beijing wall-clock times). In
//!   JSON-like data a `datetime` is written in whole seconds, the core's precision (as the JS
//!   bindings write a `Date`).
//! - **JSON-like values** (for model inputs): `None`, `bool`, `int`, `str`, `Decimal` (as its exact
//!   decimal string), `date`/`datetime` (ISO text), `dict` with `str` keys, `list`, `tuple`;
//!   errors carry the path of the offending element (`lines[2].amount`).
//!
//! Input size limits of the binding itself (`INP-06`): integers up to 128 bits, a `Decimal`'s
//! positional form up to [`MAX_DECIMAL_CHARS`] characters, JSON-like nesting up to [`MAX_DEPTH`].
//! Outputs: `rust_decimal` values become `decimal.Decimal` built from their exact string.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use invoice_core::error::input::lone_surrogate;
use invoice_core::error::{INP_FLOAT, INP_TOO_LARGE, INP_TYPE, ill_formed_text};
use invoice_core::{Error, Path};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use rust_decimal::Decimal;
use serde_json::{Map, Number, Value};

use crate::error::Fail;

/// A conversion result.
pub type Conv<T> = Result<T, Fail>;

/// Longest positional form of a `Decimal` the binding writes out (a `Decimal("1E+999999999")`
/// would otherwise cost a gigabyte before the core could say it is out of range).
pub const MAX_DECIMAL_CHARS: usize = 1_000_000;

/// Deepest nesting of dicts and lists read as a JSON-like value.
pub const MAX_DEPTH: usize = 64;

/// What a money argument may be, for `INP-02` messages.
const MONEY_EXPECTED: &str = "a Decimal, str or int";

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

fn datetime_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATETIME.import(py, "datetime", "datetime")
}

/// The Python type name of `obj` (`"NoneType"`, `"bytes"`), for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "object".to_string())
}

/// `INP-02`: expected `expected`, found the type of `obj`.
pub fn wrong_type(obj: &Bound<'_, PyAny>, expected: &str) -> Fail {
    Fail::Core(
        Error::new(INP_TYPE)
            .with("expected", expected)
            .with("found", type_name(obj)),
    )
}

fn too_large(size: impl std::fmt::Display, limit: impl std::fmt::Display) -> Fail {
    Fail::Core(
        Error::new(INP_TOO_LARGE)
            .with("size", size)
            .with("limit", limit),
    )
}

fn float_error(obj: &Bound<'_, PyAny>) -> Fail {
    let shown = obj
        .repr()
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "a float".to_string());
    Fail::Core(Error::new(INP_FLOAT).with("value", shown))
}

/// A `str` as Rust text, or `INP-07` (at the root; callers prefix the path) when it holds a
/// lone surrogate: `to_str` fails exactly then, and the UTF-16 form names the first one.
///
/// Inlined: every key and text value of a dict read passes here, and the well-formed case is
/// one CPython call.
#[inline]
pub fn str_text<'a>(s: &'a Bound<'_, PyString>) -> Conv<Cow<'a, str>> {
    match s.to_str() {
        Ok(t) => Ok(Cow::Borrowed(t)),
        Err(_) => Err(ill_formed(s)),
    }
}

/// The `INP-07` of a `str` that has no UTF-8 form (or the Python error met finding out why).
#[cold]
#[inline(never)]
fn ill_formed(s: &Bound<'_, PyString>) -> Fail {
    match surrogate(s) {
        Ok(f) | Err(f) => f,
    }
}

fn surrogate(s: &Bound<'_, PyString>) -> Conv<Fail> {
    let units = s.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes: Vec<u8> = units.extract()?;
    let unit = lone_surrogate(
        bytes
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]])),
    );
    Ok(Fail::Core(ill_formed_text(unit.unwrap_or(0xFFFD))))
}

/// A dict key: a well-formed `str` ([`str_text`]), else `INP-02` (`str keys`).
pub fn key(k: &Bound<'_, PyAny>) -> Conv<String> {
    match k.cast::<PyString>() {
        Ok(s) => Ok(str_text(s)?.into_owned()),
        Err(_) => Err(wrong_type(k, "str keys")),
    }
}

/// Text (a code, a name): a well-formed `str` only, else `INP-02` naming `expected` (`INP-07`
/// for a lone surrogate).
pub fn text(obj: &Bound<'_, PyAny>, expected: &str) -> Conv<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(str_text(s)?.into_owned()),
        Err(_) => Err(wrong_type(obj, expected)),
    }
}

/// A money argument as the text the core's strict parser reads (see the module docs).
pub fn money_text(obj: &Bound<'_, PyAny>) -> Conv<String> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(str_text(s)?.into_owned());
    }
    if obj.is_instance_of::<PyBool>() {
        return Err(wrong_type(obj, MONEY_EXPECTED));
    }
    if obj.is_instance_of::<PyInt>() {
        return int_text(obj);
    }
    if obj.is_instance_of::<PyFloat>() {
        return Err(float_error(obj));
    }
    if obj.is_instance(decimal_type(py)?)? {
        return decimal_text(obj);
    }
    Err(wrong_type(obj, MONEY_EXPECTED))
}

fn int_text(obj: &Bound<'_, PyAny>) -> Conv<String> {
    match obj.extract::<i128>() {
        Ok(n) => Ok(n.to_string()),
        Err(_) => {
            let bits: u64 = obj
                .call_method0("bit_length")
                .and_then(|b| b.extract())
                .unwrap_or(u64::MAX);
            Err(too_large(format!("an integer of {bits} bits"), "128 bits"))
        }
    }
}

/// The exact positional text of a `decimal.Decimal` (non-finite values as `str()` gives them,
/// `"NaN"`, `"Infinity"`, which the core refuses with its own code).
///
/// For an exact `Decimal`, `str()` is read once: it is already positional (`"633.00"`, `"-0.5"`) unless it has an
/// exponent (`"1E+3"`, `"1E-7"`) or is not finite; only those take the slower exact path.
fn decimal_text(obj: &Bound<'_, PyAny>) -> Conv<String> {
    // A subclass may override __str__: only the exact type takes the short path.
    if !obj.get_type().is(decimal_type(obj.py())?) {
        return decimal_text_slow(obj);
    }
    let s = obj.str()?;
    let text = str_text(&s)?;
    if text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Ok(text.into_owned());
    }
    decimal_text_slow(obj)
}

fn decimal_text_slow(obj: &Bound<'_, PyAny>) -> Conv<String> {
    let finite: bool = obj.call_method0("is_finite")?.extract()?;
    if !finite {
        return Ok(obj.str()?.to_string_lossy().into_owned());
    }
    let tuple = obj.call_method0("as_tuple")?;
    let digits = tuple.getattr("digits")?.len()?;
    let exponent: i64 = tuple.getattr("exponent")?.extract()?;
    // Length of the positional form: sign, integer digits, point, fraction digits.
    let len = if exponent >= 0 {
        (digits as u64).saturating_add(exponent as u64)
    } else {
        let frac = exponent.unsigned_abs();
        (digits as u64)
            .max(frac.saturating_add(1))
            .saturating_add(1)
    }
    .saturating_add(1);
    if len > MAX_DECIMAL_CHARS as u64 {
        return Err(too_large(
            format!("a Decimal of {len} characters written out"),
            format!("{MAX_DECIMAL_CHARS} characters"),
        ));
    }
    let builtins = obj.py().import("builtins")?;
    let s = builtins.getattr("format")?.call1((obj, "f"))?;
    Ok(s.str()?.to_string_lossy().into_owned())
}

/// A plain decimal (for rounding; not a money type): what [`money_text`] accepts, read with the
/// core's strict parser (an optional `-`, digits, an optional `.` and up to 28 decimals).
pub fn decimal_in(obj: &Bound<'_, PyAny>) -> Conv<Decimal> {
    let text = money_text(obj)?;
    Ok(invoice_core::money::parse_decimal_wide(&text)?)
}

/// A core decimal as `decimal.Decimal`, exactly (built from its string).
pub fn decimal_out<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    decimal_type(py)?.call1((d.to_string(),))
}

/// A number of decimal places: a non-negative `int` (not a `bool`) up to 28, the most a core
/// decimal holds.
pub fn places(obj: &Bound<'_, PyAny>) -> Conv<u32> {
    const EXPECTED: &str = "an int from 0 to 28";
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(wrong_type(obj, EXPECTED));
    }
    match obj.extract::<u32>() {
        Ok(n) if n <= 28 => Ok(n),
        _ => {
            let shown = obj
                .repr()
                .map(|r| r.to_string_lossy().into_owned())
                .unwrap_or_default();
            Err(Fail::Core(
                Error::new(INP_TYPE)
                    .with("expected", EXPECTED)
                    .with("found", invoice_core::error::shorten(&shown)),
            ))
        }
    }
}

/// True when `obj` is exactly a `datetime.date` (not a subclass, not a `datetime`).
pub fn is_date(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(obj.get_type().is(date_type(obj.py())?))
}

/// A calendar date: `datetime.date` (not a `datetime`) or `"YYYY-MM-DD"` text (the core's
/// reader).
pub fn date_in(obj: &Bound<'_, PyAny>) -> Conv<NaiveDate> {
    const EXPECTED: &str = "a datetime.date or 'YYYY-MM-DD' text";
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(invoice_core::dates::read_day(&str_text(s)?)?);
    }
    if is_date(obj)? {
        return exact_date(obj);
    }
    if obj.is_instance(datetime_type(py)?)? || !obj.is_instance(date_type(py)?)? {
        return Err(wrong_type(obj, EXPECTED));
    }
    let (y, m, d) = ymd(obj)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| wrong_type(obj, EXPECTED))
}

/// The day of an object known to be a `date` (its type checked by the caller).
pub fn exact_date(obj: &Bound<'_, PyAny>) -> Conv<NaiveDate> {
    let (y, m, d) = ymd(obj)?;
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| wrong_type(obj, "a datetime.date or 'YYYY-MM-DD' text"))
}

/// A date's fields. The attribute names are interned once (`str()` of a `date` costs more than
/// the three: it calls `isoformat` through a formatting routine).
fn ymd(obj: &Bound<'_, PyAny>) -> PyResult<(i32, u32, u32)> {
    let py = obj.py();
    Ok((
        obj.getattr(intern!(py, "year"))?.extract()?,
        obj.getattr(intern!(py, "month"))?.extract()?,
        obj.getattr(intern!(py, "day"))?.extract()?,
    ))
}

/// A wall-clock date and time: a naive `datetime.datetime` or `"YYYY-MM-DDTHH:MM:SS"` text (the
/// core's reader: a space for the `T` allowed, whole seconds).
pub fn datetime_in(obj: &Bound<'_, PyAny>) -> Conv<NaiveDateTime> {
    const EXPECTED: &str = "a naive datetime.datetime or ISO 'YYYY-MM-DDTHH:MM:SS' text";
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(invoice_core::dates::read_date_time(&str_text(s)?)?);
    }
    if !obj.is_instance(datetime_type(py)?)? {
        return Err(wrong_type(obj, EXPECTED));
    }
    if !obj.getattr(intern!(py, "tzinfo"))?.is_none() {
        return Err(Fail::Core(
            Error::new(INP_TYPE)
                .with("expected", EXPECTED)
                .with("found", "an aware datetime (with tzinfo)"),
        ));
    }
    let (y, m, d) = ymd(obj)?;
    let h: u32 = obj.getattr(intern!(py, "hour"))?.extract()?;
    let mi: u32 = obj.getattr(intern!(py, "minute"))?.extract()?;
    let s: u32 = obj.getattr(intern!(py, "second"))?.extract()?;
    let us: u32 = obj.getattr(intern!(py, "microsecond"))?.extract()?;
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_micro_opt(h, mi, s, us))
        .ok_or_else(|| wrong_type(obj, EXPECTED))
}

/// A core date as `datetime.date`.
pub fn date_out(py: Python<'_>, d: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    date_type(py)?.call1((d.year(), d.month(), d.day()))
}

/// A core date-time as a naive `datetime.datetime` (sub-microsecond digits are dropped: Python
/// holds microseconds).
pub fn datetime_out(py: Python<'_>, t: NaiveDateTime) -> PyResult<Bound<'_, PyAny>> {
    datetime_type(py)?.call1((
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond().min(999_999_999) / 1000,
    ))
}

/// A JSON-like Python value (for model inputs), read with the path of every element so errors
/// point at it (`lines[2].amount`).
pub fn value_in(obj: &Bound<'_, PyAny>) -> Conv<Value> {
    value_at(obj, 0, false)
}

/// A JSON-like Python value read as [`value_in`] does, except that a finite `float` becomes a
/// JSON float: for model input, whose reader refuses floats itself (`INP-01`) at their path and
/// reports every problem of the document, not only the first float. NaN and infinities have no
/// JSON form and are `INP-01` here, at their path.
pub fn json_in(obj: &Bound<'_, PyAny>) -> Conv<Value> {
    value_at(obj, 0, true)
}

/// One element. The path of an error is built on the way out (each container prefixes its key
/// or index), so a document that reads costs no path at all. The common kinds come first and are
/// recognised by their type flags (`str`, `dict`, `list`, `bool`, `int`, `float`); only what is
/// left pays the `isinstance` checks against `Decimal`, `datetime` and `date`.
fn value_at(obj: &Bound<'_, PyAny>, depth: usize, floats: bool) -> Conv<Value> {
    if depth > MAX_DEPTH {
        return Err(too_large(
            format!("nesting deeper than {MAX_DEPTH} levels"),
            format!("{MAX_DEPTH} levels"),
        ));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(str_text(s)?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            // A key's error (not str, ill-formed) is at the dict's own path.
            let key = key(&k)?;
            match value_at(&v, depth + 1, floats) {
                Ok(x) => {
                    map.insert(key, x);
                }
                Err(f) => return Err(f.under(&Path::field(key))),
            }
        }
        return Ok(Value::Object(map));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return seq(l.iter(), l.len(), depth, floats);
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = obj.extract::<u64>() {
            return Ok(Value::Number(Number::from(n)));
        }
        // Beyond 64 bits: the exact digits as text (the core reads money from text), or the
        // 128-bit limit error.
        return int_text(obj).map(Value::String);
    }
    if obj.is_instance_of::<PyFloat>() {
        if floats {
            let f: f64 = obj.extract()?;
            if let Some(n) = Number::from_f64(f) {
                return Ok(Value::Number(n));
            }
        }
        return Err(float_error(obj));
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return seq(t.iter(), t.len(), depth, floats);
    }
    match scalar_text(obj)? {
        Some(t) => Ok(Value::String(t)),
        None => Err(wrong_type(obj, JSON_LIKE)),
    }
}

/// What a JSON-like value may be, for `INP-02` messages.
pub const JSON_LIKE: &str = "None, bool, int, str, Decimal, date, dict or list";

/// The text a `Decimal`, `datetime` or `date` stands for in JSON-like data (its exact
/// positional form, its ISO text), or `None` for any other object.
pub fn scalar_text(obj: &Bound<'_, PyAny>) -> Conv<Option<String>> {
    let py = obj.py();
    // The exact types first, by identity (a subclass takes the `isinstance` route below).
    let ty = obj.get_type();
    if ty.is(decimal_type(py)?) {
        return decimal_text(obj).map(Some);
    }
    if ty.is(date_type(py)?) {
        return Ok(Some(invoice_core::dates::day_text(exact_date(obj)?)));
    }
    if obj.is_instance(decimal_type(py)?)? {
        return decimal_text(obj).map(Some);
    }
    if obj.is_instance(datetime_type(py)?)? {
        return datetime_in(obj).map(|t| Some(invoice_core::dates::date_time_text(t)));
    }
    if obj.is_instance(date_type(py)?)? {
        return date_in(obj).map(|d| Some(invoice_core::dates::day_text(d)));
    }
    Ok(None)
}

/// A finite `float` as JSON writes it (the core's reader refuses it where money belongs, with
/// this text); NaN and the infinities have no JSON form and are `INP-01` here.
pub fn float_text(obj: &Bound<'_, PyAny>) -> Conv<String> {
    let f: f64 = obj.extract()?;
    match Number::from_f64(f) {
        Some(n) => Ok(n.to_string()),
        None => Err(float_error(obj)),
    }
}

/// The items of a list or tuple, an error prefixed by its index.
fn seq<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    depth: usize,
    floats: bool,
) -> Conv<Value> {
    let mut out = Vec::with_capacity(len);
    for (i, item) in items.enumerate() {
        match value_at(&item, depth + 1, floats) {
            Ok(x) => out.push(x),
            Err(f) => return Err(f.under(&Path::root().index(i))),
        }
    }
    Ok(Value::Array(out))
}

/// A core JSON value as plain Python (`dict`, `list`, `str`, `int`, `bool`, `None`).
pub fn value_out<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                // The core writes money as strings; a JSON float is never money.
                n.to_string().into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(value_out(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(m) => {
            let dict = PyDict::new(py);
            for (k, x) in m {
                dict.set_item(k, value_out(py, x)?)?;
            }
            dict.into_any()
        }
    })
}

/// Keyword options as the object the core's option readers take (`invoice_core::options`,
/// snake_case keys): each value a JSON-like value ([`json_in`], so a float is the core's
/// `INP-01` at its key), `None` kept as `null` (not given, or for a required option the core's
/// `INP-02`). The core decides every other problem and its path.
pub fn options(entries: &[(&'static str, Option<&Bound<'_, PyAny>>)]) -> Conv<Value> {
    let mut m = Map::new();
    for (k, v) in entries {
        let value = match v {
            None => Value::Null,
            Some(v) => json_in(v).map_err(|f| f.under(&Path::field(*k)))?,
        };
        m.insert((*k).to_string(), value);
    }
    Ok(Value::Object(m))
}

/// An iterable of names (a list, tuple, set, generator) as a list, for an option the core reads
/// as a list; anything else is handed over as it is for the core to refuse.
pub fn name_list<'py>(obj: Option<&Bound<'py, PyAny>>) -> Conv<Option<Bound<'py, PyAny>>> {
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if o.is_instance_of::<PyString>()
        || o.is_instance_of::<PyList>()
        || o.is_instance_of::<PyTuple>()
    {
        return Ok(Some(o.clone()));
    }
    match o.try_iter() {
        Ok(_) => Ok(Some(
            PyList::new(o.py(), items(o, "an iterable of names")?)?.into_any(),
        )),
        Err(_) => Ok(Some(o.clone())),
    }
}

/// An optional option name read with the core's own `FromStr` (unknown names are the core's
/// `INP-05`): `None` gives `None`.
pub fn opt_named<T: std::str::FromStr<Err = Error>>(
    obj: Option<&Bound<'_, PyAny>>,
    expected: &str,
) -> Conv<Option<T>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => Ok(Some(text(o, expected)?.parse::<T>()?)),
    }
}

/// The items of an iterable (a list, tuple, generator …), or `INP-02` naming `expected` when
/// `obj` is not iterable. `str`, `bytes` and `dict` are refused too: iterating them is never
/// what a caller of a batch function means.
pub fn items<'py>(obj: &Bound<'py, PyAny>, expected: &str) -> Conv<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<pyo3::types::PyBytes>()
        || obj.is_instance_of::<pyo3::types::PyByteArray>()
        || obj.is_instance_of::<PyDict>()
    {
        return Err(wrong_type(obj, expected));
    }
    let iter = match obj.try_iter() {
        Ok(it) => it,
        Err(_) => return Err(wrong_type(obj, expected)),
    };
    let mut out = Vec::new();
    for item in iter {
        out.push(item?);
    }
    Ok(out)
}

/// A core value serialised to JSON and handed to Python as plain data, with the listed keys of
/// every object in it typed: `money` keys (`"amount"`) become `decimal.Decimal`, `times` keys
/// (`"at"`) naive `datetime.datetime`, `dates` keys `datetime.date`. Only text the core itself
/// wrote is read back, so a key that does not parse is left as text.
pub fn typed_out<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
    money: &[&str],
    times: &[&str],
    dates: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let v = serde_json::to_value(value).unwrap_or(Value::Null);
    typed_value(
        py,
        &v,
        &Keys {
            money,
            times,
            dates,
        },
    )
}

struct Keys<'a> {
    money: &'a [&'a str],
    times: &'a [&'a str],
    dates: &'a [&'a str],
}

fn typed_value<'py>(py: Python<'py>, v: &Value, keys: &Keys<'_>) -> PyResult<Bound<'py, PyAny>> {
    match v {
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(typed_value(py, x, keys)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(m) => {
            let dict = PyDict::new(py);
            for (k, x) in m {
                let typed = match x {
                    Value::String(s) => typed_leaf(py, k, s, keys)?,
                    _ => None,
                };
                match typed {
                    Some(t) => dict.set_item(k, t)?,
                    None => dict.set_item(k, typed_value(py, x, keys)?)?,
                }
            }
            Ok(dict.into_any())
        }
        other => value_out(py, other),
    }
}

fn typed_leaf<'py>(
    py: Python<'py>,
    key: &str,
    s: &str,
    keys: &Keys<'_>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    if keys.money.contains(&key) {
        if let Ok(d) = Decimal::from_str_exact(s) {
            return decimal_out(py, d).map(Some);
        }
    } else if keys.times.contains(&key) {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
            return datetime_out(py, t).map(Some);
        }
    } else if keys.dates.contains(&key)
        && let Some(d) = invoice_core::dates::parse_day(s)
    {
        return date_out(py, d).map(Some);
    }
    Ok(None)
}
