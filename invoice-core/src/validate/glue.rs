//! Calls into the identifier and words modules, kept in one place.

use crate::error::Error;
use crate::money::Amount;

/// The problem with a taxpayer id, if any.
pub(super) fn tax_id_problem(id: &str) -> Option<Error> {
    let len = id.chars().count();
    let charset = id.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    if charset && matches!(len, 15 | 17 | 18 | 20) {
        None
    } else {
        Some(Error::new(crate::error::catalog::INP_TYPE).with("expected", "15, 17, 18 or 20 characters").with("found", id))
    }
}

/// `Ok(true)` when `words` states `total` in any accepted variant; `Err` when unreadable.
pub(super) fn words_state(words: &str, total: Amount) -> Result<bool, Error> {
    crate::words::invoice_words_match(words, total)
}
