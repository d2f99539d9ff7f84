//! Words → amount: a single pass over the characters. Allocates only for a deviation or an error.
//!
//! One grammar serves both modes. Where the strict reader refuses a form that is unambiguous
//! anyway (a lower-case numeral, a missing 整, a `¥`, …) the lenient reader records a
//! [`Deviation`] instead and reads on; the forms both accept that differ from the invoice style
//! (元, 正, …) are recorded in both. Ambiguous or self-contradicting text is refused in both.

use super::{
    Deviation, DeviationKind, Mode, WRD_DIGIT_WITHOUT_UNIT, WRD_EMPTY, WRD_NEGATIVE_ZERO,
    WRD_PREFIX, WRD_RANGE, WRD_SIMPLIFIED, WRD_TRAILING, WRD_UNIT_ORDER, WRD_UNIT_WITHOUT_DIGIT,
    WRD_UNKNOWN_CHAR, WRD_WHOLE_AFTER_FEN, WRD_WHOLE_MISSING, WRD_YUAN_MISSING, WRD_ZERO_MISPLACED,
    WRD_ZERO_MISSING, WordsReading,
};
use crate::error::{Error, Rule};
use crate::money::Amount;

use DeviationKind as K;

/// One character of the amount, classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// 壹 … 玖 (一 … 九, 两 when lenient).
    Digit(u8),
    /// 零 (〇 when lenient).
    Zero,
    /// 拾 (1), 佰 (2), 仟 (3) (十百千 when lenient).
    Unit(u8),
    /// 万.
    Wan,
    /// 亿.
    Yi,
    /// 圆 or 元.
    Yuan,
    /// 角.
    Jiao,
    /// 分.
    Fen,
    /// 整 or 正.
    Whole,
    /// End of input.
    End,
    /// Anything else.
    Other(char),
}

fn classify(c: char, lenient: bool) -> Tok {
    match c {
        '零' => Tok::Zero,
        '壹' => Tok::Digit(1),
        '贰' => Tok::Digit(2),
        '叁' => Tok::Digit(3),
        '肆' => Tok::Digit(4),
        '伍' => Tok::Digit(5),
        '陆' => Tok::Digit(6),
        '柒' => Tok::Digit(7),
        '捌' => Tok::Digit(8),
        '玖' => Tok::Digit(9),
        '拾' => Tok::Unit(1),
        '佰' => Tok::Unit(2),
        '仟' => Tok::Unit(3),
        '万' => Tok::Wan,
        '亿' => Tok::Yi,
        '圆' | '元' => Tok::Yuan,
        '角' => Tok::Jiao,
        '分' => Tok::Fen,
        '整' | '正' => Tok::Whole,
        other if lenient => lower(other).unwrap_or(Tok::Other(other)),
        other => Tok::Other(other),
    }
}

/// The lower-case numerals (小写数字) the lenient reader takes: the simplified numerals of
/// [`upper_of`] (一二三…十百千, 〇, 两), read as their upper-case forms; not Arabic digits.
fn lower(c: char) -> Option<Tok> {
    if c.is_ascii_digit() || ('０'..='９').contains(&c) {
        return None;
    }
    upper_of(c)?.chars().next().map(|u| classify(u, false))
}

/// The upper-case form of a simplified or Arabic numeral, if `c` is one.
fn upper_of(c: char) -> Option<&'static str> {
    Some(match c {
        '〇' | '0' | '０' => "零",
        '一' | '1' | '１' => "壹",
        '二' | '两' | '2' | '２' => "贰",
        '三' | '3' | '３' => "叁",
        '四' | '4' | '４' => "肆",
        '五' | '5' | '５' => "伍",
        '六' | '6' | '６' => "陆",
        '七' | '7' | '７' => "柒",
        '八' | '8' | '８' => "捌",
        '九' | '9' | '９' => "玖",
        '十' => "拾",
        '百' => "佰",
        '千' => "仟",
        _ => return None,
    })
}

