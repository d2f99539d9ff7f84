//! Reading robustness: every XML example (`examples/files/`), every shared fixture
//! (`../shared/fixtures/`) and every XML part inside every OFD, rewritten the ways real producers
//! write the same data (formats.md: child order, empty and self-closed elements, unknown elements,
//! CDATA; and what any XML writer may do: prefixes, a default namespace, declarations where used,
//! character references, line ends, comments, quotes, the declaration, a BOM), each read to the
//! same invoice with the same findings as the original. Values printed another way (an amount
//! with `¥` or thousands separators, a date in another printed form, a rate as `6%`) read to the
//! same invoice too; a masked id reads to the invoice with a `READ-11` at that field; an empty
//! element reads exactly as an absent one. The OFD container is rewritten too: another entry
//! order, stored or differently compressed entries, data descriptors, ZIP64 records, directory
//! entries, extra files and another letter case in entry names.
//!
//! A clone without `../shared` beside it runs the examples only and says so.

#![cfg(feature = "read")]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use invoice_core::read::{Reading, read};
use quick_xml::events::Event;
use serde_json::Value;

// ---------------------------------------------------------------- inputs

/// (name, bytes) of every example file and shared fixture that is XML or OFD.
fn inputs() -> Vec<(String, Vec<u8>)> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (dir, required) in [
        (here.join("../examples/files"), true),
        (here.join("../../shared/fixtures"), false),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            assert!(!required, "{} is missing", dir.display());
            eprintln!(
                "SKIPPED: {} not found (../shared is not beside this clone)",
                dir.display()
            );
            continue;
        };
        let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for p in files {
            if matches!(ext(&p).as_str(), "xml" | "ofd") {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                out.push((name, std::fs::read(&p).unwrap()));
            }
        }
    }
    assert!(out.len() >= 6, "too few inputs: {}", out.len());
    out
}

fn ext(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn is_zip(b: &[u8]) -> bool {
    b.starts_with(b"PK")
}

/// Which inputs a test rewrites.
#[derive(Clone, Copy, PartialEq)]
enum Only {
    Any,
    Ofd,
}

/// The inputs (`Only::Ofd`: the OFD packages among them), each with its reading as the
/// comparison sees it: what every rewrite of it must read to.
fn readings(only: Only) -> Vec<(String, Vec<u8>, Value)> {
    inputs()
        .into_iter()
        .filter(|(_, bytes)| only == Only::Any || is_zip(bytes))
        .map(|(name, bytes)| {
            let want = view(&read(&bytes));
            (name, bytes, want)
        })
        .collect()
}

// ---------------------------------------------------------------- an XML tree to rewrite

#[derive(Clone, Debug)]
enum Node {
    El(El),
    Text(String),
}

#[derive(Clone, Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    kids: Vec<Node>,
}

impl El {
    fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    fn prefix(&self) -> Option<&str> {
        self.name.rsplit_once(':').map(|(p, _)| p)
    }

    fn text(&self) -> String {
        self.kids
            .iter()
            .filter_map(|k| match k {
                Node::Text(t) => Some(t.as_str()),
                Node::El(_) => None,
            })
            .collect()
    }

    fn has_element_kids(&self) -> bool {
        self.kids.iter().any(|k| matches!(k, Node::El(_)))
    }

    fn set_text(&mut self, t: &str) {
        self.kids.retain(|k| matches!(k, Node::El(_)));
        self.kids.insert(0, Node::Text(t.to_string()));
    }

    /// Every element of the subtree, pre-order, mutably.
    fn walk_mut(&mut self, f: &mut dyn FnMut(&mut El)) {
        f(self);
        for k in &mut self.kids {
            if let Node::El(e) = k {
                e.walk_mut(f);
            }
        }
    }

    fn walk(&self, f: &mut dyn FnMut(&El)) {
        f(self);
        for k in &self.kids {
            if let Node::El(e) = k {
                e.walk(f);
            }
        }
    }
}

