//! How JavaScript calls an operation (JS 调用约定): the one input route of the Node addon and the
//! WASM build, and the table of every operation both export ([`for_each_op!`]).
//!
//! The shared JS layer (`bindings-js/js/surface.js`, copied into both packages) writes an
//! operation's arguments as **one JSON text**, an array with one entry per argument, and calls the
//! operation's native export with it: one string crosses instead of one engine call per property.
//! What JSON cannot say crosses beside it, in an optional second text of *notes*
//! `[[arg, item, kind, path, a, b, top], …]`, written by the JS layer as it meets them, in the
//! order a reader meets them (arguments in order, keys in their JS order):
//!
//! - a value the core must refuse at its path (`kind`): `float` (NaN, ±Infinity: `INP-01`, `a` =
//!   `String(n)`), `type` (a function, symbol, bigint, Invalid Date: `INP-02`, `a` expected, `b`
//!   found), `deep` (nesting deeper than [`MAX_DEPTH`](crate::MAX_DEPTH), a cycle: `INP-06`),
//!   `text` (a lone surrogate in a string or key: `INP-07`, `a` the code unit), `getter` (a
//!   property getter threw: `INP-99`). The argument (or, in a list read item by item, the item)
//!   is written `null` and its first problem is its error, as [`Args::value`] gives it;
//! - `top`: the JS type of an argument whose JSON does not show it (`undefined`, a `Date`, one
//!   holding a problem), for the operations that read a plain string or number and name the type
//!   they found ([`Args::decimal`], [`Args::text`]).
//!
//! A JS number that is not a safe integer (`0.1`, `1e21`, `-0`) is written as its IEEE-754 bits,
//! as an integer no safe integer can be (bits ≥ 2⁵³ as themselves, smaller bits `b` as
//! `-(b + 2⁵³ + 1)`), so it arrives exactly (`INP-01` shows it as JS writes it) without a float
//! parser in the module. Every number arrives as a JSON float, as a JS number is a double: money
//! given as a number is `INP-01` at its path even when whole.
//!
//! The answer goes back as one text: the JSON of the value, or `!` and the JSON of the error
//! ([`error_json`]), which the JS layer throws as an `InvoiceError`.
//!
//! **The bare encoding.** A call whose whole argument list is one well-formed string that does
//! not begin with `[` (`amountInWords("1234.50")`, `parseQr(text)`, `last6(n)`) is written
//! cheaper on the same route: the text *is* that string (no `JSON.stringify`, no JSON parse), and
//! [`Args`] holds the same one string value the JSON text `["1234.50"]` would give, so the very
//! same operation runs with the same errors and paths. A text the JSON encoding writes always
//! begins with `[`, so the two cannot be mistaken ([`Encoding::of`]). Its answer skips the JSON
//! too: a string answer is the string itself; anything else (another value, an error, a string
//! that begins with the marker U+0000) is the marker followed by the JSON encoding's answer
//! ([`Encoding::answer`]).

use invoice_core::error::{INP_FLOAT, INP_INTERNAL, INP_TOO_LARGE, INP_TYPE, ill_formed_text};
use invoice_core::{Error, Path};
use serde_json::{Map, Value, json};

use crate::{MAX_DEPTH, Out, finding, js_number, type_name};

/// One note of the JS layer (see the module docs).
struct Note {
    arg: usize,
    /// The item of a list read item by item, or `None` for the whole argument.
    item: Option<usize>,
    kind: String,
    path: Path,
    a: Value,
    b: Value,
    top: Option<String>,
}

