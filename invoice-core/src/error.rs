//! Errors and findings (错误与校验结果): the one error type of the crate.
//!
//! Every problem this crate reports, whether a parse failure or a validation finding, is an
//! [`Error`]: a stable rule code (`ID-01`, `CAL-02`, …) taken from the rule catalogue
//! ([`crate::catalog`]), the [`Path`] of the offending field, named params, and a [`Severity`]. The
//! English and Chinese messages are rendered from the catalogue templates on demand, so building
//! an error costs no formatting.
//!
//! Codes are never renumbered or reused: a retired rule keeps its code in the catalogue.
//!
//! ```
//! use invoice_core::money::Amount;
//!
//! let err = Amount::parse("12.345").unwrap_err();
//! assert_eq!(err.code(), "MNY-02");
//! assert!(err.message_zh().contains("两位小数"));
//! assert_eq!(Amount::parse("12.3").unwrap().to_string(), "12.30");
//! ```

pub mod input;

pub use input::{
    INP_FLOAT, INP_ILL_FORMED, INP_INTERNAL, INP_JSON, INP_MISSING, INP_TOO_LARGE, INP_TYPE,
    INP_UNKNOWN_OPTION, ill_formed_text,
};

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// How serious a finding is (严重程度). Parse errors are always [`Severity::Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The invoice or input is wrong (as EN 16931's "fatal").
    Error,
    /// Suspicious but not necessarily wrong; does not make a report invalid.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One entry of the rule catalogue: a stable code, its severity and its message templates.
///
/// Templates name params in braces (`{len}`); both templates use the same placeholders (the
/// registry test holds them to it), except that the Chinese template may say `{reason_zh}`
/// where the English says `{reason}`: the localised text of a nested cause.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable code: family prefix, hyphen, number (`ID-01`).
    pub code: &'static str,
    /// Default severity of findings under this rule.
    pub severity: Severity,
    /// English message template.
    pub en: &'static str,
    /// Chinese message template.
    pub zh: &'static str,
}

impl Rule {
    /// The placeholder names of a template, in order of appearance.
    pub fn placeholders(template: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    out.push(&after[..end]);
                    rest = &after[end + 1..];
                }
                None => break,
            }
        }
        out
    }
}

/// One step of a [`Path`]: a field name or a list index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A field name (`lines`, `tax`).
    Key(Cow<'static, str>),
    /// A position in a list, from 0.
    Index(usize),
}

/// Where in the input a problem is (`lines[2].tax`); empty for the input as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The empty path: the input as a whole.
    pub const fn root() -> Self {
        Path(Vec::new())
    }

    /// This path followed by a field name.
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(Segment::Key(key.into()));
        self
    }

    /// A copy of this path followed by a list index (one allocation, where `clone().index(i)`
    /// takes two: the model reader makes one per list item).
    pub fn at_index(&self, index: usize) -> Self {
        let mut segs = Vec::with_capacity(self.0.len() + 2);
        segs.extend(self.0.iter().cloned());
        segs.push(Segment::Index(index));
        Path(segs)
    }

    /// This path followed by a list index.
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }

    /// A path of one field name.
    pub fn field(key: impl Into<Cow<'static, str>>) -> Self {
        Path::root().key(key)
    }

    /// `prefix` followed by this path.
    pub fn prefixed(mut self, prefix: &Path) -> Self {
        if !prefix.0.is_empty() {
            let mut segs = prefix.0.clone();
            segs.append(&mut self.0);
            self.0 = segs;
        }
        self
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// True for the root path.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Key(k) if i == 0 => f.write_str(k)?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    /// A list of keys (strings) and indexes (numbers), as the bindings expose it.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for seg in &self.0 {
            match seg {
                Segment::Key(k) => seq.serialize_element(k.as_ref())?,
                Segment::Index(n) => seq.serialize_element(n)?,
            }
        }
        seq.end()
    }
}

