//! QR payloads (发票二维码): parse every known layout and build the payload of an invoice.
//!
//! Layouts (domain.md §3):
//!
//! - legacy, `01,<kind>,<code>,<number>,<amount>,<YYYYMMDD>,<check code>,<hash>,` with 8 fields
//!   and usually a trailing comma (a 9th, empty field), sometimes without it, and old payloads with
//!   7 fields (no hash). The check code is empty on 专票 (kind `01`). The amount is the
//!   **合计金额** (tax excluded);
//! - 数电, `01,<31|32>,,<20-digit number>,<amount>,<YYYYMMDD>,,<hash>`: empty code and check code,
//!   and the amount is the **价税合计** (tax included). [`QrInvoice::amount_meaning`] says which;
//! - blockchain (区块链电子发票, formats.md §4),
//!   `01,<kind>,<code>,<number>,<seller tax id>,<amount>,<YYYYMMDD>,<64 hex>`: field 5 is the
//!   seller's taxpayer id and field 8 a 64-hex-digit hash (told apart by that hash). It is a
//!   [`QrInvoice`] of kind [`Kind::Blockchain`] with [`QrInvoice::seller_tax_id`], the hash, and
//!   [`QrInvoice::check_code_tail`]: the hash's last six hex digits, which one peer says are the
//!   check code's last six (UNCONFIRMED). What its amount means is not documented
//!   ([`AmountMeaning::Unconfirmed`]);
//! - a Shenzhen blockchain URL (`https://bcfp.shenzhen.chinatax.gov.cn/verify/scan?hash=…&bill_num=…&total_amount=…`)
//!   is a [`Payload::Blockchain`]: `bill_num` (the 8-digit number), `hash`, and `total_amount`
//!   as written, an integer that one peer reads as fen (`7200` → 72.00); [`BlockchainUrl::amount`]
//!   is that reading, marked [`AmountMeaning::Unconfirmed`]. Any other `http(s)://` text is a
//!   [`Payload::Url`].
//!
//! Parsing rules: the whole text and every field are trimmed of whitespace; amounts take 0 to 2
//! decimals (`32`, `64.9`); the kind is refined from the code ([`check_qr_kind`]: a toll code
//! ending `12` under QR kind `10` gives [`Kind::Toll`]; a contradiction is `NUM-14`). The hash
//! (field 8, "随机产生的机密信息", meaning not public) is 2 to 4 hex digits; when OCR glued text
//! to it (`…,,b017上海…`), its first 4 hex digits are taken and everything after is kept as
//! [`QrInvoice::trailing_text`] without further checks. Hashes are reported in upper case. The raw
//! text is kept.
//!
//! [`build`] is the inverse for an invoice: legacy kinds write 合计金额, 数电 kinds 价税合计,
//! always with 2 decimals; the hash is the caller's (it cannot be computed: its algorithm is not
//! public), validated and upper-cased, and left empty when not given; a trailing comma ends the
//! payload (as most samples). A toll invoice is written with QR kind `10`, as the one real toll
//! payload shows (§3.3).
//!
//! # Example
//!
//! ```
//! use invoice_core::verify::qr::{self, AmountMeaning, Payload};
//!
//! let Payload::Invoice(q) = qr::parse("01,31,,24312000000358032546,633.00,20241118,,16C0")? else {
//!     panic!("invoice payload")
//! };
//! assert_eq!(q.amount_meaning, AmountMeaning::TotalIncludingTax);
//! assert_eq!(q.code, None);
//!
//! assert_eq!(qr::parse("01,10,031002100411").unwrap_err().code(), "VER-04");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    NO_TOTALS, NUMBER_FOR_KIND, QR_AMOUNT, QR_CHECK_CODE, QR_CODE, QR_CODE_NOT_EMPTY, QR_DATE,
    QR_EMPTY, QR_HASH, QR_KIND, QR_NO_LAYOUT, QR_NUMBER, QR_SELLER_TAX_ID, QR_TOO_FEW_FIELDS,
    QR_TOO_MANY_FIELDS, QR_VERSION,
};
use crate::error::INP_TOO_LARGE;
use crate::error::{Error, Path};
use crate::model::Invoice;
use crate::money::{Amount, shorten};
use crate::number::{InvoiceCode, InvoiceNumber, Kind, check_qr_kind};

