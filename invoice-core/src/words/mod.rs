//! Amounts in Chinese upper-case words (大写金额): amount → words and words → amount.
//!
//! The 价税合计 of every invoice is printed twice: in figures and in upper-case words
//! (`叁仟伍佰伍拾圆零柒角整` for ¥3550.70). This module writes the words in three named
//! [`Style`]s and reads every variant the rules allow back into an exact [`Amount`].
//!
//! ## Structure
//!
//! - Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside a four-digit group, group markers 万 (10⁴),
//!   亿 (10⁸) and 万亿 (10¹²; written `…万…亿` when the 亿 group is non-zero), then 圆/元, 角, 分.
//!   `壹拾` is always written in full.
//! - 零 stands for every run of zero digits between two non-zero digits (`壹万零伍圆`), and is
//!   written between 圆 and 分 when 角 is zero (`叁佰柒拾圆零捌分`). When the 元 digit is 0 and 角
//!   is not, rule (五)(3) lets the writer drop the 零 before 角 and the 零 of zeros reaching through
//!   a 万 or 亿 digit to a 仟 digit (`壹拾万柒仟元伍角叁分`) ([`Zeros`]); a 零 inside a group stays
//!   (rule (五)(1): `陆佰零叁万`, never `陆佰叁万`, which speech reads as 630万).
//! - 整 (or 正) closes an amount ending in 圆/元; after 角 it depends on the [`Style`]; never after
//!   分. Negative amounts carry a label, `（负数）` by default. Zero is `零圆整`.
//!
//! | style | unit | 整 after 圆 | 整 after 角 | optional 零 | source |
//! |---|---|---|---|---|---|
//! | [`Style::Invoice`] | 圆 | yes | yes | all written | invoices (domain.md §8.2, §8.3) |
//! | [`Style::Accounting`] | 元 | yes | yes | all written | 会计基础工作规范 第五十二条 |
//! | [`Style::Pboc`] | 元 | yes | no | one (before 角) | 支付结算办法 附件 |
//!
//! ## Reading words
//!
//! [`read_words`] reads in one of two [`Mode`]s and reports every [`Deviation`] from the invoice
//! style it accepted, so a caller can tell "amount matches, style differs" from a wrong amount.
//!
//! - [`Mode::Strict`] accepts what the rules allow: 圆 or 元, 整 or 正, both variants of rule (五)
//!   (when the 元 digit is 0 and 角 is not, the 零 before 角 and the one after a zero 万/亿 digit
//!   before a 仟 digit may be dropped), 角
//!   with or without 整, an optional `人民币` prefix, the `⊗`/`ⓧ`/`×` mark printed before the
//!   amount, the negative labels `（负数）`, `(负数)` and `负`, and surrounding whitespace. Anything
//!   else has its own code: a 零 the rules require, a 整 missing after 圆 or present after 分,
//!   simplified digits (一二三…十, 〇, 两, Arabic digits), units out of order (`拾拾`), a digit
//!   without its unit, a misplaced 零.
//! - [`Mode::Lenient`] (the default, used by [`parse_words`] and [`matches()`]) also accepts every
//!   unambiguous form people and programs print ([`DeviationKind`] lists them): the 零 omitted
//!   after a 万 or 亿 digit of 0 before a 仟 digit (支付结算办法 rule (五)(3): `壹拾万柒仟元整`) or
//!   anywhere a unit still names the place (`壹仟伍拾圆`), several 零s for several zero digits,
//!   no 整 after 圆 or a 整 after 分, `零元` or `零` before an amount under one yuan, `零角` /
//!   `零分` written out, `¥`/`￥`, `欠` for a negative, 万亿 and 亿亿 as units, lower-case
//!   numerals (一二三…十百千, 〇, 两) and `十` for `一十`.
//!
//! Both refuse what is ambiguous or contradicts itself: a digit without a unit after a gap with
//! no 零 (`壹仟壹圆` is 1001 by the grammar and 1100 in speech), a 零 where no digit is zero
//! (`壹佰零贰拾圆`), Arabic digits, units out of order.
//!
//! ## Range
//!
//! Four groups (个, 万, 亿, 万亿) hold every [`Amount`] (|x| < 10¹⁶), up to
//! `玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分`, so [`to_words`]
//! cannot fail. A [`Decimal`] passed to [`decimal_to_words`] must be below 10¹⁶ in magnitude after
//! applying [`Excess`], or it gets `WRD-16`.
//!
//! ## Sources
//!
//! 《会计基础工作规范》第五十二条 (财政部); 中国人民银行《支付结算办法》附件「正确填写票据和结算凭证的基本
//! 规定」 and its worked examples; invoice and 数电 XML samples (domain.md §8.1–§8.3).
//!
//! ```
//! use invoice_core::money::Amount;
//! use invoice_core::words::{self, Style};
//!
//! let total = Amount::parse("3550.70")?;
//! assert_eq!(words::to_words(total, Style::Invoice), "叁仟伍佰伍拾圆零柒角整");
//! assert_eq!(words::parse_words("ⓧ叁仟伍佰伍拾圆零柒角整")?, total);
//! assert!(words::matches("叁仟伍佰伍拾元柒角", total)); // PBoC style, 零 dropped
//!
//! // Lower-case numerals read, and the reading says how the text differs from the invoice style.
//! let r = words::read_words("三千五百五十元七角", words::Mode::Lenient)?;
//! assert_eq!(r.amount, total);
//! let kinds: Vec<&str> = r.deviations.iter().map(|d| d.kind.as_str()).collect();
//! assert_eq!(kinds, ["lower_case", "yuan_unit", "optional_zero_omitted", "whole_after_jiao_missing"]);
//!
//! // The strict reader refuses them with their own code.
//! let err = words::parse_words_strict("三仟伍佰伍拾圆整").unwrap_err();
//! assert_eq!(err.code(), "WRD-03");
//! assert_eq!(err.param("upper"), Some("叁"));
//! # Ok::<(), invoice_core::Error>(())
//! ```

