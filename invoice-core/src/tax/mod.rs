//! Tax arithmetic (税额计算): 价税分离, line tax, 差额征税, discounts, totals per rate, and the
//! tolerances of the tax system, with an option to redistribute rounding differences.
//!
//! - Tax-exclusive input ([`Basis::Exclusive`]): `税额 = round2(金额 × 税率)`.
//! - Tax-inclusive input ([`Basis::Inclusive`], 价税分离, domain.md §7.3):
//!   `金额 = round2(含税金额 / (1 + 税率))`, `税额 = 含税金额 − 金额`.
//! - 差额征税 (§6.3, one line, deduction `扣除额`): inclusive
//!   `金额 = round2((含税金额 − 扣除额) / (1 + 税率)) + 扣除额`, `税额 = 含税金额 − 金额`;
//!   exclusive `税额 = round2((金额 − 扣除额) × 税率)`.
//! - Discount lines (§7.4) are ordinary lines with a negative amount; the same formulas apply.
//!
//! Rounding is half-up ([`crate::money::round_half_up`]). Each line's difference
//! `Δ = 金额 × 税率 − 税额` (unrounded) must stay within [`Policy::line_tax_tolerance`] (0.06) and
//! their sum within [`Policy::invoice_tax_tolerance`] (1.27); a rounding difference of a few fen per
//! line adds up, so 227 lines of 1.00 at 13 % tax-inclusive break the limit and 226 do not. With
//! [`Options::redistribute`] the computation moves 0.01 of tax on as few lines as needed to come
//! back within the limit; when even that cannot, [`Computed::split`] says where to split the
//! invoice. No tax-bureau text states the 0.01 / 0.06 / 1.27 tolerances (domain.md Appendix B.1):
//! they are the documented defaults of [`Policy`], widely implemented by invoicing vendors.
//!
//! ```
//! use invoice_core::money::{Amount, TaxRate};
//! use invoice_core::tax::split_tax;
//!
//! let s = split_tax(Amount::parse("1000.00")?, TaxRate::parse("13%")?)?;
//! assert_eq!((s.amount.to_string(), s.tax.to_string()), ("884.96".into(), "115.04".into()));
//!
//! let err = invoice_core::tax::split_with_deduction(
//!     Amount::parse("10.00")?, Amount::parse("20.00")?, TaxRate::parse("6%")?).unwrap_err();
//! assert_eq!(err.code(), "CAL-12"); // deduction above the amount
//! # Ok::<(), invoice_core::Error>(())
//! ```

pub mod rates;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path, rules};
use crate::model::{Invoice, LineNature, LineRate, Source, Totals};
use crate::money::{Amount, MNY_OVERFLOW, Price, TaxRate, round_half_up};
use crate::options::{Keys, Opts};

pub use rates::{
    Provinces, RateRow, TaxpayerCategory, rate_allowed, rate_allowed_in, rates_in_force,
};

