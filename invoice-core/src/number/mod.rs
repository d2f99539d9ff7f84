//! Invoice codes and numbers (发票代码、发票号码) and invoice kinds (发票种类).
//!
//! A legacy invoice is identified by its 发票代码 (10 or 12 digits) and its 8-digit 发票号码; a
//! 数电 invoice (全面数字化的电子发票) by its 20-digit 发票号码 alone. This module decodes both
//! structurally and names the kinds:
//!
//! - [`InvoiceCode`]: the 发票代码, decoded into its parts;
//! - [`InvoiceNumber`]: the 发票号码, an 8-digit legacy number or a 20-digit 数电 number, and
//!   [`pad_number`], the separate normalising step that left-pads short legacy numbers;
//! - [`Kind`] and its code tables (QR, 查验 fplx, 税控 fpzl), [`KindInfo`], and
//!   [`kind_from_code`] / [`refine_qr_kind`] / [`check_qr_kind`], which take the kind from the
//!   code where the code says more than the QR field;
//! - [`REGIONS`], the provinces and 计划单列市 that codes name.
//!
//! # Structure
//!
//! 10-digit code (paper 专票, pre-2018 普票; `^\d{8}[2-9][0-4]$`):
//!
//! | positions | meaning |
//! |---|---|
//! | 1–4 | region (province `xx00` or one of the five 计划单列市) |
//! | 5–6 | year of printing, `YY` → 20YY |
//! | 7 | printing batch (印制批次) |
//! | 8 | kind: `1`/`5` 专票, `3`/`6` 普票, `2`/`7` 货运专票 |
//! | 9 | copies (联次), 2–9 |
//! | 10 | amount version: `0` 电脑版, `1` 万元版, `2` 十万元版, `3` 百万元版, `4` 千万元版 |
//!
//! 12-digit code, first digit `0` (VAT): region (2–5), year (6–7), batch (8–10) and a kind
//! suffix (11–12): `04` 二联折叠票, `05` 五联折叠票, `06` 卷票 57 mm, `07` 卷票 76 mm,
//! `11` 电子普票, `12` 通行费电子普票, `13` 电子专票. City-level regions (`6512…`) are accepted by
//! falling back to their province `xx00`.
//!
//! 12-digit code, first digit `1`: the Shenzhen blockchain form (`144031809110` = `1` + `4403` +
//! year `18` + industry `0` + category `9` + batch `1` + copies `1` + amount flag `0`) is claimed
//! only when the region is 4403 and the category digit is `9`. Other codes starting with `1`
//! (e.g. Tencent's `144002288010`, a Guangdong 通用机打 non-VAT invoice) are reported as
//! [`CodeForm::Local`] with region and year only and no kind: not every such code is a
//! blockchain invoice (domain.md §2.2).
//!
//! 20-digit 数电 number: year (1–2), region (3–4; province codes are named, the unpublished
//! 计划单列市 codes such as `94` are accepted as unknown), channel (5, any digit: the
//! enumeration is not published), sequence (6–20).
//!
//! # What "valid" means here
//!
//! Only structure: digits, length, region in the table, a plausible year, the kind digits in
//! their tables. Nothing here says an invoice exists or is authentic (that is 查验). There is no
//! clock: the latest plausible year is a parameter ([`CodeOptions::max_year`],
//! [`NumberOptions::max_year`]). The year floors are 2000 for 10-digit codes (real codes of the
//! 2000s and 2010s exist and the 2-digit year cannot go lower), 2012 for 12-digit codes (the
//! earliest 12-digit e-invoice codes) and 2021 for 数电 numbers (the pilots began in 2021).
//!
//! # Sources
//!
//! domain.md §1.1–§1.2 (kinds and code systems), §2.1–§2.4 (structures), §3.3 (real codes in QR
//! samples); `fdstar/NumberValidators` (`VATCode10Validator.cs`, `VATCode12Validator.cs`,
//! `GBT2260OnlyProvince.cs`, `AmountVersion.cs`; its `GetBatch` reads position 8 instead of 7,
//! which is not repeated here); 国家税务总局公告2020年第22号 as quoted there (电子专票 codes);
//! the 数电 number rule "第1-2位代表公历年度后两位, 第3-4位代表…行政区划代码, 第5位代表…开具渠道等信息,
//! 第6-20位代表顺序编码等信息".
//!
//! # Example
//!
//! ```
//! use invoice_core::number::{AmountVersion, CodeForm, CodeOptions, InvoiceCode, InvoiceNumber, Kind};
//!
//! let code = InvoiceCode::parse("4403183130")?;
//! assert_eq!(code.region().zh, "深圳");
//! assert_eq!(code.year(), 2018);
//! assert_eq!(code.kind(), Some(Kind::SpecialPaper));
//! assert!(matches!(
//!     code.form(),
//!     CodeForm::Legacy10 { batch: 3, copies: 3, amount_version: AmountVersion::Computer, .. }
//! ));
//!
//! // The toll invoice's code says more than its QR kind field (10).
//! assert_eq!(InvoiceCode::parse("011001700112")?.kind(), Some(Kind::Toll));
//!
//! let n = InvoiceNumber::parse("26337904450900255091")?;
//! assert_eq!(n.year(), Some(2026));
//!
//! // Failures carry a stable code: 9999 is no region.
//! assert_eq!(InvoiceCode::parse("9999171320").unwrap_err().code(), "NUM-03");
//! // A code printed in 2030 is implausible when the caller says it is 2025.
//! let opts = CodeOptions { max_year: Some(2025), ..CodeOptions::default() };
//! assert_eq!(InvoiceCode::parse_with("3100301320", &opts).unwrap_err().code(), "NUM-05");
//! # Ok::<(), invoice_core::Error>(())
//! ```

