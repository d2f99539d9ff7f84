//! Validation (发票校验): every rule an invoice must satisfy, all findings in one call.
//!
//! [`validate`] runs every rule of the catalogue against an [`Invoice`] under a [`Context`]
//! (the date to judge against, the [`Policy`] tolerances, the seller's taxpayer category and
//! issuing limit when known) and returns a [`Report`] with **all** findings, each an
//! [`Error`] with its code, path, severity, params and messages. [`is_valid`] is the boolean.
//! Findings come in a stable order: header, parties, lines, arithmetic, red-letter, 特定业务.
//!
//! The rule families and their codes are listed in [`codes`] and in the generated `RULES.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use invoice_core::model::Invoice;
//! use invoice_core::validate::{validate, Context};
//!
//! let inv = Invoice::from_json(r#"{
//!   "kind": "digital_ordinary", "number": "24312000000358032546", "issue_date": "2024-11-18",
//!   "seller": {"name": "上海七牛信息技术有限公司", "tax_id": "91310000580583950X"},
//!   "buyer": {"name": "张三", "type": "natural_person"},
//!   "lines": [{"name": "*信息技术服务*软件服务", "tax_code": "3040201000000000000",
//!              "amount": "100.00", "rate": "6%", "tax": "6.00"}],
//!   "totals": {"amount": "100.00", "tax": "6.00", "total": "106.00", "total_in_words": "壹佰零陆圆整"}
//! }"#)?;
//! let ctx = Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).unwrap());
//! assert!(validate(&inv, &ctx).is_valid());
//!
//! // Judged against a day before it was issued, the same invoice is dated in the future.
//! let early = Context::new(NaiveDate::from_ymd_opt(2024, 11, 1).unwrap());
//! let report = validate(&inv, &early);
//! assert_eq!(report.codes(), vec!["HDR-05"]);
//! # Ok::<(), invoice_core::Error>(())
//! ```

pub mod codes;
mod glue;
mod header;
mod lines;
mod parties;
mod red;
mod special;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path, Severity};
use crate::model::Invoice;
use crate::model::Source;
use crate::money::Amount;
use crate::options::{Keys, Opts};
use crate::tax::{Policy, TaxpayerCategory};

pub(crate) use codes::RULES;

/// A field a source format does not carry (reading files, [`crate::read`]): its absence is
/// not a finding, because the source could not have had it. A field the source carried with a
/// bad value is still judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCarried {
    /// 发票代码 (数电 files, accounting XBRL).
    Code,
    /// 校验码.
    CheckCode,
    /// Whether the invoice is 专票 or 普票 (the kind was inferred).
    Kind,
    /// The buyer's taxpayer id.
    BuyerTaxId,
    /// The buyer's address, phone, bank and account.
    BuyerContact,
    /// The seller's address, phone, bank and account.
    SellerContact,
    /// The lines (an accounting XBRL instance, a QR text).
    Lines,
    /// 税收分类编码 of the lines (legacy files, 数电 OFD tags).
    TaxCodes,
    /// 价税合计（大写）.
    TotalInWords,
    /// 开票人, 复核, 收款人.
    Clerks,
    /// 备注.
    Remarks,
}

impl NotCarried {
    /// Every field, in declaration order.
    pub const ALL: [NotCarried; 11] = [
        NotCarried::Code,
        NotCarried::CheckCode,
        NotCarried::Kind,
        NotCarried::BuyerTaxId,
        NotCarried::BuyerContact,
        NotCarried::SellerContact,
        NotCarried::Lines,
        NotCarried::TaxCodes,
        NotCarried::TotalInWords,
        NotCarried::Clerks,
        NotCarried::Remarks,
    ];
}

crate::error::option_names!(NotCarried {
    Code => "code",
    CheckCode => "check_code",
    Kind => "kind",
    BuyerTaxId => "buyer_tax_id",
    BuyerContact => "buyer_contact",
    SellerContact => "seller_contact",
    Lines => "lines",
    TaxCodes => "tax_codes",
    TotalInWords => "total_in_words",
    Clerks => "clerks",
    Remarks => "remarks",
});

