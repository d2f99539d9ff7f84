//! Header rules: kind against code and number, dates, check code, text lengths, issuing limit.

use super::codes::*;
use super::{Context, NotCarried};
use crate::error::{Error, Path};
use crate::model::Invoice;
use crate::number::{CodeOptions, InvoiceCode, InvoiceNumber, Kind, NumberOptions, Numbering};

/// Counts GBK bytes as the 税控 system does: ASCII 1, everything else 2.
pub(super) fn gbk_len(s: &str) -> usize {
    // Counted on the UTF-8 bytes: an ASCII byte is one GBK byte, and each non-ASCII character
    // (one lead byte, `0xC0..`, plus continuation bytes) is two. A byte loop the compiler can
    // vectorise, where decoding every `char` was a tenth of validation.
    s.bytes()
        .map(|b| match b {
            0..0x80 => 1,
            0xC0.. => 2,
            _ => 0,
        })
        .sum()
}

/// Pushes `HDR-08` when `text` is longer than `max` GBK bytes. The path is built only then:
/// building it for every field checked was the larger part of this check.
pub(super) fn max_bytes(
    out: &mut Vec<Error>,
    text: Option<&str>,
    max: usize,
    field: &str,
    path: impl FnOnce() -> Path,
) {
    // UTF-8 never spends fewer bytes on a character than GBK (ASCII one each, every other
    // character two to four against two), so a text within `max` UTF-8 bytes is within `max`
    // GBK bytes: nearly every field is, and is not counted.
    if let Some(t) = text
        && t.len() > max
    {
        length_at_most(out, Some(gbk_len(t)), max, field, path);
    }
}

