//! 数电 XML (`EInvoice`): the issuer's full record of a 全面数字化的电子发票 (formats.md §1).
//!
//! Read by element name wherever it sits under its section, in any order; empty, self-closed
//! and absent elements are all "not given"; unknown elements are ignored; the version is
//! recorded, and versions not seen yet are read the same way.

use super::fields::{self, Head, LineVals, Out, Val, party, split_trailing_number};
use super::xml::{Doc, El};
use super::{Format, KIND_INFERRED, Reading, SOURCES_DISAGREE, Source};
use crate::error::{Error, Path};
use crate::model::RedReference;
use crate::number::Kind;
use crate::validate::NotCarried;

fn val(el: Option<El<'_>>, local: &str) -> Option<Val> {
    let e = el?;
    let c = e.child(local)?;
    Val::of(c)
}

/// The text of a label's `LabelCode` (`InherentLabel/<name>/LabelCode`), and its `LabelName`.
fn label<'d>(header: Option<El<'d>>, name: &str) -> (Option<&'d str>, Option<&'d str>) {
    let l = header.and_then(|h| h.find(name));
    (
        l.and_then(|l| l.child_text("LabelCode")),
        l.and_then(|l| l.child_text("LabelName")),
    )
}

pub(super) fn read(doc: &Doc, part: Option<&str>) -> Reading {
    let root = doc.root();
    let mut out = Out::default();
    out.not_carried.insert(NotCarried::Code);
    out.not_carried.insert(NotCarried::CheckCode);
    let header = root.child("Header");
    let data = root.child("EInvoiceData");
    let sup = root.child("TaxSupervisionInfo");
    let version = header
        .and_then(|h| h.child_text("Version"))
        .map(str::to_string);

    // The number: the header's EIid and the supervision block's InvoiceNumber are the same.
    let mut eiid = val(header, "EIid");
    let mut sup_no = val(sup, "InvoiceNumber");
    // A masked copy is its own finding and is not compared; the other copy is then read.
    let masked = |v: &Option<Val>| v.as_ref().is_some_and(|v| fields::is_masked(&v.text));
    let masked_copy = match (masked(&eiid), masked(&sup_no)) {
        (true, false) if sup_no.is_some() => eiid.take(),
        (_, true) if eiid.is_some() => sup_no.take(),
        _ => None,
    };
    if let Some(v) = masked_copy {
        out.masked("number", &v);
    }
    if let (Some(a), Some(b)) = (&eiid, &sup_no)
        && a.text != b.text
    {
        out.findings.push(
            Error::new(SOURCES_DISAGREE)
                .with("field", "number")
                .with("value", &b.text)
                .with("other", &a.text)
                .with("other_at", &a.at)
                .at(Path::field(b.at.clone())),
        );
    }
    let number = out.id("number", eiid.or(sup_no));

    // The kind: 01 专票 / 02 普票 when the label says; otherwise inferred.
    let (vat_code, vat_name) = label(header, "GeneralOrSpecialVAT");
    let kind = match (vat_code, vat_name) {
        (Some("01"), _) => Kind::DigitalSpecial,
        (Some("02"), _) => Kind::DigitalOrdinary,
        (_, Some(n)) if n.contains("专用") => Kind::DigitalSpecial,
        (_, Some(n)) if n.contains("普通") => Kind::DigitalOrdinary,
        _ => {
            out.not_carried.insert(NotCarried::Kind);
            out.findings.push(
                Error::new(KIND_INFERRED)
                    .with("kind", Kind::DigitalOrdinary.name())
                    .with("kind_zh", Kind::DigitalOrdinary.name_zh())
                    .at(Path::field(format!(
                        "{}:/EInvoice/Header/InherentLabel/GeneralOrSpecialVAT",
                        doc.part
                    ))),
            );
            Kind::DigitalOrdinary
        }
    };
    let (blue_code, _) = label(header, "InIssuType");
    let red_label = blue_code == Some("N");

    // Dates: the issue time of the supervision block, else the request time.
    let issue = val(sup, "IssueTime").or_else(|| {
        val(
            data.and_then(|d| d.child("BasicInformation")),
            "RequestTime",
        )
    });
    let when = out.date("issue_date", issue.as_ref());
    let date_given = issue.is_some();

    let seller_el = data.and_then(|d| d.child("SellerInformation"));
    let buyer_el = data.and_then(|d| d.child("BuyerInformation"));
    let mut seller = party(
        out.text("seller.name", val(seller_el, "SellerName")),
        out.id("seller.tax_id", val(seller_el, "SellerIdNum")),
        false,
    );
    seller.address = out.text("seller.address", val(seller_el, "SellerAddr"));
    seller.phone = out.text("seller.phone", val(seller_el, "SellerTelNum"));
    seller.bank = out.text("seller.bank", val(seller_el, "SellerBankName"));
    seller.account = out.text("seller.account", val(seller_el, "SellerBankAccNum"));
    let mut buyer = party(
        out.text("buyer.name", val(buyer_el, "BuyerName")),
        out.id("buyer.tax_id", val(buyer_el, "BuyerIdNum")),
        true,
    );
    buyer.address = out.text("buyer.address", val(buyer_el, "BuyerAddr"));
    buyer.phone = out.text("buyer.phone", val(buyer_el, "BuyerTelNum"));
    buyer.bank = out.text("buyer.bank", val(buyer_el, "BuyerBankName"));
    buyer.account = out.text("buyer.account", val(buyer_el, "BuyerBankAccNum"));
    // Some issuers print address and phone in one field.
    if buyer.phone.is_none()
        && let Some(a) = buyer.address.take()
    {
        (buyer.address, buyer.phone) = split_trailing_number(&a, 7);
    }

    let basic = data.and_then(|d| d.child("BasicInformation"));
    let amount = out.amount("totals.amount", val(basic, "TotalAmWithoutTax"));
    let tax = out.tax("totals.tax", val(basic, "TotalTaxAm"));
    let total = out.amount("totals.total", val(basic, "TotalTax-includedAmount"));
    let words = out.text(
        "totals.total_in_words",
        val(basic, "TotalTax-includedAmountInChinese"),
    );
    let drawer = out.text("drawer", val(basic, "Drawer"));

    let items: Vec<El<'_>> = data
        .map(|d| d.all("IssuItemInformation").collect())
        .unwrap_or_default();
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let f = |local: &str| val(Some(item), local);
        let line = out.line(
            i,
            LineVals {
                name: f("ItemName"),
                spec: f("SpecMod"),
                unit: f("MeaUnits"),
                quantity: f("Quantity"),
                price: f("UnPrice"),
                amount: f("Amount"),
                rate: f("TaxRate"),
                tax: f("ComTaxAm"),
                tax_code: f("TaxClassificationCode"),
            },
        );
        // The line's own tax-included total must be amount + tax.
        if let (Some(v), Some(a), Some(x)) = (f("TotaltaxIncludedAmount"), line.amount, line.tax) {
            let t = Out::default().amount("", Some(v.clone()));
            if t.is_some() && a.checked_add(x).ok() != t {
                out.findings.push(
                    Error::new(SOURCES_DISAGREE)
                        .with("field", format!("lines[{i}] tax-included amount"))
                        .with("value", &v.text)
                        .with("other", format!("{a} + {x}"))
                        .with("other_at", "Amount + ComTaxAm")
                        .at(Path::field(v.at.clone())),
                );
            }
        }
        lines.push(line);
    }
    let head = Head {
        kind,
        number,
        when,
        date_given,
        seller,
        buyer,
    };
    let invoice = out
        .assemble(head, || format!("{}:/EInvoice", doc.part))
        .map(|mut inv| {
            inv.remarks = out.text(
                "remarks",
                val(
                    data.and_then(|d| d.child("AdditionalInformation")),
                    "Remark",
                ),
            );
            inv.drawer = drawer;
            inv.deduction = fields::deduction(&lines, inv.remarks.as_deref());
            inv.red = fields::red(&mut out, red_label, total, inv.remarks.as_deref(), || {
                format!(
                    "{}:/EInvoice/EInvoiceData/AdditionalInformation/Remark",
                    doc.part
                )
            });
            inv.totals = fields::totals(amount, tax, total, words);
            inv.lines = lines;
            inv
        });
    Reading {
        source: Source {
            format: Format::DigitalXml,
            version,
            part: part.map(str::to_string),
        },
        invoice,
        qr: None,
        not_carried: out.not_carried,
        accounting: None,
        origins: out.origins,
        findings: out.findings,
    }
}

/// The blue original named in a red invoice's remark: `被红冲蓝字数电发票号码：<20 digits>`,
/// `对应正数发票代码:<code>号码:<number>`, `红字发票信息确认单编号：<20 digits>`.
pub(super) fn red_reference(remarks: Option<&str>) -> RedReference {
    let mut r = RedReference {
        original_number: String::new(),
        original_code: None,
        info_table_number: None,
        confirmation_number: None,
        reason: None,
    };
    let Some(text) = remarks else { return r };
    let after = |key: &str| -> Option<String> {
        let i = text.find(key)?;
        let rest = &text[i + key.len()..];
        let rest = rest.trim_start_matches([':', '：', ' ']);
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!digits.is_empty()).then_some(digits)
    };
    if let Some(n) = after("发票号码").or_else(|| after("号码")) {
        r.original_number = n;
    }
    r.original_code = after("发票代码").or_else(|| after("代码"));
    r.confirmation_number = after("确认单编号");
    r.info_table_number = after("信息表编号");
    r
}
