//! Finding invoices (发票查找): query normalisation, search, lookup diagnostics ("why is my
//! invoice not in the system?" / 为什么查不到我的发票), numbering and export.
//!
//! The most common complaint about invoice platforms is "the invoice is not in the system"
//! (查无此票). Most of the time the invoice is there and the query is not what the person meant:
//! a mistyped digit, a 数电 number typed into the code field, full-width digits, an invoice
//! issued today that the platform shows only tomorrow, one older than the look-back window, one
//! voided or red-flushed, one filed under another buyer's tax id, the wrong fifth element for the
//! kind. This module explains those offline.
//!
//! - [`normalise`]: what a person types or pastes → a clean [`Query`], with every correction
//!   reported ([`Correction`], codes `FND-01`…`FND-10`) and unfixable input as coded errors with
//!   the field path (`FND-20`…`FND-26`, and the `NUM-`/`MNY-` errors of the parsers).
//! - [`search`]: a serde [`Filter`] applied to many [`Record`]s (an invoice and its status),
//!   hits in a stable order with the reason each matched (exact, prefix, one typo).
//! - [`diagnose`]: every plausible reason a query finds nothing or the wrong thing, each a
//!   coded finding (`FND-30`…`FND-46`) with bilingual text and params.
//! - [`numbering`]: 20-digit 数电 numbers from their parts and the next number of a sequence
//!   (`FND-60`…`FND-65`).
//! - [`export`]: invoices, validation reports and statistics as CSV (UTF-8 with BOM, RFC 4180,
//!   CRLF) and JSON Lines. Pure functions returning `String`.
//!
//! Nothing here takes a clock: `as_of` is a parameter.
//!
//! # Sources
//!
//! domain.md §2 (codes and numbers; §2.4 the 20-digit number), §3 (QR payloads), §4 (查验:
//! five-year window, same-day T/T+1, fifth element per kind), §9 (lifecycle states).
//!
//! # Example
//!
//! ```
//! use invoice_core::find::{normalise, RawQuery};
//!
//! // A 数电 number with full-width digits, typed into the code field.
//! let raw = RawQuery {
//!     code: Some("２４３１２００００００３５８０３２５４６".into()),
//!     date: Some("2024年11月18日".into()),
//!     ..RawQuery::default()
//! };
//! let n = normalise::normalise(&raw);
//! assert_eq!(n.query.number.as_deref(), Some("24312000000358032546"));
//! assert_eq!(n.query.code, None);
//! let codes: Vec<_> = n.corrections.iter().map(|c| c.code()).collect();
//! assert_eq!(codes, ["FND-01", "FND-03", "FND-06"]);
//!
//! // A date that is no date cannot be fixed: a coded error at its field.
//! let bad = RawQuery { date: Some("2024-02-30".into()), ..RawQuery::default() };
//! let n = normalise::normalise(&bad);
//! assert_eq!(n.errors[0].code(), "FND-20");
//! assert_eq!(n.errors[0].path().to_string(), "date");
//! ```

pub mod diagnose;
pub mod export;
pub mod normalise;
pub mod numbering;
pub mod search;

pub use diagnose::{Diagnosis, Lookup, Platform};
pub use normalise::{Correction, Normalised, Query, RawQuery};
pub use search::{Filter, Hit, Record};

use crate::error::rules;

