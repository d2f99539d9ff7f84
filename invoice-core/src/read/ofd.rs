//! OFD (GB/T 33190): a ZIP container of XML parts (formats.md §3).
//!
//! `OFD.xml` names the document (`DocBody/DocRoot`) and may hold `CustomData`; `Document.xml`
//! lists pages, templates, attachments and custom tags by relative path (folder case varies:
//! `Tpls/Tpl_0`, `TPLS/TPL_0`, so paths are matched without regard to case). The invoice data is
//! the first of: an attachment whose root is the legacy `eInvoice` or an XBRL instance; else
//! the custom tags pointing at page text (数电 OFD). `CustomData` is cross-checked against it.
//!
//! The container is read with limits: at most [`MAX_ENTRIES`] entries, and each part read is
//! inflated to at most [`MAX_PART`] bytes (counted while inflating, whatever the header says).

use std::io::Cursor;

use zip::{CompressionMethod, ZipArchive};

use super::fields::{Val, clean_number, is_masked, parse_date};
use super::xml::{self, Doc, El};
use super::{
    Format, LIMIT, NO_INVOICE_DATA, NOT_OFD, Origin, Reading, SOURCES_DISAGREE, ZIP_DAMAGED,
};
use crate::error::{Error, Path};
use crate::model::Invoice;
use crate::money::{Amount, shorten};

/// The most entries a container may have (real invoices have 15–30).
pub const MAX_ENTRIES: usize = 10_000;
/// The most bytes one part may inflate to (the largest part of a 100-line invoice is 53 KB).
pub const MAX_PART: u64 = 16 * 1024 * 1024;
/// The most bytes all parts read may inflate to together.
pub const MAX_TOTAL: u64 = 64 * 1024 * 1024;

/// The ZIP container with case-insensitive part lookup and inflation limits.
pub(crate) struct Container<'a> {
    input: &'a [u8],
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// The one decompressor every part is inflated with (set up at the first part).
    inflater: Option<Box<miniz_oxide::inflate::core::DecompressorOxide>>,
    /// The buffer every deflated part is inflated into (see [`Container::bytes_at`]).
    out: Vec<u8>,
    /// (lower-case normalised name, entry), sorted; the first entry of a name wins.
    by_lower: Vec<(String, usize)>,
    names: Vec<String>,
    inflated: u64,
}

fn damaged(e: impl std::fmt::Display) -> Error {
    Error::new(ZIP_DAMAGED).with("reason", shorten(&e.to_string()))
}