mod format;
mod parse;

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::INP_UNKNOWN_OPTION;
use crate::error::{Error, rules};
use crate::model::Source;
use crate::money::{self, Amount};
use crate::options::{Keys, Opts};

rules! {
    /// Nothing to read (empty, only whitespace, or only a prefix).
    WRD_EMPTY = ("WRD-01", Error,
        "no amount in words found",
        "未找到大写金额");
    /// A character that has no place in an amount in words.
    WRD_UNKNOWN_CHAR = ("WRD-02", Error,
        "{found} at position {position} is not part of an amount in upper-case words",
        "第 {position} 位的 {found} 不是大写金额用字");
    /// A simplified or Arabic digit (会计基础工作规范 第五十二条（三）).
    WRD_SIMPLIFIED = ("WRD-03", Error,
        "{found} at position {position} is a simplified or Arabic numeral; write {upper}",
        "第 {position} 位的 {found} 是简化字或阿拉伯数字，应写作 {upper}");
    /// A unit that does not follow the descending order 仟佰拾, 万亿 groups, 圆, 角, 分.
    WRD_UNIT_ORDER = ("WRD-04", Error,
        "{found} at position {position} is out of order (units must descend: 仟佰拾 within a group, 万亿 groups, then 圆, 角, 分)",
        "第 {position} 位的 {found} 顺序错误（单位须依次递减：仟佰拾、万亿、圆、角、分）");
    /// A digit whose unit is missing.
    WRD_DIGIT_WITHOUT_UNIT = ("WRD-05", Error,
        "the digit {found} at position {position} needs a unit after it",
        "第 {position} 位的数字 {found} 后缺少单位");
    /// A unit with no digit before it (`拾` must be written `壹拾`).
    WRD_UNIT_WITHOUT_DIGIT = ("WRD-06", Error,
        "the unit {found} at position {position} has no digit before it",
        "第 {position} 位的单位 {found} 前缺少数字");
    /// A 零 the rules require is missing (rule (五); 零 before 分 when 角 is zero).
    WRD_ZERO_MISSING = ("WRD-07", Error,
        "a 零 is required before {found} at position {position}",
        "第 {position} 位的 {found} 前须写“零”");
    /// A 零 where none may stand.
    WRD_ZERO_MISPLACED = ("WRD-08", Error,
        "the 零 at position {position} is not allowed there",
        "第 {position} 位的“零”不应出现在此处");
    /// 整 or 正 after 分.
    WRD_WHOLE_AFTER_FEN = ("WRD-09", Error,
        "{found} at position {position}: no 整 or 正 may follow 分",
        "第 {position} 位的 {found}：分字后面不写“整”或“正”字");
    /// An amount ending in 圆 or 元 without 整 or 正.
    WRD_WHOLE_MISSING = ("WRD-10", Error,
        "an amount ending in 圆 or 元 must be closed with 整 or 正 (at position {position})",
        "到“圆”或“元”为止的大写金额须在第 {position} 位写“整”或“正”字");
    /// The yuan digits are not followed by 圆 or 元.
    WRD_YUAN_MISSING = ("WRD-11", Error,
        "expected 圆 or 元 at position {position}, found {found}",
        "第 {position} 位应为“圆”或“元”，实际为 {found}");
    /// Characters after the end of the amount.
    WRD_TRAILING = ("WRD-12", Error,
        "unexpected {found} at position {position} after the end of the amount",
        "第 {position} 位的 {found} 多余：金额已结束");
    /// A prefix (人民币, a negative label, the ⊗ mark) repeated or inside the amount.
    WRD_PREFIX = ("WRD-13", Error,
        "{found} at position {position} is repeated or misplaced (人民币, the negative label and the ⊗ mark come once, before the amount)",
        "第 {position} 位的 {found} 重复或位置错误（人民币、负数标记和⊗各至多一次，且在金额之前）");
    /// A negative label on zero.
    WRD_NEGATIVE_ZERO = ("WRD-14", Error,
        "zero cannot carry the negative label {found}",
        "零金额不能带负数标记 {found}");
    /// A decimal with more than two decimals and [`Excess::Error`].
    WRD_EXCESS_DECIMALS = ("WRD-15", Error,
        "{value} has more than 2 decimal places; choose rounding or truncation explicitly",
        "{value} 超过两位小数，须明确选择四舍五入或截断");
    /// A decimal beyond the four groups 个/万/亿/万亿.
    WRD_RANGE = ("WRD-16", Error,
        "{value} is beyond the largest amount in words (absolute value must be below {limit})",
        "{value} 超出大写金额范围（绝对值须小于 {limit}）");
    /// The words state the amount but differ from the invoice style (a warning: the amount
    /// matches). `deviations` names each [`DeviationKind`].
    WRD_STYLE = ("WRD-17", Warning,
        "{words} states {amount} but not in the invoice style: {deviations}",
        "{words} 与 {amount} 相符，但不合发票写法：{deviations}");
}