mod invoice_code;
mod invoice_number;
mod kind;
mod kind_info;
mod region;

pub use invoice_code::{
    AmountVersion, CodeForm, CodeOptions, InvoiceCode, Suffix, check_qr_kind, kind_from_code,
    refine_qr_kind,
};
pub use invoice_number::{DigitalNumber, InvoiceNumber, NumberOptions, pad_number};
pub use kind::{Kind, Numbering};
pub use kind_info::KindInfo;
pub use region::{REGIONS, Region, digital_region, province, region};

use crate::error::rules;

rules! {
    /// An invoice code of the wrong length.
    CODE_LENGTH = ("NUM-01", Error,
        "an invoice code must have 10 or 12 digits, got {len}",
        "发票代码应为10位或12位数字，实际为{len}位");
    /// An invoice code with a character other than an ASCII digit.
    CODE_CHAR = ("NUM-02", Error,
        "an invoice code must contain ASCII digits only; found {char} at position {position}",
        "发票代码只能包含半角数字，第{position}位为 {char}");
    /// A region that is neither a province nor a 计划单列市.
    CODE_REGION = ("NUM-03", Error,
        "region {region} is not a province or separately planned city code",
        "地区代码 {region} 不是省级或计划单列市代码");
    /// A year before the plausible floor.
    YEAR_TOO_EARLY = ("NUM-04", Error,
        "year {year} is before {min}, the earliest plausible year",
        "年份 {year} 早于最早的合理年份 {min}");
    /// A year after the caller's current year.
    YEAR_IN_FUTURE = ("NUM-05", Error,
        "year {year} is after the current year {max}",
        "年份 {year} 晚于当前年份 {max}");
    /// The 8th digit of a 10-digit code names no kind.
    CODE_KIND_DIGIT = ("NUM-06", Error,
        "8th digit {digit} names no invoice kind (1/5 special, 3/6 ordinary, 2/7 freight)",
        "第8位 {digit} 不是发票种类（1/5 专用发票，3/6 普通发票，2/7 货运专用发票）");
    /// The 9th digit of a 10-digit code is not a number of copies.
    CODE_COPIES = ("NUM-07", Error,
        "9th digit {digit} is not a number of copies (2 to 9)",
        "第9位 {digit} 不是联次（应为2至9）");
    /// The 10th digit of a 10-digit code is not an amount version.
    CODE_AMOUNT_VERSION = ("NUM-08", Error,
        "10th digit {digit} is not an amount version (0 to 4)",
        "第10位 {digit} 不是金额版本（应为0至4）");
    /// A 12-digit code that starts with neither 0 nor 1.
    CODE_LEADING_DIGIT = ("NUM-09", Error,
        "a 12-digit invoice code must start with 0 or 1, got {digit}",
        "12位发票代码首位应为0或1，实际为 {digit}");
    /// A 12-digit VAT code whose last two digits name no kind.
    CODE_SUFFIX = ("NUM-10", Error,
        "last two digits {suffix} name no kind (04, 05, 06, 07, 11, 12, 13)",
        "末两位 {suffix} 不是发票种类代码（04、05、06、07、11、12、13）");
    /// An invoice number of the wrong length.
    NUMBER_LENGTH = ("NUM-11", Error,
        "an invoice number must have 8 digits (legacy) or 20 digits (数电), got {len}",
        "发票号码应为8位（传统发票）或20位（数电发票）数字，实际为{len}位");
    /// An invoice number with a character other than an ASCII digit.
    NUMBER_CHAR = ("NUM-12", Error,
        "an invoice number must contain ASCII digits only; found {char} at position {position}",
        "发票号码只能包含半角数字，第{position}位为 {char}");
    /// A number to pad that is empty or longer than 8 digits.
    PAD_LENGTH = ("NUM-13", Error,
        "only 1 to 8 digits can be padded to an 8-digit invoice number, got {len}",
        "只能将1至8位数字补足为8位发票号码，实际为{len}位");
    /// A QR kind field that contradicts the kind the invoice code names.
    KIND_CONFLICT = ("NUM-14", Error,
        "QR kind {qr_kind} contradicts kind {code_kind} of invoice code {code}",
        "二维码发票种类 {qr_kind} 与发票代码 {code} 所示种类 {code_kind} 不符");
}

/// The first character that is not an ASCII digit, with its 1-based position, as an error
/// under `rule` (`{char}` is shown as Rust's `{:?}` writes it, quoted and escaped, so control
/// characters and invisible marks stay visible).
pub(crate) fn check_ascii_digits(
    s: &str,
    rule: &'static crate::error::Rule,
) -> Result<(), crate::Error> {
    match s.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, c)) => Err(crate::Error::new(rule)
            .with("char", format!("{c:?}"))
            .with("position", i + 1)),
        None => Ok(()),
    }
}