/// Parses well-formed UTF-8 XML (the inputs) into a tree; whitespace-only text between elements
/// is dropped (the writer makes its own layout), comments and PIs too (they carry nothing).
fn parse(bytes: &[u8]) -> Option<El> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.trim_start().starts_with('<') {
        return None;
    }
    let mut r = quick_xml::Reader::from_str(text);
    let mut stack: Vec<El> = vec![El {
        name: String::new(),
        attrs: Vec::new(),
        kids: Vec::new(),
    }];
    let el_of = |s: &quick_xml::events::BytesStart<'_>| El {
        name: String::from_utf8(s.name().as_ref().to_vec()).unwrap(),
        attrs: s
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.unescape_value().unwrap().into_owned(),
                )
            })
            .collect(),
        kids: Vec::new(),
    };
    fn push_text(top: &mut El, s: &str) {
        if let Some(Node::Text(t)) = top.kids.last_mut() {
            t.push_str(s);
        } else {
            top.kids.push(Node::Text(s.to_string()));
        }
    }
    loop {
        match r.read_event().ok()? {
            Event::Start(s) => stack.push(el_of(&s)),
            Event::Empty(s) => {
                let e = el_of(&s);
                stack.last_mut()?.kids.push(Node::El(e));
            }
            Event::End(_) => {
                let e = stack.pop()?;
                stack.last_mut()?.kids.push(Node::El(e));
            }
            Event::Text(t) => {
                let s = quick_xml::escape::unescape(&t.decode().ok()?)
                    .ok()?
                    .into_owned();
                push_text(stack.last_mut()?, &s);
            }
            Event::CData(c) => {
                let s = c.decode().ok()?.into_owned();
                push_text(stack.last_mut()?, &s);
            }
            Event::GeneralRef(g) => {
                let s = match g.resolve_char_ref().ok()? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = g.decode().ok()?;
                        quick_xml::escape::unescape(&format!("&{name};"))
                            .ok()?
                            .into_owned()
                    }
                };
                push_text(stack.last_mut()?, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let doc = stack.pop()?;
    let mut root = doc.kids.into_iter().find_map(|k| match k {
        Node::El(e) => Some(e),
        Node::Text(_) => None,
    })?;
    // Whitespace-only text beside elements is layout.
    root.walk_mut(&mut |e| {
        if e.has_element_kids() {
            e.kids
                .retain(|k| !matches!(k, Node::Text(t) if t.trim().is_empty()));
        }
    });
    Some(root)
}

// ---------------------------------------------------------------- writing it back

#[derive(Clone, Copy, Debug, PartialEq)]
enum Text {
    /// `&`, `<`, `>` escaped.
    Plain,
    /// Every text in CDATA.
    Cdata,
    /// Every non-ASCII character as `&#x…;` (a writer whose output encoding is ASCII).
    HexRefs,
    /// Every character as a decimal `&#…;`.
    DecRefs,
    /// `"` and `'` as `&quot;` `&apos;` too.
    Entities,
    /// Values padded with line breaks, tabs and spaces (as pretty-printers do).
    Padded,
    /// Values padded with ideographic spaces (U+3000).
    WidePadded,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Ns {
    Keep,
    /// Every declared prefix renamed (`ofd:` → `n0:`).
    Rename,
    /// The most used prefix made the default namespace.
    Default,
    /// A default namespace written with a prefix instead.
    Prefixed,
    /// Declarations moved from the root to every element that uses them.
    Local,
}

#[derive(Clone, Copy, Debug)]
struct Style {
    name: &'static str,
    decl: &'static str,
    bom: bool,
    newline: &'static str,
    indent: &'static str,
    text: Text,
    quote: char,
    comments: bool,
    unknown: bool,
    reorder: bool,
    expand_empty: bool,
    ns: Ns,
}

const BASE: Style = Style {
    name: "rewritten",
    decl: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    bom: false,
    newline: "\n",
    indent: "  ",
    text: Text::Plain,
    quote: '"',
    comments: false,
    unknown: false,
    reorder: false,
    expand_empty: false,
    ns: Ns::Keep,
};

/// The XML rewrites, one way each (the first is the plain rewrite every other is compared to
/// implicitly: it must read as the original).
fn styles() -> Vec<Style> {
    vec![
        BASE,
        Style {
            name: "cdata",
            text: Text::Cdata,
            ..BASE
        },
        Style {
            name: "crlf-tabs",
            newline: "\r\n",
            indent: "\t",
            ..BASE
        },
        Style {
            name: "minified",
            newline: "",
            indent: "",
            ..BASE
        },
        Style {
            name: "bom",
            bom: true,
            ..BASE
        },
        Style {
            name: "bom-no-declaration",
            bom: true,
            decl: "",
            ..BASE
        },
        Style {
            name: "no-declaration",
            decl: "",
            ..BASE
        },
        Style {
            name: "declaration-single-quoted-standalone",
            decl: "<?xml version='1.0' encoding='utf-8' standalone='yes'?>",
            ..BASE
        },
        Style {
            name: "declaration-utf8-without-hyphen",
            decl: "<?xml version=\"1.0\" encoding=\"UTF8\"?>",
            ..BASE
        },
        Style {
            name: "declaration-without-encoding",
            decl: "<?xml version=\"1.0\"?>",
            ..BASE
        },
        // An ASCII-only document (every other character a reference) may declare any
        // ASCII-compatible encoding: producers that write GBK declare it.
        Style {
            name: "ascii-declared-gbk",
            decl: "<?xml version=\"1.0\" encoding=\"GBK\"?>",
            text: Text::HexRefs,
            ..BASE
        },
        Style {
            name: "ascii-declared-gb2312",
            decl: "<?xml version=\"1.0\" encoding=\"gb2312\" standalone=\"no\"?>",
            text: Text::DecRefs,
            ..BASE
        },
        Style {
            name: "unknown-elements",
            unknown: true,
            ..BASE
        },
        Style {
            name: "comments-and-pi",
            comments: true,
            ..BASE
        },
        Style {
            name: "padded",
            text: Text::Padded,
            ..BASE
        },
        Style {
            name: "wide-padded",
            text: Text::WidePadded,
            ..BASE
        },
        Style {
            name: "single-quoted-attributes",
            quote: '\'',
            ..BASE
        },
        Style {
            name: "hex-character-references",
            text: Text::HexRefs,
            ..BASE
        },
        Style {
            name: "decimal-character-references",
            text: Text::DecRefs,
            ..BASE
        },
        Style {
            name: "predefined-entities",
            text: Text::Entities,
            ..BASE
        },
        Style {
            name: "empty-elements-expanded",
            expand_empty: true,
            ..BASE
        },
        Style {
            name: "reordered",
            reorder: true,
            ..BASE
        },
        Style {
            name: "renamed-prefixes",
            ns: Ns::Rename,
            ..BASE
        },
        Style {
            name: "default-namespace",
            ns: Ns::Default,
            ..BASE
        },
        Style {
            name: "prefixed-default-namespace",
            ns: Ns::Prefixed,
            ..BASE
        },
        Style {
            name: "local-declarations",
            ns: Ns::Local,
            ..BASE
        },
        Style {
            name: "everything-at-once",
            decl: "",
            bom: true,
            newline: "\r\n",
            indent: " ",
            text: Text::Cdata,
            quote: '\'',
            comments: true,
            unknown: true,
            reorder: true,
            expand_empty: true,
            ns: Ns::Rename,
        },
    ]
}

fn escape_text(s: &str, text: Text, attr_quote: Option<char>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match (c, text) {
            (_, Text::DecRefs) => out.push_str(&format!("&#{};", u32::from(c))),
            ('&', _) => out.push_str("&amp;"),
            ('<', _) => out.push_str("&lt;"),
            ('>', _) => out.push_str("&gt;"),
            ('"', Text::Entities) => out.push_str("&quot;"),
            ('\'', Text::Entities) => out.push_str("&apos;"),
            (c, _) if Some(c) == attr_quote => {
                out.push_str(if c == '"' { "&quot;" } else { "&apos;" })
            }
            (c, Text::HexRefs) if !c.is_ascii() => out.push_str(&format!("&#x{:X};", u32::from(c))),
            // Line ends inside attribute values would be normalised to spaces.
            ('\r' | '\n' | '\t', _) if attr_quote.is_some() => {
                out.push_str(&format!("&#{};", u32::from(c)))
            }
            (c, _) => out.push(c),
        }
    }
    out
}

fn write_text(out: &mut String, s: &str, st: &Style) {
    match st.text {
        Text::Cdata if !s.contains("]]>") => {
            out.push_str("<![CDATA[");
            out.push_str(s);
            out.push_str("]]>");
        }
        Text::Padded => {
            out.push_str("\n\t  ");
            out.push_str(&escape_text(s, Text::Plain, None));
            out.push_str(" \t\n ");
        }
        Text::WidePadded => {
            out.push('\u{3000}');
            out.push_str(&escape_text(s, Text::Plain, None));
            out.push_str("\u{3000}\u{3000}");
        }
        t => out.push_str(&escape_text(s, t, None)),
    }
}

fn write_el(out: &mut String, e: &El, depth: usize, st: &Style) {
    let q = st.quote;
    out.push('<');
    out.push_str(&e.name);
    for (k, v) in &e.attrs {
        let text = if matches!(st.text, Text::HexRefs | Text::DecRefs | Text::Entities) {
            st.text
        } else {
            Text::Plain
        };
        out.push_str(&format!(" {k}={q}{}{q}", escape_text(v, text, Some(q))));
    }
    let elements = e.has_element_kids();
    let text = e.text();
    if !elements && text.is_empty() {
        // An element given an empty text on purpose (see the empty-element test).
        if st.text == Text::Cdata && !e.kids.is_empty() {
            out.push_str(&format!("><![CDATA[]]></{}>", e.name));
        } else if st.expand_empty {
            out.push_str(&format!("></{}>", e.name));
        } else {
            out.push_str("/>");
        }
        return;
    }
    out.push('>');
    if !elements {
        write_text(out, &text, st);
    } else {
        let mut kids: Vec<&Node> = e.kids.iter().collect();
        if st.reorder && kids.iter().all(|k| matches!(k, Node::El(_))) {
            // Stable: elements of one name keep their order (lines, pages, repeated tags).
            kids.sort_by(|a, b| match (a, b) {
                (Node::El(a), Node::El(b)) => b.local().cmp(a.local()),
                _ => std::cmp::Ordering::Equal,
            });
        }
        let pad = |out: &mut String, d: usize| {
            out.push_str(st.newline);
            if !st.newline.is_empty() {
                out.push_str(&st.indent.repeat(d));
            }
        };
        if st.unknown {
            pad(out, depth + 1);
            out.push_str("<ptbh />");
        }
        for k in kids {
            match k {
                Node::El(c) => {
                    pad(out, depth + 1);
                    if st.comments {
                        out.push_str("<!-- 以下为 <data> & more -->");
                        pad(out, depth + 1);
                    }
                    write_el(out, c, depth + 1, st);
                }
                Node::Text(t) => write_text(out, t, st),
            }
        }
        if st.unknown {
            pad(out, depth + 1);
            out.push_str(&format!(
                "<ExtInfo Kind={q}x{q}><ExtValue>附加 1</ExtValue><ExtFlag/></ExtInfo>"
            ));
        }
        if st.comments {
            out.push_str("<?producer note?>");
        }
        pad(out, depth);
    }
    out.push_str(&format!("</{}>", e.name));
}

/// Every `xmlns:p` declared in the tree: (prefix, uri).
fn declared_prefixes(root: &El) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    root.walk(&mut |e| {
        for (k, v) in &e.attrs {
            if let Some(p) = k.strip_prefix("xmlns:")
                && !p.is_empty()
                && !out.iter().any(|(q, _)| q == p)
            {
                out.push((p.to_string(), v.clone()));
            }
        }
    });
    out
}

