//! Properties of the `number` module: no string makes a parser panic, and every code or number
//! built from the tables parses back to the parts it was built from.

use invoice_core::number::{
    AmountVersion, CodeForm, CodeOptions, InvoiceCode, InvoiceNumber, Kind, NumberOptions, REGIONS,
    Suffix, check_qr_kind, kind_from_code, pad_number, province, refine_qr_kind,
};
use proptest::prelude::*;

fn region_strategy() -> impl Strategy<Value = &'static invoice_core::number::Region> {
    (0..REGIONS.len()).prop_map(|i| &REGIONS[i])
}

/// Digit strings of the lengths the parsers care about, plus near misses.
fn digits() -> impl Strategy<Value = String> {
    prop::string::string_regex("[0-9]{0,22}").expect("regex")
}

/// Every parser and lookup, on one input; only checks that nothing panics and errors are NUM-/INP-.
fn exercise(s: &str) {
    for opts in [CodeOptions::default(), CodeOptions::with_max_year(2025)] {
        match InvoiceCode::parse_with(s, &opts) {
            Ok(c) => {
                assert_eq!(c.to_string(), s);
                let _ = serde_json::to_string(&c).expect("serialise");
                let _ = refine_qr_kind(Kind::ElectronicOrdinary, &c);
                let _ = check_qr_kind(Kind::SpecialPaper, &c);
            }
            Err(e) => assert!(e.code().starts_with("NUM-"), "{e}"),
        }
    }
    match InvoiceNumber::parse_with(s, &NumberOptions::with_max_year(2025)) {
        Ok(n) => {
            assert_eq!(n.to_string(), s);
            let _ = serde_json::to_string(&n).expect("serialise");
        }
        Err(e) => assert!(e.code().starts_with("NUM-"), "{e}"),
    }
    let _ = InvoiceNumber::parse(s);
    match pad_number(s) {
        Ok(p) => assert_eq!(p.len(), 8),
        Err(e) => assert!(e.code().starts_with("NUM-"), "{e}"),
    }
    let _ = kind_from_code(s);
    let _ = Kind::from_qr_code(s);
    let _ = Kind::from_verify_code(s);
    let _ = Kind::from_tax_control_code(s);
    if let Err(e) = Kind::parse_name(s) {
        assert_eq!(e.code(), "INP-05");
        let _ = e.message_zh();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_str_panics(s in any::<String>()) {
        exercise(&s);
    }

    #[test]
    fn no_digit_str_panics(s in digits()) {
        exercise(&s);
    }

    #[test]
    fn no_near_miss_panics(s in prop::string::string_regex("[0-9０-９a٣ ]{8,21}").expect("regex")) {
        exercise(&s);
    }

    #[test]
    fn code10_round_trip(
        r in region_strategy(),
        yy in 0u8..100,
        batch in 0u8..10,
        kind_digit in prop::sample::select(vec![1u8, 2, 3, 5, 6, 7]),
        copies in 2u8..10,
        av in 0u8..5,
    ) {
        let s = format!("{}{yy:02}{batch}{kind_digit}{copies}{av}", r.code);
        let c = InvoiceCode::parse(&s).unwrap();
        prop_assert_eq!(c.as_str(), s.as_str());
        prop_assert_eq!(c.region(), r);
        prop_assert!(c.region_exact());
        prop_assert_eq!(c.year(), 2000 + i32::from(yy));
        let expected_kind = match kind_digit {
            1 | 5 => Kind::SpecialPaper,
            3 | 6 => Kind::OrdinaryPaper,
            _ => Kind::FreightSpecial,
        };
        prop_assert_eq!(c.kind(), Some(expected_kind));
        prop_assert_eq!(
            *c.form(),
            CodeForm::Legacy10 {
                batch,
                kind_digit,
                copies,
                amount_version: AmountVersion::from_digit(av).unwrap(),
            }
        );
        // The caller's current year bounds it.
        let y = c.year();
        prop_assert!(InvoiceCode::parse_with(&s, &CodeOptions::with_max_year(y)).is_ok());
        prop_assert_eq!(
            InvoiceCode::parse_with(&s, &CodeOptions::with_max_year(y - 1)).unwrap_err().code(),
            "NUM-05"
        );
    }

    #[test]
    fn code12_vat_round_trip(
        r in region_strategy(),
        city in prop::option::of(1u8..100),
        yy in 12u8..100,
        batch in 0u16..1000,
        suffix in prop::sample::select(Suffix::ALL.to_vec()),
    ) {
        // A city-level region (not in the table) falls back to its province.
        let (region_code, exact) = match city {
            Some(n) if !r.separately_planned => {
                let code = format!("{}{n:02}", &r.code[..2]);
                let exact = REGIONS.iter().any(|x| x.code == code);
                (code, exact)
            }
            _ => (r.code.to_string(), true),
        };
        let s = format!("0{region_code}{yy:02}{batch:03}{}", suffix.code());
        let c = InvoiceCode::parse(&s).unwrap();
        prop_assert_eq!(c.region_code(), region_code.as_str());
        prop_assert_eq!(c.region_exact(), exact);
        if exact {
            prop_assert_eq!(c.region().code, region_code.as_str());
        } else {
            prop_assert_eq!(Some(c.region()), province(&region_code[..2]));
        }
        prop_assert_eq!(c.year(), 2000 + i32::from(yy));
        prop_assert_eq!(*c.form(), CodeForm::Vat12 { batch, suffix });
        prop_assert_eq!(c.kind(), Some(suffix.kind()));
        prop_assert_eq!(kind_from_code(&s), Some(suffix.kind()));
    }

    #[test]
    fn code12_blockchain_round_trip(
        yy in 12u8..100,
        industry in 0u8..10,
        batch in 0u8..10,
        copies in 0u8..10,
        amount_flag in 0u8..10,
    ) {
        let s = format!("14403{yy:02}{industry}9{batch}{copies}{amount_flag}");
        let c = InvoiceCode::parse(&s).unwrap();
        prop_assert_eq!(c.region().code, "4403");
        prop_assert_eq!(c.year(), 2000 + i32::from(yy));
        prop_assert_eq!(
            *c.form(),
            CodeForm::Blockchain { industry, category: 9, batch, copies, amount_flag }
        );
        prop_assert_eq!(c.kind(), Some(Kind::Blockchain));
    }

    #[test]
    fn code12_other_leading_one_is_local(
        r in region_strategy(),
        yy in 12u8..100,
        rest in prop::string::string_regex("[0-9]{5}").expect("regex"),
    ) {
        let s = format!("1{}{yy:02}{rest}", r.code);
        let c = InvoiceCode::parse(&s).unwrap();
        let blockchain = r.code == "4403" && rest.as_bytes()[1] == b'9';
        prop_assert_eq!(matches!(c.form(), CodeForm::Blockchain { .. }), blockchain);
        prop_assert_eq!(matches!(c.form(), CodeForm::Local), !blockchain);
        prop_assert_eq!(c.kind().is_none(), !blockchain);
    }

    #[test]
    fn number8_round_trip(s in prop::string::string_regex("[0-9]{8}").expect("regex")) {
        let n = InvoiceNumber::parse(&s).unwrap();
        prop_assert_eq!(n, InvoiceNumber::Legacy8(s.clone()));
        prop_assert_eq!(pad_number(&s).unwrap(), s);
    }

    #[test]
    fn pad_keeps_the_value(v in 0u32..100_000_000) {
        let short = v.to_string();
        let padded = pad_number(&short).unwrap();
        prop_assert_eq!(padded.len(), 8);
        prop_assert_eq!(padded.parse::<u32>().unwrap(), v);
        prop_assert!(matches!(InvoiceNumber::parse(&padded).unwrap(), InvoiceNumber::Legacy8(_)));
    }

    #[test]
    fn number20_round_trip(
        yy in 21u8..100,
        region in 0u8..100,
        channel in 0u8..10,
        seq in prop::string::string_regex("[0-9]{15}").expect("regex"),
    ) {
        let s = format!("{yy:02}{region:02}{channel}{seq}");
        let n = InvoiceNumber::parse(&s).unwrap();
        let d = n.digital().unwrap();
        prop_assert_eq!(d.year(), 2000 + i32::from(yy));
        prop_assert_eq!(n.year(), Some(d.year()));
        let rc = format!("{region:02}");
        prop_assert_eq!(d.region_code(), rc.as_str());
        prop_assert_eq!(d.region(), province(&rc));
        prop_assert_eq!(d.channel(), channel);
        prop_assert_eq!(d.sequence(), seq.as_str());
        prop_assert_eq!(n.to_string(), s.clone());
        let future = NumberOptions::with_max_year(d.year() - 1);
        prop_assert_eq!(InvoiceNumber::parse_with(&s, &future).unwrap_err().code(), "NUM-05");
    }
}
