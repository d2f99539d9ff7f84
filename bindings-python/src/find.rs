//! Finding invoices (发票查找) in Python, see `invoice_core::find`: lookup input normalisation,
//! search over records, the "why is my invoice not in the system?" diagnosis (为什么查不到我的发票),
//! 数电 numbering and CSV / JSON Lines export. The submodule `invoice_core.find`.
//!
//! Every input goes to the core in the core's own JSON shape (a raw query object, a `Filter`, a
//! `Lookup`, `NumberParts`), so every refusal is the core's own code and path; this file only
//! converts Python values and wraps the results.

use invoice_core::error::{INP_JSON, INP_TYPE};
use invoice_core::find::diagnose::{self as core_diagnose, Diagnosis as CoreDiagnosis, Lookup};
use invoice_core::find::export::{self, ExportOptions, Lang};
use invoice_core::find::normalise::{self, Normalised, RawQuery};
use invoice_core::find::numbering::{self, NumberParts};
use invoice_core::find::search::{self as core_search, Filter, Record};
use invoice_core::model::Invoice as CoreInvoice;
use invoice_core::options::Keys;
use invoice_core::validate::Report as CoreReport;
use invoice_core::{Error, Path};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use serde_json::{Map, Value, json};

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};
use crate::findings::{Report, finding_list};
use crate::invoice::Invoice;
use crate::stats::Stats;

/// The submodule's docstring.
pub const DOC: &str = "Finding invoices (发票查找): normalise_query / normalise_fields (what a \
person typed → a clean query, every correction reported, FND-01..10; unfixable input FND-20..26), \
search (records by a filter: exact, prefix, one-typo matches), diagnose / diagnose_lookup (why is my invoice not in \
the system? 为什么查不到我的发票: FND-30..46 with bilingual messages), build_number / next_number / \
number_parts (20-digit 数电 numbers, FND-60..65), export_csv / export_jsonl (invoices, reports, \
statistics as text; exact decimals).";

/// The fields of a raw query, in the core's order.
const QUERY_FIELDS: [&str; 9] = [
    "code",
    "number",
    "date",
    "amount",
    "total",
    "check_code",
    "buyer_tax_id",
    "kind",
    "qr",
];

fn json_of<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A normalised query as Python: `date` a `datetime.date`, the rest as the core writes it.
fn query_out<'py>(py: Python<'py>, q: &normalise::Query) -> PyResult<Bound<'py, PyAny>> {
    convert::typed_out(py, q, &[], &[], &["date"])
}

fn corrections_out<'py>(
    py: Python<'py>,
    cs: &[normalise::Correction],
) -> PyResult<Bound<'py, PyAny>> {
    convert::value_out(py, &json_of(&cs))
}

/// What normalise_query() returns: the clean query, the corrections made to what was typed and
/// the problems that could not be fixed (the fields with a problem are left out of the query).
/// Never raised by itself: raise_for_errors() raises the first problem.
#[pyclass(frozen, module = "invoice_core")]
pub struct NormalisedQuery {
    n: Normalised,
}

#[pymethods]
impl NormalisedQuery {
    /// The clean query: {code, number, date (datetime.date), element ({name, value} of the fifth
    /// element: amount_excluding_tax, total_including_tax, check_code_last6, check_code_last5),
    /// buyer_tax_id, kind}; absent values are None.
    #[getter]
    fn query<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        query_out(py, &self.n.query)
    }

    /// Every correction, in the order made: dicts {field, from, to, code (FND-01..10), message,
    /// message_zh}.
    #[getter]
    fn corrections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        corrections_out(py, &self.n.corrections)
    }

    /// The problems that could not be fixed, as Finding objects at their field (FND-20..26, the
    /// NUM-/MNY- codes of the parsers, INP-05 an unknown kind, INP-06 a field over 4096 bytes).
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        finding_list(py, self.n.errors.clone())
    }

    /// True when every field could be read (errors is empty).
    #[getter]
    fn ok(&self) -> bool {
        self.n.errors.is_empty()
    }

    /// Raises the first error as an InvoiceError; does nothing when ok.
    fn raise_for_errors(&self, py: Python<'_>) -> PyResult<()> {
        match self.n.errors.first() {
            Some(e) => Err(crate::error::to_py(py, e)),
            None => Ok(()),
        }
    }

    /// Everything as a plain dict: {query (date as str), corrections, errors: [{code, severity,
    /// path, params, message, message_zh}]}.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::value_out(py, &json_of(&self.n)))
    }

    fn __repr__(&self) -> String {
        let codes: Vec<&str> = self.n.corrections.iter().map(|c| c.code()).collect();
        let errs: Vec<&str> = self.n.errors.iter().map(|e| e.code()).collect();
        format!(
            "<NormalisedQuery number={:?} code={:?} corrections=[{}] errors=[{}]>",
            self.n.query.number,
            self.n.query.code,
            codes.join(", "),
            errs.join(", ")
        )
    }
}

