//! Rates in force by date (税率表): which VAT rates and levy rates apply on a given day, for which
//! taxpayer category. Data, not code: one row per rate and period.
//!
//! Sources: 《中华人民共和国增值税法》 Art. 10–11 (13/9/6/0 %, 3 % levy rate; in force 2026-01-01);
//! 财税〔2018〕32号 (17→16 %, 11→10 % from 2018-05-01); 财政部 税务总局 海关总署公告2019年第39号
//! (16→13 %, 10→9 % from 2019-04-01); 财政部 税务总局公告2023年第19号 (small-scale 3 % reduced
//! to 1 %, 2023-01-01 … 2027-12-31). The 5 % levy rate after 2026-01-01 is UNCONFIRMED
//! (domain.md Appendix B.5) and kept open-ended; earlier 1 % relief periods (2020–2022) are not
//! modelled.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::TaxRate;

/// Who may use a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxpayerCategory {
    /// 一般纳税人 (general method, and the simplified method for specified activities).
    General,
    /// 小规模纳税人 (simplified method only).
    SmallScale,
}

impl std::str::FromStr for TaxpayerCategory {
    type Err = crate::Error;

    /// As [`TaxpayerCategory::from_name`], with `INP-05` listing the names for anything else.
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        TaxpayerCategory::from_name(s).ok_or_else(|| {
            crate::Error::new(crate::error::INP_UNKNOWN_OPTION)
                .with("value", crate::money::shorten(s))
                .with("allowed", "general, small_scale, 一般纳税人, 小规模纳税人")
        })
    }
}