fn rename_prefix(name: &str, from: &str, to: &str) -> String {
    match name.split_once(':') {
        Some((p, local)) if p == from => {
            if to.is_empty() {
                local.to_string()
            } else {
                format!("{to}:{local}")
            }
        }
        _ => name.to_string(),
    }
}

/// The namespace rewrite of a tree (`None` when it does not apply to this document).
fn namespaces(root: &El, ns: Ns) -> Option<El> {
    let mut root = root.clone();
    let declared = declared_prefixes(&root);
    match ns {
        Ns::Keep => {}
        Ns::Rename => {
            if declared.is_empty() {
                return None;
            }
            for (i, (p, _)) in declared.iter().enumerate() {
                let to = format!("n{i}");
                root.walk_mut(&mut |e| {
                    e.name = rename_prefix(&e.name, p, &to);
                    for (k, _) in &mut e.attrs {
                        if *k == format!("xmlns:{p}") {
                            *k = format!("xmlns:{to}");
                        } else {
                            *k = rename_prefix(k, p, &to);
                        }
                    }
                });
            }
        }
        Ns::Default => {
            let mut any_default = false;
            root.walk(&mut |e| any_default |= e.attrs.iter().any(|(k, _)| k == "xmlns"));
            if any_default {
                return None;
            }
            // The prefix most elements use.
            let mut counts: Vec<(String, usize)> = Vec::new();
            root.walk(&mut |e| {
                if let Some(p) = e.prefix() {
                    match counts.iter_mut().find(|(q, _)| q == p) {
                        Some(c) => c.1 += 1,
                        None => counts.push((p.to_string(), 1)),
                    }
                }
            });
            counts.sort_by_key(|c| std::cmp::Reverse(c.1));
            let (p, _) = counts.first()?;
            let uri = declared.iter().find(|(q, _)| q == p)?.1.clone();
            root.walk_mut(&mut |e| e.name = rename_prefix(&e.name, p, ""));
            root.attrs.push(("xmlns".into(), uri));
        }
        Ns::Prefixed => {
            fn prefix_default(e: &mut El, inside: bool) {
                let here = e.attrs.iter().any(|(k, _)| k == "xmlns");
                for (k, _) in &mut e.attrs {
                    if k == "xmlns" {
                        *k = "xmlns:d0".into();
                    }
                }
                let inside = inside || here;
                if inside && !e.name.contains(':') {
                    e.name = format!("d0:{}", e.name);
                }
                for k in &mut e.kids {
                    if let Node::El(c) = k {
                        prefix_default(c, inside);
                    }
                }
            }
            let mut any_default = false;
            root.walk(&mut |e| any_default |= e.attrs.iter().any(|(k, _)| k == "xmlns"));
            if !any_default {
                return None;
            }
            prefix_default(&mut root, false);
        }
        Ns::Local => {
            if declared.is_empty() {
                return None;
            }
            root.walk_mut(&mut |e| {
                e.attrs.retain(|(k, _)| !k.starts_with("xmlns:"));
                let mut used: Vec<&str> = e.prefix().into_iter().collect();
                used.extend(
                    e.attrs
                        .iter()
                        .filter_map(|(k, _)| k.split_once(':').map(|x| x.0)),
                );
                let mut decls = Vec::new();
                for (p, uri) in &declared {
                    if used.contains(&p.as_str()) {
                        decls.push((format!("xmlns:{p}"), uri.clone()));
                    }
                }
                e.attrs.splice(0..0, decls);
            });
        }
    }
    Some(root)
}

fn write(root: &El, st: &Style) -> Option<Vec<u8>> {
    let root = namespaces(root, st.ns)?;
    let mut out = String::new();
    if st.bom {
        out.push('\u{feff}');
    }
    out.push_str(st.decl);
    if !st.decl.is_empty() {
        out.push_str(st.newline);
    }
    if st.comments {
        out.push_str("<!-- written by a producer -->");
        out.push_str(st.newline);
    }
    write_el(&mut out, &root, 0, st);
    out.push_str(st.newline);
    Some(out.into_bytes())
}

// ---------------------------------------------------------------- the OFD container

#[derive(Clone)]
struct Entry {
    name: String,
    data: Vec<u8>,
}

fn unzip(bytes: &[u8]) -> Vec<Entry> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            Entry {
                name: f.name().unwrap().into_owned(),
                data,
            }
        })
        .collect()
}

#[derive(Clone, Copy, Debug)]
struct Zip {
    name: &'static str,
    stored: bool,
    level: Option<i64>,
    reversed: bool,
    stream: bool,
    zip64: bool,
    dirs: bool,
    extra_files: bool,
    /// Entry names in another letter case.
    case: Option<fn(&str) -> String>,
    comment: bool,
}

const ZIP: Zip = Zip {
    name: "rezipped",
    stored: false,
    level: None,
    reversed: false,
    stream: false,
    zip64: false,
    dirs: false,
    extra_files: false,
    case: None,
    comment: false,
};

