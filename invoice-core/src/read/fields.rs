//! Reading single values out of a file: text as printed → the model's types, with a finding at
//! the value's place in the file when it cannot be read, and a record of where it came from.
//!
//! Printed values vary (formats.md): `¥2000.00`, `0.120000`, `0.060000` or `6%` or `13.00%`,
//! `免税` and `***` in the rate or tax column, `2020年07月23日` or `2023-02-23 10:08:05`, ids
//! with x's where a public sample masked them. Each reader here takes all of them.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};

use super::{FIELD_BAD, FIELD_MASKED, FIELD_MISSING, NOT_ASSEMBLED, Origin};
use crate::error::{Error, Path};
use crate::model::{Invoice, Line, LineRate, Party, PartyKind, Totals};
use crate::money::{Amount, Price, Quantity, shorten};
use crate::number::Kind;
use crate::validate::NotCarried;

/// A value as found: its text (trimmed, never empty) and where it is.
#[derive(Clone, Debug)]
pub(crate) struct Val {
    pub text: String,
    pub at: String,
}

impl Val {
    /// An element's text with the element's path; the path is built only when there is a
    /// value (an empty element has none).
    pub fn of(el: super::xml::El<'_>) -> Option<Val> {
        let t = el.text();
        if t.is_empty() {
            return None;
        }
        Val::new(t, el.path())
    }

    pub fn new(text: &str, at: String) -> Option<Val> {
        let t = text.trim();
        (!t.is_empty()).then(|| Val {
            text: t.to_string(),
            at,
        })
    }
}

/// What a reader collects besides the invoice.
#[derive(Default)]
pub(crate) struct Out {
    pub findings: Vec<Error>,
    pub origins: Vec<Origin>,
    pub not_carried: BTreeSet<NotCarried>,
}