/// A set of [`NotCarried`] fields, one bit each: what [`Context::not_carried`] holds. (A bit set
/// rather than a `BTreeSet`: the tree's code costs the browser module 2 KB.) It serialises as
/// the list of names in declaration order.
///
/// ```
/// use invoice_core::validate::{NotCarried, NotCarriedSet};
///
/// let mut set: NotCarriedSet = [NotCarried::Lines].into_iter().collect();
/// assert!(set.insert(NotCarried::TaxCodes));
/// assert!(!set.insert(NotCarried::Lines));
/// assert!(set.contains(NotCarried::TaxCodes) && !set.contains(NotCarried::Code));
/// assert_eq!(serde_json::to_string(&set).unwrap(), r#"["lines","tax_codes"]"#);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NotCarriedSet(u16);

impl NotCarriedSet {
    /// The empty set.
    pub const fn new() -> NotCarriedSet {
        NotCarriedSet(0)
    }

    fn bit(field: NotCarried) -> u16 {
        1 << (field as u16)
    }

    /// Adds `field`; true when it was not there yet.
    pub fn insert(&mut self, field: NotCarried) -> bool {
        let had = self.contains(field);
        self.0 |= Self::bit(field);
        !had
    }

    /// Removes `field`; true when it was there.
    pub fn remove(&mut self, field: NotCarried) -> bool {
        let had = self.contains(field);
        self.0 &= !Self::bit(field);
        had
    }

    /// True when `field` is in the set.
    pub fn contains(&self, field: NotCarried) -> bool {
        self.0 & Self::bit(field) != 0
    }

    /// True when no field is in the set.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// How many fields are in the set.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// The fields in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = NotCarried> + '_ {
        NotCarried::ALL.into_iter().filter(|f| self.contains(*f))
    }
}

impl Extend<NotCarried> for NotCarriedSet {
    fn extend<I: IntoIterator<Item = NotCarried>>(&mut self, fields: I) {
        for f in fields {
            self.insert(f);
        }
    }
}

impl FromIterator<NotCarried> for NotCarriedSet {
    fn from_iter<I: IntoIterator<Item = NotCarried>>(fields: I) -> Self {
        let mut set = NotCarriedSet::new();
        set.extend(fields);
        set
    }
}

impl Serialize for NotCarriedSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for NotCarriedSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<NotCarried>::deserialize(d)?.into_iter().collect())
    }
}

/// The names of the context's options (snake_case).
pub const CONTEXT_KEYS: &[&str] = &[
    "as_of",
    "seller_category",
    "issuing_limit",
    "policy",
    "not_carried",
];

/// What an invoice is judged against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// The day to judge against (issue dates after it are in the future).
    pub as_of: NaiveDate,
    /// Tolerances and limits.
    #[serde(default)]
    pub policy: Policy,
    /// The seller's taxpayer category, when known (decides which rates it may use).
    #[serde(default)]
    pub seller_category: Option<TaxpayerCategory>,
    /// The seller's issuing limit (单张开票限额), when known: 合计金额 must stay below it.
    #[serde(default)]
    pub issuing_limit: Option<Amount>,
    /// Fields the invoice's source format does not carry (empty: a full issuer's record).
    #[serde(default, skip_serializing_if = "NotCarriedSet::is_empty")]
    pub not_carried: NotCarriedSet,
}

impl Context {
    /// A context judging as of `as_of` with the default policy and nothing else known.
    pub fn new(as_of: NaiveDate) -> Context {
        Context {
            as_of,
            policy: Policy::default(),
            seller_category: None,
            issuing_limit: None,
            not_carried: NotCarriedSet::new(),
        }
    }

