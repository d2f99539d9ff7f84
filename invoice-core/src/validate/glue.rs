//! Calls into the identifier and words modules, kept in one place.

use crate::error::Error;
use crate::ids::taxpayer_id;
use crate::money::Amount;

/// The problem with a taxpayer id (any accepted form: USCC, resident id, legacy ids), or its
/// warnings (an unknown USCC category, an 18-character id one character off a valid USCC).
pub(super) fn tax_id_findings(id: &str) -> Result<Vec<Error>, Error> {
    taxpayer_id::warnings(id)
}

/// What `words` state, read leniently (every unambiguous form): `Ok(true, style)` when they
/// state `total`, with `WRD-17` as `style` when they differ from the invoice style; `Err` when
/// unreadable.
pub(super) fn words_state(words: &str, total: Amount) -> Result<(bool, Option<Error>), Error> {
    // Nearly every invoice prints the words exactly as the tax system writes them; comparing
    // with that text costs a fraction of reading the words, and reading it would find no
    // deviation (`words_written_by_the_invoice_style_read_back_without_findings`).
    let mut written = String::with_capacity(words.len());
    crate::words::write_words(total, &crate::words::Style::Invoice.options(), &mut written);
    if written == words {
        return Ok((true, None));
    }
    let reading = crate::words::read_words(words, crate::words::Mode::Lenient)?;
    Ok((reading.amount == total, reading.style_warning(words)))
}

#[cfg(test)]
mod tests {
    use super::words_state;
    use crate::money::Amount;
    use proptest::prelude::*;

    fn slow(words: &str, total: Amount) -> (bool, bool) {
        let reading = crate::words::read_words(words, crate::words::Mode::Lenient).unwrap();
        (
            reading.amount == total,
            reading.style_warning(words).is_some(),
        )
    }

    proptest! {
        #[test]
        fn words_written_by_the_invoice_style_read_back_without_findings(
            fen in -99_999_999_999_999i64..=99_999_999_999_999i64,
        ) {
            let total = Amount::from_fen(fen).unwrap();
            let words = crate::words::to_words(total, crate::words::Style::Invoice);
            prop_assert_eq!(slow(&words, total), (true, false));
            let (same, style) = words_state(&words, total).unwrap();
            prop_assert!(same && style.is_none());
        }
    }

    #[test]
    fn other_forms_still_go_through_the_reader() {
        let total = Amount::from_fen(96_005).unwrap();
        let (same, style) = words_state("玖佰陆拾元零伍分", total).unwrap();
        assert!(same);
        assert!(style.is_some(), "元 instead of 圆 is a style finding");
        let (same, _) = words_state("玖佰陆拾圆整", total).unwrap();
        assert!(!same);
        assert!(words_state("not words", total).is_err());
    }
}
