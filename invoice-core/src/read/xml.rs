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

fn add_text(node: &mut Node, s: &str, part: &str) -> Result<(), Error> {
    if node.text.len() + s.len() > MAX_TEXT {
        return Err(Error::new(LIMIT)
            .with(
                "what",
                format!("the text of element {} in {part}", node.qname),
            )
            .with("limit", MAX_TEXT));
    }
    node.text.push_str(s);
    Ok(())
}

/// One element: its qualified and local names, attributes, text and children.
#[derive(Debug)]
pub(crate) struct Node {
    pub qname: String,
    /// Where the local name starts in `qname` (matching by local name is the hot path).
    local_at: usize,
    pub attrs: Vec<(String, String)>,
    /// The element's own text (text and CDATA directly inside it, joined).
    pub text: String,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
}

impl Node {
    pub fn local(&self) -> &str {
        self.qname.get(self.local_at..).unwrap_or(&self.qname)
    }
}

/// The part after the last `:`.
pub(crate) fn local_name(q: &str) -> &str {
    q.rsplit(':').next().unwrap_or(q)
}

/// A parsed part: element 0 is the root.
#[derive(Debug)]
pub(crate) struct Doc {
    pub part: String,
    nodes: Vec<Node>,
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
}

impl<'d> El<'d> {
    fn node(&self) -> &'d Node {
        // Ids come only from the tree itself, so they are always in range.
        &self.doc.nodes[self.id]
    }

    pub fn local(&self) -> &'d str {
        self.node().local()
    }

    pub fn children(&self) -> impl Iterator<Item = El<'d>> + 'd {
        let doc = self.doc;
        self.node().children.iter().map(move |&id| El { doc, id })
    }

    /// The first child with this local name.
    pub fn child(&self, local: &str) -> Option<El<'d>> {
        self.children().find(|c| c.local() == local)
    }

    /// Every child with this local name.
    pub fn all(&self, local: &'d str) -> impl Iterator<Item = El<'d>> + 'd {
        self.children().filter(move |c| c.local() == local)
    }

    /// Every element below this one (depth first) with this local name.
    pub fn descendants(&self, local: &str) -> Vec<El<'d>> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.node().children.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            let n = &self.doc.nodes[id];
            if n.local() == local {
                out.push(El { doc: self.doc, id });
            }
            stack.extend(n.children.iter().rev().copied());
        }
        out
    }

    /// The first element below this one with this local name.
    pub fn find(&self, local: &str) -> Option<El<'d>> {
        self.descendants(local).into_iter().next()
    }

    /// The element's own text, trimmed (CDATA included; whitespace-only is empty).
    pub fn text(&self) -> &'d str {
        self.node().text.trim()
    }

    /// All text inside the element and its descendants, in document order, joined.
    pub fn deep_text(&self) -> String {
        let mut out = String::new();
        let mut stack = vec![self.id];
        while let Some(id) = stack.pop() {
            let n = &self.doc.nodes[id];
            out.push_str(&n.text);
            stack.extend(n.children.iter().rev().copied());
        }
        out
    }

    /// An attribute by local name.
    pub fn attr(&self, local: &str) -> Option<&'d str> {
        self.node()
            .attrs
            .iter()
            .find(|(k, _)| local_name(k) == local)
            .map(|(_, v)| v.as_str())
    }

    /// Every attribute (qualified name, value).
    pub fn attrs(&self) -> &'d [(String, String)] {
        &self.node().attrs
    }

    /// The text of the first child with this local name (trimmed; `None` when absent or empty).
    pub fn child_text(&self, local: &str) -> Option<&'d str> {
        self.child(local)
            .map(|c| c.text())
            .filter(|t| !t.is_empty())
    }

    /// Where this element is: `part:/root/child[2]/leaf` (an index only where names repeat).
    pub fn path(&self) -> String {
        let nodes = &self.doc.nodes;
        let mut chain = Vec::with_capacity(8);
        let mut id = self.id;
        chain.push(id);
        while let Some(p) = nodes[id].parent {
            chain.push(p);
            id = p;
        }
        let mut out = String::with_capacity(self.doc.part.len() + 16 * chain.len());
        out.push_str(&self.doc.part);
        out.push(':');
        for &id in chain.iter().rev() {
            let n = &nodes[id];
            out.push('/');
            out.push_str(&n.qname);
            if let Some(p) = n.parent {
                let (mut same, mut pos) = (0usize, 0usize);
                for &s in &nodes[p].children {
                    if nodes[s].qname == n.qname {
                        same += 1;
                        if s == id {
                            pos = same;
                        }
                    }
                }
                if same > 1 {
                    out.push('[');
                    out.push_str(&pos.to_string());
                    out.push(']');
                }
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

/// Parses one XML part. `part` names it in errors and paths.
///
/// # Errors
/// `READ-05` malformed XML, `READ-06` a DTD (refused, never expanded), `READ-07` a limit, `READ-08`
/// an encoding other than UTF-8.
pub(crate) fn parse(bytes: &[u8], part: &str) -> Result<Doc, Error> {
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
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut done = false;
    loop {
        let ev = reader.read_event().map_err(|e| malformed(part, e))?;
        match ev {
            Event::Decl(d) => {
                if let Some(Ok(enc)) = d.encoding() {
                    let enc = String::from_utf8_lossy(&enc).to_ascii_lowercase();
                    if enc != "utf-8" && enc != "utf8" {
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
                let id = push(&mut nodes, &stack, &s, part)?;
                stack.push(id);
                if stack.len() > MAX_DEPTH {
                    return Err(Error::new(LIMIT)
                        .with("what", format!("XML nesting in {part}"))
                        .with("limit", MAX_DEPTH));
                }
            }
            Event::Empty(s) => {
                if done {
                    return Err(malformed(part, "content after the root element"));
                }
                push(&mut nodes, &stack, &s, part)?;
                if stack.is_empty() {
                    done = true;
                }
            }
            Event::End(_) => {
                stack.pop();
                if stack.is_empty() {
                    done = true;
                }
            }
            Event::Text(t) => {
                if let Some(&top) = stack.last() {
                    let s = t.decode().map_err(|e| malformed(part, e))?;
                    let s = quick_xml::escape::unescape(&s).map_err(|e| malformed(part, e))?;
                    add_text(&mut nodes[top], &s, part)?;
                } else if !t.iter().all(u8::is_ascii_whitespace) {
                    return Err(malformed(part, "text outside the root element"));
                }
            }
            Event::GeneralRef(r) => {
                let Some(&top) = stack.last() else {
                    return Err(malformed(part, "a reference outside the root element"));
                };
                let name = r.decode().map_err(|e| malformed(part, e))?;
                let entity = format!("&{name};");
                let s = quick_xml::escape::unescape(&entity).map_err(|e| malformed(part, e))?;
                add_text(&mut nodes[top], &s, part)?;
            }
            Event::CData(c) => {
                if let Some(&top) = stack.last() {
                    let s = c.decode().map_err(|e| malformed(part, e))?;
                    add_text(&mut nodes[top], &s, part)?;
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::PI(_) => {}
        }
    }
    if nodes.is_empty() {
        return Err(malformed(part, "no root element"));
    }
    if !stack.is_empty() {
        return Err(malformed(
            part,
            "the document ends inside an element (truncated?)",
        ));
    }
    Ok(Doc {
        part: part.to_string(),
        nodes,
    })
}

fn push(
    nodes: &mut Vec<Node>,
    stack: &[usize],
    s: &BytesStart<'_>,
    part: &str,
) -> Result<usize, Error> {
    if nodes.len() >= MAX_NODES {
        return Err(Error::new(LIMIT)
            .with("what", format!("XML elements in {part}"))
            .with("limit", MAX_NODES));
    }
    let qname = String::from_utf8_lossy(s.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in s.attributes().with_checks(false) {
        let a = a.map_err(|e| malformed(part, e))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let raw = String::from_utf8_lossy(&a.value).into_owned();
        let value = quick_xml::escape::unescape(&raw)
            .map_err(|e| malformed(part, e))?
            .into_owned();
        attrs.push((key, value));
    }
    let parent = stack.last().copied();
    if parent.is_none() && !nodes.is_empty() {
        return Err(malformed(part, "more than one root element"));
    }
    let id = nodes.len();
    let local_at = qname.rfind(':').map_or(0, |i| i + 1);
    nodes.push(Node {
        qname,
        local_at,
        attrs,
        text: String::new(),
        children: Vec::new(),
        parent,
    });
    if let Some(p) = parent {
        nodes[p].children.push(id);
    }
    Ok(id)
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
    }
}
