//! 数电 OFD: no data attachment; the custom tags (`Doc_0/Tags/CustomTag.xml`, or whatever file
//! `CustomTags.xml` names) map field names to `ObjectRef`s, each the ID of a `TextObject` on a
//! page (formats.md §3.3). One tag may point at several objects whose texts join (`¥` +
//! `2000.00`; an item name over two rows). Lines repeat `Item`/`Amount`/… tags in order; where
//! a column has fewer values than there are items (a line without quantity), values are matched
//! to their line by the row they are printed on. The kind is the template's title
//! (`电子发票（增值税专用发票）`), which is not tagged; neither is the 大写.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::fields::{self, Head, LineVals, Out, Val, party};
use super::ofd::{Container, dir_of, pages, resolve};
use super::xml::{self, Doc, El, Span};
use super::{Format, KIND_INFERRED, Reading, Source};
use crate::error::{Error, Path};
use crate::number::{Kind, kind_from_code};
use crate::validate::NotCarried;

/// A text object as a tag uses it: its text and where its box starts.
#[derive(Clone, Copy)]
struct TextObj<'p> {
    text: &'p str,
    x: Decimal,
    y: Decimal,
}

/// One tagged value: the joined text, the page and row of its first object, and the tag's
/// place.
#[derive(Clone)]
struct Tagged<'t> {
    text: String,
    /// The page ID as the tag file (or the document's first page) gives it.
    page: &'t str,
    y: Option<Decimal>,
    at: String,
}

/// One text object of a page: its `ID`, its `Boundary` and its text (the texts of its
/// `TextCode` children, joined), each a span of the page's buffer.
#[derive(Default)]
struct PageObject {
    id: Option<Span>,
    boundary: Option<Span>,
    text: Span,
}

/// The text objects of one page, found by ID (trimmed; where IDs repeat, the last one).
#[derive(Default)]
struct PageObjects {
    buf: String,
    objects: Vec<PageObject>,
    /// Indices into `objects`, sorted by ID.
    by_id: Vec<usize>,
}

impl PageObjects {
    fn span(&self, s: Span) -> &str {
        s.of(&self.buf)
    }

    /// An object's ID (trimmed once [`PageObjects::index`] has run).
    fn id(&self, i: usize) -> &str {
        self.objects
            .get(i)
            .and_then(|o| o.id)
            .map_or("", |s| self.span(s))
    }

    /// Trims the IDs (once, not at every comparison), then sorts the objects that have an ID
    /// by it, keeping the last of each ID (as a map filled in document order would).
    fn index(&mut self) {
        for o in &mut self.objects {
            if let Some(id) = o.id.as_mut() {
                let s = id.of(&self.buf);
                let t = s.trim();
                *id = Span {
                    start: id.start + (s.len() - s.trim_start().len()),
                    len: t.len(),
                };
            }
        }
        let mut by_id: Vec<usize> = (0..self.objects.len())
            .filter(|&i| self.objects.get(i).is_some_and(|o| o.id.is_some()))
            .collect();
        by_id.sort_by(|&a, &b| self.id(a).cmp(self.id(b)).then(b.cmp(&a)));
        by_id.dedup_by(|later, earlier| self.id(*later) == self.id(*earlier));
        self.by_id = by_id;
    }

    fn get(&self, id: &str) -> Option<TextObj<'_>> {
        let at = self.by_id.binary_search_by(|&i| self.id(i).cmp(id)).ok()?;
        let o = self.objects.get(*self.by_id.get(at)?)?;
        let (x, y) = boundary_xy(o.boundary.map(|b| self.span(b)));
        Some(TextObj {
            text: self.span(o.text),
            x,
            y,
        })
    }

    fn push_str(&mut self, s: &str) -> Span {
        Span::append(&mut self.buf, s)
    }

    /// The same from a parsed page (the way for pages the stream does not take).
    fn from_tree(doc: &Doc) -> PageObjects {
        let mut p = PageObjects::default();
        for t in doc.root().descendants("TextObject") {
            let id = t.attr("ID").map(|v| p.push_str(v));
            let boundary = t.attr("Boundary").map(|v| p.push_str(v));
            let text: String = t.all("TextCode").map(|c| c.deep_text()).collect();
            let text = p.push_str(&text);
            p.objects.push(PageObject { id, boundary, text });
        }
        p.index();
        p
    }
}

