//! Properties of the `find` module: normalisation and diagnosis never panic on any text; a
//! number with one injected typo is found by the typo search and named by the diagnoser; built
//! 数电 numbers parse back to their parts and `next_number` adds one.

use chrono::NaiveDate;
use invoice_core::find::diagnose::{Lookup, Platform, diagnose};
use invoice_core::find::normalise::{RawQuery, normalise};
use invoice_core::find::numbering::{NumberParts, build_number, next_number, parts_of};
use invoice_core::find::search::{Filter, Record, TextMatch, search};
use invoice_core::model::Invoice;
use invoice_core::number::InvoiceNumber;
use proptest::prelude::*;

/// Text people type: digits (half- and full-width), separators, CJK, commas, letters, emoji.
fn typed() -> impl Strategy<Value = String> {
    prop::string::string_regex("[0-9０-９ \\-,，.。/年月日A-Za-zＡ-Ｚ¥元\u{3000}🧾\u{0}]{0,40}")
        .expect("regex")
}

fn opt(s: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    prop::option::of(s)
}

fn raw() -> impl Strategy<Value = RawQuery> {
    (
        opt(typed()),
        opt(typed()),
        opt(typed()),
        opt(typed()),
        opt(typed()),
        opt(typed()),
        opt(typed()),
        opt(typed()),
    )
        .prop_map(
            |(code, number, date, amount, total, check_code, buyer_tax_id, qr)| RawQuery {
                code,
                number,
                date,
                amount,
                total,
                check_code,
                buyer_tax_id,
                kind: None,
                qr,
            },
        )
}

fn invoice(number: &str) -> Invoice {
    Invoice::from_json(&format!(
        r#"{{"kind": "digital_ordinary", "number": "{number}", "issue_date": "2024-11-18",
        "seller": {{"name": "S"}}, "buyer": {{"name": "B"}}, "lines": [],
        "totals": {{"amount": "100.00", "tax": "6.00", "total": "106.00"}}}}"#
    ))
    .expect("invoice")
}

/// One typo injected into `s`: a digit changed at `pos`, or the digits at `pos`, `pos + 1`
/// swapped (when they differ); `None` when the swap would change nothing.
fn inject(s: &str, pos: usize, swap: bool, digit: u8) -> Option<String> {
    let mut b: Vec<u8> = s.bytes().collect();
    if swap {
        let j = pos + 1;
        if j >= b.len() || b[pos] == b[j] {
            return None;
        }
        b.swap(pos, j);
    } else {
        let d = b'0' + digit;
        if b[pos] == d {
            return None;
        }
        b[pos] = d;
    }
    String::from_utf8(b).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalise_never_panics(r in raw()) {
        let n = normalise(&r);
        for e in &n.errors {
            prop_assert!(!e.message().is_empty());
            prop_assert!(!e.message_zh().is_empty());
        }
        // Whatever is in the clean query parses.
        if let Some(num) = &n.query.number {
            prop_assert!(InvoiceNumber::parse(num).is_ok());
        }
        let _ = serde_json::to_string(&n).expect("serialise");
    }

    #[test]
    fn diagnose_never_panics(r in raw(), day in 0i64..4000, platform in prop::sample::select(vec!["11", "31", "3302", "4403"])) {
        let as_of = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(day);
        let records = vec![Record::new(invoice("24312000000358032546"))];
        let lookup = Lookup {
            query: r,
            as_of,
            platform: Some(Platform::parse(platform).unwrap()),
            records: Some(records),
            options: Default::default(),
        };
        let d = diagnose(&lookup);
        for f in &d.findings {
            prop_assert!(f.code().starts_with("FND-"), "{f}");
            prop_assert!(!f.message_zh().contains('{'), "{f}: {}", f.message_zh());
        }
    }

    #[test]
    fn one_typo_is_found(seq in 0u64..=999_999_999_999_999, pos in 0usize..20, swap: bool, digit in 0u8..10) {
        let stored = build_number(&NumberParts { year: 24, region: "31".into(), channel: 2, sequence: seq.to_string() }).unwrap();
        let Some(typed) = inject(&stored, pos, swap, digit) else { return Ok(()); };
        prop_assume!(typed != stored);
        let records = vec![Record::new(invoice(&stored))];
        let exact = Filter { number: Some(typed.clone()), ..Filter::default() };
        prop_assert!(search(&records, &exact).unwrap().is_empty());
        let f = Filter { number: Some(typed.clone()), number_match: TextMatch::Typo, ..Filter::default() };
        let hits = search(&records, &f).unwrap();
        prop_assert_eq!(hits.len(), 1);
        prop_assert_eq!(hits[0].index, 0);
        // The diagnoser names it too, when the typed number still parses.
        if InvoiceNumber::parse(&typed).is_ok() {
            let d = diagnose(&Lookup {
                query: RawQuery { number: Some(typed), date: Some("2024-11-18".into()), total: Some("106.00".into()), ..RawQuery::default() },
                as_of: NaiveDate::from_ymd_opt(2024, 12, 1).unwrap(),
                platform: None,
                records: Some(records),
                options: Default::default(),
            });
            let codes: Vec<_> = d.findings.iter().map(|f| f.code()).collect();
            prop_assert_eq!(codes, vec![if swap { "FND-36" } else { "FND-35" }]);
        }
    }

    #[test]
    fn build_parse_round_trip(year in prop::sample::select(vec![21u32, 24, 99, 2021, 2026, 2099]), region in 0u32..100, channel in 0u32..10, seq in 0u64..=999_999_999_999_999) {
        let parts = NumberParts { year, region: format!("{region:02}"), channel, sequence: seq.to_string() };
        let s = build_number(&parts).unwrap();
        let n = InvoiceNumber::parse(&s).unwrap();
        let d = n.digital().unwrap();
        prop_assert_eq!(d.year() as u32, if year < 100 { 2000 + year } else { year });
        prop_assert_eq!(d.region_code(), parts.region.as_str());
        prop_assert_eq!(u32::from(d.channel()), channel);
        prop_assert_eq!(d.sequence().parse::<u64>().unwrap(), seq);
        let back = parts_of(&s).unwrap();
        prop_assert_eq!(build_number(&back).unwrap(), s.clone());
        match next_number(&s) {
            Ok(next) => prop_assert_eq!(parts_of(&next).unwrap().sequence.parse::<u64>().unwrap(), seq + 1),
            Err(e) => { prop_assert_eq!(seq, 999_999_999_999_999); prop_assert_eq!(e.code(), "FND-64"); }
        }
    }
}