/// Characters that open a prefix (人民币, a negative label, the ⊗ mark; lenient: 欠 and the
/// currency signs).
fn is_prefix_char(c: char, lenient: bool) -> bool {
    matches!(c, '人' | '负' | '(' | '（' | '⊗' | 'ⓧ' | '×')
        || (lenient && matches!(c, '欠' | '¥' | '￥'))
}

/// The negative labels, longest first; `欠` only when lenient.
const LABELS: [&str; 4] = ["（负数）", "(负数)", "负", "欠"];
/// OCR forms of the ⊗ printed before the amount.
const MARKS: [char; 3] = ['⊗', 'ⓧ', '×'];
/// Currency signs (lenient only): the yen/yuan sign and its full-width form.
const SIGNS: [char; 2] = ['¥', '￥'];

struct Cursor<'a> {
    rest: &'a str,
    /// Characters consumed so far, counted from the start of the caller's input.
    pos: usize,
    lenient: bool,
    deviations: Vec<Deviation>,
}

impl Cursor<'_> {
    fn peek_char(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn peek(&self) -> Tok {
        self.peek_char()
            .map_or(Tok::End, |c| classify(c, self.lenient))
    }

    /// The token after the next one.
    fn peek2(&self) -> Tok {
        let mut it = self.rest.chars();
        it.next();
        it.next().map_or(Tok::End, |c| classify(c, self.lenient))
    }

    /// Consumes one character, noting the character-level deviations (元, 正, a lower-case
    /// numeral).
    fn bump(&mut self) {
        if let Some(c) = self.peek_char() {
            let kind = match c {
                '元' => Some(K::YuanUnit),
                '正' => Some(K::ZhengVariant),
                _ if self.lenient && lower(c).is_some() && c != '零' => Some(K::LowerCase),
                _ => None,
            };
            if let Some(kind) = kind {
                self.note_at(kind, self.pos, c.encode_utf8(&mut [0; 4]));
            }
            self.rest = &self.rest[c.len_utf8()..];
            self.pos += 1;
        }
    }

    /// Records a deviation (the first of each kind), kept in order of position (an insertion
    /// instead of a sort at the end: no sort routine in the WASM module for a list this short).
    fn note_at(&mut self, kind: DeviationKind, position: usize, found: &str) {
        if self.deviations.iter().any(|d| d.kind == kind) {
            return;
        }
        let at = self
            .deviations
            .iter()
            .position(|d| d.position > position)
            .unwrap_or(self.deviations.len());
        self.deviations.insert(
            at,
            Deviation {
                kind,
                position,
                found: found.to_string(),
            },
        );
    }

    /// Records a deviation at the cursor, naming what is there.
    fn note(&mut self, kind: DeviationKind) {
        let found = self.found();
        self.note_at(kind, self.pos, &found);
    }

    /// What is at the cursor, for a `found` param.
    fn found(&self) -> String {
        self.peek_char()
            .map_or_else(|| "(end)".to_string(), |c| c.to_string())
    }

    /// An error under `rule` at the cursor with `found` and `position`.
    fn error(&self, rule: &'static Rule) -> Error {
        self.error_at(rule, self.pos)
    }

    fn error_at(&self, rule: &'static Rule, position: usize) -> Error {
        Error::new(rule)
            .with("found", self.found())
            .with("position", position)
    }

    /// The error for an unexpected token: a character-level code when the character itself is
    /// wrong, `rule` when it is a valid character in the wrong place.
    fn unexpected(&self, rule: &'static Rule) -> Error {
        match self.peek() {
            Tok::Other(c) => {
                if let Some(upper) = upper_of(c) {
                    self.error(WRD_SIMPLIFIED).with("upper", upper)
                } else if is_prefix_char(c, self.lenient) {
                    self.error(WRD_PREFIX)
                } else {
                    self.error(WRD_UNKNOWN_CHAR)
                }
            }
            _ => self.error(rule),
        }
    }

    /// Expects the end of input.
    fn end(&self) -> Result<(), Error> {
        match self.peek() {
            Tok::End => Ok(()),
            _ => Err(self.unexpected(WRD_TRAILING)),
        }
    }

    /// The amount ends in 圆 with no 整: refused when strict, a deviation when lenient.
    fn whole_missing(&mut self) -> Result<(), Error> {
        if self.lenient {
            self.note(K::WholeMissing);
            Ok(())
        } else {
            Err(self.error(WRD_WHOLE_MISSING))
        }
    }

    /// After 分 (or a 分 written 零分): the end, or a 整 that only the lenient reader takes.
    fn after_fen(&mut self) -> Result<(), Error> {
        match self.peek() {
            Tok::End => Ok(()),
            Tok::Whole if self.lenient => {
                self.note(K::WholeAfterFen);
                self.bump();
                self.end()
            }
            Tok::Whole => Err(self.error(WRD_WHOLE_AFTER_FEN)),
            _ => Err(self.unexpected(WRD_TRAILING)),
        }
    }
}