/// How strictly [`read_words`] reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Every unambiguous form, each difference from the invoice style reported.
    #[default]
    Lenient,
    /// Only what 会计基础工作规范 and 支付结算办法 allow (the reader before issue 15).
    Strict,
}

impl Mode {
    /// `"lenient"` or `"strict"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Lenient => "lenient",
            Mode::Strict => "strict",
        }
    }
}

/// A class of difference from the invoice style ([`Style::Invoice`]) that a reader accepted.
///
/// The first six are accepted in both modes (the rules allow them); the others only by
/// [`Mode::Lenient`], and the strict reader refuses each with the code named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviationKind {
    /// `元` instead of `圆` (the accounting and PBoC styles).
    YuanUnit,
    /// `正` instead of `整`.
    ZhengVariant,
    /// No `整` after 角 (the PBoC style: `伍拾陆元柒角`).
    WholeAfterJiaoMissing,
    /// A 零 left out under rule (五)(3): the 元 digit is 0 and 角 is not, before 角
    /// (`壹仟陆佰捌拾元叁角贰分`) or after a zero 万/亿 digit before a 仟 digit (`壹拾万柒仟元伍角叁分`).
    OptionalZeroOmitted,
    /// The currency name `人民币` before the amount (第五十二条（四）).
    RmbPrefix,
    /// `(负数)` or `负` instead of `（负数）`.
    NegativeLabel,
    /// `欠` before a negative amount (strict: `WRD-02`).
    NegativeQian,
    /// A `¥` or `￥` before the amount (strict: `WRD-02`).
    CurrencySign,
    /// No `整` after 圆 (`人民币叁元`; strict: `WRD-10`).
    WholeMissing,
    /// A `整` after 分 (strict: `WRD-09`).
    WholeAfterFen,
    /// A 零 left out after a 万 or 亿 digit of 0 before a 仟 digit (支付结算办法 rule (五)(3):
    /// `壹拾万柒仟元整`, `玖拾亿玖仟万元整`; strict: `WRD-07`).
    GroupZeroOmitted,
    /// A 零 left out where a unit still names the place (`壹仟伍拾圆整`, `壹佰圆伍分`; strict:
    /// `WRD-07`).
    ZeroMissing,
    /// Several 零s for several zero digits (`壹仟零零伍圆整`; strict: `WRD-08`).
    ZeroRepeated,
    /// `零角` or `零分` written out (`叁仟圆零角伍分`; strict: `WRD-08`).
    ZeroUnit,
    /// `零元` or `零` before an amount under one yuan (`零元伍角`, `零柒分`; strict: `WRD-08` or
    /// `WRD-12`).
    LeadingZero,
    /// `万亿` written as one unit before a 亿 group, or `亿亿` (strict: `WRD-04`, `WRD-06`).
    CompoundUnit,
    /// Lower-case numerals: 一二三…九, 十百千, 〇, 两 (strict: `WRD-03`).
    LowerCase,
    /// `十`/`拾` without `壹` before it, at the start or after 零 (`十五元`; strict: `WRD-06`).
    TenWithoutOne,
}

