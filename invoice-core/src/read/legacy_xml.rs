//! The legacy e-invoice data (`eInvoice`, namespace `http://www.edrm.org.cn/schema/e-invoice/…`):
//! the `original_invoice.xml` attachment of 税控-era OFDs (formats.md §3.1), also read on its own.
//!
//! It carries no tax classification codes and no 大写; `GraphCode` holds the QR text or a
//! base64 PNG of the QR image; a 差额征税 invoice prints its rate as `***` and the deduction in
//! the note; a 免税 line prints `免税` and its tax as `***`.

use super::fields::{self, Head, LineVals, Out, Val, party, split_trailing_number};
use super::xml::{Doc, El};
use super::{Format, QR_IMAGE, QR_UNREADABLE, QrFound, Reading, Source};
use crate::error::{Error, Path};
use crate::model::{Line, Party};
use crate::number::{Kind, kind_from_code};
use crate::validate::NotCarried;
use crate::verify::qr;

fn val(el: Option<El<'_>>, local: &str) -> Option<Val> {
    let c = el?.child(local)?;
    Val::of(c)
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
    let (b, s) = (root.child("Buyer"), root.child("Seller"));
    let mut buyer = party(
        out.text("buyer.name", val(b, "BuyerName")),
        out.id("buyer.tax_id", val(b, "BuyerTaxID")),
        true,
    );
    contact(
        &mut out,
        &mut buyer,
        "buyer",
        val(b, "BuyerAddrTel"),
        val(b, "BuyerFinancialAccount"),
    );
    let mut seller = party(
        out.text("seller.name", val(s, "SellerName")),
        out.id("seller.tax_id", val(s, "SellerTaxID")),
        false,
    );
    contact(
        &mut out,
        &mut seller,
        "seller",
        val(s, "SellerAddrTel"),
        val(s, "SellerFinancialAccount"),
    );

    let amount = out.amount("totals.amount", val(r, "TaxExclusiveTotalAmount"));
    let tax = out.tax("totals.tax", val(r, "TaxTotalAmount"));
    let total = out.amount("totals.total", val(r, "TaxInclusiveTotalAmount"));
    let qr = graph_code(val(r, "GraphCode"), &mut out);
    let goods: Vec<El<'_>> = root
        .child("GoodsInfos")
        .map(|g| g.all("GoodsInfo").collect())
        .unwrap_or_default();
    let lines: Vec<Line> = goods
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let f = |local: &str| val(Some(g), local);
            out.line(i, LineVals::by_legacy_names(f))
        })
        .collect();
    let kind = code
        .as_deref()
        .and_then(kind_from_code)
        .unwrap_or(Kind::ElectronicOrdinary);
    let head = Head {
        kind,
        number,
        when,
        date_given: date_v.is_some(),
        seller,
        buyer,
    };
    let missing_at = if root.child_text("InvoiceNo").is_none() {
        "InvoiceNo"
    } else {
        "IssueDate"
    };
    let invoice = out
        .assemble(head, || root.path_of(missing_at))
        .map(|mut inv| {
            inv.code = code;
            inv.check_code = check_code;
            inv.remarks = out.text("remarks", val(r, "Note"));
            inv.drawer = out.text("drawer", val(r, "InvoiceClerk"));
            inv.payee = out.text("payee", val(r, "Payee"));
            inv.reviewer = out.text("reviewer", val(r, "Checker"));
            inv.deduction = fields::deduction(&lines, inv.remarks.as_deref());
            inv.red = fields::red(&mut out, false, total, inv.remarks.as_deref(), || {
                root.path_of("Note")
            });
            inv.totals = fields::totals(amount, tax, total, None);
            inv.lines = lines;
            inv
        });
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

/// `地址、电话` and `开户行及账号` printed as one field each: split at the number at the end.
pub(super) fn contact(
    out: &mut Out,
    p: &mut Party,
    who: &str,
    addr_tel: Option<Val>,
    bank_acc: Option<Val>,
) {
    if let Some(a) = out.text(format!("{who}.address"), addr_tel) {
        (p.address, p.phone) = split_trailing_number(&a, 7);
    }
    if let Some(b) = out.text(format!("{who}.bank"), bank_acc) {
        (p.bank, p.account) = split_trailing_number(&b, 8);
    }
}
