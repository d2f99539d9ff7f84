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
//! Reading the files people receive (feature `read`, on by default): bytes in, the format
//! recognised from the bytes, findings at their place in the file, copies found across files.
//!
//! ```
//! # #[cfg(feature = "read")] {
//! use chrono::NaiveDate;
//! use invoice_core::read::{Format, read_many};
//!
//! let xml = r#"<EInvoice><Header><EIid>25332000000012340001</EIid></Header><EInvoiceData>
//!   <SellerInformation><SellerIdNum>91310000580583950X</SellerIdNum><SellerName>上海七牛信息技术有限公司</SellerName></SellerInformation>
//!   <BuyerInformation><BuyerName>王芳</BuyerName></BuyerInformation>
//!   <BasicInformation><TotalAmWithoutTax>100.00</TotalAmWithoutTax><TotalTaxAm>6.00</TotalTaxAm>
//!     <TotalTax-includedAmount>106.00</TotalTax-includedAmount></BasicInformation>
//!   <IssuItemInformation><ItemName>*信息技术服务*软件服务</ItemName><Amount>100.00</Amount>
//!     <TaxRate>0.06</TaxRate><ComTaxAm>6.00</ComTaxAm></IssuItemInformation></EInvoiceData>
//!   <TaxSupervisionInfo><IssueTime>2025-11-03</IssueTime></TaxSupervisionInfo></EInvoice>"#;
//! // The same invoice's QR, scanned (数电: the amount is 价税合计).
//! let qr = "01,32,,25332000000012340001,106.00,20251103,,6C1E";
//! let batch = read_many(&[("invoice.xml", xml.as_bytes()), ("scan.txt", qr.as_bytes())]);
//! let reading = batch.files[0].reading.as_ref().unwrap();
//! assert_eq!(reading.source.format, Format::DigitalXml);
//! assert_eq!(batch.copy_of(), [None, Some(0)]); // the scan is a copy of the XML
//!
//! // Validation knows what the format does not carry (here no 大写 and no tax codes).
//! let as_of = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
//! let report = reading.validate(&reading.context(as_of));
//! for f in &report.findings {
//!     println!("[{}] {}: {}", f.code(), f.path(), f.message_zh());
//! }
//! # }
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
//! | `columnar` | invoices as Arrow tables and columns (feature `arrow`) |
//! | `read` | reading invoice files: 数电 XML, OFD, MoF XBRL, QR text; copies across files |
//!
//! The crate takes no clock, filesystem or randomness: `as_of`, `now` and keys are parameters,
//! so it is deterministic and builds for `wasm32-unknown-unknown`. No input makes it panic.
#![forbid(unsafe_code)]

pub mod catalog;
#[cfg(feature = "arrow")]
pub mod columnar;
pub mod dates;
pub mod error;
pub mod find;
pub mod ids;
pub mod lifecycle;
pub mod model;
pub mod money;
pub mod number;
pub mod options;
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
