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

use std::borrow::Cow;
use std::cell::OnceCell;

use invoice_core::error::{INP_FLOAT, INP_INTERNAL, INP_TOO_LARGE, INP_TYPE, ill_formed_text};
use invoice_core::model::{JsonDoc, JsonNode, Shape, Source, json_shape};
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

const SAFE: u64 = (1 << 53) - 1;

/// A JS number as the JS layer writes it (module docs): a safe integer as itself, any other
/// double as its IEEE-754 bits. `None` for a text the layer never writes (a fraction).
fn js_double(text: &str) -> Option<f64> {
    let n: i128 = text.parse().ok()?;
    let safe = i128::from(SAFE);
    if n > safe {
        return u64::try_from(n).ok().map(f64::from_bits);
    }
    if n < -safe {
        let bits = n.unsigned_abs().checked_sub(u128::from(SAFE) + 2)?;
        return u64::try_from(bits).ok().map(f64::from_bits);
    }
    // Safe integers are exact doubles.
    #[allow(clippy::cast_precision_loss)]
    let d = i64::try_from(n).ok()? as f64;
    Some(d)
}

/// One value of a call's arguments as the core's readers see it ([`Source`]): a value of the
/// call's JSON document, or of a `serde_json::Value` (the bare encoding's string, values built
/// by an operation). Every number is a JS double, a float (`Shape::Float` written as JS's
/// `String(n)`), so money given as a number is `INP-01` even when whole. One type for both, so
/// the readers exist once in each WebAssembly module.
#[derive(Clone, Copy, Debug)]
pub enum JsSource<'d> {
    /// A value of the call's document.
    Doc(JsonNode<'d, 'd>),
    /// A JSON value.
    Value(&'d Value),
}

impl JsSource<'_> {
    /// The JSON of this value, numbers as the JS doubles they are.
    pub fn to_value(&self) -> Value {
        match self {
            JsSource::Value(v) => (*v).clone(),
            JsSource::Doc(n) => doc_value(*n),
        }
    }
}

/// A document value as JSON (numbers as JS doubles; see [`js_double`]).
fn doc_value(n: JsonNode<'_, '_>) -> Value {
    tree_value(n, &|n| {
        n.number_text()
            .and_then(js_double)
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number)
    })
}

/// The notes' JSON (their numbers are the layer's own indices, integers as written).
fn notes_value(n: JsonNode<'_, '_>) -> Value {
    tree_value(n, &|n| match n.shape() {
        Shape::Int(i) => i64::try_from(i).map_or(Value::Null, Value::from),
        _ => Value::Null,
    })
}

/// A document value as JSON, each number as `number` reads it.
fn tree_value(n: JsonNode<'_, '_>, number: &dyn Fn(JsonNode<'_, '_>) -> Value) -> Value {
    match n.shape() {
        Shape::Int(_) | Shape::Float(_) => number(n),
        Shape::List => Value::Array(n.items().map(|x| tree_value(x, number)).collect()),
        Shape::Object => Value::Object(
            n.members()
                .map(|(k, v)| (k.to_string(), tree_value(v, number)))
                .collect(),
        ),
        other => leaf_value(other),
    }
}

fn leaf_value(shape: Shape<'_>) -> Value {
    match shape {
        Shape::Bool(b) => Value::Bool(b),
        Shape::Text(t) => Value::String(t.into_owned()),
        _ => Value::Null,
    }
}

/// A JS number's shape: a float written as JS writes it.
fn number_shape(d: Option<f64>) -> Shape<'static> {
    Shape::Float(Cow::Owned(js_number(d.unwrap_or(f64::NAN))))
}

