//! Reading the model from a [`Source`] with a path for every problem.
//!
//! serde's derive stops at the first problem and loses the rule code; this reader walks a
//! [`Source`] (a JSON value, a host object, a table row), normalises as it goes, and collects every
//! problem as a coded [`Error`] at its path (`lines[1].amount`), so a form can show them all at
//! once.

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;

use crate::error::{Error, Path, Rule};
use crate::error::{INP_FLOAT, INP_MISSING, INP_TYPE, INP_UNKNOWN_OPTION};
use crate::money::shorten;

use super::source::{Shape, Source};
use super::{MDL_DATE, MDL_TIME, MDL_UNKNOWN_FIELD};

/// The most fields one object of the model has (a compile-time check in each reader keeps
/// its field list within it).
pub(crate) const MAX_FIELDS: usize = 24;

/// Where a value is: built on the stack as the reader goes down (a key, an index) and written
/// out as a [`Path`] only for a finding, so reading valid input allocates no path at all.
#[derive(Clone, Copy, Debug)]
pub(crate) enum At<'a> {
    /// The input as a whole.
    Root,
    /// A member of the object at the first place.
    Key(&'a At<'a>, &'static str),
    /// An item of the list at the first place.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    /// The member `key` of the object here.
    pub(crate) fn key(&'a self, key: &'static str) -> At<'a> {
        At::Key(self, key)
    }

    /// Item `i` of the list here.
    pub(crate) fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }

    /// This place as a path (for a finding).
    pub(crate) fn path(&self) -> Path {
        match self {
            At::Root => Path::root(),
            At::Key(up, key) => up.path().key(*key),
            At::Index(up, i) => up.path().index(*i),
        }
    }
}

/// The most items a list's vector is sized for before they are read (more grow it as usual).
const MAX_RESERVED_ITEMS: usize = 1024;

/// An object's field list: the names the model writes, in its order, and how a member's key
/// finds its place among them. Made by [`fields!`].
pub(crate) struct FieldList {
    pub(crate) names: &'static [&'static str],
    /// The place of a key in `names`: a `match` over the names, which the compiler turns into
    /// a test of the length and a compare of a few words, so members in any order cost the same
    /// (a search, even one starting where the last member was found, compared names one by one).
    index: fn(&str) -> Option<usize>,
}

impl FieldList {
    /// The list of `names`, `index` giving each one's place (see [`fields!`]).
    pub(crate) const fn new(
        names: &'static [&'static str],
        index: fn(&str) -> Option<usize>,
    ) -> Self {
        FieldList { names, index }
    }

    /// The place of `key` in the list.
    pub(crate) fn index(&self, key: &str) -> Option<usize> {
        (self.index)(key)
    }

    /// [`FieldList::index`], trying `expected` first. An object's members mostly come in the
    /// order of its field list (the model writes them so, and people copy that): the one compare
    /// is right, and a processor predicts it, where the `match` branches on every key's length.
    #[inline]
    pub(crate) fn index_from(&self, key: &str, expected: usize) -> Option<usize> {
        if self.names.get(expected).is_some_and(|n| *n == key) {
            return Some(expected);
        }
        self.index(key)
    }
}

/// Declares `static $name: FieldList` of the given field names; a list longer than
/// [`MAX_FIELDS`] or naming a field twice stops the build.
macro_rules! fields {
    ($vis:vis static $list:ident = [$($name:literal),+ $(,)?];) => {
        $vis static $list: $crate::model::read::FieldList = {
            const NAMES: &[&str] = &[$($name),+];
            const _: () = assert!(NAMES.len() <= $crate::model::read::MAX_FIELDS);
            $crate::model::read::FieldList::new(NAMES, |key| match key {
                $($name => Some(const { $crate::model::read::place(NAMES, $name) }),)+
                _ => None,
            })
        };
    };
}
pub(crate) use fields;

/// The place of `name` in `names`, at compile time; a name the list lacks stops the build.
pub(crate) const fn place(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        if const_eq(names[i], name) {
            return i;
        }
        i += 1;
    }
    panic!("the field is not in the object's field list");
}

/// An object's members by field name, taken in one pass over the object.
pub(crate) struct Fields<S> {
    list: &'static FieldList,
    slots: [Option<S>; MAX_FIELDS],
}