/// How a group of up to four digits ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Wan,
    Yi,
    WanYi,
    /// 亿亿 (10¹⁶, lenient only): beyond every amount, so it always ends in `WRD-16`.
    YiYi,
    /// The 个 group, ended by 圆.
    Ones,
}

/// One non-zero digit: value, position inside its group (0–3), whether a 零 precedes it, and
/// the character positions of the digit and of that 零; `zeros` counts the 零s before it.
#[derive(Clone, Copy, Debug, Default)]
struct Pair {
    digit: u8,
    /// The digit as written (壹, 一, or the 拾 that stands for 壹拾).
    ch: char,
    small: u8,
    zero_at: Option<usize>,
    zeros: usize,
    at: usize,
}

#[derive(Clone, Copy, Debug)]
struct Section {
    pairs: [Pair; 4],
    len: usize,
    marker: Marker,
    marker_at: usize,
}

/// A place where a 零 is missing: its position and the digit found there.
type Missing = Option<(usize, String)>;

/// What the yuan part read.
struct Yuan {
    /// The yuan value (saturating: a value past 10¹⁶ is refused with `WRD-16` by the caller).
    value: u64,
    /// The first place where the plain rule's 零 is missing before a digit with its unit, and
    /// the gap crosses a 万 or 亿 boundary to a 仟 digit (支付结算办法 rule (五)(3)).
    group_zero: Missing,
    /// The first other place where a 零 is missing before a digit with its unit.
    other_zero: Missing,
    /// The first place where a 零 is missing before a digit without a unit that speech reads
    /// as the next place down (`壹仟壹圆` is 1001 by the grammar and 1100 in speech): ambiguous.
    ambiguous_zero: Missing,
}

pub(super) fn parse(input: &str, mode: Mode) -> Result<WordsReading, Error> {
    let trimmed = input.trim_start();
    let lead = if trimmed.len() == input.len() {
        0
    } else {
        input[..input.len() - trimmed.len()].chars().count()
    };
    let mut cur = Cursor {
        rest: trimmed.trim_end(),
        pos: lead,
        lenient: mode == Mode::Lenient,
        deviations: Vec::new(),
    };
    let negative = prefixes(&mut cur)?;
    if cur.peek() == Tok::End {
        return Err(Error::new(WRD_EMPTY));
    }
    let fen = body(&mut cur)?;
    if fen == 0
        && let Some(label) = negative
    {
        return Err(Error::new(WRD_NEGATIVE_ZERO).with("found", label));
    }
    let signed = i64::try_from(fen).map_err(|_| range(fen / 100))?;
    let signed = if negative.is_some() { -signed } else { signed };
    let amount = Amount::from_fen(signed).map_err(|_| range(fen / 100))?;
    Ok(WordsReading {
        amount,
        deviations: cur.deviations,
    })
}

/// A value past the largest amount (|x| < 10¹⁶ yuan).
fn range(yuan: u64) -> Error {
    Error::new(WRD_RANGE)
        .with("value", yuan)
        .with("limit", "10000000000000000")
}

