//! A JSON document read once and borrowed (借用式 JSON 文档): a [`Source`] over JSON text that
//! copies nothing it does not have to.
//!
//! [`JsonDoc::parse`] reads a JSON text into one flat list of values in the text's order (each
//! container followed by its whole subtree, so a value's children are found by stepping from
//! one to the next past each one's subtree): a string without escapes is a slice of the text, a
//! string with escapes is written once into the document's own text, a number is kept as its
//! text (read only when asked, so no float parser is needed), an object keeps its members as
//! key–value pairs in the text's order, a list also the index of each item (so item *i* is one
//! look-up). Building a `serde_json::Value` instead allocates every key and string and sorts
//! every object into a map; a reader that walks the document once (the model's) has no use for
//! either.
//!
//! Text that JSON can hold but Rust cannot, a `\ud800` escape that is no half of a pair (what
//! JavaScript's `JSON.stringify` writes for a lone surrogate), does not stop the reading: the
//! string is a [`Shape::Refused`] value (`INP-07` at its path), an object key holding one makes
//! its object's [`Source::entries`] fail with it (at the object's path), and
//! [`JsonDoc::first_problem`] names the first such problem met inside any value, in the order of
//! the text.
//!
//! ```
//! use invoice_core::model::{Invoice, JsonDoc, Source};
//!
//! let doc = JsonDoc::parse(r#"{"kind": "digital_ordinary", "number": "24312000000358032546",
//!     "issue_date": "2024-03-05", "seller": {"name": "甲"}, "buyer": {"name": "乙"},
//!     "lines": [{"name": "*服务*咨询", "amount": "100.00", "rate": "0.06", "tax": "6.00"}]}"#)?;
//! let inv = Invoice::from_source(doc.root())?;
//! assert_eq!(inv.lines.len(), 1);
//!
//! let bad = JsonDoc::parse(r#"{"a": [1, "x\ud800"]}"#)?;
//! let e = bad.first_problem(bad.root()).unwrap();
//! assert_eq!((e.code(), e.path().to_string()), ("INP-07", "a[1]".to_string()));
//! assert_eq!(JsonDoc::parse("[1,").unwrap_err().code(), "INP-03");
//! # Ok::<(), invoice_core::Error>(())
//! ```

use std::borrow::Cow;

use crate::Error;
use crate::error::Path;
use crate::error::{INP_JSON, INP_TOO_LARGE, ill_formed_text};

use super::source::{Shape, Source};

/// The deepest nesting a document may have (deeper text is `INP-06`), which also bounds the
/// reader's recursion.
pub const MAX_JSON_DEPTH: usize = 128;

/// A piece of text of the document: a slice of the JSON text, or `own[start..end]` (a string
/// that had escapes, written out once).
#[derive(Clone, Copy, Debug)]
enum Text<'a> {
    Borrowed(&'a str),
    Own(usize, usize),
}

/// One value of a document: what it is, and for a list where its items are.
#[derive(Clone, Copy, Debug)]
enum Value<'a> {
    Null,
    Bool(bool),
    /// A number as its text (valid JSON number syntax).
    Number(&'a str),
    Text(Text<'a>),
    /// A string holding the lone surrogate `u16` (its first).
    Refused(u16),
    /// Items `items[start..start + len]` (their indices in the document).
    List {
        start: usize,
        len: usize,
    },
    /// `bad_key`: the first lone surrogate of a key.
    Object {
        bad_key: Option<u16>,
    },
}

/// A value and, for an object member, its key; `end` is the index after its whole subtree (its
/// next sibling's, for a member or an item).
#[derive(Clone, Copy, Debug)]
struct Entry<'a> {
    key: Text<'a>,
    value: Value<'a>,
    end: usize,
}

/// A JSON text read once: its values in the text's order (see the module docs).
#[derive(Clone, Debug)]
pub struct JsonDoc<'a> {
    entries: Vec<Entry<'a>>,
    /// The items of every list, each list's contiguous.
    items: Vec<usize>,
    /// The text of the strings and keys that had escapes.
    own: String,
    /// Every lone surrogate met, in the order of the text: the value (a string, or the object
    /// whose key held it) and the code unit.
    problems: Vec<(usize, u16)>,
    /// Whether every number is written as an integer (no fraction, no exponent).
    integers_only: bool,
}

