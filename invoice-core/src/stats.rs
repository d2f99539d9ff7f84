//! Statistics over many invoices (发票统计): count, 金额, 税额 and 价税合计 grouped by month,
//! kind, rate, status, counterparty and direction (income / expense).
//!
//! Each invoice contributes its declared totals (合计金额, 合计税额, 价税合计); red invoices carry
//! negative totals, so sums are net. Groupings:
//!
//! | group | key | order |
//! |---|---|---|
//! | `by_month` | `YYYY-MM` of the issue date | ascending |
//! | `by_kind` | the snake_case kind name | [`Kind::ALL`] order |
//! | `by_rate` | the line rate (`0.13`, `exempt`, …) from the **lines**: amount and tax are the sums of the line amounts and taxes at that rate, `count` the invoices with such a line | numeric rates ascending, then `exempt`, `non_taxable`, `export_zero`, `zero` |
//! | `by_status` | the caller's status label per invoice (e.g. a lifecycle state name), `unknown` when none is given | ascending |
//! | `by_counterparty` | the counterparty's tax id, else `name:<name>` | ascending |
//! | `by_direction` | `income`, `expense`, `other` | that order |
//!
//! Direction is relative to the caller's own taxpayer id ([`Options::own_tax_id`]): seller ==
//! own → income (销项); buyer == own → expense (进项); neither, or no own id given → other. Tax
//! ids compare after trimming and upper-casing. The counterparty is the buyer of an income
//! invoice and the seller otherwise.
//!
//! Sums are exact decimals; an invoice without totals is left out with a `STA-01` warning at
//! `[index]`. A sum that leaves the money range fails with `MNY-03`/`MNY-05`. Money serialises
//! as strings.
//!
//! # Example
//!
//! ```
//! use invoice_core::model::Invoice;
//! use invoice_core::stats::{self, Entry, Options};
//!
//! let inv = Invoice::from_json(r#"{
//!   "kind": "digital_ordinary", "number": "24312000000358032546", "issue_date": "2024-11-18",
//!   "seller": {"name": "上海某某科技有限公司", "tax_id": "91310000580583950X"},
//!   "buyer": {"name": "张三"},
//!   "lines": [{"name": "*信息技术服务*软件服务", "amount": "100.00", "rate": "6%", "tax": "6.00"}],
//!   "totals": {"amount": "100.00", "tax": "6.00", "total": "106.00"}
//! }"#)?;
//! let opts = Options { own_tax_id: Some("91310000580583950X".into()) };
//! let s = stats::compute(&[Entry { invoice: &inv, status: None }], &opts)?;
//! assert_eq!(s.total.total.to_string(), "106.00");
//! assert_eq!(s.by_direction[0].key, "income");
//!
//! // An invoice without totals is left out with a warning.
//! let mut draft = inv.clone();
//! draft.totals = None;
//! let s = stats::compute(&[Entry { invoice: &draft, status: None }], &opts)?;
//! assert_eq!(s.warnings[0].code(), "STA-01");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{Error, Path, rules};
use crate::model::{Invoice, LineRate};
use crate::money::Amount;
use crate::number::Kind;

rules! {
    /// An invoice without totals, left out of the statistics.
    NO_TOTALS = ("STA-01", Warning,
        "the invoice has no totals; it is left out of the statistics",
        "发票缺少合计，未计入统计");
}

/// Options of [`compute`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The caller's own taxpayer id, for income / expense.
    pub own_tax_id: Option<String>,
}

impl Options {
    /// Reads `{own_tax_id?}` in the host's key convention.
    ///
    /// # Errors
    /// `INP-05` an unknown key, `INP-02` a tax id that is not text (at the key).
    pub fn read<S: crate::model::Source>(
        v: S,
        keys: crate::options::Keys,
    ) -> Result<Options, Error> {
        let o = crate::options::Opts::open(v, crate::Path::root(), keys, &["own_tax_id"])?;
        Ok(Options {
            own_tax_id: o.text("own_tax_id")?,
        })
    }
}

/// One invoice and its caller-given status label.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// The invoice.
    pub invoice: &'a Invoice,
    /// A status label (`normal`, `voided`, a lifecycle state name…), if any.
    pub status: Option<&'a str>,
}

/// Count and sums.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sums {
    /// Number of invoices.
    pub count: usize,
    /// Sum of 合计金额 (tax excluded).
    pub amount: Amount,
    /// Sum of 合计税额.
    pub tax: Amount,
    /// Sum of 价税合计.
    pub total: Amount,
}

impl Default for Sums {
    /// Zero invoices, `0.00` everywhere (`Amount::default()` has no decimals, so it is not used).
    fn default() -> Self {
        Sums {
            count: 0,
            amount: Amount::ZERO,
            tax: Amount::ZERO,
            total: Amount::ZERO,
        }
    }
}

impl Sums {
    fn add(&mut self, amount: Amount, tax: Amount, total: Amount) -> Result<(), Error> {
        self.count = self.count.saturating_add(1);
        self.amount = self.amount.checked_add(amount)?;
        self.tax = self.tax.checked_add(tax)?;
        self.total = self.total.checked_add(total)?;
        Ok(())
    }
}

/// One group: its key (and the counterparty's name) and its sums.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The group key.
    pub key: String,
    /// The first name seen (counterparty groups only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Count and sums.
    #[serde(flatten)]
    pub sums: Sums,
}