/// Reads 人民币, a negative label, a ⊗ mark and (lenient) a currency sign, each at most once, in
/// any order. Returns the negative label if there was one.
fn prefixes(cur: &mut Cursor<'_>) -> Result<Option<&'static str>, Error> {
    let (mut rmb, mut negative, mut mark, mut sign) = (false, None, false, false);
    loop {
        if let Some(after) = cur.rest.strip_prefix("人民币") {
            if rmb {
                return Err(cur.error(WRD_PREFIX).with("found", "人民币"));
            }
            rmb = true;
            cur.note_at(K::RmbPrefix, cur.pos, "人民币");
            cur.rest = after;
            cur.pos += 3;
        } else if let Some(label) = LABELS
            .iter()
            .filter(|l| cur.lenient || **l != "欠")
            .find(|l| cur.rest.starts_with(**l))
        {
            if negative.is_some() {
                return Err(cur.error(WRD_PREFIX).with("found", *label));
            }
            negative = Some(*label);
            match *label {
                "（负数）" => {}
                "欠" => cur.note_at(K::NegativeQian, cur.pos, "欠"),
                other => cur.note_at(K::NegativeLabel, cur.pos, other),
            }
            cur.rest = &cur.rest[label.len()..];
            cur.pos += label.chars().count();
        } else if cur.peek_char().is_some_and(|c| MARKS.contains(&c)) {
            if mark {
                return Err(cur.error(WRD_PREFIX));
            }
            mark = true;
            cur.bump();
        } else if cur.lenient && cur.peek_char().is_some_and(|c| SIGNS.contains(&c)) {
            if sign {
                return Err(cur.error(WRD_PREFIX));
            }
            sign = true;
            cur.note(K::CurrencySign);
            cur.bump();
        } else {
            return Ok(negative);
        }
    }
}

/// The amount after the prefixes, in 分.
fn body(cur: &mut Cursor<'_>) -> Result<u64, Error> {
    match (cur.peek(), cur.peek2()) {
        // 零圆整: zero; lenient: 零圆 before an amount under one yuan (零元伍角).
        (Tok::Zero, Tok::Yuan) => {
            let zero_at = cur.pos;
            cur.bump();
            cur.bump();
            match cur.peek() {
                Tok::Whole => {
                    cur.bump();
                    cur.end()?;
                    Ok(0)
                }
                Tok::End => cur.whole_missing().map(|()| 0),
                Tok::Digit(_) | Tok::Zero if cur.lenient => {
                    cur.note_at(K::LeadingZero, zero_at, "零");
                    fraction(cur, 0, false)
                }
                _ => Err(cur.unexpected(WRD_TRAILING)),
            }
        }
        // Less than one yuan: 伍角整, 伍角陆分, 伍分.
        (Tok::Digit(_), Tok::Jiao | Tok::Fen) => fraction(cur, 0, false),
        (Tok::Zero, Tok::Digit(_) | Tok::Jiao) if is_fraction_only(cur) => {
            if !cur.lenient {
                return Err(cur.error(WRD_ZERO_MISPLACED));
            }
            fraction(cur, 0, false)
        }
        _ => {
            let yuan = yuan(cur)?;
            let fen = fraction(cur, yuan.value, true)?;
            // Rule (五)(3): when the 元 digit is 0 and 角 is not, the 零 of a run of zeros that
            // ends at the 万 (or 亿) digit before a 仟 digit may be dropped (壹拾万柒仟元伍角叁分).
            // Any other 零 between non-zero digits stays required (rule (五)(1): 陆佰零叁万 is
            // not 陆佰叁万).
            let relaxed = yuan.value % 10 == 0 && fen / 10 % 10 != 0;
            let optional = if relaxed { &yuan.group_zero } else { &None };
            if let Some((at, found)) = optional {
                cur.note_at(K::OptionalZeroOmitted, *at, found);
            }
            let group_zero = if relaxed { &None } else { &yuan.group_zero };
            let missing = [group_zero, &yuan.other_zero, &yuan.ambiguous_zero]
                .into_iter()
                .flatten()
                .min_by_key(|(at, _)| *at);
            if let Some((at, found)) = missing {
                if !cur.lenient {
                    return Err(zero_missing(*at, found));
                } else if let Some((at, found)) = &yuan.ambiguous_zero {
                    return Err(zero_missing(*at, found));
                } else {
                    if let Some((at, found)) = group_zero {
                        cur.note_at(K::GroupZeroOmitted, *at, found);
                    }
                    if let Some((at, found)) = &yuan.other_zero {
                        cur.note_at(K::ZeroMissing, *at, found);
                    }
                }
            }
            if yuan.value >= 10_000_000_000_000_000 {
                return Err(range(yuan.value));
            }
            Ok(yuan.value * 100 + fen)
        }
    }
}

fn zero_missing(at: usize, found: &str) -> Error {
    Error::new(WRD_ZERO_MISSING)
        .with("found", found)
        .with("position", at)
}

/// True for `零X角…`, `零X分` or (lenient) `零角…`: a 零 before an amount below one yuan.
fn is_fraction_only(cur: &Cursor<'_>) -> bool {
    let mut it = cur.rest.chars().skip(1);
    let next = it.next().map(|c| classify(c, cur.lenient));
    let after = it.next().map(|c| classify(c, cur.lenient));
    match next {
        Some(Tok::Jiao) => true,
        Some(Tok::Digit(_)) => matches!(after, Some(Tok::Jiao | Tok::Fen)),
        _ => false,
    }
}

/// The yuan digits up to and including 圆.
fn yuan(cur: &mut Cursor<'_>) -> Result<Yuan, Error> {
    let mut sections: [Option<Section>; 5] = [None; 5];
    let mut count = 0;
    loop {
        let mut pairs = [Pair::default(); 4];
        let mut len = 0;
        let mut last_small = 4u8;
        // Digits of one group: [零] digit [unit], units descending; a digit without a unit ends it.
        loop {
            let mut zeros = 0;
            let zero_at = if cur.peek() == Tok::Zero {
                let at = cur.pos;
                while cur.peek() == Tok::Zero && (zeros == 0 || cur.lenient) {
                    zeros += 1;
                    cur.bump();
                }
                // Lenient: 一千零十 (a 十 after 零 stands for 一十).
                let ten = cur.lenient && cur.peek() == Tok::Unit(1);
                if !matches!(cur.peek(), Tok::Digit(_)) && !ten {
                    return Err(cur.error_at(WRD_ZERO_MISPLACED, at).with("found", "零"));
                }
                Some(at)
            } else {
                None
            };
            let at = cur.pos;
            let ch = cur.peek_char().unwrap_or('?');
            let digit = match cur.peek() {
                Tok::Digit(d) => {
                    cur.bump();
                    d
                }
                // Lenient: 十 or 拾 opening the amount, or after 零, is 一十 (十五元, 二千零十元).
                Tok::Unit(1) if cur.lenient && ((count == 0 && len == 0) || zero_at.is_some()) => {
                    cur.note(K::TenWithoutOne);
                    1
                }
                _ => break,
            };
            let small = match cur.peek() {
                Tok::Unit(u) => {
                    if u >= last_small {
                        return Err(cur.error(WRD_UNIT_ORDER));
                    }
                    cur.bump();
                    u
                }
                _ => 0,
            };
            if len >= pairs.len() {
                return Err(cur.error(WRD_UNIT_ORDER));
            }
            pairs[len] = Pair {
                digit,
                ch,
                small,
                zero_at,
                zeros,
                at,
            };
            len += 1;
            last_small = small;
            if small == 0 {
                // A digit without a unit is the last of its group: a marker or 圆 must follow.
                if let Tok::Digit(_) | Tok::Zero = cur.peek() {
                    return Err(Error::new(WRD_DIGIT_WITHOUT_UNIT)
                        .with("found", digit_char(digit))
                        .with("position", at));
                }
                break;
            }
        }
        let marker_at = cur.pos;
        let marker = match cur.peek() {
            Tok::Yuan if len == 0 && count > 0 => {
                cur.bump();
                break;
            }
            _ if len == 0 => {
                return Err(match cur.peek() {
                    Tok::Unit(_) | Tok::Wan | Tok::Yi | Tok::Yuan | Tok::Jiao | Tok::Fen => {
                        cur.error(WRD_UNIT_WITHOUT_DIGIT)
                    }
                    Tok::Whole => cur.error(WRD_YUAN_MISSING),
                    _ => cur.unexpected(WRD_TRAILING),
                });
            }
            Tok::Yuan => {
                cur.bump();
                Marker::Ones
            }
            Tok::Wan => {
                cur.bump();
                if cur.peek() == Tok::Yi {
                    cur.bump();
                    Marker::WanYi
                } else {
                    Marker::Wan
                }
            }
            Tok::Yi => {
                cur.bump();
                if cur.lenient && cur.peek() == Tok::Yi {
                    cur.note_at(K::CompoundUnit, marker_at, "亿亿");
                    cur.bump();
                    Marker::YiYi
                } else {
                    Marker::Yi
                }
            }
            Tok::Unit(_) => return Err(cur.error(WRD_UNIT_WITHOUT_DIGIT)),
            Tok::Jiao | Tok::Fen | Tok::Whole | Tok::End => return Err(cur.error(WRD_YUAN_MISSING)),
            _ => return Err(cur.unexpected(WRD_YUAN_MISSING)),
        };
        // The strict reader keeps its four groups (个, 万, 亿, 万亿); 亿亿 adds a fifth.
        let limit = if cur.lenient { 5 } else { 4 };
        let Some(slot) = sections.get_mut(count).filter(|_| count < limit) else {
            return Err(cur
                .error_at(WRD_UNIT_ORDER, marker_at)
                .with("found", marker_str(marker)));
        };
        *slot = Some(Section {
            pairs,
            len,
            marker,
            marker_at,
        });
        count += 1;
        if marker == Marker::Ones {
            break;
        }
    }
    resolve(cur, &sections[..count])
}

fn digit_char(d: u8) -> &'static str {
    super::format::DIGITS
        .get(usize::from(d))
        .copied()
        .unwrap_or("?")
}