impl DeviationKind {
    /// The snake_case name (as serialised).
    pub const fn as_str(self) -> &'static str {
        use DeviationKind as K;
        match self {
            K::YuanUnit => "yuan_unit",
            K::ZhengVariant => "zheng_variant",
            K::WholeAfterJiaoMissing => "whole_after_jiao_missing",
            K::OptionalZeroOmitted => "optional_zero_omitted",
            K::RmbPrefix => "rmb_prefix",
            K::NegativeLabel => "negative_label",
            K::NegativeQian => "negative_qian",
            K::CurrencySign => "currency_sign",
            K::WholeMissing => "whole_missing",
            K::WholeAfterFen => "whole_after_fen",
            K::GroupZeroOmitted => "group_zero_omitted",
            K::ZeroMissing => "zero_missing",
            K::ZeroRepeated => "zero_repeated",
            K::ZeroUnit => "zero_unit",
            K::LeadingZero => "leading_zero",
            K::CompoundUnit => "compound_unit",
            K::LowerCase => "lower_case",
            K::TenWithoutOne => "ten_without_one",
        }
    }

    /// True for the kinds [`Mode::Strict`] accepts too.
    pub const fn strict_accepts(self) -> bool {
        use DeviationKind as K;
        matches!(
            self,
            K::YuanUnit
                | K::ZhengVariant
                | K::WholeAfterJiaoMissing
                | K::OptionalZeroOmitted
                | K::RmbPrefix
                | K::NegativeLabel
        )
    }
}

