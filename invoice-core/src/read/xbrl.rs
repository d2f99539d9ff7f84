//! The Ministry of Finance's accounting XBRL (电子凭证会计数据标准, formats.md §2): the 数电
//! taxonomy `einv` (2023-12-31; the receiver's accounting facts, no lines) and the legacy
//! e-invoice taxonomy `inv` (2021-09-30; lines as tuples). Facts are found by local name
//! wherever they sit; values may be CDATA.

use super::fields::{self, Head, LineVals, Out, Val, party, split_trailing_number};
use super::xml::{Doc, El};
use super::{Accounting, Entry, Format, KIND_INFERRED, Reading, Source, Voucher};
use crate::error::{Error, Path};
use crate::model::Party;
use crate::number::{Kind, kind_from_code};
use crate::validate::NotCarried;

fn fact(root: El<'_>, local: &str) -> Option<Val> {
    let e = root.find(local)?;
    Val::of(e)
}

fn flag(root: El<'_>, local: &str) -> Option<bool> {
    match root.find(local)?.text() {
        "true" | "TRUE" | "True" | "是" | "1" => Some(true),
        "false" | "FALSE" | "False" | "否" | "0" => Some(false),
        _ => None,
    }
}

/// Which taxonomy an instance uses, from its namespaces (and, failing that, its facts).
fn taxonomy(doc: &Doc) -> Option<(Format, &'static str)> {
    let root = doc.root();
    let ns: Vec<&str> = root
        .attrs()
        .filter(|(k, _)| k.starts_with("xmlns"))
        .map(|(_, v)| v)
        .collect();
    if ns.iter().any(|v| v.contains("/einv")) || root.find("InvoiceNumber").is_some() {
        Some((Format::XbrlEinv, "einv 2023-12-31"))
    } else if ns
        .iter()
        .any(|v| v.ends_with("/inv") || v.contains("/inv/"))
        || root.find("NumberOfInvoice").is_some()
    {
        Some((Format::XbrlInv, "inv 2021-09-30"))
    } else {
        None
    }
}

/// Reads an XBRL instance; `in_ofd` says it was an OFD's attachment.
pub(super) fn read(doc: &Doc, part: Option<&str>, in_ofd: bool) -> Result<Reading, Error> {
    let Some((format, version)) = taxonomy(doc) else {
        return Err(super::not_invoice(
            "an XBRL instance of a taxonomy that is not an invoice's",
            "不属于发票分类标准的 XBRL 实例",
        ));
    };
    let format = if in_ofd { Format::OfdXbrl } else { format };
    let mut reading = if version.starts_with("einv") {
        einv(doc)
    } else {
        inv(doc)
    };
    reading.source = Source {
        format,
        version: Some(version.to_string()),
        part: part.map(str::to_string),
    };
    Ok(reading)
}

fn empty_reading() -> Reading {
    Reading {
        source: Source {
            format: Format::XbrlEinv,
            version: None,
            part: None,
        },
        invoice: None,
        qr: None,
        not_carried: Default::default(),
        accounting: None,
        origins: Vec::new(),
        findings: Vec::new(),
    }
}