/// What an open element of a page is to the stream.
#[derive(Clone, Copy, PartialEq)]
enum Frame {
    /// A `TextObject`: its index in `objects`.
    Object(usize),
    /// A `TextCode` right inside a `TextObject`: its text belongs to that object.
    Code(usize),
    Other,
}

/// Streams a page's text objects without building its tree. It takes the page as text
/// objects whose `TextCode`s hold only text (every real page); anything else (an element
/// inside a `TextCode`, a `TextObject` inside another) makes it give up, and the page is then
/// read as a tree, so both ways give the same objects.
#[derive(Default)]
struct PageStream {
    page: PageObjects,
    frames: Vec<Frame>,
    /// The element just opened is a `TextObject` (its attributes follow).
    opened_object: bool,
    gave_up: bool,
}

impl xml::Sink for PageStream {
    fn start(&mut self, _id: usize, _parent: Option<usize>, qname: &str, local_at: usize) {
        let local = qname.get(local_at..).unwrap_or(qname);
        let top = self.frames.last().copied();
        self.opened_object = false;
        let frame = if matches!(top, Some(Frame::Code(_))) {
            self.gave_up = true;
            Frame::Other
        } else if local == "TextObject" {
            if self.frames.iter().any(|f| matches!(f, Frame::Object(_))) {
                self.gave_up = true;
            }
            self.opened_object = true;
            self.page.objects.push(PageObject {
                text: Span {
                    start: self.page.buf.len(),
                    len: 0,
                },
                ..PageObject::default()
            });
            Frame::Object(self.page.objects.len() - 1)
        } else if local == "TextCode"
            && let Some(Frame::Object(i)) = top
        {
            Frame::Code(i)
        } else {
            Frame::Other
        };
        self.frames.push(frame);
    }

    fn wants_attrs(&self) -> bool {
        self.opened_object && !self.gave_up
    }

    fn attr(&mut self, qname: &str, local_at: usize, value: &str) {
        if !self.wants_attrs() {
            return;
        }
        let local = qname.get(local_at..).unwrap_or(qname);
        let has = |o: &PageObject| match local {
            "ID" => o.id.is_some(),
            "Boundary" => o.boundary.is_some(),
            _ => true,
        };
        if self.page.objects.last().is_some_and(|o| !has(o)) {
            let span = self.page.push_str(value);
            if let Some(o) = self.page.objects.last_mut() {
                match local {
                    "ID" => o.id = Some(span),
                    _ => o.boundary = Some(span),
                }
            }
        }
    }

    fn text(&mut self, _id: usize, s: &str) {
        if self.gave_up {
            return;
        }
        if let Some(&Frame::Code(i)) = self.frames.last() {
            // Objects do not nest here, so each object's text grows at the end of the buffer.
            let at = self.page.buf.len();
            self.page.buf.push_str(s);
            if let Some(o) = self.page.objects.get_mut(i) {
                if o.text.start + o.text.len != at {
                    o.text = Span { start: at, len: 0 };
                }
                o.text.len += s.len();
            }
        }
    }

    fn end(&mut self, _id: usize) {
        self.frames.pop();
        self.opened_object = false;
    }
}

/// The text objects of the pages, loaded as tags ask for them.
struct PageText<'c, 'a> {
    c: &'c mut Container<'a>,
    page_paths: BTreeMap<String, String>,
    loaded: BTreeMap<String, PageObjects>,
}

/// The box's x and y (millimetres; decimals, so no float enters the crate).
fn boundary_xy(b: Option<&str>) -> (Decimal, Decimal) {
    let mut it = b
        .unwrap_or("")
        .split_whitespace()
        .map(|n| crate::money::parse_decimal_wide(n).unwrap_or_default());
    (it.next().unwrap_or_default(), it.next().unwrap_or_default())
}

/// Two boxes start on one printed row when their tops are within `mm` of each other.
fn same_row(a: Decimal, b: Decimal, mm: i64) -> bool {
    (a - b).abs() < Decimal::from(mm)
}

