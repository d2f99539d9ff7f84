//! Reading invoice files (读取发票文件): 数电 XML, OFD, the Ministry of Finance's XBRL and QR text.
//!
//! Bytes in, a [`Reading`] out; the crate never opens a file. [`read`] recognises the format from
//! the bytes (ZIP magic, XML root and namespace), never from a file name, and maps every kind of
//! `formats.md` into the one [`Invoice`] model:
//!
//! | format | how it is recognised | where the data is |
//! |---|---|---|
//! | 数电 XML | root `EInvoice` | the whole tree (versions 0.2, 0.32, 0.33 and later ones, by structure) |
//! | legacy OFD | ZIP with `OFD.xml`; an attachment whose root is `eInvoice` (`fp:` namespace) | `Doc_0/Attachs/original_invoice.xml` |
//! | OFD with XBRL | ZIP with `OFD.xml`; an attachment whose root is `xbrl` | the XBRL attachment |
//! | 数电 OFD | ZIP with `OFD.xml`, no data attachment | `CustomTag` → `ObjectRef` → page `TextObject`s; the kind from the template's title |
//! | MoF XBRL | root `xbrl` with the `einv` (2023-12-31) or `inv` (2021-09-30) taxonomy | facts; `einv` carries the receiver's accounting facts and no lines |
//! | legacy XML | root `eInvoice` (an attachment saved on its own) | as in the legacy OFD |
//! | QR text | text that parses as a QR payload | the payload only (no invoice) |
//!
//! A reading holds the invoice, where it came from ([`Source`]), the QR payload found inside,
//! which fields the format does not carry (so validation does not call them missing), the
//! receiver's accounting facts where the file has them, and **reading findings**: a masked or
//! malformed field is a finding at its place in the file (`Doc_0/Attachs/original_invoice.xml:
//! /eInvoice/fp:GoodsInfos/fp:GoodsInfo[3]/fp:Amount`), never a refusal of the file. The
//! cross-checks inside one file are findings too: the QR against the data (amount = 合计金额 for
//! legacy kinds, 价税合计 for 数电), OFD `CustomData` against the attachment or tags, the
//! per-line totals against the line. A multi-page invoice has one data source; pages are never
//! summed. Input that is not an invoice file at all gets one coded error naming what was found.
//!
//! ```
//! use invoice_core::read::{read, Format};
//!
//! let xml = r#"<EInvoice><Header><EIid>24312000000358032546</EIid><Version>0.33</Version></Header>
//!   <EInvoiceData>
//!     <SellerInformation><SellerIdNum>91310000580583950X</SellerIdNum><SellerName>上海七牛信息技术有限公司</SellerName></SellerInformation>
//!     <BuyerInformation><BuyerName>张三</BuyerName></BuyerInformation>
//!     <BasicInformation><TotalAmWithoutTax>100.00</TotalAmWithoutTax><TotalTaxAm>6.00</TotalTaxAm>
//!       <TotalTax-includedAmount>106.00</TotalTax-includedAmount></BasicInformation>
//!     <IssuItemInformation><ItemName>*信息技术服务*软件服务</ItemName><Amount>100.00</Amount>
//!       <TaxRate>0.06</TaxRate><ComTaxAm>6.00</ComTaxAm></IssuItemInformation>
//!   </EInvoiceData>
//!   <TaxSupervisionInfo><IssueTime>2024-11-18 09:30:00</IssueTime></TaxSupervisionInfo></EInvoice>"#;
//! let r = read(xml.as_bytes())?;
//! assert_eq!(r.source.format, Format::DigitalXml);
//! let inv = r.invoice.as_ref().unwrap();
//! assert_eq!(inv.totals.as_ref().unwrap().total.to_string(), "106.00");
//!
//! // Not an invoice at all: one coded error naming what was found.
//! let err = read(b"%PDF-1.7 ...").unwrap_err();
//! assert_eq!(err.code(), "READ-01");
//! # Ok::<(), invoice_core::Error>(())
//! ```
//!
//! # Limits
//! Input at most [`MAX_INPUT`] bytes; a ZIP at most [`ofd::MAX_ENTRIES`] entries and
//! [`ofd::MAX_PART`] bytes inflated per part read (checked while inflating, so a lying header
//! cannot exhaust memory); XML without DTDs, at most [`xml::MAX_DEPTH`] levels and
//! [`xml::MAX_NODES`] elements. Crossing a limit is `READ-07`.

