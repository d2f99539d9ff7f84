//! Line rules (rates, classification codes, discounts, counts, lengths) and the arithmetic of
//! lines and totals.

use rust_decimal::Decimal;

use super::codes::*;
use super::glue::words_state;
use super::header::max_bytes;
use super::{Context, NotCarried};
use crate::error::{Error, Path};
use crate::model::{Invoice, Line, LineNature, LineRate};
use crate::money::{Amount, round_half_up};
use crate::tax::{self, TaxpayerCategory};

fn at(i: usize, key: &'static str) -> Path {
    Path::field("lines").index(i).key(key)
}

/// The 2-digit province the invoice was issued in, from its code (legacy kinds: digits 1–2 of a
/// 10-digit code, 2–3 of a 12-digit one) or its 数电 number (digits 3–4), for the regional rows
/// of the rate table. `None` when neither has the form.
fn province(inv: &Invoice) -> Option<&str> {
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match inv.code.as_deref() {
        Some(c) if c.len() == 10 && all_digits(c) => return c.get(..2),
        Some(c) if c.len() == 12 && all_digits(c) => return c.get(1..3),
        _ => {}
    }
    let n = inv.digital_number.as_deref().unwrap_or(&inv.number);
    (n.len() == 20 && all_digits(n))
        .then(|| n.get(2..4))
        .flatten()
}

fn treatment(rate: LineRate) -> &'static str {
    match rate {
        LineRate::Exempt => "免税",
        LineRate::NonTaxable => "不征税",
        LineRate::ExportZero => "出口零税",
        LineRate::Zero => "零税率",
        LineRate::Unstated => "***",
        LineRate::Rate(_) => "0%",
    }
}

pub(super) fn check(inv: &Invoice, ctx: &Context, out: &mut Vec<Error>) {
    if inv.lines.is_empty() {
        if ctx.carries(NotCarried::Lines) {
            out.push(Error::new(LIN_NONE).at(Path::field("lines")));
        }
        return;
    }
    let paper_limit = ctx.policy.paper_line_limit;
    if inv.kind.is_paper() && !inv.has_list && inv.lines.len() > paper_limit {
        out.push(
            Error::new(LIN_PAPER_COUNT)
                .at(Path::field("lines"))
                .with("max", paper_limit)
                .with("count", inv.lines.len()),
        );
    }
    // Lines mostly repeat one or two rates: remember the last verdict instead of scanning the
    // rate table for every line.
    let mut last_rate: Option<(LineRate, bool)> = None;
    for (i, line) in inv.lines.iter().enumerate() {
        check_line(inv, ctx, i, line, &mut last_rate, out);
    }
    discounts(inv, out);
}

fn check_line(
    inv: &Invoice,
    ctx: &Context,
    i: usize,
    line: &Line,
    last_rate: &mut Option<(LineRate, bool)>,
    out: &mut Vec<Error>,
) {
    match &line.tax_code {
        Some(c) if c.len() == 19 && c.bytes().all(|b| b.is_ascii_digit()) => {}
        // A source without classification codes (legacy files) leaves them absent.
        None if !ctx.carries(NotCarried::TaxCodes) => {}
        other => out.push(Error::new(LIN_TAX_CODE).at(at(i, "tax_code")).with(
            "value",
            crate::money::shorten(other.as_deref().unwrap_or("")),
        )),
    }
    let allowed = match *last_rate {
        Some((rate, ok)) if rate == line.rate => ok,
        _ => {
            let ok = match line.rate {
                LineRate::Rate(r) => {
                    r.is_zero()
                        || tax::rate_allowed_in(
                            r,
                            inv.issue_date,
                            ctx.seller_category,
                            province(inv),
                        )
                }
                _ => true,
            };
            *last_rate = Some((line.rate, ok));
            ok
        }
    };
    if let LineRate::Rate(r) = line.rate
        && !allowed
    {
        let category = match ctx.seller_category {
            Some(TaxpayerCategory::General) => "general",
            Some(TaxpayerCategory::SmallScale) => "small-scale",
            None => "any",
        };
        out.push(
            Error::new(LIN_RATE_NOT_ALLOWED)
                .at(at(i, "rate"))
                .with("rate", r.percent())
                .with("date", inv.issue_date)
                .with("category", category),
        );
    }
    if inv.kind.is_special() && line.rate.is_zero() && ctx.carries(NotCarried::Kind) {
        out.push(
            Error::new(LIN_SPECIAL_ZERO)
                .at(at(i, "rate"))
                .with("treatment", treatment(line.rate)),
        );
    }
    match line.amount {
        None => out.push(Error::new(tax::CAL_NO_AMOUNT).at(at(i, "amount"))),
        Some(a) if a.is_zero() => out.push(Error::new(LIN_ZERO_AMOUNT).at(at(i, "amount"))),
        Some(_) => {}
    }
    if let Some(p) = line.unit_price
        && p.value() <= Decimal::ZERO
    {
        out.push(
            Error::new(LIN_PRICE_SIGN)
                .at(at(i, "unit_price"))
                .with("price", p),
        );
    }
    if line.nature != LineNature::Discount && line.quantity.is_some() != line.unit_price.is_some() {
        let k = if line.quantity.is_some() {
            "unit_price"
        } else {
            "quantity"
        };
        out.push(Error::new(LIN_QTY_PRICE_PAIR).at(at(i, k)));
    }
    match line.tax {
        None => out.push(Error::new(tax::CAL_NO_TAX).at(at(i, "tax"))),
        Some(t) if line.rate.is_zero() && !t.is_zero() => out.push(
            Error::new(tax::CAL_ZERO_RATE_TAX)
                .at(at(i, "tax"))
                .with("treatment", treatment(line.rate))
                .with("tax", t),
        ),
        Some(_) => {}
    }
    max_bytes(
        out,
        Some(&line.name),
        200,
        "货物或应税劳务、服务名称",
        || at(i, "name"),
    );
    max_bytes(out, line.spec.as_deref(), 40, "规格型号", || {
        at(i, "spec")
    });
    max_bytes(out, line.unit.as_deref(), 22, "单位", || at(i, "unit"));
}