impl PageText<'_, '_> {
    /// Loads a page's text objects (once); nothing when the document has no such page.
    fn load(&mut self, page_id: &str) -> Result<(), Error> {
        if self.loaded.contains_key(page_id) {
            return Ok(());
        }
        let Some(path) = self.page_paths.get(page_id).cloned() else {
            return Ok(());
        };
        // A page is read once: streamed, and parsed as a tree only when the stream gives up.
        let page = match self.c.part(&path)? {
            None => PageObjects::default(),
            Some((name, bytes)) => {
                let mut stream = PageStream::default();
                xml::walk(bytes, name, &mut stream)?;
                if stream.gave_up {
                    PageObjects::from_tree(&xml::parse(bytes, name)?)
                } else {
                    let mut page = stream.page;
                    page.index();
                    page
                }
            }
        };
        self.loaded.insert(page_id.to_string(), page);
        Ok(())
    }

    /// The value of a tag element: its object references resolved and joined in order.
    fn value<'t>(
        &mut self,
        tag: El<'t>,
        default_page: Option<&'t str>,
    ) -> Result<Option<Tagged<'t>>, Error> {
        let mut refs: Vec<(El<'t>, &'t str)> = Vec::with_capacity(1);
        for r in tag.all("ObjectRef") {
            let page = r
                .attr("PageRef")
                .map(str::trim)
                .or(default_page)
                .unwrap_or_default();
            refs.push((r, page));
        }
        if refs.is_empty() {
            return Ok(None);
        }
        // Every page is loaded first (the references to a page the document lacks find
        // nothing below).
        for &(_, page) in &refs {
            self.load(page)?;
        }
        // The page of the first reference that names one.
        let page0 = refs
            .iter()
            .map(|r| r.1)
            .find(|p| !p.is_empty())
            .unwrap_or_default();
        let mut parts: Vec<TextObj<'_>> = Vec::with_capacity(refs.len());
        // Consecutive references mostly name one page: it is looked up once for them.
        let mut objs: Option<(&str, &PageObjects)> = None;
        for &(r, page) in &refs {
            if objs.is_none_or(|(p, _)| p != page) {
                objs = self.loaded.get(page).map(|o| (page, o));
            }
            if let Some((_, objs)) = objs
                && let Some(o) = objs.get(r.text())
            {
                parts.push(o);
            }
        }
        if parts.is_empty() {
            return Ok(None);
        }
        let y = parts.first().map(|p| p.y);
        // Objects on one row join left to right; rows top to bottom.
        let one_row = parts
            .iter()
            .all(|p| same_row(p.y, y.unwrap_or_default(), 1));
        if one_row {
            parts.sort_by_key(|p| (p.y, p.x));
        }
        let text: String = parts.iter().map(|p| p.text.trim()).collect();
        Ok(Some(Tagged {
            text,
            page: page0,
            y,
            at: tag.path(),
        }))
    }
}

/// Finds the kind in a template or page: the first `TextCode` whose text (spaces removed)
/// names it. Streamed; a `TextCode` holding elements makes it give up (the part is then read
/// as a tree, where a `TextCode`'s text includes its descendants').
#[derive(Default)]
struct TitleStream {
    found: Option<Kind>,
    /// The text of the open `TextCode`, while one is open.
    code: Option<String>,
    gave_up: bool,
}

fn kind_in_title(text: &str) -> Option<Kind> {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if s.contains("电子发票") || s.contains("增值税") {
        if s.contains("专用发票") {
            return Some(Kind::DigitalSpecial);
        }
        if s.contains("普通发票") {
            return Some(Kind::DigitalOrdinary);
        }
    }
    None
}

impl xml::Sink for TitleStream {
    fn start(&mut self, _id: usize, _parent: Option<usize>, qname: &str, local_at: usize) {
        if self.code.is_some() {
            self.gave_up = true;
            self.code = None;
        }
        if !self.gave_up && self.found.is_none() {
            let local = qname.get(local_at..).unwrap_or(qname);
            if local == "TextCode" {
                self.code = Some(String::new());
            }
        }
    }

    fn wants_attrs(&self) -> bool {
        false
    }

    fn attr(&mut self, _qname: &str, _local_at: usize, _value: &str) {}

    fn text(&mut self, _id: usize, s: &str) {
        if let Some(code) = self.code.as_mut() {
            code.push_str(s);
        }
    }

    fn end(&mut self, _id: usize) {
        if let Some(code) = self.code.take()
            && self.found.is_none()
        {
            self.found = kind_in_title(&code);
        }
    }
}

