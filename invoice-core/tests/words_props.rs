//! Properties of 大写金额 (words): amount → words → amount is the identity for every amount and
//! every option, in both modes; words → amount → words is the identity for every style; the
//! strict parser accepts exactly the variants an independent reference enumerates (checked on
//! mutated words); the lenient parser accepts everything the strict one does, reports a deviation
//! for everything the strict one refuses, and reads each deviation class back to its amount; and
//! no string makes either panic.

use std::collections::HashSet;

use invoice_core::Rule;
use invoice_core::money::Amount;
use invoice_core::words::{
    self, DeviationKind, Mode, NegativeLabel, Options, Style, WholeMark, Zeros, parse_words_strict,
    read_words, to_words_with,
};
use proptest::prelude::*;

const MAX_FEN: i64 = 999_999_999_999_999_999; // 9999999999999999.99

/// Amounts with many zero digits (where the 零 rules live) and uniformly spread ones.
fn amount() -> impl Strategy<Value = Amount> {
    let digits = prop::collection::vec(prop_oneof![3 => Just(0u8), 2 => 1u8..=9], 1..=18);
    let structured = (digits, any::<bool>()).prop_map(|(ds, neg)| {
        let fen = ds.iter().fold(0i64, |acc, &d| acc * 10 + i64::from(d));
        if neg { -fen } else { fen }
    });
    let uniform = -MAX_FEN..=MAX_FEN;
    let small = -100_000i64..=100_000;
    prop_oneof![structured, uniform, small].prop_map(|fen| Amount::from_fen(fen).expect("in range"))
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop_oneof![
            Just(Style::Invoice),
            Just(Style::Accounting),
            Just(Style::Pboc)
        ],
        any::<bool>(),
        prop_oneof![Just(WholeMark::Zheng), Just(WholeMark::Exact)],
        prop_oneof![
            Just(NegativeLabel::FullWidth),
            Just(NegativeLabel::HalfWidth),
            Just(NegativeLabel::Short)
        ],
        prop_oneof![
            Just(Zeros::All),
            Just(Zeros::One),
            Just(Zeros::None),
            Just(Zeros::All)
        ],
        any::<bool>(),
    )
        .prop_map(
            |(style, rmb_prefix, whole, negative, zeros, default_zeros)| Options {
                style,
                rmb_prefix,
                whole,
                negative,
                zeros: if default_zeros {
                    style.options().zeros
                } else {
                    zeros
                },
            },
        )
}

const ALPHABET: &[&str] = &[
    "零",
    "壹",
    "贰",
    "叁",
    "肆",
    "伍",
    "陆",
    "柒",
    "捌",
    "玖",
    "拾",
    "佰",
    "仟",
    "万",
    "亿",
    "圆",
    "元",
    "角",
    "分",
    "整",
    "正",
    "人民币",
    "（负数）",
    "(负数)",
    "负",
    "⊗",
    "ⓧ",
    "×",
    "一",
    "十",
    " ",
    "x",
    "人",
    "（",
    "〇",
    "两",
    "三",
    "百",
    "千",
    "¥",
    "欠",
];

// ---- an independent reference of the accepted language (domain.md §8) -------------------------

const D: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const U: [&str; 4] = ["", "拾", "佰", "仟"];

/// Every accepted spelling of the yuan digits: for each non-zero digit, whether a zero digit
/// precedes it since the last non-zero digit, and the group markers that close after it.
fn yuan_variants(yuan: u64, zeros_optional: bool) -> Vec<String> {
    let s = yuan.to_string();
    let n = s.len();
    let digit_at = |p: usize| -> u8 { s.as_bytes()[n - 1 - p] - b'0' };
    let group_nonzero = |g: usize| (g * 4..g * 4 + 4).any(|p| p < n && digit_at(p) != 0);
    // (零 before?, text of digit + unit + markers, may that 零 go?): rule (五)(3) lets only the
    // 零 before a 仟 digit go whose zero run reaches through a 万/亿 digit.
    let mut items: Vec<(bool, String, bool)> = Vec::new();
    let nonzero: Vec<usize> = (0..n).rev().filter(|&p| digit_at(p) != 0).collect();
    for (k, &p) in nonzero.iter().enumerate() {
        let zero_before = k > 0 && nonzero[k - 1] > p + 1;
        let mut text = format!("{}{}", D[digit_at(p) as usize], U[p % 4]);
        let next = nonzero.get(k + 1).copied();
        // Groups whose last non-zero digit is this one: from this digit's group down to (but
        // not including) the next digit's group.
        let g = p / 4;
        let next_g = next.map(|q| q / 4);
        if g >= 1 && next_g != Some(g) {
            text.push_str(match g {
                1 => "万",
                2 => "亿",
                _ if group_nonzero(2) => "万",
                _ => "万亿",
            });
        }
        let may_go = zero_before && p % 4 == 3 && nonzero[k - 1] / 4 > p / 4;
        items.push((zero_before, text, may_go));
    }
    let optional: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].2 && zeros_optional)
        .collect();
    let mut out = Vec::new();
    for mask in 0u32..(1 << optional.len()) {
        let mut w = String::new();
        for (i, (zero, text, _)) in items.iter().enumerate() {
            let write_zero = match optional.iter().position(|&o| o == i) {
                Some(bit) => mask & (1 << bit) != 0,
                None => *zero,
            };
            if write_zero {
                w.push('零');
            }
            w.push_str(text);
        }
        out.push(w);
    }
    out
}