/// Joins an OFD location onto the folder of the part that names it; `/x` is from the root.
pub(crate) fn resolve(base_dir: &str, loc: &str) -> String {
    // The common case, a relative location of plain names under a plain folder, is the two
    // joined as they are (what the general way below gives them too).
    let plain = |p: &str| {
        p.trim().len() == p.len()
            && !p.contains('\\')
            && p.split('/')
                .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
    };
    if plain(loc) {
        if base_dir.is_empty() {
            return loc.to_string();
        }
        if plain(base_dir) {
            let mut out = String::with_capacity(base_dir.len() + 1 + loc.len());
            out.push_str(base_dir);
            out.push('/');
            out.push_str(loc);
            return out;
        }
    }
    let loc = loc.trim().replace('\\', "/");
    let joined = if let Some(abs) = loc.strip_prefix('/') {
        abs.to_string()
    } else if base_dir.is_empty() {
        loc
    } else {
        format!("{base_dir}/{loc}")
    };
    let mut out: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The folder of a part (`Doc_0/Document.xml` → `Doc_0`; a stored name may use Windows
/// separators, `Doc_0\Document.xml`, as .NET 4.5's ZIP writer did).
pub(crate) fn dir_of(path: &str) -> &str {
    let at = path.bytes().rposition(|b| b == b'/' || b == b'\\');
    at.and_then(|i| path.get(..i)).unwrap_or("")
}

impl<'a> Container<'a> {
    fn open(bytes: &'a [u8]) -> Result<Container<'a>, Error> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
        if zip.len() > MAX_ENTRIES {
            return Err(Error::new(LIMIT)
                .with("what", format!("a ZIP of {} entries", zip.len()))
                .with("limit", MAX_ENTRIES));
        }
        let mut names = Vec::with_capacity(zip.len());
        let mut by_lower = Vec::with_capacity(zip.len());
        for i in 0..zip.len() {
            // A name that is not text cannot be referred to by an OFD path: kept unmatched.
            let name = match zip.name_for_index(i) {
                Some(Ok(n)) => n.into_owned(),
                _ => String::new(),
            };
            if !name.is_empty() {
                by_lower.push((resolve("", &name).to_lowercase(), i));
            }
            names.push(name);
        }
        // Sorted by name, then entry: `dedup_by` keeps the first entry of each name.
        by_lower.sort_unstable();
        by_lower.dedup_by(|later, earlier| later.0 == earlier.0);
        Ok(Container {
            input: bytes,
            zip,
            inflater: None,
            out: Vec::new(),
            by_lower,
            names,
            inflated: 0,
        })
    }

    /// The entry of a part, matched without regard to case.
    fn index(&self, path: &str) -> Option<usize> {
        let key = resolve("", path).to_lowercase();
        let at = self
            .by_lower
            .binary_search_by(|(name, _)| name.as_str().cmp(&key))
            .ok()?;
        self.by_lower.get(at).map(|&(_, i)| i)
    }

    /// The bytes of entry `i`: a slice of the input when stored, of the inflation buffer
    /// when deflated (each part is parsed before the next is read, so one buffer serves them
    /// all and no part is zero-filled or copied into a buffer of its own); and its stored
    /// name, which names it in errors.
    ///
    /// # Errors
    /// `READ-02` a damaged entry, `READ-07` a part or the total beyond its limit.
    fn bytes_at(&mut self, i: usize) -> Result<(&str, &[u8]), Error> {
        let path = self.names.get(i).map_or("", String::as_str);
        let f = self.zip.by_index_raw(i).map_err(damaged)?;
        let declared = f.size();
        if declared > MAX_PART {
            return Err(Error::new(LIMIT)
                .with("what", format!("part {path} of {declared} bytes"))
                .with("limit", MAX_PART));
        }
        let (method, crc) = (f.compression(), f.crc32());
        // The stored data is a slice of the input (at most MAX_PART + 1 bytes of it, and no
        // further than the input goes): nothing is copied before inflating.
        let data_start = f.data_start().unwrap_or(u64::MAX);
        let wanted = f.compressed_size().min(MAX_PART + 1);
        drop(f);
        let input: &'a [u8] = self.input;
        let from = usize::try_from(data_start)
            .unwrap_or(usize::MAX)
            .min(input.len());
        let len = usize::try_from(wanted)
            .unwrap_or(usize::MAX)
            .min(input.len() - from);
        let raw = input.get(from..from + len).unwrap_or_default();
        let buf: &[u8] = match method {
            CompressionMethod::Stored => raw,
            CompressionMethod::Deflated => {
                let n = inflate(&mut self.inflater, &mut self.out, raw, declared, path)?;
                self.out.get(..n).unwrap_or_default()
            }
            other => return Err(damaged(format!("part {path} uses compression {other}"))),
        };
        if crc32fast::hash(buf) != crc {
            return Err(damaged(format!("part {path} fails its CRC check")));
        }
        let len = buf.len() as u64;
        if len > MAX_PART {
            return Err(Error::new(LIMIT)
                .with("what", format!("part {path} inflating beyond its size"))
                .with("limit", MAX_PART));
        }
        self.inflated += len;
        if self.inflated > MAX_TOTAL {
            return Err(Error::new(LIMIT)
                .with("what", "the parts read".to_string())
                .with("limit", MAX_TOTAL));
        }
        Ok((path, buf))
    }

    /// A part parsed as XML (`None` when absent); its stored name is the path in findings.
    ///
    /// # Errors
    /// As [`Container::bytes_at`] and [`xml::parse`].
    pub fn xml(&mut self, path: &str) -> Result<Option<Doc>, Error> {
        match self.part(path)? {
            Some((name, b)) => xml::parse(b, name).map(Some),
            None => Ok(None),
        }
    }

    /// A part's stored name (the part named in errors and paths) and bytes (`None` when
    /// absent), valid until the next part is read.
    ///
    /// # Errors
    /// As [`Container::bytes_at`].
    pub fn part(&mut self, path: &str) -> Result<Option<(&str, &[u8])>, Error> {
        let Some(i) = self.index(path) else {
            return Ok(None);
        };
        self.bytes_at(i).map(Some)
    }

    /// Every stored part name.
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// Inflates one part into `out` (the container's buffer, grown to the part's declared size
/// when smaller) with one decompressor reused for every part of the container (setting one up
/// per part, and growing the output from a guess, cost a quarter of reading a small OFD).
/// Returns how many bytes of `out` the part is. The limit is counted while inflating, whatever
/// the header declared.
fn inflate(
    inflater: &mut Option<Box<miniz_oxide::inflate::core::DecompressorOxide>>,
    out: &mut Vec<u8>,
    raw: &[u8],
    declared: u64,
    path: &str,
) -> Result<usize, Error> {
    use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};
    use miniz_oxide::inflate::{DecompressError, TINFLStatus};
    let limit = usize::try_from(MAX_PART).unwrap_or(usize::MAX);
    // Deflate expands at most 1032 to 1, so a header declaring more is not believed; past
    // 1 MB (no real part is that large) the buffer grows as the data comes.
    let most = raw.len().saturating_mul(1032).saturating_add(64);
    let first = usize::try_from(declared)
        .unwrap_or(usize::MAX)
        .min(most)
        .clamp(64, 1 << 20);
    let d = inflater.get_or_insert_with(|| Box::new(DecompressorOxide::new()));
    d.init();
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    if out.len() < first {
        out.resize(first, 0);
    }
    let (mut input, mut at) = (raw, 0usize);
    loop {
        let (status, used, written) = decompress(d, input, out, at, flags);
        at += written;
        match status {
            TINFLStatus::Done => return Ok(at),
            TINFLStatus::HasMoreOutput if out.len() < limit => {
                input = input.get(used..).unwrap_or_default();
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => {
                return Err(Error::new(LIMIT)
                    .with("what", format!("part {path} inflating beyond its size"))
                    .with("limit", MAX_PART));
            }
            status => {
                let e = DecompressError {
                    status,
                    output: Vec::new(),
                };
                return Err(damaged(format!("part {path}: {e}")));
            }
        }
    }
}

/// `CustomData` entries of `OFD.xml`: (name, value with its place).
pub(crate) type CustomData = Vec<(String, Val)>;

fn custom_data(ofd: &Doc) -> CustomData {
    ofd.root()
        .descendants("CustomData")
        .filter_map(|c| Some((c.attr("Name")?.trim().to_string(), Val::of(c)?)))
        .collect()
}

/// Reads an OFD document.
///
/// # Errors
/// `READ-02` damaged, `READ-03` not an OFD, `READ-04` no invoice data, and the XML and limit
/// errors of the parts that must be read.
pub(super) fn read(bytes: &[u8]) -> Result<Reading, Error> {
    let mut c = Container::open(bytes)?;
    let Some(ofd) = c.xml("OFD.xml")? else {
        let shown: Vec<&str> = c.names().iter().take(5).map(String::as_str).collect();
        let more = if c.names().len() > 5 { ", …" } else { "" };
        let entries = if shown.is_empty() {
            "no entries".to_string()
        } else {
            format!("{}{more}", shown.join(", "))
        };
        return Err(Error::new(NOT_OFD).with("entries", entries));
    };
    let cd = custom_data(&ofd);
    let doc_root = ofd
        .root()
        .find("DocRoot")
        .map(|d| resolve("", d.text()))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "Doc_0/Document.xml".to_string());
    let Some(document) = c.xml(&doc_root)? else {
        return Err(
            Error::new(NO_INVOICE_DATA).with("looked", format!("no document part {doc_root}"))
        );
    };
    let doc_dir = dir_of(&document.part).to_string();

    let mut looked = Vec::new();
    // 1. A data attachment (legacy eInvoice or XBRL).
    if let Some(mut r) = from_attachments(&mut c, &document, &doc_dir, &mut looked)? {
        if let Some(inv) = &r.invoice {
            cross_check_custom_data(inv, &cd, &r.origins, &mut r.findings);
        }
        return Ok(r);
    }
    // 2. Custom tags pointing at page text (数电 OFD).
    if let Some(mut r) = super::digital_ofd::read(&mut c, &document, &doc_dir, &mut looked)? {
        if let Some(inv) = &r.invoice {
            cross_check_custom_data(inv, &cd, &r.origins, &mut r.findings);
        }
        return Ok(r);
    }
    if looked.is_empty() {
        looked.push("no attachments and no custom tags".to_string());
    }
    Err(Error::new(NO_INVOICE_DATA).with("looked", looked.join("; ")))
}

fn child_loc(document: &Doc, local: &str) -> Option<String> {
    document
        .root()
        .find(local)
        .map(|e| e.text().to_string())
        .filter(|t| !t.is_empty())
}

fn from_attachments(
    c: &mut Container<'_>,
    document: &Doc,
    doc_dir: &str,
    looked: &mut Vec<String>,
) -> Result<Option<Reading>, Error> {
    let mut candidates: Vec<String> = Vec::new();
    if let Some(loc) = child_loc(document, "Attachments") {
        let list_path = resolve(doc_dir, &loc);
        if let Some(list) = c.xml(&list_path)? {
            let list_dir = dir_of(&list.part).to_string();
            for a in list.root().descendants("Attachment") {
                if let Some(f) = a.child_text("FileLoc") {
                    candidates.push(resolve(&list_dir, f));
                }
            }
        }
    }
    // Producers that list nothing still store `original_invoice.xml` in the attachment folder.
    for n in c.names() {
        let l = n.to_lowercase();
        if l.contains("attach") && l.ends_with(".xml") && !l.ends_with("attachments.xml") {
            candidates.push(n.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    for path in candidates {
        if !seen.insert(path.to_lowercase()) || !path.to_lowercase().ends_with(".xml") {
            continue;
        }
        let Some(doc) = (match c.xml(&path) {
            Ok(d) => d,
            // A broken attachment that is not the data must not hide the data elsewhere.
            Err(e) if e.code() == "READ-05" || e.code() == "READ-08" => {
                looked.push(format!("attachment {path} unreadable ({})", e.code()));
                continue;
            }
            Err(e) => return Err(e),
        }) else {
            continue;
        };
        let part = doc.part.clone();
        match doc.root().local() {
            "eInvoice" => {
                return Ok(Some(super::legacy_xml::read(
                    &doc,
                    Some(&part),
                    Format::OfdLegacy,
                )));
            }
            "xbrl" => {
                if let Ok(r) = super::xbrl::read(&doc, Some(&part), true) {
                    return Ok(Some(r));
                }
                looked.push(format!("attachment {part} is XBRL of another taxonomy"));
            }
            other => looked.push(format!("attachment {part} has root {}", shorten(other))),
        }
    }
    Ok(None)
}

/// The model field a `CustomData` entry copies.
fn field_of(name: &str) -> &'static str {
    match name {
        "发票号码" => "number",
        "发票代码" => "code",
        "合计金额" => "totals.amount",
        "合计税额" => "totals.tax",
        "价税合计" => "totals.total",
        "开票日期" => "issue_date",
        "校验码" => "check_code",
        "购买方纳税人识别号" => "buyer.tax_id",
        "销售方纳税人识别号" => "seller.tax_id",
        "购买方名称" => "buyer.name",
        "销售方名称" => "seller.name",
        _ => "",
    }
}

/// `CustomData` names and the invoice value each is checked against; a disagreement names the
/// place the value was read from (`origins`), in no language.
fn cross_check_custom_data(
    inv: &Invoice,
    cd: &CustomData,
    origins: &[Origin],
    out: &mut Vec<Error>,
) {
    let totals = inv.totals.as_ref();
    // Read as the data's own amounts are (signs, separators, full-width digits).
    let amount_eq = |v: &str, a: Option<Amount>| -> Option<bool> {
        Some(Amount::parse(&clean_number(v)).ok() == Some(a?))
    };
    let digits = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    for (name, v) in cd {
        let (ok, ours): (Option<bool>, String) = match name.as_str() {
            "发票号码" => (Some(digits(&v.text) == inv.number), inv.number.clone()),
            "发票代码" => match &inv.code {
                Some(code) => (Some(digits(&v.text) == *code), code.clone()),
                None => (None, String::new()),
            },
            "合计金额" => (
                amount_eq(&v.text, totals.map(|t| t.amount)),
                fmt(totals.map(|t| t.amount)),
            ),
            "合计税额" => {
                // 免税 shows *** here as in the data.
                if crate::model::is_exempt_tax_mark(&v.text) {
                    (None, String::new())
                } else {
                    (
                        amount_eq(&v.text, totals.map(|t| t.tax)),
                        fmt(totals.map(|t| t.tax)),
                    )
                }
            }
            "价税合计" => (
                amount_eq(&v.text, totals.map(|t| t.total)),
                fmt(totals.map(|t| t.total)),
            ),
            "开票日期" => (
                parse_date(&v.text).map(|d| d.0 == inv.issue_date),
                inv.issue_date.to_string(),
            ),
            "校验码" => match &inv.check_code {
                Some(cc) => (Some(digits(&v.text) == *cc), cc.clone()),
                None => (None, String::new()),
            },
            "购买方纳税人识别号" => match &inv.buyer.tax_id {
                Some(id) => (Some(digits(&v.text).eq_ignore_ascii_case(id)), id.clone()),
                None => (None, String::new()),
            },
            "销售方纳税人识别号" => match &inv.seller.tax_id {
                Some(id) => (Some(digits(&v.text).eq_ignore_ascii_case(id)), id.clone()),
                None => (None, String::new()),
            },
            "购买方名称" => (Some(v.text == inv.buyer.name), inv.buyer.name.clone()),
            "销售方名称" => (Some(v.text == inv.seller.name), inv.seller.name.clone()),
            _ => (None, String::new()),
        };
        // A masked value on either side cannot be checked: the masking is its finding.
        if ok == Some(false) && !is_masked(&v.text) && !is_masked(&ours) {
            let field = field_of(name);
            let other_at = origins
                .iter()
                .find(|o| o.field == field)
                .map_or(field, |o| o.at.as_str());
            out.push(
                Error::new(SOURCES_DISAGREE)
                    .with("field", name)
                    .with("value", shorten(&v.text))
                    .with("other", shorten(&ours))
                    .with("other_at", other_at)
                    .at(Path::field(v.at.clone())),
            );
        }
    }
}

fn fmt(a: Option<Amount>) -> String {
    a.map(|a| a.to_string()).unwrap_or_default()
}

/// The page and template parts of a document: page ID → part path, and every template path.
pub(crate) struct Pages {
    pub pages: Vec<(String, String)>,
    pub templates: Vec<String>,
}

pub(crate) fn pages(document: &Doc, doc_dir: &str) -> Pages {
    let root: El<'_> = document.root();
    let mut pages = Vec::new();
    for p in root.descendants("Page") {
        if let (Some(id), Some(loc)) = (p.attr("ID"), p.attr("BaseLoc")) {
            pages.push((id.trim().to_string(), resolve(doc_dir, loc)));
        }
    }
    let templates = root
        .descendants("TemplatePage")
        .filter_map(|t| t.attr("BaseLoc").map(|l| resolve(doc_dir, l)))
        .collect();
    Pages { pages, templates }
}