/// The longest payload accepted, in bytes. Real payloads are under 120 bytes; URLs under 300.
pub const MAX_PAYLOAD_LEN: usize = 4096;

/// What the amount field (field 5) of a payload means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountMeaning {
    /// 合计金额 (tax excluded): legacy kinds.
    AmountExcludingTax,
    /// 价税合计 (tax included): 数电 kinds (QR `31`, `32`).
    TotalIncludingTax,
    /// Not documented (blockchain payloads): neither the unit nor whether tax is included is
    /// confirmed by a source.
    Unconfirmed,
}

impl AmountMeaning {
    /// The meaning of the amount field for a QR kind.
    pub fn of(qr_kind: Kind) -> AmountMeaning {
        if qr_kind.is_digital() {
            AmountMeaning::TotalIncludingTax
        } else {
            AmountMeaning::AmountExcludingTax
        }
    }
}

/// A parsed invoice payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QrInvoice {
    /// The text as given.
    pub raw: String,
    /// Field 1 (always `01`).
    pub version: String,
    /// Field 2 as written (`10`).
    pub kind_code: String,
    /// The kind field 2 names.
    pub qr_kind: Kind,
    /// The kind refined from the code (toll from a code ending 12); the kind for 查验.
    pub kind: Kind,
    /// Field 3, the 发票代码; `None` for 数电.
    pub code: Option<String>,
    /// Field 4, the 发票号码.
    pub number: String,
    /// Field 5, with 2 decimals.
    pub amount: Amount,
    /// What [`QrInvoice::amount`] means.
    pub amount_meaning: AmountMeaning,
    /// Field 6.
    pub issue_date: NaiveDate,
    /// Field 7, the 校验码; `None` when empty (专票, 数电).
    pub check_code: Option<String>,
    /// Field 8, upper case; `None` when absent or empty.
    pub hash: Option<String>,
    /// How many comma-separated fields the text had (7, 8 or 9; more when text is glued).
    pub field_count: usize,
    /// Text glued after the hash by OCR, kept as found.
    pub trailing_text: Option<String>,
    /// The seller's taxpayer id (field 5 of the blockchain layout; absent in other layouts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller_tax_id: Option<String>,
    /// Blockchain layout: the hash's last six hex digits, which one peer says are the last six
    /// of the check code (UNCONFIRMED; not used to verify anything).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_code_tail: Option<String>,
}

/// A Shenzhen blockchain invoice URL (区块链电子发票).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockchainUrl {
    /// The text as given.
    pub raw: String,
    /// `bill_num`: the 8-digit invoice number, when present.
    pub bill_num: Option<String>,
    /// `hash`, when present.
    pub hash: Option<String>,
    /// `total_amount` as written (its unit is not documented; samples look like fen, UNCONFIRMED).
    pub total_amount: Option<String>,
    /// `total_amount` read as fen (`7200` → 72.00), as one peer reads it; `None` when it is not
    /// a whole number of at most 17 digits. UNCONFIRMED: see [`BlockchainUrl::amount_meaning`].
    pub amount: Option<Amount>,
    /// Always [`AmountMeaning::Unconfirmed`]: neither the unit nor whether tax is included is
    /// documented.
    pub amount_meaning: AmountMeaning,
}

/// What a scanned text is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Payload {
    /// An invoice payload (legacy or 数电).
    Invoice(QrInvoice),
    /// A Shenzhen blockchain invoice URL.
    Blockchain(BlockchainUrl),
    /// Any other URL (a regional system's page); not an invoice payload.
    Url {
        /// The text as given.
        raw: String,
    },
}