/// A raw query object read by the core (`INP-02` not an object or a value that is not text,
/// `FND-25` an unknown field).
fn raw_query(v: &Value) -> Result<RawQuery, Error> {
    RawQuery::from_value(v)
}

/// One field of a raw query as the core reads it (text), at its key: `None` is not given; a
/// `str` as typed; `date` also a `datetime.date`; `amount` and `total` also money (`Decimal`,
/// `int`; a `float` is `INP-01`). Anything else is `INP-02`.
fn field_value(name: &str, obj: &Bound<'_, PyAny>) -> Conv<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    let v = match name {
        "date" if !obj.is_instance_of::<PyString>() => {
            convert::date_in(obj).map(|d| Value::String(d.format("%Y-%m-%d").to_string()))
        }
        "amount" | "total" => convert::money_text(obj).map(Value::String),
        _ => convert::text(obj, "None or str").map(Value::String),
    };
    v.map_err(|f| f.under(&Path::field(name.to_string())))
}

/// A raw query from a Python mapping: each value through [`field_value`]; unknown keys are left
/// to the core (`FND-25`), as is a non-mapping (`INP-02`).
fn fields_value(obj: &Bound<'_, PyAny>) -> Conv<Value> {
    let Ok(d) = obj.cast::<PyDict>() else {
        return convert::json_in(obj);
    };
    let mut m = Map::new();
    for (k, v) in d.iter() {
        let key = convert::key(&k)?;
        let value = if QUERY_FIELDS.contains(&key.as_str()) {
            field_value(&key, &v)?
        } else {
            Value::Null
        };
        m.insert(key, value);
    }
    Ok(Value::Object(m))
}

/// Normalises what a person typed into a lookup form (发票查验 / 查找): full-width digits,
/// spaces and hyphens, a 20-digit 数电 number typed into the code field, a swapped or glued code
/// and number, lost leading zeros, a pasted QR payload, written dates (2024年11月18日,
/// 2024/11/18, 20241118), the whole check code for its last 6 digits, lower-case tax ids. Every
/// argument is None (not given) or the text as typed; date may also be a datetime.date, amount
/// and total a Decimal. kind is a kind name ('digital_special') or a 查验 fplx code ('81'); qr a
/// scanned QR payload.
///
/// Returns a NormalisedQuery (.query, .corrections, .errors); problems that cannot be fixed are
/// in .errors, not raised. Raises InvoiceError only for a value of the wrong type, at its field:
/// INP-02 (not text, a datetime for date), INP-01 a float amount or total.
#[pyfunction]
#[pyo3(signature = (code=None, number=None, date=None, amount=None, total=None, check_code=None, buyer_tax_id=None, kind=None, qr=None))]
#[allow(clippy::too_many_arguments)]
fn normalise_query(
    py: Python<'_>,
    code: Option<&Bound<'_, PyAny>>,
    number: Option<&Bound<'_, PyAny>>,
    date: Option<&Bound<'_, PyAny>>,
    amount: Option<&Bound<'_, PyAny>>,
    total: Option<&Bound<'_, PyAny>>,
    check_code: Option<&Bound<'_, PyAny>>,
    buyer_tax_id: Option<&Bound<'_, PyAny>>,
    kind: Option<&Bound<'_, PyAny>>,
    qr: Option<&Bound<'_, PyAny>>,
) -> PyResult<NormalisedQuery> {
    guard(py, || {
        let args = [
            code,
            number,
            date,
            amount,
            total,
            check_code,
            buyer_tax_id,
            kind,
            qr,
        ];
        let raw = (|| -> Conv<RawQuery> {
            let mut m = Map::new();
            for (name, arg) in QUERY_FIELDS.iter().zip(args) {
                if let Some(a) = arg.filter(|a| !a.is_none()) {
                    m.insert((*name).to_string(), field_value(name, a)?);
                }
            }
            Ok(raw_query(&Value::Object(m))?)
        })()
        .or_raise(py)?;
        Ok(NormalisedQuery {
            n: normalise::normalise(&raw),
        })
    })
}