fn marker_str(m: Marker) -> &'static str {
    match m {
        Marker::Wan => "万",
        Marker::Yi => "亿",
        Marker::WanYi => "万亿",
        Marker::YiYi => "亿亿",
        Marker::Ones => "圆",
    }
}

/// Places the groups (a 万 before a 亿 group is the 万亿 group), checks their order and the 零s,
/// and sums the digits.
fn resolve(cur: &mut Cursor<'_>, sections: &[Option<Section>]) -> Result<Yuan, Error> {
    let mut value: u64 = 0;
    let mut prev_group: Option<u8> = None;
    let mut prev_marker: Option<Marker> = None;
    let mut prev_pos: Option<u8> = None;
    let (mut group_zero, mut other_zero, mut ambiguous_zero): (Missing, Missing, Missing) =
        (None, None, None);
    let next_marker = |i: usize| sections.get(i + 1).copied().flatten().map(|s| s.marker);
    for (i, s) in sections.iter().enumerate() {
        let Some(s) = s else { continue };
        let group: u8 = match s.marker {
            Marker::Ones => 0,
            Marker::Wan if next_marker(i) == Some(Marker::Yi) => 3,
            Marker::Wan => 1,
            Marker::Yi => 2,
            Marker::WanYi => 3,
            Marker::YiYi => 4,
        };
        // 万亿 written in full means the 亿 group is zero (`壹万亿壹亿` is not a number in the
        // invoice style); the lenient reader takes 万亿 as a unit there (贰万亿零伍佰亿).
        let wan_yi_unit = prev_marker == Some(Marker::WanYi) && group == 2;
        if prev_group.is_some_and(|g| g <= group) || (wan_yi_unit && !cur.lenient) {
            return Err(cur
                .error_at(WRD_UNIT_ORDER, s.marker_at)
                .with("found", marker_str(s.marker)));
        }
        if wan_yi_unit {
            let at = sections
                .get(i.wrapping_sub(1))
                .copied()
                .flatten()
                .map_or(s.marker_at, |p| p.marker_at);
            cur.note_at(K::CompoundUnit, at, "万亿");
        }
        for p in s.pairs.iter().take(s.len) {
            let pos = group * 4 + p.small;
            match (prev_pos, p.zero_at) {
                (None, Some(z)) => {
                    return Err(cur.error_at(WRD_ZERO_MISPLACED, z).with("found", "零"));
                }
                (Some(q), Some(z)) => {
                    // A 零 stands for one or more zero digits; more 零s than zero digits (or a
                    // 零 with no zero digit) contradict the units.
                    let gap = usize::from(q.saturating_sub(pos + 1));
                    if gap == 0 || p.zeros > gap {
                        return Err(cur.error_at(WRD_ZERO_MISPLACED, z).with("found", "零"));
                    }
                    if p.zeros > 1 {
                        cur.note_at(K::ZeroRepeated, z, "零零");
                    }
                }
                (Some(q), None) if q > pos + 1 => {
                    // A digit without a unit after a gap is read by speech as the next place
                    // down (一千五 is 1500, 一万五 is 15000): ambiguous inside its group and as
                    // the last digit before 圆; leading a lower 万 or 亿 group (壹亿伍万) it is
                    // not.
                    let slot = if p.small == 0 && (q / 4 == pos / 4 || group == 0) {
                        &mut ambiguous_zero
                    } else if p.small == 3 && q / 4 > pos / 4 {
                        &mut group_zero
                    } else {
                        &mut other_zero
                    };
                    if slot.is_none() {
                        *slot = Some((p.at, p.ch.to_string()));
                    }
                }
                _ => {}
            }
            prev_pos = Some(pos);
            let term = 10u64
                .checked_pow(u32::from(pos))
                .and_then(|t| t.checked_mul(u64::from(p.digit)))
                .unwrap_or(u64::MAX);
            value = value.saturating_add(term);
        }
        prev_group = Some(group);
        prev_marker = Some(s.marker);
    }
    Ok(Yuan {
        value,
        group_zero,
        other_zero,
        ambiguous_zero,
    })
}

