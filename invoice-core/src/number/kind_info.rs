//! A serialisable summary of a [`Kind`]'s facts, and parsing a kind from its name (both added
//! here so `kind.rs` keeps its behaviour).

use serde::Serialize;

use super::Kind;
use crate::error::Error;
use crate::error::INP_UNKNOWN_OPTION;

/// The static facts of a kind, as the bindings and the vectors show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct KindInfo {
    /// snake_case name (`"toll"`).
    pub name: &'static str,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
    /// Printed on paper.
    pub paper: bool,
    /// A special invoice (专票).
    pub special: bool,
    /// Input tax may be deducted.
    pub deductible: bool,
    /// Issued from the 数电 platform.
    pub digital: bool,
    /// QR payload kind code, where known.
    pub qr: Option<&'static str>,
    /// Verification platform kind code (fplx), where known.
    pub fplx: Option<&'static str>,
    /// 税控 / Aisino kind code (fpzl), where known.
    pub fpzl: Option<&'static str>,
}

impl Kind {
    /// The kind with this snake_case name, as an error when there is none.
    ///
    /// ```
    /// use invoice_core::number::Kind;
    ///
    /// assert_eq!(Kind::parse_name("toll").unwrap(), Kind::Toll);
    /// assert_eq!(Kind::parse_name("Toll").unwrap_err().code(), "INP-05");
    /// ```
    ///
    /// # Errors
    ///
    /// `INP-05` for a name that is not a kind's.
    pub fn parse_name(name: &str) -> Result<Kind, Error> {
        Kind::from_name(name).ok_or_else(|| {
            let allowed: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            Error::new(INP_UNKNOWN_OPTION)
                .with("value", crate::money::shorten(name))
                .with("allowed", allowed.join(", "))
        })
    }

    /// The kind's facts in one serialisable value.
    pub fn info(self) -> KindInfo {
        KindInfo {
            name: self.name(),
            zh: self.name_zh(),
            en: self.name_en(),
            paper: self.is_paper(),
            special: self.is_special(),
            deductible: self.is_deductible(),
            digital: self.is_digital(),
            qr: self.qr_code(),
            fplx: self.verify_code(),
            fpzl: self.tax_control_code(),
        }
    }
}