/// normalise_query() from a mapping of the same fields (a web form's posted fields, a JSON
/// object): {code?, number?, date?, amount?, total?, check_code?, buyer_tax_id?, kind?, qr?},
/// each value None or text. diagnose() takes the same mapping as its query.
///
/// Raises InvoiceError: INP-02 not a mapping or a value that is not text (at the key), FND-25 an
/// unknown key. Problems of the values themselves are in .errors, not raised.
#[pyfunction]
fn normalise_fields(py: Python<'_>, fields: &Bound<'_, PyAny>) -> PyResult<NormalisedQuery> {
    guard(py, || {
        let raw =
            (|| -> Conv<RawQuery> { Ok(raw_query(&fields_value(fields)?)?) })().or_raise(py)?;
        Ok(NormalisedQuery {
            n: normalise::normalise(&raw),
        })
    })
}

/// One record as the JSON the core reads: an Invoice is a normal record; a mapping {invoice,
/// status?, red_confirmation_pending?} whose invoice may be an Invoice object.
fn record_value(obj: &Bound<'_, PyAny>) -> Conv<Value> {
    if let Ok(i) = obj.cast::<Invoice>() {
        return Ok(json!({ "invoice": i.get().core().to_value() }));
    }
    if let Ok(d) = obj.cast::<PyDict>()
        && let Some(inv) = d.get_item("invoice")?
        && let Ok(i) = inv.cast::<Invoice>()
    {
        let mut m = Map::new();
        for (k, v) in d.iter() {
            let key = convert::key(&k)?;
            if key != "invoice" {
                let child = Path::field(key.clone());
                m.insert(key, convert::json_in(&v).map_err(|f| f.under(&child))?);
            }
        }
        m.insert("invoice".to_string(), i.get().core().to_value());
        return Ok(Value::Object(m));
    }
    convert::json_in(obj)
}

/// The records argument as JSON values, errors at `records[i]`.
fn records_values(obj: &Bound<'_, PyAny>) -> Conv<Vec<Value>> {
    let items = convert::items(
        obj,
        "an iterable of records (Invoice or {invoice, status?})",
    )
    .map_err(|f| f.under(&Path::field("records")))?;
    items
        .iter()
        .enumerate()
        .map(|(i, o)| record_value(o).map_err(|f| f.under(&Path::field("records").index(i))))
        .collect()
}

fn read_records(values: &[Value]) -> Result<Vec<Record>, Error> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| Record::from_value(v).map_err(|e| e.under(&Path::field("records").index(i))))
        .collect()
}

/// Searches records with a filter. records is any iterable of Invoice objects (status normal)
/// or mappings {invoice: Invoice or dict, status?: 'normal' | 'voided' | 'red_flushed' |
/// 'partially_red_flushed', red_confirmation_pending?: bool}. filter is a mapping with any of
/// number, number_match ('exact' default, 'prefix', 'typo': one wrong digit or two swapped),
/// code, code_match, date_from, date_to (date or 'YYYY-MM-DD'), kinds, statuses (lists of
/// names), red_confirmation_pending, seller_tax_id, seller_name (fragment), buyer_tax_id,
/// buyer_name, total_min, total_max (money: Decimal or str).
///
/// Returns the hits in a stable order (exact, prefix, typo, then index): dicts {index, number,
/// code ('exact' | 'prefix' | 'typo' | None), typos: [{field, value, kind ('digit' | 'swap'),
/// position, typed, stored}]}. Reading and searching run with the GIL released.
///
/// Raises InvoiceError: a record the core refuses at records[i] (INP-02, INP-05 a status, the
/// invoice reader's codes under records[i].invoice); a filter that does not read (INP-03, path
/// []), FND-50 non-digit number or code, FND-51 an empty range (paths relative to the filter).
#[pyfunction]
fn search<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    filter: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let (recs, filt) =
            (|| -> Conv<_> { Ok((records_values(records)?, convert::json_in(filter)?)) })()
                .or_raise(py)?;
        let hits = py
            .detach(|| -> Result<Value, Error> {
                let rs = read_records(&recs)?;
                let f = Filter::from_value(&filt)?;
                Ok(json_of(&core_search::search(&rs, &f)?))
            })
            .or_raise(py)?;
        convert::value_out(py, &hits)
    })
}

