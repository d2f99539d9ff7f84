//! Where the model is read from: any tree of values that can say what each value is.
//!
//! The model's reader (`read.rs`) walks a [`Source`]: a JSON value, a host language's objects
//! (a Python dict), a row of an Arrow table. Each answers the same few questions (what is this
//! value, what is the member under this key, what is item *i* of this list), so the reader, its
//! normalisation and every coded error at its path are the core's for every host, and a binding
//! that holds typed cells (a decimal, a date) hands them over without first writing JSON text.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::Error;

/// What one value of a [`Source`] is.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape<'a> {
    /// Absent or null: read as a missing value.
    Null,
    /// A boolean.
    Bool(bool),
    /// An exact integer.
    Int(i128),
    /// A binary floating-point number (refused where money belongs, `INP-01`), as the host
    /// writes it.
    Float(Cow<'a, str>),
    /// Text.
    Text(Cow<'a, str>),
    /// An exact decimal (a host decimal type, an Arrow decimal cell).
    Decimal(Decimal),
    /// A calendar date (a host date type, an Arrow `date32` cell).
    Date(NaiveDate),
    /// A list: read its items with [`Source::len`] and [`Source::item`].
    List,
    /// An object: read its members with [`Source::member`] and [`Source::keys`].
    Object,
    /// Anything else, named for the message.
    Other(&'static str),
    /// A value the host could not hand over (text that is not well-formed, a number beyond any
    /// range): the reader reports this error at the value's path.
    Refused(Box<Error>),
}

impl Shape<'_> {
    /// The type's name in messages (`INP-02`'s "found").
    pub fn type_name(&self) -> &'static str {
        match self {
            Shape::Null => "null",
            Shape::Bool(_) => "boolean",
            Shape::Int(_) => "integer",
            Shape::Float(_) => "float",
            Shape::Text(_) => "string",
            Shape::Decimal(_) => "decimal",
            Shape::Date(_) => "date",
            Shape::List => "list",
            Shape::Object => "object",
            Shape::Other(name) => name,
            Shape::Refused(_) => "refused",
        }
    }
}

/// A tree of values the model can be read from.
///
/// Implemented here for `&serde_json::Value`; bindings implement it for their host's values.
/// A source is a cheap handle (a reference, an index): the reader copies it freely.
///
/// ```
/// use invoice_core::model::{Invoice, Source};
///
/// let v = serde_json::json!({"kind": "digital_ordinary", "number": "24312000000358032546",
///     "issue_date": "2024-03-05", "seller": {"name": "甲"}, "buyer": {"name": "乙"},
///     "lines": [{"name": "*服务*咨询", "amount": "100.00", "rate": "0.06", "tax": "6.00"}]});
/// let inv = Invoice::from_source_all(&v).unwrap();
/// assert_eq!(inv.lines.len(), 1);
/// assert_eq!((&v).member("kind").map(|k| k.shape().type_name()), Some("string"));
/// ```
pub trait Source: Sized {
    /// What this value is.
    fn shape(&self) -> Shape<'_>;
    /// The member under `key` of an object (`None` when absent or not an object).
    fn member(&self, key: &str) -> Option<Self>;
    /// Calls `f` with every key of an object, so the reader can name keys it does not know.
    fn keys(&self, f: &mut dyn FnMut(&str));
    /// Calls `f` with every member of an object, key and value, in the order of [`Source::keys`].
    ///
    /// The reader takes an object's members in this one pass instead of looking each field up
    /// by name; a source that can walk its members (a JSON map, a Python dict) should say so
    /// here rather than rely on this default, which looks every key up again.
    ///
    /// # Errors
    /// A key the host cannot hand over as text (a Python dict's non-`str` key): the other
    /// members are still visited, and the first such problem is returned for the reader to
    /// report at the object's path.
    fn entries(&self, f: &mut dyn FnMut(&str, Self)) -> Result<(), Box<Error>> {
        self.keys(&mut |k| {
            if let Some(v) = self.member(k) {
                f(k, v);
            }
        });
        Ok(())
    }
    /// The number of items of a list (0 for anything else).
    fn len(&self) -> usize;
    /// Item `i` of a list.
    fn item(&self, i: usize) -> Option<Self>;
    /// True for a list without items (or anything that is not a list).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a JSON value is (the [`Source`] answer for `&Value`, for callers holding a `&Value` of
/// a longer lifetime).
pub fn json_shape(v: &Value) -> Shape<'_> {
    match v {
        Value::Null => Shape::Null,
        Value::Bool(b) => Shape::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Shape::Int(i128::from(i)),
            (None, Some(u)) => Shape::Int(i128::from(u)),
            _ => Shape::Float(Cow::Owned(n.to_string())),
        },
        Value::String(s) => Shape::Text(Cow::Borrowed(s)),
        Value::Array(_) => Shape::List,
        Value::Object(_) => Shape::Object,
    }
}

impl Source for &Value {
    fn shape(&self) -> Shape<'_> {
        json_shape(self)
    }

    fn member(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }

    fn keys(&self, f: &mut dyn FnMut(&str)) {
        if let Value::Object(m) = self {
            m.keys().for_each(|k| f(k));
        }
    }

    fn entries(&self, f: &mut dyn FnMut(&str, Self)) -> Result<(), Box<Error>> {
        if let Value::Object(m) = self {
            m.iter().for_each(|(k, v)| f(k, v));
        }
        Ok(())
    }

    fn len(&self) -> usize {
        self.as_array().map_or(0, Vec::len)
    }

    fn item(&self, i: usize) -> Option<Self> {
        self.as_array()?.get(i)
    }
}