impl Note {
    fn read(v: &Value) -> Option<Note> {
        let f = v.as_array()?;
        let index = |i: usize| {
            f.get(i)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        let mut path = Path::root();
        for seg in f.get(3).and_then(Value::as_array).into_iter().flatten() {
            path = match seg {
                Value::String(k) => path.key(k.clone()),
                other => path.index(other.as_u64().and_then(|n| usize::try_from(n).ok())?),
            };
        }
        let text = |i: usize| f.get(i).and_then(Value::as_str).map(str::to_string);
        Some(Note {
            arg: index(0)?,
            item: index(1),
            kind: text(2)?,
            path,
            a: f.get(4).cloned().unwrap_or(Value::Null),
            b: f.get(5).cloned().unwrap_or(Value::Null),
            top: text(6),
        })
    }

    fn is_problem(&self) -> bool {
        self.kind != "top"
    }

    /// The coded error of a problem, at `at` (its own path unless a caller re-places it).
    fn error(&self, at: Path) -> Error {
        let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
        match self.kind.as_str() {
            "float" => Error::new(INP_FLOAT).with("value", text(&self.a)),
            "type" => Error::new(INP_TYPE)
                .with("expected", text(&self.a))
                .with("found", text(&self.b)),
            "deep" => Error::new(INP_TOO_LARGE)
                .with("size", format!("nesting deeper than {MAX_DEPTH}"))
                .with("limit", MAX_DEPTH),
            "text" => ill_formed_text(
                self.a
                    .as_u64()
                    .and_then(|u| u16::try_from(u).ok())
                    .unwrap_or(0xFFFD),
            ),
            "getter" => Error::new(INP_INTERNAL).with("reason", "a property getter threw"),
            other => Error::new(INP_INTERNAL).with("reason", format!("unknown note {other}")),
        }
        .at(at)
    }
}

/// The arguments of one call, as the JS layer wrote them.
pub struct Args {
    values: Vec<Value>,
    notes: Vec<Note>,
}

const SAFE: u64 = (1 << 53) - 1;

/// Every number as the JS double it was (see the module docs for the bits of the others).
fn as_doubles(v: &mut Value) {
    match v {
        Value::Number(n) => {
            let double = if let Some(u) = n.as_u64() {
                if u > SAFE {
                    f64::from_bits(u)
                } else {
                    // Safe integers are exact doubles.
                    #[allow(clippy::cast_precision_loss)]
                    let d = u as f64;
                    d
                }
            } else if let Some(i) = n.as_i64() {
                if i < -i64::try_from(SAFE).unwrap_or(i64::MAX) {
                    let bits = i.unsigned_abs().saturating_sub(SAFE + 2);
                    f64::from_bits(bits)
                } else {
                    #[allow(clippy::cast_precision_loss)]
                    let d = i as f64;
                    d
                }
            } else {
                n.as_f64().unwrap_or(f64::NAN)
            };
            *v = serde_json::Number::from_f64(double).map_or(Value::Null, Value::Number);
        }
        Value::Array(items) => items.iter_mut().for_each(as_doubles),
        Value::Object(map) => map.values_mut().for_each(as_doubles),
        _ => {}
    }
}

impl Args {
    /// The arguments of a call in the bare encoding: the one string `text` (see the module docs).
    pub fn bare(text: String) -> Args {
        Args {
            values: vec![Value::String(text)],
            notes: Vec::new(),
        }
    }

    /// Reads the argument text and the notes text (`None`: no notes).
    ///
    /// # Errors
    /// `INP-99` when the texts are not what the JS layer writes (a caller bypassing it).
    pub fn read(args: &str, notes: Option<&str>) -> Result<Args, Error> {
        let bad = || Error::new(INP_INTERNAL).with("reason", "arguments not written by surface.js");
        let mut values = match serde_json::from_str(args).map_err(|_| bad())? {
            Value::Array(items) => items,
            _ => return Err(bad()),
        };
        values.iter_mut().for_each(as_doubles);
        let notes = match notes {
            None => Vec::new(),
            Some(text) => match serde_json::from_str(text).map_err(|_| bad())? {
                Value::Array(list) => list.iter().map(Note::read).collect::<Option<_>>(),
                _ => None,
            }
            .ok_or_else(bad)?,
        };
        Ok(Args { values, notes })
    }

    fn problem(&self, arg: usize, item: Option<usize>) -> Option<&Note> {
        self.notes
            .iter()
            .find(|n| n.arg == arg && n.item == item && n.is_problem())
    }

    /// Argument `i` as JSON (`null` when absent), or its first problem as a coded error.
    ///
    /// # Errors
    /// The argument's first problem ([`INP-01`](INP_FLOAT), `INP-02`, `INP-06`, `INP-07`).
    pub fn value(&self, i: usize) -> Result<&Value, Error> {
        match self.problem(i, None) {
            Some(note) => Err(note.error(note.path.clone())),
            None => Ok(self.values.get(i).unwrap_or(&Value::Null)),
        }
    }

    /// [`Args::value`] taken out of the call (a data argument read once, whose problem is a
    /// finding): no copy of the invoice.
    pub fn take(&mut self, i: usize) -> Result<Value, Error> {
        self.value(i)?;
        Ok(self
            .values
            .get_mut(i)
            .map(std::mem::take)
            .unwrap_or_default())
    }

    /// Argument `i` taken out of the call, a list read item by item (the JS layer's `items`
    /// reading): each item's problem stays with that item, its path relative to the item.
    ///
    /// # Errors
    /// `INP-02` when the argument is not an array.
    pub fn take_items(&mut self, i: usize) -> Result<Vec<Result<Value, Error>>, Error> {
        let list = match self.take(i)? {
            Value::Array(list) => list,
            other => {
                return Err(Error::new(INP_TYPE)
                    .with("expected", "array")
                    .with("found", self.js_type(i).unwrap_or(type_name(&other))));
            }
        };
        Ok(list
            .into_iter()
            .enumerate()
            .map(|(j, item)| match self.problem(i, Some(j)) {
                Some(note) => Err(note.error(note.path.clone())),
                None => Ok(item),
            })
            .collect())
    }

