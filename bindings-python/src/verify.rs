//! Verification (查验) in Python, see `invoice_core::verify`: check codes (校验码, our keyed
//! scheme), QR payloads (二维码), the 查验 query and the platform's answer, and duplicates (重复发票).
//! Re-exported at the top level of `invoice_core`.

use invoice_core::money::Amount;
use invoice_core::options::Keys;
use invoice_core::verify::check_code::{self as core_cc, CheckCodeInput, CheckCodeKey as CoreKey};
use invoice_core::verify::duplicates::{self, DuplicateReport as CoreReport, Item};
use invoice_core::verify::qr;
use invoice_core::verify::query::{
    self, CheckOptions, Outcome, StoredRecord, VerifyQuery as CoreQuery,
};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};
use serde_json::Value;

use crate::convert::{self, Conv};
use crate::error::{Fail, OrRaise, guard};
use crate::findings::{Finding, finding_list};
use crate::invoice::{Invoice, invoice_arg};

/// The submodule's docstring.
pub const DOC: &str = "Verification (查验): check codes (check_code, verify_check_code, \
check_code_message, last6, last5, CheckCodeKey), QR payloads (parse_qr, build_qr), the 查验 query \
and answer (verify_query, precheck, match_record, VerifyQuery, VerifyOutcome) and duplicates \
(dedupe_key, find_duplicates, DuplicateReport). Re-exported at the top level of invoice_core.";

/// A secret key for check codes (at least 16 bytes). Never shown: repr() is
/// 'CheckCodeKey(<redacted>)', and no error message contains it.
///
/// CheckCodeKey(key: bytes) or CheckCodeKey.from_hex(text). Raises InvoiceError: VER-01 shorter
/// than 16 bytes; INP-02 not bytes (or, for from_hex, not an even number of hex digits).
#[pyclass(frozen, module = "invoice_core")]
pub struct CheckCodeKey {
    key: CoreKey,
}

fn bytes_of(obj: &Bound<'_, PyAny>) -> Option<Vec<u8>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Some(b.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Some(b.to_vec());
    }
    None
}

fn key_arg(obj: &Bound<'_, PyAny>) -> Conv<CoreKey> {
    if let Ok(k) = obj.cast::<CheckCodeKey>() {
        return Ok(k.get().key.clone());
    }
    match bytes_of(obj) {
        Some(b) => Ok(CoreKey::new(&b)?),
        None => Err(convert::wrong_type(obj, "bytes or a CheckCodeKey")),
    }
}

#[pymethods]
impl CheckCodeKey {
    #[new]
    fn py_new(py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            Ok(CheckCodeKey {
                key: key_arg(key).or_raise(py)?,
            })
        })
    }

    /// A key from hexadecimal text (either case).
    ///
    /// Raises InvoiceError: INP-02 not an even number of hex digits, VER-01 too short.
    #[staticmethod]
    fn from_hex(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let t = convert::text(text, "hexadecimal text (str)").or_raise(py)?;
            Ok(CheckCodeKey {
                key: CoreKey::from_hex(&t).or_raise(py)?,
            })
        })
    }

    fn __repr__(&self) -> &'static str {
        "CheckCodeKey(<redacted>)"
    }
}

/// The check code (校验码, 20 digits) of an invoice under key (bytes or a CheckCodeKey), by the
/// core's keyed scheme v1 (HMAC-SHA256; not the tax system's secret algorithm).
///
/// Raises InvoiceError: VER-01 a key shorter than 16 bytes; VER-17 an invoice without totals;
/// the reader's codes for a bad invoice dict; INP-02 bad types.
#[pyfunction]
fn check_code(
    py: Python<'_>,
    invoice: &Bound<'_, PyAny>,
    key: &Bound<'_, PyAny>,
) -> PyResult<String> {
    guard(py, || {
        let (inv, key) =
            (|| -> Conv<_> { Ok((invoice_arg(invoice)?, key_arg(key)?)) })().or_raise(py)?;
        core_cc::generate_for(&key, &inv).or_raise(py)
    })
}

