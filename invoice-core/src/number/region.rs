//! Regions of invoice codes and 数电 numbers (地区代码): the provinces and the five 计划单列市
//! (separately planned cities) that print and assign invoice codes.
//!
//! Legacy codes carry a 4-digit region taken from GB/T 2260: `xx00` for a province-level unit
//! and a city code for the five 计划单列市 (2102 大连, 3302 宁波, 3502 厦门, 3702 青岛, 4403 深圳).
//! The table is the one of `fdstar/NumberValidators` `GBT2260OnlyProvince.cs` (domain.md §2.1).
//!
//! 数电 numbers carry a 2-digit region: provinces reuse the first two digits of GB/T 2260; the
//! 计划单列市 have separate 2-digit codes that are not published (domain.md §2.4, e.g. `94`), so
//! [`digital_region`] names only province codes and reports any other code as unknown.

use serde::Serialize;

/// One region of the table: a province-level unit or a 计划单列市.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Region {
    /// The 4-digit GB/T 2260 code (`"4403"`).
    pub code: &'static str,
    /// Chinese name (`"深圳"`).
    pub zh: &'static str,
    /// English name (`"Shenzhen"`).
    pub en: &'static str,
    /// A 计划单列市 (separately planned city) rather than a province-level unit.
    pub separately_planned: bool,
}

macro_rules! regions {
    ($($code:literal $zh:literal $en:literal $sp:literal;)+) => {
        /// Every region a legacy invoice code may name, ordered by code (domain.md §2.1).
        pub const REGIONS: &[Region] = &[$(Region {
            code: $code, zh: $zh, en: $en, separately_planned: $sp,
        }),+];
    };
}

regions! {
    "1100" "北京" "Beijing" false;
    "1200" "天津" "Tianjin" false;
    "1300" "河北" "Hebei" false;
    "1400" "山西" "Shanxi" false;
    "1500" "内蒙古" "Inner Mongolia" false;
    "2100" "辽宁" "Liaoning" false;
    "2102" "大连" "Dalian" true;
    "2200" "吉林" "Jilin" false;
    "2300" "黑龙江" "Heilongjiang" false;
    "3100" "上海" "Shanghai" false;
    "3200" "江苏" "Jiangsu" false;
    "3300" "浙江" "Zhejiang" false;
    "3302" "宁波" "Ningbo" true;
    "3400" "安徽" "Anhui" false;
    "3500" "福建" "Fujian" false;
    "3502" "厦门" "Xiamen" true;
    "3600" "江西" "Jiangxi" false;
    "3700" "山东" "Shandong" false;
    "3702" "青岛" "Qingdao" true;
    "4100" "河南" "Henan" false;
    "4200" "湖北" "Hubei" false;
    "4300" "湖南" "Hunan" false;
    "4400" "广东" "Guangdong" false;
    "4403" "深圳" "Shenzhen" true;
    "4500" "广西" "Guangxi" false;
    "4600" "海南" "Hainan" false;
    "5000" "重庆" "Chongqing" false;
    "5100" "四川" "Sichuan" false;
    "5200" "贵州" "Guizhou" false;
    "5300" "云南" "Yunnan" false;
    "5400" "西藏" "Xizang (Tibet)" false;
    "6100" "陕西" "Shaanxi" false;
    "6200" "甘肃" "Gansu" false;
    "6300" "青海" "Qinghai" false;
    "6400" "宁夏" "Ningxia" false;
    "6500" "新疆" "Xinjiang" false;
}

/// The region with exactly this 4-digit code.
///
/// ```
/// use invoice_core::number::region;
///
/// assert_eq!(region("3702").map(|r| r.zh), Some("青岛"));
/// assert!(region("6512").is_none()); // a city, not in the table
/// ```
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// The province whose GB/T 2260 code starts with these two digits (`"44"` → 广东).
pub fn province(two_digits: &str) -> Option<&'static Region> {
    if two_digits.len() != 2 {
        return None;
    }
    REGIONS
        .iter()
        .find(|r| !r.separately_planned && r.code.starts_with(two_digits))
}

/// The region of a 12-digit code: the exact 4-digit entry, else the province `xx00` of its first
/// two digits (city-level codes such as `6512` occur in electronic codes, domain.md §2.1).
/// Returns the region and whether the match was exact.
pub(crate) fn region_or_province(code: &str) -> Option<(&'static Region, bool)> {
    region(code)
        .map(|r| (r, true))
        .or_else(|| code.get(..2).and_then(province).map(|r| (r, false)))
}

/// The 2-digit region of a 数电 number, named when it is a province code.
///
/// Unknown codes (the unpublished codes of the 计划单列市, e.g. `94`) are not errors: they are
/// reported with `None`.
pub fn digital_region(two_digits: &str) -> Option<&'static Region> {
    province(two_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_well_formed() {
        for w in REGIONS.windows(2) {
            assert!(w[0].code < w[1].code, "{} then {}", w[0].code, w[1].code);
        }
        for r in REGIONS {
            assert_eq!(r.code.len(), 4);
            assert!(r.code.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(r.separately_planned, !r.code.ends_with("00"), "{}", r.code);
        }
        assert_eq!(REGIONS.iter().filter(|r| r.separately_planned).count(), 5);
        assert_eq!(REGIONS.len(), 36);
    }

    #[test]
    fn fallback_to_province() {
        assert_eq!(
            region_or_province("6512"),
            Some((region("6500").unwrap(), false))
        );
        assert_eq!(
            region_or_province("4403"),
            Some((region("4403").unwrap(), true))
        );
        assert_eq!(region_or_province("9912"), None);
        assert_eq!(province("94"), None);
        assert_eq!(province("4"), None);
        assert_eq!(digital_region("33").map(|r| r.zh), Some("浙江"));
    }
}