rules! {
    /// Full-width characters in a field were converted to half-width.
    FULL_WIDTH = ("FND-01", Warning,
        "{field}: full-width characters converted to half-width ({from} → {to})",
        "{field_zh}：全角字符已转换为半角（{from} → {to}）");
    /// Spaces, hyphens and punctuation were removed from a field.
    SEPARATORS = ("FND-02", Warning,
        "{field}: spaces, hyphens and punctuation removed ({from} → {to})",
        "{field_zh}：已去除空格、连字符和标点（{from} → {to}）");
    /// A 20-digit 数电 number typed into the code field was moved to the number field.
    DIGITAL_IN_CODE = ("FND-03", Warning,
        "{field}: {from} is a 20-digit 数电 number typed into the code field; 数电 invoices have no code, so it was moved to the number field",
        "{field_zh}：填写的 {from} 是20位数电发票号码；数电发票没有发票代码，已移至发票号码栏");
    /// The code and the number were swapped.
    SWAPPED = ("FND-04", Warning,
        "{field}: the invoice code and number look swapped and were exchanged ({from} → {to})",
        "{field_zh}：发票代码与发票号码似乎填反了，已互换（{from} → {to}）");
    /// A QR payload pasted into a field was decoded.
    QR_DECODED = ("FND-05", Warning,
        "{field}: taken from the QR payload that was pasted ({from} → {to})",
        "{field_zh}：已从粘贴的二维码内容中读取（{from} → {to}）");
    /// A date in another written form was read.
    DATE_FORM = ("FND-06", Warning,
        "{field}: date read as {to} (typed {from})",
        "{field_zh}：日期已按 {to} 读取（输入为 {from}）");
    /// A legacy number that lost its leading zeros was padded to 8 digits.
    PADDED = ("FND-07", Warning,
        "{field}: a legacy invoice number has 8 digits; padded with leading zeros ({from} → {to})",
        "{field_zh}：传统发票号码为8位，已在左侧补零（{from} → {to}）");
    /// The whole 20-digit check code was given; its last 6 digits are used.
    CHECK_CODE_LAST6 = ("FND-08", Warning,
        "{field}: the platform asks for the last 6 digits of the check code ({from} → {to})",
        "{field_zh}：查验平台只需校验码后6位（{from} → {to}）");
    /// Lower-case letters of a tax id were upper-cased.
    UPPERCASED = ("FND-09", Warning,
        "{field}: letters upper-cased ({from} → {to})",
        "{field_zh}：字母已转换为大写（{from} → {to}）");
    /// A code and a number typed into one field were split.
    SPLIT = ("FND-10", Warning,
        "{field}: an invoice code and number typed together were split ({from} → {to})",
        "{field_zh}：同一栏中的发票代码和发票号码已拆分（{from} → {to}）");
    /// A date that cannot be read.
    BAD_DATE = ("FND-20", Error,
        "{value} is not a date (write 2024-11-26, 2024/11/26, 2024.11.26, 20241126 or 2024年11月26日)",
        "{value} 不是有效日期（可写作 2024-11-26、2024/11/26、2024.11.26、20241126 或 2024年11月26日）");
    /// Two fields that say different things.
    CONFLICT = ("FND-21", Error,
        "{value} conflicts with {other}; which one is meant?",
        "{value} 与 {other} 相互矛盾，请确认哪一个正确");
    /// A check code of the wrong shape.
    BAD_CHECK_CODE = ("FND-22", Error,
        "{value} is not a check code: give its last 6 digits (5 for blockchain invoices) or all 20 digits",
        "{value} 不是有效的校验码：请填写校验码后6位（区块链发票为后5位）或完整的20位");
    /// More than one fifth element.
    MANY_ELEMENTS = ("FND-23", Error,
        "give one fifth element only; got {fields}",
        "只需填写一个第五要素，实际填写了 {fields}");
    /// A tax id of the wrong shape.
    BAD_TAX_ID = ("FND-24", Error,
        "{value} is not a taxpayer id (15 to 20 letters and digits)",
        "{value} 不是有效的纳税人识别号（应为15至20位字母和数字）");
    /// A field the query does not have.
    UNKNOWN_FIELD = ("FND-25", Error,
        "unknown field {field}; known fields: {allowed}",
        "未知字段 {field}；可用字段：{allowed}");
    /// Text that looks like a QR payload but does not parse.
    QR_UNREADABLE = ("FND-26", Error,
        "looks like a QR payload but cannot be read: {reason}",
        "看起来是二维码内容，但无法读取：{reason_zh}");
    /// A field that cannot be read (diagnosis).
    MALFORMED = ("FND-30", Error,
        "{field} cannot be read: {reason}",
        "{field_zh} 无法读取：{reason_zh}");
    /// A field the platform needs is missing (diagnosis).
    MISSING = ("FND-31", Error,
        "{field} is missing; the platform needs it",
        "缺少{field_zh}；查验平台需要此项");
    /// Issued today, not yet verifiable under the next-day rule.
    SAME_DAY = ("FND-32", Error,
        "issued today ({date}); under the next-day rule the platform shows it from {from}",
        "当天（{date}）开具的发票，按次日可查的规则，{from} 起才能查到");
    /// Older than the look-back window.
    TOO_OLD = ("FND-33", Error,
        "issued {date}, before {earliest}: outside the {years}-year look-back window",
        "开票日期 {date} 早于 {earliest}，超出 {years} 年的查验期限");
    /// An issue date in the future.
    FUTURE = ("FND-34", Error,
        "issue date {date} is after today ({as_of})",
        "开票日期 {date} 晚于今天（{as_of}）");
    /// A stored invoice differs from the typed value in one digit.
    TYPO = ("FND-35", Warning,
        "{field} {typed} differs from the stored {stored} in one digit: position {position} is {typed_digit}, stored {stored_digit}",
        "您输入的{field_zh} {typed} 似乎有误：与已存的 {stored} 仅第{position}位不同（输入 {typed_digit}，应为 {stored_digit}）");
    /// A stored invoice differs from the typed value by two swapped adjacent digits.
    SWAP = ("FND-36", Warning,
        "{field} {typed} differs from the stored {stored} by two swapped digits at positions {position} and {next} ({typed_pair} typed, {stored_pair} stored)",
        "您输入的{field_zh} {typed} 似乎有误：与已存的 {stored} 相比，第{position}、{next}位颠倒（输入 {typed_pair}，应为 {stored_pair}）");
    /// The invoice exists and was voided.
    VOIDED = ("FND-37", Warning,
        "invoice {number} exists but was voided (作废)",
        "发票 {number} 存在，但已作废");
    /// The invoice exists and was fully red-flushed.
    RED_FLUSHED = ("FND-38", Warning,
        "invoice {number} exists but was fully reversed by a red invoice (红冲)",
        "发票 {number} 存在，但已全额红冲");
    /// The invoice exists and was partly red-flushed.
    PARTLY_RED_FLUSHED = ("FND-39", Warning,
        "invoice {number} exists and was partly reversed by a red invoice (部分红冲)",
        "发票 {number} 存在，已部分红冲");
    /// A red-letter confirmation slip is pending on the invoice.
    RED_PENDING = ("FND-40", Warning,
        "invoice {number} has a red-letter confirmation slip (红字发票信息确认单) waiting for confirmation",
        "发票 {number} 有待对方确认的红字发票信息确认单");
    /// The invoice exists under another buyer tax id.
    OTHER_BUYER = ("FND-41", Warning,
        "invoice {number} exists but is filed under buyer tax id {stored}, not {typed}",
        "发票 {number} 存在，但购买方纳税人识别号为 {stored}，不是 {typed}");
    /// The fifth element given is not the one the kind is verified with.
    WRONG_ELEMENT = ("FND-42", Warning,
        "{kind} invoices are verified with {expected}, but {given} was given",
        "{kind_zh}以{expected_zh}查验，但填写的是{given_zh}");
    /// The invoice's region differs from the platform's.
    REGION = ("FND-43", Warning,
        "the invoice is from region {invoice_region} ({invoice_name}); this platform serves {platform_region} ({platform_name})",
        "该发票属于 {invoice_region}（{invoice_name_zh}），本平台为 {platform_region}（{platform_name_zh}）");
    /// The invoice exists but another element differs.
    MISMATCH = ("FND-44", Warning,
        "invoice {number} exists but its {field} differs: typed {typed}, stored {stored}",
        "发票 {number} 存在，但{field_zh}不一致：输入 {typed}，记录为 {stored}");
    /// Nothing found and no near match.
    NOT_FOUND = ("FND-45", Warning,
        "no invoice with this code and number among {count} records, and no near match",
        "在 {count} 条记录中没有该发票代码和号码的发票，也没有相近的号码");
    /// A platform region that is no region.
    PLATFORM_REGION = ("FND-46", Error,
        "platform region {value} is not a province code (2 digits, e.g. 11) or a region code (4 digits, e.g. 1100, 3302)",
        "平台地区 {value} 不是省级代码（2位，如 11）或地区代码（4位，如 1100、3302）");
    /// A filter value that must be digits.
    FILTER_DIGITS = ("FND-50", Error,
        "{value} must be ASCII digits only",
        "{value} 只能包含半角数字");
    /// A filter range whose start is after its end.
    FILTER_RANGE = ("FND-51", Error,
        "the range starts at {from}, after its end {to}",
        "范围起点 {from} 晚于终点 {to}");
    /// A year that does not fit a 数电 number.
    NUMBERING_YEAR = ("FND-60", Error,
        "year {value} does not fit a 数电 number: give 21 to 99 or 2021 to 2099",
        "年份 {value} 不适用于数电发票号码：应为 21 至 99 或 2021 至 2099");
    /// A region that is not 2 digits.
    NUMBERING_REGION = ("FND-61", Error,
        "region {value} must be 2 ASCII digits",
        "地区代码 {value} 应为2位半角数字");
    /// A channel that is not one digit.
    NUMBERING_CHANNEL = ("FND-62", Error,
        "channel {value} must be one digit 0 to 9",
        "开具渠道 {value} 应为0至9的一位数字");
    /// A sequence that is not 1 to 15 digits.
    NUMBERING_SEQUENCE = ("FND-63", Error,
        "sequence {value} must be 1 to 15 ASCII digits",
        "顺序号 {value} 应为1至15位半角数字");
    /// A sequence at its maximum.
    NUMBERING_OVERFLOW = ("FND-64", Error,
        "the sequence of {number} is at its maximum (15 nines); there is no next number",
        "{number} 的顺序号已达最大值（15个9），没有下一个号码");
    /// A legacy number where a 数电 number is needed.
    NUMBERING_LEGACY = ("FND-65", Error,
        "{number} is an 8-digit legacy number; numbering works on 20-digit 数电 numbers",
        "{number} 是8位传统发票号码；编号功能只适用于20位数电发票号码");
}