impl fmt::Display for DeviationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One accepted difference from the invoice style: its kind, where it starts (characters from
/// 0 in the input) and the text there. A reading reports the first place of each kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Deviation {
    /// What differs.
    pub kind: DeviationKind,
    /// Character position in the input.
    pub position: usize,
    /// The text at that place (`(end)` for something missing at the end).
    pub found: String,
}

/// What [`read_words`] found: the amount, and how the text differs from the invoice style
/// (ordered by position; empty for the invoice style itself).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WordsReading {
    /// The amount the words state.
    pub amount: Amount,
    /// The differences from [`Style::Invoice`], one per kind.
    pub deviations: Vec<Deviation>,
}

impl WordsReading {
    /// `WRD-17` (a warning) when the words differ from the invoice style, naming every
    /// deviation; `None` for words in the invoice style.
    pub fn style_warning(&self, words: &str) -> Option<Error> {
        if self.deviations.is_empty() {
            return None;
        }
        let names: Vec<&str> = self.deviations.iter().map(|d| d.kind.as_str()).collect();
        Some(
            Error::new(WRD_STYLE)
                .with("words", money::shorten(words))
                .with("amount", self.amount)
                .with("deviations", names.join(", ")),
        )
    }
}

/// A named way of writing the words (书写规范).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    /// What the tax system prints on invoices: 圆; 整 after 圆 and after 角; every 零 of the
    /// domain.md §8.3 algorithm; `（负数）` before negatives. `玖佰陆拾圆零伍角整`.
    #[default]
    Invoice,
    /// 会计基础工作规范 第五十二条: 元; 整 after 元 and after 角; every 零. `玖佰陆拾元零伍角整`.
    Accounting,
    /// 支付结算办法 (bills and settlement vouchers): 元; 整 after 元 only, nothing after 角; when the
    /// 元 digit is 0 and 角 is not, one 零, before 角 (as the official examples). `玖佰陆拾元零伍角`.
    Pboc,
}

impl Style {
    /// The options this style writes by default.
    pub const fn options(self) -> Options {
        Options {
            style: self,
            rmb_prefix: false,
            whole: WholeMark::Zheng,
            negative: NegativeLabel::FullWidth,
            zeros: match self {
                Style::Invoice | Style::Accounting => Zeros::All,
                Style::Pboc => Zeros::One,
            },
        }
    }

    /// The yuan character: `圆` for [`Style::Invoice`], `元` otherwise.
    pub const fn unit(self) -> &'static str {
        match self {
            Style::Invoice => "圆",
            Style::Accounting | Style::Pboc => "元",
        }
    }

    /// Whether an amount ending in 角 is closed with 整.
    pub const fn whole_after_jiao(self) -> bool {
        !matches!(self, Style::Pboc)
    }

    /// The name used by the bindings and the vectors: `invoice`, `accounting`, `pboc`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Style::Invoice => "invoice",
            Style::Accounting => "accounting",
            Style::Pboc => "pboc",
        }
    }
}

/// The closing character after 圆 (and after 角 where the style writes one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WholeMark {
    /// `整` (the usual one).
    #[default]
    #[serde(rename = "整")]
    Zheng,
    /// `正` (allowed as well by 第五十二条 and 支付结算办法).
    #[serde(rename = "正")]
    Exact,
}

impl WholeMark {
    /// `"整"` or `"正"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            WholeMark::Zheng => "整",
            WholeMark::Exact => "正",
        }
    }
}

/// The label written before a negative amount (red invoices).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NegativeLabel {
    /// `（负数）` with full-width parentheses, as in the 数电 XML.
    #[default]
    #[serde(rename = "（负数）")]
    FullWidth,
    /// `(负数)` with ASCII parentheses, as a vendor's PDF generator writes it.
    #[serde(rename = "(负数)")]
    HalfWidth,
    /// `负`, as generic RMB utilities write it.
    #[serde(rename = "负")]
    Short,
}