impl Source for JsSource<'_> {
    fn shape(&self) -> Shape<'_> {
        match self {
            // The number asked first: any other value's shape is the document's, handed on
            // as it is (not matched and moved again: this is asked of every value read).
            JsSource::Doc(n) => match n.number_text() {
                Some(t) => number_shape(js_double(t)),
                None => n.shape(),
            },
            JsSource::Value(Value::Number(x)) => number_shape(x.as_f64()),
            JsSource::Value(v) => json_shape(v),
        }
    }

    fn member(&self, key: &str) -> Option<Self> {
        match self {
            JsSource::Doc(n) => n.member(key).map(JsSource::Doc),
            JsSource::Value(v) => v.as_object()?.get(key).map(JsSource::Value),
        }
    }

    fn keys(&self, f: &mut dyn FnMut(&str)) {
        match self {
            JsSource::Doc(n) => n.keys(f),
            JsSource::Value(v) => v.keys(f),
        }
    }

    fn entries(&self, f: &mut dyn FnMut(&str, Self)) -> Result<(), Box<Error>> {
        match self {
            JsSource::Doc(n) => n.entries(&mut |k, v| f(k, JsSource::Doc(v))),
            JsSource::Value(v) => v.entries(&mut |k, v| f(k, JsSource::Value(v))),
        }
    }

    fn len(&self) -> usize {
        match self {
            JsSource::Doc(n) => n.len(),
            JsSource::Value(v) => Source::len(v),
        }
    }

    fn item(&self, i: usize) -> Option<Self> {
        match self {
            JsSource::Doc(n) => n.item(i).map(JsSource::Doc),
            JsSource::Value(v) => v.item(i).map(JsSource::Value),
        }
    }
}

static NULL: Value = Value::Null;

/// The arguments of one call, as the JS layer wrote them: the argument text read once into a
/// borrowed document ([`JsonDoc`]), each argument handed to the core's readers as it is
/// ([`Args::source`]) or, for the operations over JSON values, as a `serde_json::Value` built
/// when first asked ([`Args::value`]).
pub struct Args<'t> {
    /// The argument list (`None` in the bare encoding).
    doc: Option<JsonDoc<'t>>,
    /// Each argument as JSON, once built (the bare encoding's string from the start).
    values: Vec<OnceCell<Value>>,
    notes: Vec<Note>,
}

