//! Cross-checks inside one file that need the whole reading: the QR payload against the data.
//! (`CustomData` against the attachment or tags is checked where the OFD is read; the 大写 and
//! the line sums against the totals are validation rules, `CAL-*`, run on every reading.)

use super::fields::is_masked;
use super::{QR_MISMATCH, Reading};
use crate::error::{Error, Path};
use crate::verify::qr::{AmountMeaning, Payload};

fn mismatch(
    field: &str,
    field_zh: &str,
    qr: impl std::fmt::Display,
    data: impl std::fmt::Display,
    at: &str,
) -> Error {
    Error::new(QR_MISMATCH)
        .with("field", field)
        .with("field_zh", field_zh)
        .with("qr", qr)
        .with("data", data)
        .at(Path::field(at.to_string()))
}

/// The QR's number, code, date, amount and check code against the invoice read beside it. The
/// amount is 合计金额 for legacy kinds and 价税合计 for 数电 (the payload says which).
pub(super) fn qr(mut r: Reading) -> Reading {
    let (Some(inv), Some(found)) = (&r.invoice, &r.qr) else {
        return r;
    };
    let Some(Payload::Invoice(q)) = &found.payload else {
        return r;
    };
    let at = found.at.as_str();
    let mut out = Vec::new();
    // A masked value in the data cannot be checked: its READ-11 is the finding.
    if q.number != inv.number && !is_masked(&inv.number) {
        out.push(mismatch("number", "发票号码", &q.number, &inv.number, at));
    }
    if let (Some(a), Some(b)) = (&q.code, &inv.code)
        && a != b
        && !is_masked(b)
    {
        out.push(mismatch("code", "发票代码", a, b, at));
    }
    if q.issue_date != inv.issue_date {
        out.push(mismatch(
            "issue date",
            "开票日期",
            q.issue_date,
            inv.issue_date,
            at,
        ));
    }
    if let (Some(a), Some(b)) = (&q.check_code, &inv.check_code)
        && a != b
        && !is_masked(b)
    {
        out.push(mismatch("check code", "校验码", a, b, at));
    }
    if let Some(t) = &inv.totals {
        let (data, name, name_zh) = match q.amount_meaning {
            AmountMeaning::AmountExcludingTax => (t.amount, "amount (合计金额)", "合计金额"),
            AmountMeaning::TotalIncludingTax => (t.total, "total (价税合计)", "价税合计"),
            // A blockchain payload's amount is not documented: either figure agrees with it.
            AmountMeaning::Unconfirmed if q.amount == t.amount => {
                (t.amount, "amount (合计金额)", "合计金额")
            }
            AmountMeaning::Unconfirmed => (t.total, "total (价税合计)", "价税合计"),
        };
        if q.amount != data {
            out.push(mismatch(name, name_zh, q.amount, data, at));
        }
    }
    r.findings.extend(out);
    r
}