impl<S> Fields<S> {
    /// The member under `key`, when present (any value, null included).
    pub(crate) fn member(&self, key: Key) -> Option<&S> {
        let same = std::ptr::eq(self.list, key.fields);
        debug_assert!(same, "`{}` is a key of another field list", key.name);
        let i = if same {
            key.index
        } else {
            self.list.index(key.name)?
        };
        self.slots.get(i)?.as_ref()
    }
}

/// A field of an object: its name and its place in the object's field list, found when the
/// crate is compiled (see [`field!`]), so reading a field is an index, not a search.
#[derive(Clone, Copy)]
pub(crate) struct Key {
    pub(crate) name: &'static str,
    fields: &'static FieldList,
    index: usize,
}

impl Key {
    /// The key of `name` in `fields`; a name the list lacks stops the build.
    pub(crate) const fn of(fields: &'static FieldList, name: &'static str) -> Key {
        Key {
            name,
            fields,
            index: place(fields.names, name),
        }
    }
}

/// Whether two texts are the same, at compile time (for places found when the crate is compiled).
pub(crate) const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The [`Key`] of field `$name` in the field list `$fields` (a `static` [`FieldList`], so that the
/// list has one address to recognise it by), computed at compile time.
macro_rules! field {
    ($fields:expr, $name:literal) => {{
        const KEY: $crate::model::read::Key = $crate::model::read::Key::of($fields, $name);
        KEY
    }};
}
pub(crate) use field;

/// Whether `s` starts and ends with a printable ASCII character or a CJK ideograph (U+4000–U+9FFF,
/// UTF-8 lead bytes 0xE4–0xE9), none of them whitespace: told from the edge bytes alone. The
/// model's reader and the columnar reader both trim by it.
#[inline]
pub(crate) fn plain_edges(s: &str) -> bool {
    let b = s.as_bytes();
    let plain_start = matches!(b.first(), Some(0x21..=0x7E | 0xE4..=0xE9));
    // A lead byte three from the end starts the last character (the text is valid UTF-8).
    let plain_end = match b.last() {
        Some(0x21..=0x7E) => true,
        Some(0x80..=0xBF) => matches!(
            b.len().checked_sub(3).and_then(|k| b.get(k)),
            Some(0xE4..=0xE9)
        ),
        _ => false,
    };
    plain_start && plain_end
}

/// `s` without leading and trailing whitespace, as `str::trim`; text that starts and ends with
/// something else (nearly every value) is returned without the search.
///
/// Nearly every value starts and ends with a printable ASCII character or a CJK ideograph
/// (U+4000–U+9FFF, UTF-8 lead bytes 0xE4–0xE9), none of them whitespace: those are told from
/// their edge bytes without decoding a character (the test the columnar reader makes of a cell).
pub(crate) fn trim(s: &str) -> &str {
    if plain_edges(s) {
        return s;
    }
    let edge = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if edge(s.chars().next()) || edge(s.chars().next_back()) {
        s.trim()
    } else {
        s
    }
}

/// Collects the problems found while reading.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errors: Vec<Error>,
}

/// The JSON type name of a value, for messages.
pub(crate) fn type_name(v: &serde_json::Value) -> &'static str {
    v.shape().type_name()
}

/// An `INP-02` at `at`: `expected`, found `found`.
fn wrong_type(at: Path, expected: &'static str, found: &Shape<'_>) -> Error {
    Error::new(INP_TYPE)
        .at(at)
        .with("expected", expected)
        .with("found", found.type_name())
}

/// A decimal written out as text on the stack, so a typed decimal cell is parsed by the same
/// text rules (and gives the same messages) as the text of a JSON document, without allocating.
struct DecimalText {
    buf: [u8; 64],
    len: usize,
}

impl std::fmt::Write for DecimalText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Calls `f` with the text of `d` (a `Decimal` writes at most 31 characters).
fn with_decimal_text<T>(d: Decimal, f: impl FnOnce(&str) -> T) -> T {
    let mut t = DecimalText {
        buf: [0; 64],
        len: 0,
    };
    if write!(t, "{d}").is_ok()
        && let Ok(s) = std::str::from_utf8(t.buf.get(..t.len).unwrap_or_default())
    {
        return f(s);
    }
    f(&d.to_string())
}