/// The tag files the document names (or that sit in a tags folder).
fn tag_files(c: &mut Container<'_>, document: &Doc, doc_dir: &str) -> Result<Vec<String>, Error> {
    let mut files = Vec::new();
    if let Some(loc) = document
        .root()
        .find("CustomTags")
        .map(|e| e.text().to_string())
        && !loc.is_empty()
    {
        let list_path = resolve(doc_dir, &loc);
        match c.xml(&list_path) {
            Ok(Some(list)) => {
                let dir = dir_of(&list.part).to_string();
                for t in list.root().descendants("CustomTag") {
                    if let Some(f) = t.child_text("FileLoc") {
                        files.push(resolve(&dir, f));
                    }
                }
            }
            Ok(None) => {}
            Err(e) if e.code() == "READ-05" => {}
            Err(e) => return Err(e),
        }
    }
    for n in c.names() {
        let l = n.to_lowercase();
        if l.contains("tags/") && l.ends_with(".xml") && !l.ends_with("customtags.xml") {
            files.push(n.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.to_lowercase()));
    Ok(files)
}

/// The kind from the template or page title.
fn title_kind(c: &mut Container<'_>, parts: &[String]) -> Result<Option<Kind>, Error> {
    for p in parts {
        let Some((name, bytes)) = c.part(p)? else {
            continue;
        };
        let mut stream = TitleStream::default();
        xml::walk(bytes, name, &mut stream)?;
        if stream.gave_up {
            let doc = xml::parse(bytes, name)?;
            for t in doc.root().descendants("TextCode") {
                if let Some(k) = kind_in_title(&t.deep_text()) {
                    return Ok(Some(k));
                }
            }
        } else if stream.found.is_some() {
            return Ok(stream.found);
        }
    }
    Ok(None)
}

pub(super) fn read(
    c: &mut Container<'_>,
    document: &Doc,
    doc_dir: &str,
    looked: &mut Vec<String>,
) -> Result<Option<Reading>, Error> {
    let files = tag_files(c, document, doc_dir)?;
    let pg = pages(document, doc_dir);
    let default_page = pg.pages.first().map(|p| p.0.clone());
    for f in files {
        let doc = match c.xml(&f) {
            Ok(Some(d)) => d,
            Ok(None) => continue,
            Err(e) if e.code() == "READ-05" => {
                looked.push(format!("tag file {f} unreadable"));
                continue;
            }
            Err(e) => return Err(e),
        };
        if doc.root().find("ObjectRef").is_none() {
            looked.push(format!("tag file {} has no object references", doc.part));
            continue;
        }
        let mut text = PageText {
            c,
            page_paths: pg.pages.iter().cloned().collect(),
            loaded: BTreeMap::new(),
        };
        let reading = read_tags(&doc, &mut text, default_page.as_deref())?;
        let mut reading = reading;
        let mut parts = pg.templates.clone();
        parts.extend(pg.pages.iter().map(|p| p.1.clone()));
        let is_digital = reading.invoice.as_ref().is_some_and(|i| i.code.is_none());
        if is_digital && let Some(inv) = reading.invoice.as_mut() {
            match title_kind(c, &parts)? {
                Some(k) => inv.kind = k,
                None => {
                    reading.not_carried.insert(NotCarried::Kind);
                    reading.findings.push(
                        Error::new(KIND_INFERRED)
                            .with("kind", inv.kind.name())
                            .with("kind_zh", inv.kind.name_zh())
                            .at(Path::field(
                                parts.first().cloned().unwrap_or_else(|| doc.part.clone()),
                            )),
                    );
                }
            }
        }
        reading.source.part = Some(doc.part.clone());
        return Ok(Some(reading));
    }
    Ok(None)
}

fn read_tags<'d>(
    doc: &'d Doc,
    pt: &mut PageText<'_, '_>,
    default_page: Option<&'d str>,
) -> Result<Reading, Error> {
    let root = doc.root();
    // Every element holding object references is one tagged value, keyed by its local name.
    // Ordered maps keyed by the tag names the part holds: no hashing, no key copies.
    let mut by_name: BTreeMap<&str, Vec<Tagged>> = BTreeMap::new();
    let mut groups: Vec<BTreeMap<&str, Tagged>> = Vec::new();
    let goods: Vec<El<'_>> = root.descendants("GoodsInfo").collect();
    for el in root.descendants("ObjectRef") {
        let Some(parent) = parent_of(doc, el) else {
            continue;
        };
        // Each tag element is read once, at its first reference.
        if parent
            .children()
            .find(|c| c.local() == "ObjectRef")
            .map(|c| c.id)
            != Some(el.id)
        {
            continue;
        }
        if let Some(v) = pt.value(parent, default_page)? {
            by_name.entry(parent.local()).or_default().push(v);
        }
    }
    for g in &goods {
        let mut m = BTreeMap::new();
        for child in g.children() {
            if let Some(v) = pt.value(child, default_page)? {
                m.insert(child.local(), v);
            }
        }
        groups.push(m);
    }

    let mut out = Out::default();
    let first = |name: &str| -> Option<Val> {
        by_name
            .get(name)
            .and_then(|v| v.first())
            .and_then(|t| Val::new(&t.text, t.at.clone()))
    };
    let code = out.id("code", first("InvoiceCode"));
    let number = out.id("number", first("InvoiceNo"));
    let date = first("IssueDate");
    let when = out.date("issue_date", date.as_ref());
    let date_given = date.is_some();
    let check_code = out.id("check_code", first("InvoiceCheckCode"));
    let mut buyer = party(
        out.text("buyer.name", first("BuyerName")),
        out.id("buyer.tax_id", first("BuyerTaxID")),
        true,
    );
    buyer.address = out.text("buyer.address", first("BuyerAddrTel"));
    let mut seller = party(
        out.text("seller.name", first("SellerName")),
        out.id("seller.tax_id", first("SellerTaxID")),
        false,
    );
    seller.address = out.text("seller.address", first("SellerAddrTel"));
    let amount = out.amount("totals.amount", first("TaxExclusiveTotalAmount"));
    let tax = out.tax("totals.tax", first("TaxTotalAmount"));
    let total = out.amount("totals.total", first("TaxInclusiveTotalAmount"));
    let drawer = out.text("drawer", first("InvoiceClerk"));
    let remarks = out.text("remarks", first("Note"));

    // Lines: grouped by GoodsInfo where the tags group them, else by order and row.
    let line_fields = [
        "Item",
        "Specification",
        "MeasurementDimension",
        "Quantity",
        "Price",
        "Amount",
        "TaxScheme",
        "TaxAmount",
    ];
    let rows: Vec<BTreeMap<&str, Tagged>> = if !groups.is_empty() {
        groups
    } else {
        let items = by_name.get("Item").cloned().unwrap_or_default();
        let mut rows: Vec<BTreeMap<&str, Tagged>> = items
            .iter()
            .map(|t| BTreeMap::from([("Item", t.clone())]))
            .collect();
        for f in &line_fields[1..] {
            let vals = by_name.get(*f).cloned().unwrap_or_default();
            if vals.len() == items.len() {
                for (row, v) in rows.iter_mut().zip(vals) {
                    row.insert(*f, v);
                }
            } else {
                for v in vals {
                    let near = items.iter().position(|it| {
                        it.page == v.page
                            && matches!((it.y, v.y), (Some(a), Some(b)) if same_row(a, b, 2))
                    });
                    if let Some(i) = near
                        && let Some(row) = rows.get_mut(i)
                    {
                        row.insert(*f, v);
                    }
                }
            }
        }
        rows
    };
    let mut lines = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let f = |k: &str| row.get(k).and_then(|t| Val::new(&t.text, t.at.clone()));
        lines.push(out.line(i, LineVals::by_legacy_names(f)));
    }

    let digital = code.is_none();
    for f in [
        NotCarried::TaxCodes,
        NotCarried::TotalInWords,
        NotCarried::BuyerContact,
        NotCarried::SellerContact,
        NotCarried::Clerks,
    ] {
        out.not_carried.insert(f);
    }
    if digital {
        out.not_carried.insert(NotCarried::Code);
        out.not_carried.insert(NotCarried::CheckCode);
    }
    if !by_name.contains_key("Note") {
        out.not_carried.insert(NotCarried::Remarks);
    }
    let kind = match &code {
        Some(c) => kind_from_code(c).unwrap_or(Kind::ElectronicOrdinary),
        None => Kind::DigitalOrdinary,
    };
    let head = Head {
        kind,
        number,
        when,
        date_given,
        seller,
        buyer,
    };
    let invoice = out.assemble(head, || root.path()).map(|mut inv| {
        inv.code = code;
        inv.check_code = check_code;
        inv.deduction = fields::deduction(&lines, remarks.as_deref());
        inv.red = fields::red(&mut out, false, total, remarks.as_deref(), || root.path());
        inv.totals = fields::totals(amount, tax, total, None);
        inv.remarks = remarks;
        inv.drawer = drawer;
        inv.lines = lines;
        inv
    });
    Ok(Reading {
        source: Source {
            format: Format::OfdDigital,
            version: None,
            part: None,
        },
        invoice,
        qr: None,
        not_carried: out.not_carried,
        accounting: None,
        origins: out.origins,
        findings: out.findings,
    })
}

