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
use serde::Serialize;

use crate::money::TaxRate;

/// Who may use a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaxpayerCategory {
    /// 一般纳税人 (general method, and the simplified method for specified activities).
    General,
    /// 小规模纳税人 (simplified method only).
    SmallScale,
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
    /// First day in force.
    pub from: &'static str,
    /// Last day in force, if it ended or ends.
    pub until: Option<&'static str>,
    /// What it is for and where it comes from.
    pub note: &'static str,
}

/// The table (the version is the latest `from` date in it).
pub const RATES: &[RateRow] = &[
    RateRow {
        rate: "0.17",
        levy: false,
        general: true,
        small_scale: false,
        from: "1994-01-01",
        until: Some("2018-04-30"),
        note: "basic rate before 财税〔2018〕32号",
    },
    RateRow {
        rate: "0.16",
        levy: false,
        general: true,
        small_scale: false,
        from: "2018-05-01",
        until: Some("2019-03-31"),
        note: "财税〔2018〕32号",
    },
    RateRow {
        rate: "0.13",
        levy: false,
        general: true,
        small_scale: false,
        from: "2019-04-01",
        until: None,
        note: "goods, repair, tangible leasing (2019年第39号; 增值税法 Art. 10)",
    },
    RateRow {
        rate: "0.11",
        levy: false,
        general: true,
        small_scale: false,
        from: "2012-01-01",
        until: Some("2018-04-30"),
        note: "lower rate before 财税〔2018〕32号",
    },
    RateRow {
        rate: "0.10",
        levy: false,
        general: true,
        small_scale: false,
        from: "2018-05-01",
        until: Some("2019-03-31"),
        note: "财税〔2018〕32号",
    },
    RateRow {
        rate: "0.09",
        levy: false,
        general: true,
        small_scale: false,
        from: "2019-04-01",
        until: None,
        note: "transport, post, basic telecom, construction, real estate, listed goods",
    },
    RateRow {
        rate: "0.06",
        levy: false,
        general: true,
        small_scale: false,
        from: "2012-01-01",
        until: None,
        note: "other services and intangibles",
    },
    RateRow {
        rate: "0",
        levy: false,
        general: true,
        small_scale: false,
        from: "1994-01-01",
        until: None,
        note: "exports and listed cross-border services",
    },
    RateRow {
        rate: "0.05",
        levy: true,
        general: true,
        small_scale: true,
        from: "2016-05-01",
        until: None,
        note: "simplified 5 % (real estate sale/lease, 劳务派遣 差额); after 2026 UNCONFIRMED",
    },
    RateRow {
        rate: "0.03",
        levy: true,
        general: true,
        small_scale: true,
        from: "2014-07-01",
        until: None,
        note: "simplified method levy rate (增值税法 Art. 11)",
    },
    RateRow {
        rate: "0.015",
        levy: true,
        general: true,
        small_scale: true,
        from: "2016-05-01",
        until: None,
        note: "individuals renting housing: 5 % reduced to 1.5 %",
    },
    RateRow {
        rate: "0.01",
        levy: true,
        general: false,
        small_scale: true,
        from: "2023-01-01",
        until: Some("2027-12-31"),
        note: "small-scale 3 % reduced to 1 % (2023年第19号)",
    },
];

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl RateRow {
    /// True when the row is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        let from_ok = day(self.from).is_some_and(|f| f <= date);
        let until_ok = self.until.and_then(day).is_none_or(|u| date <= u);
        from_ok && until_ok
    }

    /// The rate value.
    pub fn tax_rate(&self) -> Option<TaxRate> {
        TaxRate::parse(self.rate).ok()
    }
}

/// The rates a taxpayer of `category` may use on `date` (`None`: either category).
pub fn rates_in_force(date: NaiveDate, category: Option<TaxpayerCategory>) -> Vec<TaxRate> {
    let mut out: Vec<TaxRate> = RATES
        .iter()
        .filter(|r| r.in_force(date))
        .filter(|r| match category {
            Some(TaxpayerCategory::General) => r.general,
            Some(TaxpayerCategory::SmallScale) => r.small_scale,
            None => true,
        })
        .filter_map(RateRow::tax_rate)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// True when `rate` may be used on `date` by `category`.
pub fn rate_allowed(rate: TaxRate, date: NaiveDate, category: Option<TaxpayerCategory>) -> bool {
    rates_in_force(date, category).contains(&rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        day(s).unwrap()
    }

    fn pct(v: &[TaxRate]) -> Vec<String> {
        v.iter().map(|r| r.percent()).collect()
    }

    #[test]
    fn table_parses() {
        for r in RATES {
            assert!(r.tax_rate().is_some(), "{}", r.rate);
            assert!(day(r.from).is_some());
            assert!(r.until.is_none_or(|u| day(u).is_some()));
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