impl Reader {
    pub(crate) fn push(&mut self, e: Error) {
        self.errors.push(e);
    }

    /// `v` as an object whose keys are all in `allowed`, its members taken in one pass and lent
    /// to `read`.
    ///
    /// Lent, not returned: the members are a slot for every field, and moving them out (into
    /// an `Option`, then into the caller's variable) copied hundreds of bytes per object,
    /// reading back at once what was just written, which stalls the processor.
    pub(crate) fn object<S: Source, T>(
        &mut self,
        v: &S,
        path: &At<'_>,
        allowed: &'static FieldList,
        read: impl FnOnce(&mut Reader, &Fields<S>) -> Option<T>,
    ) -> Option<T> {
        match v.shape() {
            Shape::Object => {}
            Shape::Refused(e) => {
                self.push(e.at(path.path()));
                return None;
            }
            other => {
                self.push(wrong_type(path.path(), "object", &other));
                return None;
            }
        }
        let mut fields = Fields {
            list: allowed,
            slots: std::array::from_fn(|_| None),
        };
        let mut next = 0;
        let walked = v.entries(&mut |k, member| match allowed.index_from(k, next) {
            Some(i) if i < MAX_FIELDS => {
                next = i + 1;
                if let Some(slot) = fields.slots.get_mut(i) {
                    *slot = Some(member);
                }
            }
            _ => self.push(
                Error::new(MDL_UNKNOWN_FIELD)
                    .at(path.path().key(shorten(k)))
                    .with("field", shorten(k))
                    .with("allowed", allowed.names.join(", ")),
            ),
        });
        if let Err(e) = walked {
            self.push(e.at(path.path()));
        }
        read(self, &fields)
    }

