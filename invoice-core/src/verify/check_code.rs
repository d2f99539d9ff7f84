//! Check codes (校验码): our own keyed 20-digit scheme, constant-time verification, and the
//! last 6 (last 5 for blockchain invoices) digits that 查验 asks for.
//!
//! **The tax system's 校验码 algorithm is not public** (domain.md §4.1); no open implementation
//! exists. The codes made here are *our* scheme, for systems that issue their own invoices or
//! vouchers and want a code of the same shape that only the key holder can produce or check.
//! Checking a code printed on a real invoice is only possible as to format ([`last6`] checks
//! `^\d{20}$`).
//!
//! # Scheme `v1` (reproducible in any language)
//!
//! 1. Take these ten fields, in order, as text:
//!
//!    | # | field | text |
//!    |---|---|---|
//!    | 1 | version tag | `invoice-core/check-code/v1` |
//!    | 2 | kind | the snake_case kind name (`electronic_ordinary`) |
//!    | 3 | 发票代码 | the digits, or empty when absent (数电) |
//!    | 4 | 发票号码 | the digits |
//!    | 5 | 开票日期 | `YYYY-MM-DD` |
//!    | 6 | seller tax id | as stored (compacted, upper case), or empty |
//!    | 7 | buyer tax id | as stored, or empty |
//!    | 8 | totals.amount | decimal with exactly 2 decimals, `-` for negatives (`-5.00`) |
//!    | 9 | totals.tax | same |
//!    | 10 | totals.total | same |
//!
//! 2. Escape each field: every `\` becomes `\\`, then every `|` becomes `\|` (nothing else).
//! 3. Join the escaped fields with `|` and take the UTF-8 bytes: that is the message.
//! 4. `mac = HMAC-SHA256(key, message)` (RFC 2104, FIPS 180-4).
//! 5. Read the first 16 bytes of `mac` as a big-endian unsigned 128-bit integer `n`; the code is
//!    `n mod 10^20` written in decimal, left-padded with zeros to 20 digits. (2^128 is not a
//!    multiple of 10^20, so the digits carry a bias below 3·10^-19: irrelevant here.)
//!
//! Python: `str(int.from_bytes(hmac.new(key, msg, sha256).digest()[:16], "big") % 10**20).zfill(20)`
//! (`scripts/vectors/check_code_kat.py` computes the committed known-answer vectors that way).
//!
//! A later change to the fields or encoding gets a new version tag; `v1` codes stay verifiable
//! with `v1`.
//!
//! The key ([`CheckCodeKey`], at least 16 bytes) is the caller's secret: it never appears in
//! `Debug` output and has no `Display`. Verification compares in constant time.
//!
//! # Example
//!
//! ```
//! use invoice_core::verify::check_code::{self, CheckCodeKey};
//! use invoice_core::model::Invoice;
//!
//! let key = CheckCodeKey::new(b"0123456789abcdef0123456789abcdef")?;
//! let inv = Invoice::from_json(r#"{
//!   "kind": "electronic_ordinary", "code": "031002100411", "number": "25096213",
//!   "issue_date": "2021-09-03",
//!   "seller": {"name": "S", "tax_id": "91310000580583950X"}, "buyer": {"name": "B"},
//!   "lines": [], "totals": {"amount": "6.56", "tax": "0.20", "total": "6.76"}
//! }"#)?;
//! let code = check_code::generate_for(&key, &inv)?;
//! assert_eq!(code.len(), 20);
//! assert!(check_code::verify_for(&key, &inv, &code)?);
//! assert_eq!(check_code::last6(&code)?, &code[14..]);
//!
//! // A code must be 20 ASCII digits.
//! assert_eq!(check_code::verify_for(&key, &inv, "12345").unwrap_err().code(), "VER-02");
//! // Keys shorter than 16 bytes are refused.
//! assert_eq!(CheckCodeKey::new(b"short").unwrap_err().code(), "VER-01");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::{CHECK_CODE_FORMAT, KEY_TOO_SHORT, NO_TOTALS};
use crate::error::INP_TYPE;
use crate::error::{Error, Path};
use crate::model::Invoice;
use crate::money::{Amount, shorten};
use crate::number::Kind;

/// The version tag of the current scheme, the first field of the message.
pub const VERSION_TAG: &str = "invoice-core/check-code/v1";

/// The shortest key accepted, in bytes (128 bits).
pub const MIN_KEY_LEN: usize = 16;

/// A secret key for [`generate`] and [`verify`]. Never shown: `Debug` prints
/// `CheckCodeKey(<redacted>)` and there is no `Display`.
#[derive(Clone)]
pub struct CheckCodeKey(Vec<u8>);