/// True for a value with a run of three or more x's or *'s (a masked public sample).
pub(crate) fn is_masked(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if matches!(c, 'x' | 'X' | '*' | '＊' | '×') {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// A full-width digit, point, minus, colon or space as its ASCII form (printed values use
/// both).
fn narrow(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
        '．' => '.',
        '－' | '−' => '-',
        '：' => ':',
        '\u{3000}' => ' ',
        c => c,
    }
}

/// An amount as printed: currency signs, spaces, thousands separators and full-width digits
/// removed; `(1.00)` is not a form invoices use.
pub(crate) fn clean_number(s: &str) -> String {
    s.chars()
        .map(narrow)
        .filter(|c| !matches!(c, '¥' | '￥' | ' ' | ',' | '，'))
        .collect()
}

impl Out {
    fn bad(&mut self, field: &str, v: &Val, expected: &str, expected_zh: &str) {
        self.findings.push(
            Error::new(FIELD_BAD)
                .with("field", field)
                .with("value", shorten(&v.text))
                .with("expected", expected)
                .with("expected_zh", expected_zh)
                .at(Path::field(v.at.clone())),
        );
    }

    pub fn masked(&mut self, field: &str, v: &Val) {
        self.findings.push(
            Error::new(FIELD_MASKED)
                .with("field", field)
                .with("value", shorten(&v.text))
                .at(Path::field(v.at.clone())),
        );
    }

    /// Records where a value came from, taking its place (the value's text is used up by
    /// then): one allocation fewer per value than copying it.
    fn came_from(&mut self, field: String, at: String) {
        self.origins.push(Origin { field, at });
    }

    // The readers below take the field's name as a literal or as a `String` built for it (a
    // line's `lines[3].amount`), and convert it only when there is a value; each hands the
    // work to one non-generic function, so the generic part stays a line long.

    /// Text as printed.
    pub fn text(&mut self, field: impl Into<String>, v: Option<Val>) -> Option<String> {
        let Val { text, at } = v?;
        self.came_from(field.into(), at);
        Some(text)
    }

    /// An identifier or code: spaces dropped; a masked value is kept as printed (validation
    /// will say it is not valid) and reported here as masked.
    pub fn id(&mut self, field: impl Into<String>, v: Option<Val>) -> Option<String> {
        let v = v?;
        self.id_of(field.into(), v)
    }

    fn id_of(&mut self, field: String, v: Val) -> Option<String> {
        if is_masked(&v.text) {
            self.masked(&field, &v);
        }
        let id = v.text.chars().filter(|c| !c.is_whitespace()).collect();
        self.came_from(field, v.at);
        Some(id)
    }

    /// An amount (two decimals; six-decimal forms with zeros beyond the cents pass).
    pub fn amount(&mut self, field: impl Into<String>, v: Option<Val>) -> Option<Amount> {
        let v = v?;
        self.amount_of(field.into(), v)
    }

    fn amount_of(&mut self, field: String, v: Val) -> Option<Amount> {
        if is_masked(&v.text) {
            self.masked(&field, &v);
            self.came_from(field, v.at);
            return None;
        }
        self.number(field, v, Amount::parse, ("an amount", "金额"))
    }

    /// A tax amount: `***` and 免税 are no tax (the exemption is the line's rate).
    pub fn tax(&mut self, field: impl Into<String>, v: Option<Val>) -> Option<Amount> {
        let v = v?;
        let field = field.into();
        if crate::model::is_exempt_tax_mark(&v.text) {
            self.came_from(field, v.at);
            return Some(Amount::default());
        }
        self.amount_of(field, v)
    }

    pub fn price(&mut self, field: impl Into<String>, v: Option<Val>) -> Option<Price> {
        let v = v?;
        self.number(field.into(), v, Price::parse, ("a unit price", "单价"))
    }

    pub fn quantity(&mut self, field: impl Into<String>, v: Option<Val>) -> Option<Quantity> {
        let v = v?;
        self.number(field.into(), v, Quantity::parse, ("a quantity", "数量"))
    }

    /// A figure as printed (thousands commas, currency signs dropped) read by `parse`, or
    /// `READ-10` naming what was `expected` (English, Chinese).
    fn number<T>(
        &mut self,
        field: String,
        v: Val,
        parse: fn(&str) -> Result<T, Error>,
        expected: (&str, &str),
    ) -> Option<T> {
        let read = match parse(&clean_number(&v.text)) {
            Ok(x) => Some(x),
            Err(_) => {
                self.bad(&field, &v, expected.0, expected.1);
                None
            }
        };
        self.came_from(field, v.at);
        read
    }

    /// A rate column: `0.060000`, `6%`, `13.00%`, `免税`, `不征税`, `***`.
    pub fn rate(&mut self, field: impl Into<String>, v: Option<Val>) -> Option<LineRate> {
        let v = v?;
        self.rate_of(field.into(), v)
    }

    fn rate_of(&mut self, field: String, v: Val) -> Option<LineRate> {
        let t = clean_number(&v.text).replace('％', "%");
        let parsed = if t.chars().all(|c| c == '*' || c == '＊') {
            Ok(LineRate::Unstated)
        } else if t.contains("零税率") {
            Ok(LineRate::Zero)
        } else {
            LineRate::parse(&t)
        };
        let rate = match parsed {
            Ok(r) => Some(r),
            Err(_) => {
                self.bad(&field, &v, "a tax rate", "税率");
                None
            }
        };
        self.came_from(field, v.at);
        rate
    }

    /// A date, or a date with a time.
    pub fn date(&mut self, field: &str, v: Option<&Val>) -> Option<(NaiveDate, Option<NaiveTime>)> {
        let v = v?;
        // The caller keeps the value, so its place is copied.
        self.came_from(field.to_string(), v.at.clone());
        let r = parse_date(&v.text);
        if r.is_none() {
            self.bad(field, v, "a date", "日期");
        }
        r
    }
}

/// The printed values of one line, each where it was found.
#[derive(Default)]
pub(crate) struct LineVals {
    pub name: Option<Val>,
    pub spec: Option<Val>,
    pub unit: Option<Val>,
    pub quantity: Option<Val>,
    pub price: Option<Val>,
    pub amount: Option<Val>,
    pub rate: Option<Val>,
    pub tax: Option<Val>,
    pub tax_code: Option<Val>,
}

impl LineVals {
    /// A line's values under the element names the legacy `eInvoice` XML and the 数电 OFD's
    /// tag file share (`Item`, `Specification`, … `TaxAmount`; neither carries a tax code
    /// there), each found by `f`.
    pub fn by_legacy_names(f: impl Fn(&str) -> Option<Val>) -> LineVals {
        LineVals {
            name: f("Item"),
            spec: f("Specification"),
            unit: f("MeasurementDimension"),
            quantity: f("Quantity"),
            price: f("Price"),
            amount: f("Amount"),
            rate: f("TaxScheme"),
            tax: f("TaxAmount"),
            tax_code: None,
        }
    }
}

impl Out {
    /// Line `i` from its printed values; a rate that is not printed is `***` (unstated).
    pub fn line(&mut self, i: usize, v: LineVals) -> Line {
        // Formatted once per line; each field's name is the prefix and a key.
        let prefix = format!("lines[{i}].");
        let p = |k: &str| [prefix.as_str(), k].concat();
        let name = self.text(p("name"), v.name);
        let rate = self.rate(p("rate"), v.rate);
        let amount = self.amount(p("amount"), v.amount);
        let tax = self.tax(p("tax"), v.tax);
        let mut line = Line::new(
            name.as_deref().unwrap_or(""),
            amount.unwrap_or_default(),
            rate.unwrap_or(LineRate::Unstated),
            tax,
        );
        line.amount = amount;
        line.tax_code = self.id(p("tax_code"), v.tax_code);
        line.spec = self.text(p("spec"), v.spec);
        line.unit = self.text(p("unit"), v.unit);
        line.quantity = self.quantity(p("quantity"), v.quantity);
        line.unit_price = self.price(p("unit_price"), v.price);
        line
    }

    /// The invoice when its number and date were read; otherwise the findings that say why
    /// not (`READ-12` for what is absent — an unreadable value has its `READ-10` already —
    /// and `READ-18`).
    pub fn assemble(&mut self, head: Head, at: impl FnOnce() -> String) -> Option<Invoice> {
        let Head {
            kind,
            number,
            when,
            date_given,
            seller,
            buyer,
        } = head;
        match (number, when) {
            (Some(number), Some((issue_date, issue_time))) => Some(Invoice {
                kind,
                code: None,
                number,
                digital_number: None,
                issue_date,
                issue_time,
                seller,
                buyer,
                lines: Vec::new(),
                totals: None,
                deduction: None,
                remarks: None,
                drawer: None,
                reviewer: None,
                payee: None,
                check_code: None,
                has_list: false,
                red: None,
                special: None,
            }),
            (number, _) => {
                let what = if number.is_none() {
                    "the invoice number"
                } else {
                    "the issue date"
                };
                if number.is_none() || !date_given {
                    self.findings.push(
                        Error::new(FIELD_MISSING)
                            .with("field", what)
                            .at(Path::field(at())),
                    );
                }
                self.findings
                    .push(Error::new(NOT_ASSEMBLED).with("reason", format!("no readable {what}")));
                None
            }
        }
    }
}

/// What an invoice cannot be without: its kind, number, date and parties.
pub(crate) struct Head {
    pub kind: Kind,
    pub number: Option<String>,
    pub when: Option<(NaiveDate, Option<NaiveTime>)>,
    /// Whether a date was printed at all (an unreadable one is not "missing").
    pub date_given: bool,
    pub seller: Party,
    pub buyer: Party,
}

/// The totals when all three figures were read.
pub(crate) fn totals(
    amount: Option<Amount>,
    tax: Option<Amount>,
    total: Option<Amount>,
    total_in_words: Option<String>,
) -> Option<Totals> {
    Some(Totals {
        amount: amount?,
        tax: tax?,
        total: total?,
        total_in_words,
    })
}

/// The 差额征税 deduction of a single line whose rate is printed `***`, read from the remarks.
pub(crate) fn deduction(lines: &[Line], remarks: Option<&str>) -> Option<Amount> {
    match lines {
        [only] if only.rate == LineRate::Unstated => {
            remarks.and_then(crate::tax::deduction_from_remarks)
        }
        _ => None,
    }
}

/// The red reference when the invoice is red (stated so, or negative totals), with `READ-19`
/// at `at` when the file names no blue original.
pub(crate) fn red(
    out: &mut Out,
    red: bool,
    total: Option<Amount>,
    remarks: Option<&str>,
    at: impl FnOnce() -> String,
) -> Option<crate::model::RedReference> {
    if !red && !total.is_some_and(|t| t.is_negative()) {
        return None;
    }
    let r = super::digital_xml::red_reference(remarks);
    if r.original_number.is_empty() {
        out.findings
            .push(Error::new(super::RED_ORIGINAL_UNKNOWN).at(Path::field(at())));
    }
    Some(r)
}

/// `2020年07月23日`, `2023-02-23`, `2023/02/23`, `20230223`, each optionally followed by a
/// time (`10:08:05`, after a space or `T`); digits, spaces and colons may be full-width, as
/// amounts may (`２０２０年０７月２３日`).
pub(crate) fn parse_date(s: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let narrowed: String;
    let s = if s.is_ascii() {
        s.trim()
    } else {
        narrowed = s.trim().chars().map(narrow).collect();
        narrowed.as_str()
    };
    let (day, time) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], Some(s[i + 1..].trim())),
        None => (s, None),
    };
    let nums: Vec<&str> = day
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (y, m, d) = match nums.as_slice() {
        [ymd] if ymd.len() == 8 => (&ymd[..4], &ymd[4..6], &ymd[6..]),
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (*y, *m, *d),
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    let time = match time {
        Some(t) if !t.is_empty() => {
            let t = t.split(['.', '+', 'Z']).next().unwrap_or(t);
            Some(NaiveTime::parse_from_str(t, "%H:%M:%S").ok()?)
        }
        _ => None,
    };
    Some((date, time))
}