    /// A present, non-null value, or `INP-04` when `required`.
    pub(crate) fn get<'m, S: Source>(
        &mut self,
        m: &'m Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
    ) -> Option<&'m S> {
        self.value(m, key, path, required)?;
        m.member(key)
    }

    /// [`Reader::get`] with what the value is, asked once (a host's answer may cost a
    /// conversion, as a Python `str`'s UTF-8 does).
    ///
    /// Inlined, so that an absent field (most of an object's optional fields) costs its reader
    /// one slot test, not a call.
    #[inline]
    fn value<'m, S: Source>(
        &mut self,
        m: &'m Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
    ) -> Option<Shape<'m>> {
        match m.member(key) {
            Some(v) => self.present(v, key, path, required),
            None => self.absent(key, path, required),
        }
    }

    /// [`Reader::value`] of a member that is there: what it is, unless null (missing) or
    /// refused by the host.
    ///
    /// Always inlined: called, it handed the value's shape back through memory, and the caller
    /// read it back at once in wider pieces than it was written, which the processor cannot
    /// forward from its stores. That stall was a quarter of the model reader's time (perf), for
    /// no instruction callgrind would count.
    #[inline(always)]
    fn present<'m, S: Source>(
        &mut self,
        v: &'m S,
        key: Key,
        path: &At<'_>,
        required: bool,
    ) -> Option<Shape<'m>> {
        match v.shape() {
            Shape::Null => self.absent(key, path, required),
            Shape::Refused(e) => {
                self.refused(*e, key, path);
                None
            }
            shape => Some(shape),
        }
    }

    /// A value the host refused (its error), at the field `key` of the object at `path`.
    #[cold]
    #[inline(never)]
    fn refused(&mut self, e: Error, key: Key, path: &At<'_>) {
        self.push(e.at(path.path().key(key.name)));
    }

    /// `INP-04` at the field `key` of the object at `path`.
    #[cold]
    #[inline(never)]
    fn missing(&mut self, key: Key, path: &At<'_>) {
        self.push(Error::new(INP_MISSING).at(path.path().key(key.name)));
    }

    /// No value for the field `key`: `INP-04` when it is `required`.
    #[inline(always)]
    fn absent<T>(&mut self, key: Key, path: &At<'_>, required: bool) -> Option<T> {
        if required {
            self.missing(key, path);
        }
        None
    }

    /// A text field: trimmed, inner runs of whitespace kept; empty counts as absent.
    pub(crate) fn text<S: Source>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
    ) -> Option<String> {
        // One match on the shape where it is made: taken out of `value`'s `Option` first, the
        // text's pointer and length were copied at once in a wider piece than they had just
        // been written, a stall per text field (perf).
        let Some(v) = m.member(key) else {
            return self.absent(key, path, required);
        };
        match v.shape() {
            Shape::Text(s) => {
                let t = trim(&s);
                if t.is_empty() {
                    return self.absent(key, path, required);
                }
                Some(t.to_string())
            }
            Shape::Null => self.absent(key, path, required),
            Shape::Refused(e) => {
                self.refused(*e, key, path);
                None
            }
            other => {
                self.push(wrong_type(path.path().key(key.name), "string", &other));
                None
            }
        }
    }

    /// What [`Reader::text`] reads from a value's shape, lent to `f` instead of copied (for the
    /// readers that parse the text: dates, times, choices).
    fn text_of<T>(
        &mut self,
        shape: &Shape<'_>,
        key: Key,
        path: &At<'_>,
        required: bool,
        f: impl FnOnce(&mut Reader, &str) -> Option<T>,
    ) -> Option<T> {
        match shape {
            Shape::Text(s) => {
                let t = trim(s);
                if t.is_empty() {
                    self.absent(key, path, required)
                } else {
                    f(self, t)
                }
            }
            other => {
                self.push(wrong_type(path.path().key(key.name), "string", other));
                None
            }
        }
    }

    /// [`Reader::text`] lent to `f` instead of copied.
    pub(crate) fn with_text<S: Source, T>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
        f: impl FnOnce(&mut Reader, &str) -> Option<T>,
    ) -> Option<T> {
        let shape = self.value(m, key, path, required)?;
        self.text_of(&shape, key, path, required, f)
    }

    /// A boolean field, `false` when absent.
    pub(crate) fn flag<S: Source>(&mut self, m: &Fields<S>, key: Key, path: &At<'_>) -> bool {
        let Some(shape) = self.value(m, key, path, false) else {
            return false;
        };
        match shape {
            Shape::Bool(b) => b,
            other => {
                self.push(wrong_type(path.path().key(key.name), "boolean", &other));
                false
            }
        }
    }

    /// A decimal field given as a string, an integer or an exact decimal (each read by the same
    /// text rules); a float is refused with `INP-01`.
    pub(crate) fn decimal<S: Source, T>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
        parse: fn(&str) -> Result<T, Error>,
    ) -> Option<T> {
        self.decimal_marked(m, key, path, required, parse, |_| false)
            .0
    }

    /// [`Reader::decimal`], and whether the value is text that `mark` accepts (untrimmed; a
    /// printed mark such as `***` beside the number it stands for), from one look at the value.
    pub(crate) fn decimal_marked<S: Source, T>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
        parse: fn(&str) -> Result<T, Error>,
        mark: fn(&str) -> bool,
    ) -> (Option<T>, bool) {
        // One match on the shape where it is made, as in `text`.
        let Some(v) = m.member(key) else {
            return (self.absent(key, path, required), false);
        };
        let mut marked = false;
        let res = match v.shape() {
            Shape::Text(s) => {
                marked = mark(&s);
                parse(trim(&s))
            }
            Shape::Null => return (self.absent(key, path, required), false),
            Shape::Refused(e) => {
                self.refused(*e, key, path);
                return (None, false);
            }
            Shape::Float(n) => Err(Error::new(INP_FLOAT).with("value", n)),
            Shape::Int(n) => parse(&n.to_string()),
            Shape::Decimal(d) => with_decimal_text(d, parse),
            other => Err(Error::new(INP_TYPE)
                .with("expected", "decimal string")
                .with("found", other.type_name())),
        };
        let value = match res {
            Ok(x) => Some(x),
            Err(e) => {
                // The path is built only on failure: reading valid input allocates no paths.
                self.push(e.at(path.path().key(key.name)));
                None
            }
        };
        (value, marked)
    }

    /// One of a fixed set of names (`"normal"`, `"discount"` …), looked up by `from`.
    pub(crate) fn choice<S: Source, T>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
        from: fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Option<T> {
        self.with_text(m, key, path, required, |r, s| match from(s) {
            Some(t) => Some(t),
            None => {
                r.push(
                    Error::new(INP_UNKNOWN_OPTION)
                        .at(path.path().key(key.name))
                        .with("value", shorten(s))
                        .with("allowed", allowed),
                );
                None
            }
        })
    }

    /// A `YYYY-MM-DD` date (or a host's date value).
    pub(crate) fn date<S: Source>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
    ) -> Option<NaiveDate> {
        // What the value is, asked once: a host's day, or text to parse.
        let shape = match self.value(m, key, path, required)? {
            Shape::Date(d) => return Some(d),
            shape => shape,
        };
        self.text_of(&shape, key, path, required, |r, s| {
            r.parsed(s, parse_date, MDL_DATE, key, path)
        })
    }

    /// An `HH:MM:SS` time.
    pub(crate) fn time<S: Source>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
    ) -> Option<NaiveTime> {
        self.with_text(m, key, path, false, |r, s| {
            r.parsed(s, crate::dates::parse_time, MDL_TIME, key, path)
        })
    }

    /// `parse(s)`, or `rule` at the field (with the value shown) when `s` does not parse.
    fn parsed<T>(
        &mut self,
        s: &str,
        parse: impl FnOnce(&str) -> Option<T>,
        rule: &'static Rule,
        key: Key,
        path: &At<'_>,
    ) -> Option<T> {
        let parsed = parse(s);
        if parsed.is_none() {
            self.push(
                Error::new(rule)
                    .at(path.path().key(key.name))
                    .with("value", shorten(s)),
            );
        }
        parsed
    }

    /// A list field; each element read by `each` with its indexed path.
    pub(crate) fn list<S: Source, T>(
        &mut self,
        m: &Fields<S>,
        key: Key,
        path: &At<'_>,
        required: bool,
        mut each: impl FnMut(&mut Reader, &S, &At<'_>) -> Option<T>,
    ) -> Vec<T> {
        let (Some(shape), Some(v)) = (self.value(m, key, path, required), m.member(key)) else {
            return Vec::new();
        };
        let p = path.key(key.name);
        if shape != Shape::List {
            // (A refused value was reported by `get`.)
            self.push(wrong_type(p.path(), "list", &shape));
            return Vec::new();
        }
        // Sized once: collecting through `filter_map` knows no length and grows the vector
        // (copying every item read so far) twice for a 5-line invoice. Bounded, so a long list
        // of things that are not items (a million numbers) reserves no room for a million.
        let n = v.len();
        let mut out = Vec::with_capacity(n.min(MAX_RESERVED_ITEMS));
        for i in 0..n {
            if let Some(item) = v.item(i)
                && let Some(x) = each(self, &item, &p.index(i))
            {
                out.push(x);
            }
        }
        out
    }
}

