//! A small read-only element tree over quick-xml, made for reading invoice files by structure.
//!
//! Why not a namespace-checking DOM: real OFD tag files declare prefixes badly (`<:eInvoice
//! xmlns:="">` with `ofd:` children never declared), and a strict reader would refuse a genuine
//! invoice. Elements are matched by their local name (the part after the last `:`), which is
//! what every producer agrees on. Namespaces that identify a format (the XBRL taxonomies) are
//! read from the `xmlns` attributes as text.
//!
//! Limits are part of the contract: no DTD (so no entity can expand), at most [`MAX_DEPTH`]
//! levels and [`MAX_NODES`] elements; crossing one is a coded error, never a crash.

use std::cell::OnceCell;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{LIMIT, XML_DTD, XML_ENCODING, XML_MALFORMED};
use crate::error::Error;

/// The deepest element nesting accepted (real invoice files nest fewer than 10 levels).
pub const MAX_DEPTH: usize = 64;
/// The most elements one part may have (a 100-line page has about 2,000).
pub const MAX_NODES: usize = 200_000;
/// The longest text one element may hold (the longest real ones, signatures and a QR image in
/// base64, are a few KB).
pub const MAX_TEXT: usize = 1024 * 1024;

/// A span of a text buffer ([`Doc`]'s, a page's text objects').
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) len: usize,
}

impl Span {
    /// Appends `s` to `buf` and returns where it went.
    pub(crate) fn append(buf: &mut String, s: &str) -> Span {
        let start = buf.len();
        buf.push_str(s);
        Span {
            start,
            len: s.len(),
        }
    }

    /// The text of the span in `buf` (empty if `buf` is not the buffer it came from).
    pub(crate) fn of(self, buf: &str) -> &str {
        buf.get(self.start..self.start + self.len).unwrap_or("")
    }
}

/// One element. Elements are numbered in document order (pre-order), so the descendants of
/// element `i` are exactly the elements `i + 1 .. end`, its first child is `i + 1` (when
/// `end > i + 1`) and the next sibling of a child `c` is `c`'s own `end`: no per-element lists.
#[derive(Debug)]
struct Node {
    /// The qualified name, in the text buffer.
    qname: Span,
    /// Where the local name starts in the qualified name (matching by local name is the hot
    /// path).
    local_at: usize,
    /// The element's own text (text and CDATA directly inside it, joined), in the text buffer.
    text: Span,
    /// The attributes: `Doc::attrs[attrs.start .. attrs.start + attrs.len]`.
    attrs: Span,
    /// One past the last descendant.
    end: usize,
    parent: Option<usize>,
}

/// One attribute: qualified name (with where its local name starts) and value, unescaped.
#[derive(Debug)]
struct Attr {
    qname: Span,
    local_at: usize,
    value: Span,
}

/// A parsed part: element 0 is the root. Every name, attribute value and text is one span of a
/// single buffer, so a part costs a handful of allocations however many elements it has.
#[derive(Debug)]
pub(crate) struct Doc {
    pub part: String,
    buf: String,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    /// Each element's place among its parent's children of its name, worked out for every
    /// element the first time a path is built (see [`Doc::places`]).
    places: OnceCell<Vec<Place>>,
}

/// An element's place among the siblings of its name: the 1-based `nth`, and whether the
/// name repeats there at all (a path writes `[nth]` only then).
#[derive(Clone, Copy, Debug)]
struct Place {
    nth: u32,
    repeats: bool,
}

/// A handle on one element of a [`Doc`].
#[derive(Clone, Copy)]
pub(crate) struct El<'d> {
    pub doc: &'d Doc,
    pub id: usize,
}