fn zips() -> Vec<Zip> {
    vec![
        ZIP,
        Zip {
            name: "stored",
            stored: true,
            ..ZIP
        },
        Zip {
            name: "level-1",
            level: Some(1),
            ..ZIP
        },
        Zip {
            name: "level-9",
            level: Some(9),
            ..ZIP
        },
        Zip {
            name: "reversed-order",
            reversed: true,
            ..ZIP
        },
        Zip {
            name: "data-descriptors",
            stream: true,
            ..ZIP
        },
        Zip {
            name: "zip64-records",
            zip64: true,
            ..ZIP
        },
        Zip {
            name: "directory-entries",
            dirs: true,
            ..ZIP
        },
        Zip {
            name: "extra-files",
            extra_files: true,
            ..ZIP
        },
        Zip {
            name: "archive-comment",
            comment: true,
            ..ZIP
        },
        Zip {
            name: "upper-case-names",
            case: Some(|s| s.to_uppercase()),
            ..ZIP
        },
        // .NET Framework 4.5's ZipFile wrote Windows separators.
        Zip {
            name: "backslash-names",
            case: Some(|s| s.replace('/', "\\")),
            ..ZIP
        },
        Zip {
            name: "lower-case-names",
            case: Some(|s| s.to_lowercase()),
            ..ZIP
        },
        Zip {
            name: "everything-at-once",
            stored: false,
            level: Some(1),
            reversed: true,
            stream: true,
            zip64: false,
            dirs: true,
            extra_files: true,
            case: Some(|s| s.to_lowercase()),
            comment: true,
        },
    ]
}

/// Files producers and signing tools add beside the invoice parts.
fn extra_files() -> Vec<Entry> {
    let e = |name: &str, data: &[u8]| Entry {
        name: name.into(),
        data: data.to_vec(),
    };
    vec![
        e("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\r\n"),
        e("Doc_0/Res/seal.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        e(
            "Doc_0/Signs/Sign_0/SignedValue.dat",
            &[0x30, 0x82, 0x01, 0x00, 0xA0],
        ),
        e(
            "Doc_0/Attachs/readme.xml",
            "<?xml version=\"1.0\"?><说明>本文件为电子发票</说明>".as_bytes(),
        ),
        e(
            "Doc_0/Attachs/legacy-gbk.xml",
            b"<?xml version=\"1.0\" encoding=\"GBK\"?><a>\xb7\xa2\xc6\xb1</a>",
        ),
        e(
            "__MACOSX/Doc_0/Attachs/._original_invoice.xml",
            b"\0\x05\x16\x07\0\x02\0\0Mac OS X",
        ),
        e("Doc_0/Tags/notes.txt", b"tags"),
    ]
}