impl TaxpayerCategory {
    /// From `general` / `small_scale` or 一般纳税人 / 小规模纳税人.
    pub fn from_name(s: &str) -> Option<TaxpayerCategory> {
        match s {
            "general" | "一般纳税人" => Some(TaxpayerCategory::General),
            "small_scale" | "小规模纳税人" => Some(TaxpayerCategory::SmallScale),
            _ => None,
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RateRow {
    /// The rate as a fraction string (`"0.13"`).
    pub rate: &'static str,
    /// 税率 (general method) or 征收率 (simplified method).
    pub levy: bool,
    /// May a general taxpayer use it.
    pub general: bool,
    /// May a small-scale taxpayer use it.
    pub small_scale: bool,
    /// The rate in units of 0.0001 (`1300` is 13 %), for cheap comparison.
    pub per_10000: i64,
    /// First day in force, `YYYYMMDD`.
    pub from: u32,
    /// Last day in force, `YYYYMMDD`, if it ended or ends.
    pub until: Option<u32>,
    /// What it is for and where it comes from.
    pub note: &'static str,
}

/// The table (the version is the latest `from` date in it).
pub const RATES: &[RateRow] = &[
    RateRow {
        rate: "0.17",
        per_10000: 1700,
        levy: false,
        general: true,
        small_scale: false,
        from: 19940101,
        until: Some(20180430),
        note: "basic rate before 财税〔2018〕32号",
    },
    RateRow {
        rate: "0.16",
        per_10000: 1600,
        levy: false,
        general: true,
        small_scale: false,
        from: 20180501,
        until: Some(20190331),
        note: "财税〔2018〕32号",
    },
    RateRow {
        rate: "0.13",
        per_10000: 1300,
        levy: false,
        general: true,
        small_scale: false,
        from: 20190401,
        until: None,
        note: "goods, repair, tangible leasing (2019年第39号; 增值税法 Art. 10)",
    },
    RateRow {
        rate: "0.11",
        per_10000: 1100,
        levy: false,
        general: true,
        small_scale: false,
        from: 20120101,
        until: Some(20180430),
        note: "lower rate before 财税〔2018〕32号",
    },
    RateRow {
        rate: "0.1",
        per_10000: 1000,
        levy: false,
        general: true,
        small_scale: false,
        from: 20180501,
        until: Some(20190331),
        note: "财税〔2018〕32号",
    },
    RateRow {
        rate: "0.09",
        per_10000: 900,
        levy: false,
        general: true,
        small_scale: false,
        from: 20190401,
        until: None,
        note: "transport, post, basic telecom, construction, real estate, listed goods",
    },
    RateRow {
        rate: "0.06",
        per_10000: 600,
        levy: false,
        general: true,
        small_scale: false,
        from: 20120101,
        until: None,
        note: "other services and intangibles",
    },
    RateRow {
        rate: "0",
        per_10000: 0,
        levy: false,
        general: true,
        small_scale: false,
        from: 19940101,
        until: None,
        note: "exports and listed cross-border services",
    },
    RateRow {
        rate: "0.05",
        per_10000: 500,
        levy: true,
        general: true,
        small_scale: true,
        from: 20160501,
        until: None,
        note: "simplified 5 % (real estate sale/lease, 劳务派遣 差额); after 2026 UNCONFIRMED",
    },
    RateRow {
        rate: "0.03",
        per_10000: 300,
        levy: true,
        general: true,
        small_scale: true,
        from: 20140701,
        until: None,
        note: "simplified method levy rate (增值税法 Art. 11)",
    },
    RateRow {
        rate: "0.015",
        per_10000: 150,
        levy: true,
        general: true,
        small_scale: true,
        from: 20160501,
        until: None,
        note: "individuals renting housing: 5 % reduced to 1.5 %",
    },
    RateRow {
        rate: "0.01",
        per_10000: 100,
        levy: true,
        general: false,
        small_scale: true,
        from: 20230101,
        until: Some(20271231),
        note: "small-scale 3 % reduced to 1 % (2023年第19号)",
    },
];

fn yyyymmdd(date: NaiveDate) -> u32 {
    use chrono::Datelike;
    // Years outside 0..=9999 cannot occur in a model date read from YYYY-MM-DD; clamp anyway.
    let y = date.year().clamp(0, 9999) as u32;
    y * 10_000 + date.month() * 100 + date.day()
}

impl RateRow {
    /// True when the row is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        let d = yyyymmdd(date);
        self.from <= d && self.until.is_none_or(|u| d <= u)
    }

    /// The rate value.
    pub fn tax_rate(&self) -> Option<TaxRate> {
        TaxRate::from_decimal(rust_decimal::Decimal::new(self.per_10000, 4)).ok()
    }

    fn allows(&self, category: Option<TaxpayerCategory>) -> bool {
        match category {
            Some(TaxpayerCategory::General) => self.general,
            Some(TaxpayerCategory::SmallScale) => self.small_scale,
            None => true,
        }
    }
}

/// The rates a taxpayer of `category` may use on `date` (`None`: either category).
pub fn rates_in_force(date: NaiveDate, category: Option<TaxpayerCategory>) -> Vec<TaxRate> {
    let mut out: Vec<TaxRate> = RATES
        .iter()
        .filter(|r| r.in_force(date) && r.allows(category))
        .filter_map(RateRow::tax_rate)
        .collect();
    out.sort(); // stable: of equal rates written differently, the table's first is kept
    out.dedup();
    out
}

/// True when `rate` may be used on `date` by `category` (no allocation: validation calls it
/// once per line).
pub fn rate_allowed(rate: TaxRate, date: NaiveDate, category: Option<TaxpayerCategory>) -> bool {
    let scaled = rate.value() * rust_decimal::Decimal::new(10_000, 0);
    if !scaled.fract().is_zero() {
        return false;
    }
    let Ok(p) = i64::try_from(scaled) else {
        return false;
    };
    RATES
        .iter()
        .any(|r| r.per_10000 == p && r.in_force(date) && r.allows(category))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn pct(v: &[TaxRate]) -> Vec<String> {
        v.iter().map(|r| r.percent()).collect()
    }

    #[test]
    fn table_parses() {
        for r in RATES {
            let rate = r.tax_rate().unwrap();
            assert_eq!(rate.to_string(), r.rate, "per_10000 agrees with the text");
            assert!(r.until.is_none_or(|u| r.from <= u));
            assert!(
                rate_allowed(rate, d("2019-04-01"), None) || r.until.is_some() || r.from > 20190401
            );
        }
    }

    #[test]
    fn rates_by_date() {
        assert_eq!(
            pct(&rates_in_force(
                d("2024-06-01"),
                Some(TaxpayerCategory::General)
            )),
            ["0%", "1.5%", "3%", "5%", "6%", "9%", "13%"]
        );
        assert_eq!(
            pct(&rates_in_force(
                d("2024-06-01"),
                Some(TaxpayerCategory::SmallScale)
            )),
            ["1%", "1.5%", "3%", "5%"]
        );
        assert!(!pct(&rates_in_force(d("2028-01-01"), None)).contains(&"1%".to_string()));
        assert!(pct(&rates_in_force(d("2018-06-01"), None)).contains(&"16%".to_string()));
        assert!(!pct(&rates_in_force(d("2019-04-01"), None)).contains(&"16%".to_string()));
    }
}