impl NegativeLabel {
    /// The label text.
    pub const fn as_str(self) -> &'static str {
        match self {
            NegativeLabel::FullWidth => "（负数）",
            NegativeLabel::HalfWidth => "(负数)",
            NegativeLabel::Short => "负",
        }
    }
}

/// Which of the 零s that rule (五)(3) makes optional are written. They exist only when the 元
/// digit is 0 and 角 is not: the 零 before 角 and the 零 after a zero 万 or 亿 digit before a 仟
/// digit (`壹拾万零柒仟圆零伍角叁分`); every other 零 is always written (`陆佰零叁万…`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zeros {
    /// Every 零: `壹拾万零柒仟圆零伍角叁分`, `壹仟陆佰捌拾圆零叁角贰分` (domain.md §8.3).
    #[default]
    All,
    /// One 零, before 角: `壹拾万柒仟元零伍角叁分` (the first form of the PBoC examples).
    One,
    /// None of the optional ones: `壹拾万柒仟圆伍角叁分`, `壹仟陆佰捌拾圆叁角贰分`.
    None,
}

impl Zeros {
    /// `"all"`, `"one"` or `"none"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Zeros::All => "all",
            Zeros::One => "one",
            Zeros::None => "none",
        }
    }
}

/// How to write the words: a [`Style`] and the choices it leaves open.
///
/// Start from [`Style::options`] (or `Options::default()`, the invoice style) and change fields:
///
/// ```
/// use invoice_core::money::Amount;
/// use invoice_core::words::{Options, Style, WholeMark, to_words_with};
///
/// let opts = Options { rmb_prefix: true, whole: WholeMark::Exact, ..Style::Accounting.options() };
/// assert_eq!(to_words_with(Amount::parse("100")?, &opts), "人民币壹佰元正");
/// # Ok::<(), invoice_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Options {
    /// Unit character and whether 角 is closed with 整.
    pub style: Style,
    /// Write the currency name `人民币` before the amount (第五十二条（四）).
    pub rmb_prefix: bool,
    /// `整` or `正`.
    pub whole: WholeMark,
    /// The label before a negative amount.
    pub negative: NegativeLabel,
    /// Which optional 零s to write.
    pub zeros: Zeros,
}

impl Default for Options {
    fn default() -> Self {
        Style::Invoice.options()
    }
}

/// The names of the writing options (snake_case; JavaScript writes `whole` as `zheng`).
pub const OPTION_KEYS: &[&str] = &[
    "style",
    "rmb_prefix",
    "whole",
    "negative",
    "zeros",
    "excess",
];

/// Reads the writing options `{style?, rmb_prefix?, whole?, negative?, zeros?, excess?}` in the
/// host's key convention: the style's defaults, then each option given; and the excess choice
/// (`None`: amounts must have at most two decimals). The one reader of every binding.
///
/// ```
/// use invoice_core::options::Keys;
/// use invoice_core::words::{read_options, Style};
///
/// let (o, excess) = read_options(&serde_json::json!({"style": "pboc", "rmbPrefix": true}), Keys::Camel)?;
/// assert_eq!((o.style, o.rmb_prefix, excess), (Style::Pboc, true, None));
/// let e = read_options(&serde_json::json!({"zeros": "some"}), Keys::Snake).unwrap_err();
/// assert_eq!((e.code(), e.path().to_string().as_str()), ("INP-05", "zeros"));
/// # Ok::<(), invoice_core::Error>(())
/// ```
///
/// # Errors
/// At the option's path: `INP-05` an unknown key or name, `INP-02` a wrong type.
pub fn read_options<S: Source>(v: S, keys: Keys) -> Result<(Options, Option<Excess>), Error> {
    let o = Opts::open(v, crate::Path::root(), keys, OPTION_KEYS)?;
    let style: Style = o.name("style")?.unwrap_or_default();
    let mut out = style.options();
    if let Some(b) = o.bool("rmb_prefix")? {
        out.rmb_prefix = b;
    }
    if let Some(w) = o.name("whole")? {
        out.whole = w;
    }
    if let Some(n) = o.name("negative")? {
        out.negative = n;
    }
    if let Some(z) = o.name("zeros")? {
        out.zeros = z;
    }
    Ok((out, o.name("excess")?))
}

