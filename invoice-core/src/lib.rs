//! # invoice-core: the Chinese VAT invoice (发票 / fapiao) domain, exact and pure
//!
//! ```
//! use invoice_core::money::{Amount, TaxRate};
//!
//! // Exact money, half-up rounding (四舍五入) as the tax system does it.
//! let tax = Amount::parse("520.75")?.times_rate(TaxRate::parse("6%")?)?;
//! assert_eq!(tax.to_string(), "31.25");
//!
//! // Every failure is an error with a stable code, a path and bilingual messages.
//! let err = Amount::parse("12.345").unwrap_err();
//! assert_eq!(err.code(), "MNY-02");
//! # Ok::<(), invoice_core::Error>(())
//! ```
//!
//! ## Modules
//!
//! | module | owns |
//! |---|---|
//! | [`error`] | the one [`Error`] type, severities, paths, the rule catalogue |
//! | [`money`] | amounts, prices, quantities, tax rates; the rounding rule |
//! | [`ids`] | 统一社会信用代码, 组织机构代码, 居民身份证号, 纳税人识别号 |
//! | [`number`] | 发票代码 and 发票号码, invoice kinds and their code tables |
//! | [`words`] | 大写金额 both ways |
//! | [`model`] | the invoice: parties, lines, totals, red-letter references |
//! | [`tax`] | line arithmetic, 价税分离, 差额征税, discounts, tolerances |
//! | [`validate`] | the validation rules and reports |
//! | [`lifecycle`] | the invoice lifecycle state machine |
//! | [`verify`] | check codes, QR payloads, 查验 queries, duplicates |
//! | [`stats`] | statistics over many invoices |
//! | [`find`] | query normalisation, search, lookup diagnostics, numbering, export |
//!
//! The crate takes no clock, filesystem or randomness: `as_of`, `now` and keys are parameters,
//! so it is deterministic and builds for `wasm32-unknown-unknown`. No input makes it panic.
#![forbid(unsafe_code)]

pub mod catalog;
pub mod dates;
pub mod error;
pub mod find;
pub mod ids;
pub mod lifecycle;
pub mod model;
pub mod money;
pub mod number;
#[cfg(feature = "read")]
pub mod read;
pub mod stats;
pub mod tax;
pub mod validate;
pub mod verify;
pub mod words;

pub use error::{Error, Path, Rule, Severity};

/// The README's Rust example runs as a doc test, so the README cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