/// 角 and 分 after 圆 (`after_yuan`) or alone; returns 角 × 10 + 分.
fn fraction(cur: &mut Cursor<'_>, yuan: u64, after_yuan: bool) -> Result<u64, Error> {
    let mut zero_at = None;
    match cur.peek() {
        Tok::Whole if after_yuan => {
            cur.bump();
            cur.end()?;
            return Ok(0);
        }
        Tok::End if after_yuan => return cur.whole_missing().map(|()| 0),
        Tok::Zero if after_yuan || cur.lenient => {
            let at = cur.pos;
            zero_at = Some(at);
            cur.bump();
            if !after_yuan {
                // Lenient only: 零伍角, 零柒分, 零元零柒分.
                cur.note_at(K::LeadingZero, at, "零");
            }
            if cur.lenient && cur.peek() == Tok::Jiao {
                // 零角 written out: 叁仟圆零角伍分.
                cur.note_at(K::ZeroUnit, at, "零角");
                cur.bump();
                return zero_jiao(cur);
            }
            if !matches!(cur.peek(), Tok::Digit(_)) {
                return Err(cur.error_at(WRD_ZERO_MISPLACED, at).with("found", "零"));
            }
        }
        Tok::Digit(_) => {}
        Tok::Jiao | Tok::Fen => return Err(cur.error(WRD_UNIT_WITHOUT_DIGIT)),
        Tok::Yuan | Tok::Wan | Tok::Yi | Tok::Unit(_) => return Err(cur.error(WRD_UNIT_ORDER)),
        _ => return Err(cur.unexpected(WRD_TRAILING)),
    }
    let Tok::Digit(d) = cur.peek() else {
        return Err(cur.unexpected(WRD_TRAILING));
    };
    let digit_at = cur.pos;
    let written = cur.found();
    cur.bump();
    match cur.peek() {
        Tok::Jiao => {
            // 零 before 角 only where the 元 digit is 0 (rule (五)), and optional there.
            if let Some(z) = zero_at
                && after_yuan
                && !yuan.is_multiple_of(10)
            {
                return Err(cur.error_at(WRD_ZERO_MISPLACED, z).with("found", "零"));
            }
            if after_yuan && zero_at.is_none() && yuan.is_multiple_of(10) {
                cur.note_at(K::OptionalZeroOmitted, digit_at, &written);
            }
            cur.bump();
            after_jiao(cur, u64::from(d))
        }
        Tok::Fen => {
            if after_yuan && zero_at.is_none() {
                // 角 is zero: 零 after 圆 is required (支付结算办法); 分 still names the place.
                if !cur.lenient {
                    return Err(zero_missing(digit_at, digit_char(d)));
                }
                cur.note_at(K::ZeroMissing, digit_at, &written);
            }
            cur.bump();
            cur.after_fen()?;
            Ok(u64::from(d))
        }
        Tok::End | Tok::Digit(_) | Tok::Zero | Tok::Whole => {
            Err(Error::new(WRD_DIGIT_WITHOUT_UNIT)
                .with("found", digit_char(d))
                .with("position", digit_at))
        }
        _ => Err(cur.unexpected(WRD_UNIT_ORDER)),
    }
}

