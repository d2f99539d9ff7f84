//! Amount → words: the algorithm of domain.md §8.3 over whole 分 in a `u64`.

use super::{Options, Zeros};
use crate::money::Amount;

/// 零 to 玖, indexed by digit.
pub(super) const DIGITS: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
/// The unit of each position inside a four-digit group.
const SMALL: [&str; 4] = ["", "拾", "佰", "仟"];

/// Sign and magnitude in 分. An [`Amount`] is below 10¹⁶ yuan, so 10¹⁸ 分 fit a `u64`.
pub(super) fn split(amount: Amount) -> (bool, u64) {
    let d = amount.value();
    // An Amount always has scale 2 (money.rs rescales), so the mantissa is the number of 分;
    // any other scale is brought to 2 here rather than trusted.
    let mantissa = d.mantissa().unsigned_abs();
    let fen = match d.scale() {
        2 => mantissa,
        1 => mantissa.saturating_mul(10),
        0 => mantissa.saturating_mul(100),
        s => mantissa / 10u128.pow(s.saturating_sub(2).min(38)),
    };
    (amount.is_negative(), u64::try_from(fen).unwrap_or(u64::MAX))
}

/// An upper bound of the output's length in bytes: at most three characters per yuan digit
/// (零, digit, unit), three group markers, 圆 零 X角 X分 整, a prefix and a label; three bytes each.
pub(super) fn capacity(fen: u64) -> usize {
    let digits = (fen / 100).checked_ilog10().map_or(1, |l| l as usize + 1);
    3 * (2 * digits + 20)
}

/// Writes the words of `fen` 分 (negative when `negative`) to `out`.
pub(super) fn write(negative: bool, fen: u64, opts: &Options, out: &mut String) {
    if negative && fen != 0 {
        out.push_str(opts.negative.as_str());
    }
    if opts.rmb_prefix {
        out.push_str("人民币");
    }
    let unit = opts.style.unit();
    let whole = opts.whole.as_str();
    if fen == 0 {
        out.push('零');
        out.push_str(unit);
        out.push_str(whole);
        return;
    }
    let yuan = fen / 100;
    let jiao = (fen / 10 % 10) as usize;
    let fen_digit = (fen % 10) as usize;
    // Rule (五)(3): with the 元 digit 0 and 角 non-zero, the 零 before 角 and the 零 after a zero
    // 万/亿 digit before a 仟 digit are optional.
    let relaxed = yuan.is_multiple_of(10) && jiao != 0;
    if yuan > 0 {
        write_yuan(yuan, relaxed && opts.zeros != Zeros::All, out);
        out.push_str(unit);
    }
    if jiao == 0 && fen_digit == 0 {
        out.push_str(whole);
        return;
    }
    if jiao != 0 {
        if yuan > 0 && relaxed && opts.zeros != Zeros::None {
            out.push('零');
        }
        out.push_str(DIGITS[jiao]);
        out.push('角');
        if fen_digit == 0 {
            if opts.style.whole_after_jiao() {
                out.push_str(whole);
            }
            return;
        }
    } else if yuan > 0 {
        // 角 zero, 分 not: 零 is mandatory (支付结算办法: "元"后应写"零").
        out.push('零');
    }
    out.push_str(DIGITS[fen_digit]);
    out.push('分');
}

/// The yuan digits (`yuan > 0`) with their units and group markers; `omit_middle` drops the
/// 零 before a 仟 digit that follows a zero 万 or 亿 digit (rule (五)(3)).
fn write_yuan(yuan: u64, omit_middle: bool, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut n = 0;
    let mut rest = yuan;
    while rest > 0 && n < digits.len() {
        digits[n] = (rest % 10) as u8;
        rest /= 10;
        n += 1;
    }
    let group = |g: usize| digits[g * 4..g * 4 + 4].iter().any(|&d| d != 0);
    let mut pending_zero = false;
    for p in (0..n).rev() {
        let d = digits[p] as usize;
        if d == 0 {
            pending_zero = true;
        } else {
            // Rule (五)(3) lets only the 零 of a run reaching down through a 万/亿 digit to a
            // 仟 digit go (壹拾万柒仟); a 零 inside a group is always written (rule (五)(1)).
            if pending_zero && !(omit_middle && p % 4 == 3) {
                out.push('零');
            }
            pending_zero = false;
            out.push_str(DIGITS[d]);
            out.push_str(SMALL[p % 4]);
        }
        if p % 4 == 0 && p > 0 && group(p / 4) {
            out.push_str(match p {
                4 => "万",
                8 => "亿",
                // The 万亿 group reads "…万" before a non-zero 亿 group and "…万亿" otherwise.
                _ if group(2) => "万",
                _ => "万亿",
            });
        }
    }
}