/// A handle on one value of a [`JsonDoc`]: the [`Source`] the model and the option readers walk.
#[derive(Clone, Copy, Debug)]
pub struct JsonNode<'d, 'a> {
    doc: &'d JsonDoc<'a>,
    index: usize,
}

/// Why a text is not read: not JSON (what, at which byte), or nested too deep.
enum Stop {
    Json(&'static str, usize),
    Deep,
}

impl<'a> JsonDoc<'a> {
    /// Reads `text`, which must be one JSON value with nothing but whitespace around it.
    ///
    /// # Errors
    /// `INP-03` for text that is not JSON (naming the byte offset), `INP-06` for nesting deeper
    /// than [`MAX_JSON_DEPTH`].
    pub fn parse(text: &'a str) -> Result<JsonDoc<'a>, Error> {
        let mut p = Parser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            doc: JsonDoc {
                // About one value per eight bytes of a typical invoice text.
                entries: Vec::with_capacity(text.len() / 8 + 1),
                // Items are rarer: sized so a JS call's argument list and an invoice's lines
                // fit at once (grown twice from empty before).
                items: Vec::with_capacity(text.len() / 64),
                own: String::new(),
                problems: Vec::new(),
                integers_only: true,
            },
        };
        let root = p.push(Text::Borrowed(""), Value::Null);
        let read = p.value(0, root).and_then(|()| {
            p.space();
            match p.at < p.bytes.len() {
                true => Err(p.fail("text after the JSON value")),
                false => Ok(()),
            }
        });
        match read {
            Ok(()) => Ok(p.doc),
            Err(Stop::Json(what, at)) => {
                Err(Error::new(INP_JSON).with("reason", format!("{what} at byte {at}")))
            }
            Err(Stop::Deep) => Err(Error::new(INP_TOO_LARGE)
                .with("size", format!("nesting deeper than {MAX_JSON_DEPTH}"))
                .with("limit", MAX_JSON_DEPTH)),
        }
    }

    /// The document's value (the whole text).
    pub fn root(&self) -> JsonNode<'_, 'a> {
        JsonNode {
            doc: self,
            index: 0,
        }
    }

    /// Whether every number of the text is written as an integer (no fraction, no exponent):
    /// a writer that encodes its numbers so (the JavaScript layer) can tell its own text.
    pub fn integers_only(&self) -> bool {
        self.integers_only
    }

    /// The first lone surrogate met inside `node` (itself included), in the order of the text,
    /// as `INP-07` at its path below `node`: a string's at the string, a key's at the object
    /// holding it. `None` when `node` holds none.
    pub fn first_problem(&self, node: JsonNode<'_, 'a>) -> Option<Error> {
        if self.problems.is_empty() {
            return None;
        }
        let end = self.entries.get(node.index)?.end;
        let &(at, unit) = self
            .problems
            .iter()
            .find(|(i, _)| (node.index..end).contains(i))?;
        Some(ill_formed_text(unit).at(self.path_between(node.index, at)))
    }

    /// The text of `t`.
    fn text(&self, t: Text<'a>) -> &str {
        match t {
            Text::Borrowed(s) => s,
            Text::Own(start, end) => self.own.get(start..end).unwrap_or_default(),
        }
    }

    /// The children of the container `index`, in the text's order (none for anything else):
    /// the first follows it, each next one follows the previous one's subtree.
    fn children(&self, index: usize, container: fn(&Value<'a>) -> bool) -> Children<'_, 'a> {
        let (next, end) = match self.entries.get(index) {
            Some(e) if container(&e.value) => (index + 1, e.end),
            _ => (0, 0),
        };
        Children {
            doc: self,
            next,
            end,
        }
    }

    /// The path from the value `from` down to the value `to` (inside it).
    fn path_between(&self, from: usize, to: usize) -> Path {
        let mut path = Path::root();
        let mut here = from;
        while here != to {
            let object = matches!(
                self.entries.get(here).map(|e| e.value),
                Some(Value::Object { .. })
            );
            let next = self
                .children(here, |_| true)
                .enumerate()
                .find(|(_, (k, e))| (*k..e.end).contains(&to));
            let Some((i, (k, e))) = next else { break };
            path = match object {
                true => path.key(self.text(e.key).to_string()),
                false => path.index(i),
            };
            here = k;
        }
        path
    }
}

/// The children of a container: each one's index and entry.
struct Children<'d, 'a> {
    doc: &'d JsonDoc<'a>,
    next: usize,
    end: usize,
}

impl<'d, 'a> Iterator for Children<'d, 'a> {
    type Item = (usize, &'d Entry<'a>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        let e = self.doc.entries.get(i)?;
        // A subtree ends after its own index, so the walk always moves on.
        self.next = e.end.max(i + 1);
        Some((i, e))
    }
}

impl<'d, 'a> JsonNode<'d, 'a> {
    #[inline]
    fn value(&self) -> Option<Value<'a>> {
        self.doc.entries.get(self.index).map(|e| e.value)
    }