/// What diagnose() returns: the normalised query, the corrections made, every finding (each a
/// coded reason with English and Chinese messages, in the order of the core's table) and the
/// indexes of the records with this code and number.
#[pyclass(frozen, module = "invoice_core")]
pub struct Diagnosis {
    d: CoreDiagnosis,
}

#[pymethods]
impl Diagnosis {
    /// The normalised query (as NormalisedQuery.query).
    #[getter]
    fn query<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        query_out(py, &self.d.query)
    }

    /// The corrections made to the input (also listed as findings).
    #[getter]
    fn corrections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        corrections_out(py, &self.d.corrections)
    }

    /// Every reason found, as Finding objects (code, path, severity, message, message_zh,
    /// params): FND-01..10 corrections, FND-20..26 unreadable input, FND-30..45 the diagnosis
    /// (missing fields, same day, too old, future, one-digit typo, swapped digits, voided,
    /// red-flushed, pending 确认单, another buyer, wrong fifth element, another region,
    /// differing element, not found). Record findings carry the record's index in params.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        finding_list(py, self.d.findings.clone())
    }

    /// The codes of the findings, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.d.findings.iter().map(|f| f.code()).collect()
    }

    /// The indexes of the records with this code and number.
    #[getter]
    fn matches(&self) -> Vec<usize> {
        self.d.matches.clone()
    }

    /// Everything as a plain dict: {query (date as str), corrections, findings: [{code,
    /// severity, path, params, message, message_zh}], matches}.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::value_out(py, &json_of(&self.d)))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Diagnosis findings=[{}] matches={:?}>",
            self.codes().join(", "),
            self.d.matches
        )
    }
}

/// Explains why a lookup finds nothing or the wrong thing (为什么查不到我的发票), offline. query
/// is a mapping of what was typed (as normalise_fields() takes); as_of is today (date or
/// 'YYYY-MM-DD', read strictly as every as_of); platform the region the
/// platform serves ('31', '1100', '3302'), when known; records the stored records (as search()
/// takes), when known; same_day 'next_day' (default) or 'today'; look_back_years the window in
/// years (default 5).
///
/// Returns a Diagnosis; the query's own problems are findings, never raised. Raises
/// InvoiceError for bad arguments, with the core's codes and paths: INP-02 a wrong type
/// (query.number, as_of, platform, records) or an unreadable as_of, FND-25 an unknown query key
/// (query.<key>), FND-46 a platform that is no region, INP-05 (options.same_day) an unknown
/// same_day, INP-02 (options.look_back_years) a bad look_back_years; a record the core refuses
/// at records[i].
#[pyfunction]
#[pyo3(signature = (query, as_of, platform=None, records=None, same_day=None, look_back_years=None))]
fn diagnose(
    py: Python<'_>,
    query: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    platform: Option<&Bound<'_, PyAny>>,
    records: Option<&Bound<'_, PyAny>>,
    same_day: Option<&Bound<'_, PyAny>>,
    look_back_years: Option<&Bound<'_, PyAny>>,
) -> PyResult<Diagnosis> {
    guard(py, || {
        let lookup = (|| -> Conv<Value> {
            let at = |k: &str| Path::field(k.to_string());
            let mut m = Map::new();
            m.insert(
                "query".into(),
                fields_value(query).map_err(|f| f.under(&at("query")))?,
            );
            m.insert(
                "as_of".into(),
                convert::json_in(as_of).map_err(|f| f.under(&at("as_of")))?,
            );
            if let Some(p) = platform.filter(|p| !p.is_none()) {
                m.insert(
                    "platform".into(),
                    convert::json_in(p).map_err(|f| f.under(&at("platform")))?,
                );
            }
            if let Some(r) = records.filter(|r| !r.is_none()) {
                m.insert("records".into(), Value::Array(records_values(r)?));
            }
            let mut opts = Map::new();
            for (name, arg) in [("same_day", same_day), ("look_back_years", look_back_years)] {
                if let Some(a) = arg.filter(|a| !a.is_none()) {
                    let v = convert::json_in(a).map_err(|f| f.under(&at("options")))?;
                    opts.insert(name.into(), v);
                }
            }
            if !opts.is_empty() {
                m.insert("options".into(), Value::Object(opts));
            }
            Ok(Value::Object(m))
        })()
        .or_raise(py)?;
        run_lookup(py, &lookup)
    })
}

