//! Words → amount: a single pass over the characters, no allocation unless it fails.

use super::{
    WRD_DIGIT_WITHOUT_UNIT, WRD_EMPTY, WRD_NEGATIVE_ZERO, WRD_PREFIX, WRD_RANGE, WRD_SIMPLIFIED,
    WRD_TRAILING, WRD_UNIT_ORDER, WRD_UNIT_WITHOUT_DIGIT, WRD_UNKNOWN_CHAR, WRD_WHOLE_AFTER_FEN,
    WRD_WHOLE_MISSING, WRD_YUAN_MISSING, WRD_ZERO_MISPLACED, WRD_ZERO_MISSING,
};
use crate::error::{Error, Rule};
use crate::money::Amount;

/// One character of the amount, classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// 壹 … 玖.
    Digit(u8),
    /// 零.
    Zero,
    /// 拾 (1), 佰 (2), 仟 (3).
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

fn classify(c: char) -> Tok {
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
        other => Tok::Other(other),
    }
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

/// Characters that open a prefix (人民币, a negative label, the ⊗ mark).
fn is_prefix_char(c: char) -> bool {
    matches!(c, '人' | '负' | '(' | '（' | '⊗' | 'ⓧ' | '×')
}

/// The negative labels, longest first.
const LABELS: [&str; 3] = ["（负数）", "(负数)", "负"];
/// OCR forms of the ⊗ printed before the amount.
const MARKS: [char; 3] = ['⊗', 'ⓧ', '×'];

struct Cursor<'a> {
    rest: &'a str,
    /// Characters consumed so far, counted from the start of the caller's input.
    pos: usize,
}

impl Cursor<'_> {
    fn peek_char(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn peek(&self) -> Tok {
        self.peek_char().map_or(Tok::End, classify)
    }

    /// The token after the next one.
    fn peek2(&self) -> Tok {
        let mut it = self.rest.chars();
        it.next();
        it.next().map_or(Tok::End, classify)
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek_char() {
            self.rest = &self.rest[c.len_utf8()..];
            self.pos += 1;
        }
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
                } else if is_prefix_char(c) {
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
}

/// How a group of up to four digits ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Wan,
    Yi,
    WanYi,
    /// The 个 group, ended by 圆.
    Ones,
}

/// One non-zero digit: value, position inside its group (0–3), whether a 零 precedes it, and
/// the character positions of the digit and of that 零.
#[derive(Clone, Copy, Debug, Default)]
struct Pair {
    digit: u8,
    small: u8,
    zero_at: Option<usize>,
    at: usize,
}

#[derive(Clone, Copy, Debug)]
struct Section {
    pairs: [Pair; 4],
    len: usize,
    marker: Marker,
    marker_at: usize,
}

/// What the yuan part read.
struct Yuan {
    value: u64,
    /// The first place where a 零 required by the plain rule is missing (allowed only when the
    /// 元 digit is 0 and 角 is not).
    missing_zero: Option<(usize, String)>,
}