/// The statistics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// All invoices counted.
    pub total: Sums,
    /// By `YYYY-MM`.
    pub by_month: Vec<Group>,
    /// By kind.
    pub by_kind: Vec<Group>,
    /// By line rate.
    pub by_rate: Vec<Group>,
    /// By status label.
    pub by_status: Vec<Group>,
    /// By counterparty.
    pub by_counterparty: Vec<Group>,
    /// Income, expense, other (only those present).
    pub by_direction: Vec<Group>,
    /// `STA-01` for invoices left out.
    pub warnings: Vec<Error>,
}

fn norm(id: &str) -> String {
    id.trim().to_ascii_uppercase()
}

/// Sort key of a rate: numeric rates first by value, then the zero treatments.
fn rate_order(r: &LineRate) -> (u8, rust_decimal::Decimal) {
    match r {
        LineRate::Rate(t) => (0, t.value()),
        LineRate::Exempt => (1, rust_decimal::Decimal::ZERO),
        LineRate::NonTaxable => (2, rust_decimal::Decimal::ZERO),
        LineRate::ExportZero => (3, rust_decimal::Decimal::ZERO),
        LineRate::Zero => (4, rust_decimal::Decimal::ZERO),
        LineRate::Unstated => (5, rust_decimal::Decimal::ZERO),
    }
}

type Acc<K> = BTreeMap<K, (Option<String>, Sums)>;

fn bump<K: Ord>(
    acc: &mut Acc<K>,
    key: K,
    name: Option<&str>,
    a: Amount,
    t: Amount,
    g: Amount,
) -> Result<(), Error> {
    let slot = acc
        .entry(key)
        .or_insert_with(|| (name.map(str::to_string), Sums::default()));
    slot.1.add(a, t, g)
}

fn groups<K: Ord>(acc: Acc<K>, show: impl Fn(&K) -> String) -> Vec<Group> {
    acc.into_iter()
        .map(|(k, (name, sums))| Group {
            key: show(&k),
            name,
            sums,
        })
        .collect()
}

/// Computes the statistics of `entries`.
///
/// # Errors
/// `MNY-03` / `MNY-05` when a sum leaves the money range.
pub fn compute(entries: &[Entry<'_>], opts: &Options) -> Result<Stats, Error> {
    let own = opts.own_tax_id.as_deref().map(norm);
    let mut out = Stats::default();
    let mut month: Acc<String> = BTreeMap::new();
    let mut kind: Acc<Kind> = BTreeMap::new();
    let mut rate: Acc<(u8, rust_decimal::Decimal, String)> = BTreeMap::new();
    let mut status: Acc<String> = BTreeMap::new();
    let mut party: Acc<String> = BTreeMap::new();
    let mut direction: Acc<u8> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let inv = e.invoice;
        let Some(t) = &inv.totals else {
            out.warnings
                .push(Error::new(NO_TOTALS).at(Path::root().index(i)));
            continue;
        };
        let (a, x, g) = (t.amount, t.tax, t.total);
        out.total.add(a, x, g)?;
        bump(
            &mut month,
            crate::dates::month_text(inv.issue_date),
            None,
            a,
            x,
            g,
        )?;
        bump(&mut kind, inv.kind, None, a, x, g)?;
        bump(
            &mut status,
            e.status.unwrap_or("unknown").to_string(),
            None,
            a,
            x,
            g,
        )?;
        let seller_own = own.is_some() && inv.seller.tax_id.as_deref().map(norm) == own;
        let buyer_own = own.is_some() && inv.buyer.tax_id.as_deref().map(norm) == own;
        let dir = if seller_own {
            0
        } else if buyer_own {
            1
        } else {
            2
        };
        bump(&mut direction, dir, None, a, x, g)?;
        let cp = if dir == 0 { &inv.buyer } else { &inv.seller };
        let cp_key = match &cp.tax_id {
            Some(id) => norm(id),
            None => format!("name:{}", cp.name.trim()),
        };
        bump(&mut party, cp_key, Some(cp.name.as_str()), a, x, g)?;
        // Lines per rate: sums of the lines, counted once per invoice.
        let mut per_rate: BTreeMap<(u8, rust_decimal::Decimal, String), (Amount, Amount)> =
            BTreeMap::new();
        for line in &inv.lines {
            let (o, v) = rate_order(&line.rate);
            let slot = per_rate
                .entry((o, v, line.rate.to_string()))
                .or_insert((Amount::ZERO, Amount::ZERO));
            slot.0 = slot.0.checked_add(line.amount.unwrap_or(Amount::ZERO))?;
            slot.1 = slot.1.checked_add(line.tax.unwrap_or(Amount::ZERO))?;
        }
        for (k, (la, lt)) in per_rate {
            let lg = la.checked_add(lt)?;
            bump(&mut rate, k, None, la, lt, lg)?;
        }
    }
    out.by_month = groups(month, Clone::clone);
    out.by_kind = groups(kind, |k| k.name().to_string());
    out.by_rate = groups(rate, |k| k.2.clone());
    out.by_status = groups(status, Clone::clone);
    out.by_counterparty = groups(party, Clone::clone);
    out.by_direction = groups(direction, |d| {
        match d {
            0 => "income",
            1 => "expense",
            _ => "other",
        }
        .to_string()
    });
    Ok(out)
}