/// Reads a lookup and diagnoses it with the GIL released.
fn run_lookup(py: Python<'_>, lookup: &Value) -> PyResult<Diagnosis> {
    let d = py
        .detach(|| Lookup::from_value(lookup).map(|l| core_diagnose::diagnose(&l)))
        .or_raise(py)?;
    Ok(Diagnosis { d })
}

/// diagnose() from one mapping in the core's lookup shape (a JSON request body): {query, as_of,
/// platform?, records?, options?: {look_back_years?, same_day?}}; records may hold Invoice
/// objects.
///
/// Raises InvoiceError as diagnose() does, and INP-02 for a lookup that is not a mapping, FND-25
/// for an unknown key (at the key).
#[pyfunction]
fn diagnose_lookup(py: Python<'_>, lookup: &Bound<'_, PyAny>) -> PyResult<Diagnosis> {
    guard(py, || {
        let v = (|| -> Conv<Value> {
            let Ok(d) = lookup.cast::<PyDict>() else {
                return convert::json_in(lookup);
            };
            let mut m = Map::new();
            for (k, v) in d.iter() {
                let key = convert::key(&k)?;
                let value = if key == "records" && !v.is_none() {
                    Value::Array(records_values(&v)?)
                } else {
                    let child = Path::field(key.clone());
                    convert::json_in(&v).map_err(|f| f.under(&child))?
                };
                m.insert(key, value);
            }
            Ok(Value::Object(m))
        })()
        .or_raise(py)?;
        run_lookup(py, &v)
    })
}

/// The parts as the core's JSON (`NumberParts`).
fn parts_value(
    year: &Bound<'_, PyAny>,
    rest: [(&'static str, Option<&Bound<'_, PyAny>>); 3],
) -> Conv<Value> {
    let given: Vec<_> = rest.iter().filter(|(_, v)| v.is_some()).collect();
    if given.is_empty() && year.cast::<PyDict>().is_ok() {
        // build_number(parts): the mapping number_parts() returns.
        return convert::json_in(year);
    }
    let mut m = Map::new();
    m.insert(
        "year".into(),
        convert::json_in(year).map_err(|f| f.under(&Path::field("year")))?,
    );
    for (name, v) in rest {
        let v = match v {
            Some(v) => convert::json_in(v).map_err(|f| f.under(&Path::field(name)))?,
            None => Value::Null,
        };
        m.insert(name.into(), v);
    }
    Ok(Value::Object(m))
}

/// Builds a 20-digit 数电 invoice number from its parts: year (int: 2021..2099 or 21..99),
/// region (2-digit str, '31'), channel (int 0..9), sequence (1 to 15 digits, str, zero-padded to
/// 15). build_number(parts) also takes the dict number_parts() returns.
///
/// Raises InvoiceError: FND-60 year, FND-61 region, FND-62 channel, FND-63 sequence, each at its
/// field; INP-03 parts of the wrong type or shape (a str year, a missing part, an unknown key, a
/// float); INP-02 a value that is no JSON-like value. Only the tax system assigns real numbers:
/// this is for test data and systems that number their own.
#[pyfunction]
#[pyo3(signature = (year, region=None, channel=None, sequence=None))]
fn build_number(
    py: Python<'_>,
    year: &Bound<'_, PyAny>,
    region: Option<&Bound<'_, PyAny>>,
    channel: Option<&Bound<'_, PyAny>>,
    sequence: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    guard(py, || {
        let v = parts_value(
            year,
            [
                ("region", region),
                ("channel", channel),
                ("sequence", sequence),
            ],
        )
        .or_raise(py)?;
        let parts: NumberParts = serde_json::from_value(v)
            .map_err(|e| Error::new(INP_JSON).with("reason", shorten(&e.to_string())))
            .or_raise(py)?;
        numbering::build_number(&parts).or_raise(py)
    })
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 80 {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(77).collect();
        out.push('…');
        out
    }
}

