//! Blue and red: signs of amounts, and what a red invoice must cite (domain.md §7.5, §9.3–9.4).

use rust_decimal::Decimal;

use super::codes::*;
use super::{Context, NotCarried};
use crate::error::{Error, Path};
use crate::model::{Invoice, LineNature};
use crate::number::{Kind, Numbering};

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn legacy_special(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::SpecialPaper | Kind::ElectronicSpecial | Kind::FreightSpecial
    )
}

pub(super) fn check(inv: &Invoice, ctx: &Context, out: &mut Vec<Error>) {
    let tp = |k: &'static str| Path::field("totals").key(k);
    let lp = |i: usize, k: &'static str| Path::field("lines").index(i).key(k);
    let Some(red) = &inv.red else {
        // A blue invoice may carry negative lines besides discount lines (a ride-hailing refund
        // line, formats.md §1): its totals are net of them and must stay positive.
        // (合计金额 is judged only when 价税合计 is positive: one finding says it.)
        if let Some(t) = &inv.totals {
            let first_bad = [
                ("total", "价税合计", t.total),
                ("amount", "合计金额", t.amount),
            ]
            .into_iter()
            .find(|(_, _, v)| v.value() <= Decimal::ZERO);
            if let Some((key, field, v)) = first_bad {
                out.push(
                    Error::new(RED_BLUE_NOT_POSITIVE)
                        .at(tp(key))
                        .with("field", field)
                        .with("amount", v),
                );
            }
        }
        return;
    };

    if let Some(t) = &inv.totals {
        for (key, field, v, zero_ok) in [
            ("total", "价税合计", t.total, false),
            ("amount", "合计金额", t.amount, false),
            ("tax", "合计税额", t.tax, true),
        ] {
            let bad = if zero_ok {
                v.value() > Decimal::ZERO
            } else {
                v.value() >= Decimal::ZERO
            };
            if bad {
                out.push(
                    Error::new(RED_RED_NOT_NEGATIVE)
                        .at(tp(key))
                        .with("field", field)
                        .with("amount", v),
                );
            }
        }
    }
    for (i, l) in inv.lines.iter().enumerate() {
        if l.nature == LineNature::Discount {
            continue;
        }
        if let Some(a) = l.amount
            && a.value() >= Decimal::ZERO
        {
            out.push(
                Error::new(RED_LINE_SIGN)
                    .at(lp(i, "amount"))
                    .with("field", "金额")
                    .with("value", a),
            );
        }
        if let Some(q) = l.quantity
            && q.value() >= Decimal::ZERO
        {
            out.push(
                Error::new(RED_LINE_SIGN)
                    .at(lp(i, "quantity"))
                    .with("field", "数量")
                    .with("value", q),
            );
        }
        if let Some(t) = l.tax
            && t.value() > Decimal::ZERO
        {
            out.push(
                Error::new(RED_LINE_SIGN)
                    .at(lp(i, "tax"))
                    .with("field", "税额")
                    .with("value", t),
            );
        }
    }

    let rp = |k: &'static str| Path::field("red").key(k);
    let digital = inv.kind.numbering() == Numbering::Digital;
    let want = if digital { 20 } else { 8 };
    if !digits(&red.original_number, want) {
        out.push(
            Error::new(RED_ORIGINAL)
                .at(rp("original_number"))
                .with("field", "号码")
                .with("value", crate::money::shorten(&red.original_number))
                .with("reason", format!("{want} digits expected")),
        );
    }
    if !digital {
        let ok = red
            .original_code
            .as_deref()
            .is_some_and(|c| digits(c, 10) || digits(c, 12));
        if !ok {
            out.push(
                Error::new(RED_ORIGINAL)
                    .at(rp("original_code"))
                    .with("field", "代码")
                    .with("value", red.original_code.as_deref().unwrap_or(""))
                    .with("reason", "10 or 12 digits expected"),
            );
        }
    }
    if legacy_special(inv.kind) && red.info_table_number.is_none() {
        out.push(Error::new(RED_INFO_TABLE).at(rp("info_table_number")));
    }
    if inv.kind.is_digital() && red.confirmation_number.is_none() {
        out.push(Error::new(RED_CONFIRMATION).at(rp("confirmation_number")));
    }
    for (key, field, v, n) in [
        (
            "info_table_number",
            "信息表编号",
            &red.info_table_number,
            16,
        ),
        (
            "confirmation_number",
            "确认单编号",
            &red.confirmation_number,
            20,
        ),
    ] {
        if let Some(v) = v
            && !digits(v, n)
        {
            out.push(
                Error::new(RED_DOCUMENT_FORM)
                    .at(rp(key))
                    .with("field", field)
                    .with("value", crate::money::shorten(v))
                    .with("expected", n),
            );
        }
    }

    // Legacy red invoices cite their authority in the remarks; 数电 carries it in structured
    // fields and the platform prints the remark itself.
    if !inv.kind.is_digital() && ctx.carries(NotCarried::Remarks) {
        let remarks = inv.remarks.as_deref().unwrap_or("");
        let expected = if legacy_special(inv.kind) {
            let n = red.info_table_number.as_deref().unwrap_or("");
            (!(remarks.contains("开具红字增值税专用发票信息表编号") && remarks.contains(n)))
                .then(|| format!("开具红字增值税专用发票信息表编号{n}"))
        } else {
            let code = red.original_code.as_deref().unwrap_or("");
            (!(remarks.contains(code) && remarks.contains(&red.original_number)))
                .then(|| format!("对应正数发票代码:{code}号码:{}", red.original_number))
        };
        if let Some(e) = expected {
            out.push(
                Error::new(RED_REMARKS)
                    .at(Path::field("remarks"))
                    .with("expected", e),
            );
        }
    }
}