fn is_url(s: &str) -> bool {
    let lower: String = s.chars().take(8).collect::<String>().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn parse_url(raw: &str, text: &str) -> Payload {
    let rest = text.split_once("://").map_or("", |(_, r)| r);
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if host == "bcfp.shenzhen.chinatax.gov.cn" || query_param(text, "bill_num").is_some() {
        Payload::Blockchain(BlockchainUrl {
            raw: raw.to_string(),
            bill_num: query_param(text, "bill_num"),
            hash: query_param(text, "hash"),
            total_amount: query_param(text, "total_amount"),
            amount: query_param(text, "total_amount").and_then(|t| fen_amount(&t)),
            amount_meaning: AmountMeaning::Unconfirmed,
        })
    } else {
        Payload::Url {
            raw: raw.to_string(),
        }
    }
}

/// A whole number of fen as an amount (`7200` → 72.00).
fn fen_amount(text: &str) -> Option<Amount> {
    let t = text.trim();
    if t.is_empty() || t.len() > 17 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The decimal point put in as text: the amount parser does the rest.
    let (yuan, fen) = t.split_at(t.len().saturating_sub(2));
    Amount::parse(&format!("0{yuan}.{fen:0>2}")).ok()
}

/// True for the 64-hex-digit hash that ends a blockchain payload.
fn is_chain_hash(s: &str) -> bool {
    s.len() == 64 && is_hex(s)
}

fn field_err(rule: &'static crate::Rule, field: &'static str, value: &str) -> Error {
    Error::new(rule)
        .with("value", shorten(value))
        .at(Path::field(field))
}

fn is_hex(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Field 8 and after: `(hash, trailing_text)`.
fn parse_hash(fields: &[&str], count: usize) -> Result<(Option<String>, Option<String>), Error> {
    let Some(first) = fields.first() else {
        return Ok((None, None));
    };
    let h = first.trim();
    let rest_empty = fields
        .get(1..)
        .unwrap_or_default()
        .iter()
        .all(|f| f.trim().is_empty());
    if h.is_empty() || (is_hex(h) && (2..=4).contains(&h.len())) {
        if fields.len() > 2 || !rest_empty {
            return Err(Error::new(QR_TOO_MANY_FIELDS).with("count", count));
        }
        let hash = (!h.is_empty()).then(|| h.to_ascii_uppercase());
        return Ok((hash, None));
    }
    // OCR glue: four hex digits followed by other text; take them and stop.
    match h.get(..4) {
        Some(head) if is_hex(head) && h.len() > 4 => {
            let mut tail = h.get(4..).unwrap_or_default().to_string();
            for f in fields.get(1..).unwrap_or_default() {
                tail.push(',');
                tail.push_str(f);
            }
            Ok((Some(head.to_ascii_uppercase()), Some(tail)))
        }
        _ => Err(field_err(QR_HASH, "hash", h)),
    }
}

/// Parses a scanned text.
///
/// # Errors
/// `VER-03` empty, `INP-06` longer than [`MAX_PAYLOAD_LEN`], `VER-04` fewer than 7 fields,
/// `VER-05` too many fields, then per field (path = field name): `VER-06` version, `VER-07`
/// kind, `VER-08` code, `VER-09` a code on a 数电 payload, `VER-10` number, `VER-11` number
/// length for the kind, `NUM-14` kind contradicting the code, `VER-12` amount, `VER-13` date,
/// `VER-14` check code, `VER-15` hash; in the blockchain layout `VER-26` for field 5 (the
/// seller's taxpayer id).
pub fn parse(raw: &str) -> Result<Payload, Error> {
    if raw.len() > MAX_PAYLOAD_LEN {
        return Err(Error::new(INP_TOO_LARGE)
            .with("size", raw.len())
            .with("limit", MAX_PAYLOAD_LEN));
    }
    let text = raw.trim();
    if text.is_empty() {
        return Err(Error::new(QR_EMPTY));
    }
    if is_url(text) {
        return Ok(parse_url(raw, text));
    }
    let fields: Vec<&str> = text.split(',').collect();
    let count = fields.len();
    if count < 7 {
        return Err(Error::new(QR_TOO_FEW_FIELDS).with("count", count));
    }
    let f = |i: usize| fields.get(i).map_or("", |s| s.trim());
    // The blockchain layout (formats.md §4) puts the seller's tax id in field 5 and a 64-hex hash
    // in field 8; the rest is read as the legacy layout's fields, shifted past the tax id.
    let chain = is_chain_hash(f(7));
    let seller = if chain {
        if count > 9 || !f(8).is_empty() {
            return Err(Error::new(QR_TOO_MANY_FIELDS).with("count", count));
        }
        let s = f(4);
        if !(15..=20).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(field_err(QR_SELLER_TAX_ID, "seller_tax_id", s));
        }
        Some(s.to_string())
    } else {
        None
    };
    let chain_hash = f(7);
    // Field i of the legacy layout: the tax id taken out, no check code.
    let f = |i: usize| match (chain, i) {
        (true, 4 | 5) => f(i + 1),
        (true, 6) => "",
        _ => f(i),
    };
    let version = f(0);
    if version != "01" {
        return Err(field_err(QR_VERSION, "version", version));
    }
    let kind_code = f(1);
    let qr_kind =
        Kind::from_qr_code(kind_code).ok_or_else(|| field_err(QR_KIND, "kind_code", kind_code))?;
    let digital = qr_kind.is_digital();
    let code_text = f(2);
    let (code, kind) = if digital {
        if !code_text.is_empty() {
            return Err(field_err(QR_CODE_NOT_EMPTY, "code", code_text).with("kind", kind_code));
        }
        (None, qr_kind)
    } else {
        let code = InvoiceCode::parse(code_text)
            .map_err(|e| field_err(QR_CODE, "code", code_text).with("cause", e.code()))?;
        let kind = if chain {
            Kind::Blockchain
        } else {
            check_qr_kind(qr_kind, &code).map_err(|e| e.at(Path::field("kind_code")))?
        };
        (Some(code_text.to_string()), kind)
    };
    let number = f(3);
    let parsed = InvoiceNumber::parse(number)
        .map_err(|e| field_err(QR_NUMBER, "number", number).with("cause", e.code()))?;
    if parsed.is_digital() != digital {
        return Err(field_err(NUMBER_FOR_KIND, "number", number)
            .with("kind", kind_code)
            .with("expected", if digital { 20 } else { 8 }));
    }
    let amount_text = f(4);
    let amount = Amount::parse(amount_text)
        .map_err(|e| field_err(QR_AMOUNT, "amount", amount_text).with("cause", e.code()))?;
    let date_text = f(5);
    let issue_date =
        parse_date(date_text).ok_or_else(|| field_err(QR_DATE, "issue_date", date_text))?;
    let check_text = f(6);
    let check_code = if check_text.is_empty() {
        None
    } else if digital {
        return Err(field_err(QR_CHECK_CODE, "check_code", check_text)
            .with("expected", "empty on a 数电 payload"));
    } else if check_text.len() == 20 && check_text.bytes().all(|b| b.is_ascii_digit()) {
        Some(check_text.to_string())
    } else {
        return Err(field_err(QR_CHECK_CODE, "check_code", check_text)
            .with("expected", "empty or a 20-digit check code"));
    };
    let (hash, trailing_text) = if chain {
        (Some(chain_hash.to_ascii_uppercase()), None)
    } else {
        parse_hash(fields.get(7..).unwrap_or_default(), count)?
    };
    let check_code_tail = chain
        .then(|| {
            hash.as_deref()
                .and_then(|h| h.get(58..))
                .map(str::to_string)
        })
        .flatten();
    Ok(Payload::Invoice(QrInvoice {
        raw: raw.to_string(),
        version: version.to_string(),
        kind_code: kind_code.to_string(),
        qr_kind,
        kind,
        code,
        number: number.to_string(),
        amount,
        amount_meaning: if chain {
            AmountMeaning::Unconfirmed
        } else {
            AmountMeaning::of(qr_kind)
        },
        issue_date,
        check_code,
        hash,
        field_count: count,
        trailing_text,
        seller_tax_id: seller,
        check_code_tail,
    }))
}

/// Parses a text that must be an invoice payload.
///
/// # Errors
/// As [`parse`], and `VER-25` for a URL.
pub fn parse_invoice(raw: &str) -> Result<QrInvoice, Error> {
    match parse(raw)? {
        Payload::Invoice(q) => Ok(q),
        Payload::Blockchain(_) => {
            Err(Error::new(super::NOT_AN_INVOICE).with("found", "blockchain URL"))
        }
        Payload::Url { .. } => Err(Error::new(super::NOT_AN_INVOICE).with("found", "URL")),
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::dates::parse_compact_day(s)
}

/// The QR kind code written for a kind ([`Kind::qr_code`]; a toll invoice writes `10`, as the
/// real toll payload shows, domain.md §3.3).
pub fn qr_kind_code(kind: Kind) -> Option<&'static str> {
    kind.qr_code()
}

/// Builds the payload of an invoice; `hash` is field 8 (2 to 4 hex digits) or empty when `None`.
///
/// Whatever it builds, [`parse`] reads back to the invoice's kind, code, number, amount, date
/// and check code: an invoice whose payload would not read back so is refused.
///
/// # Errors
/// `VER-16` a kind without a QR layout (数电 paper, tickets, blockchain, …), `VER-17` no totals,
/// `VER-18` a legacy kind without a code, `VER-08` a code that does not parse, `NUM-14` a code
/// naming another kind than the invoice's (a 专票 code on a used-car invoice), `VER-09` a code on
/// a 数电 kind, `VER-10` / `VER-11` a number that does not fit, `VER-14` a check code that is
/// not 20 digits (or any check code on a 数电 kind), `VER-15` a bad hash.
pub fn build(inv: &Invoice, hash: Option<&str>) -> Result<String, Error> {
    let kind_code = qr_kind_code(inv.kind).ok_or_else(|| {
        Error::new(QR_NO_LAYOUT)
            .with("kind", inv.kind)
            .at(Path::field("kind"))
    })?;
    let digital = inv.kind.is_digital();
    let totals = inv.totals.as_ref().ok_or_else(|| {
        Error::new(NO_TOTALS)
            .with("what", "a QR payload")
            .at(Path::field("totals"))
    })?;
    let code = if digital {
        // parse() refuses a code in a 数电 payload; writing none would lose the field.
        if let Some(c) = &inv.code {
            return Err(field_err(QR_CODE_NOT_EMPTY, "code", c).with("kind", kind_code));
        }
        String::new()
    } else {
        let c = inv.code.as_deref().ok_or_else(|| {
            Error::new(super::NO_CODE)
                .with("kind", inv.kind)
                .at(Path::field("code"))
        })?;
        let parsed = InvoiceCode::parse(c)
            .map_err(|e| field_err(QR_CODE, "code", c).with("cause", e.code()))?;
        // The kind parse() will read back: the QR kind refined by the code. It must be the
        // invoice's kind, or the payload would contradict itself (NUM-14) or name another kind.
        let qr_kind = Kind::from_qr_code(kind_code).unwrap_or(inv.kind);
        let read_back = check_qr_kind(qr_kind, &parsed).map_err(|e| e.at(Path::field("code")))?;
        if read_back != inv.kind {
            return Err(Error::new(crate::number::KIND_CONFLICT)
                .with("qr_kind", inv.kind)
                .with("code_kind", read_back)
                .with("code", c)
                .at(Path::field("code")));
        }
        c.to_string()
    };
    let parsed = InvoiceNumber::parse(&inv.number)
        .map_err(|e| field_err(QR_NUMBER, "number", &inv.number).with("cause", e.code()))?;
    if parsed.is_digital() != digital {
        return Err(field_err(NUMBER_FOR_KIND, "number", &inv.number)
            .with("kind", inv.kind)
            .with("expected", if digital { 20 } else { 8 }));
    }
    let amount = if digital { totals.total } else { totals.amount };
    let check = match (&inv.check_code, digital) {
        (Some(c), false) if c.len() == 20 && c.bytes().all(|b| b.is_ascii_digit()) => c.clone(),
        (Some(c), false) => {
            return Err(field_err(QR_CHECK_CODE, "check_code", c)
                .with("expected", "empty or a 20-digit check code"));
        }
        (Some(c), true) => {
            return Err(field_err(QR_CHECK_CODE, "check_code", c)
                .with("expected", "empty on a 数电 payload"));
        }
        (None, _) => String::new(),
    };
    let hash = match hash.map(str::trim) {
        None | Some("") => String::new(),
        Some(h) if is_hex(h) && (2..=4).contains(&h.len()) => h.to_ascii_uppercase(),
        Some(h) => return Err(field_err(QR_HASH, "hash", h)),
    };
    Ok(format!(
        "01,{kind_code},{code},{},{amount},{},{check},{hash},",
        inv.number,
        crate::dates::compact_day_text(inv.issue_date)
    ))
}