mod batch;
mod cross_check;
mod digital_ofd;
mod digital_xml;
mod fields;
mod legacy_xml;
pub mod ofd;
mod xbrl;
pub mod xml;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, rules};
use crate::lifecycle::BuyerState;
use crate::model::Invoice;
use crate::money::Amount;
use crate::validate::{Context, NotCarried, Report};
use crate::verify::duplicates::{self, DedupeKey};
use crate::verify::qr::{self, Payload};

pub use batch::{Batch, CopyGroup, FileReading, read_many};

/// The largest input read (a real invoice file is well under 1 MB; a 100-line OFD is 290 KB).
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

rules! {
    /// The bytes are not an invoice file of any known format.
    NOT_INVOICE = ("READ-01", Error,
        "not an invoice file: found {found}",
        "不是发票文件：{found_zh}");
    /// A ZIP container that cannot be read.
    ZIP_DAMAGED = ("READ-02", Error,
        "the ZIP container is damaged: {reason}",
        "ZIP 容器已损坏：{reason}");
    /// A ZIP without `OFD.xml`.
    NOT_OFD = ("READ-03", Error,
        "a ZIP archive that is not an OFD document (no OFD.xml); it holds {entries}",
        "ZIP 压缩包不是 OFD 文档（没有 OFD.xml），其中包含 {entries}");
    /// An OFD without invoice data.
    NO_INVOICE_DATA = ("READ-04", Error,
        "the OFD document holds no invoice data: {looked}",
        "OFD 文档中没有发票数据：{looked}");
    /// A part that is not well-formed XML.
    XML_MALFORMED = ("READ-05", Error,
        "{part} is not well-formed XML: {reason}",
        "{part} 不是格式正确的 XML：{reason}");
    /// A DTD (entities are never expanded).
    XML_DTD = ("READ-06", Error,
        "{part} declares a DTD; DTDs and their entities are refused, never expanded",
        "{part} 含有 DTD；DTD 及其实体一律拒绝，不予展开");
    /// A size, count or depth limit.
    LIMIT = ("READ-07", Error,
        "{what} exceeds the limit of {limit}",
        "{what} 超过上限 {limit}");
    /// An XML part in another encoding than UTF-8.
    XML_ENCODING = ("READ-08", Error,
        "{part} is encoded as {encoding}; only UTF-8 is read",
        "{part} 的编码为 {encoding}；仅支持 UTF-8");
    /// A well-formed XML document that is no invoice format.
    UNRELATED_XML = ("READ-09", Error,
        "an XML document that is not an invoice: root element {root} {namespace}",
        "不是发票的 XML 文档：根元素 {root} {namespace}");
    /// A field whose value cannot be read as what it should be.
    FIELD_BAD = ("READ-10", Error,
        "{field}: {value} cannot be read as {expected}",
        "{field}：{value} 无法识别为{expected_zh}");
    /// A masked value (x's or *'s in place of characters).
    FIELD_MASKED = ("READ-11", Warning,
        "{field}: {value} is masked in the file and cannot be checked",
        "{field}：{value} 在文件中已被遮盖，无法核对");
    /// A field the format carries is absent or empty.
    FIELD_MISSING = ("READ-12", Error,
        "{field} is missing from the file",
        "文件中缺少{field}");
    /// The QR code is stored as an image.
    QR_IMAGE = ("READ-13", Warning,
        "the QR code is stored as an image ({format}); images are not decoded",
        "二维码以图片（{format}）存储，未解码");
    /// The QR text inside the file does not parse.
    QR_UNREADABLE = ("READ-14", Error,
        "the QR text in the file cannot be read: {reason}",
        "文件中的二维码文本无法识别：{reason}");
    /// The QR disagrees with the data.
    QR_MISMATCH = ("READ-15", Error,
        "the QR's {field} {qr} differs from the invoice's {data}",
        "二维码中的{field_zh} {qr} 与发票数据 {data} 不一致");
    /// Two places in one file disagree.
    SOURCES_DISAGREE = ("READ-16", Error,
        "{field}: {value} here differs from {other} at {other_at}",
        "{field}：此处为 {value}，与 {other_at} 处的 {other} 不一致");
    /// The file does not say whether the invoice is special or ordinary.
    KIND_INFERRED = ("READ-17", Warning,
        "the file does not state the invoice kind; read as {kind}",
        "文件未标明发票种类，按{kind_zh}读取");
    /// The invoice could not be assembled from the file.
    NOT_ASSEMBLED = ("READ-18", Error,
        "the invoice cannot be assembled from the file: {reason}",
        "无法从文件中组装出发票：{reason}");
    /// A red invoice whose file does not name the blue original.
    RED_ORIGINAL_UNKNOWN = ("READ-19", Warning,
        "a red invoice whose file does not name the blue invoice it reverses",
        "红字发票文件中未注明对应的蓝字发票");
    /// A path a binding was given cannot be opened (the core itself opens nothing).
    FILE_UNOPENED = ("READ-20", Error,
        "cannot open {path}: {reason}",
        "无法打开 {path}：{reason}");
}