    /// The JS type the layer noted for argument `i` (absent: `undefined`).
    fn js_type(&self, i: usize) -> Option<&str> {
        if i >= self.values.len() {
            return Some("undefined");
        }
        self.notes
            .iter()
            .find(|n| n.arg == i && n.item.is_none() && n.top.is_some())
            .and_then(|n| n.top.as_deref())
    }

    /// A problem of argument `i` itself that a plain reader reports as its own (a string's lone
    /// surrogate, a non-finite number), placed at `at`; one inside an object is not.
    fn own_problem(&self, i: usize, at: &Path, kinds: &[&str]) -> Option<Error> {
        let own = |n: &&Note| match n.kind.as_str() {
            "text" => n.top.as_deref() == Some("string"),
            "float" => n.top.as_deref() == Some("number"),
            _ => false,
        };
        self.problem(i, None)
            .filter(|n| n.path.is_root() && kinds.contains(&n.kind.as_str()))
            .filter(own)
            .map(|n| n.error(at.clone()))
    }

    fn found(&self, i: usize) -> &str {
        self.js_type(i)
            .unwrap_or_else(|| type_name(self.values.get(i).unwrap_or(&Value::Null)))
    }

    /// Argument `i` as a plain string (codes, names): anything else is `INP-02` naming the JS
    /// type found, a lone surrogate `INP-07`, both at `at`.
    ///
    /// # Errors
    /// `INP-02`, `INP-07`.
    pub fn text(&self, i: usize, at: &Path) -> Result<&str, Error> {
        if let Some(e) = self.own_problem(i, at, &["text"]) {
            return Err(e);
        }
        match (self.js_type(i), self.values.get(i)) {
            (None, Some(Value::String(s))) => Ok(s),
            _ => Err(wrong_type("string", self.found(i), at)),
        }
    }

    /// Argument `i` as a decimal string: a JS number is `INP-01` (floats are not money), another
    /// type `INP-02`, both at `at`.
    ///
    /// # Errors
    /// `INP-01`, `INP-02`, `INP-07`.
    pub fn decimal(&self, i: usize, at: &Path) -> Result<&str, Error> {
        if let Some(e) = self.own_problem(i, at, &["text", "float"]) {
            return Err(e);
        }
        match (self.js_type(i), self.values.get(i)) {
            (None, Some(Value::Number(n))) => Err(Error::new(INP_FLOAT)
                .with("value", js_number(n.as_f64().unwrap_or(f64::NAN)))
                .at(at.clone())),
            _ => self.text(i, at),
        }
    }

    /// Argument `i` as a whole number in `0..=max` (decimal places): `INP-02` otherwise.
    ///
    /// # Errors
    /// `INP-02`.
    pub fn small_uint(&self, i: usize, max: u32, at: &Path) -> Result<u32, Error> {
        let expected = format!("integer 0–{max}");
        if let Some(n) = self
            .problem(i, None)
            .filter(|n| n.kind == "float" && n.top.as_deref() == Some("number"))
        {
            let found = format!("number {}", n.a.as_str().unwrap_or_default());
            return Err(wrong_type(&expected, &found, at));
        }
        match (self.js_type(i), self.values.get(i).and_then(Value::as_f64)) {
            (None, Some(n)) => (0..=max)
                .find(|k| f64::from(*k) == n)
                .ok_or_else(|| wrong_type(&expected, &format!("number {}", js_number(n)), at)),
            _ => Err(wrong_type(&expected, self.found(i), at)),
        }
    }
}

fn wrong_type(expected: &str, found: &str, at: &Path) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", found)
        .at(at.clone())
}

/// A coded error as the JS layer's `InvoiceError` reads it: the finding's fields
/// ([`finding`]) and `display`, the core's one-line English form (`[MNY-02] …`).
pub fn error_json(e: &Error) -> Value {
    let mut v = finding(e);
    if let Value::Object(map) = &mut v {
        map.insert("display".into(), json!(e.to_string()));
    }
    v
}

/// The answer text of a call: the value's JSON, or `!` and the error's ([`error_json`]).
pub fn answer(out: Out) -> String {
    match out {
        // Writing a `Value` cannot fail (string keys, finite numbers).
        Ok(v) => serde_json::to_string(&v).unwrap_or_else(|_| "null".into()),
        Err(e) => format!("!{}", error_json(&e)),
    }
}

/// The first character of a bare answer that is not the answer string itself (module docs):
/// U+0000. A string answer that begins with it is written the long way, marker and JSON.
pub const BARE_MARK: char = '\0';

/// How the JS layer wrote a call's arguments: two encodings of the one route (module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// The argument list as a JSON array text, with optional notes.
    Json,
    /// The argument list is the one string the text is.
    Bare,
}