impl Doc {
    pub fn root(&self) -> El<'_> {
        El { doc: self, id: 0 }
    }

    pub fn parent(&self, id: usize) -> Option<usize> {
        self.nodes.get(id).and_then(|n| n.parent)
    }

    fn span(&self, s: Span) -> &str {
        s.of(&self.buf)
    }

    fn qname(&self, id: usize) -> &str {
        self.nodes.get(id).map_or("", |n| self.span(n.qname))
    }

    /// Whether element `id`'s qualified name is `qname` (lengths first: most siblings differ
    /// there).
    fn has_qname(&self, id: usize, qname: &str) -> bool {
        self.nodes.get(id).is_some_and(|n| {
            n.qname.len == qname.len()
                && self
                    .buf
                    .as_bytes()
                    .get(n.qname.start..n.qname.start + n.qname.len)
                    == Some(qname.as_bytes())
        })
    }

    /// Whether element `id`'s local name is `local` (lengths first, as above).
    fn has_local(&self, id: usize, local: &str) -> bool {
        self.nodes.get(id).is_some_and(|n| {
            let start = n.qname.start + n.local_at.min(n.qname.len);
            n.qname.start + n.qname.len - start == local.len()
                && self.buf.as_bytes().get(start..start + local.len()) == Some(local.as_bytes())
        })
    }

    fn local(&self, id: usize) -> &str {
        self.nodes.get(id).map_or("", |n| {
            let q = self.span(n.qname);
            q.get(n.local_at..).unwrap_or(q)
        })
    }

    fn own_text(&self, id: usize) -> &str {
        self.nodes.get(id).map_or("", |n| self.span(n.text))
    }

    fn end(&self, id: usize) -> usize {
        self.nodes.get(id).map_or(id, |n| n.end)
    }

    /// Every element's [`Place`], in one pass over each element's children: a path then costs
    /// its depth, where counting the siblings of every ancestor for every path made a file's
    /// paths quadratic in its lines (a 100-line invoice spent a quarter of its read there).
    fn places(&self) -> &[Place] {
        self.places.get_or_init(|| {
            let mut places = vec![
                Place {
                    nth: 1,
                    repeats: false,
                };
                self.nodes.len()
            ];
            // Per parent: one entry per distinct child name (its first child, how many so far).
            // A name's second child marks the first as repeating; every later one repeats.
            let mut names: Vec<(usize, u32)> = Vec::new();
            for p in 0..self.nodes.len() {
                names.clear();
                for c in (El { doc: self, id: p }).children() {
                    let qname = self.qname(c.id);
                    let (first, nth) = match names
                        .iter_mut()
                        .find(|(first, _)| self.has_qname(*first, qname))
                    {
                        Some(entry) => {
                            entry.1 += 1;
                            *entry
                        }
                        None => {
                            names.push((c.id, 1));
                            (c.id, 1)
                        }
                    };
                    if nth > 1 {
                        for id in [first, c.id] {
                            if let Some(place) = places.get_mut(id) {
                                place.repeats = true;
                            }
                        }
                    }
                    if let Some(place) = places.get_mut(c.id) {
                        place.nth = nth;
                    }
                }
            }
            places
        })
    }
}

/// Writes `[n]`: every value of a line has one in its path, and the formatting machinery
/// cost more than the rest of the path.
fn push_index(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            // `rest % 10` is a digit.
            *d = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || at == 0 {
            break;
        }
    }
    out.push('[');
    for &d in digits.get(at..).unwrap_or(&[]) {
        out.push(char::from(d));
    }
    out.push(']');
}

/// The children of an element, in document order.
pub(crate) struct Children<'d> {
    doc: &'d Doc,
    next: usize,
    end: usize,
}

impl<'d> Iterator for Children<'d> {
    type Item = El<'d>;

    fn next(&mut self) -> Option<El<'d>> {
        if self.next >= self.end {
            return None;
        }
        let id = self.next;
        // A child's subtree ends after it; `max` guards the walk against a malformed end.
        self.next = self.doc.end(id).max(id + 1);
        Some(El { doc: self.doc, id })
    }
}