/// Splits `地址电话` printed as one field (`兰溪市丹溪大道1055号057988222001`) into the address
/// and the phone number at its end (a run of at least 7 digits, hyphens or spaces).
pub(crate) fn split_trailing_number(
    s: &str,
    min_digits: usize,
) -> (Option<String>, Option<String>) {
    let s = s.trim();
    let tail_start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '-' || *c == ' ')
        .last()
        .map_or(s.len(), |(i, _)| i);
    let tail = s[tail_start..].trim();
    let digits = tail.chars().filter(char::is_ascii_digit).count();
    let head = s[..tail_start].trim();
    if digits >= min_digits {
        let head = (!head.is_empty()).then(|| head.to_string());
        (head, Some(tail.to_string()))
    } else {
        ((!s.is_empty()).then(|| s.to_string()), None)
    }
}

/// A party from the fields files carry. The buyer's kind follows its id: none or a resident id
/// is a natural person, a USCC of an individual business (`92…`) is one.
pub(crate) fn party(name: Option<String>, tax_id: Option<String>, is_buyer: bool) -> Party {
    let mut p = Party::new(name.as_deref().unwrap_or(""), tax_id.as_deref());
    if is_buyer {
        p.kind = match p.tax_id.as_deref() {
            None => PartyKind::NaturalPerson,
            Some(id) if crate::ids::resident_id::is_valid(id) => PartyKind::NaturalPerson,
            Some(id) if id.starts_with("92") && id.len() == 18 => PartyKind::IndividualBusiness,
            Some(_) => PartyKind::Enterprise,
        };
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_printed_form() {
        let d = NaiveDate::from_ymd_opt(2020, 7, 23).unwrap();
        for s in [
            "2020年07月23日",
            "2020-07-23",
            "2020/7/23",
            "20200723",
            " 2020-07-23 ",
            "２０２０年０７月２３日",
            "２０２０-０７-２３\u{3000}１０：０８：０５",
        ] {
            assert_eq!(parse_date(s).map(|x| x.0), Some(d), "{s}");
        }
        let (_, t) = parse_date("2023-11-13T20:05:10").unwrap();
        assert_eq!(t, NaiveTime::from_hms_opt(20, 5, 10));
        assert!(parse_date("2020-02-30").is_none());
        assert!(parse_date("July").is_none());
    }

    #[test]
    fn address_and_phone_split() {
        assert_eq!(
            split_trailing_number("兰溪市丹溪大道1055号057988222001", 7),
            (
                Some("兰溪市丹溪大道1055号".into()),
                Some("057988222001".into())
            )
        );
        assert_eq!(
            split_trailing_number("北京市海淀区颐和园西路一亩园11号", 7),
            (Some("北京市海淀区颐和园西路一亩园11号".into()), None)
        );
    }

    #[test]
    fn masks() {
        assert!(is_masked("91440101MAXXXXXX1R"));
        assert!(!is_masked("91320115MA202UKD7X"));
    }
}