fn rezip(entries: &[Entry], z: &Zip) -> Vec<u8> {
    let mut entries: Vec<Entry> = entries.to_vec();
    if z.extra_files {
        let mut extra = extra_files();
        extra.retain(|x| !entries.iter().any(|e| e.name.eq_ignore_ascii_case(&x.name)));
        // Some before the parts, some after.
        let tail = extra.split_off(3);
        entries.splice(0..0, extra);
        entries.extend(tail);
    }
    if z.reversed {
        entries.reverse();
    }
    if let Some(case) = z.case {
        for e in &mut entries {
            e.name = case(&e.name);
        }
    }
    let method = if z.stored {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(z.level)
        .large_file(z.zip64);
    fn fill<W: Write + std::io::Seek>(
        w: &mut zip::ZipWriter<W>,
        entries: &[Entry],
        z: &Zip,
        opts: zip::write::SimpleFileOptions,
    ) {
        // The fixtures list their folders already.
        let mut dirs_done: Vec<String> = entries
            .iter()
            .filter(|e| e.name.ends_with('/'))
            .map(|e| e.name.clone())
            .collect();
        for e in entries {
            if z.dirs {
                let mut dir = String::new();
                for seg in e
                    .name
                    .split('/')
                    .collect::<Vec<_>>()
                    .iter()
                    .rev()
                    .skip(1)
                    .rev()
                {
                    dir.push_str(seg);
                    dir.push('/');
                    if !dirs_done.contains(&dir) {
                        w.add_directory(dir.as_str(), opts).unwrap();
                        dirs_done.push(dir.clone());
                    }
                }
            }
            w.start_file(e.name.as_str(), opts)
                .unwrap_or_else(|x| panic!("{} {}: {x}", z.name, e.name));
            w.write_all(&e.data).unwrap();
        }
        if z.comment {
            w.set_comment("由开票软件生成").unwrap();
        }
    }
    if z.stream {
        let mut w = zip::ZipWriter::new_stream(Vec::new());
        fill(&mut w, &entries, z, opts);
        w.finish().unwrap().into_inner()
    } else {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        fill(&mut w, &entries, z, opts);
        w.finish().unwrap().into_inner()
    }
}

/// An OFD with every XML part passed through `f` (parts `f` declines stay as they are).
/// Rewrites one part (its stored name, its bytes), or declines (`None`).
type PartFn<'a> = &'a dyn Fn(&str, &[u8]) -> Option<Vec<u8>>;

fn map_parts(bytes: &[u8], f: PartFn<'_>) -> Vec<u8> {
    let entries: Vec<Entry> = unzip(bytes)
        .into_iter()
        .map(|mut e| {
            if e.name.to_lowercase().ends_with(".xml")
                && let Some(d) = f(&e.name, &e.data)
            {
                e.data = d;
            }
            e
        })
        .collect();
    // Stored: deflating every variant again would be most of the test's time.
    rezip(
        &entries,
        &Zip {
            stored: true,
            ..ZIP
        },
    )
}

// ---------------------------------------------------------------- comparing readings

/// A place in a file as the comparison sees it: the part's name in lower case with `/` for `\`,
/// and element names without their prefixes (a rewrite may rename both).
fn loose_place(s: &str) -> String {
    let (part, path) = match s.find(":/") {
        Some(i) => (&s[..i], &s[i + 1..]),
        None if s.to_lowercase().contains(".xml") => (s, ""),
        None => return s.to_string(),
    };
    let path: Vec<String> = path
        .split('/')
        .map(|seg| seg.rsplit_once(':').map_or(seg, |x| x.1).to_string())
        .collect();
    let mut out = part.replace('\\', "/").to_lowercase();
    if path.iter().any(|seg| !seg.is_empty()) {
        out.push(':');
        out.push_str(&path.join("/"));
    }
    out
}

fn loosen(v: &mut Value) {
    match v {
        Value::String(s) => *s = loose_place(s),
        Value::Array(a) => a.iter_mut().for_each(loosen),
        Value::Object(o) => o.values_mut().for_each(loosen),
        _ => {}
    }
}

/// What is compared: the whole reading as JSON (invoice, source, QR, what is not carried,
/// accounting, origins, findings with their params), or the error's code.
fn view(r: &Result<Reading, invoice_core::Error>) -> Value {
    let mut v = match r {
        Ok(r) => r.to_value(),
        Err(e) => serde_json::json!({"error": e.code(), "params": e.to_string()}),
    };
    loosen(&mut v);
    v
}

/// The first difference between two JSON values, for the failure message.
fn diff(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let (p, q) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                if let Some(d) = diff(p, q, &format!("{at}.{k}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| diff(p, q, &format!("{at}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!(
            "{at}: {} vs {}",
            shorten(&a.to_string()),
            shorten(&b.to_string())
        )),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Reads `variant` and records a failure unless it reads as `want`.
fn same(fails: &mut Vec<String>, what: &str, want: &Value, variant: &[u8]) {
    let got = view(&read(variant));
    if let Some(d) = diff(want, &got, "") {
        fails.push(format!("{what}: {d}"));
    }
}

fn report(fails: Vec<String>, checked: usize) {
    eprintln!("{checked} variants read, {} differ", fails.len());
    assert!(
        fails.is_empty(),
        "{} of {checked} variants read differently:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

// ---------------------------------------------------------------- the tests

/// Every XML file, and every XML part of every OFD, in every style: the same reading.
#[test]
fn rewritten_xml_reads_the_same() {
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Any) {
        assert!(want.get("error").is_none(), "{name} does not read: {want}");
        for st in styles() {
            let variant = if is_zip(&bytes) {
                map_parts(&bytes, &|_, b| write(&parse(b)?, &st))
            } else {
                let Some(v) = write(&parse(&bytes).unwrap(), &st) else {
                    continue;
                };
                v
            };
            checked += 1;
            same(
                &mut fails,
                &format!("{name} / {}", st.name),
                &want,
                &variant,
            );
        }
    }
    report(fails, checked);
}

/// Every OFD rezipped every way a ZIP writer may: the same reading.
#[test]
fn rezipped_ofd_reads_the_same() {
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Ofd) {
        let entries = unzip(&bytes);
        for z in zips() {
            checked += 1;
            same(
                &mut fails,
                &format!("{name} / {}", z.name),
                &want,
                &rezip(&entries, &z),
            );
        }
    }
    report(fails, checked);
}

/// An OFD whose part locations are written another way: absolute from the container's root
/// (`/Doc_0/Pages/Page_0/Content.xml`, as formats.md shows for signatures) or with `./`.
fn relocated(bytes: &[u8], absolute: bool) -> Vec<u8> {
    map_parts(bytes, &|name, b| {
        let dir = name.rsplit_once('/').map_or("", |x| x.0);
        let moved = |t: &str| -> String {
            let t = t.trim();
            if t.is_empty() || t.starts_with('/') {
                t.to_string()
            } else if !absolute {
                format!("./{t}")
            } else if dir.is_empty() {
                format!("/{t}")
            } else {
                format!("/{dir}/{t}")
            }
        };
        let mut r = parse(b)?;
        r.walk_mut(&mut |e| {
            for (k, v) in &mut e.attrs {
                if k.as_str() == "BaseLoc" {
                    *v = moved(v);
                }
            }
            let holds_location = matches!(
                e.local(),
                "DocRoot"
                    | "FileLoc"
                    | "Attachments"
                    | "CustomTags"
                    | "PublicRes"
                    | "DocumentRes"
                    | "Annotations"
                    | "Signatures"
            );
            if holds_location && !e.has_element_kids() && !e.text().trim().is_empty() {
                let t = moved(&e.text());
                e.set_text(&t);
            }
        });
        write(&r, &BASE)
    })
}

/// Every OFD with its part locations absolute or `./`-relative: the same reading.
#[test]
fn ofd_locations_written_another_way_read_the_same() {
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Ofd) {
        for (how, absolute) in [("absolute", true), ("dot-relative", false)] {
            checked += 1;
            same(
                &mut fails,
                &format!("{name} / {how} locations"),
                &want,
                &relocated(&bytes, absolute),
            );
        }
    }
    report(fails, checked);
}

/// A QR text file as scanners and people save it: a line end, CRLF, a BOM, spaces around.
#[test]
fn qr_text_saved_another_way_reads_the_same() {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(here.join("../examples/files/digital-special-blue-qr.txt"))
        .unwrap();
    let text = text.trim();
    let want = view(&read(text.as_bytes()));
    assert!(want.get("error").is_none(), "{want}");
    let mut fails = Vec::new();
    let forms = [
        format!("{text}\n"),
        format!("{text}\r\n"),
        format!("\u{feff}{text}\r\n"),
        format!("  {text}  \n\n"),
        format!("\t{text}\u{3000}"),
    ];
    for (i, f) in forms.iter().enumerate() {
        same(
            &mut fails,
            &format!("qr text form {i}"),
            &want,
            f.as_bytes(),
        );
    }
    report(fails, forms.len());
}

/// The data parts: the XML files themselves and the OFDs' attachments and tag files.
fn data_parts(bytes: &[u8]) -> Vec<(String, El)> {
    if !is_zip(bytes) {
        return vec![(String::new(), parse(bytes).unwrap())];
    }
    unzip(bytes)
        .into_iter()
        .filter(|e| {
            let l = e.name.to_lowercase();
            l.ends_with(".xml")
                && (l.contains("attachs/") || l.contains("tags/"))
                && !l.ends_with("attachments.xml")
                && !l.ends_with("customtags.xml")
        })
        .filter_map(|e| Some((e.name.clone(), parse(&e.data)?)))
        .collect()
}

/// `bytes` with data part `part` replaced by `root` (written plainly).
fn with_part(bytes: &[u8], part: &str, root: &El) -> Vec<u8> {
    let data = write(root, &BASE).unwrap();
    if part.is_empty() {
        return data;
    }
    map_parts(bytes, &|n, b| {
        if n == part {
            Some(data.clone())
        } else {
            Some(b.to_vec())
        }
    })
}

/// The leaves (elements without element children) of a tree, as paths of child indices; of
/// elements repeated under one parent (lines, tuples), the first two only (a 100-line invoice
/// would otherwise take minutes for nothing new).
fn leaves(root: &El) -> Vec<Vec<usize>> {
    fn go(e: &El, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if !e.has_element_kids() {
            out.push(at.clone());
            return;
        }
        let mut seen: Vec<&str> = Vec::new();
        for (i, k) in e.kids.iter().enumerate() {
            if let Node::El(c) = k {
                if c.has_element_kids() && seen.iter().filter(|n| **n == c.name).count() >= 2 {
                    continue;
                }
                seen.push(&c.name);
                at.push(i);
                go(c, at, out);
                at.pop();
            }
        }
    }
    let mut out = Vec::new();
    go(root, &mut Vec::new(), &mut out);
    out
}

fn at_mut<'e>(root: &'e mut El, path: &[usize]) -> &'e mut El {
    let mut e = root;
    for &i in path {
        e = match &mut e.kids[i] {
            Node::El(c) => c,
            Node::Text(_) => unreachable!(),
        };
    }
    e
}

fn at<'e>(root: &'e El, path: &[usize]) -> &'e El {
    let mut e = root;
    for &i in path {
        e = match &e.kids[i] {
            Node::El(c) => c,
            Node::Text(_) => unreachable!(),
        };
    }
    e
}