/// `einv`: the invoice's header facts and the receiver's books.
fn einv(doc: &Doc) -> Reading {
    let root = doc.root();
    let mut out = Out::default();
    for f in [
        NotCarried::Code,
        NotCarried::CheckCode,
        NotCarried::Lines,
        NotCarried::TaxCodes,
        NotCarried::TotalInWords,
        NotCarried::BuyerContact,
        NotCarried::SellerContact,
        NotCarried::Clerks,
        NotCarried::Remarks,
        NotCarried::Kind,
    ] {
        out.not_carried.insert(f);
    }
    let number = out.id("number", fact(root, "InvoiceNumber"));
    let req = fact(root, "RequestTime");
    let when = out.date("issue_date", req.as_ref());
    let date_given = req.is_some();
    let seller = party(
        out.text("seller.name", fact(root, "SellerName")),
        out.id("seller.tax_id", fact(root, "SellerIdNum")),
        false,
    );
    let amount = out.amount("totals.amount", fact(root, "TotalAmWithoutTax"));
    let tax = out.tax("totals.tax", fact(root, "TotalTaxAm"));
    let total = out.amount("totals.total", fact(root, "TotalTax-includedAmount"));

    // The entity keeping these books bought the invoice unless it is the seller: its id is then
    // the buyer's, read (and reported if masked) as such.
    let entity_v = fact(root, "UnifiedSocialCreditCodeOfAccountingEntity");
    let entity_is_seller = entity_v.as_ref().is_some_and(|v| {
        seller.tax_id.as_deref()
            == Some(
                v.text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .as_str(),
            )
    });
    let entity_field = if entity_is_seller {
        "accounting.entity_id"
    } else {
        "buyer.tax_id"
    };
    let entity_id = out.id(entity_field, entity_v);
    let mut acc = Accounting {
        entity_id: entity_id.clone(),
        entity_name: fact(root, "NameOfAccountingEntity").map(|v| v.text),
        red: flag(root, "WhetherEinvoiceIsRedEinvoice"),
        booked: flag(root, "WhetherEinvoiceHasBeenBooked"),
        checked: flag(root, "WhetherEinvoiceHasBeenChecked"),
        paid: flag(root, "WhetherEinvoiceHasBeenPaid"),
        usage_confirmed: flag(root, "WhetherEinvoiceUsageHasBeenConfirmed"),
        usage: fact(root, "UsageConfirmation").map(|v| v.text),
        usage_period: fact(root, "PeriodOfUsageConfirmation").map(|v| v.text),
        used_for_deduction: false,
        input_vat_transferred_out: flag(root, "WhetherInputVatHasBeenTransferredOut"),
        transferred_out_amount: out.amount(
            "accounting.transferred_out_amount",
            fact(root, "AmountOfTransferredOutInputVat"),
        ),
        contract_number: fact(root, "ContractNumber").map(|v| v.text),
        vouchers: Vec::new(),
        buyer_state: None,
    };
    acc.used_for_deduction = acc.usage_confirmed != Some(false)
        && acc
            .usage
            .as_deref()
            .is_some_and(|u| u.contains("抵扣") && !u.contains("不抵扣"));
    for t in root.descendants("InformationOfAccountingDocumentsTuple") {
        let mut v = Voucher {
            number: t
                .child_text("NumberOfAccountingDocuments")
                .map(str::to_string),
            posting_date: t
                .child_text("PostingDate")
                .and_then(super::fields::parse_date)
                .map(|d| d.0),
            period: t.child_text("AccountingPeriod").map(str::to_string),
            entries: Vec::new(),
        };
        for (i, e) in t
            .descendants("InformationOfDebitAndCreditEntryTuple")
            .enumerate()
        {
            let amount_v = e.child("RecordedAmount").and_then(Val::of);
            v.entries.push(Entry {
                side: e.child_text("DebitOrCredit").unwrap_or("").to_string(),
                subject: e
                    .child_text("NameOfGeneralLedgerSubject")
                    .map(str::to_string),
                subsidiary: e
                    .child_text("NameOfSubsidiaryLedgerSubject")
                    .map(str::to_string),
                amount: out.amount(format!("accounting.vouchers.entries[{i}].amount"), amount_v),
            });
        }
        acc.vouchers.push(v);
    }
    acc.derive_state();

    let buyer = if entity_is_seller {
        out.not_carried.insert(NotCarried::BuyerTaxId);
        Party::default()
    } else {
        party(acc.entity_name.clone(), acc.entity_id.clone(), true)
    };
    // No fact states 专票 or 普票; input tax is deducted only on a special invoice here.
    let kind = if acc.used_for_deduction {
        Kind::DigitalSpecial
    } else {
        Kind::DigitalOrdinary
    };
    out.findings.push(
        Error::new(KIND_INFERRED)
            .with("kind", kind.name())
            .with("kind_zh", kind.name_zh())
            .at(Path::field(root.path())),
    );
    let head = Head {
        kind,
        number,
        when,
        date_given,
        seller,
        buyer,
    };
    let red_fact = acc.red == Some(true);
    let invoice = out.assemble(head, || root.path()).map(|mut inv| {
        inv.red = fields::red(&mut out, red_fact, total, None, || root.path());
        inv.totals = fields::totals(amount, tax, total, None);
        inv
    });
    Reading {
        invoice,
        not_carried: out.not_carried,
        accounting: Some(acc),
        origins: out.origins,
        findings: out.findings,
        ..empty_reading()
    }
}

