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
    let reading = crate::words::read_words(words, crate::words::Mode::Lenient)?;
    Ok((reading.amount == total, reading.style_warning(words)))
}
