//! Properties of the identifier checks (GB 32100, GB 11714, GB 11643).
//!
//! - A computed check character always validates (USCC, organisation code, resident id).
//! - Any single-character change to a valid USCC or 18-character resident id is caught: both
//!   check systems work modulo a prime (31, 11) larger than any difference of two character
//!   values, with no zero weight, so no substitution keeps the sum (a change in the birth-date
//!   part that still is a real date is caught by the check; one that is not, by the date rule).
//! - No `&str` makes any function panic.

use chrono::{Datelike, NaiveDate};
use invoice_core::ids::{org_code, resident_id, taxpayer_id, uscc};
use proptest::prelude::*;

const USCC_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Characters tried as replacements: every ASCII letter and digit (both cases), the letters
/// the USCC alphabet excludes, full-width forms, and some non-ASCII.
fn replacements() -> Vec<char> {
    let mut v: Vec<char> = ('0'..='9').chain('A'..='Z').chain('a'..='z').collect();
    v.extend([
        '０', '９', 'Ｘ', 'ｘ', '-', ' ', '\0', 'é', '😀', '一', '\u{200b}',
    ]);
    v
}

fn uscc_strategy() -> impl Strategy<Value = String> {
    let a: Vec<char> = USCC_ALPHABET.chars().collect();
    (
        prop::sample::select(a.clone()),
        prop::sample::select(a.clone()),
        "[0-9]{6}",
        prop::collection::vec(prop::sample::select(a), 8),
    )
        .prop_map(|(first, second, region, body)| {
            let body: String = body.into_iter().collect();
            let org_check = org_code::calc_check_digit(&body).expect("8-char body");
            let first17 = format!("{first}{second}{region}{body}{org_check}");
            let check = uscc::calc_check_digit(&first17).expect("17 chars");
            format!("{first17}{check}")
        })
}

fn birth_date() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
    (0i64..110_000).prop_map(move |d| start + chrono::Duration::days(d))
}

/// The GB/T 2260 provinces of the mainland (what a 15-digit number may begin with).
const MAINLAND: [&str; 31] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
];

/// A 6-digit address code an 18-character number may begin with: a mainland province, 71, the
/// residence-permit prefixes 81/82/83, or 9 + a province + a 3-digit nationality.
fn area18() -> impl Strategy<Value = String> {
    prop_oneof![
        (prop::sample::select(MAINLAND.to_vec()), "[0-9]{4}").prop_map(|(p, r)| format!("{p}{r}")),
        prop::sample::select(vec!["710000", "810000", "820000", "830000"]).prop_map(String::from),
        (prop::sample::select(MAINLAND.to_vec()), "[0-9]{3}").prop_map(|(p, n)| format!("9{p}{n}")),
    ]
}

/// Two digits that are no province of an 18-character number.
fn not_a_province() -> impl Strategy<Value = String> {
    "[0-9]{2}".prop_filter("a province", |p| {
        !MAINLAND.contains(&p.as_str())
            && !["71", "81", "82", "83"].contains(&p.as_str())
            && !p.starts_with('9')
    })
}

fn ric_strategy() -> impl Strategy<Value = String> {
    (area18(), birth_date(), "[0-9]{3}").prop_map(|(area, date, seq)| {
        let first17 = format!("{area}{}{seq}", date.format("%Y%m%d"));
        let check = resident_id::calc_check_digit(&first17).expect("17 digits");
        format!("{first17}{check}")
    })
}

/// Every single-character substitution of `code` that changes its compact form fails `valid`.
fn assert_substitutions_caught(code: &str, compact: fn(&str) -> String, valid: fn(&str) -> bool) {
    let chars: Vec<char> = code.chars().collect();
    for i in 0..chars.len() {
        for r in replacements() {
            let mut m = chars.clone();
            m[i] = r;
            let m: String = m.into_iter().collect();
            if compact(&m) == code {
                continue; // e.g. 'x' for 'X': the same identifier after normalising
            }
            assert!(!valid(&m), "{code} -> {m} (position {}) still valid", i + 1);
        }
    }
}

#[test]
fn substitutions_in_the_standard_examples_are_caught() {
    for code in [
        "91350100M000100Y43",
        "9131011259474644XJ",
        "92310105MAC4EUBHX7",
        "91440300MA5D8N2K0X",
    ] {
        assert!(uscc::is_valid(code));
        assert_substitutions_caught(code, uscc::compact, uscc::is_valid);
    }
    for code in [
        "11010519491231002X",
        "440524188001010014",
        "110105199003071239",
    ] {
        assert!(resident_id::is_valid(code));
        assert_substitutions_caught(code, resident_id::compact, resident_id::is_valid);
    }
}