impl<'d> El<'d> {
    pub fn local(&self) -> &'d str {
        self.doc.local(self.id)
    }

    pub fn children(&self) -> Children<'d> {
        Children {
            doc: self.doc,
            next: self.id + 1,
            end: self.doc.end(self.id),
        }
    }

    /// The first child with this local name.
    pub fn child(&self, local: &str) -> Option<El<'d>> {
        self.children().find(|c| c.doc.has_local(c.id, local))
    }

    /// Every child with this local name.
    pub fn all(&self, local: &'d str) -> impl Iterator<Item = El<'d>> + 'd {
        self.children()
            .filter(move |c| c.doc.has_local(c.id, local))
    }

    /// Every element below this one (in document order) with this local name.
    pub fn descendants<'l>(&self, local: &'l str) -> impl Iterator<Item = El<'d>> + 'l
    where
        'd: 'l,
    {
        let doc = self.doc;
        (self.id + 1..doc.end(self.id))
            .filter(move |&id| doc.has_local(id, local))
            .map(move |id| El { doc, id })
    }

    /// The first element below this one with this local name.
    pub fn find(&self, local: &str) -> Option<El<'d>> {
        self.descendants(local).next()
    }

    /// The element's own text, trimmed (CDATA included; whitespace-only is empty).
    pub fn text(&self) -> &'d str {
        self.doc.own_text(self.id).trim()
    }

    /// All text inside the element and its descendants, in document order, joined.
    pub fn deep_text(&self) -> String {
        let mut out = String::new();
        for id in self.id..self.doc.end(self.id) {
            out.push_str(self.doc.own_text(id));
        }
        out
    }

    fn attr_list(&self) -> &'d [Attr] {
        let doc = self.doc;
        doc.nodes
            .get(self.id)
            .and_then(|n| doc.attrs.get(n.attrs.start..n.attrs.start + n.attrs.len))
            .unwrap_or(&[])
    }

    /// An attribute by local name.
    pub fn attr(&self, local: &str) -> Option<&'d str> {
        let doc = self.doc;
        self.attr_list()
            .iter()
            .find(|a| {
                let q = doc.span(a.qname);
                q.get(a.local_at..).unwrap_or(q) == local
            })
            .map(|a| doc.span(a.value))
    }

    /// Every attribute (qualified name, value).
    pub fn attrs(&self) -> impl Iterator<Item = (&'d str, &'d str)> + 'd {
        let doc = self.doc;
        self.attr_list()
            .iter()
            .map(move |a| (doc.span(a.qname), doc.span(a.value)))
    }

    /// The text of the first child with this local name (trimmed; `None` when absent or empty).
    pub fn child_text(&self, local: &str) -> Option<&'d str> {
        self.child(local)
            .map(|c| c.text())
            .filter(|t| !t.is_empty())
    }

    /// Where this element is: `part:/root/child[2]/leaf` (an index only where names repeat).
    pub fn path(&self) -> String {
        let doc = self.doc;
        // The parser keeps nesting within MAX_DEPTH, so the chain fits; a longer one (never
        // built) would only lose its top.
        let mut chain = [0usize; MAX_DEPTH + 1];
        let mut n = 0;
        let mut id = Some(self.id);
        while let Some(i) = id {
            if let Some(slot) = chain.get_mut(n) {
                *slot = i;
                n += 1;
            }
            id = doc.parent(i);
        }
        let places = doc.places();
        let mut out = String::with_capacity(doc.part.len() + 16 * n);
        out.push_str(&doc.part);
        out.push(':');
        for &id in chain.get(..n).unwrap_or(&[]).iter().rev() {
            let qname = doc.qname(id);
            out.push('/');
            out.push_str(qname);
            if let Some(place) = places.get(id)
                && doc.parent(id).is_some()
                && place.repeats
            {
                push_index(&mut out, place.nth);
            }
        }
        out
    }

    /// The path of a child that may be absent (`…/Parent/Name`).
    pub fn path_of(&self, local: &str) -> String {
        match self.child(local) {
            Some(c) => c.path(),
            None => format!("{}/{}", self.path(), local),
        }
    }
}

fn malformed(part: &str, reason: impl std::fmt::Display) -> Error {
    Error::new(XML_MALFORMED)
        .with("part", part)
        .with("reason", crate::money::shorten(&reason.to_string()))
}

