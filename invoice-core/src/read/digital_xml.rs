//! 数电 XML (`EInvoice`): the issuer's full record of a 全面数字化的电子发票 (formats.md §1).
//!
//! Read by element name wherever it sits under its section, in any order; empty, self-closed
//! and absent elements are all "not given"; unknown elements are ignored; the version is
//! recorded, and versions not seen yet are read the same way.

use super::fields::{Out, Val, party, split_trailing_number};
use super::xml::{Doc, El};
use super::{
    FIELD_MISSING, Format, KIND_INFERRED, NOT_ASSEMBLED, RED_ORIGINAL_UNKNOWN, Reading,
    SOURCES_DISAGREE, Source,
};
use crate::error::{Error, Path};
use crate::model::{Invoice, Line, LineRate, RedReference, Totals};
use crate::number::Kind;
use crate::validate::NotCarried;

fn val(el: Option<El<'_>>, local: &str) -> Option<Val> {
    let e = el?;
    let c = e.child(local)?;
    Val::new(c.text(), c.path())
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
    let eiid = val(header, "EIid");
    let sup_no = val(sup, "InvoiceNumber");
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

    let mut lines = Vec::new();
    if let Some(d) = data {
        for (i, item) in d.all("IssuItemInformation").enumerate() {
            let it = Some(item);
            let p = |k: &str| format!("lines[{i}].{k}");
            let name = out.text(&p("name"), val(it, "ItemName"));
            let rate = out.rate(&p("rate"), val(it, "TaxRate"));
            let line_amount = out.amount(&p("amount"), val(it, "Amount"));
            let line_tax = out.tax(&p("tax"), val(it, "ComTaxAm"));
            let mut line = Line::new(
                name.as_deref().unwrap_or(""),
                line_amount.unwrap_or_default(),
                rate.unwrap_or(LineRate::Unstated),
                line_tax,
            );
            if line_amount.is_none() {
                line.amount = None;
            }
            line.tax_code = out.id(&p("tax_code"), val(it, "TaxClassificationCode"));
            line.spec = out.text(&p("spec"), val(it, "SpecMod"));
            line.unit = out.text(&p("unit"), val(it, "MeaUnits"));
            line.quantity = out.quantity(&p("quantity"), val(it, "Quantity"));
            line.unit_price = out.price(&p("unit_price"), val(it, "UnPrice"));
            // The line's own tax-included total must be amount + tax.
            if let Some(v) = val(it, "TotaltaxIncludedAmount") {
                let mut scratch = Out::default();
                if let (Some(t), Some(a), Some(x)) =
                    (scratch.amount("", Some(v.clone())), line_amount, line_tax)
                    && a.checked_add(x).ok() != Some(t)
                {
                    out.findings.push(
                        Error::new(SOURCES_DISAGREE)
                            .with("field", format!("lines[{i}] tax-included amount"))
                            .with("value", t)
                            .with("other", format!("{a} + {x}"))
                            .with("other_at", "Amount + ComTaxAm")
                            .at(Path::field(v.at.clone())),
                    );
                }
            }
            lines.push(line);
        }
    }
    let remarks = out.text(
        "remarks",
        val(
            data.and_then(|d| d.child("AdditionalInformation")),
            "Remark",
        ),
    );

    let red = if red_label || total.is_some_and(|t| t.is_negative()) {
        let r = red_reference(remarks.as_deref());
        if r.original_number.is_empty() {
            out.findings
                .push(Error::new(RED_ORIGINAL_UNKNOWN).at(Path::field(format!(
                    "{}:/EInvoice/EInvoiceData/AdditionalInformation/Remark",
                    doc.part
                ))));
        }
        Some(r)
    } else {
        None
    };

    let deduction = if lines.len() == 1 && lines.iter().all(|l| l.rate == LineRate::Unstated) {
        remarks.as_deref().and_then(super::legacy_xml::deduction_in)
    } else {
        None
    };

    let totals = match (amount, tax, total) {
        (Some(amount), Some(tax), Some(total)) => Some(Totals {
            amount,
            tax,
            total,
            total_in_words: words,
        }),
        _ => None,
    };
    let source = Source {
        format: Format::DigitalXml,
        version,
        part: part.map(str::to_string),
    };
    let invoice = match (number, when) {
        (Some(number), Some((issue_date, issue_time))) => Some(Invoice {
            kind,
            code: None,
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
            reviewer: None,
            payee: None,
            check_code: None,
            has_list: false,
            red,
            special: None,
        }),
        (number, _) => {
            let what = if number.is_none() {
                "the invoice number (EIid)"
            } else {
                "the issue date (IssueTime)"
            };
            // An unreadable value has its READ-10 already; only an absent one is "missing".
            if number.is_none() || !date_given {
                out.findings.push(
                    Error::new(FIELD_MISSING)
                        .with("field", what)
                        .at(Path::field(format!("{}:/EInvoice", doc.part))),
                );
            }
            out.findings
                .push(Error::new(NOT_ASSEMBLED).with("reason", format!("no readable {what}")));
            None
        }
    };
    Reading {
        source,
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
