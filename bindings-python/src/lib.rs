//! Python binding of invoice-core (发票核心库的 Python 绑定): the native module
//! `invoice_core._native`, re-exported by the pure-namespace package `invoice_core`.
//!
//! Thin by rule: every exported function converts its arguments ([`convert`]), calls the core,
//! and converts the result back; core errors become `InvoiceError` ([`error`]). No domain logic
//! lives here. Each area of the API is one file with a `register` function and one line in
//! [`AREAS`]; its functions appear in Python as `invoice_core.<area>.<function>`, which is also
//! how the shared vectors name their ops (`money.amount`).
//!
//! Every exported function runs inside [`error::guard`], so a Rust panic is an `InvoiceError`
//! (`INP-99`), never a crash.

use pyo3::prelude::*;

/// The Rust side's allocator (Cargo.toml says why); Python's objects keep Python's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod arrow;
mod convert;
mod error;
mod files;
mod find;
mod findings;
mod ids;
mod invoice;
mod kind;
mod lifecycle;
mod money;
mod number;
mod rules;
mod source;
mod stats;
mod tax;
mod testing;
mod verify;
mod words;

/// One area: its Python name, its docstring and the function that fills it.
type Area = (
    &'static str,
    &'static str,
    fn(&Bound<'_, PyModule>) -> PyResult<()>,
);

/// The areas, each a submodule `invoice_core._native.<name>` re-exported as
/// `invoice_core.<name>`. A new area is a file and one line here; the identifier schemes
/// (`uscc`, `org_code`, `ric`, `taxpayer_id`) come from [`ids::areas`], one per core scheme.
const AREAS: &[Area] = &[
    ("money", money::DOC, money::register),
    ("kind", kind::DOC, kind::register),
    ("number", number::DOC, number::register),
    ("words", words::DOC, words::register),
    ("tax", tax::DOC, tax::register),
    ("invoice", invoice::DOC, invoice::register),
    ("lifecycle", lifecycle::DOC, lifecycle::register),
    ("verify", verify::DOC, verify::register),
    ("stats", stats::DOC, stats::register),
    ("find", find::DOC, find::register),
    ("files", files::DOC, files::register),
    ("arrow", arrow::DOC, arrow::register),
    ("_testing", testing::DOC, testing::register),
];

/// Adds one area as a submodule and makes it importable (`from invoice_core._native.money
/// import amount`) by registering it in `sys.modules`, which a native submodule is not by
/// itself.
fn add_area(
    parent: &Bound<'_, PyModule>,
    name: &str,
    doc: &str,
    fill: impl Fn(&Bound<'_, PyModule>) -> PyResult<()>,
) -> PyResult<()> {
    let py = parent.py();
    let full = format!("invoice_core._native.{name}");
    let m = PyModule::new(py, &full)?;
    m.setattr("__doc__", doc)?;
    fill(&m)?;
    parent.add(name, &m)?;
    py.import("sys")?.getattr("modules")?.set_item(&full, &m)?;
    Ok(())
}

/// The native module: `InvoiceError`, `__version__`, the rule catalogue functions and one
/// submodule per area.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    error::register(m)?;
    rules::register(m)?;
    findings::register(m)?;
    for (name, doc, fill) in AREAS {
        add_area(m, name, doc, fill)?;
    }
    for (name, doc, fill) in ids::areas() {
        add_area(m, name, doc, fill)?;
    }
    Ok(())
}