/// GB 11714 alone does not catch every substitution: its values run to 35 and it works modulo
/// 11, so characters 11 apart (`2` and `D`, `0` and `B`) weigh the same. Inside a USCC the
/// MOD 31 check still catches them (see above); a standalone organisation code cannot.
#[test]
fn org_code_misses_substitutions_eleven_apart() {
    assert!(org_code::is_valid("D2143569X"));
    assert!(org_code::is_valid("22143569X"));
    assert!(!uscc::is_valid(
        "91350100M000100Y43".replacen('M', "1", 1).as_str()
    ));
    // Digit-for-digit changes are all caught (differences below 11, no zero weight).
    let code: Vec<char> = "573484030".chars().collect();
    for i in 0..9 {
        for d in '0'..='9' {
            let mut m = code.clone();
            if m[i] == d {
                continue;
            }
            m[i] = d;
            let m: String = m.into_iter().collect();
            assert!(!org_code::is_valid(&m), "{m}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn computed_uscc_validates(code in uscc_strategy()) {
        prop_assert_eq!(uscc::validate(&code), Ok(code.clone()));
        prop_assert_eq!(uscc::validate(&code.to_lowercase()), Ok(code.clone()));
        let p = uscc::parts(&code).unwrap();
        prop_assert_eq!(&p.organization_code, code.get(8..17).unwrap());
        prop_assert!(org_code::is_valid(&p.organization_code) || p.organization_code.starts_with("PDY"));
    }

    #[test]
    fn computed_org_code_validates(body in "[0-9A-Z]{8}") {
        prop_assume!(!body.starts_with("PDY"));
        let check = org_code::calc_check_digit(&body).unwrap();
        let code = format!("{body}{check}");
        prop_assert_eq!(org_code::validate(&code), Ok(code.clone()));
        prop_assert_eq!(org_code::format(&code), Ok(format!("{body}-{check}")));
        let display = format!("{body}-{check}");
        prop_assert!(org_code::is_valid(&display));
    }

    #[test]
    fn computed_resident_id_validates(code in ric_strategy()) {
        prop_assert_eq!(resident_id::validate(&code), Ok(code.clone()));
        let p = resident_id::parts(&code).unwrap();
        prop_assert_eq!(p.birth_date.format("%Y%m%d").to_string(), code.get(6..14).unwrap());
        let seq_last = code.get(16..17).unwrap().parse::<u32>().unwrap();
        prop_assert_eq!(p.sex == resident_id::Sex::Male, seq_last % 2 == 1);
        // The natural-person TIN is the identity number itself.
        prop_assert_eq!(taxpayer_id::classify(&code).unwrap().form,
            if uscc::is_valid(&code) { taxpayer_id::Form::Uscc } else { taxpayer_id::Form::ResidentId });
    }

    #[test]
    fn unknown_provinces_are_named(
        province in not_a_province(),
        rest in "[0-9]{4}",
        date in birth_date(),
        seq in "[0-9]{3}",
    ) {
        let first17 = format!("{province}{rest}{}{seq}", date.format("%Y%m%d"));
        let check = resident_id::calc_check_digit(&first17).unwrap();
        let err = resident_id::validate(&format!("{first17}{check}")).unwrap_err();
        prop_assert_eq!(err.code(), "ID-20");
        prop_assert_eq!(err.param("province"), Some(province.as_str()));
        // The 15-digit form takes only a mainland province.
        let old = format!("{province}{rest}{}{seq}", date.format("%y%m%d"));
        prop_assert_eq!(resident_id::validate(&old).unwrap_err().code(), "ID-20");
    }

    #[test]
    fn fifteen_digit_upgrades(
        province in prop::sample::select(MAINLAND.to_vec()),
        rest in "[0-9]{4}",
        days in 0i64..36_524,
        seq in "[0-9]{3}",
    ) {
        let area = format!("{province}{rest}");
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        prop_assert!((1900..=1999).contains(&date.year()));
        let old = format!("{area}{}{seq}", date.format("%y%m%d"));
        let new = resident_id::to_18(&old).unwrap();
        prop_assert_eq!(resident_id::validate(&new), Ok(new.clone()));
        prop_assert_eq!(resident_id::parts(&new).unwrap().birth_date, date);
        prop_assert_eq!(resident_id::parts(&old).unwrap().birth_date, date);
        prop_assert_eq!(new.get(..6), Some(area.as_str()));
        prop_assert_eq!(new.get(14..17), Some(seq.as_str()));
    }

    #[test]
    fn any_single_change_to_a_uscc_is_caught(
        code in uscc_strategy(),
        pos in 0usize..18,
        r in prop::sample::select(replacements()),
    ) {
        let mut m: Vec<char> = code.chars().collect();
        m[pos] = r;
        let m: String = m.into_iter().collect();
        prop_assume!(uscc::compact(&m) != code);
        prop_assert!(!uscc::is_valid(&m), "{} -> {}", code, m);
    }

    /// `is_valid` takes a shortcut (no compact text, no error built): it must say what
    /// `validate` says, on valid ids, ids with one character changed, and ids with separators.
    #[test]
    fn uscc_is_valid_agrees_with_validate(
        code in uscc_strategy(),
        pos in 0usize..18,
        r in prop::sample::select(replacements()),
        sep in prop::sample::select(vec!["", " ", "-", "\u{3000}", "—", "x", "0"]),
        at in 0usize..19,
    ) {
        let mut m: Vec<char> = code.chars().collect();
        m[pos] = r;
        let changed: String = m.iter().collect();
        let (head, tail) = m.split_at(at.min(m.len()));
        let split = format!("{}{sep}{}", head.iter().collect::<String>(), tail.iter().collect::<String>());
        for s in [code.clone(), changed, split] {
            prop_assert_eq!(uscc::is_valid(&s), uscc::validate(&s).is_ok(), "{:?}", s);
        }
    }

    #[test]
    fn any_single_change_to_a_resident_id_is_caught(
        code in ric_strategy(),
        pos in 0usize..18,
        r in prop::sample::select(replacements()),
    ) {
        let mut m: Vec<char> = code.chars().collect();
        m[pos] = r;
        let m: String = m.into_iter().collect();
        prop_assume!(resident_id::compact(&m) != code);
        prop_assert!(!resident_id::is_valid(&m), "{} -> {}", code, m);
    }

    #[test]
    fn a_birth_date_digit_change_is_caught_by_date_or_check(
        code in ric_strategy(),
        pos in 6usize..14,
        d in 0u32..10,
    ) {
        let mut m: Vec<char> = code.chars().collect();
        let new = char::from_digit(d, 10).unwrap();
        prop_assume!(m[pos] != new);
        m[pos] = new;
        let m: String = m.into_iter().collect();
        let err = resident_id::validate(&m).unwrap_err();
        prop_assert!(err.code() == "ID-13" || err.code() == "ID-14", "{}", err);
    }

    #[test]
    fn no_str_panics(s in any::<String>()) {
        exercise(&s);
    }

    #[test]
    fn no_near_miss_panics(s in "[0-9A-Za-zIOSVZ０-９Ｘ\\- \u{3000}\u{0}é😀]{13,22}") {
        exercise(&s);
    }
}

/// Calls every function of the four modules; only a panic fails.
fn exercise(s: &str) {
    let as_of = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let _ = uscc::compact(s);
    let _ = uscc::validate(s);
    let _ = uscc::validate_strict(s);
    let _ = uscc::is_valid(s);
    let _ = uscc::format(s);
    let _ = uscc::calc_check_digit(s);
    let _ = uscc::parts(s);
    let _ = uscc::warnings(s);
    let _ = org_code::compact(s);
    let _ = org_code::validate(s);
    let _ = org_code::validate_strict(s);
    let _ = org_code::format(s);
    let _ = org_code::calc_check_digit(s);
    let _ = org_code::parts(s);
    let _ = resident_id::compact(s);
    let _ = resident_id::validate(s);
    let _ = resident_id::validate_strict(s);
    let _ = resident_id::validate_as_of(s, as_of);
    let _ = resident_id::format(s);
    let _ = resident_id::calc_check_digit(s);
    let _ = resident_id::parts(s);
    let _ = resident_id::to_18(s);
    let _ = taxpayer_id::compact(s);
    let _ = taxpayer_id::validate(s);
    let _ = taxpayer_id::validate_strict(s);
    let _ = taxpayer_id::format(s);
    let _ = taxpayer_id::classify(s);
    let _ = taxpayer_id::warnings(s);
    for e in uscc::validate(s)
        .err()
        .into_iter()
        .chain(taxpayer_id::warnings(s).unwrap_or_default())
    {
        let _ = (e.message(), e.message_zh());
    }
}
