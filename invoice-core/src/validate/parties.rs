//! Party rules: required identifiers and details per kind and buyer type, valid ids, lengths.

use chrono::NaiveDate;

use super::codes::*;
use super::glue::tax_id_findings;
use super::header::{gbk_len, length_at_most, max_bytes};
use super::{Context, NotCarried};
use crate::error::{Error, Path};
use crate::model::{Invoice, Party, PartyKind};
use crate::number::Numbering;

fn check_id(party: &Party, who: &'static str, out: &mut Vec<Error>) {
    let Some(id) = &party.tax_id else { return };
    // Built only for a finding: nearly every id has none.
    let at = || Path::field(who).key("tax_id");
    match tax_id_findings(id) {
        Ok(warnings) => out.extend(warnings.into_iter().map(|w| w.at(at()))),
        Err(e) => out.push(
            Error::new(PTY_TAX_ID_INVALID)
                .at(at())
                .with("value", crate::money::shorten(id))
                .caused_by(&e),
        ),
    }
}

fn lengths(party: &Party, who: &'static str, out: &mut Vec<Error>) {
    let p = || Path::field(who);
    max_bytes(out, Some(&party.name), 100, "名称", || p().key("name"));
    // The two fields print as one box on the invoice: their lengths add up.
    // Counted only beyond 100 UTF-8 bytes, which `max_bytes` explains.
    let joined = |a: &Option<String>, b: &Option<String>| {
        let (a, b) = (a.as_deref().unwrap_or(""), b.as_deref().unwrap_or(""));
        (a.len() + b.len() > 100).then(|| gbk_len(a) + gbk_len(b))
    };
    length_at_most(
        out,
        joined(&party.address, &party.phone),
        100,
        "地址、电话",
        || p().key("address"),
    );
    length_at_most(
        out,
        joined(&party.bank, &party.account),
        100,
        "开户行及账号",
        || p().key("bank"),
    );
}

pub(super) fn check(inv: &Invoice, ctx: &Context, out: &mut Vec<Error>) {
    if inv.seller.tax_id.is_none() {
        out.push(Error::new(PTY_SELLER_TAX_ID).at(Path::field("seller").key("tax_id")));
    }
    check_id(&inv.seller, "seller", out);
    check_id(&inv.buyer, "buyer", out);

    let buyer = &inv.buyer;
    let at = |k: &'static str| Path::field("buyer").key(k);
    // When the source did not say 专票 or 普票 (the kind was inferred), the 专票-only rules are
    // not applied (they could be false errors); the rule every enterprise buyer meets is.
    let kind_known = ctx.carries(NotCarried::Kind);
    let buyer_id_known = ctx.carries(NotCarried::BuyerTaxId);
    if inv.kind.is_special() && kind_known {
        if buyer.kind == PartyKind::NaturalPerson {
            out.push(Error::new(PTY_SPECIAL_TO_PERSON).at(at("type")));
        }
        if buyer.tax_id.is_none() && buyer_id_known {
            out.push(Error::new(PTY_SPECIAL_BUYER_TAX_ID).at(at("tax_id")));
        }
        // The 税控-era 专票 requires the buyer's address, phone, bank and account; the 数电
        // platform made them optional, so only legacy special kinds are held to it.
        if inv.kind.numbering() == Numbering::CodeAndNumber && ctx.carries(NotCarried::BuyerContact)
        {
            if buyer.address.is_none() || buyer.phone.is_none() {
                let k = if buyer.address.is_none() {
                    "address"
                } else {
                    "phone"
                };
                out.push(Error::new(PTY_SPECIAL_BUYER_ADDRESS).at(at(k)));
            }
            if buyer.bank.is_none() || buyer.account.is_none() {
                let k = if buyer.bank.is_none() {
                    "bank"
                } else {
                    "account"
                };
                out.push(Error::new(PTY_SPECIAL_BUYER_BANK).at(at(k)));
            }
        }
    } else if buyer.kind != PartyKind::NaturalPerson
        && buyer.tax_id.is_none()
        && buyer_id_known
        && inv.issue_date >= NaiveDate::from_ymd_opt(2017, 7, 1).unwrap_or_default()
    {
        // 国家税务总局公告2017年第16号: enterprise buyers of 普票 give their taxpayer id.
        out.push(Error::new(PTY_ENTERPRISE_BUYER_TAX_ID).at(at("tax_id")));
    }
    lengths(&inv.seller, "seller", out);
    lengths(&inv.buyer, "buyer", out);
}