/// Any element emptied (`<X/>`, `<X></X>`, whitespace only, an empty CDATA) reads as it does
/// when absent (where its name is unique among its siblings, so no other element's place moves).
#[test]
fn an_empty_element_reads_as_an_absent_one() {
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes) in inputs() {
        // The 100-line invoice has the leaves of the 3-line ones, and is read a thousand times
        // here for nothing new.
        if name.contains("100-lines") {
            continue;
        }
        for (part, root) in data_parts(&bytes) {
            for leaf in leaves(&root) {
                let el = at(&root, &leaf);
                if el.text().trim().is_empty() || leaf.is_empty() {
                    continue;
                }
                let local = el.local().to_string();
                let mut forms: Vec<(&str, Vec<u8>)> = Vec::new();
                for (form, text) in [("self-closed", None), ("whitespace", Some(" \r\n\t "))] {
                    let mut r = root.clone();
                    let e = at_mut(&mut r, &leaf);
                    e.kids.clear();
                    if let Some(t) = text {
                        e.kids.push(Node::Text(t.into()));
                    }
                    forms.push((form, with_part(&bytes, &part, &r)));
                }
                for (form, st) in [
                    (
                        "open-and-close",
                        Style {
                            expand_empty: true,
                            ..BASE
                        },
                    ),
                    (
                        "empty-cdata",
                        Style {
                            text: Text::Cdata,
                            ..BASE
                        },
                    ),
                ] {
                    let mut r = root.clone();
                    let e = at_mut(&mut r, &leaf);
                    e.kids = vec![Node::Text(String::new())];
                    // An empty text: the CDATA style writes `<![CDATA[]]>`, the other `<X></X>`.
                    let data = {
                        let mut out = String::new();
                        write_el(&mut out, &r, 0, &st);
                        out.into_bytes()
                    };
                    let data = if part.is_empty() {
                        data
                    } else {
                        map_parts(&bytes, &|n, b| {
                            Some(if n == part { data.clone() } else { b.to_vec() })
                        })
                    };
                    forms.push((form, data));
                }
                let parent = at(&root, &leaf[..leaf.len() - 1]);
                let unique = parent
                    .kids
                    .iter()
                    .filter(|k| matches!(k, Node::El(c) if c.name == el.name))
                    .count()
                    == 1;
                let want = if unique {
                    let mut r = root.clone();
                    let p = at_mut(&mut r, &leaf[..leaf.len() - 1]);
                    p.kids.remove(*leaf.last().unwrap());
                    view(&read(&with_part(&bytes, &part, &r)))
                } else {
                    view(&read(&forms[0].1))
                };
                for (form, data) in &forms {
                    checked += 1;
                    same(
                        &mut fails,
                        &format!("{name} {part} {local} {form}"),
                        &want,
                        data,
                    );
                }
            }
        }
    }
    report(fails, checked);
}

/// `tree` with the text of every leaf named in `names` passed through `f` (`None`: unchanged);
/// returns how many changed.
fn rewrite_values(root: &mut El, names: &[&str], f: &dyn Fn(&str) -> Option<String>) -> usize {
    let mut n = 0;
    root.walk_mut(&mut |e| {
        let hit = names.contains(&e.local())
            || (e.local() == "CustomData"
                && e.attrs
                    .iter()
                    .any(|(k, v)| k == "Name" && names.contains(&v.as_str())));
        if hit
            && !e.has_element_kids()
            && let Some(t) = f(e.text().trim())
        {
            e.set_text(&t);
            n += 1;
        }
    });
    n
}

/// Every XML file and every XML part of every OFD with its values rewritten by `f`; the
/// variants that changed something.
fn value_variants(
    bytes: &[u8],
    names: &[&str],
    page_text: bool,
    f: &dyn Fn(&str) -> Option<String>,
) -> Option<Vec<u8>> {
    let changed = std::cell::Cell::new(0);
    let out = if is_zip(bytes) {
        map_parts(bytes, &|part, b| {
            let mut r = parse(b)?;
            let mut n = rewrite_values(&mut r, names, f);
            if page_text && part.to_lowercase().contains("pages/") {
                n += rewrite_values(&mut r, &["TextCode"], f);
            }
            changed.set(changed.get() + n);
            write(&r, &BASE)
        })
    } else {
        let mut r = parse(bytes).unwrap();
        changed.set(rewrite_values(&mut r, names, f));
        write(&r, &BASE)?
    };
    (changed.get() > 0).then_some(out)
}

const AMOUNTS: &[&str] = &[
    "TotalAmWithoutTax",
    "TotalTaxAm",
    "TotalTax-includedAmount",
    "Amount",
    "ComTaxAm",
    "TotaltaxIncludedAmount",
    "TaxExclusiveTotalAmount",
    "TaxTotalAmount",
    "TaxInclusiveTotalAmount",
    "TaxAmount",
    "TotalAmountExcludingTax",
    "TaxIncludedAmountInFigures",
    "AmountExcludingTax",
    "RecordedAmount",
    "AmountOfTransferredOutInputVat",
    "合计金额",
    "合计税额",
    "价税合计",
];

/// A plain figure (`-1234.50`): sign, integer digits, decimals.
fn figure(s: &str) -> Option<(bool, String, String)> {
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
    let (int, dec) = s.split_once('.')?;
    (!int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && dec.len() == 2
        && dec.bytes().all(|b| b.is_ascii_digit()))
    .then(|| (neg, int.to_string(), dec.to_string()))
}

fn thousands(int: &str) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn wide_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(u32::from(c) - u32::from('0') + 0xFF10).unwrap(),
            '.' => '．',
            c => c,
        })
        .collect()
}

/// Amounts printed the ways invoices print them: `¥`/`￥` before, thousands separators,
/// full-width digits, a space after the sign.
#[test]
fn amounts_as_printed_read_the_same() {
    type Form = fn(bool, &str, &str) -> String;
    let forms: Vec<(&str, Form)> = vec![
        ("yuan-sign", |n, i, d| {
            format!("{}¥{i}.{d}", if n { "-" } else { "" })
        }),
        ("wide-yuan-sign", |n, i, d| {
            format!("￥{}{i}.{d}", if n { "-" } else { "" })
        }),
        ("thousands", |n, i, d| {
            format!("{}{}.{d}", if n { "-" } else { "" }, thousands(i))
        }),
        ("sign-space-thousands", |n, i, d| {
            format!("¥ {}{}.{d}", if n { "-" } else { "" }, thousands(i))
        }),
        ("full-width-digits", |n, i, d| {
            wide_digits(&format!("{}{i}.{d}", if n { "-" } else { "" }))
        }),
        // 数电 XML prints ComTaxAm with six decimals (formats.md §1).
        ("six-decimals", |n, i, d| {
            format!("{}{i}.{d}0000", if n { "-" } else { "" })
        }),
        // An XBRL fact with decimals="0", a QR amount: whole yuan without decimals.
        ("whole-yuan-without-decimals", |n, i, d| {
            let sign = if n { "-" } else { "" };
            if d == "00" {
                format!("{sign}{i}")
            } else {
                format!("{sign}{i}.{d}")
            }
        }),
    ];
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Any) {
        for (form, f) in &forms {
            let g = |s: &str| {
                let (n, i, d) = figure(s)?;
                Some(f(n, &i, &d))
            };
            let Some(variant) = value_variants(&bytes, AMOUNTS, true, &g) else {
                continue;
            };
            checked += 1;
            same(
                &mut fails,
                &format!("{name} / amounts {form}"),
                &want,
                &variant,
            );
        }
    }
    report(fails, checked);
}

