//! Verification (查验、校验码、二维码、查重).
//!
//! (Not yet built: this module is filled by its own issue.)

/// Every rule this module declares, for the catalogue.
pub(crate) const RULES: &[&crate::error::Rule] = &[];