/// What [`decimal_to_words`] does with a value that has more than two decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Excess {
    /// Refuse it with `WRD-15`.
    #[default]
    Error,
    /// Round half-up (四舍五入) to 分 with [`money::round_half_up`].
    Round,
    /// Cut the extra decimals off, toward zero.
    Truncate,
}

impl Excess {
    /// `"error"`, `"round"` or `"truncate"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Excess::Error => "error",
            Excess::Round => "round",
            Excess::Truncate => "truncate",
        }
    }

    /// Turns `value` into an [`Amount`] under this choice.
    ///
    /// # Errors
    /// `WRD-15` when `self` is [`Excess::Error`] and `value` has more than two significant
    /// decimals; `WRD-16` when the result is not below 10¹⁶ in magnitude.
    pub fn apply(self, value: Decimal) -> Result<Amount, Error> {
        let two = match self {
            Excess::Error => {
                if value.normalize().scale() > 2 {
                    return Err(Error::new(WRD_EXCESS_DECIMALS).with("value", value));
                }
                value
            }
            Excess::Round => money::round_half_up(value, 2),
            Excess::Truncate => value.trunc_with_scale(2),
        };
        Amount::from_decimal(two).map_err(|_| {
            Error::new(WRD_RANGE)
                .with("value", value)
                .with("limit", "10000000000000000")
        })
    }
}

