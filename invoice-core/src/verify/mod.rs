//! Verification (发票查验、校验码、二维码、查重): check codes, QR payloads, 查验 queries and
//! outcomes, and duplicate detection (重复报销).
//!
//! - [`check_code`]: a keyed 20-digit 校验码 for systems that issue their own codes (HMAC-SHA256
//!   over a versioned canonical encoding), constant-time verification, and the last-6 / last-5
//!   digits the platform asks for. The tax system's own 校验码 algorithm is **not public**
//!   (domain.md §4.1): codes made here are our scheme, never the platform's.
//! - [`qr`]: the QR payload (发票二维码) both ways: every layout of domain.md §3 (legacy with 7, 8
//!   or 9 fields, 数电 with empty code and check code, OCR text glued to the hash), the Shenzhen
//!   blockchain URL and other URLs recognised as such.
//! - [`query`]: the 查验 query per kind (the four 要素 of domain.md §4.2), its pre-check against
//!   `as_of` (look-back window, future dates, same-day policy; §4.3), and matching a query
//!   against a stored record with the platform's outcomes (match, not found, mismatch, voided,
//!   red-flushed, too old, not yet verifiable, malformed).
//! - [`duplicates`]: the normalised identity key (legacy code + number, 数电 number, both for 数电
//!   paper invoices) and a batch finder over invoices, QR texts and bare numbers (§9.6).
//!
//! The module never calls the platform and takes no clock: `as_of` and keys are parameters.
//!
//! # Sources
//!
//! domain.md §1.2 (kind codes), §2 (codes and numbers), §3 (QR payloads and every sample of
//! §3.3), §4 (校验码, inputs per kind, platform rules), §9.6 (duplicate keys); RFC 2104 (HMAC);
//! FIPS 180-4 (SHA-256).
//!
//! # Example
//!
//! ```
//! use invoice_core::number::Kind;
//! use invoice_core::verify::qr::{self, AmountMeaning, Payload};
//!
//! let p = qr::parse("01,10,011001700112,10113872,32,20180224,17602940807063740560,0819,")?;
//! let Payload::Invoice(q) = p else { panic!("an invoice payload") };
//! assert_eq!(q.kind, Kind::Toll); // the code ends in 12 while the QR field says 10
//! assert_eq!(q.amount.to_string(), "32.00");
//! assert_eq!(q.amount_meaning, AmountMeaning::AmountExcludingTax);
//!
//! // Each malformed part has its own code: here the date (field 6).
//! let err = qr::parse("01,10,011001700112,10113872,32,20180231,17602940807063740560,0819,").unwrap_err();
//! assert_eq!(err.code(), "VER-13");
//! # Ok::<(), invoice_core::Error>(())
//! ```

pub mod check_code;
pub mod duplicates;
pub mod qr;
pub mod query;

use crate::error::rules;