/// `inv`: the legacy e-invoice as XBRL facts, lines as tuples.
fn inv(doc: &Doc) -> Reading {
    let root = doc.root();
    let mut out = Out::default();
    out.not_carried.insert(NotCarried::TaxCodes);
    let code = out.id("code", fact(root, "CodeOfInvoice"));
    let number = out.id("number", fact(root, "NumberOfInvoice"));
    let date = fact(root, "DateOfIssue");
    let when = out.date("issue_date", date.as_ref());
    let date_given = date.is_some();
    let check_code = out.id("check_code", fact(root, "IdentifyingCode"));
    let mut buyer = party(
        out.text("buyer.name", fact(root, "NameOfPurchaser")),
        out.id(
            "buyer.tax_id",
            fact(
                root,
                "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfPurchaser",
            ),
        ),
        true,
    );
    if let Some(a) = out.text("buyer.address", fact(root, "AddressPhoneNumberOfPurchaser")) {
        (buyer.address, buyer.phone) = split_trailing_number(&a, 7);
    }
    if let Some(a) = out.text(
        "buyer.bank",
        fact(root, "DepositBankAndAccountNumberOfPurchaser"),
    ) {
        (buyer.bank, buyer.account) = split_trailing_number(&a, 8);
    }
    let mut seller = party(
        out.text("seller.name", fact(root, "NameOfSeller")),
        out.id(
            "seller.tax_id",
            fact(
                root,
                "TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfSeller",
            ),
        ),
        false,
    );
    if let Some(a) = out.text("seller.address", fact(root, "AddressPhoneNumberOfSeller")) {
        (seller.address, seller.phone) = split_trailing_number(&a, 7);
    }
    if let Some(a) = out.text(
        "seller.bank",
        fact(root, "DepositBankAndAccountNumberOfSeller"),
    ) {
        (seller.bank, seller.account) = split_trailing_number(&a, 8);
    }
    let amount = out.amount("totals.amount", fact(root, "TotalAmountExcludingTax"));
    let tax = out.tax("totals.tax", fact(root, "TotalTaxAmount"));
    let total = out.amount("totals.total", fact(root, "TaxIncludedAmountInFigures"));
    let words = out.text(
        "totals.total_in_words",
        fact(root, "TaxIncludedAmountInWords"),
    );
    let remarks = out.text("remarks", fact(root, "Remarks"));
    let payee = out.text("payee", fact(root, "Payee"));
    let reviewer = out.text("reviewer", fact(root, "Reviewer"));
    let drawer = out.text("drawer", fact(root, "Issuer"));
    let type_text = fact(root, "TypeOfInvoice").map(|v| v.text);

    let tuples: Vec<El<'_>> = root
        .descendants("InformationOfTaxableGoodsOrServicesDetailItemsTuple")
        .collect();
    let mut lines = Vec::with_capacity(tuples.len());
    for (i, t) in tuples.into_iter().enumerate() {
        let f = |local: &str| t.child(local).and_then(Val::of);
        lines.push(out.line(
            i,
            LineVals {
                name: f("NameOfTaxableGoodsOrServices"),
                spec: f("Specification"),
                unit: f("UnitOfGoodsOrServices"),
                quantity: f("QuantityOfGoodsOrServices"),
                price: f("UnitPriceOfGoodsOrServices"),
                amount: f("AmountExcludingTax"),
                rate: f("TaxRate"),
                tax: f("TaxAmount"),
                tax_code: None,
            },
        ));
    }
    let kind = match type_text.as_deref() {
        Some(t) if t.contains("通行费") => Kind::Toll,
        Some(t) if t.contains("电子专用") => Kind::ElectronicSpecial,
        Some(t) if t.contains("电子普通") => Kind::ElectronicOrdinary,
        _ => code
            .as_deref()
            .and_then(kind_from_code)
            .unwrap_or(Kind::ElectronicOrdinary),
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
        inv.totals = fields::totals(amount, tax, total, words);
        inv.remarks = remarks;
        inv.drawer = drawer;
        inv.reviewer = reviewer;
        inv.payee = payee;
        inv.lines = lines;
        inv
    });
    Reading {
        invoice,
        not_carried: out.not_carried,
        origins: out.origins,
        findings: out.findings,
        ..empty_reading()
    }
}