fn parent_of<'d>(doc: &'d Doc, el: El<'d>) -> Option<El<'d>> {
    doc.parent(el.id).map(|id| El { doc, id })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's objects as the stream reads them (or `None` where it gives up).
    fn streamed(page: &str) -> Option<Vec<(String, String, String)>> {
        let mut s = PageStream::default();
        xml::walk(page.as_bytes(), "p", &mut s).unwrap();
        if s.gave_up {
            return None;
        }
        let mut p = s.page;
        p.index();
        Some(listed(&p))
    }

    fn from_tree(page: &str) -> Vec<(String, String, String)> {
        listed(&PageObjects::from_tree(
            &xml::parse(page.as_bytes(), "p").unwrap(),
        ))
    }

    /// Every object that can be found: ID, text, box.
    fn listed(p: &PageObjects) -> Vec<(String, String, String)> {
        p.by_id
            .iter()
            .map(|&i| {
                let id = p.id(i).to_string();
                let o = p.get(&id).unwrap();
                (id, o.text.to_string(), format!("{} {}", o.x, o.y))
            })
            .collect()
    }

    #[test]
    fn the_page_stream_reads_what_the_tree_reads() {
        let plain = r#"<ofd:Page xmlns:ofd="x"><ofd:Content><ofd:Layer ID="1">
            <ofd:TextObject ID=" 10 " Boundary="150 8 40 5" Font="4"><ofd:FillColor Value="0"/><ofd:TextCode X="0">¥</ofd:TextCode><ofd:TextCode>2&amp;0<![CDATA[0.00]]></ofd:TextCode></ofd:TextObject>
            <TextObject ID="11"><TextCode> a </TextCode>tail</TextObject>
            <ofd:TextObject Boundary="1 2 3 4"><ofd:TextCode>no id</ofd:TextCode></ofd:TextObject>
            <ofd:TextObject ID="10" Boundary="9 9"><ofd:TextCode>second 10</ofd:TextCode></ofd:TextObject>
            <ofd:TextObject ID="12" x:ID="13"/>
            </ofd:Layer></ofd:Content></ofd:Page>"#;
        let s = streamed(plain).expect("a plain page is streamed");
        assert_eq!(s, from_tree(plain));
        assert_eq!(s.len(), 3);
        // The last object of an ID wins, as in a map filled in document order.
        assert_eq!(s[0], ("10".into(), "second 10".into(), "9 9".into()));
        assert_eq!(s[1], ("11".into(), " a ".into(), "0 0".into()));
        assert_eq!(s[2], ("12".into(), "".into(), "0 0".into()));
        let nested = [
            r#"<P><TextObject ID="1"><TextCode>a<b>x</b>c</TextCode></TextObject></P>"#,
            r#"<P><TextObject ID="1"><TextCode>a</TextCode><g><TextObject ID="2"><TextCode>b</TextCode></TextObject></g><TextCode>c</TextCode></TextObject></P>"#,
        ];
        for page in nested {
            assert_eq!(streamed(page), None, "{page}");
            assert!(!from_tree(page).is_empty());
        }
    }

    fn title(part: &str) -> (Option<Kind>, bool) {
        let mut s = TitleStream::default();
        xml::walk(part.as_bytes(), "t", &mut s).unwrap();
        (s.found, s.gave_up)
    }

    #[test]
    fn the_title_stream_finds_the_first_title() {
        let t = "<T><TextCode>电子发票</TextCode><TextCode>电子发票（普通 发票）</TextCode><TextCode>增值税专用发票</TextCode></T>";
        assert_eq!(title(t), (Some(Kind::DigitalOrdinary), false));
        assert_eq!(title("<T><TextCode>发票</TextCode></T>"), (None, false));
        // A TextCode holding elements: given up, so the tree (with its descendants' text) decides.
        let (_, gave_up) = title("<T><TextCode>电子<b>发票</b>（专用发票）</TextCode></T>");
        assert!(gave_up);
    }
}
