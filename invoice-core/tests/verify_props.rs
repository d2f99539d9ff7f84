//! Properties of `verify`: QR build → parse round trips, the QR parser never panics, check codes
//! verify and any single changed digit fails.

use invoice_core::model::Invoice;
use invoice_core::number::Kind;
use invoice_core::verify::check_code::{self, CheckCodeKey};
use invoice_core::verify::duplicates;
use invoice_core::verify::qr::{self, AmountMeaning, Payload};
use proptest::prelude::*;
use serde_json::json;

/// (kind name, code suffix or None for 数电)
const KINDS: &[(&str, Option<&str>)] = &[
    ("electronic_ordinary", Some("11")),
    ("toll", Some("12")),
    ("electronic_special", Some("13")),
    ("ordinary_paper", Some("04")),
    ("digital_special", None),
    ("digital_ordinary", None),
];

fn fen_text(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let a = fen.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

prop_compose! {
    fn invoice_parts()(
        k in 0..KINDS.len(),
        region in prop::sample::select(vec!["3100", "1100", "4403", "4400", "6500"]),
        yy in 12u32..=29,
        batch in 0u32..1000,
        number in 0u32..100_000_000,
        seq in 0u64..1_000_000_000_000_000,
        amount in -10_000_000_000i64..10_000_000_000,
        tax in 0i64..1_000_000_000,
        y in 2021i32..=2029, m in 1u32..=12, d in 1u32..=28,
        check in proptest::option::of("[0-9]{20}"),
        hash in proptest::option::of("[0-9A-Fa-f]{2,4}"),
    ) -> (Invoice, Option<String>) {
        let (kind, suffix) = KINDS[k];
        let mut v = json!({
            "kind": kind, "issue_date": format!("{y:04}-{m:02}-{d:02}"),
            "seller": {"name": "S"}, "buyer": {"name": "B"}, "lines": [],
            "totals": {"amount": fen_text(amount), "tax": fen_text(tax), "total": fen_text(amount + tax)},
        });
        match suffix {
            Some(s) => {
                v["code"] = json!(format!("0{region}{yy:02}{batch:03}{s}"));
                v["number"] = json!(format!("{number:08}"));
                if let Some(c) = &check { v["check_code"] = json!(c); }
            }
            None => v["number"] = json!(format!("{:02}31{seq:016}", y - 2000)),
        }
        (Invoice::from_value(&v).expect("generated invoice reads"), hash)
    }
}

prop_compose! {
    /// Any kind with any code form (10-digit with any kind digit, 12-digit with any suffix,
    /// local and blockchain forms, none), an 8- or 20-digit number and an optional check code:
    /// mostly invoices whose kind and code disagree.
    fn any_invoice_parts()(
        kind in prop::sample::select(Kind::ALL.to_vec()),
        code in proptest::option::of(prop_oneof![
            "[1-6][1-5]00[12][0-9][0-9][0-9][0-9][0-4]",
            "0[1-6][1-5]00[12][0-9][0-9][0-9][0-9](04|05|06|07|11|12|13)",
            "1[1-6][1-5]0[12][0-9]9[0-9][0-9][0-9][0-9][0-9]",
            "[0-9]{10,12}",
        ]),
        digital_number in any::<bool>(),
        number in 0u32..100_000_000,
        seq in 0u64..1_000_000_000_000_000,
        amount in -10_000_000i64..10_000_000,
        y in 2013i32..=2029, m in 1u32..=12, d in 1u32..=28,
        check in proptest::option::of("[0-9]{20}"),
        hash in proptest::option::of("[0-9A-Fa-f]{2,4}"),
    ) -> (Invoice, Option<String>) {
        let mut v = json!({
            "kind": kind.name(), "issue_date": format!("{y:04}-{m:02}-{d:02}"),
            "seller": {"name": "S"}, "buyer": {"name": "B"}, "lines": [],
            "totals": {"amount": fen_text(amount), "tax": "0.00", "total": fen_text(amount)},
        });
        if let Some(c) = code { v["code"] = json!(c); }
        v["number"] = if digital_number {
            json!(format!("{:02}31{seq:016}", y - 2000))
        } else {
            json!(format!("{number:08}"))
        };
        if let Some(c) = check { v["check_code"] = json!(c); }
        (Invoice::from_value(&v).expect("generated invoice reads"), hash)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Issue 15: whatever `build` accepts, `parse` reads back to the same fields (a used-car
    /// invoice with a 专票 code was written and then refused with NUM-14).
    #[test]
    fn whatever_build_accepts_reads_back((inv, hash) in any_invoice_parts()) {
        let Ok(text) = qr::build(&inv, hash.as_deref()) else { return Ok(()) };
        let parsed = qr::parse(&text);
        prop_assert!(parsed.is_ok(), "{text} built from {inv:?} does not parse: {parsed:?}");
        let Ok(Payload::Invoice(q)) = parsed else {
            panic!("not an invoice payload: {text}");
        };
        prop_assert_eq!(q.kind, inv.kind);
        prop_assert_eq!(&q.code, &inv.code);
        prop_assert_eq!(&q.number, &inv.number);
        prop_assert_eq!(q.issue_date, inv.issue_date);
        prop_assert_eq!(&q.check_code, &inv.check_code);
        let t = inv.totals.as_ref().expect("totals");
        let expected = if inv.kind.is_digital() { t.total } else { t.amount };
        prop_assert_eq!(q.amount, expected);
        prop_assert_eq!(q.hash, hash.map(|h| h.to_ascii_uppercase()));
    }

    #[test]
    fn qr_build_parse_round_trip((inv, hash) in invoice_parts()) {
        let text = qr::build(&inv, hash.as_deref()).expect("buildable");
        let Payload::Invoice(q) = qr::parse(&text).expect("parses") else {
            panic!("not an invoice payload: {text}");
        };
        prop_assert_eq!(q.kind, inv.kind);
        prop_assert_eq!(&q.code, &inv.code);
        prop_assert_eq!(&q.number, &inv.number);
        prop_assert_eq!(q.issue_date, inv.issue_date);
        let t = inv.totals.as_ref().expect("totals");
        if inv.kind.is_digital() {
            prop_assert_eq!(q.amount_meaning, AmountMeaning::TotalIncludingTax);
            prop_assert_eq!(q.amount, t.total);
            prop_assert_eq!(&q.check_code, &None);
        } else {
            prop_assert_eq!(q.amount_meaning, AmountMeaning::AmountExcludingTax);
            prop_assert_eq!(q.amount, t.amount);
            prop_assert_eq!(&q.check_code, &inv.check_code);
        }
        prop_assert_eq!(q.hash, hash.map(|h| h.to_ascii_uppercase()));
        prop_assert_eq!(q.raw, text.clone());
        // The same invoice as a QR and as an invoice is one duplicate group.
        let items = vec![
            duplicates::Item::Invoice(Box::new(inv.clone())),
            duplicates::Item::Qr(text),
        ];
        prop_assert_eq!(duplicates::find_duplicates(&items).groups, vec![vec![0, 1]]);
        if inv.kind == Kind::Toll {
            prop_assert_eq!(q.qr_kind, Kind::ElectronicOrdinary);
        }
    }

    #[test]
    fn qr_parser_never_panics(s in any::<String>()) {
        let _ = qr::parse(&s);
        let _ = duplicates::key_of_number(&s);
    }

    #[test]
    fn qr_parser_never_panics_on_near_payloads(
        fields in proptest::collection::vec("[0-9A-Fa-f ,.\\-上😀]{0,24}", 0..12)
    ) {
        let s = format!("01,{}", fields.join(","));
        let _ = qr::parse(&s);
        let s = format!("01,10,031002100411,25096213,{}", fields.join(","));
        let _ = qr::parse(&s);
    }

    #[test]
    fn check_code_verifies_and_single_digit_changes_fail(
        (inv, _) in invoice_parts(),
        key in proptest::collection::vec(any::<u8>(), 16..80),
        pos in 0usize..20,
        delta in 1u8..10,
    ) {
        let key = CheckCodeKey::new(&key).expect("long enough");
        let code = check_code::generate_for(&key, &inv).expect("totals present");
        prop_assert_eq!(code.len(), 20);
        prop_assert!(code.bytes().all(|b| b.is_ascii_digit()));
        prop_assert!(check_code::verify_for(&key, &inv, &code).expect("well formed"));
        let mut bytes = code.into_bytes();
        bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(bytes).expect("ascii");
        prop_assert!(!check_code::verify_for(&key, &inv, &changed).expect("well formed"));
    }
}

#[test]
fn key_is_redacted_in_debug() {
    let key = CheckCodeKey::from_hex("736563726574736563726574736563726574").unwrap();
    let shown = format!("{key:?} {:#?}", vec![key.clone()]);
    assert!(!shown.contains("secret"));
    assert!(!shown.contains("7365"));
    assert!(!shown.contains("115, 101")); // the bytes as a list
}