impl CheckCodeKey {
    /// A key from raw bytes.
    ///
    /// # Errors
    /// `VER-01` when shorter than [`MIN_KEY_LEN`] bytes.
    pub fn new(bytes: &[u8]) -> Result<CheckCodeKey, Error> {
        if bytes.len() < MIN_KEY_LEN {
            return Err(Error::new(KEY_TOO_SHORT)
                .with("min", MIN_KEY_LEN)
                .with("len", bytes.len()));
        }
        Ok(CheckCodeKey(bytes.to_vec()))
    }

    /// A key from hexadecimal text (either case), as the bindings and vectors pass it.
    ///
    /// # Errors
    /// `INP-02` when the text is not an even number of hex digits; `VER-01` when too short.
    pub fn from_hex(hex: &str) -> Result<CheckCodeKey, Error> {
        let bad = || {
            Error::new(INP_TYPE)
                .with("expected", "an even number of hexadecimal digits")
                .with("found", "other text")
        };
        if !hex.len().is_multiple_of(2) {
            return Err(bad());
        }
        let mut out = Vec::with_capacity(hex.len() / 2);
        for pair in hex.as_bytes().chunks(2) {
            let text = std::str::from_utf8(pair).map_err(|_| bad())?;
            out.push(u8::from_str_radix(text, 16).map_err(|_| bad())?);
        }
        CheckCodeKey::new(&out)
    }
}

impl fmt::Debug for CheckCodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CheckCodeKey(<redacted>)")
    }
}

/// The fields a check code covers (scheme `v1`), taken from an invoice by
/// [`CheckCodeInput::from_invoice`] or built directly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckCodeInput {
    /// The kind.
    pub kind: Kind,
    /// 发票代码, absent for 数电 invoices.
    pub code: Option<String>,
    /// 发票号码.
    pub number: String,
    /// 开票日期.
    pub issue_date: NaiveDate,
    /// Seller's tax id, if any.
    pub seller_tax_id: Option<String>,
    /// Buyer's tax id, if any.
    pub buyer_tax_id: Option<String>,
    /// 合计金额.
    pub amount: Amount,
    /// 合计税额.
    pub tax: Amount,
    /// 价税合计.
    pub total: Amount,
}

impl CheckCodeInput {
    /// The covered fields of an invoice.
    ///
    /// # Errors
    /// `VER-17` (at `totals`) when the invoice has no totals.
    pub fn from_invoice(inv: &Invoice) -> Result<CheckCodeInput, Error> {
        let totals = inv.totals.as_ref().ok_or_else(|| {
            Error::new(NO_TOTALS)
                .with("what", "a check code")
                .at(Path::field("totals"))
        })?;
        Ok(CheckCodeInput {
            kind: inv.kind,
            code: inv.code.clone(),
            number: inv.number.clone(),
            issue_date: inv.issue_date,
            seller_tax_id: inv.seller.tax_id.clone(),
            buyer_tax_id: inv.buyer.tax_id.clone(),
            amount: totals.amount,
            tax: totals.tax,
            total: totals.total,
        })
    }

    /// The canonical message of scheme `v1` (UTF-8 bytes of the escaped, `|`-joined fields).
    pub fn message(&self) -> Vec<u8> {
        let fields = [
            VERSION_TAG.to_string(),
            self.kind.name().to_string(),
            self.code.clone().unwrap_or_default(),
            self.number.clone(),
            crate::dates::day_text(self.issue_date),
            self.seller_tax_id.clone().unwrap_or_default(),
            self.buyer_tax_id.clone().unwrap_or_default(),
            self.amount.to_string(),
            self.tax.to_string(),
            self.total.to_string(),
        ];
        let mut out = String::new();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push('|');
            }
            out.push_str(&f.replace('\\', "\\\\").replace('|', "\\|"));
        }
        out.into_bytes()
    }
}

