//! The legacy e-invoice data (`eInvoice`, namespace `http://www.edrm.org.cn/schema/e-invoice/…`):
//! the `original_invoice.xml` attachment of 税控-era OFDs (formats.md §3.1), also read on its own.
//!
//! It carries no tax classification codes and no 大写; `GraphCode` holds the QR text or a
//! base64 PNG of the QR image; a 差额征税 invoice prints its rate as `***` and the deduction in
//! the note; a 免税 line prints `免税` and its tax as `***`.

use rust_decimal::Decimal;

use super::fields::{Out, Val, party, split_trailing_number};
use super::xml::{Doc, El};
use super::{
    FIELD_MISSING, Format, NOT_ASSEMBLED, QR_IMAGE, QR_UNREADABLE, QrFound, Reading, Source,
};
use crate::error::{Error, Path};
use crate::model::{Invoice, Line, LineRate, Totals};
use crate::money::Amount;
use crate::number::{Kind, kind_from_code};
use crate::validate::NotCarried;
use crate::verify::qr;

fn val(el: Option<El<'_>>, local: &str) -> Option<Val> {
    let c = el?.child(local)?;
    Val::new(c.text(), c.path())
}

/// The 差额征税 deduction printed in a note: `差额征税：50.00。`, `差额征税:50.00`,
/// `差额征税，扣除额50.00元`.
pub(super) fn deduction_in(note: &str) -> Option<Amount> {
    let i = note.find("差额征税")?;
    let rest = &note[i + "差额征税".len()..];
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    // The figure must follow closely (not a number further on in another remark).
    if rest[..start].chars().count() > 8 {
        return None;
    }
    let num: String = rest[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let num = num.trim_end_matches('.');
    Amount::parse(num).ok()
}

/// The QR found in `GraphCode`: text, or an image (recognised, not decoded).
pub(super) fn graph_code(v: Option<Val>, out: &mut Out) -> Option<QrFound> {
    let v = v?;
    let t: String = v.text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.starts_with("iVBORw0KGgo") || t.starts_with("data:image/png") {
        out.findings.push(
            Error::new(QR_IMAGE)
                .with("format", "png")
                .at(Path::field(v.at.clone())),
        );
        return Some(QrFound {
            at: v.at,
            text: None,
            image: Some("png".into()),
            payload: None,
        });
    }
    if t.starts_with("/9j/") {
        out.findings.push(
            Error::new(QR_IMAGE)
                .with("format", "jpeg")
                .at(Path::field(v.at.clone())),
        );
        return Some(QrFound {
            at: v.at,
            text: None,
            image: Some("jpeg".into()),
            payload: None,
        });
    }
    let payload = match qr::parse(&v.text) {
        Ok(p) => Some(p),
        Err(e) => {
            out.findings.push(
                Error::new(QR_UNREADABLE)
                    .with("reason", format!("{}: {}", e.code(), e.message()))
                    .at(Path::field(v.at.clone())),
            );
            None
        }
    };
    Some(QrFound {
        at: v.at,
        text: Some(v.text),
        image: None,
        payload,
    })
}

pub(super) fn read(doc: &Doc, part: Option<&str>, format: Format) -> Reading {
    let root = doc.root();
    let r = Some(root);
    let mut out = Out::default();
    out.not_carried.insert(NotCarried::TaxCodes);
    out.not_carried.insert(NotCarried::TotalInWords);

    let code = out.id("code", val(r, "InvoiceCode"));
    let number = out.id("number", val(r, "InvoiceNo"));
    let date_v = val(r, "IssueDate");
    let when = out.date("issue_date", date_v.as_ref());
    let check_code = out.id("check_code", val(r, "InvoiceCheckCode"));

    let b = root.child("Buyer");
    let s = root.child("Seller");
    let mut buyer = party(
        out.text("buyer.name", val(b, "BuyerName")),
        out.id("buyer.tax_id", val(b, "BuyerTaxID")),
        true,
    );
    if let Some(at) = out.text("buyer.address", val(b, "BuyerAddrTel")) {
        (buyer.address, buyer.phone) = split_trailing_number(&at, 7);
    }
    if let Some(fa) = out.text("buyer.bank", val(b, "BuyerFinancialAccount")) {
        (buyer.bank, buyer.account) = split_trailing_number(&fa, 8);
    }
    let mut seller = party(
        out.text("seller.name", val(s, "SellerName")),
        out.id("seller.tax_id", val(s, "SellerTaxID")),
        false,
    );
    if let Some(at) = out.text("seller.address", val(s, "SellerAddrTel")) {
        (seller.address, seller.phone) = split_trailing_number(&at, 7);
    }
    if let Some(fa) = out.text("seller.bank", val(s, "SellerFinancialAccount")) {
        (seller.bank, seller.account) = split_trailing_number(&fa, 8);
    }

    let amount = out.amount("totals.amount", val(r, "TaxExclusiveTotalAmount"));
    let tax = out.tax("totals.tax", val(r, "TaxTotalAmount"));
    let total = out.amount("totals.total", val(r, "TaxInclusiveTotalAmount"));
    let remarks = out.text("remarks", val(r, "Note"));
    let drawer = out.text("drawer", val(r, "InvoiceClerk"));
    let payee = out.text("payee", val(r, "Payee"));
    let reviewer = out.text("reviewer", val(r, "Checker"));
    let qr = graph_code(val(r, "GraphCode"), &mut out);

    let mut lines = Vec::new();
    let goods = root.child("GoodsInfos");
    let items: Vec<El<'_>> = goods
        .map(|g| g.all("GoodsInfo").collect())
        .unwrap_or_default();
    for (i, g) in items.into_iter().enumerate() {
        let it = Some(g);
        let p = |k: &str| format!("lines[{i}].{k}");
        let name = out.text(&p("name"), val(it, "Item"));
        let rate = out.rate(&p("rate"), val(it, "TaxScheme"));
        let line_amount = out.amount(&p("amount"), val(it, "Amount"));
        let line_tax = out.tax(&p("tax"), val(it, "TaxAmount"));
        let mut line = Line::new(
            name.as_deref().unwrap_or(""),
            line_amount.unwrap_or_default(),
            rate.unwrap_or(LineRate::Unstated),
            line_tax,
        );
        if line_amount.is_none() {
            line.amount = None;
        }
        line.spec = out.text(&p("spec"), val(it, "Specification"));
        line.unit = out.text(&p("unit"), val(it, "MeasurementDimension"));
        line.quantity = out.quantity(&p("quantity"), val(it, "Quantity"));
        line.unit_price = out.price(&p("unit_price"), val(it, "Price"));
        lines.push(line);
    }

    let deduction = if lines.len() == 1 && lines.iter().all(|l| l.rate == LineRate::Unstated) {
        remarks.as_deref().and_then(deduction_in)
    } else {
        None
    };
    let kind = code
        .as_deref()
        .and_then(kind_from_code)
        .unwrap_or(Kind::ElectronicOrdinary);
    let red = total
        .filter(|t| t.value() < Decimal::ZERO)
        .map(|_| super::digital_xml::red_reference(remarks.as_deref()));
    if red.as_ref().is_some_and(|r| r.original_number.is_empty()) {
        out.findings
            .push(Error::new(super::RED_ORIGINAL_UNKNOWN).at(Path::field(root.path_of("Note"))));
    }
    let totals = match (amount, tax, total) {
        (Some(amount), Some(tax), Some(total)) => Some(Totals {
            amount,
            tax,
            total,
            total_in_words: None,
        }),
        _ => None,
    };
    let invoice = match (number, when) {
        (Some(number), Some((issue_date, issue_time))) => Some(Invoice {
            kind,
            code,
            number,
            digital_number: None,
            issue_date,
            issue_time,
            seller,
            buyer,
            lines,
            totals,
            deduction,
            remarks,
            drawer,
            reviewer,
            payee,
            check_code,
            has_list: false,
            red,
            special: None,
        }),
        (number, _) => {
            let (what, el) = if number.is_none() {
                ("the invoice number (InvoiceNo)", "InvoiceNo")
            } else {
                ("the issue date (IssueDate)", "IssueDate")
            };
            if root.child_text(el).is_none() {
                out.findings.push(
                    Error::new(FIELD_MISSING)
                        .with("field", what)
                        .at(Path::field(root.path_of(el))),
                );
            }
            out.findings
                .push(Error::new(NOT_ASSEMBLED).with("reason", format!("no readable {what}")));
            None
        }
    };
    Reading {
        source: Source {
            format,
            version: root
                .attr("Version")
                .or(root.attr("version"))
                .map(str::to_string),
            part: part.map(str::to_string),
        },
        invoice,
        qr,
        not_carried: out.not_carried,
        accounting: None,
        origins: out.origins,
        findings: out.findings,
    }
}