rules! {
    /// A line with neither an amount nor quantity × price.
    CAL_NO_AMOUNT = ("CAL-01", Error,
        "line has no amount and no quantity × unit price to compute it from",
        "明细行缺少金额，且无数量 × 单价可据以计算");
    /// quantity × price differs from the amount beyond the tolerance.
    CAL_QTY_PRICE = ("CAL-02", Error,
        "quantity × unit price = {expected} differs from the amount {amount} by more than {tolerance}",
        "数量 × 单价 = {expected}，与金额 {amount} 相差超过 {tolerance}");
    /// Line tax differs from amount × rate beyond the tolerance.
    CAL_LINE_TAX = ("CAL-03", Error,
        "line tax {tax} differs from amount × rate = {expected} by more than {tolerance}",
        "税额 {tax} 与金额 × 税率 = {expected} 相差超过 {tolerance}");
    /// The invoice's accumulated tax difference exceeds the tolerance.
    CAL_INVOICE_TAX = ("CAL-04", Error,
        "accumulated tax difference {difference} exceeds {tolerance}; split the invoice (first split before line {split_at})",
        "累计税额误差 {difference} 超过 {tolerance}，请拆分发票（第一处拆分在第 {split_at} 行之前）");
    /// 合计金额 is not the sum of line amounts.
    CAL_TOTAL_AMOUNT = ("CAL-05", Error,
        "total amount {declared} is not the sum of the line amounts {computed}",
        "合计金额 {declared} 不等于各行金额之和 {computed}");
    /// 合计税额 is not the sum of line taxes.
    CAL_TOTAL_TAX = ("CAL-06", Error,
        "total tax {declared} is not the sum of the line taxes {computed}",
        "合计税额 {declared} 不等于各行税额之和 {computed}");
    /// 价税合计 ≠ 合计金额 + 合计税额.
    CAL_GRAND_TOTAL = ("CAL-07", Error,
        "total including tax {declared} is not amount + tax = {computed}",
        "价税合计 {declared} 不等于合计金额 + 合计税额 = {computed}");
    /// The 大写 does not state the total.
    CAL_WORDS_MISMATCH = ("CAL-08", Error,
        "the amount in words {words} does not state the total {total}",
        "价税合计（大写）{words} 与小写金额 {total} 不符");
    /// The 大写 is not readable as an amount.
    CAL_WORDS_INVALID = ("CAL-09", Error,
        "the amount in words {words} cannot be read: {reason}",
        "价税合计（大写）{words} 无法识别：{reason_zh}");
    /// A zero quantity where a price must be derived.
    CAL_ZERO_QUANTITY = ("CAL-10", Error,
        "quantity is zero, so no unit price can be derived",
        "数量为零，无法计算单价");
    /// 差额征税 with more than one line.
    CAL_DEDUCTION_LINES = ("CAL-11", Error,
        "deduction-based invoicing (差额征税) allows exactly one line, found {count}",
        "差额征税发票只能有一行明细，实际为 {count} 行");
    /// Deduction negative or above the amount.
    CAL_DEDUCTION_RANGE = ("CAL-12", Error,
        "deduction {deduction} must be at least 0 and not above the amount {amount}",
        "扣除额 {deduction} 须不小于 0 且不大于金额 {amount}");
    /// A line has no tax.
    CAL_NO_TAX = ("CAL-13", Error,
        "line has no tax amount",
        "明细行缺少税额");
    /// A zero-rated or exempt line carries tax.
    CAL_ZERO_RATE_TAX = ("CAL-14", Error,
        "a {treatment} line must have tax 0.00, found {tax}",
        "{treatment} 行的税额必须为 0.00，实际为 {tax}");
    /// No declared totals.
    CAL_NO_TOTALS = ("CAL-15", Error,
        "the invoice declares no totals (合计金额, 合计税额, 价税合计)",
        "发票缺少合计金额、合计税额、价税合计");
}

/// The tolerances and limits applied when computing and validating (domain.md §7.2, §7.6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// |数量 × 单价 − 金额| allowed: 0.01.
    pub quantity_price_tolerance: Amount,
    /// |金额 × 税率 − 税额| allowed per line: 0.06.
    pub line_tax_tolerance: Amount,
    /// |Σ (金额 × 税率 − 税额)| allowed per invoice: 1.27.
    pub invoice_tax_tolerance: Amount,
    /// Lines a paper invoice prints without a 销货清单: 8.
    pub paper_line_limit: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            quantity_price_tolerance: Amount::from_fen(1).unwrap_or_default(),
            line_tax_tolerance: Amount::from_fen(6).unwrap_or_default(),
            invoice_tax_tolerance: Amount::from_fen(127).unwrap_or_default(),
            paper_line_limit: 8,
        }
    }
}

/// The policy's option names (snake_case; [`Keys`] gives the host's).
pub const POLICY_KEYS: &[&str] = &[
    "quantity_price_tolerance",
    "line_tax_tolerance",
    "invoice_tax_tolerance",
    "paper_line_limit",
];

