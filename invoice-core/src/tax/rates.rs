//! Rates in force by date (税率表): which VAT rates and levy rates apply on a given day, for which
//! taxpayer category, and where a row is regional, in which provinces. Data, not code: one row
//! per rate and period.
//!
//! Sources: 《中华人民共和国增值税法》 Art. 10–11 (13/9/6/0 %, 3 % levy rate; in force 2026-01-01);
//! 财税〔2018〕32号 (17→16 %, 11→10 % from 2018-05-01); 财政部 税务总局 海关总署公告2019年第39号
//! (16→13 %, 10→9 % from 2019-04-01). The 5 % levy rate after 2026-01-01 is UNCONFIRMED
//! (domain.md Appendix B.5) and kept open-ended.
//!
//! Small-scale relief (小规模纳税人 3 % 征收率 reduced to 1 %; `docs/domain-notes.md`, "Rates by
//! date and small-scale relief"):
//!
//! | period | where | notice |
//! |---|---|---|
//! | 2020-03-01 … 2021-03-31 | every province but 湖北 (湖北: exempt) | 财政部 税务总局公告2020年第13号, extended by 2020年第24号 (to 2020-12-31) and 2021年第7号 (to 2021-03-31) |
//! | 2021-04-01 … 2022-03-31 | 湖北 only | 2021年第7号 (to 2021-12-31); the extension to 2022-03-31 is UNCONFIRMED |
//! | 2022-04-01 … 2022-12-31 | nowhere: 3 % sales exempt | 2022年第15号 |
//! | 2023-01-01 … 2027-12-31 | everywhere | 2023年第1号 (2023), 2023年第19号 (to 2027-12-31) |
//!
//! In the exemption periods a small-scale seller issues 免税 lines ([`crate::model::LineRate::Exempt`],
//! always allowed), or waives the exemption and issues at 3 % (a 专票 needs it), so 3 % stays in
//! force throughout. The province is read from the invoice code or the 数电 number; when it is
//! not known, a regional row is taken as in force (a false error is worse than a missed one).

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

/// Where a row of the table applies, by 2-digit province code (`"42"` 湖北).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "scope", content = "provinces", rename_all = "snake_case")]
pub enum Provinces {
    /// Nationwide.
    All,
    /// Only in these provinces.
    Only(&'static [&'static str]),
    /// Everywhere but these provinces.
    Except(&'static [&'static str]),
}