/// After 零角 (lenient): the end, 整, Y分 or 零分.
fn zero_jiao(cur: &mut Cursor<'_>) -> Result<u64, Error> {
    match cur.peek() {
        Tok::End => Ok(0),
        Tok::Whole => {
            cur.bump();
            cur.end().map(|()| 0)
        }
        _ => fen_after_jiao(cur, 0),
    }
}

/// After X角: the end, 整/正, or Y分.
fn after_jiao(cur: &mut Cursor<'_>, jiao: u64) -> Result<u64, Error> {
    match cur.peek() {
        Tok::End => {
            cur.note(K::WholeAfterJiaoMissing);
            Ok(jiao * 10)
        }
        Tok::Whole => {
            cur.bump();
            cur.end()?;
            Ok(jiao * 10)
        }
        Tok::Zero if cur.lenient && cur.peek2() == Tok::Fen => fen_after_jiao(cur, jiao),
        Tok::Digit(_) => fen_after_jiao(cur, jiao),
        Tok::Zero => Err(cur.error(WRD_ZERO_MISPLACED)),
        Tok::Jiao | Tok::Fen => Err(cur.error(WRD_UNIT_WITHOUT_DIGIT)),
        Tok::Yuan | Tok::Wan | Tok::Yi | Tok::Unit(_) => Err(cur.error(WRD_UNIT_ORDER)),
        Tok::Other(_) => Err(cur.unexpected(WRD_TRAILING)),
    }
}