    /// Reads a context `{as_of, seller_category?, issuing_limit?, policy?, not_carried?}` in
    /// the host's key convention: the one reader behind `validate` in every binding.
    ///
    /// # Errors
    /// At the option's path: `INP-04` no `as_of`, `INP-02` a bad date or a wrong type, `INP-05`
    /// an unknown key, category or field name (`not_carried[i]`), `INP-01` a float limit, the
    /// `MNY-` codes, and the policy's errors under `policy`.
    pub fn read<S: Source>(v: S, keys: Keys) -> Result<Context, Error> {
        Context::read_at(v, Path::root(), keys, &[])
    }

    /// As [`Context::read`], for an options object at `at` that may also hold the keys `more`
    /// (read by the caller).
    ///
    /// # Errors
    /// As [`Context::read`].
    pub fn read_at<S: Source>(
        v: S,
        at: Path,
        keys: Keys,
        more: &[&'static str],
    ) -> Result<Context, Error> {
        let mut allowed = CONTEXT_KEYS.to_vec();
        allowed.extend_from_slice(more);
        let o = Opts::open(v, at, keys, &allowed)?;
        Context::from_opts(&o)
    }

    /// The context from an options object already opened.
    ///
    /// # Errors
    /// As [`Context::read`].
    pub fn from_opts<S: Source>(o: &Opts<S>) -> Result<Context, Error> {
        let mut ctx = Context::new(o.required_day("as_of")?);
        ctx.seller_category = o.name("seller_category")?;
        ctx.issuing_limit = o.amount("issuing_limit")?;
        ctx.policy = Policy::read_in(o, "policy")?;
        ctx.not_carried = o.names::<NotCarried>("not_carried")?.into_iter().collect();
        Ok(ctx)
    }

    /// True when the source carried `field` (so its absence is a finding).
    pub fn carries(&self, field: NotCarried) -> bool {
        !self.not_carried.contains(field)
    }
}

/// The result of [`validate`]: every finding, errors and warnings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The findings in rule order.
    pub findings: Vec<Error>,
}

impl Report {
    /// True when no finding is an error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self
            .findings
            .iter()
            .any(|f| f.severity() == Severity::Error)
    }

    /// The codes of the findings, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.findings.iter().map(Error::code).collect()
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Error> {
        self.findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Error> {
        self.findings
            .iter()
            .filter(|f| f.severity() == Severity::Warning)
    }

    /// A report for input that could not even be read (the reading errors as findings).
    pub fn from_errors(findings: Vec<Error>) -> Report {
        Report { findings }
    }
}

impl Serialize for Report {
    /// `{valid, findings}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("valid", &self.is_valid())?;
        m.serialize_entry("findings", &self.findings)?;
        m.end()
    }
}

/// Runs every rule against `invoice`.
pub fn validate(invoice: &Invoice, ctx: &Context) -> Report {
    let mut out = Vec::new();
    header::check(invoice, ctx, &mut out);
    parties::check(invoice, ctx, &mut out);
    lines::check(invoice, ctx, &mut out);
    lines::arithmetic(invoice, ctx, &mut out);
    red::check(invoice, ctx, &mut out);
    special::check(invoice, ctx, &mut out);
    Report { findings: out }
}

/// True when `invoice` has no error finding under `ctx`.
pub fn is_valid(invoice: &Invoice, ctx: &Context) -> bool {
    validate(invoice, ctx).is_valid()
}

/// Reads an invoice from JSON and validates it: reading problems become the report's findings.
pub fn validate_json(value: &serde_json::Value, ctx: &Context) -> Report {
    validate_source(value, ctx)
}

/// Reads an invoice from any [`Source`] (a host's objects, a table row)
/// and validates it: reading problems become the report's findings, as in [`validate_json`].
pub fn validate_source<S: crate::model::Source>(value: S, ctx: &Context) -> Report {
    match Invoice::from_source_all(value) {
        Ok(inv) => validate(&inv, ctx),
        Err(errors) => Report::from_errors(errors),
    }
}