impl Provinces {
    /// True when the row applies in `province` (2 digits); an unknown province is taken as
    /// covered.
    pub fn covers(self, province: Option<&str>) -> bool {
        match (self, province) {
            (Provinces::All, _) | (_, None) => true,
            (Provinces::Only(list), Some(p)) => list.contains(&p),
            (Provinces::Except(list), Some(p)) => !list.contains(&p),
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
    /// Where it applies.
    pub provinces: Provinces,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
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
        provinces: Provinces::All,
        note: "small-scale 1 % (2023年第1号, 第19号)",
    },
    RateRow {
        rate: "0.01",
        per_10000: 100,
        levy: true,
        general: false,
        small_scale: true,
        from: 20200301,
        until: Some(20210331),
        provinces: Provinces::Except(&["42"]),
        note: "small-scale 1 % but 湖北 (2020年第13号, 第24号; 2021年第7号)",
    },
    RateRow {
        rate: "0.01",
        per_10000: 100,
        levy: true,
        general: false,
        small_scale: true,
        from: 20210401,
        until: Some(20220331),
        provinces: Provinces::Only(&["42"]),
        note: "湖北 small-scale 1 % (2021年第7号; after 2021 UNCONFIRMED)",
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

    /// True when the row is in force on `date` in `province` (2 digits; `None`: unknown).
    pub fn in_force_in(&self, date: NaiveDate, province: Option<&str>) -> bool {
        self.in_force(date) && self.provinces.covers(province)
    }

    pub(crate) fn allows(&self, category: Option<TaxpayerCategory>) -> bool {
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

/// True when `rate` may be used on `date` by `category`, in some province.
pub fn rate_allowed(rate: TaxRate, date: NaiveDate, category: Option<TaxpayerCategory>) -> bool {
    rate_allowed_in(rate, date, category, None)
}

/// True when `rate` may be used on `date` by `category` in `province` (2 digits, `"42"`; `None`
/// when not known: regional rows count). No allocation: validation calls it once per line.
pub fn rate_allowed_in(
    rate: TaxRate,
    date: NaiveDate,
    category: Option<TaxpayerCategory>,
    province: Option<&str>,
) -> bool {
    // The rate is scaled to ten-thousandths once, so each row costs an integer comparison
    // before its dates and provinces are looked at (validation calls this for every line).
    let Some(per_10000) = per_10000(rate) else {
        return false;
    };
    RATES
        .iter()
        .any(|r| r.per_10000 == per_10000 && r.in_force_in(date, province) && r.allows(category))
}

/// `rate` in ten-thousandths, or `None` when it has a finer fraction (no row has one).
fn per_10000(rate: TaxRate) -> Option<i64> {
    let value = rate.value();
    let mantissa = i64::try_from(value.mantissa()).ok()?;
    let scale = value.scale();
    if scale <= 4 {
        mantissa.checked_mul(10_i64.checked_pow(4 - scale)?)
    } else {
        let divisor = 10_i64.checked_pow(scale - 4)?;
        (mantissa % divisor == 0).then(|| mantissa / divisor)
    }
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
    fn allowed_rates_match_rows_at_any_scale() {
        let rates = [
            "0", "0.01", "0.010000", "1%", "0.13", "0.1300", "0.005", "0.0050", "0.000001", "0.131",
        ];
        let categories = [
            None,
            Some(TaxpayerCategory::General),
            Some(TaxpayerCategory::SmallScale),
        ];
        for rate in rates.map(|r| TaxRate::parse(r).unwrap()) {
            for date in [
                "2018-01-01",
                "2020-03-01",
                "2021-06-30",
                "2023-01-01",
                "2024-12-01",
            ] {
                for category in categories {
                    for province in [None, Some("42"), Some("11")] {
                        let by_value = RATES.iter().any(|r| {
                            r.in_force_in(d(date), province)
                                && r.allows(category)
                                && r.tax_rate() == Some(rate)
                        });
                        assert_eq!(
                            rate_allowed_in(rate, d(date), category, province),
                            by_value,
                            "{rate} on {date} for {category:?} in {province:?}"
                        );
                    }
                }
            }
        }
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

    /// The 2020–2022 small-scale relief by date and province (the table in the module docs).
    #[test]
    fn small_scale_relief_by_date_and_province() {
        let one = TaxRate::parse("1%").unwrap();
        let small = Some(TaxpayerCategory::SmallScale);
        let ok = |day: &str, prov: Option<&str>| rate_allowed_in(one, d(day), small, prov);
        assert!(!ok("2020-02-29", None));
        assert!(ok("2020-03-01", Some("31")));
        assert!(!ok("2020-03-01", Some("42")), "湖北 was exempt, not at 1 %");
        assert!(
            ok("2020-03-01", None),
            "province unknown: regional rows count"
        );
        assert!(ok("2021-03-31", Some("44")));
        assert!(!ok("2021-04-01", Some("44")));
        assert!(ok("2021-04-01", Some("42")));
        assert!(ok("2022-03-31", Some("42")));
        assert!(!ok("2022-04-01", None), "2022-04 … 2022-12: exempt, no 1 %");
        assert!(!ok("2022-12-31", Some("42")));
        assert!(ok("2023-01-01", Some("42")));
        assert!(!rate_allowed_in(
            one,
            d("2020-06-01"),
            Some(TaxpayerCategory::General),
            None
        ));
        // 3 % stays in force through every relief period (an exemption may be waived).
        let three = TaxRate::parse("3%").unwrap();
        for day in ["2020-03-01", "2021-06-01", "2022-06-01", "2024-06-01"] {
            assert!(rate_allowed_in(three, d(day), small, Some("42")));
        }
    }
}