impl Policy {
    /// Reads the policy object under `key` of `o` (any subset of [`POLICY_KEYS`]; the rest keeps
    /// the defaults), the one reader of every host.
    ///
    /// # Errors
    /// `INP-05` an unknown key, `INP-02` a wrong type, `INP-01` a float tolerance, `MNY-`
    /// codes; each at its path (`policy.line_tax_tolerance`).
    pub fn read_in<S: Source>(o: &Opts<S>, key: &'static str) -> Result<Policy, Error> {
        Policy::from_opts(&o.object(key, POLICY_KEYS)?)
    }

    fn from_opts<S: Source>(po: &Opts<S>) -> Result<Policy, Error> {
        let mut p = Policy::default();
        if let Some(a) = po.amount("quantity_price_tolerance")? {
            p.quantity_price_tolerance = a;
        }
        if let Some(a) = po.amount("line_tax_tolerance")? {
            p.line_tax_tolerance = a;
        }
        if let Some(a) = po.amount("invoice_tax_tolerance")? {
            p.invoice_tax_tolerance = a;
        }
        if let Some(n) = po.int("paper_line_limit", 0, 1_000_000, "integer 0–1000000")? {
            p.paper_line_limit = usize::try_from(n).unwrap_or(p.paper_line_limit);
        }
        Ok(p)
    }

    /// Reads a policy object (`{line_tax_tolerance: "0.06", …}`) in the host's key convention.
    ///
    /// ```
    /// use invoice_core::options::Keys;
    /// use invoice_core::tax::Policy;
    ///
    /// let p = Policy::read(&serde_json::json!({"paperLineLimit": 10}), Keys::Camel)?;
    /// assert_eq!(p.paper_line_limit, 10);
    /// let e = Policy::read(&serde_json::json!({"line_tax_tolerance": 0.06}), Keys::Snake).unwrap_err();
    /// assert_eq!((e.code(), e.path().to_string().as_str()), ("INP-01", "line_tax_tolerance"));
    /// # Ok::<(), invoice_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Policy::read_in`], paths from the object.
    pub fn read<S: Source>(v: S, keys: Keys) -> Result<Policy, Error> {
        Policy::from_opts(&Opts::open(v, Path::root(), keys, POLICY_KEYS)?)
    }
}

/// Whether input amounts include tax.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Amounts and prices exclude tax (不含税).
    #[default]
    Exclusive,
    /// Amounts and prices include tax (含税): split them (价税分离).
    Inclusive,
}

/// The names of [`compute`]'s options (snake_case).
pub const OPTION_KEYS: &[&str] = &["prices_include_tax", "redistribute", "policy"];

impl Options {
    /// Reads `compute`'s options `{prices_include_tax?, redistribute?, policy?}` in the host's
    /// key convention (`null`: the defaults).
    ///
    /// # Errors
    /// `INP-05` an unknown key, `INP-02` a wrong type; the policy's errors under `policy`.
    pub fn read<S: Source>(v: S, keys: Keys) -> Result<Options, Error> {
        let o = Opts::open(v, Path::root(), keys, OPTION_KEYS)?;
        Ok(Options {
            basis: if o.bool("prices_include_tax")?.unwrap_or(false) {
                Basis::Inclusive
            } else {
                Basis::Exclusive
            },
            redistribute: o.bool("redistribute")?.unwrap_or(false),
            policy: Policy::read_in(&o, "policy")?,
        })
    }
}

/// How [`compute`] works.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Whether line amounts and prices include tax.
    pub basis: Basis,
    /// Move 0.01 of tax on lines to keep the accumulated difference within the policy.
    pub redistribute: bool,
    /// Tolerances.
    pub policy: Policy,
}

/// An amount split into its tax-exclusive part and its tax.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Split {
    /// 金额 (不含税).
    pub amount: Amount,
    /// 税额.
    pub tax: Amount,
}

fn overflow(what: &'static str) -> Error {
    Error::new(MNY_OVERFLOW).with("what", what)
}