impl<'t> Args<'t> {
    /// The arguments of a call in the bare encoding: the one string `text` (see the module docs).
    pub fn bare(text: String) -> Args<'static> {
        Args {
            doc: None,
            values: vec![OnceCell::from(Value::String(text))],
            notes: Vec::new(),
        }
    }

    /// Reads the argument text and the notes text (`None`: no notes).
    ///
    /// # Errors
    /// `INP-99` when the texts are not what the JS layer writes (a caller bypassing it).
    pub fn read(args: &'t str, notes: Option<&str>) -> Result<Args<'t>, Error> {
        let bad = || Error::new(INP_INTERNAL).with("reason", "arguments not written by surface.js");
        let doc = JsonDoc::parse(args).map_err(|_| bad())?;
        // The layer writes every number as an integer (a double's bits when not a safe one).
        if !doc.integers_only() || !matches!(doc.root().shape(), Shape::List) {
            return Err(bad());
        }
        let count = doc.root().len();
        let notes = match notes {
            None => Vec::new(),
            Some(text) => {
                let notes = JsonDoc::parse(text).map_err(|_| bad())?;
                match notes_value(notes.root()) {
                    Value::Array(list) => list.iter().map(Note::read).collect::<Option<_>>(),
                    _ => None,
                }
                .ok_or_else(bad)?
            }
        };
        Ok(Args {
            doc: Some(doc),
            values: (0..count).map(|_| OnceCell::new()).collect(),
            notes,
        })
    }

    /// The number of arguments.
    fn len(&self) -> usize {
        self.values.len()
    }

    /// Argument `i` of the document (none in the bare encoding).
    fn node(&self, i: usize) -> Option<JsonNode<'_, 't>> {
        self.doc.as_ref()?.root().item(i)
    }

    fn problem(&self, arg: usize, item: Option<usize>) -> Option<&Note> {
        self.notes
            .iter()
            .find(|n| n.arg == arg && n.item == item && n.is_problem())
    }

    /// The first problem of argument `i`: one the JS layer noted, or a lone surrogate met in the
    /// argument's text, at its path.
    fn first_problem(&self, i: usize) -> Option<Error> {
        if let Some(note) = self.problem(i, None) {
            return Some(note.error(note.path.clone()));
        }
        let doc = self.doc.as_ref()?;
        doc.first_problem(doc.root().item(i)?)
    }

    /// Argument `i` for the core's readers (`null` when absent), or its first problem as a
    /// coded error.
    ///
    /// # Errors
    /// The argument's first problem ([`INP-01`](INP_FLOAT), `INP-02`, `INP-06`, `INP-07`).
    pub fn source(&self, i: usize) -> Result<JsSource<'_>, Error> {
        if let Some(e) = self.first_problem(i) {
            return Err(e);
        }
        Ok(
            match (self.node(i), self.values.get(i).and_then(OnceCell::get)) {
                (Some(n), _) => JsSource::Doc(n),
                (None, Some(v)) => JsSource::Value(v),
                (None, None) => JsSource::Value(&NULL),
            },
        )
    }

    /// Argument `i` as JSON (`null` when absent), or its first problem as a coded error.
    ///
    /// # Errors
    /// The argument's first problem ([`INP-01`](INP_FLOAT), `INP-02`, `INP-06`, `INP-07`).
    pub fn value(&self, i: usize) -> Result<&Value, Error> {
        if let Some(e) = self.first_problem(i) {
            return Err(e);
        }
        Ok(match self.values.get(i) {
            Some(cell) => cell.get_or_init(|| self.node(i).map_or(Value::Null, doc_value)),
            None => &NULL,
        })
    }

    /// Argument `i`, a list read item by item (the JS layer's `items` reading): each item's
    /// problem stays with that item, its path relative to the item.
    ///
    /// # Errors
    /// `INP-02` when the argument is not an array.
    pub fn items(&self, i: usize) -> Result<Vec<Result<JsSource<'_>, Error>>, Error> {
        if let Some(note) = self.problem(i, None) {
            return Err(note.error(note.path.clone()));
        }
        let list = match self.node(i) {
            Some(n) if matches!(n.shape(), Shape::List) => n,
            _ => {
                return Err(Error::new(INP_TYPE)
                    .with("expected", "array")
                    .with("found", self.found(i)));
            }
        };
        let doc = self.doc.as_ref();
        Ok(list
            .items()
            .enumerate()
            .map(|(j, item)| match self.problem(i, Some(j)) {
                Some(note) => Err(note.error(note.path.clone())),
                None => match doc.and_then(|d| d.first_problem(item)) {
                    Some(e) => Err(e),
                    None => Ok(JsSource::Doc(item)),
                },
            })
            .collect())
    }

    /// [`Args::items`] as JSON values owned by the caller (work handed to another thread).
    ///
    /// # Errors
    /// `INP-02` when the argument is not an array.
    pub fn take_items(&self, i: usize) -> Result<Vec<Result<Value, Error>>, Error> {
        Ok(self
            .items(i)?
            .into_iter()
            .map(|item| item.map(|s| s.to_value()))
            .collect())
    }

    /// The JS type the layer noted for argument `i` (absent: `undefined`).
    fn js_type(&self, i: usize) -> Option<&str> {
        if i >= self.len() {
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
        let noted = self
            .problem(i, None)
            .filter(|n| n.path.is_root() && kinds.contains(&n.kind.as_str()))
            .filter(own)
            .map(|n| n.error(at.clone()));
        // A string argument holding a lone surrogate, as the text shows it.
        let refused = || match self.node(i)?.shape() {
            Shape::Refused(e) if kinds.contains(&"text") => Some(e.at(at.clone())),
            _ => None,
        };
        noted.or_else(refused)
    }

    /// The JS type name of argument `i` for `INP-02`.
    fn found(&self, i: usize) -> &str {
        if let Some(t) = self.js_type(i) {
            return t;
        }
        match (self.node(i), self.values.get(i).and_then(OnceCell::get)) {
            (Some(n), _) => match n.shape() {
                Shape::Null => "null",
                Shape::Bool(_) => "boolean",
                Shape::Int(_) | Shape::Float(_) => "number",
                Shape::Text(_) | Shape::Refused(_) => "string",
                Shape::List => "array",
                _ => "object",
            },
            (None, Some(v)) => type_name(v),
            (None, None) => "null",
        }
    }

    /// Argument `i` as a plain string, when it is one.
    fn string(&self, i: usize) -> Option<&str> {
        match (self.node(i), self.values.get(i).and_then(OnceCell::get)) {
            (Some(n), _) => n.as_str(),
            (None, Some(Value::String(s))) => Some(s),
            _ => None,
        }
    }

    /// Argument `i` as a JS number, when it is one.
    fn number(&self, i: usize) -> Option<f64> {
        self.node(i)?.number_text().and_then(js_double)
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
        match (self.js_type(i), self.string(i)) {
            (None, Some(s)) => Ok(s),
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
        match (self.js_type(i), self.number(i)) {
            (None, Some(n)) => Err(Error::new(INP_FLOAT)
                .with("value", js_number(n))
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
        match (self.js_type(i), self.number(i)) {
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
pub fn call_json(args: &str, notes: Option<&str>, op: impl FnOnce(&mut Args<'_>) -> Out) -> String {
    answer(Args::read(args, notes).and_then(|mut a| op(&mut a)))
}

/// One call: the arguments read ([`Args::read`], or [`Args::bare`] in the bare encoding), the
/// operation run, the answer written in the arguments' encoding.
#[inline(never)]
pub fn call(args: String, notes: Option<&str>, op: impl FnOnce(&mut Args<'_>) -> Out) -> String {
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
    fn a_lone_surrogate_in_the_text_is_the_first_problem_at_its_path() {
        // What JSON.stringify writes for plain data holding lone surrogates (surface.js leaves
        // them to Rust): each argument's, and each item's, first one in the text's order.
        let text = r#"["\ud800x", {"a": "ok", "b": ["y", "z\udc00"]}, [{"k\ud801": 1}, {"n": "\ud83d\ude00"}]]"#;
        let a = Args::read(text, None).unwrap();
        let code_path = |e: Error| {
            (
                e.code(),
                e.path().to_string(),
                e.param("unit").map(str::to_string),
            )
        };
        let at = Path::field("value");
        assert_eq!(
            code_path(a.text(0, &at).unwrap_err()),
            ("INP-07", "value".into(), Some("U+D800".into()))
        );
        assert_eq!(
            code_path(a.value(1).unwrap_err()),
            ("INP-07", "b[1]".into(), Some("U+DC00".into()))
        );
        assert!(a.source(1).is_err());
        let items = a.items(2).unwrap();
        assert_eq!(
            code_path(items[0].clone().unwrap_err()),
            ("INP-07", String::new(), Some("U+D801".into()))
        );
        let second = items[1].as_ref().map(JsSource::to_value).unwrap();
        assert_eq!(second, json!({"n": "😀"}));
        // A text the layer never writes: a number with a fraction.
        assert!(Args::read("[1.5]", None).is_err());
    }

    #[test]
    fn numbers_are_the_js_doubles_the_layer_wrote() {
        // 113, then 0.1 and 1e21 as their bits (module docs): every one a float to the readers.
        let bits = |d: f64| d.to_bits().to_string();
        let text = format!("[113, {}, {}, -5]", bits(0.1), bits(1e21));
        let a = Args::read(&text, None).unwrap();
        let shown: Vec<String> = (0..4)
            .map(|i| match a.source(i).unwrap().shape() {
                Shape::Float(t) => t.into_owned(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(shown, ["113", "0.1", "1e+21", "-5"]);
        assert_eq!(a.value(1).unwrap(), &json!(0.1));
        let e = a.decimal(2, &Path::root()).unwrap_err();
        assert_eq!((e.code(), e.param("value")), ("INP-01", Some("1e+21")));
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