/// The file formats [`read`] knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// 数电 XML (`EInvoice`).
    DigitalXml,
    /// OFD whose data is the legacy `original_invoice.xml` attachment.
    OfdLegacy,
    /// OFD whose data is an XBRL attachment.
    OfdXbrl,
    /// 数电 OFD: `CustomTag` → page text.
    OfdDigital,
    /// MoF XBRL, 数电 taxonomy `einv` (2023-12-31).
    XbrlEinv,
    /// MoF XBRL, legacy e-invoice taxonomy `inv` (2021-09-30).
    XbrlInv,
    /// The legacy `eInvoice` XML on its own.
    LegacyXml,
    /// A QR payload as text.
    QrText,
}

impl Format {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Format::DigitalXml => "digital_xml",
            Format::OfdLegacy => "ofd_legacy",
            Format::OfdXbrl => "ofd_xbrl",
            Format::OfdDigital => "ofd_digital",
            Format::XbrlEinv => "xbrl_einv",
            Format::XbrlInv => "xbrl_inv",
            Format::LegacyXml => "legacy_xml",
            Format::QrText => "qr_text",
        }
    }
}

/// Where a reading came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The format.
    pub format: Format,
    /// The format's own version (`0.2`, `1.0`) or taxonomy date, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The part inside the container the data was read from (`Doc_0/Attachs/original_invoice.xml`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

/// The QR payload found inside a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QrFound {
    /// Where it was found.
    pub at: String,
    /// The text, when the file stores text (`None` for an image).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The image format when the file stores the QR as an image (`png`); never decoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The parsed payload, when the text parses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<Payload>,
}

/// Where one value of the invoice came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The model path (`lines[2].amount`).
    pub field: String,
    /// The place in the file.
    pub at: String,
}

/// One debit or credit entry of an accounting voucher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// 借方 or 贷方, as written.
    pub side: String,
    /// 总账科目.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// 明细科目.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subsidiary: Option<String>,
    /// The amount recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
}

/// An accounting voucher (记账凭证) that booked the invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Voucher {
    /// 凭证号.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// 记账日期.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posting_date: Option<NaiveDate>,
    /// 会计期间 (`2023-12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The entries.
    pub entries: Vec<Entry>,
}

/// The receiver's accounting facts (MoF XBRL `einv`): what the books say about the invoice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Accounting {
    /// 统一社会信用代码 of the entity keeping the books.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_name: Option<String>,
    /// The invoice is a red one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub red: Option<bool>,
    /// 已入账.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booked: Option<bool>,
    /// 已查验.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<bool>,
    /// 已支付.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<bool>,
    /// 已用途确认.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_confirmed: Option<bool>,
    /// The use confirmed (抵扣税款, 不抵扣…), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<String>,
    /// The tax period of the use confirmation (`2023-12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_period: Option<String>,
    /// True when the use is input-tax deduction.
    pub used_for_deduction: bool,
    /// 进项税额已转出.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_vat_transferred_out: Option<bool>,
    /// 进项税额转出额.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transferred_out_amount: Option<Amount>,
    /// 合同编号.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract_number: Option<String>,
    /// The vouchers that booked it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vouchers: Vec<Voucher>,
    /// The buyer-side lifecycle state these facts put the invoice in (the furthest reached
    /// of 已查验 → 已用途确认 → 已入账), when they say anything about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_state: Option<BuyerState>,
}

impl Accounting {
    /// The furthest buyer state the facts establish.
    fn derive_state(&mut self) {
        let yes = |b: Option<bool>| b == Some(true);
        self.buyer_state = if yes(self.booked) {
            Some(BuyerState::Booked)
        } else if yes(self.usage_confirmed) {
            Some(BuyerState::UseConfirmed)
        } else if yes(self.checked) {
            Some(BuyerState::Verified)
        } else {
            None
        };
    }
}