/// 价税分离 of one tax-inclusive amount: `金额 = round2(gross / (1 + rate))`, `税额 = gross − 金额`.
///
/// # Errors
/// `MNY-05` on overflow (not reachable within the [`Amount`] range).
pub fn split_tax(gross: Amount, rate: TaxRate) -> Result<Split, Error> {
    let divisor = Decimal::ONE + rate.value();
    let net = gross
        .value()
        .checked_div(divisor)
        .ok_or_else(|| overflow("gross / (1 + rate)"))?;
    let amount = Amount::round_from(net)?;
    let tax = gross.checked_sub(amount)?;
    Ok(Split { amount, tax })
}

/// 差额征税 of one tax-inclusive amount with a deduction (扣除额).
///
/// # Errors
/// `CAL-12` when the deduction is negative or above the gross amount.
pub fn split_with_deduction(
    gross: Amount,
    deduction: Amount,
    rate: TaxRate,
) -> Result<Split, Error> {
    check_deduction(gross, deduction)?;
    let base = split_tax(gross.checked_sub(deduction)?, rate)?;
    let amount = base.amount.checked_add(deduction)?;
    Ok(Split {
        amount,
        tax: gross.checked_sub(amount)?,
    })
}

fn check_deduction(amount: Amount, deduction: Amount) -> Result<(), Error> {
    if deduction.is_negative() || deduction.value() > amount.value().abs() {
        return Err(Error::new(CAL_DEDUCTION_RANGE)
            .with("deduction", deduction)
            .with("amount", amount));
    }
    Ok(())
}

/// The tax of a tax-exclusive amount, with an optional deduction: `round2((金额 − 扣除额) × 税率)`.
///
/// # Errors
/// `CAL-12` for a deduction out of range; `MNY-05` on overflow.
pub fn tax_of(amount: Amount, rate: LineRate, deduction: Option<Amount>) -> Result<Amount, Error> {
    let base = match deduction {
        Some(d) => {
            check_deduction(amount, d)?;
            amount.checked_sub(d)?
        }
        None => amount,
    };
    base.times_rate(rate.rate())
}

/// The unrounded difference `(金额 − 扣除额) × 税率 − 税额` of one line.
pub fn line_difference(
    amount: Amount,
    rate: LineRate,
    tax: Amount,
    deduction: Option<Amount>,
) -> Decimal {
    let base = amount.value() - deduction.map_or(Decimal::ZERO, Amount::value);
    base * rate.rate().value() - tax.value()
}

/// The 扣除额 a 差额征税 remark states: `差额征税：50.00。`, `差额征税:50.00`, `差额征税: 66.46。`,
/// `差额征税，扣除额50.00元`: the first figure within 8 characters after `差额征税` and before any
/// `。` (so a number further on, in another remark, is not taken), digits with an optional
/// decimal point and thousands commas. `None` when the remark names no deduction (a red 差额 invoice's
/// `差额征税。`) or the figure does not read as an amount.
///
/// The tax system prints this remark on every 差额征税 invoice (国家税务总局公告2016年第23号;
/// domain.md §6.3); legacy files carry the deduction nowhere else (formats.md §3).
///
/// ```
/// use invoice_core::tax::deduction_from_remarks;
///
/// let d = deduction_from_remarks("差额征税：50.00。").unwrap();
/// assert_eq!(d.to_string(), "50.00");
/// assert_eq!(deduction_from_remarks("项目A 差额征税: 66.46。").unwrap().to_string(), "66.46");
/// assert_eq!(deduction_from_remarks("差额征税，扣除额1,050元").unwrap().to_string(), "1050.00");
/// assert_eq!(deduction_from_remarks("差额征税。"), None);
/// assert_eq!(deduction_from_remarks("差额征税。运输日期2024年1月"), None);
/// ```
pub fn deduction_from_remarks(remarks: &str) -> Option<Amount> {
    // 8 characters of at most 3 UTF-8 bytes each.
    const MAX_GAP_BYTES: usize = 24;
    let (_, rest) = remarks.split_once("差额征税")?;
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    // Only separators and labels (：, 扣除额) may stand between the words and the figure.
    let gap = rest.get(..start)?;
    if gap.len() > MAX_GAP_BYTES || gap.contains('。') {
        return None;
    }
    let tail = rest.get(start..)?;
    let end = tail
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(tail.len());
    let figure = tail.get(..end)?.replace(',', "");
    Amount::parse(figure.strip_suffix('.').unwrap_or(&figure)).ok()
}

