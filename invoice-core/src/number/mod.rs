//! Invoice codes and numbers (发票代码、发票号码) and invoice kinds (发票种类).
//!
//! (Codes and numbers are filled by the foundation issue; [`Kind`] is here already.)

mod kind;

pub use kind::{Kind, Numbering};

/// Every rule this module declares, for the catalogue.
pub(crate) const RULES: &[&crate::error::Rule] = &[];