macro_rules! named {
    ($ty:ident, [$($v:ident),+]) => {
        impl FromStr for $ty {
            type Err = Error;
            /// Reads the name [`Self::as_str`] gives.
            ///
            /// # Errors
            /// `INP-05` for any other text.
            fn from_str(s: &str) -> Result<Self, Error> {
                $(if s == $ty::$v.as_str() { return Ok($ty::$v); })+
                let allowed = [$($ty::$v.as_str()),+].join(", ");
                Err(Error::new(INP_UNKNOWN_OPTION)
                    .with("value", money::shorten(s))
                    .with("allowed", allowed))
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
named!(Style, [Invoice, Accounting, Pboc]);
named!(WholeMark, [Zheng, Exact]);
named!(NegativeLabel, [FullWidth, HalfWidth, Short]);
named!(Zeros, [All, One, None]);
named!(Excess, [Error, Round, Truncate]);
named!(Mode, [Lenient, Strict]);

/// `amount` in words in `style` with the style's default options.
///
/// ```
/// use invoice_core::money::Amount;
/// use invoice_core::words::{Style, to_words};
///
/// let a = Amount::parse("-500")?;
/// assert_eq!(to_words(a, Style::Invoice), "（负数）伍佰圆整");
/// assert_eq!(to_words(Amount::parse("1409.50")?, Style::Pboc), "壹仟肆佰零玖元伍角");
/// # Ok::<(), invoice_core::Error>(())
/// ```
pub fn to_words(amount: Amount, style: Style) -> String {
    to_words_with(amount, &style.options())
}

/// `amount` in words under `options`.
pub fn to_words_with(amount: Amount, options: &Options) -> String {
    let (negative, fen) = format::split(amount);
    let mut out = String::with_capacity(format::capacity(fen));
    format::write(negative, fen, options, &mut out);
    out
}

/// Appends `amount` in words to `out` (no allocation when `out` has room).
pub fn write_words(amount: Amount, options: &Options, out: &mut String) {
    let (negative, fen) = format::split(amount);
    out.reserve(format::capacity(fen));
    format::write(negative, fen, options, out);
}

/// A decimal of any scale in words, with an explicit choice for more than two decimals.
///
/// ```
/// use invoice_core::words::{Excess, Style, decimal_to_words};
/// use rust_decimal::Decimal;
///
/// let d: Decimal = "31.245".parse().unwrap();
/// let opts = Style::Invoice.options();
/// assert_eq!(decimal_to_words(d, Excess::Round, &opts)?, "叁拾壹圆贰角伍分");
/// assert_eq!(decimal_to_words(d, Excess::Truncate, &opts)?, "叁拾壹圆贰角肆分");
/// assert_eq!(decimal_to_words(d, Excess::Error, &opts).unwrap_err().code(), "WRD-15");
/// # Ok::<(), invoice_core::Error>(())
/// ```
///
/// # Errors
/// `WRD-15` more than two decimals with [`Excess::Error`]; `WRD-16` |value| ≥ 10¹⁶ (beyond
/// `9999万9999亿9999万9999圆`) after rounding or truncation.
pub fn decimal_to_words(
    value: Decimal,
    excess: Excess,
    options: &Options,
) -> Result<String, Error> {
    excess.apply(value).map(|a| to_words_with(a, options))
}

/// Reads an amount in words under `mode`, with every difference from the invoice style it
/// accepted (see the module docs).
///
/// ```
/// use invoice_core::money::Amount;
/// use invoice_core::words::{DeviationKind, Mode, read_words};
///
/// // 支付结算办法 rule (五)(3): the 零 after a 万 digit of 0 may be left out.
/// let r = read_words("壹拾万柒仟元整", Mode::Lenient)?;
/// assert_eq!(r.amount, Amount::parse("107000")?);
/// assert!(r.deviations.iter().any(|d| d.kind == DeviationKind::GroupZeroOmitted));
/// assert_eq!(read_words("壹拾万柒仟元整", Mode::Strict).unwrap_err().code(), "WRD-07");
/// // Ambiguous in both: 壹仟壹 is 1001 by the grammar, 1100 in speech.
/// assert_eq!(read_words("壹仟壹圆整", Mode::Lenient).unwrap_err().code(), "WRD-07");
/// # Ok::<(), invoice_core::Error>(())
/// ```
///
/// Positions in error params and deviations count characters from 0 in `words` as given.
///
/// # Errors
/// One `WRD-01`…`WRD-16` code per kind of failure, with `position` and `found` params.
pub fn read_words(words: &str, mode: Mode) -> Result<WordsReading, Error> {
    parse::parse(words, mode)
}

/// Reads an amount in words in [`Mode::Lenient`]: every unambiguous form (see the module docs).
///
/// # Errors
/// As [`read_words`].
pub fn parse_words(words: &str) -> Result<Amount, Error> {
    parse::parse(words, Mode::Lenient).map(|r| r.amount)
}

/// Reads an amount in words in [`Mode::Strict`]: only what the rules allow.
///
/// # Errors
/// As [`read_words`].
pub fn parse_words_strict(words: &str) -> Result<Amount, Error> {
    parse::parse(words, Mode::Strict).map(|r| r.amount)
}

/// True when `words` read ([`Mode::Lenient`]) as exactly `amount`: the check of a declared
/// 价税合计（大写） against the total. [`read_words`] also says how the style differs.
///
/// ```
/// use invoice_core::money::Amount;
/// use invoice_core::words::matches;
///
/// let total = Amount::parse("107000.53")?;
/// assert!(matches("壹拾万柒仟元零伍角叁分", total));
/// assert!(matches("人民币壹拾万零柒仟圆伍角叁分", total));
/// assert!(!matches("壹拾万柒仟圆伍角贰分", total));
/// # Ok::<(), invoice_core::Error>(())
/// ```
pub fn matches(words: &str, amount: Amount) -> bool {
    parse_words(words).is_ok_and(|a| a == amount)
}