/// The rate a line printed with an unstated rate (`***`, [`LineRate::Unstated`]) was taxed at:
/// among the rates in force on `date` for `category` ([`rates_in_force`], zero excluded), the
/// one whose `(金额 − 扣除额) × 税率` is nearest to the printed tax, if it is within
/// `tolerance`. On a tie the lower rate wins (small amounts fit several rates).
///
/// ```
/// use chrono::NaiveDate;
/// use invoice_core::money::Amount;
/// use invoice_core::tax::infer_rate;
///
/// let a = |s| Amount::parse(s).unwrap();
/// let day = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
/// // 1050.00 with a 50.00 deduction at 5 %: 1002.38 + 47.62.
/// let r = infer_rate(a("1002.38"), a("47.62"), Some(a("50.00")), day, None, a("0.06"));
/// assert_eq!(r.map(|r| r.percent()).as_deref(), Some("5%"));
/// assert_eq!(infer_rate(a("100.00"), a("50.00"), None, day, None, a("0.06")), None);
/// ```
pub fn infer_rate(
    amount: Amount,
    tax: Amount,
    deduction: Option<Amount>,
    date: chrono::NaiveDate,
    category: Option<TaxpayerCategory>,
    tolerance: Amount,
) -> Option<TaxRate> {
    // Straight over the table rows (no list, no sort: this runs inside validation and the
    // browser module counts its bytes); rows repeat a rate over periods, so ties keep the first.
    let mut best: Option<(Decimal, TaxRate)> = None;
    for row in rates::RATES {
        if row.per_10000 <= 0 || !row.in_force(date) || !row.allows(category) {
            continue;
        }
        let Some(r) = row.tax_rate() else { continue };
        let diff = line_difference(amount, LineRate::Rate(r), tax, deduction).abs();
        let better = match best {
            None => true,
            Some((d, b)) => diff < d || (diff == d && r < b),
        };
        if diff <= tolerance.value() && better {
            best = Some((diff, r));
        }
    }
    best.map(|(_, r)| r)
}

/// Totals of the lines at one rate (分税率合计).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RateTotal {
    /// The rate or treatment.
    pub rate: LineRate,
    /// Σ 金额 at this rate.
    pub amount: Amount,
    /// Σ 税额 at this rate.
    pub tax: Amount,
}

/// Where to split an invoice whose accumulated difference cannot be brought within the policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SplitAdvice {
    /// Indexes of the lines that start each further invoice (the first starts at 0).
    pub starts: Vec<usize>,
    /// The accumulated difference of the whole invoice.
    pub difference: Decimal,
}

/// The result of [`compute`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Computed {
    /// The invoice with every line's amount, tax and unit price and the totals filled in.
    pub invoice: Invoice,
    /// Totals per rate, in order of first appearance.
    pub per_rate: Vec<RateTotal>,
    /// Σ (金额 × 税率 − 税额) over the lines (扣除额 lines excluded), unrounded, normalised.
    pub tax_difference: Decimal,
    /// Lines whose tax moved by 0.01 through redistribution.
    pub adjusted_lines: Vec<usize>,
    /// Present when the accumulated difference exceeds the policy: where to split.
    pub split: Option<SplitAdvice>,
}

fn at_line(e: Error, i: usize) -> Error {
    e.under(&Path::field("lines").index(i))
}