/// True when code is the invoice's check code under key (compared in constant time).
///
/// Raises InvoiceError: VER-02 when code is not 20 ASCII digits; otherwise as check_code().
#[pyfunction]
fn verify_check_code(
    py: Python<'_>,
    invoice: &Bound<'_, PyAny>,
    code: &Bound<'_, PyAny>,
    key: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    guard(py, || {
        let (inv, code, key) = (|| -> Conv<_> {
            Ok((
                invoice_arg(invoice)?,
                convert::text(code, "a check code (str)")?,
                key_arg(key)?,
            ))
        })()
        .or_raise(py)?;
        core_cc::verify_for(&key, &inv, &code).or_raise(py)
    })
}

/// The canonical v1 message a check code is computed over ('invoice-core/check-code/v1|kind|...'),
/// for reproducing the scheme elsewhere.
///
/// Raises InvoiceError: VER-17 an invoice without totals; the reader's codes for a bad dict.
#[pyfunction]
fn check_code_message(py: Python<'_>, invoice: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let inv = invoice_arg(invoice).or_raise(py)?;
        let input = CheckCodeInput::from_invoice(&inv).or_raise(py)?;
        Ok(String::from_utf8_lossy(&input.message()).into_owned())
    })
}

/// The last 6 digits of a 20-digit check code (what 查验 asks for).
///
/// Raises InvoiceError: VER-02 when code is not 20 ASCII digits; INP-02 not a str.
#[pyfunction]
fn last6(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let c = convert::text(code, "a check code (str)").or_raise(py)?;
        core_cc::last6(&c).or_raise(py)
    })
}

/// The last 5 digits of a 20-digit check code (blockchain invoices).
///
/// Raises InvoiceError: VER-02 when code is not 20 ASCII digits; INP-02 not a str.
#[pyfunction]
fn last5(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let c = convert::text(code, "a check code (str)").or_raise(py)?;
        core_cc::last5(&c).or_raise(py)
    })
}

/// Parses a scanned QR text into a dict. An invoice payload gives {type: 'invoice', raw,
/// version, kind_code, qr_kind, kind (refined by the code), code (None for 数电), number, amount
/// (Decimal), amount_meaning ('amount_excluding_tax' | 'total_including_tax' | 'unconfirmed'),
/// issue_date (datetime.date), check_code, hash (upper case), field_count, trailing_text}, and in
/// the blockchain comma layout also seller_tax_id and check_code_tail (the hash's last six, which
/// one peer says end the check code: unconfirmed); a Shenzhen blockchain URL {type: 'blockchain',
/// raw, bill_num, hash, total_amount (each str or None), amount (total_amount read as fen, a
/// Decimal or None), amount_meaning 'unconfirmed'}; another URL {type: 'url', raw}.
///
/// Raises InvoiceError: the VER- code of the first problem (VER-03 not a payload, VER-05 a bad
/// amount, VER-06 a bad date, ...); INP-02 not a str.
#[pyfunction]
fn parse_qr<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let t = convert::text(text, "QR text (str)").or_raise(py)?;
        let p = qr::parse(&t).or_raise(py)?;
        convert::typed_out(py, &p, &["amount"], &[], &["issue_date"])
    })
}

/// The QR payload text of an invoice (legacy kinds: 合计金额; 数电: 价税合计; 2 decimals; a
/// trailing comma); hash is field 8 (2 to 4 hex digits) or empty when None.
///
/// Raises InvoiceError: VER-16 a kind without a QR layout, VER-17 no totals, VER-18 a legacy
/// kind without a code, VER-14 a bad check code, VER-15 a bad hash; the reader's codes.
#[pyfunction]
#[pyo3(signature = (invoice, hash=None))]
fn build_qr(
    py: Python<'_>,
    invoice: &Bound<'_, PyAny>,
    hash: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    guard(py, || {
        let (inv, hash) = (|| -> Conv<_> {
            let hash = match hash.filter(|h| !h.is_none()) {
                None => None,
                Some(h) => Some(convert::text(h, "None or hex text (str)")?),
            };
            Ok((invoice_arg(invoice)?, hash))
        })()
        .or_raise(py)?;
        qr::build(&inv, hash.as_deref()).or_raise(py)
    })
}