/// Strict `YYYY-MM-DD` (four-digit year, real calendar date).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::dates::parse_day(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A place built on the stack writes the path a finding carries.
    #[test]
    fn at_writes_its_path() {
        let root = At::Root;
        let lines = root.key("lines");
        let third = lines.index(2);
        assert_eq!(third.path().key("amount").to_string(), "lines[2].amount");
        assert_eq!(third.path(), Path::root().key("lines").index(2));
        assert_eq!(root.path(), Path::root());
    }

    proptest! {
        /// The shortcut of `trim` changes nothing: `str::trim`'s answer for any text, with
        /// ASCII and Unicode whitespace (U+3000, U+00A0, U+2028) at either end or inside.
        #[test]
        fn trim_is_str_trim(s in "[ \t\n\u{b}\u{c}\r\u{3000}\u{a0}\u{2028}\u{85}\u{7f}a甲1.é\u{4000}\u{9fff}\u{a000}\u{3fff}]{0,8}") {
            prop_assert_eq!(trim(&s), s.trim());
        }

        /// A key's place is its place in the names, and a key not among them has none, whatever
        /// place it is expected at.
        #[test]
        fn a_key_finds_its_place(key in "[a-z_]{0,12}", expected in 0usize..12) {
            fields! { static LIST = ["kind", "code", "number", "name", "tax_code", "amount", "tax", "total"]; }
            let place = LIST.names.iter().position(|n| *n == key);
            prop_assert_eq!(LIST.index(&key), place);
            prop_assert_eq!(LIST.index_from(&key, expected), place);
            for (i, n) in LIST.names.iter().enumerate() {
                prop_assert_eq!(LIST.index(n), Some(i));
                prop_assert_eq!(LIST.index_from(n, expected), Some(i));
            }
        }
    }
}
