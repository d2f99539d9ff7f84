//! The identifier schemes behind one interface (标识符方案的统一接口): [`Scheme`] names each
//! identifier module, [`Op`] names each string-in operation, and [`Scheme::apply`] runs one,
//! so a binding exposes every scheme with one loop over [`Scheme::ALL`] and [`Scheme::ops`]
//! instead of a family × operation table.
//!
//! Each scheme answers exactly as its module's functions do (same values, same codes); the
//! typed methods ([`Scheme::validate`], [`Scheme::calc_check_digit`], …) call them directly.
//! An operation a scheme does not have (a taxpayer id has no check character; only a resident
//! id has an 18-character form) is `None` from [`Scheme::apply`] and from the typed method, and
//! is absent from [`Scheme::ops`]: never a guess and never an error code of its own.
//!
//! The names are python-stdnum's: schemes `uscc`, `org_code`, `ric`, `taxpayer_id`; operations
//! `compact`, `validate`, … ([`Op::name`]), with [`Op::camel_name`] for JavaScript.
//!
//! ```
//! use invoice_core::ids::{Answer, Op, Scheme};
//!
//! let uscc = Scheme::from_name("uscc").unwrap();
//! assert_eq!(uscc.validate(" 91350100m000100y43 ").unwrap(), "91350100M000100Y43");
//! assert_eq!(uscc.validate("91350100M000100Y44").unwrap_err().code(), "ID-04");
//! let ops: Vec<&str> = Scheme::TaxpayerId.ops().iter().map(|op| op.name()).collect();
//! assert!(ops.contains(&"classify") && !ops.contains(&"calc_check_digit"));
//! assert!(Scheme::TaxpayerId.apply(Op::CalcCheckDigit, "91350100M000100Y43").is_none());
//! assert!(matches!(
//!     Scheme::Ric.apply(Op::To18, "110105491231002"),
//!     Some(Ok(Answer::Text(t))) if t == "11010519491231002X"
//! ));
//! ```

use serde::Serialize;

use super::{org_code, resident_id, taxpayer_id, uscc};
use crate::error::Error;

/// An identifier scheme: one module of [`crate::ids`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// USCC, 统一社会信用代码 (GB 32100): [`uscc`].
    Uscc,
    /// Organisation code, 组织机构代码 (GB 11714): [`org_code`].
    OrgCode,
    /// Resident identity card number, 居民身份证号码 (GB 11643): [`resident_id`].
    Ric,
    /// Taxpayer id, 纳税人识别号 (15/17/18/20 characters): [`taxpayer_id`].
    TaxpayerId,
}

/// A string-in operation of the identifier schemes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// `compact`: the normalised text; never fails.
    Compact,
    /// `validate`: the compact form of a valid identifier.
    Validate,
    /// `validate_strict`: the input as given when it is already compact and valid.
    ValidateStrict,
    /// `is_valid`: whether `validate` succeeds; never fails.
    IsValid,
    /// `format`: the printed form.
    Format,
    /// `calc_check_digit`: the check character of the body.
    CalcCheckDigit,
    /// `parts`: the decoded identifier.
    Parts,
    /// `warnings`: findings that do not make the identifier invalid.
    Warnings,
    /// `to_18`: the 18-character form (resident ids).
    To18,
    /// `classify`: which form of taxpayer id (taxpayer ids).
    Classify,
}

/// What an operation answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// `is_valid`.
    Bool(bool),
    /// `compact`, `validate`, `validate_strict`, `format`, `to_18`, and `calc_check_digit`
    /// (one character).
    Text(String),
    /// `parts` and `classify`.
    Parts(Parts),
    /// `warnings`: each a [`Severity::Warning`](crate::Severity::Warning) error.
    #[serde(skip)]
    Findings(Vec<Error>),
}

/// A decoded identifier (serialises as the scheme's own structure).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Parts {
    /// [`uscc::parts`].
    Uscc(uscc::UsccParts),
    /// [`org_code::parts`].
    OrgCode(org_code::OrgCodeParts),
    /// [`resident_id::parts`].
    Ric(resident_id::ResidentIdParts),
    /// [`taxpayer_id::classify`].
    TaxpayerId(taxpayer_id::Classification),
}