/// Every accepted body (no prefixes) of a non-negative amount of `fen` 分.
fn bodies(fen: u64) -> HashSet<String> {
    let mut out = HashSet::new();
    if fen == 0 {
        for w in ["零圆整", "零元整", "零圆正", "零元正"] {
            out.insert(w.to_string());
        }
        return out;
    }
    let (yuan, j, f) = (fen / 100, (fen / 10 % 10) as usize, (fen % 10) as usize);
    let relaxed = yuan % 10 == 0 && j != 0;
    let ints = if yuan > 0 {
        yuan_variants(yuan, relaxed)
    } else {
        vec![String::new()]
    };
    let mut fracs: Vec<String> = Vec::new();
    if j == 0 && f == 0 {
        fracs.extend(["整".into(), "正".into()]);
    } else if j > 0 {
        let zb: &[&str] = if yuan > 0 && relaxed {
            &["", "零"]
        } else {
            &[""]
        };
        for z in zb {
            if f == 0 {
                for tail in ["", "整", "正"] {
                    fracs.push(format!("{z}{}角{tail}", D[j]));
                }
            } else {
                fracs.push(format!("{z}{}角{}分", D[j], D[f]));
            }
        }
    } else if yuan > 0 {
        fracs.push(format!("零{}分", D[f]));
    } else {
        fracs.push(format!("{}分", D[f]));
    }
    for i in &ints {
        for unit in ["圆", "元"] {
            for fr in &fracs {
                if yuan > 0 {
                    out.insert(format!("{i}{unit}{fr}"));
                } else {
                    out.insert(fr.clone());
                }
            }
        }
    }
    out
}

/// |a| in 分.
fn fen_of(a: Amount) -> u64 {
    let mut v = a.abs().value();
    v.rescale(2);
    u64::try_from(v.mantissa()).expect("fen")
}

/// True when `s` is an accepted spelling of `a` per the reference.
fn accepted(s: &str, a: Amount) -> bool {
    let mut rest = s.trim();
    let (mut rmb, mut neg, mut mark) = (false, false, false);
    loop {
        if let Some(r) = rest.strip_prefix("人民币").filter(|_| !rmb) {
            rmb = true;
            rest = r;
        } else if let Some(r) = ["（负数）", "(负数)", "负"]
            .iter()
            .find_map(|l| rest.strip_prefix(l))
            .filter(|_| !neg)
        {
            neg = true;
            rest = r;
        } else if let Some(r) = ["⊗", "ⓧ", "×"]
            .iter()
            .find_map(|m| rest.strip_prefix(m))
            .filter(|_| !mark)
        {
            mark = true;
            rest = r;
        } else {
            break;
        }
    }
    if neg != a.is_negative() {
        return false;
    }
    bodies(fen_of(a)).contains(rest)
}

/// Applies one edit to `s` (over characters): insert, delete, replace or swap.
fn mutate(s: &str, kind: u8, at: usize, with: &str) -> String {
    let mut chars: Vec<String> = s.chars().map(String::from).collect();
    let n = chars.len();
    let i = if n == 0 { 0 } else { at % (n + 1) };
    match kind % 4 {
        0 => chars.insert(i, with.to_string()),
        1 if i < n => {
            chars.remove(i);
        }
        2 if i < n => chars[i] = with.to_string(),
        3 if i + 1 < n => chars.swap(i, i + 1),
        _ => chars.push(with.to_string()),
    }
    chars.concat()
}

fn edit() -> impl Strategy<Value = (u8, usize, &'static str)> {
    (any::<u8>(), any::<usize>(), prop::sample::select(ALPHABET))
}