/// What [`read`] returns for one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// Where it came from.
    pub source: Source,
    /// The invoice; `None` for a bare QR text, or when required fields could not be read
    /// (then a `READ-18` finding says why).
    pub invoice: Option<Invoice>,
    /// The QR payload found in the file (or the QR text itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr: Option<QrFound>,
    /// The fields the format does not carry.
    pub not_carried: BTreeSet<NotCarried>,
    /// The receiver's accounting facts, where the file has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accounting: Option<Accounting>,
    /// Where each value of the invoice came from.
    pub origins: Vec<Origin>,
    /// Reading findings and in-file cross-checks.
    pub findings: Vec<Error>,
}

impl Reading {
    /// A validation context for this reading: judged as of `as_of`, with the fields the format
    /// does not carry marked so.
    pub fn context(&self, as_of: NaiveDate) -> Context {
        let mut ctx = Context::new(as_of);
        ctx.not_carried = self.not_carried.iter().copied().collect();
        ctx
    }

    /// Validates the invoice under `ctx` (its `not_carried` joined with this reading's) and
    /// returns the reading findings followed by the validation findings.
    pub fn validate(&self, ctx: &Context) -> Report {
        let mut findings = self.findings.clone();
        if let Some(inv) = &self.invoice {
            let mut ctx = ctx.clone();
            ctx.not_carried.extend(self.not_carried.iter().copied());
            // A value the file masks (READ-11) cannot pass its own checks; the masking is the
            // finding, not the check that fails on the x's.
            let masked: Vec<&str> = self
                .findings
                .iter()
                .filter(|f| f.code() == FIELD_MASKED.code)
                .filter_map(|f| f.param("field"))
                .collect();
            findings.extend(
                crate::validate::validate(inv, &ctx)
                    .findings
                    .into_iter()
                    .filter(|f| !masked.contains(&f.path().to_string().as_str())),
            );
        }
        Report::from_errors(findings)
    }

    /// The identity keys of the invoice (or of its QR text when there is no invoice), for
    /// finding copies and duplicates; empty when neither gives one.
    pub fn keys(&self) -> Vec<DedupeKey> {
        if let Some(inv) = &self.invoice
            && let Ok(k) = duplicates::keys_of(inv)
        {
            return k;
        }
        if let Some(text) = self.qr.as_ref().and_then(|q| q.text.as_deref())
            && let Ok(k) = duplicates::key_of_qr(text)
        {
            return vec![k];
        }
        Vec::new()
    }

    /// A short JSON summary (what a report line or a test vector needs): `{format, version,
    /// part, kind, code, number, issue_date, amount, tax, total, lines, qr, not_carried,
    /// findings: [{code, path}, …]}`; absent values are `null`.
    pub fn summary(&self) -> serde_json::Value {
        use serde_json::json;
        let inv = self.invoice.as_ref();
        let totals = inv.and_then(|i| i.totals.as_ref());
        let qr = self.qr.as_ref().map(|q| match (&q.payload, &q.image) {
            (Some(Payload::Invoice(_)), _) => "invoice",
            (Some(Payload::Blockchain(_)), _) => "blockchain_url",
            (Some(Payload::Url { .. }), _) => "url",
            (None, Some(_)) => "image",
            (None, None) => "unreadable",
        });
        json!({
            "format": self.source.format.name(),
            "version": self.source.version,
            "part": self.source.part,
            "kind": inv.map(|i| i.kind.name()),
            "code": inv.and_then(|i| i.code.clone()),
            "number": inv.map(|i| i.number.clone()),
            "issue_date": inv.map(|i| i.issue_date.to_string()),
            "amount": totals.map(|t| t.amount.to_string()),
            "tax": totals.map(|t| t.tax.to_string()),
            "total": totals.map(|t| t.total.to_string()),
            "lines": inv.map(|i| i.lines.len()),
            "qr": qr,
            "not_carried": self.not_carried,
            "findings": self.findings.iter().map(|f| json!({"code": f.code(), "path": f.path().to_string()})).collect::<Vec<_>>(),
        })
    }