impl Op {
    /// Every operation, in the order bindings list them.
    pub const ALL: [Op; 10] = [
        Op::Compact,
        Op::Validate,
        Op::ValidateStrict,
        Op::IsValid,
        Op::Format,
        Op::CalcCheckDigit,
        Op::Parts,
        Op::Warnings,
        Op::To18,
        Op::Classify,
    ];

    /// The operation's name (python-stdnum's, snake_case).
    pub const fn name(self) -> &'static str {
        match self {
            Op::Compact => "compact",
            Op::Validate => "validate",
            Op::ValidateStrict => "validate_strict",
            Op::IsValid => "is_valid",
            Op::Format => "format",
            Op::CalcCheckDigit => "calc_check_digit",
            Op::Parts => "parts",
            Op::Warnings => "warnings",
            Op::To18 => "to_18",
            Op::Classify => "classify",
        }
    }

    /// The name in JavaScript's convention (`validateStrict`, `to18`).
    pub const fn camel_name(self) -> &'static str {
        match self {
            Op::ValidateStrict => "validateStrict",
            Op::IsValid => "isValid",
            Op::CalcCheckDigit => "calcCheckDigit",
            Op::To18 => "to18",
            op => op.name(),
        }
    }

    /// The operation named `name` (either convention).
    pub fn from_name(name: &str) -> Option<Op> {
        Op::ALL
            .into_iter()
            .find(|op| op.name() == name || op.camel_name() == name)
    }
}

impl Scheme {
    /// Every scheme, in the order bindings list them.
    pub const ALL: [Scheme; 4] = [
        Scheme::Uscc,
        Scheme::OrgCode,
        Scheme::Ric,
        Scheme::TaxpayerId,
    ];