/// What a walk over one part reports, in document order. The walk itself does every check
/// (encoding, DTD, well-formedness, attributes, limits), whatever the sink keeps, so a part
/// read by a streaming sink fails exactly where its tree would.
pub(crate) trait Sink {
    /// An element opens: its number (document order), its parent, its qualified name and
    /// where the local name starts in it.
    fn start(&mut self, id: usize, parent: Option<usize>, qname: &str, local_at: usize);
    /// Whether the sink takes the attributes of the element that just opened (they are
    /// checked either way).
    fn wants_attrs(&self) -> bool {
        true
    }
    /// An attribute of the element that just opened (value unescaped).
    fn attr(&mut self, qname: &str, local_at: usize, value: &str);
    /// A piece of the text directly inside element `id` (unescaped; CDATA as is).
    fn text(&mut self, id: usize, s: &str);
    /// Element `id` closes (right after its start for an empty element).
    fn end(&mut self, id: usize);
}

/// Where the local name starts in a qualified name (after the last `:`).
fn local_at(qname: &str) -> usize {
    qname
        .as_bytes()
        .iter()
        .rposition(|&b| b == b':')
        .map_or(0, |i| i + 1)
}

/// The text of `b`, a slice the reader cut from `src` at markup (so on character boundaries):
/// found in `src` by its address, which costs one boundary check instead of validating the
/// bytes again (the part was validated whole). `None` for bytes that are not a slice of `src`.
fn sub<'s>(src: &'s str, b: &[u8]) -> Option<&'s str> {
    let at = (b.as_ptr() as usize).checked_sub(src.as_ptr() as usize)?;
    // In range, the address says it: no other live value can share memory with `src`.
    src.get(at..at.checked_add(b.len())?)
}

/// Bytes of the (UTF-8) input as text: borrowed when they are a slice of `src` or valid, which
/// every slice of it the reader cuts at markup is.
fn utf8<'s>(src: &'s str, b: &[u8]) -> std::borrow::Cow<'s, str> {
    match sub(src, b) {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(String::from_utf8_lossy(b).into_owned()),
    }
}

/// An open element during a walk: its number, its text so far, its name (a slice of the part).
struct Open<'s> {
    id: usize,
    text_len: usize,
    name: std::borrow::Cow<'s, str>,
}

/// The state of one walk: the part's text and the open elements.
struct Walk<'p, 's> {
    part: &'p str,
    src: &'s str,
    elements: usize,
    stack: Vec<Open<'s>>,
}

impl<'s> Walk<'_, 's> {
    /// Opens an element: reports it and its attributes; its number and name.
    fn open<S: Sink>(
        &mut self,
        s: &BytesStart<'_>,
        sink: &mut S,
    ) -> Result<(usize, std::borrow::Cow<'s, str>), Error> {
        let part = self.part;
        if self.elements >= MAX_NODES {
            return Err(Error::new(LIMIT)
                .with("what", format!("XML elements in {part}"))
                .with("limit", MAX_NODES));
        }
        let parent = self.stack.last().map(|o| o.id);
        let id = self.elements;
        let name = s.name();
        let qname = utf8(self.src, name.as_ref());
        // The sink hears of the element before its attributes are checked: an error below
        // ends the walk, so what the sink kept by then does not matter.
        sink.start(id, parent, &qname, local_at(&qname));
        let wanted = sink.wants_attrs();
        for a in s.attributes().with_checks(false) {
            let a = a.map_err(|e| malformed(part, e))?;
            if !wanted {
                // Checked all the same: a reference that does not resolve is malformed
                // whoever listens.
                if a.value.contains(&b'&') {
                    quick_xml::escape::unescape(&utf8(self.src, &a.value))
                        .map_err(|e| malformed(part, e))?;
                }
                continue;
            }
            let key = utf8(self.src, a.key.as_ref());
            let raw = utf8(self.src, &a.value);
            let value = if raw.as_bytes().contains(&b'&') {
                quick_xml::escape::unescape(&raw).map_err(|e| malformed(part, e))?
            } else {
                std::borrow::Cow::Borrowed(raw.as_ref())
            };
            sink.attr(&key, local_at(&key), &value);
        }
        if parent.is_none() && self.elements > 0 {
            return Err(malformed(part, "more than one root element"));
        }
        self.elements += 1;
        Ok((id, qname))
    }

    /// Opens an element that has content: it joins the stack (depth checked).
    fn push<S: Sink>(&mut self, s: &BytesStart<'_>, sink: &mut S) -> Result<(), Error> {
        let (id, name) = self.open(s, sink)?;
        self.stack.push(Open {
            id,
            text_len: 0,
            name,
        });
        if self.stack.len() > MAX_DEPTH {
            return Err(Error::new(LIMIT)
                .with("what", format!("XML nesting in {}", self.part))
                .with("limit", MAX_DEPTH));
        }
        Ok(())
    }

    fn pop<S: Sink>(&mut self, sink: &mut S) {
        if let Some(o) = self.stack.pop() {
            sink.end(o.id);
        }
    }

    fn text<S: Sink>(&mut self, s: &str, sink: &mut S) -> Result<(), Error> {
        let Some(top) = self.stack.last_mut() else {
            return Ok(());
        };
        if top.text_len + s.len() > MAX_TEXT {
            let qname = &top.name;
            return Err(Error::new(LIMIT)
                .with(
                    "what",
                    format!("the text of element {qname} in {}", self.part),
                )
                .with("limit", MAX_TEXT));
        }
        top.text_len += s.len();
        sink.text(top.id, s);
        Ok(())
    }
}