/// Computes line amounts, taxes, unit prices and all totals of `invoice`.
///
/// Existing taxes and totals are replaced; names, codes and everything else are kept. The
/// 大写 of the total is filled in the invoice style.
///
/// # Errors
/// `CAL-01` a line without amount or quantity × price, `CAL-10` zero quantity where a price must
/// be derived, `CAL-13` a line whose rate is unstated (`***`: its amount and tax are kept as
/// given) and which has no tax, `CAL-11` 差额征税 with several lines, `CAL-12` deduction out of range, `MNY-*` when
/// a result leaves the money range; each at the offending line's path.
pub fn compute(invoice: &Invoice, options: &Options) -> Result<Computed, Error> {
    let mut inv = invoice.clone();
    let deduction = inv.deduction;
    if deduction.is_some() && inv.lines.len() != 1 {
        return Err(Error::new(CAL_DEDUCTION_LINES)
            .at(Path::field("deduction"))
            .with("count", inv.lines.len()));
    }
    let inclusive = options.basis == Basis::Inclusive;
    let mut deltas = Vec::with_capacity(inv.lines.len());
    for (i, line) in inv.lines.iter_mut().enumerate() {
        let given = match (line.amount, line.quantity, line.unit_price) {
            (Some(a), _, _) => a,
            (None, Some(q), Some(p)) => {
                let v = q
                    .value()
                    .checked_mul(p.value())
                    .ok_or_else(|| at_line(overflow("quantity × price"), i))?;
                Amount::round_from(v).map_err(|e| at_line(e.at(Path::field("amount")), i))?
            }
            _ => {
                return Err(
                    Error::new(CAL_NO_AMOUNT).at(Path::field("lines").index(i).key("amount"))
                );
            }
        };
        let rate = line.rate;
        let (amount, tax) = if rate.is_zero() {
            (given, Amount::ZERO)
        } else if rate == LineRate::Unstated {
            // No rate to compute with: the printed amount and tax stand as given.
            let t = line.tax.ok_or_else(|| {
                Error::new(CAL_NO_TAX).at(Path::field("lines").index(i).key("tax"))
            })?;
            (given, t)
        } else if inclusive {
            let s = match deduction {
                Some(d) => split_with_deduction(given, d, rate.rate()),
                None => split_tax(given, rate.rate()),
            }
            .map_err(|e| at_line(e, i))?;
            (s.amount, s.tax)
        } else {
            (
                given,
                tax_of(given, rate, deduction).map_err(|e| at_line(e, i))?,
            )
        };
        if let Some(q) = line.quantity
            && (inclusive || line.unit_price.is_none())
        {
            if q.value().is_zero() {
                return Err(
                    Error::new(CAL_ZERO_QUANTITY).at(Path::field("lines").index(i).key("quantity"))
                );
            }
            let p = amount
                .value()
                .checked_div(q.value())
                .ok_or_else(|| at_line(overflow("amount / quantity"), i))?;
            line.unit_price = Some(Price::round_from(p).map_err(|e| at_line(e, i))?);
        }
        line.amount = Some(amount);
        line.tax = Some(tax);
        deltas.push(if deduction.is_some() || rate == LineRate::Unstated {
            Decimal::ZERO
        } else {
            line_difference(amount, rate, tax, None)
        });
    }

    let mut adjusted = Vec::new();
    let tol = options.policy.invoice_tax_tolerance.value();
    let mut sum: Decimal = deltas.iter().copied().sum();
    if options.redistribute && sum.abs() > tol {
        redistribute(
            &mut inv,
            &mut deltas,
            &mut sum,
            &mut adjusted,
            inclusive,
            &options.policy,
        )?;
    }

    // Normalised so the text form is stable ("-0.005", not "-0.00500") in every binding.
    let sum = sum.normalize();
    let split = (sum.abs() > tol).then(|| SplitAdvice {
        starts: split_points(&deltas, tol),
        difference: sum,
    });

    let (totals, per_rate) = totals_of(&inv)?;
    inv.totals = Some(totals);
    Ok(Computed {
        invoice: inv,
        per_rate,
        tax_difference: sum,
        adjusted_lines: adjusted,
        split,
    })
}