    /// The scheme's name (python-stdnum's module name, snake_case): `uscc`, `org_code`, `ric`,
    /// `taxpayer_id`.
    pub const fn name(self) -> &'static str {
        match self {
            Scheme::Uscc => "uscc",
            Scheme::OrgCode => "org_code",
            Scheme::Ric => "ric",
            Scheme::TaxpayerId => "taxpayer_id",
        }
    }

    /// The name in JavaScript's convention (`orgCode`, `taxpayerId`).
    pub const fn camel_name(self) -> &'static str {
        match self {
            Scheme::OrgCode => "orgCode",
            Scheme::TaxpayerId => "taxpayerId",
            s => s.name(),
        }
    }

    /// The scheme named `name` (either convention).
    pub fn from_name(name: &str) -> Option<Scheme> {
        Scheme::ALL
            .into_iter()
            .find(|s| s.name() == name || s.camel_name() == name)
    }

    /// The scheme named `name` (snake_case, as [`Scheme::name`]), for an option naming one.
    ///
    /// # Errors
    /// `INP-05` for any other name, listing the names.
    pub fn parse(name: &str) -> Result<Scheme, Error> {
        Scheme::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| Error::unknown_name(name, &Scheme::ALL.map(Scheme::name)))
    }

    /// What the identifier is, in English with its Chinese name (for documentation).
    pub const fn title(self) -> &'static str {
        match self {
            Scheme::Uscc => "unified social credit code (统一社会信用代码)",
            Scheme::OrgCode => "organisation code (组织机构代码)",
            Scheme::Ric => "resident identity card number (居民身份证号码, 18 or 15 characters)",
            Scheme::TaxpayerId => "taxpayer id (纳税人识别号, 15/17/18/20 characters)",
        }
    }

    /// The error codes `validate` can return, in the order it checks (for documentation).
    pub const fn error_codes(self) -> &'static str {
        match self {
            Scheme::Uscc => {
                "ID-01 length, ID-02 character, ID-03 region, ID-05 embedded organisation code, ID-04 check"
            }
            Scheme::OrgCode => "ID-07 length, ID-08 character, ID-09 check, ID-10 reserved range",
            Scheme::Ric => {
                "ID-11 length, ID-12 character, ID-20 no such province, ID-13 birth date, ID-14 check"
            }
            Scheme::TaxpayerId => "ID-16 length, ID-17 character",
        }
    }

    /// The operations this scheme has (the others answer `None`).
    pub const fn ops(self) -> &'static [Op] {
        use Op::{
            CalcCheckDigit, Classify, Compact, Format, IsValid, Parts, To18, Validate,
            ValidateStrict, Warnings,
        };
        match self {
            Scheme::Uscc => &[
                Compact,
                Validate,
                ValidateStrict,
                IsValid,
                Format,
                CalcCheckDigit,
                Parts,
                Warnings,
            ],
            Scheme::OrgCode => &[
                Compact,
                Validate,
                ValidateStrict,
                IsValid,
                Format,
                CalcCheckDigit,
                Parts,
            ],
            Scheme::Ric => &[
                Compact,
                Validate,
                ValidateStrict,
                IsValid,
                Format,
                CalcCheckDigit,
                Parts,
                To18,
            ],
            Scheme::TaxpayerId => &[
                Compact,
                Validate,
                ValidateStrict,
                IsValid,
                Format,
                Classify,
                Warnings,
            ],
        }
    }

    /// Whether the scheme has `op`.
    pub fn has(self, op: Op) -> bool {
        self.ops().contains(&op)
    }

    /// The normalised text (the module's `compact`).
    pub fn compact(self, s: &str) -> String {
        match self {
            Scheme::Uscc => uscc::compact(s),
            Scheme::OrgCode => org_code::compact(s),
            Scheme::Ric => resident_id::compact(s),
            Scheme::TaxpayerId => taxpayer_id::compact(s),
        }
    }

    /// The compact form of a valid identifier (the module's `validate`).
    ///
    /// # Errors
    /// The codes of [`Scheme::error_codes`].
    pub fn validate(self, s: &str) -> Result<String, Error> {
        match self {
            Scheme::Uscc => uscc::validate(s),
            Scheme::OrgCode => org_code::validate(s),
            Scheme::Ric => resident_id::validate(s),
            Scheme::TaxpayerId => taxpayer_id::validate(s),
        }
    }

    /// The input as given when it is already compact and valid (the module's `validate_strict`).
    ///
    /// # Errors
    /// As [`Scheme::validate`].
    pub fn validate_strict(self, s: &str) -> Result<String, Error> {
        match self {
            Scheme::Uscc => uscc::validate_strict(s),
            Scheme::OrgCode => org_code::validate_strict(s),
            Scheme::Ric => resident_id::validate_strict(s),
            Scheme::TaxpayerId => taxpayer_id::validate_strict(s),
        }
    }

    /// Whether [`Scheme::validate`] succeeds.
    pub fn is_valid(self, s: &str) -> bool {
        match self {
            Scheme::Uscc => uscc::is_valid(s),
            Scheme::OrgCode => org_code::is_valid(s),
            Scheme::Ric => resident_id::is_valid(s),
            Scheme::TaxpayerId => taxpayer_id::is_valid(s),
        }
    }

    /// The printed form of a valid identifier (the module's `format`).
    ///
    /// # Errors
    /// As [`Scheme::validate`].
    pub fn format(self, s: &str) -> Result<String, Error> {
        match self {
            Scheme::Uscc => uscc::format(s),
            Scheme::OrgCode => org_code::format(s),
            Scheme::Ric => resident_id::format(s),
            Scheme::TaxpayerId => taxpayer_id::format(s),
        }
    }

    /// The check character of the body (the module's `calc_check_digit`); `None` for a taxpayer
    /// id, which has no check character of its own.
    ///
    /// # Errors
    /// Length and character codes of the scheme (`ID-01`/`ID-02`, `ID-07`/`ID-08`,
    /// `ID-11`/`ID-12`).
    pub fn calc_check_digit(self, s: &str) -> Option<Result<char, Error>> {
        match self {
            Scheme::Uscc => Some(uscc::calc_check_digit(s)),
            Scheme::OrgCode => Some(org_code::calc_check_digit(s)),
            Scheme::Ric => Some(resident_id::calc_check_digit(s)),
            Scheme::TaxpayerId => None,
        }
    }

    /// The decoded identifier: the module's `parts`, or for a taxpayer id its `classify`.
    ///
    /// # Errors
    /// As [`Scheme::validate`].
    pub fn parts(self, s: &str) -> Result<Parts, Error> {
        Ok(match self {
            Scheme::Uscc => Parts::Uscc(uscc::parts(s)?),
            Scheme::OrgCode => Parts::OrgCode(org_code::parts(s)?),
            Scheme::Ric => Parts::Ric(resident_id::parts(s)?),
            Scheme::TaxpayerId => Parts::TaxpayerId(taxpayer_id::classify(s)?),
        })
    }

    /// The warnings about a valid identifier (the module's `warnings`); `None` for the schemes
    /// that have none to give (organisation codes and resident ids).
    ///
    /// # Errors
    /// As [`Scheme::validate`].
    pub fn warnings(self, s: &str) -> Option<Result<Vec<Error>, Error>> {
        match self {
            Scheme::Uscc => Some(uscc::warnings(s)),
            Scheme::TaxpayerId => Some(taxpayer_id::warnings(s)),
            Scheme::OrgCode | Scheme::Ric => None,
        }
    }

    /// Runs `op` on `s`; `None` when the scheme does not have `op` (see [`Scheme::ops`]).
    ///
    /// # Errors
    /// Those of the operation.
    pub fn apply(self, op: Op, s: &str) -> Option<Result<Answer, Error>> {
        if !self.has(op) {
            return None;
        }
        Some(match op {
            Op::Compact => Ok(Answer::Text(self.compact(s))),
            Op::Validate => self.validate(s).map(Answer::Text),
            Op::ValidateStrict => self.validate_strict(s).map(Answer::Text),
            Op::IsValid => Ok(Answer::Bool(self.is_valid(s))),
            Op::Format => self.format(s).map(Answer::Text),
            Op::CalcCheckDigit => self
                .calc_check_digit(s)?
                .map(|c| Answer::Text(c.to_string())),
            // `parts` of a taxpayer id is named `classify` (python-stdnum has no `parts` for it).
            Op::Parts | Op::Classify => self.parts(s).map(Answer::Parts),
            Op::Warnings => self.warnings(s)?.map(Answer::Findings),
            Op::To18 => resident_id::to_18(s).map(Answer::Text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_both_conventions() {
        for s in Scheme::ALL {
            assert_eq!(Scheme::from_name(s.name()), Some(s));
            assert_eq!(Scheme::from_name(s.camel_name()), Some(s));
        }
        for op in Op::ALL {
            assert_eq!(Op::from_name(op.name()), Some(op));
            assert_eq!(Op::from_name(op.camel_name()), Some(op));
        }
        assert_eq!(Scheme::from_name("iban"), None);
        assert_eq!(Op::from_name("to18"), Some(Op::To18));
    }

    #[test]
    fn every_listed_op_answers_and_every_other_is_none() {
        for s in Scheme::ALL {
            for op in Op::ALL {
                assert_eq!(
                    s.apply(op, "").is_some(),
                    s.has(op),
                    "{} {}",
                    s.name(),
                    op.name()
                );
            }
        }
        // Parts is the taxpayer id's classify; the two are one operation under two names only
        // where the scheme lists the name.
        assert!(!Scheme::TaxpayerId.has(Op::Parts));
        assert!(!Scheme::Uscc.has(Op::Classify));
    }

    #[test]
    fn answers_are_the_modules_answers() {
        let code = "91350100M000100Y43";
        assert_eq!(
            Scheme::Uscc.apply(Op::Parts, code),
            Some(uscc::parts(code).map(|p| Answer::Parts(Parts::Uscc(p))))
        );
        assert_eq!(
            Scheme::Uscc.apply(Op::CalcCheckDigit, "91350100M000100Y4"),
            Some(Ok(Answer::Text("3".into())))
        );
        let e = Scheme::OrgCode.apply(Op::Validate, "D2143569-1");
        assert!(matches!(e, Some(Err(e)) if e.code() == "ID-09"));
        let c = Scheme::TaxpayerId.apply(Op::Classify, code);
        assert_eq!(
            serde_json::to_value(c.and_then(Result::ok)).ok(),
            serde_json::to_value(taxpayer_id::classify(code).ok()).ok()
        );
    }
}