/// A 查验 query: the elements the national platform asks for (kind, fplx, 发票代码, 发票号码, 开票日期
/// and one more: an amount, the check code's last 6 / last 5, or the car price).
#[pyclass(frozen, module = "invoice_core")]
pub struct VerifyQuery {
    q: CoreQuery,
}

fn query_json(q: &CoreQuery) -> Value {
    serde_json::to_value(q).unwrap_or(Value::Null)
}

#[pymethods]
impl VerifyQuery {
    /// The kind name.
    #[getter]
    fn kind(&self) -> &'static str {
        self.q.kind.name()
    }

    /// The platform's kind code (fplx), or None.
    #[getter]
    fn fplx(&self) -> Option<&'static str> {
        self.q.kind.verify_code()
    }

    /// 发票代码, or None (kinds identified by a 20-digit number).
    #[getter]
    fn code(&self) -> Option<String> {
        self.q.code.clone()
    }

    /// 发票号码.
    #[getter]
    fn number(&self) -> String {
        self.q.number.clone()
    }

    /// 开票日期.
    #[getter]
    fn issue_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::date_out(py, self.q.issue_date)
    }

    /// Which fifth element: 'amount_excluding_tax', 'total_including_tax', 'check_code_last6',
    /// 'check_code_last5' or 'car_price'.
    #[getter]
    fn element(&self) -> &'static str {
        self.q.element.name()
    }

    /// The fifth element's value as text (an amount with 2 decimals, or digits).
    #[getter]
    fn value(&self) -> String {
        self.q.element.value()
    }

    /// The seller's tax id (blockchain invoices), or None.
    #[getter]
    fn seller_tax_id(&self) -> Option<String> {
        self.q.seller_tax_id.clone()
    }

    /// The query as a plain dict: {kind, fplx, code, number, issue_date (str), element, value,
    /// seller_tax_id}.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::value_out(py, &query_json(&self.q)))
    }

    /// Reads a query back from to_dict()'s shape (e.g. one stored after a QR scan), checked as
    /// verify_query() checks it; fplx is derived from kind and ignored.
    ///
    /// Raises InvoiceError at the field: INP-02 wrong types, INP-04 missing values, INP-05 an
    /// unknown kind or the wrong element, MDL-01 an unknown key, VER-18 no code, VER-11 a number
    /// that does not fit the kind, VER-22 no seller tax id (blockchain), NUM- and MNY- codes.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let v = convert::json_in(data).or_raise(py)?;
            Ok(VerifyQuery {
                q: CoreQuery::from_value(&v).or_raise(py)?,
            })
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<VerifyQuery {} {}{} {} {}={}>",
            self.q.kind.name(),
            self.q
                .code
                .as_deref()
                .map(|c| format!("{c} "))
                .unwrap_or_default(),
            self.q.number,
            self.q.issue_date,
            self.q.element.name(),
            self.q.element.value()
        )
    }
}

/// The query of an argument: a VerifyQuery or its dict, QR text, or an invoice (Invoice or dict).
fn query_arg(obj: &Bound<'_, PyAny>, car_price: Option<Amount>) -> Conv<CoreQuery> {
    if let Ok(q) = obj.cast::<VerifyQuery>() {
        return Ok(q.get().q.clone());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let q = qr::parse_invoice(&convert::str_text(s)?)?;
        return Ok(query::from_qr(&q)?);
    }
    // A dict is a stored query (to_dict()'s shape) or an invoice: the core tells them apart.
    if obj.is_instance_of::<PyDict>() {
        let v = convert::json_in(obj)?;
        if CoreQuery::is_stored_shape(&v) {
            return Ok(CoreQuery::from_value(&v)?);
        }
        return Ok(query::build(
            &invoice_core::model::Invoice::from_value(&v)?,
            car_price,
        )?);
    }
    Ok(query::build(&invoice_arg(obj)?, car_price)?)
}