const DATES: &[&str] = &[
    "IssueTime",
    "RequestTime",
    "IssueDate",
    "DateOfIssue",
    "PostingDate",
    "开票日期",
];

/// A printed date (`2020年07月23日`, `2023-02-23 10:08:05`, `2023-11-13T20:05:10`): the date's
/// numbers and the time as written.
fn date_parts(s: &str) -> Option<(u32, u32, u32, Option<String>)> {
    let (day, time) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], Some(s[i + 1..].trim().to_string())),
        None => (s, None),
    };
    let nums: Vec<u32> = day
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match nums.as_slice() {
        [y, m, d] if *y > 1900 => Some((*y, *m, *d, time)),
        _ => None,
    }
}

/// Dates in every printed form formats.md and the reader's docs list, with the time (when the
/// original has one) after a space or a `T`.
#[test]
fn dates_in_every_printed_form_read_the_same() {
    type Form = fn(u32, u32, u32) -> String;
    let forms: Vec<(&str, Form)> = vec![
        ("iso", |y, m, d| format!("{y}-{m:02}-{d:02}")),
        ("slashes", |y, m, d| format!("{y}/{m:02}/{d:02}")),
        ("slashes-unpadded", |y, m, d| format!("{y}/{m}/{d}")),
        ("compact", |y, m, d| format!("{y}{m:02}{d:02}")),
        ("chinese", |y, m, d| format!("{y}年{m:02}月{d:02}日")),
        ("chinese-unpadded", |y, m, d| format!("{y}年{m}月{d}日")),
        ("full-width-chinese", |y, m, d| {
            wide_digits(&format!("{y}年{m:02}月{d:02}日"))
        }),
        ("full-width-iso", |y, m, d| {
            wide_digits(&format!("{y}-{m:02}-{d:02}"))
        }),
    ];
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Any) {
        for (form, f) in &forms {
            for sep in [" ", "T"] {
                let g = |s: &str| {
                    let (y, m, d, time) = date_parts(s)?;
                    let day = f(y, m, d);
                    Some(match &time {
                        Some(t) => format!("{day}{sep}{t}"),
                        None => day,
                    })
                };
                let Some(variant) = value_variants(&bytes, DATES, true, &g) else {
                    continue;
                };
                checked += 1;
                same(
                    &mut fails,
                    &format!("{name} / dates {form} {sep:?}"),
                    &want,
                    &variant,
                );
            }
        }
    }
    report(fails, checked);
}

/// Rates in the forms formats.md lists (`0.06`, `0.060000`, `6%`, `6.00%`, full-width `６％`).
#[test]
fn rates_in_every_printed_form_read_the_same() {
    type Form = fn(u32) -> String;
    let forms: Vec<(&str, Form)> = vec![
        ("fraction", |p| format!("0.{p:02}")),
        ("six-decimals", |p| format!("0.{p:02}0000")),
        ("percent", |p| format!("{p}%")),
        ("percent-decimals", |p| format!("{p}.00%")),
        ("full-width-percent", |p| wide_digits(&format!("{p}％"))),
    ];
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Any) {
        for (form, f) in &forms {
            let g = |s: &str| {
                let pct: u32 = if let Some(p) = s.strip_suffix('%') {
                    let p = p.trim_end_matches(".00");
                    p.parse().ok()?
                } else {
                    let d = s.strip_prefix("0.")?;
                    let d = d.trim_end_matches('0');
                    let d = format!("{d:0<2}");
                    if d.len() != 2 {
                        return None;
                    }
                    d.parse().ok()?
                };
                (1..100).contains(&pct).then(|| f(pct))
            };
            let Some(variant) = value_variants(&bytes, &["TaxRate", "TaxScheme"], true, &g) else {
                continue;
            };
            checked += 1;
            same(
                &mut fails,
                &format!("{name} / rates {form}"),
                &want,
                &variant,
            );
        }
    }
    report(fails, checked);
}

const IDS: &[&str] = &[
    "SellerIdNum",
    "BuyerIdNum",
    "SellerTaxID",
    "BuyerTaxID",
    "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfPurchaser",
    "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfSeller",
    // 20-digit 数电 numbers and check codes are masked in public samples too.
    "EIid",
    "InvoiceNumber",
    "InvoiceCheckCode",
    "IdentifyingCode",
];

/// The findings of a reading as (code, place) pairs.
fn findings(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| (f["code"].to_string(), f["path"].to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// A tax id masked the ways public samples mask them (`**********`, stars or x's in the middle):
/// the file still reads to its invoice; the only new finding is `READ-11` at that field.
#[test]
fn a_masked_id_is_a_finding_at_its_field() {
    type Form = fn(&str) -> String;
    let forms: Vec<(&str, Form)> = vec![
        ("all-stars", |_| "**********".into()),
        ("stars-inside", |s| {
            let c: Vec<char> = s.chars().collect();
            let n = c.len();
            c.iter()
                .enumerate()
                .map(|(i, &ch)| if i >= 4 && i + 2 < n { '*' } else { ch })
                .collect()
        }),
        ("xs-inside", |s| {
            let c: Vec<char> = s.chars().collect();
            let n = c.len();
            c.iter()
                .enumerate()
                .map(|(i, &ch)| if i >= 8 && i + 2 < n { 'X' } else { ch })
                .collect()
        }),
    ];
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Any) {
        for &id in IDS {
            for (form, f) in &forms {
                let g = |s: &str| (s.len() >= 15 && !s.contains(['*', 'x', 'X'])).then(|| f(s));
                let Some(variant) = value_variants(&bytes, &[id], false, &g) else {
                    continue;
                };
                checked += 1;
                let what = format!("{name} / {id} {form}");
                let got = view(&read(&variant));
                if got.get("error").is_some() || got["invoice"].is_null() {
                    fails.push(format!("{what}: refused or no invoice: {got}"));
                    continue;
                }
                let new: Vec<(String, String)> = findings(&got)
                    .into_iter()
                    .filter(|f| !findings(&want).contains(f))
                    .collect();
                let ok = new.len() == 1 && new[0].0 == "\"READ-11\"" && new[0].1.contains(id);
                if !ok {
                    fails.push(format!("{what}: new findings {new:?}"));
                }
                // The number changes only where the masked copy is the file's only one (the
                // value is then kept as printed).
                let masked_number = got["invoice"]["number"]
                    .as_str()
                    .is_some_and(|n| n.contains("***") || n.contains("XXX"));
                for k in ["number", "issue_date", "totals", "lines", "kind"] {
                    if got["invoice"][k] != want["invoice"][k] && !(k == "number" && masked_number)
                    {
                        fails.push(format!("{what}: invoice.{k} changed"));
                    }
                }
            }
        }
    }
    report(fails, checked);
}

/// A masked bank account (`6222********1234`) or phone is text as printed: no finding, nothing
/// refused.
#[test]
fn a_masked_account_or_phone_is_read_as_printed() {
    let mut fails = Vec::new();
    let mut checked = 0;
    let names = [
        "SellerBankAccNum",
        "BuyerBankAccNum",
        "SellerTelNum",
        "BuyerTelNum",
    ];
    for (name, bytes, want) in readings(Only::Any) {
        let g = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            (c.len() >= 8).then(|| {
                let n = c.len();
                c.iter()
                    .enumerate()
                    .map(|(i, &ch)| if i >= 4 && i + 4 < n { '*' } else { ch })
                    .collect::<String>()
            })
        };
        let Some(variant) = value_variants(&bytes, &names, false, &g) else {
            continue;
        };
        checked += 1;
        let got = view(&read(&variant));
        if findings(&got) != findings(&want)
            || got["invoice"]["totals"] != want["invoice"]["totals"]
        {
            fails.push(format!("{name}: {:?}", findings(&got)));
        }
    }
    report(fails, checked);
}