/// The 20 digits of `v1` for `message` under `key`, as bytes.
fn digits(key: &CheckCodeKey, message: &[u8]) -> [u8; 20] {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
    let mut mac = match Hmac::<Sha256>::new_from_slice(&key.0) {
        Ok(m) => m,
        Err(_) => return [b'0'; 20],
    };
    mac.update(message);
    let tag = mac.finalize().into_bytes();
    let mut first = [0u8; 16];
    first.copy_from_slice(tag.get(..16).unwrap_or(&[0u8; 16]));
    let mut n = u128::from_be_bytes(first) % 100_000_000_000_000_000_000u128;
    let mut out = [b'0'; 20];
    for slot in out.iter_mut().rev() {
        // `n % 10` is below 10, so the cast cannot truncate.
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out
}

/// The 20-digit check code of `input` under `key` (scheme `v1`).
pub fn generate(key: &CheckCodeKey, input: &CheckCodeInput) -> String {
    digits(key, &input.message())
        .iter()
        .map(|&b| char::from(b))
        .collect()
}

/// The 20-digit check code of an invoice under `key`.
///
/// # Errors
/// `VER-17` when the invoice has no totals.
pub fn generate_for(key: &CheckCodeKey, inv: &Invoice) -> Result<String, Error> {
    CheckCodeInput::from_invoice(inv).map(|i| generate(key, &i))
}

fn check_format(code: &str) -> Result<&[u8; 20], Error> {
    let bytes: &[u8; 20] = code
        .as_bytes()
        .try_into()
        .map_err(|_| Error::new(CHECK_CODE_FORMAT).with("value", shorten(code)))?;
    if bytes.iter().all(u8::is_ascii_digit) {
        Ok(bytes)
    } else {
        Err(Error::new(CHECK_CODE_FORMAT).with("value", shorten(code)))
    }
}

/// True when `code` is the check code of `input` under `key`; compared in constant time.
///
/// # Errors
/// `VER-02` when `code` is not 20 ASCII digits (no comparison is made).
pub fn verify(key: &CheckCodeKey, input: &CheckCodeInput, code: &str) -> Result<bool, Error> {
    let given = check_format(code)?;
    let expected = digits(key, &input.message());
    Ok(bool::from(expected.ct_eq(given)))
}

/// [`verify`] for an invoice.
///
/// # Errors
/// `VER-02` malformed code, `VER-17` no totals.
pub fn verify_for(key: &CheckCodeKey, inv: &Invoice, code: &str) -> Result<bool, Error> {
    let given = check_format(code)?;
    let input = CheckCodeInput::from_invoice(inv)?;
    let expected = digits(key, &input.message());
    Ok(bool::from(expected.ct_eq(given)))
}

/// The last 6 digits of a 20-digit check code (what 查验 asks for, domain.md §4.1).
///
/// # Errors
/// `VER-02` when `code` is not 20 ASCII digits.
pub fn last6(code: &str) -> Result<String, Error> {
    last_n(code, 6)
}

/// The last 5 digits of a 20-digit check code (blockchain invoices, domain.md §4.2).
///
/// # Errors
/// `VER-02` when `code` is not 20 ASCII digits.
pub fn last5(code: &str) -> Result<String, Error> {
    last_n(code, 5)
}

fn last_n(code: &str, n: usize) -> Result<String, Error> {
    let bytes = check_format(code)?;
    Ok(bytes
        .get(20 - n..)
        .unwrap_or_default()
        .iter()
        .map(|&b| char::from(b))
        .collect())
}

/// True when `code` has the format of a 校验码 (`^\d{20}$`): all that can be checked of a code
/// printed by the tax system.
pub fn is_well_formed(code: &str) -> bool {
    check_format(code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_never_shown() {
        let key = CheckCodeKey::new(b"super-secret-key-material").unwrap();
        let shown = format!("{key:?}");
        assert!(!shown.contains("super"), "{shown}");
        assert!(!shown.contains("7375706572"), "{shown}");
        assert_eq!(shown, "CheckCodeKey(<redacted>)");
        let nested = format!("{:?}", Some(&key));
        assert!(!nested.contains("secret"));
    }

    #[test]
    fn escaping_keeps_fields_apart() {
        let base = CheckCodeInput {
            kind: Kind::ElectronicOrdinary,
            code: None,
            number: "1".into(),
            issue_date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            seller_tax_id: Some("A|B".into()),
            buyer_tax_id: None,
            amount: Amount::ZERO,
            tax: Amount::ZERO,
            total: Amount::ZERO,
        };
        let other = CheckCodeInput {
            seller_tax_id: Some("A".into()),
            buyer_tax_id: Some("B".into()),
            ..base.clone()
        };
        assert_ne!(base.message(), other.message());
        let text = String::from_utf8(base.message()).unwrap();
        assert!(text.contains("A\\|B"), "{text}");
    }

    #[test]
    fn hex_keys() {
        assert!(CheckCodeKey::from_hex("00112233445566778899aabbccddeeff").is_ok());
        assert_eq!(
            CheckCodeKey::from_hex("0g112233445566778899aabbccddeeff")
                .unwrap_err()
                .code(),
            "INP-02"
        );
        assert_eq!(CheckCodeKey::from_hex("abc").unwrap_err().code(), "INP-02");
        assert_eq!(CheckCodeKey::from_hex("é1").unwrap_err().code(), "INP-02");
        assert_eq!(CheckCodeKey::from_hex("00ff").unwrap_err().code(), "VER-01");
    }
}
