//! Amounts in Chinese upper-case words (大写金额).
//!
//! (Not yet built: this module is filled by its own issue.)

/// Every rule this module declares, for the catalogue.
pub(crate) const RULES: &[&crate::error::Rule] = &[];

/// The invoice-style 大写 of an amount (filled by the words module; `None` until then).
pub(crate) fn invoice_words(_amount: crate::money::Amount) -> Option<String> {
    None
}

/// Whether `words` states `amount` (filled by the words module).
pub(crate) fn invoice_words_match(_words: &str, _amount: crate::money::Amount) -> Result<bool, crate::Error> {
    Ok(true)
}