fn discounts(inv: &Invoice, out: &mut Vec<Error>) {
    let red = inv.is_red();
    for (i, line) in inv.lines.iter().enumerate() {
        let next_is_discount = inv
            .lines
            .get(i + 1)
            .is_some_and(|n| n.nature == LineNature::Discount);
        if line.nature == LineNature::Discounted && !next_is_discount {
            out.push(Error::new(LIN_DISCOUNTED_ALONE).at(at(i, "nature")));
        }
        if line.nature != LineNature::Discount {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| inv.lines.get(p))
            .filter(|p| p.nature == LineNature::Discounted);
        let Some(prev) = prev else {
            out.push(Error::new(LIN_DISCOUNT_PLACE).at(at(i, "nature")));
            continue;
        };
        if let Some(a) = line.amount {
            let wrong = if red {
                a.value() <= Decimal::ZERO
            } else {
                !a.is_negative()
            };
            if wrong {
                out.push(
                    Error::new(LIN_DISCOUNT_SIGN)
                        .at(at(i, "amount"))
                        .with("expected", if red { "positive" } else { "negative" })
                        .with("colour", if red { "red" } else { "blue" })
                        .with("amount", a),
                );
            }
            if let Some(pa) = prev.amount
                && a.value().abs() > pa.value().abs()
            {
                out.push(
                    Error::new(LIN_DISCOUNT_SIZE)
                        .at(at(i, "amount"))
                        .with("discount", a.abs())
                        .with("amount", pa.abs()),
                );
            }
        }
        if line.rate != prev.rate {
            out.push(
                Error::new(LIN_DISCOUNT_MATCH)
                    .at(at(i, "rate"))
                    .with("field", "rate"),
            );
        }
        if line.tax_code != prev.tax_code {
            out.push(
                Error::new(LIN_DISCOUNT_MATCH)
                    .at(at(i, "tax_code"))
                    .with("field", "tax classification code"),
            );
        }
        if line.quantity.is_some()
            || line.unit_price.is_some()
            || line.unit.is_some()
            || line.spec.is_some()
        {
            out.push(Error::new(LIN_DISCOUNT_FIELDS).at(at(i, "quantity")));
        }
    }
}

