//! Reading invoice files (读取发票文件) in Python, see `invoice_core::read`: `read_file(source)`
//! for one file (bytes or a path), `read_files(sources)` for many with the copies among them.
//! The binding only reads the bytes of a path; the core recognises and reads the format.

use std::path::PathBuf;

use invoice_core::read::{self as core_read, Batch as CoreBatch, Reading as CoreReading};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard, to_py};
use crate::findings::{Report, finding_list};
use crate::invoice::{Invoice, context_arg};

/// The submodule's docstring.
pub const DOC: &str = "Reading invoice files (读取发票文件): read_file(bytes or path) -> Reading \
(数电 XML, OFD, MoF XBRL, QR text; format recognised from the bytes), read_files(sources) -> \
Batch (many files, GIL released, with the copies among them). Re-exported at the top level.";

const MONEY: &[&str] = &["amount", "transferred_out_amount"];

/// One source: bytes as they are, or a path whose bytes the binding reads.
enum Source {
    Bytes(Vec<u8>),
    Path(PathBuf),
}

/// A path is an OS path, read as `os.fsencode` does: the PEP 383 escapes Python uses for the
/// bytes of a file name that is not UTF-8 (U+DC80–U+DCFF) stand for those bytes and are kept. A
/// path whose text holds another lone surrogate names no file at all: `INP-07`.
fn source_arg(obj: &Bound<'_, PyAny>) -> Conv<Source> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Source::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Source::Bytes(b.to_vec()));
    }
    if let Ok(p) = obj.extract::<PathBuf>() {
        return Ok(Source::Path(p));
    }
    let fspath = obj.py().import("os")?.getattr("fspath")?;
    if let Ok(text) = fspath.call1((obj,))
        && let Ok(s) = text.cast::<PyString>()
    {
        convert::str_text(s)?;
    }
    Err(convert::wrong_type(
        obj,
        "bytes, bytearray, str or os.PathLike",
    ))
}

fn load(s: &Source) -> std::io::Result<Vec<u8>> {
    match s {
        Source::Bytes(b) => Ok(b.clone()),
        Source::Path(p) => std::fs::read(p),
    }
}

fn name_of(s: &Source) -> String {
    match s {
        Source::Bytes(_) => "<bytes>".to_string(),
        Source::Path(p) => p.display().to_string(),
    }
}

/// What read_file returns: the invoice read from a file, where it came from, the QR found in
/// it, the fields its format does not carry, the receiver's accounting facts (MoF XBRL), and
/// the reading findings (masked or malformed fields, in-file cross-checks), each at its place
/// in the file.
#[pyclass(frozen, module = "invoice_core")]
pub struct Reading {
    r: CoreReading,
}

#[pymethods]
impl Reading {
    /// 'digital_xml', 'ofd_legacy', 'ofd_xbrl', 'ofd_digital', 'xbrl_einv', 'xbrl_inv',
    /// 'legacy_xml' or 'qr_text'.
    #[getter]
    fn format(&self) -> &'static str {
        self.r.source.format.name()
    }

    /// The format's version or taxonomy, when stated.
    #[getter]
    fn version(&self) -> Option<String> {
        self.r.source.version.clone()
    }

    /// The part of the container the data was read from.
    #[getter]
    fn part(&self) -> Option<String> {
        self.r.source.part.clone()
    }

    /// The invoice, or None (a bare QR text, or required fields unreadable: see findings).
    #[getter]
    fn invoice(&self) -> Option<Invoice> {
        self.r.invoice.clone().map(Invoice::from_core)
    }

    /// The QR found: {at, text?, image?, payload?} (payload as parse_qr gives it), or None.
    #[getter]
    fn qr<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.r.qr, MONEY, &[], &["issue_date"])
    }

    /// Names of the fields the format does not carry ('tax_codes', 'lines', ...).
    #[getter]
    fn not_carried(&self) -> Vec<String> {
        self.r
            .not_carried
            .iter()
            .map(|f| {
                serde_json::to_value(f)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The receiver's accounting facts (booked, checked, paid, usage, period, vouchers,
    /// buyer_state), or None.
    #[getter]
    fn accounting<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.r.accounting, MONEY, &[], &["posting_date"])
    }

    /// [{field, at}]: where each value of the invoice came from.
    #[getter]
    fn origins<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.r.origins, &[], &[], &[])
    }

    /// The reading findings (Finding objects).
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        finding_list(py, self.r.findings.clone())
    }

    /// The reading findings followed by the validation findings of the invoice, judged as of
    /// as_of with the fields the format does not carry not called missing.
    #[pyo3(signature = (as_of, seller_category=None, issuing_limit=None, policy=None))]
    fn validate<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
        seller_category: Option<&Bound<'py, PyAny>>,
        issuing_limit: Option<&Bound<'py, PyAny>>,
        policy: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Report> {
        guard(py, || {
            let ctx =
                context_arg(as_of, seller_category, issuing_limit, policy, None).or_raise(py)?;
            Ok(Report::new(self.r.validate(&ctx)))
        })
    }

    /// The identity keys ('legacy:<code>:<number>' or 'digital:<number>') for copies and
    /// duplicates.
    fn keys(&self) -> Vec<String> {
        self.r.keys().iter().map(ToString::to_string).collect()
    }

    /// A short dict: format, version, part, kind, code, number, issue_date, amount, tax, total
    /// (str), lines (count), qr, not_carried, findings [{code, path}].
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::value_out(py, &self.r.summary())
    }

    /// The whole reading as plain data (the core's JSON form: money as str).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::value_out(py, &self.r.to_value())
    }

    fn __repr__(&self) -> String {
        let inv = self.r.invoice.as_ref();
        format!(
            "Reading(format={:?}, number={:?}, findings={})",
            self.r.source.format.name(),
            inv.map(|i| i.number.as_str()).unwrap_or(""),
            self.r.findings.len()
        )
    }
}