    /// The reading as JSON.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// Reads one invoice file (or QR text) from its bytes.
///
/// # Errors
/// One coded error when the input is not an invoice file at all: `READ-01` (nothing known: the
/// message names what was found, e.g. a PDF or an image), `READ-02` a damaged ZIP, `READ-03` a
/// ZIP that is no OFD, `READ-04` an OFD without invoice data, `READ-05` malformed XML,
/// `READ-06` a DTD, `READ-07` a limit, `READ-08` an encoding other than UTF-8, `READ-09` an
/// XML document of another kind. Problems with single fields are findings, not errors.
pub fn read(bytes: &[u8]) -> Result<Reading, Error> {
    if bytes.len() > MAX_INPUT {
        return Err(Error::new(LIMIT)
            .with("what", format!("input of {} bytes", bytes.len()))
            .with("limit", MAX_INPUT));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return ofd::read(bytes).map(cross_check::qr);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let trimmed = body.trim_ascii_start();
    if trimmed.starts_with(b"<") {
        let doc = xml::parse(bytes, "(file)")?;
        return read_xml_doc(&doc, None).map(cross_check::qr);
    }
    if let Some((en, zh)) = sniff_binary(bytes) {
        return Err(not_invoice(en, zh));
    }
    match std::str::from_utf8(body) {
        Ok(text) => read_qr_text(text),
        Err(_) => {
            let head: Vec<String> = bytes.iter().take(8).map(|x| format!("{x:02x}")).collect();
            let head = head.join(" ");
            Err(not_invoice(
                format!("{} bytes of unknown data beginning {head}", bytes.len()),
                format!("{} 字节的未知数据，开头为 {head}", bytes.len()),
            ))
        }
    }
}

/// Reads an XML document of any known root.
fn read_xml_doc(doc: &xml::Doc, part: Option<&str>) -> Result<Reading, Error> {
    let root = doc.root();
    match root.local() {
        "EInvoice" => Ok(digital_xml::read(doc, part)),
        "eInvoice" => Ok(legacy_xml::read(doc, part, Format::LegacyXml)),
        "xbrl" => xbrl::read(doc, part, false),
        other => {
            let ns = root
                .attrs()
                .find(|(k, _)| *k == "xmlns" || k.starts_with("xmlns:"))
                .map(|(_, v)| format!("(namespace {v})"))
                .unwrap_or_default();
            Err(Error::new(UNRELATED_XML)
                .with("root", crate::money::shorten(other))
                .with("namespace", ns))
        }
    }
}

fn read_qr_text(text: &str) -> Result<Reading, Error> {
    let t = text.trim();
    if t.is_empty() {
        return Err(not_invoice("empty input", "空输入"));
    }
    if t.len() > 4096 || t.lines().count() > 3 {
        return Err(not_invoice(
            "text that is not a QR payload",
            "不是二维码内容的文本",
        ));
    }
    let payload = qr::parse(t).map_err(|e| {
        not_invoice(
            format!(
                "text that is not a QR payload ({}: {})",
                e.code(),
                e.message()
            ),
            format!("不是二维码内容的文本（{}：{}）", e.code(), e.message_zh()),
        )
    })?;
    let mut not_carried: BTreeSet<NotCarried> = BTreeSet::new();
    not_carried.insert(NotCarried::Lines);
    Ok(Reading {
        source: Source {
            format: Format::QrText,
            version: None,
            part: None,
        },
        invoice: None,
        qr: Some(QrFound {
            at: "(text)".into(),
            text: Some(t.to_string()),
            image: None,
            payload: Some(payload),
        }),
        not_carried,
        accounting: None,
        origins: Vec::new(),
        findings: Vec::new(),
    })
}

/// `READ-01` naming what was found, in both languages.
pub(crate) fn not_invoice(en: impl std::fmt::Display, zh: impl std::fmt::Display) -> Error {
    Error::new(NOT_INVOICE)
        .with("found", en)
        .with("found_zh", zh)
}

/// Names well-known binary formats by their magic bytes (English, Chinese).
fn sniff_binary(b: &[u8]) -> Option<(&'static str, &'static str)> {
    Some(if b.is_empty() {
        ("empty input", "空输入")
    } else if b.starts_with(b"%PDF") {
        (
            "a PDF document (its invoice data is not read; read the OFD or XML copy of the invoice)",
            "PDF 文档（不读取其中的发票数据，请读取同一张发票的 OFD 或 XML 文件）",
        )
    } else if b.starts_with(b"\x89PNG") {
        ("a PNG image", "PNG 图片")
    } else if b.starts_with(b"\xFF\xD8\xFF") {
        ("a JPEG image", "JPEG 图片")
    } else if b.starts_with(b"GIF8") {
        ("a GIF image", "GIF 图片")
    } else if b.starts_with(b"\x1F\x8B") {
        ("a gzip stream", "gzip 压缩数据")
    } else if b.starts_with(b"Rar!") {
        ("a RAR archive", "RAR 压缩包")
    } else if b.starts_with(b"7z\xBC\xAF") {
        ("a 7z archive", "7z 压缩包")
    } else if b.starts_with(b"\xD0\xCF\x11\xE0") {
        ("an old Office document", "旧版 Office 文档")
    } else if b.starts_with(b"PK") {
        ("a damaged ZIP archive", "已损坏的 ZIP 压缩包")
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests;