/// Line and invoice arithmetic against the policy's tolerances.
pub(super) fn arithmetic(inv: &Invoice, ctx: &Context, out: &mut Vec<Error>) {
    let policy = &ctx.policy;
    let deduction = inv.deduction;
    if let Some(d) = deduction {
        if inv.lines.len() != 1 {
            out.push(
                Error::new(tax::CAL_DEDUCTION_LINES)
                    .at(Path::field("deduction"))
                    .with("count", inv.lines.len()),
            );
        }
        let amount = inv.lines.first().and_then(|l| l.amount).unwrap_or_default();
        if d.is_negative() || d.value() > amount.value().abs() {
            out.push(
                Error::new(tax::CAL_DEDUCTION_RANGE)
                    .at(Path::field("deduction"))
                    .with("deduction", d)
                    .with("amount", amount),
            );
        }
    }
    // A 差额征税 invoice read from a file may state its deduction only in the remarks.
    let deduction = deduction.or_else(|| {
        (inv.lines.len() == 1)
            .then(|| inv.remarks.as_deref().and_then(tax::deduction_from_remarks))
            .flatten()
    });
    let mut deltas: Vec<Decimal> = Vec::with_capacity(inv.lines.len());
    for (i, line) in inv.lines.iter().enumerate() {
        let Some(a) = line.amount else { continue };
        if let (Some(q), Some(p)) = (line.quantity, line.unit_price)
            && let Some(qp) = q.value().checked_mul(p.value())
            && (qp - a.value()).abs() > policy.quantity_price_tolerance.value()
        {
            out.push(
                Error::new(tax::CAL_QTY_PRICE)
                    .at(at(i, "amount"))
                    .with("expected", round_half_up(qp, 2))
                    .with("amount", a)
                    .with("tolerance", policy.quantity_price_tolerance),
            );
        }
        let Some(t) = line.tax else { continue };
        let rate = if line.rate == LineRate::Unstated && t.is_zero() && deduction.is_none() {
            // Rate and tax both not shown (`***` / 免税): an exempt line, as the model reads it.
            LineRate::Exempt
        } else if line.rate == LineRate::Unstated {
            let tol = policy.line_tax_tolerance;
            let date = inv.issue_date;
            match tax::infer_rate(a, t, deduction, date, ctx.seller_category, tol) {
                Some(r) => LineRate::Rate(r),
                None => {
                    out.push(
                        Error::new(LIN_UNSTATED_RATE)
                            .at(at(i, "rate"))
                            .with("date", date)
                            .with("tax", t)
                            .with("amount", a)
                            .with("deduction", deduction.unwrap_or_default())
                            .with("tolerance", tol),
                    );
                    continue;
                }
            }
        } else {
            line.rate
        };
        let d = tax::line_difference(a, rate, t, deduction);
        if d.abs() > policy.line_tax_tolerance.value() {
            let base = a.value() - deduction.map_or(Decimal::ZERO, Amount::value);
            out.push(
                Error::new(tax::CAL_LINE_TAX)
                    .at(at(i, "tax"))
                    .with("tax", t)
                    .with("expected", round_half_up(base * rate.rate().value(), 2))
                    .with("tolerance", policy.line_tax_tolerance),
            );
        }
        if deduction.is_none() && line.rate != LineRate::Unstated {
            deltas.push(d);
        }
    }
    let sum: Decimal = deltas.iter().copied().sum();
    let tol = policy.invoice_tax_tolerance.value();
    if sum.abs() > tol {
        let mut acc = Decimal::ZERO;
        let mut split_at = 0;
        for (i, d) in deltas.iter().enumerate() {
            if (acc + d).abs() > tol {
                split_at = i;
                break;
            }
            acc += d;
        }
        out.push(
            Error::new(tax::CAL_INVOICE_TAX)
                .at(Path::field("totals").key("tax"))
                .with("difference", sum.normalize())
                .with("tolerance", policy.invoice_tax_tolerance)
                .with("split_at", split_at),
        );
    }
    totals(inv, ctx, out);
}

fn totals(inv: &Invoice, ctx: &Context, out: &mut Vec<Error>) {
    let Some(t) = &inv.totals else {
        out.push(Error::new(tax::CAL_NO_TOTALS).at(Path::field("totals")));
        return;
    };
    let tp = |k: &'static str| Path::field("totals").key(k);
    let sum = |f: fn(&Line) -> Option<Amount>| -> Decimal {
        inv.lines.iter().filter_map(f).map(Amount::value).sum()
    };
    let amount_sum = sum(|l| l.amount);
    let tax_sum = sum(|l| l.tax);
    // Without lines (an accounting XBRL, a QR text) there is nothing to sum.
    let lines_known = !inv.lines.is_empty() || ctx.carries(NotCarried::Lines);
    if lines_known && amount_sum != t.amount.value() {
        out.push(
            Error::new(tax::CAL_TOTAL_AMOUNT)
                .at(tp("amount"))
                .with("declared", t.amount)
                .with("computed", amount_sum),
        );
    }
    if lines_known && tax_sum != t.tax.value() {
        out.push(
            Error::new(tax::CAL_TOTAL_TAX)
                .at(tp("tax"))
                .with("declared", t.tax)
                .with("computed", tax_sum),
        );
    }
    let grand = t.amount.value() + t.tax.value();
    if grand != t.total.value() {
        out.push(
            Error::new(tax::CAL_GRAND_TOTAL)
                .at(tp("total"))
                .with("declared", t.total)
                .with("computed", grand),
        );
    }
    if let Some(w) = &t.total_in_words {
        match words_state(w, t.total) {
            // The amount matches; a style that differs is a warning (WRD-17), never an error.
            Ok((true, style)) => out.extend(style.map(|e| e.at(tp("total_in_words")))),
            Ok((false, _)) => out.push(
                Error::new(tax::CAL_WORDS_MISMATCH)
                    .at(tp("total_in_words"))
                    .with("words", crate::money::shorten(w))
                    .with("total", t.total),
            ),
            Err(e) => out.push(
                Error::new(tax::CAL_WORDS_INVALID)
                    .at(tp("total_in_words"))
                    .with("words", crate::money::shorten(w))
                    .caused_by(&e),
            ),
        }
    }
}