/// Y分 (or, lenient, 零分) after the 角 place.
fn fen_after_jiao(cur: &mut Cursor<'_>, jiao: u64) -> Result<u64, Error> {
    let at = cur.pos;
    let d = match cur.peek() {
        Tok::Digit(d) => d,
        Tok::Zero if cur.lenient && cur.peek2() == Tok::Fen => {
            cur.note_at(K::ZeroUnit, at, "零分");
            0
        }
        Tok::Zero => return Err(cur.error(WRD_ZERO_MISPLACED)),
        Tok::Jiao | Tok::Fen => return Err(cur.error(WRD_UNIT_WITHOUT_DIGIT)),
        Tok::Yuan | Tok::Wan | Tok::Yi | Tok::Unit(_) => return Err(cur.error(WRD_UNIT_ORDER)),
        _ => return Err(cur.unexpected(WRD_TRAILING)),
    };
    cur.bump();
    match cur.peek() {
        Tok::Fen => {
            cur.bump();
            cur.after_fen()?;
            Ok(jiao * 10 + u64::from(d))
        }
        Tok::End | Tok::Digit(_) | Tok::Zero | Tok::Whole => {
            Err(Error::new(WRD_DIGIT_WITHOUT_UNIT)
                .with("found", digit_char(d))
                .with("position", at))
        }
        _ => Err(cur.unexpected(WRD_UNIT_ORDER)),
    }
}