/// Moves 0.01 of tax on the lines that gain the most, one move per line, until the sum of
/// differences is within the policy or no line can take a move within the line tolerance.
fn redistribute(
    inv: &mut Invoice,
    deltas: &mut [Decimal],
    sum: &mut Decimal,
    adjusted: &mut Vec<usize>,
    inclusive: bool,
    policy: &Policy,
) -> Result<(), Error> {
    let tol = policy.invoice_tax_tolerance.value();
    let line_tol = policy.line_tax_tolerance.value();
    let fen = Decimal::new(1, 2);
    // +1 raises the sum (tax down), −1 lowers it (tax up).
    let dir = if sum.is_sign_negative() {
        Decimal::ONE
    } else {
        -Decimal::ONE
    };
    let mut order: Vec<usize> = (0..deltas.len())
        .filter(|&i| {
            inv.lines.get(i).is_some_and(|l| {
                !l.rate.is_zero()
                    && l.rate != LineRate::Unstated
                    && l.nature != LineNature::Discount
            })
        })
        .collect();
    // Lines whose difference points the most against the sum gain the most from a move.
    order.sort_by_key(|&i| deltas.get(i).copied().unwrap_or_default() * dir);
    for i in order {
        if sum.abs() <= tol {
            break;
        }
        let Some(line) = inv.lines.get_mut(i) else {
            continue;
        };
        let r = line.rate.rate().value();
        let step = if inclusive {
            fen * (Decimal::ONE + r)
        } else {
            fen
        };
        let new_delta = deltas[i] + dir * step;
        if new_delta.abs() > line_tol {
            continue;
        }
        let (Some(a), Some(t)) = (line.amount, line.tax) else {
            continue;
        };
        let move_fen = Amount::from_decimal(dir * fen)?;
        line.tax = Some(t.checked_sub(move_fen)?);
        if inclusive {
            line.amount = Some(a.checked_add(move_fen)?);
        }
        *sum += new_delta - deltas[i];
        deltas[i] = new_delta;
        adjusted.push(i);
    }
    adjusted.sort_unstable();
    Ok(())
}

/// Greedy split: a new invoice starts at the line that would push the running sum past `tol`.
fn split_points(deltas: &[Decimal], tol: Decimal) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut acc = Decimal::ZERO;
    for (i, d) in deltas.iter().enumerate() {
        if (acc + d).abs() > tol && i > 0 {
            starts.push(i);
            acc = *d;
        } else {
            acc += d;
        }
    }
    starts
}

/// Sums the lines: totals and totals per rate. Lines without amount or tax count as zero.
///
/// # Errors
/// `MNY-03`/`MNY-05` when a sum leaves the money range.
pub fn totals_of(inv: &Invoice) -> Result<(Totals, Vec<RateTotal>), Error> {
    let mut amount = Amount::ZERO;
    let mut tax = Amount::ZERO;
    let mut per_rate: Vec<RateTotal> = Vec::new();
    for l in &inv.lines {
        let a = l.amount.unwrap_or_default();
        let t = l.tax.unwrap_or_default();
        amount = amount.checked_add(a)?;
        tax = tax.checked_add(t)?;
        match per_rate.iter_mut().find(|r| r.rate == l.rate) {
            Some(r) => {
                r.amount = r.amount.checked_add(a)?;
                r.tax = r.tax.checked_add(t)?;
            }
            None => per_rate.push(RateTotal {
                rate: l.rate,
                amount: a,
                tax: t,
            }),
        }
    }
    let total = amount.checked_add(tax)?;
    Ok((
        Totals {
            amount,
            tax,
            total,
            total_in_words: Some(crate::words::to_words(total, crate::words::Style::Invoice)),
        },
        per_rate,
    ))
}

/// `round_half_up` re-exported here for callers that only use the tax module.
pub fn round2(d: Decimal) -> Decimal {
    round_half_up(d, 2)
}