/// A parse failure is a WRD code with every param of its templates filled.
fn check_error(e: &invoice_core::Error) -> Result<(), TestCaseError> {
    prop_assert!(e.code().starts_with("WRD-"), "{}", e);
    for name in Rule::placeholders(e.rule().en) {
        prop_assert!(e.param(name).is_some(), "{} lacks {}", e.code(), name);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// amount → words → amount, for every amount and every option.
    #[test]
    fn amount_words_amount(a in amount(), o in options()) {
        let w = to_words_with(a, &o);
        prop_assert_eq!(parse_words_strict(&w), Ok(a), "{}", w);
        prop_assert!(words::matches(&w, a));
    }

    /// words → amount → words, for the words of every style (and option).
    #[test]
    fn words_amount_words(a in amount(), o in options()) {
        let w = to_words_with(a, &o);
        let back = parse_words_strict(&w).expect("own words parse");
        prop_assert_eq!(to_words_with(back, &o), w);
    }

    /// The writer stays inside the language the reference describes (domain.md §8).
    #[test]
    fn writer_within_reference(a in amount(), o in options()) {
        let w = to_words_with(a, &o);
        prop_assert!(accepted(&w, a), "{} not in the reference language of {}", w, a);
    }

    /// Every spelling the reference allows parses to its amount.
    #[test]
    fn reference_spellings_parse(a in amount(), pick in any::<prop::sample::Index>(),
                                 prefix in prop::sample::select(&["", "人民币", "⊗", "ⓧ人民币", "人民币×", " "][..]),
                                 label in prop::sample::select(&["（负数）", "(负数)", "负"][..])) {
        let fen = fen_of(a);
        let mut all: Vec<String> = bodies(fen).into_iter().collect();
        all.sort();
        let body = pick.get(&all);
        let s = if a.is_negative() { format!("{prefix}{label}{body}") } else { format!("{prefix}{body}") };
        prop_assert_eq!(parse_words_strict(&s), Ok(a), "{}", s);
    }

    /// Edited words either fail with a WRD code or read as an amount whose reference language
    /// contains them: the parser accepts nothing the rules do not allow.
    #[test]
    fn edits_are_refused_or_exact(a in amount(), o in options(), edits in prop::collection::vec(edit(), 1..4)) {
        let mut w = to_words_with(a, &o);
        for (k, at, with) in edits {
            w = mutate(&w, k, at, with);
        }
        match parse_words_strict(&w) {
            Ok(b) => prop_assert!(accepted(&w, b), "{} read as {} but is not a spelling of it", w, b),
            Err(e) => check_error(&e)?,
        }
    }

    /// Strings over the amount alphabet never panic and any accepted one is exact.
    #[test]
    fn alphabet_strings(parts in prop::collection::vec(prop::sample::select(ALPHABET), 0..24)) {
        let s = parts.concat();
        match parse_words_strict(&s) {
            Ok(b) => prop_assert!(accepted(&s, b), "{} read as {}", s, b),
            Err(e) => check_error(&e)?,
        }
    }

    /// No string makes the parser panic; failures are WRD codes with every param filled.
    #[test]
    fn any_string(s in any::<String>()) {
        if let Err(e) = parse_words_strict(&s) {
            check_error(&e)?;
        }
    }
}

// ---- the lenient reader ----------------------------------------------------------------------

/// Lower-case forms of the upper-case numerals.
fn to_lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '壹' => '一',
            '贰' => '二',
            '叁' => '三',
            '肆' => '四',
            '伍' => '五',
            '陆' => '六',
            '柒' => '七',
            '捌' => '八',
            '玖' => '九',
            '拾' => '十',
            '佰' => '百',
            '仟' => '千',
            '零' => '〇',
            other => other,
        })
        .collect()
}