/// Pushes `HDR-08` when a text of `len` GBK bytes (`None`: absent) is longer than `max`.
pub(super) fn length_at_most(
    out: &mut Vec<Error>,
    len: Option<usize>,
    max: usize,
    field: &str,
    path: impl FnOnce() -> Path,
) {
    if let Some(n) = len
        && n > max
    {
        out.push(
            Error::new(HDR_LENGTH)
                .at(path())
                .with("field", field)
                .with("actual", n)
                .with("unit", "GBK bytes")
                .with("max", max),
        );
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// Kinds whose code structure is not published (domain.md §1.1): only the length is checked.
fn code_structure_unknown(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::MotorVehicle
            | Kind::UsedCar
            | Kind::DigitalPaperMotorVehicle
            | Kind::DigitalPaperUsedCar
    )
}

pub(super) fn check(inv: &Invoice, ctx: &Context, out: &mut Vec<Error>) {
    use chrono::Datelike;
    let kind = inv.kind;
    let year = ctx.as_of.year();
    let needs_code = kind.numbering() != Numbering::Digital;
    match (&inv.code, needs_code) {
        (None, true) if !ctx.carries(NotCarried::Code) => {}
        (None, true) => out.push(
            Error::new(HDR_CODE_MISSING)
                .at(Path::field("code"))
                .with("kind", kind.name_zh()),
        ),
        (Some(c), false) => out.push(
            Error::new(HDR_CODE_UNEXPECTED)
                .at(Path::field("code"))
                .with("kind", kind.name_zh())
                .with("code", crate::money::shorten(c)),
        ),
        (Some(c), true) => check_code(inv, c, year, out),
        (None, false) => {}
    }

    let expected = if kind.numbering() == Numbering::Digital {
        20
    } else {
        8
    };
    match InvoiceNumber::parse_with(&inv.number, &NumberOptions::with_max_year(year)) {
        Err(e) => out.push(e.at(Path::field("number"))),
        Ok(n) if n.is_digital() != (expected == 20) => out.push(
            Error::new(HDR_NUMBER_FORM)
                .at(Path::field("number"))
                .with("number", n.as_str())
                .with("expected", expected)
                .with("kind", kind.name_zh()),
        ),
        Ok(_) => {}
    }
    if let Some(d) = &inv.digital_number
        && !digits(d, 20)
    {
        out.push(
            Error::new(HDR_DIGITAL_NUMBER)
                .at(Path::field("digital_number"))
                .with("value", crate::money::shorten(d)),
        );
    }

    if inv.issue_date > ctx.as_of {
        out.push(
            Error::new(HDR_DATE_FUTURE)
                .at(Path::field("issue_date"))
                .with("date", inv.issue_date)
                .with("as_of", ctx.as_of),
        );
    }

    if let Some(cc) = &inv.check_code {
        if !digits(cc, 20) {
            out.push(
                Error::new(HDR_CHECK_CODE)
                    .at(Path::field("check_code"))
                    .with("value", crate::money::shorten(cc)),
            );
        } else if !kind.has_check_code() && !kind.is_special() {
            // A 专票's check code may come back from verification (domain.md §4.1): not flagged.
            out.push(
                Error::new(HDR_CHECK_CODE_UNEXPECTED)
                    .at(Path::field("check_code"))
                    .with("kind", kind.name_zh())
                    .with("value", cc),
            );
        }
    }

    // Remarks: 230 GBK bytes in the 税控 era; the 数电 platform counts 200 characters
    // (电子税务局; 乐企 allows 450), domain.md §12.
    if let Some(r) = &inv.remarks {
        if kind.is_digital() {
            let n = r.chars().count();
            if n > 200 {
                out.push(
                    Error::new(HDR_LENGTH)
                        .at(Path::field("remarks"))
                        .with("field", "备注")
                        .with("actual", n)
                        .with("unit", "characters")
                        .with("max", 200),
                );
            }
        } else {
            max_bytes(out, Some(r), 230, "备注", || Path::field("remarks"));
        }
    }
    max_bytes(out, inv.drawer.as_deref(), 16, "开票人", || {
        Path::field("drawer")
    });
    max_bytes(out, inv.reviewer.as_deref(), 16, "复核", || {
        Path::field("reviewer")
    });
    max_bytes(out, inv.payee.as_deref(), 16, "收款人", || {
        Path::field("payee")
    });

    if let (Some(limit), Some(t), false) = (ctx.issuing_limit, &inv.totals, inv.is_red())
        && t.amount.value() >= limit.value()
    {
        out.push(
            Error::new(HDR_LIMIT)
                .at(Path::field("totals").key("amount"))
                .with("amount", t.amount)
                .with("limit", limit),
        );
    }
}

fn check_code(inv: &Invoice, code: &str, year: i32, out: &mut Vec<Error>) {
    let kind = inv.kind;
    if code_structure_unknown(kind) {
        // Their own code structure is not published, but a code that names another VAT kind
        // (a 专票 or 普票 code, by its kind digit or suffix) contradicts the kind all the same;
        // a local or blockchain-form code may be theirs and is not judged.
        let names = InvoiceCode::parse_with(code, &CodeOptions::with_max_year(year))
            .ok()
            .and_then(|c| c.kind())
            .filter(|k| *k != kind && *k != Kind::Blockchain);
        if let Some(k) = names {
            out.push(
                Error::new(HDR_CODE_KIND)
                    .at(Path::field("code"))
                    .with("code", code)
                    .with("kind", kind.name_zh())
                    .with("reason", format!("the code says {}", k.name_zh())),
            );
            return;
        }
        if !(digits(code, 10) || digits(code, 12)) {
            out.push(
                Error::new(HDR_CODE_KIND)
                    .at(Path::field("code"))
                    .with("code", crate::money::shorten(code))
                    .with("kind", kind.name_zh())
                    .with("reason", "10 or 12 digits expected"),
            );
        }
        return;
    }
    match InvoiceCode::parse_with(code, &CodeOptions::with_max_year(year)) {
        Err(e) => out.push(e.at(Path::field("code"))),
        Ok(c) => {
            let fits = match c.kind() {
                Some(k) => k == kind || paper_digital_fits(kind, k),
                // A local (non-VAT) 12-digit code names no kind: only a blockchain invoice
                // may carry one.
                None => kind == Kind::Blockchain,
            };
            if !fits {
                let says = c.kind().map_or("a local non-VAT invoice", |k| k.name_zh());
                out.push(
                    Error::new(HDR_CODE_KIND)
                        .at(Path::field("code"))
                        .with("code", code)
                        .with("kind", kind.name_zh())
                        .with("reason", format!("the code says {says}")),
                );
            }
        }
    }
}

/// 数电 paper invoices use paper codes of the legacy structure.
fn paper_digital_fits(kind: Kind, code_kind: Kind) -> bool {
    matches!(
        (kind, code_kind),
        (Kind::DigitalPaperSpecial, Kind::SpecialPaper)
            | (Kind::DigitalPaperOrdinary, Kind::OrdinaryPaper)
    )
}

#[cfg(test)]
mod tests {
    use super::{gbk_len, max_bytes};
    use crate::error::Path;
    use proptest::prelude::*;

    #[test]
    fn gbk_len_counts_ascii_once_and_other_characters_twice() {
        assert_eq!(gbk_len(""), 0);
        assert_eq!(gbk_len("ab1"), 3);
        assert_eq!(gbk_len("餐饮服务"), 8);
        assert_eq!(gbk_len("*餐饮服务*餐费 A-1"), 18);
        assert_eq!(gbk_len("é𠀀"), 4);
    }

    proptest! {
        #[test]
        fn gbk_len_agrees_with_counting_characters(s in any::<String>()) {
            let by_char: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            prop_assert_eq!(gbk_len(&s), by_char);
            // What `max_bytes` relies on to skip counting.
            prop_assert!(gbk_len(&s) <= s.len());
        }

        #[test]
        fn max_bytes_finds_what_counting_every_text_finds(s in any::<String>(), max in 0usize..40) {
            let mut out = Vec::new();
            max_bytes(&mut out, Some(&s), max, "f", || Path::field("f"));
            prop_assert_eq!(out.len(), usize::from(gbk_len(&s) > max));
        }
    }
}