    /// The number's text, for a number (as written in the JSON text).
    pub fn number_text(&self) -> Option<&'d str> {
        match self.value() {
            Some(Value::Number(t)) => Some(t),
            _ => None,
        }
    }

    /// The text of a string (`None` for anything else, a refused string included).
    pub fn as_str(&self) -> Option<&'d str> {
        match self.value() {
            Some(Value::Text(t)) => Some(self.doc.text(t)),
            _ => None,
        }
    }

    /// The members of an object with their keys, in the text's order (none for anything else;
    /// a key holding a lone surrogate is there as its text with U+FFFD).
    pub fn members(&self) -> impl Iterator<Item = (&'d str, JsonNode<'d, 'a>)> + use<'d, 'a> {
        let doc: &'d JsonDoc<'a> = self.doc;
        let children = doc.children(self.index, |v| matches!(v, Value::Object { .. }));
        children.map(move |(k, e)| (doc.text(e.key), JsonNode { doc, index: k }))
    }

    /// The items of a list (none for anything else).
    pub fn items(&self) -> impl Iterator<Item = JsonNode<'d, 'a>> + use<'d, 'a> {
        let doc: &'d JsonDoc<'a> = self.doc;
        let children = doc.children(self.index, |v| matches!(v, Value::List { .. }));
        children.map(move |(k, _)| JsonNode { doc, index: k })
    }
}

/// What a number's text is: an exact integer when it is one (`-12`), else a float (`1.5`, `1e3`).
fn number_shape(text: &str) -> Shape<'_> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = text.parse::<i128>()
    {
        return Shape::Int(n);
    }
    Shape::Float(Cow::Borrowed(text))
}

impl Source for JsonNode<'_, '_> {
    #[inline]
    fn shape(&self) -> Shape<'_> {
        match self.value() {
            None | Some(Value::Null) => Shape::Null,
            Some(Value::Bool(b)) => Shape::Bool(b),
            Some(Value::Number(t)) => number_shape(t),
            Some(Value::Text(t)) => Shape::Text(Cow::Borrowed(self.doc.text(t))),
            Some(Value::Refused(unit)) => Shape::Refused(Box::new(ill_formed_text(unit))),
            Some(Value::List { .. }) => Shape::List,
            Some(Value::Object { .. }) => Shape::Object,
        }
    }

    /// The member under `key`; of a key written twice, the last (as serde_json and
    /// JavaScript's `JSON.parse` read it, and as the model's reader of [`Source::entries`]
    /// keeps it).
    fn member(&self, key: &str) -> Option<Self> {
        self.members()
            .filter(|(k, _)| *k == key)
            .last()
            .map(|(_, v)| v)
    }

    fn keys(&self, f: &mut dyn FnMut(&str)) {
        self.members().for_each(|(k, _)| f(k));
    }

    fn entries(&self, f: &mut dyn FnMut(&str, Self)) -> Result<(), Box<Error>> {
        self.members().for_each(|(k, v)| f(k, v));
        match self.value() {
            Some(Value::Object {
                bad_key: Some(unit),
            }) => Err(Box::new(ill_formed_text(unit))),
            _ => Ok(()),
        }
    }

    fn len(&self) -> usize {
        match self.value() {
            Some(Value::List { len, .. }) => len,
            _ => 0,
        }
    }

    fn item(&self, i: usize) -> Option<Self> {
        match self.value() {
            Some(Value::List { start, len }) if i < len => {
                let index = *self.doc.items.get(start + i)?;
                Some(JsonNode {
                    doc: self.doc,
                    index,
                })
            }
            _ => None,
        }
    }
}

/// Eight bytes with `b` in each.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte of `x` that is below `n` (`n` ≤ 0x80), as a mask. Only the lowest
/// marked byte is sure: a borrow out of a byte below `n` can mark the byte above it too, which
/// never matters here, since the scan stops at the lowest (a byte below `n` is always marked).
#[inline(always)]
const fn below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(splat(n)) & !x & splat(0x80)
}