/// The parts of a 20-digit 数电 number: {year (4 digits, int), region (str), channel (int),
/// sequence (15 digits, str)}; build_number(parts) is its inverse.
///
/// Raises InvoiceError: the NUM- codes of a number that does not parse, FND-65 an 8-digit
/// legacy number, INP-02 not a str.
#[pyfunction]
fn number_parts<'py>(py: Python<'py>, number: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let n = convert::text(number, "an invoice number (str)").or_raise(py)?;
        let parts = numbering::parts_of(&n).or_raise(py)?;
        convert::value_out(py, &json_of(&parts))
    })
}

/// The next number of a 数电 sequence: the same year, region and channel, the sequence plus one.
///
/// Raises InvoiceError: FND-64 a sequence of 15 nines, FND-65 a legacy 8-digit number, the NUM-
/// codes of a number that does not parse, INP-02 not a str.
#[pyfunction]
fn next_number(py: Python<'_>, number: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let n = convert::text(number, "an invoice number (str)").or_raise(py)?;
        numbering::next_number(&n).or_raise(py)
    })
}

/// What an export argument holds, read under the GIL.
enum Export {
    Stats(Box<invoice_core::stats::Stats>),
    Invoices(Vec<Subject>),
    Reports(Vec<(Subject, CoreReport)>),
}

/// An invoice, a key text or a JSON value still to be read.
enum Subject {
    Model(Box<CoreInvoice>),
    Json(Value),
    Key(String),
}

fn subject(obj: &Bound<'_, PyAny>, key_allowed: bool) -> Conv<Subject> {
    if let Ok(i) = obj.cast::<Invoice>() {
        return Ok(Subject::Model(Box::new(i.get().core().clone())));
    }
    if key_allowed && let Ok(s) = obj.cast::<PyString>() {
        return Ok(Subject::Key(convert::str_text(s)?.into_owned()));
    }
    Ok(Subject::Json(convert::json_in(obj)?))
}

const EXPORT_EXPECTED: &str =
    "a Stats, an iterable of invoices, or of (invoice or key, Report) pairs";

fn report_pair(obj: &Bound<'_, PyAny>) -> Conv<Option<(Subject, CoreReport)>> {
    let Ok(t) = obj.cast::<PyTuple>() else {
        return Ok(None);
    };
    if t.len() != 2 {
        return Ok(None);
    }
    let second = t.get_item(1)?;
    let Ok(r) = second.cast::<Report>() else {
        return Ok(None);
    };
    let first = t.get_item(0)?;
    Ok(Some((subject(&first, true)?, r.get().core().clone())))
}

fn export_arg(obj: &Bound<'_, PyAny>) -> Conv<Export> {
    if let Ok(s) = obj.cast::<Stats>() {
        return Ok(Export::Stats(Box::new(s.get().core().clone())));
    }
    let items = convert::items(obj, EXPORT_EXPECTED)?;
    let mut invoices = Vec::new();
    let mut reports = Vec::new();
    for (i, o) in items.iter().enumerate() {
        let at = Path::root().index(i);
        let pair = report_pair(o).map_err(|f| f.under(&at))?;
        let mixed = match pair {
            Some(p) => {
                reports.push(p);
                !invoices.is_empty()
            }
            None => {
                invoices.push(subject(o, false).map_err(|f| f.under(&at))?);
                !reports.is_empty()
            }
        };
        if mixed {
            return Err(convert::wrong_type(o, EXPORT_EXPECTED).under(&at));
        }
    }
    Ok(if reports.is_empty() {
        Export::Invoices(invoices)
    } else {
        Export::Reports(reports)
    })
}