/// The comparison has teeth: a changed value, a lost finding and a refusal are differences, and
/// the rewrites above do change the bytes they are said to change.
#[test]
fn the_comparison_sees_what_it_should() {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let xml = std::fs::read(here.join("../examples/files/digital-special-blue.xml")).unwrap();
    let want = view(&read(&xml));
    let changed = value_variants(&xml, &["TotalTaxAm"], false, &|s| Some(format!("{s}1"))).unwrap();
    assert!(diff(&want, &view(&read(&changed)), "").is_some());
    let mut fails = Vec::new();
    same(&mut fails, "refused", &want, b"%PDF-1.7");
    assert_eq!(fails.len(), 1);

    let ofd = std::fs::read(here.join("../examples/files/digital-special-blue.ofd")).unwrap();
    let part = |bytes: &[u8], name: &str| -> String {
        let e = unzip(bytes).into_iter().find(|e| e.name == name).unwrap();
        String::from_utf8(e.data).unwrap()
    };
    assert!(part(&relocated(&ofd, true), "OFD.xml").contains(">/Doc_0/Document.xml<"));
    assert!(part(&relocated(&ofd, true), "Doc_0/Document.xml").contains("\"/Doc_0/Pages/"));
    assert!(part(&relocated(&ofd, false), "Doc_0/Document.xml").contains("\"./Pages/"));
    let ns = write(
        &parse(part(&ofd, "Doc_0/Document.xml").as_bytes()).unwrap(),
        &Style {
            ns: Ns::Default,
            ..BASE
        },
    )
    .unwrap();
    let ns = String::from_utf8(ns).unwrap();
    assert!(
        ns.contains("<Document xmlns=") || ns.contains(" xmlns=\""),
        "{ns}"
    );
    let z = rezip(
        &unzip(&ofd),
        &Zip {
            case: Some(|s| s.replace('/', "\\")),
            ..ZIP
        },
    );
    assert!(unzip(&z).iter().any(|e| e.name == "Doc_0\\Document.xml"));
    let empty = El {
        name: "X".into(),
        attrs: Vec::new(),
        kids: vec![Node::Text(String::new())],
    };
    let mut out = String::new();
    write_el(
        &mut out,
        &empty,
        0,
        &Style {
            text: Text::Cdata,
            ..BASE
        },
    );
    assert_eq!(out, "<X><![CDATA[]]></X>");
}

/// A data attachment with a Chinese name (`发票数据.xml`, listed so in `Attachments.xml`), its
/// entry name stored as UTF-8 or as GBK bytes without the ZIP's UTF-8 flag (as Chinese ZIP
/// writers store names; readers then see CP437 text): the same reading, under that name.
#[test]
fn a_data_attachment_with_a_chinese_name_reads_the_same() {
    const CN: &str = "发票数据.xml";
    // 发票数据 in GBK.
    const GBK: &[u8] = b"\xb7\xa2\xc6\xb1\xca\xfd\xbe\xdd.xml";
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes) in inputs() {
        let Ok(original) = read(&bytes) else {
            continue;
        };
        let Some(part) = original.source.part.clone() else {
            continue;
        };
        let Some((dir, base)) = part.rsplit_once('/') else {
            continue;
        };
        if !dir.to_lowercase().ends_with("attachs") {
            continue;
        }
        let want = view(&Ok(original)).to_string();
        for stored in [CN.as_bytes(), GBK] {
            let placeholder = format!("{}.xml", "X".repeat(stored.len() - 4));
            let entries: Vec<Entry> = unzip(&bytes)
                .into_iter()
                .map(|mut e| {
                    if e.name == part {
                        e.name = format!("{dir}/{placeholder}");
                    } else if e.name.to_lowercase().ends_with("attachments.xml") {
                        let t = String::from_utf8(e.data).unwrap();
                        e.data = t.replace(base, CN).into_bytes();
                    }
                    e
                })
                .collect();
            let mut z = rezip(&entries, &ZIP);
            // The name is written twice (local header, central directory), never compressed.
            let from = format!("{dir}/{placeholder}").into_bytes();
            let to = [format!("{dir}/").as_bytes(), stored].concat();
            let mut at = 0;
            while let Some(i) = z[at..].windows(from.len()).position(|w| w == from) {
                z.splice(at + i..at + i + from.len(), to.iter().copied());
                at += i + to.len();
            }
            let stored_name = unzip(&z)
                .into_iter()
                .map(|e| e.name)
                .find(|n| {
                    n.starts_with(dir)
                        && !n.contains(&placeholder)
                        && n.len() > dir.len() + 1
                        && !n.to_lowercase().ends_with("attachments.xml")
                })
                .unwrap();
            checked += 1;
            let got = view(&read(&z))
                .to_string()
                .replace(&stored_name.to_lowercase(), &part.to_lowercase())
                .replace(&stored_name, &part);
            let what = format!(
                "{name} / attachment named {:?}",
                String::from_utf8_lossy(stored)
            );
            let (want, got): (Value, Value) = (
                serde_json::from_str(&want).unwrap(),
                serde_json::from_str(&got).unwrap(),
            );
            if let Some(d) = diff(&want, &got, "") {
                fails.push(format!("{what}: {d}"));
            }
        }
    }
    assert!(
        checked >= 2,
        "no OFD with a data attachment among the inputs"
    );
    report(fails, checked);
}

/// The objects of every page and template layer in the opposite order (a page is drawn, not
/// read, in order; producers write objects in any order): the same reading.
#[test]
fn page_objects_in_another_order_read_the_same() {
    let mut fails = Vec::new();
    let mut checked = 0;
    for (name, bytes, want) in readings(Only::Ofd) {
        let variant = map_parts(&bytes, &|part, b| {
            let p = part.to_lowercase();
            if !(p.contains("pages/") || p.contains("tpls/") || p.contains("tpl_")) {
                return None;
            }
            let mut r = parse(b)?;
            r.walk_mut(&mut |e| {
                if e.local() == "Layer" {
                    e.kids.reverse();
                }
            });
            write(&r, &BASE)
        });
        checked += 1;
        same(
            &mut fails,
            &format!("{name} / page objects reversed"),
            &want,
            &variant,
        );
    }
    report(fails, checked);
}