/// The reader of one text (recursive descent over its bytes).
struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    doc: JsonDoc<'a>,
}

impl<'a> Parser<'a> {
    fn fail(&self, what: &'static str) -> Stop {
        Stop::Json(what, self.at)
    }

    // The small steps of the reader are inlined by hand: the WebAssembly build is optimised for
    // size (`opt-level = "z"`), which otherwise leaves them calls, made for every byte.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    #[inline(always)]
    fn push(&mut self, key: Text<'a>, value: Value<'a>) -> usize {
        let i = self.doc.entries.len();
        self.doc.entries.push(Entry {
            key,
            value,
            end: i + 1,
        });
        i
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, Stop> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.fail("an unknown word"))
        }
    }

    /// One value, into the entry `me`, pushed already with its key (a member's, or empty).
    ///
    /// Pushed first, written after: a key or a value handed on to be pushed went through
    /// copies on the stack, each read back at once in wider pieces than it had just been
    /// written, a stall the processor cannot avoid (perf: half of the parser's time). Written
    /// into its place, each part is stored once.
    fn value(&mut self, depth: usize, me: usize) -> Result<(), Stop> {
        self.space();
        let value = match self.peek() {
            Some(b'"') => {
                let (text, lone) = self.string()?;
                match lone {
                    Some(unit) => {
                        self.doc.problems.push((me, unit));
                        Value::Refused(unit)
                    }
                    None => Value::Text(text),
                }
            }
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b'{') => return self.object(depth, me),
            Some(b'[') => return self.list(depth, me),
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(_) => return Err(self.fail("an unexpected character")),
            None => return Err(self.fail("the end of the text")),
        };
        if let Some(e) = self.doc.entries.get_mut(me) {
            e.value = value;
        }
        Ok(())
    }

    #[inline(always)]
    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// A number's text, checked against JSON's grammar.
    fn number(&mut self) -> Result<&'a str, Stop> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.fail("a number without digits")),
        }
        if self.peek() == Some(b'.') {
            self.doc.integers_only = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.fail("a number without digits after the point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.doc.integers_only = false;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.fail("a number without exponent digits"));
            }
        }
        self.text
            .get(start..self.at)
            .ok_or_else(|| self.fail("a broken number"))
    }

    fn hex4(&mut self) -> Result<u16, Stop> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .and_then(|b| std::str::from_utf8(b).ok())
            .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|s| u16::from_str_radix(s, 16).ok())
            .ok_or_else(|| self.fail("a broken \\u escape"))?;
        self.at += 4;
        Ok(digits)
    }

    /// Moves past the characters of a string that stand for themselves (not `"`, `\\` or a
    /// control character): most strings' whole text. Eight bytes are looked at together (one
    /// `u64`, each of the three tests on all eight at once), which takes a third of the
    /// instructions of a byte-by-byte loop on invoice text (CJK, three bytes a character).
    #[inline(always)]
    fn plain_run(&mut self) {
        while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
            let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
                break;
            };
            let x = u64::from_le_bytes(chunk);
            let stop = below(x ^ splat(b'"'), 1) | below(x ^ splat(b'\\'), 1) | below(x, 0x20);
            if stop != 0 {
                // The lowest marked byte is the first stop (little-endian: the lowest bits).
                self.at += (stop.trailing_zeros() / 8) as usize;
                return;
            }
            self.at += 8;
        }
        while let Some(&b) = self.bytes.get(self.at) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.at += 1;
        }
    }

    /// A string (the opening quote next): its text, borrowed unless it has escapes, and its
    /// first lone surrogate (the text then holds U+FFFD in its place).
    #[inline(always)]
    fn string(&mut self) -> Result<(Text<'a>, Option<u16>), Stop> {
        self.at += 1;
        let start = self.at;
        self.plain_run();
        if self.peek() == Some(b'"') {
            let text = self.text.get(start..self.at).unwrap_or_default();
            self.at += 1;
            return Ok((Text::Borrowed(text), None));
        }
        self.escaped(start)
    }

    /// The rest of a string that has escapes (or is broken), from `start`, its first byte: the
    /// text is written into the document's own.
    #[inline(never)]
    fn escaped(&mut self, start: usize) -> Result<(Text<'a>, Option<u16>), Stop> {
        match self.peek() {
            Some(b'\\') => {}
            Some(_) => return Err(self.fail("a control character in a string")),
            None => return Err(self.fail("an unclosed string")),
        }
        let mut out = std::mem::take(&mut self.doc.own);
        let from = out.len();
        out.push_str(self.text.get(start..self.at).unwrap_or_default());
        let read = self.escapes(&mut out);
        let to = out.len();
        self.doc.own = out;
        read.map(|lone| (Text::Own(from, to), lone))
    }

    /// The escapes and plain runs of a string up to its closing quote, written to `out`: its
    /// first lone surrogate.
    fn escapes(&mut self, out: &mut String) -> Result<Option<u16>, Stop> {
        let mut lone = None;
        loop {
            let run = self.at;
            self.plain_run();
            out.push_str(self.text.get(run..self.at).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(lone);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.peek().ok_or_else(|| self.fail("an unclosed string"))?;
                    self.at += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let unit = self.hex4()?;
                            match self.unit(unit)? {
                                Ok(c) => out.push(c),
                                Err(unit) => {
                                    lone.get_or_insert(unit);
                                    out.push(char::REPLACEMENT_CHARACTER);
                                }
                            }
                        }
                        _ => return Err(self.fail("an unknown escape")),
                    }
                }
                Some(_) => return Err(self.fail("a control character in a string")),
                None => return Err(self.fail("an unclosed string")),
            }
        }
    }

    /// The character of the `\u` escape `unit` (a high surrogate takes the low half that
    /// follows it), or the lone surrogate.
    fn unit(&mut self, unit: u16) -> Result<Result<char, u16>, Stop> {
        if (0xD800..=0xDBFF).contains(&unit) {
            if self.bytes.get(self.at..self.at + 2) == Some(b"\\u") {
                let back = self.at;
                self.at += 2;
                let low = self.hex4()?;
                if (0xDC00..=0xDFFF).contains(&low) {
                    let c =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    return Ok(char::from_u32(c).ok_or(unit));
                }
                self.at = back;
            }
            return Ok(Err(unit));
        }
        Ok(char::from_u32(u32::from(unit)).ok_or(unit))
    }

    fn enter(&mut self, depth: usize) -> Result<(), Stop> {
        if depth >= MAX_JSON_DEPTH {
            return Err(Stop::Deep);
        }
        self.at += 1;
        Ok(())
    }

    /// After an item of a list or a member of an object: a `,` (more follow: `false`) or the
    /// container's `close` (`true`), each stepped over; anything else is `what`.
    #[inline(always)]
    fn closed(&mut self, close: u8, what: &'static str) -> Result<bool, Stop> {
        self.space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.fail(what)),
        }
    }

    /// Marks the container `me` as ending here, with `value`.
    fn close(&mut self, me: usize, value: Value<'a>) {
        let end = self.doc.entries.len();
        if let Some(e) = self.doc.entries.get_mut(me) {
            e.end = end;
            e.value = value;
        }
    }

    fn list(&mut self, depth: usize, me: usize) -> Result<(), Stop> {
        self.enter(depth)?;
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                let item = self.push(Text::Borrowed(""), Value::Null);
                self.value(depth + 1, item)?;
                if self.closed(b']', "a list without `,` or `]`")? {
                    break;
                }
            }
        }
        self.close(me, Value::List { start: 0, len: 0 });
        // The items' indices, found by the walk over the list's subtree.
        let start = self.doc.items.len();
        let mut items = std::mem::take(&mut self.doc.items);
        items.extend(self.doc.children(me, |_| true).map(|(k, _)| k));
        let len = items.len() - start;
        self.doc.items = items;
        self.close(me, Value::List { start, len });
        Ok(())
    }

    fn object(&mut self, depth: usize, me: usize) -> Result<(), Stop> {
        self.enter(depth)?;
        let mut bad_key = None;
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
        } else {
            loop {
                self.space();
                if self.peek() != Some(b'"') {
                    return Err(self.fail("an object key that is not a string"));
                }
                let (key, lone) = self.string()?;
                if let Some(unit) = lone {
                    // Reported at the object, when it is the first problem met.
                    bad_key.get_or_insert(unit);
                    self.doc.problems.push((me, unit));
                }
                self.space();
                if self.peek() != Some(b':') {
                    return Err(self.fail("an object key without `:`"));
                }
                self.at += 1;
                let member = self.push(key, Value::Null);
                self.value(depth + 1, member)?;
                if self.closed(b'}', "an object without `,` or `}`")? {
                    break;
                }
            }
        }
        self.close(me, Value::Object { bad_key });
        Ok(())
    }
}