/// One file of a Batch: its name, and its Reading or the InvoiceError that says why it is not
/// an invoice file.
#[pyclass(frozen, module = "invoice_core")]
pub struct FileReading {
    #[pyo3(get)]
    name: String,
    reading: Option<CoreReading>,
    error: Option<invoice_core::Error>,
}

#[pymethods]
impl FileReading {
    /// The Reading, or None when the file could not be read.
    #[getter]
    fn reading(&self) -> Option<Reading> {
        self.reading.clone().map(|r| Reading { r })
    }

    /// The InvoiceError (not raised) when the file could not be read, else None.
    #[getter]
    fn error(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.error
            .as_ref()
            .map(|e| to_py(py, e).into_value(py).into_any())
    }
}

/// What read_files returns: one FileReading per source, in order, and the groups of files
/// holding one invoice (its OFD, XML and QR text), each {key, files (indexes), consistent
/// (False when their figures differ: two documents under one number)}.
#[pyclass(frozen, module = "invoice_core")]
pub struct Batch {
    b: CoreBatch,
}

#[pymethods]
impl Batch {
    /// One FileReading per source.
    #[getter]
    fn files(&self) -> Vec<FileReading> {
        self.b
            .files
            .iter()
            .map(|f| FileReading {
                name: f.name.clone(),
                reading: f.reading.clone(),
                error: f.error.clone(),
            })
            .collect()
    }

    /// [{key, files, consistent}] for groups of two or more files.
    #[getter]
    fn copies<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.b.copies, &[], &[], &[])
    }

    /// For each file, the index of the first file it is a copy of, or None.
    fn copy_of(&self) -> Vec<Option<usize>> {
        self.b.copy_of()
    }
}

fn unopened(name: &str, e: &std::io::Error) -> invoice_core::Error {
    invoice_core::Error::new(core_read::FILE_UNOPENED)
        .with("path", name)
        .with("reason", e)
}

/// Reads one invoice file from bytes or a path (str or os.PathLike): 数电 XML, OFD, MoF XBRL or
/// a QR text, recognised from the bytes. Raises InvoiceError (READ-01 … READ-09) when the input
/// is not an invoice file at all, and READ-20 when a path cannot be opened; a masked or
/// malformed field is a finding of the Reading, not an exception.
#[pyfunction]
fn read_file(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Reading> {
    guard(py, || {
        let s = source_arg(source).or_raise(py)?;
        let bytes = py
            .detach(|| load(&s))
            .map_err(|e| unopened(&name_of(&s), &e))
            .or_raise(py)?;
        let r = py.detach(|| core_read::read(&bytes)).or_raise(py)?;
        Ok(Reading { r })
    })
}

/// Reads many files (bytes or paths) with the GIL released and finds the copies among them.
/// A path that cannot be opened raises InvoiceError READ-20; a file that is not an invoice file
/// is a FileReading with an error, not an exception.
#[pyfunction]
fn read_files(py: Python<'_>, sources: &Bound<'_, PyAny>) -> PyResult<Batch> {
    guard(py, || {
        let items = convert::items(sources, "an iterable of bytes or paths").or_raise(py)?;
        let srcs: Vec<Source> = items
            .iter()
            .enumerate()
            .map(|(i, o)| source_arg(o).map_err(|f| f.under(&invoice_core::Path::root().index(i))))
            .collect::<Conv<_>>()
            .or_raise(py)?;
        let loaded: Vec<(String, Vec<u8>)> = py
            .detach(|| {
                srcs.iter()
                    .map(|s| {
                        load(s)
                            .map(|b| (name_of(s), b))
                            .map_err(|e| (name_of(s), e))
                    })
                    .collect::<Result<_, _>>()
            })
            .map_err(|(n, e)| unopened(&n, &e))
            .or_raise(py)?;
        let b = py.detach(|| core_read::read_many(&loaded));
        Ok(Batch { b })
    })
}

/// Registers the area.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Reading>()?;
    m.add_class::<FileReading>()?;
    m.add_class::<Batch>()?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(read_files, m)?)?;
    Ok(())
}
