//! Finding invoices (发票查找): normalisation, search, diagnostics, numbering, export.
//!
//! (Not yet built: this module is filled by its own issue.)

/// Every rule this module declares, for the catalogue.
pub(crate) const RULES: &[&crate::error::Rule] = &[];