impl Encoding {
    /// The encoding of an argument text: JSON when it begins with `[` or has notes, else bare.
    pub fn of(args: &str, notes: Option<&str>) -> Encoding {
        if notes.is_some() || args.starts_with('[') {
            Encoding::Json
        } else {
            Encoding::Bare
        }
    }

    /// The answer text of a call in this encoding ([`answer`] for JSON; module docs for bare).
    pub fn answer(self, out: Out) -> String {
        match (self, out) {
            (Encoding::Bare, Ok(Value::String(s))) if !s.starts_with(BARE_MARK) => s,
            (Encoding::Bare, other) => {
                let mut text = String::from(BARE_MARK);
                text.push_str(&answer(other));
                text
            }
            (Encoding::Json, out) => answer(out),
        }
    }
}

/// One call whose arguments are always the JSON encoding (the file reader's options, written
/// after its bytes): the arguments read, the operation run, the answer written.
pub fn call_json(args: &str, notes: Option<&str>, op: impl FnOnce(&mut Args) -> Out) -> String {
    answer(Args::read(args, notes).and_then(|mut a| op(&mut a)))
}

/// One call: the arguments read ([`Args::read`], or [`Args::bare`] in the bare encoding), the
/// operation run, the answer written in the arguments' encoding.
#[inline(never)]
pub fn call(args: String, notes: Option<&str>, op: impl FnOnce(&mut Args) -> Out) -> String {
    let encoding = Encoding::of(&args, notes);
    let read = match encoding {
        Encoding::Bare => Ok(Args::bare(args)),
        Encoding::Json => Args::read(&args, notes),
    };
    encoding.answer(read.and_then(|mut a| op(&mut a)))
}

/// One catalogue entry as `{code, severity, en, zh}`.
pub fn rule_json(r: &invoice_core::Rule) -> Value {
    let mut m = Map::new();
    m.insert("code".into(), json!(r.code));
    m.insert("severity".into(), json!(r.severity.as_str()));
    m.insert("en".into(), json!(r.en));
    m.insert("zh".into(), json!(r.zh));
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The argument `a.value(0)` as the operation sees it, and the JS type a plain reader names.
    fn seen(a: &mut Args) -> Out {
        let text = a.text(0, &Path::root()).map(str::to_string);
        Ok(json!([a.value(0)?, a.value(1)?, text.ok()]))
    }

    #[test]
    fn the_encoding_is_told_by_the_first_character_and_the_notes() {
        assert_eq!(Encoding::of("[\"1.00\"]", None), Encoding::Json);
        assert_eq!(Encoding::of("[]", None), Encoding::Json);
        assert_eq!(Encoding::of("1.00", None), Encoding::Bare);
        assert_eq!(Encoding::of("", None), Encoding::Bare);
        assert_eq!(Encoding::of(" [1]", None), Encoding::Bare);
        assert_eq!(Encoding::of("[null]", Some("[]")), Encoding::Json);
        assert_eq!(Encoding::of("x", Some("[]")), Encoding::Json);
    }

    #[test]
    fn a_bare_string_is_the_same_argument_list_as_its_json_text() {
        for s in [
            "1234.50",
            "",
            "!x",
            "\"q\"",
            "null",
            "\0",
            "a]",
            "{\"a\":1}",
            "壹圆整",
        ] {
            let json = serde_json::to_string(&[s]).unwrap_or_default();
            let long = call(json, None, seen);
            let bare = call(s.to_string(), None, seen);
            // The bare answer of a non-string value is the marker and the JSON answer.
            assert_eq!(bare, format!("\0{long}"), "{s:?}");
        }
    }

    #[test]
    fn a_bare_answer_is_the_string_itself_unless_it_could_be_mistaken() {
        let bare = |out: Out| Encoding::Bare.answer(out);
        assert_eq!(bare(Ok(json!("壹圆整"))), "壹圆整");
        assert_eq!(bare(Ok(json!(""))), "");
        assert_eq!(bare(Ok(json!("!x"))), "!x");
        assert_eq!(bare(Ok(json!("\0x"))), "\0\"\\u0000x\"");
        assert_eq!(bare(Ok(Value::Null)), "\0null");
        assert_eq!(bare(Ok(json!({"a": "b"}))), "\0{\"a\":\"b\"}");
        let e = Error::new(INP_TYPE)
            .with("expected", "string")
            .with("found", "null");
        assert_eq!(bare(Err(e.clone())), format!("\0{}", answer(Err(e))));
    }

    #[test]
    fn notes_or_a_broken_text_never_read_as_bare() {
        let long = call("x".into(), Some("[]"), seen);
        assert!(long.starts_with("!{"), "{long}");
        assert!(long.contains("INP-99"), "{long}");
        let broken = call("[\"x\"".into(), None, seen);
        assert!(broken.contains("INP-99"), "{broken}");
    }
}