/// An optional money argument (errors without a path, as the core's own parser gives them).
fn opt_amount(obj: Option<&Bound<'_, PyAny>>) -> Conv<Option<Amount>> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => Ok(Some(Amount::parse(&convert::money_text(o)?)?)),
    }
}

/// The 查验 query of an invoice (an Invoice or dict) or of a scanned QR text (str). car_price
/// (车价合计, money) is needed for used-car kinds only.
///
/// Raises InvoiceError: VER-18 a kind with a code but none given, VER-11 a number of the wrong
/// length, VER-17 no totals, VER-19 no check code, VER-02 a malformed check code, VER-20 no car
/// price, VER-22 a blockchain invoice without the seller's tax id; the QR or reader codes.
#[pyfunction]
#[pyo3(signature = (invoice, car_price=None))]
fn verify_query(
    py: Python<'_>,
    invoice: &Bound<'_, PyAny>,
    car_price: Option<&Bound<'_, PyAny>>,
) -> PyResult<VerifyQuery> {
    guard(py, || {
        let q = (|| -> Conv<_> { query_arg(invoice, opt_amount(car_price)?) })().or_raise(py)?;
        Ok(VerifyQuery { q })
    })
}

/// The platform's answer to a query (查验结果): outcome ('match', 'not_found', 'mismatch',
/// 'voided', 'red_flushed', 'too_old', 'not_yet_verifiable', 'malformed'), the vendor status
/// number, English and Chinese messages, and the outcome's details.
#[pyclass(frozen, module = "invoice_core")]
pub struct VerifyOutcome {
    o: Outcome,
}

#[pymethods]
impl VerifyOutcome {
    /// The outcome's name.
    #[getter]
    fn outcome(&self) -> &'static str {
        self.o.name()
    }

    /// The outcome's catalogue code (VER-27 match, VER-28 not found, VER-29 mismatch, VER-30
    /// voided, VER-31 red-flushed, VER-32 partly red-flushed, VER-33 too old, VER-34 not yet
    /// verifiable, VER-35 malformed), whose messages are message and message_zh.
    #[getter]
    fn code(&self) -> &'static str {
        self.o.code()
    }

    /// The vendor status number (1 match, 3 not found, 4 mismatch, 5 malformed, 7 not yet, 8 too
    /// old, 9 voided, 10 red-flushed).
    #[getter]
    fn status(&self) -> u8 {
        self.o.status()
    }

    /// True only for 'match'.
    #[getter]
    fn is_match(&self) -> bool {
        self.o.is_match()
    }

    /// The English message.
    #[getter]
    fn message(&self) -> String {
        self.o.message()
    }

    /// The Chinese message.
    #[getter]
    fn message_zh(&self) -> String {
        self.o.message_zh()
    }

    /// 'mismatch': the fields that differ; else None.
    #[getter]
    fn fields(&self) -> Option<Vec<String>> {
        match &self.o {
            Outcome::Mismatch { fields } => Some(fields.clone()),
            _ => None,
        }
    }

    /// 'red_flushed': True for 部分红冲; else None.
    #[getter]
    fn partial(&self) -> Option<bool> {
        match &self.o {
            Outcome::RedFlushed { partial } => Some(*partial),
            _ => None,
        }
    }

    /// 'too_old': the earliest issue date still verifiable; else None.
    #[getter]
    fn earliest<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match &self.o {
            Outcome::TooOld { earliest } => convert::date_out(py, *earliest).map(Some),
            _ => Ok(None),
        }
    }

    /// 'not_yet_verifiable': the first day it can be verified; else None.
    #[getter]
    fn verifiable_from<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match &self.o {
            Outcome::NotYetVerifiable { from } => convert::date_out(py, *from).map(Some),
            _ => Ok(None),
        }
    }

    /// 'malformed': the coded problems as Finding objects; else [].
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        match &self.o {
            Outcome::Malformed { errors } => finding_list(py, errors.clone()),
            _ => Ok(PyList::empty(py)),
        }
    }

    /// The outcome as a plain dict in the core's JSON shape: {outcome, fields?|partial?|
    /// earliest?|from?|errors?, status, message, message_zh} (dates as str).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::value_out(py, &serde_json::to_value(&self.o).unwrap_or(Value::Null))
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<VerifyOutcome {} status={}: {}>",
            self.o.name(),
            self.o.status(),
            self.o.message()
        )
    }
}