pub(super) fn parse(input: &str) -> Result<Amount, Error> {
    let trimmed = input.trim_start();
    let lead = if trimmed.len() == input.len() {
        0
    } else {
        input[..input.len() - trimmed.len()].chars().count()
    };
    let mut cur = Cursor {
        rest: trimmed.trim_end(),
        pos: lead,
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
    let signed = i64::try_from(fen).map_err(|_| range(fen))?;
    let signed = if negative.is_some() { -signed } else { signed };
    // The grammar stops at 9999万9999亿9999万9999圆玖角玖分, inside Amount's range.
    Amount::from_fen(signed)
}

/// Unreachable within the grammar (at most 16 yuan digits); kept so that nothing can panic.
fn range(value: u64) -> Error {
    Error::new(WRD_RANGE)
        .with("value", value)
        .with("limit", "10000000000000000")
}

/// Reads 人民币, a negative label and a ⊗ mark, each at most once, in any order. Returns the
/// negative label if there was one.
fn prefixes(cur: &mut Cursor<'_>) -> Result<Option<&'static str>, Error> {
    let (mut rmb, mut negative, mut mark) = (false, None, false);
    loop {
        if let Some(after) = cur.rest.strip_prefix("人民币") {
            if rmb {
                return Err(cur.error(WRD_PREFIX).with("found", "人民币"));
            }
            rmb = true;
            cur.rest = after;
            cur.pos += 3;
        } else if let Some(label) = LABELS.iter().find(|l| cur.rest.starts_with(**l)) {
            if negative.is_some() {
                return Err(cur.error(WRD_PREFIX).with("found", *label));
            }
            negative = Some(*label);
            cur.rest = &cur.rest[label.len()..];
            cur.pos += label.chars().count();
        } else if cur.peek_char().is_some_and(|c| MARKS.contains(&c)) {
            if mark {
                return Err(cur.error(WRD_PREFIX));
            }
            mark = true;
            cur.bump();
        } else {
            return Ok(negative);
        }
    }
}

/// The amount after the prefixes, in 分.
fn body(cur: &mut Cursor<'_>) -> Result<u64, Error> {
    match (cur.peek(), cur.peek2()) {
        // 零圆整: zero.
        (Tok::Zero, Tok::Yuan) => {
            cur.bump();
            cur.bump();
            match cur.peek() {
                Tok::Whole => {
                    cur.bump();
                    cur.end()?;
                    Ok(0)
                }
                Tok::End => Err(cur.error(WRD_WHOLE_MISSING)),
                _ => Err(cur.unexpected(WRD_TRAILING)),
            }
        }
        // Less than one yuan: 伍角整, 伍角陆分, 伍分.
        (Tok::Digit(_), Tok::Jiao | Tok::Fen) => fraction(cur, 0, false),
        (Tok::Zero, Tok::Digit(_)) if is_fraction_only(cur) => Err(cur.error(WRD_ZERO_MISPLACED)),
        _ => {
            let yuan = yuan(cur)?;
            let fen = fraction(cur, yuan.value, true)?;
            if let Some((at, found)) = yuan.missing_zero {
                // Rule (五): the middle 零s may be dropped only when the 元 digit is 0 and 角 is not.
                if !(yuan.value % 10 == 0 && fen / 10 % 10 != 0) {
                    return Err(Error::new(WRD_ZERO_MISSING)
                        .with("found", found)
                        .with("position", at));
                }
            }
            yuan.value
                .checked_mul(100)
                .and_then(|v| v.checked_add(fen))
                .ok_or_else(|| range(yuan.value))
        }
    }
}

/// True for `零X角…` / `零X分`: a 零 before an amount below one yuan.
fn is_fraction_only(cur: &Cursor<'_>) -> bool {
    let mut it = cur.rest.chars().skip(2);
    matches!(it.next().map(classify), Some(Tok::Jiao | Tok::Fen))
}

/// The yuan digits up to and including 圆.
fn yuan(cur: &mut Cursor<'_>) -> Result<Yuan, Error> {
    let mut sections: [Option<Section>; 4] = [None; 4];
    let mut count = 0;
    loop {
        let mut pairs = [Pair::default(); 4];
        let mut len = 0;
        let mut last_small = 4u8;
        // Digits of one group: [零] digit [unit], units descending; a digit without a unit ends it.
        loop {
            let zero_at = if cur.peek() == Tok::Zero {
                let at = cur.pos;
                cur.bump();
                if !matches!(cur.peek(), Tok::Digit(_)) {
                    return Err(cur.error_at(WRD_ZERO_MISPLACED, at).with("found", "零"));
                }
                Some(at)
            } else {
                None
            };
            let Tok::Digit(digit) = cur.peek() else {
                break;
            };
            let at = cur.pos;
            cur.bump();
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
                small,
                zero_at,
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
                Marker::Yi
            }
            Tok::Unit(_) => return Err(cur.error(WRD_UNIT_WITHOUT_DIGIT)),
            Tok::Jiao | Tok::Fen | Tok::Whole | Tok::End => return Err(cur.error(WRD_YUAN_MISSING)),
            _ => return Err(cur.unexpected(WRD_YUAN_MISSING)),
        };
        let Some(slot) = sections.get_mut(count) else {
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
        Marker::Ones => "圆",
    }
}

/// Places the groups (a 万 before a 亿 group is the 万亿 group), checks their order and the 零s,
/// and sums the digits.
fn resolve(cur: &Cursor<'_>, sections: &[Option<Section>]) -> Result<Yuan, Error> {
    let mut value: u64 = 0;
    let mut prev_group: Option<u8> = None;
    let mut prev_marker: Option<Marker> = None;
    let mut prev_pos: Option<u8> = None;
    let mut missing_zero = None;
    let next_marker = |i: usize| sections.get(i + 1).copied().flatten().map(|s| s.marker);
    for (i, s) in sections.iter().enumerate() {
        let Some(s) = s else { continue };
        let group: u8 = match s.marker {
            Marker::Ones => 0,
            Marker::Wan if next_marker(i) == Some(Marker::Yi) => 3,
            Marker::Wan => 1,
            Marker::Yi => 2,
            Marker::WanYi => 3,
        };
        let out_of_order = prev_group.is_some_and(|g| g <= group)
            // 万亿 written in full means the 亿 group is zero: `壹万亿壹亿` is not a number.
            || (prev_marker == Some(Marker::WanYi) && group == 2);
        if out_of_order {
            return Err(cur
                .error_at(WRD_UNIT_ORDER, s.marker_at)
                .with("found", marker_str(s.marker)));
        }
        for p in s.pairs.iter().take(s.len) {
            let pos = group * 4 + p.small;
            match (prev_pos, p.zero_at) {
                (None, Some(z)) => {
                    return Err(cur.error_at(WRD_ZERO_MISPLACED, z).with("found", "零"));
                }
                (Some(q), Some(z)) if q == pos + 1 => {
                    return Err(cur.error_at(WRD_ZERO_MISPLACED, z).with("found", "零"));
                }
                (Some(q), None) if q > pos + 1 && missing_zero.is_none() => {
                    missing_zero = Some((p.at, digit_char(p.digit).to_string()));
                }
                _ => {}
            }
            prev_pos = Some(pos);
            let term = u64::from(p.digit) * 10u64.pow(u32::from(pos));
            value = value.saturating_add(term);
        }
        prev_group = Some(group);
        prev_marker = Some(s.marker);
    }
    Ok(Yuan {
        value,
        missing_zero,
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
        Tok::End if after_yuan => return Err(cur.error(WRD_WHOLE_MISSING)),
        Tok::Zero if after_yuan => {
            zero_at = Some(cur.pos);
            cur.bump();
            if !matches!(cur.peek(), Tok::Digit(_)) {
                return Err(cur
                    .error_at(WRD_ZERO_MISPLACED, cur.pos - 1)
                    .with("found", "零"));
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
    cur.bump();
    match cur.peek() {
        Tok::Jiao => {
            // 零 before 角 only where the 元 digit is 0 (rule (五)).
            if let Some(z) = zero_at
                && !yuan.is_multiple_of(10)
            {
                return Err(cur.error_at(WRD_ZERO_MISPLACED, z).with("found", "零"));
            }
            cur.bump();
            after_jiao(cur, u64::from(d))
        }
        Tok::Fen => {
            if after_yuan && zero_at.is_none() {
                // 角 is zero: 零 after 圆 is required.
                return Err(Error::new(WRD_ZERO_MISSING)
                    .with("found", digit_char(d))
                    .with("position", digit_at));
            }
            cur.bump();
            after_fen(cur)?;
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

/// After X角: the end, 整/正, or Y分.
fn after_jiao(cur: &mut Cursor<'_>, jiao: u64) -> Result<u64, Error> {
    match cur.peek() {
        Tok::End => Ok(jiao * 10),
        Tok::Whole => {
            cur.bump();
            cur.end()?;
            Ok(jiao * 10)
        }
        Tok::Digit(d) => {
            let at = cur.pos;
            cur.bump();
            match cur.peek() {
                Tok::Fen => {
                    cur.bump();
                    after_fen(cur)?;
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
        Tok::Zero => Err(cur.error(WRD_ZERO_MISPLACED)),
        Tok::Jiao | Tok::Fen => Err(cur.error(WRD_UNIT_WITHOUT_DIGIT)),
        Tok::Yuan | Tok::Wan | Tok::Yi | Tok::Unit(_) => Err(cur.error(WRD_UNIT_ORDER)),
        Tok::Other(_) => Err(cur.unexpected(WRD_TRAILING)),
    }
}

/// After Y分: only the end; 整/正 is refused with its own code.
fn after_fen(cur: &mut Cursor<'_>) -> Result<(), Error> {
    match cur.peek() {
        Tok::End => Ok(()),
        Tok::Whole => Err(cur.error(WRD_WHOLE_AFTER_FEN)),
        _ => Err(cur.unexpected(WRD_TRAILING)),
    }
}
