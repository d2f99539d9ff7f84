//! Reading the model from JSON values with a path for every problem.
//!
//! serde's derive stops at the first problem and loses the rule code; this reader walks a
//! `serde_json::Value`, normalises as it goes, and collects every problem as a coded [`Error`]
//! at its path (`lines[1].amount`), so a form can show them all at once.

use chrono::{NaiveDate, NaiveTime};
use serde_json::{Map, Value};

use crate::error::{Error, Path};
use crate::error::{INP_FLOAT, INP_MISSING, INP_TYPE, INP_UNKNOWN_OPTION};
use crate::money::shorten;

use super::{MDL_DATE, MDL_TIME, MDL_UNKNOWN_FIELD};

/// Collects the problems found while reading.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errors: Vec<Error>,
}

/// The JSON type name of a value, for messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

impl Reader {
    pub(crate) fn push(&mut self, e: Error) {
        self.errors.push(e);
    }

    /// `v` as an object whose keys are all in `allowed`.
    pub(crate) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &Path,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(m) = v else {
            self.push(
                Error::new(INP_TYPE)
                    .at(path.clone())
                    .with("expected", "object")
                    .with("found", type_name(v)),
            );
            return None;
        };
        for k in m.keys() {
            if !allowed.contains(&k.as_str()) {
                self.push(
                    Error::new(MDL_UNKNOWN_FIELD)
                        .at(path.clone().key(shorten(k)))
                        .with("field", shorten(k))
                        .with("allowed", allowed.join(", ")),
                );
            }
        }
        Some(m)
    }

    /// A present, non-null value, or `INP-04` when `required`.
    pub(crate) fn get<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        key: &'static str,
        path: &Path,
        required: bool,
    ) -> Option<&'v Value> {
        match m.get(key) {
            Some(Value::Null) | None => {
                if required {
                    self.push(Error::new(INP_MISSING).at(path.clone().key(key)));
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    /// A text field: trimmed, inner runs of whitespace kept; empty counts as absent.
    pub(crate) fn text(
        &mut self,
        m: &Map<String, Value>,
        key: &'static str,
        path: &Path,
        required: bool,
    ) -> Option<String> {
        let v = self.get(m, key, path, required)?;
        match v {
            Value::String(s) => {
                let t = s.trim();
                if t.is_empty() {
                    if required {
                        self.push(Error::new(INP_MISSING).at(path.clone().key(key)));
                    }
                    None
                } else {
                    Some(t.to_string())
                }
            }
            other => {
                self.push(
                    Error::new(INP_TYPE)
                        .at(path.clone().key(key))
                        .with("expected", "string")
                        .with("found", type_name(other)),
                );
                None
            }
        }
    }

    /// A boolean field, `false` when absent.
    pub(crate) fn flag(&mut self, m: &Map<String, Value>, key: &'static str, path: &Path) -> bool {
        match self.get(m, key, path, false) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.push(
                    Error::new(INP_TYPE)
                        .at(path.clone().key(key))
                        .with("expected", "boolean")
                        .with("found", type_name(other)),
                );
                false
            }
        }
    }

    /// A decimal field given as a string (or an integer); a float is refused with `INP-01`.
    pub(crate) fn decimal<T>(
        &mut self,
        m: &Map<String, Value>,
        key: &'static str,
        path: &Path,
        required: bool,
        parse: fn(&str) -> Result<T, Error>,
    ) -> Option<T> {
        let v = self.get(m, key, path, required)?;
        let res = match v {
            Value::String(s) => parse(s.trim()),
            Value::Number(n) if n.is_f64() => Err(Error::new(INP_FLOAT).with("value", n)),
            Value::Number(n) => parse(&n.to_string()),
            other => Err(Error::new(INP_TYPE)
                .with("expected", "decimal string")
                .with("found", type_name(other))),
        };
        match res {
            Ok(x) => Some(x),
            Err(e) => {
                // The path is built only on failure: reading valid input allocates no paths.
                self.push(e.at(path.clone().key(key)));
                None
            }
        }
    }

    /// One of a fixed set of names (`"normal"`, `"discount"` …), looked up by `from`.
    pub(crate) fn choice<T>(
        &mut self,
        m: &Map<String, Value>,
        key: &'static str,
        path: &Path,
        required: bool,
        from: fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Option<T> {
        let s = self.text(m, key, path, required)?;
        match from(&s) {
            Some(t) => Some(t),
            None => {
                self.push(
                    Error::new(INP_UNKNOWN_OPTION)
                        .at(path.clone().key(key))
                        .with("value", shorten(&s))
                        .with("allowed", allowed),
                );
                None
            }
        }
    }

    /// A `YYYY-MM-DD` date.
    pub(crate) fn date(
        &mut self,
        m: &Map<String, Value>,
        key: &'static str,
        path: &Path,
        required: bool,
    ) -> Option<NaiveDate> {
        let s = self.text(m, key, path, required)?;
        match parse_date(&s) {
            Some(d) => Some(d),
            None => {
                self.push(
                    Error::new(MDL_DATE)
                        .at(path.clone().key(key))
                        .with("value", shorten(&s)),
                );
                None
            }
        }
    }

    /// An `HH:MM:SS` time.
    pub(crate) fn time(
        &mut self,
        m: &Map<String, Value>,
        key: &'static str,
        path: &Path,
    ) -> Option<NaiveTime> {
        let s = self.text(m, key, path, false)?;
        match crate::dates::parse_time(&s) {
            Some(t) => Some(t),
            None => {
                self.push(
                    Error::new(MDL_TIME)
                        .at(path.clone().key(key))
                        .with("value", shorten(&s)),
                );
                None
            }
        }
    }

    /// A list field; each element read by `each` with its indexed path.
    pub(crate) fn list<T>(
        &mut self,
        m: &Map<String, Value>,
        key: &'static str,
        path: &Path,
        required: bool,
        mut each: impl FnMut(&mut Reader, &Value, &Path) -> Option<T>,
    ) -> Vec<T> {
        let Some(v) = self.get(m, key, path, required) else {
            return Vec::new();
        };
        let p = path.clone().key(key);
        let Value::Array(items) = v else {
            self.push(
                Error::new(INP_TYPE)
                    .at(p)
                    .with("expected", "list")
                    .with("found", type_name(v)),
            );
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| each(self, item, &p.clone().index(i)))
            .collect()
    }
}

/// Strict `YYYY-MM-DD` (four-digit year, real calendar date).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::dates::parse_day(s)
}