/// The path segments of `path` (for tests and callers that compare paths).
#[cfg(test)]
fn segments(path: &Path) -> Vec<String> {
    use crate::error::Segment;
    path.segments()
        .iter()
        .map(|s| match s {
            Segment::Key(k) => k.to_string(),
            Segment::Index(i) => i.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Invoice;
    use serde_json::json;

    /// The document as a `serde_json::Value`, to compare with serde_json's own reading.
    fn to_value(n: JsonNode<'_, '_>) -> serde_json::Value {
        match n.shape() {
            Shape::Null => json!(null),
            Shape::Bool(b) => json!(b),
            Shape::Int(_) | Shape::Float(_) => {
                serde_json::from_str(n.number_text().unwrap_or("null")).unwrap_or_default()
            }
            Shape::Text(t) => json!(t),
            Shape::List => serde_json::Value::Array(n.items().map(to_value).collect()),
            Shape::Object => serde_json::Value::Object(
                n.members()
                    .map(|(k, v)| (k.to_string(), to_value(v)))
                    .collect(),
            ),
            other => json!(other.type_name()),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let texts = [
            r#"{"a": [1, -2, 3.5, 1e21, -0, 0.1e-7], "b": {"c": null, "d": true, "e": false}}"#,
            r#" [ "x\"y\\z\/\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "中文", "" ] "#,
            r#"{"k\u0041y": {"nested": [[[]], {}]}, "": 0}"#,
            "123",
            "\"plain\"",
        ];
        for text in texts {
            let doc = JsonDoc::parse(text).unwrap();
            let want: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(to_value(doc.root()), want, "{text}");
            assert!(doc.first_problem(doc.root()).is_none());
        }
    }

    #[test]
    fn strings_read_eight_bytes_at_a_time_stop_where_byte_by_byte_would() {
        // Every escape, control character and multi-byte character at every place of strings
        // around the eight-byte steps, against serde_json.
        for len in 0..20 {
            for at in 0..=len {
                for special in [
                    "\\\"", "\\\\", "\\n", "\\u4e2d", "中", "\u{1}", "\u{1f}", "\u{7f}", " ", "~",
                ] {
                    let mut body = "a".repeat(len);
                    body.insert_str(at, special);
                    let text = format!("[\"{body}\", \"x\"]");
                    let want = serde_json::from_str::<serde_json::Value>(&text);
                    match (JsonDoc::parse(&text), want) {
                        (Ok(doc), Ok(want)) => assert_eq!(to_value(doc.root()), want, "{text:?}"),
                        (Err(e), Err(_)) => assert_eq!(e.code(), "INP-03", "{text:?}"),
                        (got, want) => panic!("{text:?}: {:?} against {want:?}", got.map(|_| ())),
                    }
                }
            }
        }
    }

    #[test]
    fn refuses_what_is_not_json_with_inp_03() {
        for text in [
            "",
            "[1,",
            "[1,]",
            "{\"a\" 1}",
            "{a: 1}",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"\\x\"",
            "\"\\u12\"",
            "\"a\nb\"",
            "[1] 2",
            "{\"a\":1,}",
            "\"open",
        ] {
            let e = JsonDoc::parse(text).unwrap_err();
            assert_eq!(e.code(), "INP-03", "{text:?}");
        }
        let deep = "[".repeat(MAX_JSON_DEPTH + 1);
        assert_eq!(JsonDoc::parse(&deep).unwrap_err().code(), "INP-06");
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(JsonDoc::parse(&fine).is_ok());
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let text = r#"{"name": "上海七牛", "esc": "a\nb"}"#;
        let doc = JsonDoc::parse(text).unwrap();
        let root = doc.root();
        let name = root.member("name").unwrap();
        assert!(matches!(
            name.shape(),
            Shape::Text(Cow::Borrowed("上海七牛"))
        ));
        assert_eq!(root.member("esc").unwrap().as_str(), Some("a\nb"));
        assert!(root.member("none").is_none());
    }

    #[test]
    fn a_value_that_is_not_a_container_has_no_members_or_items() {
        let doc = JsonDoc::parse(r#"["x", 1, {"a": [2]}, [3], null]"#).unwrap();
        let root = doc.root();
        for i in 0..5 {
            let n = root.item(i).unwrap();
            let object = matches!(n.shape(), Shape::Object);
            let list = matches!(n.shape(), Shape::List);
            assert_eq!(n.members().count(), usize::from(object), "{i}");
            assert_eq!(n.items().count(), usize::from(list), "{i}");
            assert_eq!(n.member("a").is_some(), object, "{i}");
            assert_eq!(n.item(0).is_some(), list, "{i}");
            assert!(n.item(1).is_none());
        }
        assert_eq!(root.members().count(), 0);
        assert!(root.member("a").is_none());
        assert!(root.item(5).is_none());
    }

    #[test]
    fn of_a_key_written_twice_the_last_is_the_member() {
        let text = r#"{"type": "construction", "site": "x", "type": "上海", "n": [1]}"#;
        let doc = JsonDoc::parse(text).unwrap();
        let want: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            doc.root().member("type").and_then(|n| n.as_str()),
            Some("上海")
        );
        assert_eq!(
            doc.root().member("type").map(to_value).as_ref(),
            want.get("type")
        );
        assert_eq!(doc.root().members().count(), 4);
    }

    #[test]
    fn numbers_keep_their_text() {
        let doc = JsonDoc::parse("[12, -3, 1.50, 1e2, 99999999999999999999999]").unwrap();
        let shapes: Vec<String> = doc
            .root()
            .items()
            .map(|n| format!("{:?}", n.shape()))
            .collect();
        assert_eq!(
            shapes,
            [
                "Int(12)",
                "Int(-3)",
                "Float(\"1.50\")",
                "Float(\"1e2\")",
                "Int(99999999999999999999999)"
            ]
        );
    }

    #[test]
    fn the_first_lone_surrogate_is_found_at_its_path_in_text_order() {
        let doc =
            JsonDoc::parse(r#"[{"a": "ok", "b": ["x", "\udc00y\ud800"]}, {"k\ud801": "\ud802"}]"#)
                .unwrap();
        let root = doc.root();
        let e = doc.first_problem(root).unwrap();
        assert_eq!(e.code(), "INP-07");
        assert_eq!(segments(e.path()), ["0", "b", "1"]);
        assert_eq!(e.param("unit").unwrap_or_default(), "U+DC00");
        // A key's lone surrogate is its object's problem, met before the member's value.
        let second = root.item(1).unwrap();
        let e = doc.first_problem(second).unwrap();
        assert!(e.path().is_root());
        assert_eq!(e.param("unit").unwrap_or_default(), "U+D801");
        assert!(second.entries(&mut |_, _| ()).is_err());
        // The string itself is refused with the same error.
        let b1 = root
            .item(0)
            .and_then(|o| o.member("b"))
            .and_then(|b| b.item(1));
        assert!(b1.is_some_and(|n| matches!(n.shape(), Shape::Refused(_))));
        assert!(
            doc.first_problem(root.item(0).unwrap().member("a").unwrap())
                .is_none()
        );
        // A pair written as two escapes is one character.
        let ok = JsonDoc::parse(r#""\ud83d\ude00""#).unwrap();
        assert_eq!(ok.root().as_str(), Some("😀"));
        let high_then_other = JsonDoc::parse(r#""\ud83d\u0041""#).unwrap();
        let e = high_then_other
            .first_problem(high_then_other.root())
            .unwrap();
        assert_eq!(e.param("unit").unwrap_or_default(), "U+D83D");
    }

    #[test]
    fn the_model_reads_a_document_as_it_reads_a_value() {
        let text = r#"{"kind": "digital_ordinary", "number": "24312000000358032546",
            "issue_date": "2024-03-05", "seller": {"name": "甲", "tax_id": "91310000580583950X"},
            "buyer": {"name": "乙"}, "lines": [{"name": "*服务*咨询", "amount": 100,
            "rate": "0.06", "tax": "6.00"}, {"name": " x ", "amount": "1.5", "rate": "6%"}]}"#;
        let doc = JsonDoc::parse(text).unwrap();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let a = Invoice::from_source_all(doc.root()).map_err(|es| {
            es.iter()
                .map(|e| (e.code(), e.path().to_string()))
                .collect::<Vec<_>>()
        });
        let b = Invoice::from_source_all(&value).map_err(|es| {
            es.iter()
                .map(|e| (e.code(), e.path().to_string()))
                .collect::<Vec<_>>()
        });
        assert_eq!(a, b);
    }
}