/// One transformation of written words into a deviation class, if it applies to `w`; the
/// amount stays the same.
fn deviate(w: &str, a: Amount, class: u8) -> Option<(String, DeviationKind)> {
    let neg_label = ["（负数）", "(负数)", "负"]
        .iter()
        .find(|l| w.starts_with(**l));
    match class % 8 {
        0 => Some((to_lower(w), DeviationKind::LowerCase)),
        1 => w
            .strip_suffix('整')
            .filter(|b| b.ends_with('圆') || b.ends_with('元'))
            .map(|b| (b.to_string(), DeviationKind::WholeMissing)),
        2 if w.ends_with('分') => Some((format!("{w}整"), DeviationKind::WholeAfterFen)),
        3 if !a.is_negative() => Some((format!("￥{w}"), DeviationKind::CurrencySign)),
        4 => neg_label.map(|l| (format!("欠{}", &w[l.len()..]), DeviationKind::NegativeQian)),
        5 if a.abs().value() < rust_decimal::Decimal::ONE
            && !a.is_zero()
            && neg_label.is_none()
            && !w.starts_with("人民币") =>
        {
            Some((format!("零圆{w}"), DeviationKind::LeadingZero))
        }
        6 => {
            // 零角 written out: X圆零Y分 → X圆零角Y分.
            let i = w.find("圆零")?;
            let rest = &w[i + "圆零".len()..];
            (rest.chars().count() == 2 && rest.ends_with('分'))
                .then(|| (format!("{}圆零角{rest}", &w[..i]), DeviationKind::ZeroUnit))
        }
        // Outside rule (五)'s relaxation (元 digit 0, 角 not), where the omission is optional.
        _ if (fen_of(a) / 100).is_multiple_of(10) && !(fen_of(a) / 10).is_multiple_of(10) => None,
        _ => w
            .find("万零")
            .filter(|i| w[i + "万零".len()..].chars().nth(1) == Some('仟'))
            .map(|i| {
                (
                    format!("{}万{}", &w[..i], &w[i + "万零".len()..]),
                    DeviationKind::GroupZeroOmitted,
                )
            }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Whatever any style or option writes reads back in both modes; the invoice style with
    /// its own options reads with no deviation.
    #[test]
    fn lenient_reads_every_written_form(a in amount(), o in options()) {
        let w = to_words_with(a, &o);
        for mode in [Mode::Lenient, Mode::Strict] {
            let r = read_words(&w, mode).expect("own words read");
            prop_assert_eq!(r.amount, a, "{}", w);
            prop_assert!(r.deviations.iter().all(|d| d.kind.strict_accepts()), "{} {:?}", w, r.deviations);
        }
        if o == Style::Invoice.options() {
            prop_assert_eq!(read_words(&w, Mode::Lenient).unwrap().deviations, vec![], "{}", w);
        }
    }

    /// Each deviation class reads back to the same amount and is reported; the strict reader
    /// refuses it with a WRD code.
    #[test]
    fn deviation_classes_read_back(a in amount(), o in options(), class in any::<u8>()) {
        let w = to_words_with(a, &o);
        if let Some((d, kind)) = deviate(&w, a, class) {
            let r = read_words(&d, Mode::Lenient);
            prop_assert!(r.is_ok(), "{} -> {} refused: {:?}", w, d, r);
            let r = r.unwrap();
            prop_assert_eq!(r.amount, a, "{}", d);
            prop_assert!(r.deviations.iter().any(|x| x.kind == kind), "{} lacks {:?}: {:?}", d, kind, r.deviations);
            match read_words(&d, Mode::Strict) {
                Err(e) => check_error(&e)?,
                Ok(s) => prop_assert!(false, "strict read {} as {}", d, s.amount),
            }
        }
    }

    /// The lenient reader accepts everything the strict one does, with the same amount; when it
    /// reports only kinds the strict reader accepts, the strict reader agrees. So every form the
    /// strict reader refuses carries a deviation the strict reader does not accept.
    #[test]
    fn lenient_extends_strict(a in amount(), o in options(), edits in prop::collection::vec(edit(), 0..4)) {
        let mut w = to_words_with(a, &o);
        for (k, at, with) in edits {
            w = mutate(&w, k, at, with);
        }
        let lenient = read_words(&w, Mode::Lenient);
        let strict = read_words(&w, Mode::Strict);
        match (&lenient, &strict) {
            (_, Ok(s)) => prop_assert_eq!(lenient.as_ref().map(|r| r.amount), Ok(s.amount), "{}", w),
            (Ok(r), Err(_)) => prop_assert!(
                r.deviations.iter().any(|d| !d.kind.strict_accepts()),
                "{} read leniently with only strict kinds {:?} but strict refused: {:?}", w, r.deviations, strict
            ),
            (Err(e), Err(_)) => check_error(e)?,
        }
    }

    /// Strings over the lenient alphabet never panic; failures are WRD codes.
    #[test]
    fn lenient_alphabet_strings(parts in prop::collection::vec(prop::sample::select(ALPHABET), 0..24)) {
        let s = parts.concat();
        if let Err(e) = read_words(&s, Mode::Lenient) {
            check_error(&e)?;
        }
    }

    #[test]
    fn lenient_any_string(s in any::<String>()) {
        if let Err(e) = read_words(&s, Mode::Lenient) {
            check_error(&e)?;
        }
    }
}