rules! {
    /// A check-code key that is too short to be a secret.
    KEY_TOO_SHORT = ("VER-01", Error,
        "a check-code key needs at least {min} bytes, got {len}",
        "校验码密钥至少需要 {min} 字节，实际为 {len} 字节");
    /// A check code that is not 20 ASCII digits.
    CHECK_CODE_FORMAT = ("VER-02", Error,
        "a check code must be 20 ASCII digits, got {value}",
        "校验码应为20位半角数字，实际为 {value}");
    /// An empty QR payload.
    QR_EMPTY = ("VER-03", Error,
        "the QR payload is empty",
        "二维码内容为空");
    /// Fewer than 7 comma-separated fields.
    QR_TOO_FEW_FIELDS = ("VER-04", Error,
        "a QR invoice payload needs 7 to 9 comma-separated fields, got {count}",
        "发票二维码应有7至9个以逗号分隔的字段，实际为 {count} 个");
    /// More than 9 fields, or a non-empty 9th field.
    QR_TOO_MANY_FIELDS = ("VER-05", Error,
        "a QR invoice payload has at most 9 fields and the 9th is empty; found {count} fields",
        "发票二维码最多9个字段且第9个为空，实际为 {count} 个字段");
    /// Field 1 is not the version 01.
    QR_VERSION = ("VER-06", Error,
        "field 1: unsupported QR version {value} (expected 01)",
        "第1项：不支持的二维码版本 {value}（应为 01）");
    /// Field 2 names no kind.
    QR_KIND = ("VER-07", Error,
        "field 2: QR kind code {value} names no known invoice kind",
        "第2项：二维码发票种类代码 {value} 不是已知的发票种类");
    /// Field 3 is not a valid invoice code.
    QR_CODE = ("VER-08", Error,
        "field 3: {value} is not a valid invoice code ({cause})",
        "第3项：{value} 不是有效的发票代码（{cause}）");
    /// A 数电 payload with a non-empty code field.
    QR_CODE_NOT_EMPTY = ("VER-09", Error,
        "field 3: a 数电 payload (kind {kind}) has an empty invoice code, got {value}",
        "第3项：数电发票（种类 {kind}）的二维码发票代码应为空，实际为 {value}");
    /// Field 4 is not a valid invoice number.
    QR_NUMBER = ("VER-10", Error,
        "field 4: {value} is not a valid invoice number ({cause})",
        "第4项：{value} 不是有效的发票号码（{cause}）");
    /// A number whose length does not fit the kind.
    NUMBER_FOR_KIND = ("VER-11", Error,
        "kind {kind} needs a {expected}-digit invoice number, got {value}",
        "发票种类 {kind} 需要{expected}位发票号码，实际为 {value}");
    /// Field 5 is not an amount.
    QR_AMOUNT = ("VER-12", Error,
        "field 5: {value} is not an amount with at most 2 decimals ({cause})",
        "第5项：{value} 不是最多两位小数的金额（{cause}）");
    /// Field 6 is not a date.
    QR_DATE = ("VER-13", Error,
        "field 6: {value} is not a date in the form YYYYMMDD",
        "第6项：{value} 不是 YYYYMMDD 格式的有效日期");
    /// Field 7 is neither empty nor a 20-digit check code (or not empty on a 数电 payload).
    QR_CHECK_CODE = ("VER-14", Error,
        "field 7: {value} is not {expected}",
        "第7项：{value} 不是{expected}");
    /// Field 8 is not a 4-hex-digit field.
    QR_HASH = ("VER-15", Error,
        "field 8: {value} is not 2 to 4 hexadecimal digits",
        "第8项：{value} 不是2至4位十六进制字符");
    /// A kind without a known QR layout.
    QR_NO_LAYOUT = ("VER-16", Error,
        "kind {kind} has no known QR payload layout",
        "发票种类 {kind} 没有已知的二维码格式");
    /// An invoice without totals where totals are needed.
    NO_TOTALS = ("VER-17", Error,
        "the invoice has no totals (合计); they are needed for {what}",
        "发票缺少合计，{what}需要合计");
    /// A kind identified by code and number, without a code.
    NO_CODE = ("VER-18", Error,
        "kind {kind} needs an invoice code (发票代码)",
        "发票种类 {kind} 需要发票代码");
    /// A kind verified by its check code, without one.
    NO_CHECK_CODE = ("VER-19", Error,
        "kind {kind} is verified with its check code (校验码), which is missing",
        "发票种类 {kind} 以校验码查验，但缺少校验码");
    /// A kind verified by its car price, without one.
    NO_CAR_PRICE = ("VER-20", Error,
        "kind {kind} is verified with its car price (车价合计); pass it explicitly",
        "发票种类 {kind} 以车价合计查验，请显式提供车价合计");
    /// An issue date after `as_of`.
    FUTURE_DATE = ("VER-21", Error,
        "issue date {date} is after the current date {as_of}",
        "开票日期 {date} 晚于当前日期 {as_of}");
    /// A blockchain invoice without the seller's tax id.
    NO_SELLER_TAX_ID = ("VER-22", Error,
        "kind {kind} is verified with the seller's tax id, which is missing",
        "发票种类 {kind} 查验需要销售方纳税人识别号，但缺少该项");
    /// A bare number that identifies no invoice.
    BARE_NUMBER = ("VER-23", Error,
        "{value} is neither a 20-digit 数电 number nor an invoice code followed by an 8-digit number",
        "{value} 既不是20位数电发票号码，也不是发票代码加8位发票号码");
    /// A batch item of an unknown shape.
    ITEM_SHAPE = ("VER-24", Error,
        "an item must be an invoice object, an object with qr or number text, or a string; got {found}",
        "每一项应为发票对象、含 qr 或 number 文本的对象或字符串，实际为 {found}");
    /// A payload that identifies no invoice (a non-blockchain URL) where one is needed.
    NOT_AN_INVOICE = ("VER-25", Error,
        "the payload is a {found}, not an invoice payload",
        "二维码内容为{found}，不是发票二维码");
    /// Field 5 of a blockchain payload is not a taxpayer id.
    QR_SELLER_TAX_ID = ("VER-26", Error,
        "field 5 (blockchain): {value} is not a taxpayer id of 15 to 20 letters and digits",
        "第5项（区块链发票）：{value} 不是15至20位的纳税人识别号");
    /// 查验 outcome (status 1): the record exists and every element agrees. An answer rather
    /// than a problem: the outcomes that do not say the invoice is wrong are warnings.
    OUTCOME_MATCH = ("VER-27", Warning,
        "verified: the invoice exists and every element agrees",
        "查验成功，发票信息一致");
    /// 查验 outcome (status 3): no record with this code and number.
    OUTCOME_NOT_FOUND = ("VER-28", Error,
        "no such invoice",
        "查无此票");
    /// 查验 outcome (status 4): the record exists but elements differ.
    OUTCOME_MISMATCH = ("VER-29", Error,
        "the invoice exists but these elements differ: {fields}",
        "发票信息不一致：{fields_zh}");
    /// 查验 outcome (status 9): the record was voided.
    OUTCOME_VOIDED = ("VER-30", Error,
        "the invoice was voided",
        "发票已作废");
    /// 查验 outcome (status 10): the record was fully reversed by red invoices.
    OUTCOME_RED_FLUSHED = ("VER-31", Error,
        "the invoice was reversed by a red invoice",
        "发票已红冲");
    /// 查验 outcome (status 10, 部分红冲): the record was partly reversed.
    OUTCOME_PARTLY_RED_FLUSHED = ("VER-32", Error,
        "the invoice was partly reversed by a red invoice",
        "发票已部分红冲");
    /// 查验 outcome (status 8): issued before the look-back window.
    OUTCOME_TOO_OLD = ("VER-33", Error,
        "issued before {earliest}, outside the verification window",
        "超过查验期限：{earliest} 之前开具的发票不能查验");
    /// 查验 outcome (status 7): issued today under the next-day policy.
    OUTCOME_NOT_YET = ("VER-34", Warning,
        "issued today; verifiable from {from}",
        "当天开具的发票，{from} 起可查验");
    /// 查验 outcome (status 5): the query is malformed (its coded problems in the reason).
    OUTCOME_MALFORMED = ("VER-35", Error,
        "the query is malformed: {reason}",
        "查验信息格式不正确：{reason_zh}");
}