/// Walks one XML part, reporting it to `sink`. `part` names it in errors.
///
/// # Errors
/// `READ-05` malformed XML, `READ-06` a DTD (refused, never expanded), `READ-07` a limit, `READ-08`
/// an encoding other than UTF-8.
pub(crate) fn walk<S: Sink>(bytes: &[u8], part: &str, sink: &mut S) -> Result<(), Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Error::new(XML_ENCODING)
            .with("part", part)
            .with("encoding", "UTF-16"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::new(XML_ENCODING).with("part", part).with(
            "encoding",
            declared_encoding(bytes).unwrap_or_else(|| "not UTF-8".into()),
        )
    })?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut w = Walk {
        part,
        src: text,
        elements: 0,
        stack: Vec::new(),
    };
    let mut done = false;
    loop {
        let ev = reader.read_event().map_err(|e| malformed(part, e))?;
        match ev {
            Event::Decl(d) => {
                if let Some(Ok(enc)) = d.encoding() {
                    let enc = String::from_utf8_lossy(&enc).to_ascii_lowercase();
                    // A part of ASCII bytes reads the same in every ASCII-based encoding it
                    // may declare (GBK, GB18030, ISO-8859-1…): only other bytes are refused.
                    let same_as_utf8 = enc == "utf-8"
                        || enc == "utf8"
                        || (text.is_ascii() && !enc.starts_with("utf") && !enc.starts_with("ucs"));
                    if !same_as_utf8 {
                        return Err(Error::new(XML_ENCODING)
                            .with("part", part)
                            .with("encoding", enc));
                    }
                }
            }
            Event::DocType(_) => {
                return Err(Error::new(XML_DTD).with("part", part));
            }
            Event::Start(s) => {
                if done {
                    return Err(malformed(part, "content after the root element"));
                }
                w.push(&s, sink)?;
            }
            Event::Empty(s) => {
                if done {
                    return Err(malformed(part, "content after the root element"));
                }
                let (id, _) = w.open(&s, sink)?;
                sink.end(id);
                if w.stack.is_empty() {
                    done = true;
                }
            }
            Event::End(_) => {
                w.pop(sink);
                if w.stack.is_empty() {
                    done = true;
                }
            }
            Event::Text(t) => {
                if !w.stack.is_empty() {
                    let s = match sub(text, &t) {
                        Some(s) => std::borrow::Cow::Borrowed(s),
                        None => t.decode().map_err(|e| malformed(part, e))?,
                    };
                    if s.as_bytes().contains(&b'&') {
                        let s = quick_xml::escape::unescape(&s).map_err(|e| malformed(part, e))?;
                        w.text(&s, sink)?;
                    } else {
                        w.text(&s, sink)?;
                    }
                } else if !t.iter().all(u8::is_ascii_whitespace) {
                    return Err(malformed(part, "text outside the root element"));
                }
            }
            Event::GeneralRef(r) => {
                if w.stack.is_empty() {
                    return Err(malformed(part, "a reference outside the root element"));
                }
                let name = r.decode().map_err(|e| malformed(part, e))?;
                let entity = format!("&{name};");
                let s = quick_xml::escape::unescape(&entity).map_err(|e| malformed(part, e))?;
                w.text(&s, sink)?;
            }
            Event::CData(c) => {
                if !w.stack.is_empty() {
                    let s = match sub(text, &c) {
                        Some(s) => std::borrow::Cow::Borrowed(s),
                        None => c.decode().map_err(|e| malformed(part, e))?,
                    };
                    w.text(&s, sink)?;
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::PI(_) => {}
        }
    }
    if w.elements == 0 {
        return Err(malformed(part, "no root element"));
    }
    if !w.stack.is_empty() {
        return Err(malformed(
            part,
            "the document ends inside an element (truncated?)",
        ));
    }
    Ok(())
}

/// The tree being built: the buffer, the elements, and the text pieces of elements whose text
/// comes in several pieces (text, a child, more text), joined once at the end.
struct Builder {
    buf: String,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    /// (element, span) of every text piece after an element's first.
    more_text: Vec<(usize, Span)>,
}

impl Builder {
    fn push_str(&mut self, s: &str) -> Span {
        Span::append(&mut self.buf, s)
    }

    /// Joins the texts that came in several pieces: each such element's pieces are copied once,
    /// in order, to the end of the buffer (linear in the text, whatever the interleaving).
    fn join_texts(&mut self) {
        if self.more_text.is_empty() {
            return;
        }
        let mut more = std::mem::take(&mut self.more_text);
        // Stable: each element's pieces stay in document order.
        more.sort_by_key(|&(id, _)| id);
        let mut i = 0;
        while let Some(&(id, _)) = more.get(i) {
            let Some(first) = self.nodes.get(id).map(|n| n.text) else {
                i += 1;
                continue;
            };
            let start = self.buf.len();
            let mut joined = String::new();
            joined.push_str(
                self.buf
                    .get(first.start..first.start + first.len)
                    .unwrap_or(""),
            );
            while let Some(&(same, s)) = more.get(i)
                && same == id
            {
                joined.push_str(self.buf.get(s.start..s.start + s.len).unwrap_or(""));
                i += 1;
            }
            self.buf.push_str(&joined);
            if let Some(n) = self.nodes.get_mut(id) {
                n.text = Span {
                    start,
                    len: joined.len(),
                };
            }
        }
    }
}

impl Sink for Builder {
    fn start(&mut self, id: usize, parent: Option<usize>, qname: &str, local_at: usize) {
        let qname = self.push_str(qname);
        self.nodes.push(Node {
            qname,
            local_at,
            text: Span::default(),
            attrs: Span {
                start: self.attrs.len(),
                len: 0,
            },
            end: id + 1,
            parent,
        });
    }

    fn attr(&mut self, qname: &str, local_at: usize, value: &str) {
        let qname = self.push_str(qname);
        let value = self.push_str(value);
        self.attrs.push(Attr {
            qname,
            local_at,
            value,
        });
        if let Some(n) = self.nodes.last_mut() {
            n.attrs.len += 1;
        }
    }

    fn text(&mut self, id: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let first = self.nodes.get(id).is_some_and(|n| n.text.len == 0);
        let span = self.push_str(s);
        if first {
            if let Some(n) = self.nodes.get_mut(id) {
                n.text = span;
            }
        } else {
            self.more_text.push((id, span));
        }
    }

    /// Closes an element: its subtree ends at the current element count.
    fn end(&mut self, id: usize) {
        let end = self.nodes.len();
        if let Some(n) = self.nodes.get_mut(id) {
            n.end = end;
        }
    }
}

/// Parses one XML part into a tree. `part` names it in errors and paths.
///
/// # Errors
/// As [`walk`].
pub(crate) fn parse(bytes: &[u8], part: &str) -> Result<Doc, Error> {
    // Names, values and text are at most the input (unescaping only shrinks), and there are
    // at most as many elements as `<`: one allocation each in the common case. (Capped, so a
    // huge part refused on a limit midway has not reserved its whole size first.)
    let tags = bytes.iter().filter(|&&b| b == b'<').count().min(1 << 16);
    let mut b = Builder {
        buf: String::with_capacity(bytes.len().min(1 << 20)),
        nodes: Vec::with_capacity(tags),
        attrs: Vec::with_capacity(tags),
        more_text: Vec::new(),
    };
    walk(bytes, part, &mut b)?;
    b.join_texts();
    Ok(Doc {
        part: part.to_string(),
        buf: b.buf,
        nodes: b.nodes,
        attrs: b.attrs,
        places: OnceCell::new(),
    })
}

/// The encoding named in an XML declaration, if any (for the message of a non-UTF-8 part). Only a
/// quoted name of ASCII letters, digits and `-_.:` counts; anything else (a damaged declaration,
/// a stray byte) is no name, so the message then says "not UTF-8".
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let i = head.windows(9).position(|w| w == b"encoding=")?;
    let rest = &head[i + 9..];
    let (&q, rest) = rest.split_first()?;
    if q != b'"' && q != b'\'' {
        return None;
    }
    let end = rest.iter().position(|&b| b == q)?;
    let name = &rest[..end];
    let plain = |b: &u8| b.is_ascii_alphanumeric() || b"-_.:".contains(b);
    if name.is_empty() || name.len() > 40 || !name.iter().all(plain) {
        return None;
    }
    Some(String::from_utf8_lossy(name).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Paths as they were built before [`Doc::places`]: every ancestor's siblings counted.
    fn path_by_counting(el: El<'_>) -> String {
        let doc = el.doc;
        let mut chain = vec![el.id];
        while let Some(p) = chain.last().and_then(|&i| doc.parent(i)) {
            chain.push(p);
        }
        let mut out = format!("{}:", doc.part);
        for &id in chain.iter().rev() {
            let qname = doc.qname(id);
            out.push('/');
            out.push_str(qname);
            if let Some(p) = doc.parent(id) {
                let same: Vec<usize> = (El { doc, id: p })
                    .children()
                    .filter(|s| doc.has_qname(s.id, qname))
                    .map(|s| s.id)
                    .collect();
                if same.len() > 1 {
                    let nth = same.iter().position(|&s| s == id).unwrap() + 1;
                    out.push_str(&format!("[{nth}]"));
                }
            }
        }
        out
    }

    /// A random tree of a few names (repeats likely), written as XML.
    fn tree() -> impl Strategy<Value = String> {
        let leaf =
            prop::sample::select(vec!["a", "b", "x:a", "c"]).prop_map(|n| format!("<{n}>t</{n}>"));
        leaf.prop_recursive(4, 64, 6, |inner| {
            (
                prop::sample::select(vec!["a", "b", "x:a"]),
                prop::collection::vec(inner, 0..6),
            )
                .prop_map(|(n, kids)| format!("<{n}>{}</{n}>", kids.concat()))
        })
    }

    proptest! {
        #[test]
        fn push_index_writes_the_number(n in any::<u32>()) {
            let mut s = String::new();
            push_index(&mut s, n);
            prop_assert_eq!(s, format!("[{n}]"));
        }

        #[test]
        fn paths_from_places_are_paths_by_counting(body in tree()) {
            let xml = format!("<r xmlns:x=\"urn:x\">{body}{body}</r>");
            let doc = parse(xml.as_bytes(), "p.xml").unwrap();
            for id in 0..doc.nodes.len() {
                let el = El { doc: &doc, id };
                prop_assert_eq!(el.path(), path_by_counting(el));
            }
        }
    }

    /// Found by the `read` fuzz target: a non-UTF-8 byte right after `encoding=` made the message
    /// builder slice inside a character and panic.
    #[test]
    fn a_broken_declaration_is_a_coded_error() {
        let bytes = b"<?xh>@version=\"1.0/?><!DO\"aaa\">]]]>>GI encoding=\xe5GB]]>o\"1e?x";
        let e = parse(bytes, "p.xml").unwrap_err();
        assert_eq!(e.code(), "READ-08");
        assert_eq!(
            declared_encoding(b"<?xml encoding='GBK'?>\xb0"),
            Some("GBK".into())
        );
        assert_eq!(declared_encoding(b"encoding=\"\xe5\""), None);
    }

    #[test]
    fn local_names_cdata_and_paths() {
        let d = parse(
            "\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?><a:R xmlns:a=\"x\"><a:L><a:V><![CDATA[ 1.00 ]]></a:V></a:L><a:L><a:V>2&amp;3</a:V></a:L></a:R>".as_bytes(),
            "p.xml",
        )
        .unwrap();
        let r = d.root();
        assert_eq!(r.local(), "R");
        let ls: Vec<_> = r.all("L").collect();
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].child_text("V"), Some("1.00"));
        assert_eq!(ls[1].child_text("V"), Some("2&3"));
        assert_eq!(ls[1].child("V").unwrap().path(), "p.xml:/a:R/a:L[2]/a:V");
    }

    #[test]
    fn text_in_pieces_children_and_descendants() {
        let d = parse(
            b"<r>a<b k='1' x:k='2'>x<c>y</c></b>c<d/>&lt;e<b>z</b></r>",
            "p",
        )
        .unwrap();
        let r = d.root();
        // An element's own text is its pieces joined; deep text is its own, then its children's.
        assert_eq!(r.text(), "ac<e");
        assert_eq!(r.deep_text(), "ac<exyz");
        let kids: Vec<&str> = r.children().map(|c| c.local()).collect();
        assert_eq!(kids, ["b", "d", "b"]);
        assert_eq!(r.descendants("b").count(), 2);
        assert_eq!(r.find("c").unwrap().text(), "y");
        let b = r.child("b").unwrap();
        assert_eq!(b.attr("k"), Some("1"));
        assert_eq!(b.attrs().collect::<Vec<_>>(), [("k", "1"), ("x:k", "2")]);
        assert_eq!(b.find("c").unwrap().path(), "p:/r/b[1]/c");
        assert_eq!(r.all("b").nth(1).unwrap().path(), "p:/r/b[2]");
        assert!(r.child("d").unwrap().children().next().is_none());
    }

    #[test]
    fn badly_declared_prefixes_are_read() {
        let d = parse(b"<:eInvoice xmlns:=\"\"><InvoiceNo><ofd:ObjectRef PageRef=\"1\">70</ofd:ObjectRef></InvoiceNo></:eInvoice>", "t").unwrap();
        let r = d.root();
        assert_eq!(r.local(), "eInvoice");
        assert_eq!(r.find("ObjectRef").unwrap().attr("PageRef"), Some("1"));
    }

    #[test]
    fn dtd_depth_and_truncation_are_coded() {
        let dtd = b"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]><r>&a;</r>";
        assert_eq!(parse(dtd, "t").unwrap_err().code(), "READ-06");
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(deep.as_bytes(), "t").unwrap_err().code(), "READ-07");
        assert_eq!(parse(b"<r><a>1</a>", "t").unwrap_err().code(), "READ-05");
        assert_eq!(
            parse(b"<r>&unknown;</r>", "t").unwrap_err().code(),
            "READ-05"
        );
        let gbk = b"<?xml version=\"1.0\" encoding=\"GBK\"?><r>\xc4\xe3</r>";
        assert_eq!(parse(gbk, "t").unwrap_err().code(), "READ-08");
        // The same declaration over ASCII bytes (other characters as references) is read.
        let ascii = b"<?xml version=\"1.0\" encoding=\"GBK\"?><r>&#x4F60;</r>";
        assert_eq!(parse(ascii, "t").unwrap().root().text(), "\u{4f60}");
        let utf16 = b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>";
        assert_eq!(parse(utf16, "t").unwrap_err().code(), "READ-08");
    }
}