/// Checks a query against the platform's rules on as_of (date or 'YYYY-MM-DD') before any
/// lookup: None when it may be looked up, else the VerifyOutcome the platform gives instead
/// ('malformed' for a future issue date, 'too_old' before the look-back window,
/// 'not_yet_verifiable' for today's invoices under same_day='next_day'). query is a
/// VerifyQuery (or its to_dict() shape), QR text, or an invoice. look_back_years defaults to 5, same_day to 'next_day'.
///
/// Raises InvoiceError only for bad arguments (INP-02, INP-05) or a query that cannot be built.
#[pyfunction]
#[pyo3(signature = (query, as_of, *, look_back_years=None, same_day=None))]
fn precheck(
    py: Python<'_>,
    query: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    look_back_years: Option<&Bound<'_, PyAny>>,
    same_day: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<VerifyOutcome>> {
    guard(py, || {
        let (q, o) = (|| -> Conv<_> {
            let v = convert::options(&[
                ("as_of", Some(as_of)),
                ("look_back_years", look_back_years),
                ("same_day", same_day),
            ])?;
            Ok((
                query_arg(query, None)?,
                CheckOptions::read_precheck(&v, Keys::Snake)?,
            ))
        })()
        .or_raise(py)?;
        Ok(query::precheck(&q, o.as_of, &o.precheck)
            .err()
            .map(|o| VerifyOutcome { o }))
    })
}

/// Answers a query as the platform would, given the record stored under its code and number:
/// record is None (nothing stored), an Invoice or an invoice dict; status its stored status
/// ('normal' default, 'voided', 'red_flushed', 'partially_red_flushed'); car_price its 车价合计
/// (used-car kinds). Returns a VerifyOutcome (precheck first, then not_found / mismatch with the
/// differing fields / voided / red_flushed / match).
///
/// Raises InvoiceError only for bad arguments or a query or record that cannot be read.
#[pyfunction]
#[pyo3(signature = (query, record, as_of, *, status=None, car_price=None, look_back_years=None, same_day=None))]
#[allow(clippy::too_many_arguments)]
fn match_record(
    py: Python<'_>,
    query: &Bound<'_, PyAny>,
    record: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    status: Option<&Bound<'_, PyAny>>,
    car_price: Option<&Bound<'_, PyAny>>,
    look_back_years: Option<&Bound<'_, PyAny>>,
    same_day: Option<&Bound<'_, PyAny>>,
) -> PyResult<VerifyOutcome> {
    guard(py, || {
        let (q, rec, o) = (|| -> Conv<_> {
            let q = query_arg(query, None)?;
            let v = convert::options(&[
                ("as_of", Some(as_of)),
                ("look_back_years", look_back_years),
                ("same_day", same_day),
                ("status", status),
                ("car_price", car_price),
            ])?;
            let o = CheckOptions::read_match(&v, Keys::Snake)?;
            let rec = if record.is_none() {
                None
            } else {
                Some(StoredRecord {
                    invoice: invoice_arg(record)?,
                    status: o.status,
                    car_price: o.car_price,
                })
            };
            Ok((q, rec, o))
        })()
        .or_raise(py)?;
        Ok(VerifyOutcome {
            o: query::match_record(&q, rec.as_ref(), o.as_of, &o.precheck),
        })
    })
}

/// One batch item as the JSON the core reads (an Invoice object as {"invoice": its JSON}).
/// One item read for the core: an `Invoice` object is taken as it is (no round trip through
/// JSON); anything else is read from its JSON shape.
fn item_arg(obj: &Bound<'_, PyAny>) -> Conv<Item> {
    if let Ok(i) = obj.cast::<Invoice>() {
        return Ok(Item::Invoice(Box::new(i.get().core().clone())));
    }
    Ok(Item::from_value(&convert::json_in(obj)?)?)
}

/// The identity keys of one item: 'legacy:<code>:<number>' or 'digital:<number>' (two for a 数电
/// paper invoice with its 数电 number). item is an Invoice, {'invoice': dict}, {'qr': text},
/// {'number': text}, or a str (QR text when it contains a comma or starts with http, else a bare
/// number: 20 digits, or a code and an 8-digit number).
///
/// Raises InvoiceError: VER-24 another shape, VER-23 a bare number that is neither, VER-18 a
/// legacy invoice without a code, the QR, number and reader codes.
#[pyfunction]
fn dedupe_key(py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    guard(py, || {
        let item = item_arg(item).or_raise(py)?;
        let keys = item.keys().or_raise(py)?;
        Ok(keys.iter().map(ToString::to_string).collect())
    })
}

/// What find_duplicates() returns: groups of indexes of items that are the same invoice (each
/// ascending, ordered by first index, two or more), and the items that could not be read.
#[pyclass(frozen, module = "invoice_core")]
pub struct DuplicateReport {
    r: CoreReport,
}

#[pymethods]
impl DuplicateReport {
    /// Lists of input indexes naming the same invoice.
    #[getter]
    fn groups(&self) -> Vec<Vec<usize>> {
        self.r.groups.clone()
    }

    /// The unreadable items as (index, Finding) pairs, in index order.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for e in &self.r.errors {
            let f = Bound::new(py, Finding::new(e.error.clone()))?;
            list.append(PyTuple::new(
                py,
                [e.index.into_pyobject(py)?.into_any(), f.into_any()],
            )?)?;
        }
        Ok(list)
    }

    /// The report as a plain dict: {groups, errors: [{index, error: {code, severity, path,
    /// params, message, message_zh}}]}.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::value_out(py, &serde_json::to_value(&self.r).unwrap_or(Value::Null))
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<DuplicateReport groups={:?} errors={}>",
            self.r.groups,
            self.r.errors.len()
        )
    }
}

