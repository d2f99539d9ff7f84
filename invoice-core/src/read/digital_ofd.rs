//! 数电 OFD: no data attachment; the custom tags (`Doc_0/Tags/CustomTag.xml`, or whatever file
//! `CustomTags.xml` names) map field names to `ObjectRef`s, each the ID of a `TextObject` on a
//! page (formats.md §3.3). One tag may point at several objects whose texts join (`¥` +
//! `2000.00`; an item name over two rows). Lines repeat `Item`/`Amount`/… tags in order; where
//! a column has fewer values than there are items (a line without quantity), values are matched
//! to their line by the row they are printed on. The kind is the template's title
//! (`电子发票（增值税专用发票）`), which is not tagged; neither is the 大写.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::fields::{self, Head, LineVals, Out, Val, party};
use super::ofd::{Container, dir_of, pages, resolve};
use super::xml::{Doc, El};
use super::{Format, KIND_INFERRED, Reading, Source};
use crate::error::{Error, Path};
use crate::number::{Kind, kind_from_code};
use crate::validate::NotCarried;

/// A text object on a page: its text and where its box starts.
#[derive(Clone)]
struct TextObj {
    text: String,
    x: Decimal,
    y: Decimal,
}

/// One tagged value: the joined text, the page and row of its first object, and the tag's
/// place.
#[derive(Clone)]
struct Tagged {
    text: String,
    page: String,
    y: Option<Decimal>,
    at: String,
}

/// The text objects of the pages, loaded as tags ask for them.
struct PageText<'c, 'a> {
    c: &'c mut Container<'a>,
    page_paths: HashMap<String, String>,
    loaded: HashMap<String, HashMap<String, TextObj>>,
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
    fn objects(&mut self, page_id: &str) -> Result<Option<&HashMap<String, TextObj>>, Error> {
        if !self.loaded.contains_key(page_id) {
            let Some(path) = self.page_paths.get(page_id).cloned() else {
                return Ok(None);
            };
            let mut map = HashMap::new();
            if let Some(doc) = self.c.xml(&path)? {
                for t in doc.root().descendants("TextObject") {
                    let Some(id) = t.attr("ID") else { continue };
                    let text: String = t.all("TextCode").map(|c| c.deep_text()).collect();
                    let (x, y) = boundary_xy(t.attr("Boundary"));
                    map.insert(id.trim().to_string(), TextObj { text, x, y });
                }
            }
            self.loaded.insert(page_id.to_string(), map);
        }
        Ok(self.loaded.get(page_id))
    }

    /// The value of a tag element: its object references resolved and joined in order.
    fn value(&mut self, tag: El<'_>, default_page: Option<&str>) -> Result<Option<Tagged>, Error> {
        let refs: Vec<El<'_>> = tag.all("ObjectRef").collect();
        if refs.is_empty() {
            return Ok(None);
        }
        let mut parts: Vec<TextObj> = Vec::new();
        let mut page0 = String::new();
        for r in refs {
            let page = r
                .attr("PageRef")
                .map(|p| p.trim().to_string())
                .or_else(|| default_page.map(str::to_string))
                .unwrap_or_default();
            if page0.is_empty() {
                page0.clone_from(&page);
            }
            if let Some(objs) = self.objects(&page)?
                && let Some(o) = objs.get(r.text())
            {
                parts.push(o.clone());
            }
        }
        if parts.is_empty() {
            return Ok(None);
        }
        let y = parts.first().map(|p| p.y);
        // Objects on one row join left to right; rows top to bottom.
        let mut ordered = parts.clone();
        ordered.sort_by_key(|p| (p.y, p.x));
        let one_row = parts
            .iter()
            .all(|p| same_row(p.y, y.unwrap_or_default(), 1));
        let text: String = if one_row {
            ordered.iter().map(|p| p.text.trim()).collect()
        } else {
            parts.iter().map(|p| p.text.trim()).collect()
        };
        Ok(Some(Tagged {
            text,
            page: page0,
            y,
            at: tag.path(),
        }))
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
        if let Some(doc) = c.xml(p)? {
            for t in doc.root().descendants("TextCode") {
                let s: String = t
                    .deep_text()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if s.contains("电子发票") || s.contains("增值税") {
                    if s.contains("专用发票") {
                        return Ok(Some(Kind::DigitalSpecial));
                    }
                    if s.contains("普通发票") {
                        return Ok(Some(Kind::DigitalOrdinary));
                    }
                }
            }
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
            loaded: HashMap::new(),
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

fn read_tags(
    doc: &Doc,
    pt: &mut PageText<'_, '_>,
    default_page: Option<&str>,
) -> Result<Reading, Error> {
    let root = doc.root();
    // Every element holding object references is one tagged value, keyed by its local name.
    let mut by_name: HashMap<String, Vec<Tagged>> = HashMap::new();
    let mut groups: Vec<HashMap<String, Tagged>> = Vec::new();
    let goods: Vec<El<'_>> = root.descendants("GoodsInfo");
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
            by_name
                .entry(parent.local().to_string())
                .or_default()
                .push(v);
        }
    }
    for g in &goods {
        let mut m = HashMap::new();
        for child in g.children() {
            if let Some(v) = pt.value(child, default_page)? {
                m.insert(child.local().to_string(), v);
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
    let rows: Vec<HashMap<String, Tagged>> = if !groups.is_empty() {
        groups
    } else {
        let items = by_name.get("Item").cloned().unwrap_or_default();
        let mut rows: Vec<HashMap<String, Tagged>> = items
            .iter()
            .map(|t| HashMap::from([("Item".to_string(), t.clone())]))
            .collect();
        for f in &line_fields[1..] {
            let vals = by_name.get(*f).cloned().unwrap_or_default();
            if vals.len() == items.len() {
                for (row, v) in rows.iter_mut().zip(vals) {
                    row.insert((*f).to_string(), v);
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
                        row.insert((*f).to_string(), v);
                    }
                }
            }
        }
        rows
    };
    let mut lines = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let f = |k: &str| row.get(k).and_then(|t| Val::new(&t.text, t.at.clone()));
        lines.push(out.line(
            i,
            LineVals {
                name: f("Item"),
                spec: f("Specification"),
                unit: f("MeasurementDimension"),
                quantity: f("Quantity"),
                price: f("Price"),
                amount: f("Amount"),
                rate: f("TaxScheme"),
                tax: f("TaxAmount"),
                tax_code: None,
            },
        ));
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
