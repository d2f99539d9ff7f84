//! Taxpayer and resident identifiers (纳税人识别号、统一社会信用代码、组织机构代码、居民身份证号).
//!
//! (Not yet built: this module is filled by its own issue.)

/// Every rule this module declares, for the catalogue.
pub(crate) const RULES: &[&crate::error::Rule] = &[];