/// The error and finding type of the whole crate.
///
/// Cheap to build (no formatting until a message is asked for). `Display` is one English line:
/// `[CAL-02] lines[1].tax: …`.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    rule: &'static Rule,
    path: Path,
    params: Vec<(&'static str, String)>,
}

/// `as_str` and `FromStr` (with [`Error::unknown_name`]) for an enum of option names:
/// `option_names!(Lang { Zh => "zh", En => "en" });`. The names must be the ones serde writes
/// (list each use in the test `name_tests::option_names_round_trip`, which checks it).
macro_rules! option_names {
    ($ty:ident { $($v:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// The snake_case name (as serde writes it).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$v => $name,)+
                }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::error::Error;

            /// Reads the name `as_str` gives.
            ///
            /// # Errors
            /// `INP-05` listing the names, for any other text.
            fn from_str(s: &str) -> Result<Self, $crate::error::Error> {
                $(if s == $name { return Ok($ty::$v); })+
                Err($crate::error::Error::unknown_name(s, &[$($name),+]))
            }
        }

        #[cfg(test)]
        impl $crate::error::name_tests::OptionNames for $ty {
            const ALL: &'static [Self] = &[$($ty::$v),+];
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
}
pub(crate) use option_names;

/// Every enum of option names in one test: each name is the one serde writes, reads back as
/// its value, and anything else is `INP-05` listing them all.
#[cfg(test)]
pub(crate) mod name_tests {
    use super::Error;
    use std::fmt::Debug;
    use std::str::FromStr;

    /// What `option_names!` adds under test: every value, and its name.
    pub(crate) trait OptionNames: Sized + Copy + 'static {
        const ALL: &'static [Self];
        fn name(self) -> &'static str;
    }

    fn check<T>()
    where
        T: OptionNames + serde::Serialize + FromStr<Err = Error> + PartialEq + Debug,
    {
        let names: Vec<&str> = T::ALL.iter().map(|v| v.name()).collect();
        for &v in T::ALL {
            assert_eq!(serde_json::to_value(v).unwrap(), v.name());
            assert_eq!(v.name().parse::<T>().unwrap(), v);
        }
        let e = "Not-A-Name".parse::<T>().unwrap_err();
        assert_eq!(e.code(), "INP-05");
        assert_eq!(e.param("allowed"), Some(names.join(", ").as_str()));
    }

    #[test]
    fn option_names_round_trip() {
        check::<crate::verify::query::SameDay>();
        check::<crate::verify::query::RecordStatus>();
        check::<crate::find::export::Lang>();
        check::<crate::validate::NotCarried>();
    }
}

/// Shows at most 40 characters of a bad input in a message (longer input ends in `…`).
pub fn shorten(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(37).collect();
        out.push('…');
        out
    }
}

impl Error {
    /// `INP-05` for a name that is not one of `allowed` (the value shortened to 40 characters):
    /// what every `FromStr` of an option name returns.
    pub fn unknown_name(value: &str, allowed: &[&str]) -> Error {
        Error::new(input::INP_UNKNOWN_OPTION)
            .with("value", shorten(value))
            .with("allowed", allowed.join(", "))
    }
    /// An error under `rule`, at the root path, with no params.
    pub fn new(rule: &'static Rule) -> Self {
        Error {
            rule,
            path: Path::root(),
            params: Vec::new(),
        }
    }

    /// The same error at `path`.
    pub fn at(mut self, path: Path) -> Self {
        self.path = path;
        self
    }

    /// The same error with its path put under `prefix` (an inner parser's error placed in a
    /// larger structure).
    pub fn under(mut self, prefix: &Path) -> Self {
        self.path = std::mem::take(&mut self.path).prefixed(prefix);
        self
    }

    /// The same error with a nested cause: params `reason` (English) and `reason_zh` (Chinese).
    pub fn caused_by(self, cause: &Error) -> Self {
        self.with("reason", cause.message())
            .with("reason_zh", cause.message_zh())
    }