fn read_invoice(s: Subject, i: usize) -> Result<CoreInvoice, Error> {
    match s {
        Subject::Model(m) => Ok(*m),
        Subject::Json(v) => {
            CoreInvoice::from_value(&v).map_err(|e| e.under(&Path::root().index(i)))
        }
        Subject::Key(_) => Err(Error::new(INP_TYPE)
            .with("expected", "an invoice")
            .with("found", "str")
            .at(Path::root().index(i))),
    }
}

fn export_text(data: Export, csv: Option<Lang>) -> Result<String, Error> {
    Ok(match data {
        Export::Stats(s) => match csv {
            Some(l) => export::stats_csv(&s, l),
            None => export::stats_jsonl(&s),
        },
        Export::Invoices(subjects) => {
            let invs = subjects
                .into_iter()
                .enumerate()
                .map(|(i, s)| read_invoice(s, i))
                .collect::<Result<Vec<_>, _>>()?;
            match csv {
                Some(l) => export::invoices_csv(&invs, l),
                None => export::invoices_jsonl(&invs),
            }
        }
        Export::Reports(pairs) => {
            let keyed = pairs
                .into_iter()
                .enumerate()
                .map(|(i, (s, r))| {
                    let key = match s {
                        Subject::Key(k) => k,
                        other => export::invoice_key(&read_invoice(other, i)?),
                    };
                    Ok((key, r))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            match csv {
                Some(l) => export::reports_csv(&keyed, l),
                None => export::reports_jsonl(&keyed),
            }
        }
    })
}

fn lang_arg(obj: Option<&Bound<'_, PyAny>>) -> Conv<Lang> {
    let v = convert::options(&[("header_lang", obj)])?;
    Ok(ExportOptions::read(&v, Keys::Snake)?.lang)
}

/// Exports as CSV text (UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends;
/// formula-like text cells neutralised with a leading '). data is one of:
///
/// - a Stats (from stats()): one row per group;
/// - an iterable of invoices (Invoice objects or dicts): one row per invoice;
/// - an iterable of (invoice or key str, Report) pairs, e.g. zip(invoices, validate_many(...)):
///   one row per finding (a row for a valid invoice), keyed by the invoice's duplicate key
///   ('digital:<number>', 'legacy:<code>:<number>') or the key given.
///
/// header_lang 'zh' (default) or 'en' chooses the header and the language of kind names and
/// yes/no. Money is written exactly as the core holds it ('633.00').
///
/// Raises InvoiceError: an invoice the reader refuses at its index ([0].kind); INP-02 data of
/// another shape (or invoices and pairs mixed); INP-05 an unknown header_lang.
#[pyfunction]
#[pyo3(signature = (data, header_lang=None), text_signature = "(data, header_lang='zh')")]
fn export_csv(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    header_lang: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    guard(py, || {
        let (d, l) =
            (|| -> Conv<_> { Ok((export_arg(data)?, lang_arg(header_lang)?)) })().or_raise(py)?;
        py.detach(|| export_text(d, Some(l))).or_raise(py)
    })
}

/// Exports as JSON Lines text (one JSON object per line, '\n' after each; money as exact
/// decimal strings). data as export_csv() takes it: a Stats, invoices, or (invoice or key,
/// Report) pairs.
///
/// Raises InvoiceError as export_csv() does.
#[pyfunction]
fn export_jsonl(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let d = export_arg(data).or_raise(py)?;
        py.detach(|| export_text(d, None)).or_raise(py)
    })
}

/// Fills `invoice_core._native.find`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NormalisedQuery>()?;
    m.add_class::<Diagnosis>()?;
    m.add_function(wrap_pyfunction!(normalise_query, m)?)?;
    m.add_function(wrap_pyfunction!(normalise_fields, m)?)?;
    m.add_function(wrap_pyfunction!(search, m)?)?;
    m.add_function(wrap_pyfunction!(diagnose, m)?)?;
    m.add_function(wrap_pyfunction!(diagnose_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(build_number, m)?)?;
    m.add_function(wrap_pyfunction!(number_parts, m)?)?;
    m.add_function(wrap_pyfunction!(next_number, m)?)?;
    m.add_function(wrap_pyfunction!(export_csv, m)?)?;
    m.add_function(wrap_pyfunction!(export_jsonl, m)?)?;
    Ok(())
}