/// Finds the items that are the same invoice in any iterable of items (as dedupe_key() takes:
/// Invoice objects, item dicts, QR strings, bare numbers, mixed). Items sharing any key are
/// grouped. Each item is read under the GIL; keys and grouping run with the GIL released. An
/// unreadable item is reported in errors with its index, never raised.
///
/// Raises InvoiceError INP-02 only when items is not iterable.
#[pyfunction]
fn find_duplicates(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<DuplicateReport> {
    guard(py, || {
        let objs = convert::items(items, "an iterable of items").or_raise(py)?;
        let mut read = Vec::with_capacity(objs.len());
        for o in &objs {
            match item_arg(o) {
                Ok(item) => read.push(Ok(item)),
                Err(Fail::Core(e)) => read.push(Err(e)),
                Err(Fail::Py(e)) => return Err(e),
            }
        }
        let r = py.detach(|| duplicates::find_duplicates_read(read));
        Ok(DuplicateReport { r })
    })
}

/// Fills `invoice_core._native.verify`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<CheckCodeKey>()?;
    m.add_class::<VerifyQuery>()?;
    m.add_class::<VerifyOutcome>()?;
    m.add_class::<DuplicateReport>()?;
    m.add_function(wrap_pyfunction!(check_code, m)?)?;
    m.add_function(wrap_pyfunction!(verify_check_code, m)?)?;
    m.add_function(wrap_pyfunction!(check_code_message, m)?)?;
    m.add_function(wrap_pyfunction!(last6, m)?)?;
    m.add_function(wrap_pyfunction!(last5, m)?)?;
    m.add_function(wrap_pyfunction!(parse_qr, m)?)?;
    m.add_function(wrap_pyfunction!(build_qr, m)?)?;
    m.add_function(wrap_pyfunction!(verify_query, m)?)?;
    m.add_function(wrap_pyfunction!(precheck, m)?)?;
    m.add_function(wrap_pyfunction!(match_record, m)?)?;
    m.add_function(wrap_pyfunction!(dedupe_key, m)?)?;
    m.add_function(wrap_pyfunction!(find_duplicates, m)?)?;
    Ok(())
}