    /// The same error with one more param (a later value of the same name replaces it).
    pub fn with(self, name: &'static str, value: impl fmt::Display) -> Self {
        // Only the formatting is generic: one copy of the rest, not one per value type.
        self.with_text(name, value.to_string())
    }

    fn with_text(mut self, name: &'static str, value: String) -> Self {
        if let Some(slot) = self.params.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = value;
        } else {
            self.params.push((name, value));
        }
        self
    }

    /// The stable rule code, e.g. `"ID-01"`.
    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// The catalogue entry.
    pub fn rule(&self) -> &'static Rule {
        self.rule
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }

    /// Where the problem is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The named params, in the order they were added.
    pub fn params(&self) -> &[(&'static str, String)] {
        &self.params
    }

    /// One param by name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The English message (without code and path).
    pub fn message(&self) -> String {
        self.render(self.rule.en)
    }

    /// The Chinese message (without code and path).
    pub fn message_zh(&self) -> String {
        self.render(self.rule.zh)
    }

    fn render(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    let name = &after[..end];
                    match self.param(name) {
                        Some(v) => out.push_str(v),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[end + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            write!(f, "[{}] {}", self.rule.code, self.message())
        } else {
            write!(f, "[{}] {}: {}", self.rule.code, self.path, self.message())
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("code", &self.rule.code)
            .field("path", &self.path.to_string())
            .field("params", &self.params)
            .finish()
    }
}

impl std::error::Error for Error {}

impl Serialize for Error {
    /// `{code, severity, path, params, message, message_zh}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Params<'a>(&'a [(&'static str, String)]);
        impl Serialize for Params<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("code", self.rule.code)?;
        m.serialize_entry("severity", &self.rule.severity)?;
        m.serialize_entry("path", &self.path)?;
        m.serialize_entry("params", &Params(&self.params))?;
        m.serialize_entry("message", &self.message())?;
        m.serialize_entry("message_zh", &self.message_zh())?;
        m.end()
    }
}

/// Declares a module's rules: one `pub const NAME: &Rule` per line and the module's `RULES`
/// table, which [`crate::catalog`] chains into the whole catalogue.
///
/// ```ignore
/// rules! {
///     /// USCC of the wrong length.
///     USCC_LENGTH = ("ID-01", Error, "must have 18 characters, got {len}", "应为18位，实际为{len}位");
/// }
/// ```
macro_rules! rules {
    ($( $(#[$meta:meta])* $name:ident = ($code:literal, $sev:ident, $en:literal, $zh:literal); )+) => {
        $(
            $(#[$meta])*
            pub const $name: &$crate::error::Rule = &$crate::error::Rule {
                code: $code,
                severity: $crate::error::Severity::$sev,
                en: $en,
                zh: $zh,
            };
        )+
        /// Every rule this module declares, for the catalogue.
        pub(crate) const RULES: &[&$crate::error::Rule] = &[$($name),+];
    };
}
pub(crate) use rules;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_render() {
        let e = Error::new(input::INP_TYPE)
            .at(Path::field("lines").index(2).key("tax"))
            .with("expected", "string")
            .with("found", "number");
        assert_eq!(e.path().to_string(), "lines[2].tax");
        assert_eq!(
            e.to_string(),
            "[INP-02] lines[2].tax: expected string, found number"
        );
        assert!(e.message_zh().contains("string"));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["path"], serde_json::json!(["lines", 2, "tax"]));
        assert_eq!(json["code"], "INP-02");
    }

    #[test]
    fn under_prefixes_path() {
        let e = Error::new(input::INP_TYPE)
            .at(Path::field("tax"))
            .under(&Path::field("lines").index(0));
        assert_eq!(e.path().to_string(), "lines[0].tax");
    }

    #[test]
    fn placeholders_in_order() {
        assert_eq!(Rule::placeholders("a {x} b {y}"), vec!["x", "y"]);
        assert!(Rule::placeholders("none").is_empty());
    }
}
