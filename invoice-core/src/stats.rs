//! Statistics over many invoices (发票统计).
//!
//! (Not yet built: this module is filled by its own issue.)

/// Every rule this module declares, for the catalogue.
pub(crate) const RULES: &[&crate::error::Rule] = &[];
