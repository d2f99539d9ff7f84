//! Money (金额): amounts in yuan, unit prices, quantities and tax rates over exact decimals.
//!
//! - [`Amount`]: yuan with exactly 2 decimals (分), |x| < 10^16 (金额、税额、价税合计、扣除额).
//! - [`Price`] (单价) and [`Quantity`] (数量): up to 8 decimals, |x| < 10^16 (domain.md §7.2).
//! - [`TaxRate`] (税率/征收率): a fraction `0 ≤ r < 1` with at most 6 decimals, written `0.13` or `13%`.
//!
//! Rounding is half-up (四舍五入: a midpoint goes away from zero, so `0.065 → 0.07` and
//! `-0.065 → -0.07`) and lives in one function, [`round_half_up`]. Parsing is strict: an optional
//! `-`, ASCII digits, an optional `.` and digits; no `+`, spaces, exponents, thousands separators
//! or full-width digits (a normalising layer may clean those first). Values serialise as decimal
//! strings; a float is refused with `INP-01` because floats are not money.
//!
//! ```
//! use invoice_core::money::{Amount, TaxRate};
//!
//! let a = Amount::parse("520.75").unwrap();
//! let r = TaxRate::parse("6%").unwrap();
//! assert_eq!(a.times_rate(r).unwrap().to_string(), "31.25"); // 31.245 half-up
//! assert_eq!(Amount::parse("1e3").unwrap_err().code(), "MNY-01");
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::INP_FLOAT;
use crate::error::{Error, rules};

rules! {
    /// Not a decimal number.
    MNY_SYNTAX = ("MNY-01", Error,
        "{value} is not a decimal number (digits with an optional '-' and '.')",
        "{value} 不是合法的十进制数（仅允许数字、可选的负号和小数点）");
    /// More decimals than the type holds.
    MNY_SCALE = ("MNY-02", Error,
        "{value} has more than {max} decimal places",
        "{value} 超过 {max} 位小数（金额须为两位小数）");
    /// Outside the supported magnitude.
    MNY_RANGE = ("MNY-03", Error,
        "{value} is out of range (absolute value must be below {limit})",
        "{value} 超出范围（绝对值须小于 {limit}）");
    /// A tax rate outside [0, 1).
    MNY_RATE_RANGE = ("MNY-04", Error,
        "tax rate {value} must be at least 0 and below 1 (100%)",
        "税率 {value} 须大于等于 0 且小于 1（100%）");
    /// Arithmetic overflow.
    MNY_OVERFLOW = ("MNY-05", Error,
        "arithmetic overflow computing {what}",
        "计算 {what} 时数值溢出");
}

/// The rounding rule of the tax system: half-up (四舍五入), midpoints away from zero.
pub const ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Rounds `d` to `dp` decimals with [`ROUNDING`].
pub fn round_half_up(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, ROUNDING)
}

/// Exclusive bound on the magnitude of amounts, prices and quantities: 10^16 (one 万亿亿 short),
/// as a decimal; the code checks it on integers (`within_range`), the tests against this.
#[cfg(test)]
const LIMIT: Decimal = Decimal::from_parts(1_874_919_424, 2_328_306, 0, false, 0); // 10^16

/// Parses a strict decimal string with at most `max_dp` decimals.
fn parse_strict(s: &str, max_dp: u32) -> Result<Decimal, Error> {
    parse_digits(s, max_dp, 16)
}

/// The strict syntax with at most `max_dp` decimals and `max_int` integer digits.
///
/// Read byte by byte: every amount, price, quantity and rate of every invoice passes here.
fn parse_digits(s: &str, max_dp: u32, max_int: usize) -> Result<Decimal, Error> {
    let bytes = s.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let body = if negative {
        bytes.get(1..).unwrap_or_default()
    } else {
        bytes
    };
    if body.len() <= 19 {
        return parse_short(s, body, negative, max_dp, max_int);
    }
    parse_long(s, body, negative, max_dp, max_int)
}

/// [`parse_digits`] of a body of any length (what [`parse_short`] does in one pass for short
/// ones).
fn parse_long(
    s: &str,
    body: &[u8],
    negative: bool,
    max_dp: u32,
    max_int: usize,
) -> Result<Decimal, Error> {
    let (int, frac) = match body.iter().position(|&b| b == b'.') {
        Some(i) => {
            let (int, rest) = body.split_at(i);
            (int, Some(rest.get(1..).unwrap_or_default()))
        }
        None => (body, None),
    };
    let digits_ok = |t: &[u8]| !t.is_empty() && t.iter().all(u8::is_ascii_digit);
    if !digits_ok(int) || frac.is_some_and(|f| !digits_ok(f)) {
        return Err(Error::new(MNY_SYNTAX).with("value", shorten(s)));
    }
    let max_dp = max_dp as usize;
    let frac = frac.unwrap_or_default();
    let (kept_frac, beyond) = frac.split_at(frac.len().min(max_dp));
    // Trailing zeros beyond the scale change nothing ("12.300" is 12.30), so they pass.
    if beyond.iter().any(|&b| b != b'0') {
        return Err(Error::new(MNY_SCALE)
            .with("value", shorten(s))
            .with("max", max_dp));
    }
    let zeros = int.iter().take_while(|&&b| b == b'0').count();
    let int_trim = int.get(zeros..).unwrap_or_default();
    if int_trim.len() > max_int {
        return Err(range_error(s));
    }
    // The digits (ASCII, checked above) as text again, for the slow path.
    let text = |t: &[u8]| std::str::from_utf8(t).unwrap_or_default().to_string();
    let scale = u32::try_from(kept_frac.len()).unwrap_or(u32::MAX);
    let mantissa = if int_trim.len() + kept_frac.len() <= 19 {
        // At most 19 digits: always within a u64.
        let m = int_trim
            .iter()
            .chain(kept_frac)
            .fold(0u64, |m, &b| m * 10 + u64::from(b - b'0'));
        i128::from(m)
    } else {
        // Longer: stop once past a 96-bit mantissa (rust_decimal's own parser rounds those).
        let mut m: i128 = 0;
        for &b in int_trim.iter().chain(kept_frac) {
            m = m * 10 + i128::from(b - b'0');
            if m > i128::from(u64::MAX) << 32 {
                return parse_slow(s, &text(int_trim), &text(kept_frac), negative, max_int);
            }
        }
        m
    };
    let mantissa = if negative { -mantissa } else { mantissa };
    match Decimal::try_from_i128_with_scale(mantissa, scale) {
        // At most `max_int` integer digits were read, so the magnitude bound holds already.
        Ok(d) => Ok(d),
        Err(_) => parse_slow(s, &text(int_trim), &text(kept_frac), negative, max_int),
    }
}

/// 10^0 to 10^19 (the largest power of ten in a u64).
const POW10: [u64; 20] = {
    let mut t = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// [`parse_digits`] of a body (`s` without its `-`) of at most 19 bytes, so at most 19 digits,
/// which a `u64` holds: one pass over the bytes, the same checks in the same order (syntax,
/// decimals beyond `max_dp` that are not zeros, integer digits beyond `max_int`).
fn parse_short(
    s: &str,
    body: &[u8],
    negative: bool,
    max_dp: u32,
    max_int: usize,
) -> Result<Decimal, Error> {
    let syntax = || Error::new(MNY_SYNTAX).with("value", shorten(s));
    let mut m: u64 = 0;
    let mut int_digits = 0usize;
    let mut frac_digits: Option<u32> = None;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                // At most 19 digits: below 10^19, within a u64.
                m = m * 10 + u64::from(b - b'0');
                match frac_digits.as_mut() {
                    Some(f) => *f += 1,
                    None => int_digits += 1,
                }
            }
            b'.' if frac_digits.is_none() => frac_digits = Some(0),
            _ => return Err(syntax()),
        }
    }
    if int_digits == 0 || frac_digits == Some(0) {
        return Err(syntax());
    }
    let frac = frac_digits.unwrap_or(0);
    let scale = frac.min(max_dp);
    // Powers of ten from a table: at most 19 digits were read, so every power used (10^0 to
    // 10^18) is in it, and the `1` for a missing one is never taken.
    let pow10 = |n: u32| POW10.get(n as usize).copied().unwrap_or(1);
    // The decimals beyond `max_dp` are the last digits of `m`: they may only be zeros. (Tested
    // only when there are some: a division costs more than the rest of the parse.)
    let m = if frac > scale {
        let beyond = pow10(frac - scale);
        if !m.is_multiple_of(beyond) {
            return Err(Error::new(MNY_SCALE)
                .with("value", shorten(s))
                .with("max", max_dp));
        }
        m / beyond
    } else {
        m
    };
    // The integer part has `max_int` digits at most (leading zeros aside); 20 and more digits
    // are beyond any u64. `m / 10^scale >= limit` is `m >= limit * 10^scale`: multiplied in
    // 128 bits, without a division.
    if let Some(&limit) = POW10.get(max_int)
        && u128::from(m) >= u128::from(limit) * u128::from(pow10(scale))
    {
        return Err(range_error(s));
    }
    // Below 10^19 < 2^64: the low and middle words of a 96-bit mantissa. Zero has no sign.
    let (lo, mid) = (m as u32, (m >> 32) as u32);
    Ok(Decimal::from_parts(lo, mid, 0, negative && m != 0, scale))
}

/// Digit strings beyond a 96-bit mantissa (many decimals): rust_decimal's own parser, which
/// rounds the digits it cannot hold. The caller bounded the integer digits already (at most 28,
/// which always fit), but rounding the decimals can carry into one more integer digit
/// (`9999999999999999.9999999999999999` is 10^16), so the range is checked again.
fn parse_slow(
    s: &str,
    int_trim: &str,
    frac: &str,
    negative: bool,
    max_int: usize,
) -> Result<Decimal, Error> {
    let sign = if negative { "-" } else { "" };
    let int = if int_trim.is_empty() { "0" } else { int_trim };
    let point = if frac.is_empty() { "" } else { "." };
    let d = Decimal::from_str(&format!("{sign}{int}{point}{frac}"))
        .map_err(|_| Error::new(MNY_SYNTAX).with("value", shorten(s)))?;
    let limit = u32::try_from(max_int)
        .ok()
        .and_then(|n| 10i128.checked_pow(n))
        .and_then(|l| Decimal::try_from_i128_with_scale(l, 0).ok());
    match limit {
        Some(l) if d.abs() >= l => Err(range_error(s)),
        _ => Ok(d),
    }
}

fn range_error(s: &str) -> Error {
    Error::new(MNY_RANGE)
        .with("value", shorten(s))
        .with("limit", "10000000000000000")
}

/// `|d| < 10^16`, as `|mantissa| < 10^(16 + scale)`: an integer comparison where comparing
/// decimals rescales one of them (every amount read or summed is checked).
fn within_range(d: Decimal) -> bool {
    // 10^(16 + scale) for every scale a Decimal has (0–28); beyond `u128` (scale ≥ 23) no
    // 96-bit mantissa reaches it.
    const LIMITS: [u128; 29] = {
        let mut t = [u128::MAX; 29];
        let mut i = 0;
        while i < t.len() && 16 + i <= 38 {
            t[i] = 10u128.pow(16 + i as u32);
            i += 1;
        }
        t
    };
    let limit = usize::try_from(d.scale())
        .ok()
        .and_then(|s| LIMITS.get(s).copied())
        .unwrap_or(u128::MAX);
    d.mantissa().unsigned_abs() < limit
}

/// `d` when it is within the amount range; the value is written out only for the error.
fn check_range_of(d: Decimal) -> Result<Decimal, Error> {
    if !within_range(d) {
        Err(range_error(&d.to_string()))
    } else {
        Ok(d)
    }
}

/// Parses a plain decimal string (`-12.345`) strictly, with up to 28 decimals and the same
/// magnitude limit as amounts: the one decimal parser the bindings use for values that are
/// not amounts, prices, quantities or rates (e.g. the value given to a rounding function).
///
/// # Errors
/// `MNY-01` not a number, `MNY-02` more than 28 decimals, `MNY-03` |x| ≥ 10^16.
pub fn parse_decimal(s: &str) -> Result<Decimal, Error> {
    parse_strict(s, 28)
}

/// [`parse_decimal`] without the amount range: any value a `Decimal` holds (28 significant
/// digits), for callers with their own range rule (大写 reports `WRD-16` above its limit).
///
/// # Errors
/// `MNY-01` not a number, `MNY-02` more than 28 decimals, `MNY-03` more than 28 integer digits.
pub fn parse_decimal_wide(s: &str) -> Result<Decimal, Error> {
    parse_digits(s, 28, 28)
}

/// Shows at most 40 characters of a bad input in a message (kept with the error type, which
/// every module's messages use).
pub use crate::error::shorten;

/// Rejects a value with more than `max_dp` significant decimals.
fn exact(d: Decimal, max_dp: u32) -> Result<Decimal, Error> {
    let n = d.normalize();
    if n.scale() > max_dp {
        return Err(Error::new(MNY_SCALE).with("value", d).with("max", max_dp));
    }
    // Every sum of amounts comes here: the value is written out only for an error.
    check_range_of(d)
}

macro_rules! decimal_serde {
    ($ty:ident, $what:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!($what, " as a decimal string"))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        $ty::parse(v).map_err(E::custom)
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                        $ty::parse(&v.to_string()).map_err(E::custom)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                        $ty::parse(&v.to_string()).map_err(E::custom)
                    }
                    fn visit_f64<E: de::Error>(self, v: f64) -> Result<$ty, E> {
                        Err(E::custom(Error::new(INP_FLOAT).with("value", v)))
                    }
                }
                d.deserialize_any(V)
            }
        }

        impl FromStr for $ty {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                $ty::parse(s)
            }
        }
    };
}

/// An amount of money in yuan with exactly two decimals (金额, 分 precision).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

impl Default for Amount {
    /// `0.00` (two decimals, like every amount).
    fn default() -> Self {
        Amount::ZERO
    }
}

impl Amount {
    /// 0.00
    pub const ZERO: Amount = Amount(Decimal::from_parts(0, 0, 0, false, 2));

    /// Parses `"12.30"`, `"12.3"`, `"12"`, `"-5.00"`.
    ///
    /// # Errors
    /// `MNY-01` not a number, `MNY-02` more than 2 decimals, `MNY-03` |x| ≥ 10^16.
    pub fn parse(s: &str) -> Result<Self, Error> {
        parse_strict(s, 2).map(Self::scaled)
    }

    /// An exact decimal with at most two significant decimals.
    ///
    /// # Errors
    /// `MNY-02` when rounding would be needed, `MNY-03` when out of range.
    pub fn from_decimal(d: Decimal) -> Result<Self, Error> {
        exact(d, 2).map(Self::scaled)
    }

    /// Rounds `d` half-up to fen.
    ///
    /// # Errors
    /// `MNY-03` when out of range.
    pub fn round_from(d: Decimal) -> Result<Self, Error> {
        check_range_of(round_half_up(d, 2)).map(Self::scaled)
    }

    /// From a whole number of fen (分).
    ///
    /// # Errors
    /// `MNY-03` when out of range.
    pub fn from_fen(fen: i64) -> Result<Self, Error> {
        // Whole fen have two decimals already: within the range (10^18 fen) nothing is left
        // to check, so the general path (normalising, counting decimals) is kept for the rest.
        if fen.unsigned_abs() < 1_000_000_000_000_000_000 {
            return Ok(Amount(Decimal::new(fen, 2)));
        }
        Self::from_decimal(Decimal::new(fen, 2))
    }

    fn scaled(mut d: Decimal) -> Self {
        // Within the range limit a rescale to 2 never loses digits (toolchain.md pitfall 3).
        d.rescale(2);
        Amount(d)
    }

    /// The exact value.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// True when below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True when zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The absolute value.
    pub fn abs(self) -> Self {
        Amount(self.0.abs())
    }

    /// `self + other`.
    ///
    /// # Errors
    /// `MNY-03` / `MNY-05` when the sum leaves the range.
    pub fn checked_add(self, other: Amount) -> Result<Amount, Error> {
        let s = self
            .0
            .checked_add(other.0)
            .ok_or_else(|| Error::new(MNY_OVERFLOW).with("what", "sum"))?;
        Amount::of_sum(s)
    }

    /// A sum or difference of amounts: two decimals already (the decimals of the operands),
    /// so only the range is checked; `from_decimal`'s normalising is for other values.
    fn of_sum(s: Decimal) -> Result<Amount, Error> {
        if s.scale() == 2 {
            check_range_of(s).map(Amount)
        } else {
            Amount::from_decimal(s)
        }
    }

    /// `self - other`.
    ///
    /// # Errors
    /// `MNY-03` / `MNY-05` when the difference leaves the range.
    pub fn checked_sub(self, other: Amount) -> Result<Amount, Error> {
        let s = self
            .0
            .checked_sub(other.0)
            .ok_or_else(|| Error::new(MNY_OVERFLOW).with("what", "difference"))?;
        Amount::of_sum(s)
    }

    /// `round_half_up(self × rate)`: the tax on a tax-exclusive amount.
    ///
    /// # Errors
    /// `MNY-03` / `MNY-05` on overflow (cannot happen within the range, kept for honesty).
    pub fn times_rate(self, rate: TaxRate) -> Result<Amount, Error> {
        let p = self
            .0
            .checked_mul(rate.0)
            .ok_or_else(|| Error::new(MNY_OVERFLOW).with("what", "amount × rate"))?;
        Amount::round_from(p)
    }

    /// Negation (blue ↔ red).
    pub fn negated(self) -> Amount {
        Amount(-self.0)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
decimal_serde!(Amount, "an amount");

macro_rules! eight_dp {
    ($(#[$meta:meta])* $ty:ident, $zh:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $ty(Decimal);

        impl $ty {
            /// Parses a decimal string exactly, with as many decimals as real invoices print
            /// (数电 files print unit prices like `98765.4320754717`): up to 28.
            ///
            /// # Errors
            /// `MNY-01` not a number, `MNY-02` more than 28 decimals, `MNY-03` |x| ≥ 10^16.
            pub fn parse(s: &str) -> Result<Self, Error> {
                parse_strict(s, 28).map(|d| $ty(d.normalize()))
            }

            /// An exact decimal (up to 28 decimals), kept as given.
            ///
            /// # Errors
            /// `MNY-02` beyond 28 decimals, `MNY-03` when out of range.
            pub fn from_decimal(d: Decimal) -> Result<Self, Error> {
                exact(d, 28).map(|d| $ty(d.normalize()))
            }

            /// Rounds `d` half-up to 8 decimals.
            ///
            /// # Errors
            /// `MNY-03` when out of range.
            pub fn round_from(d: Decimal) -> Result<Self, Error> {
                check_range_of(round_half_up(d, 8)).map(|d| $ty(d.normalize()))
            }

            /// The exact value.
            pub fn value(self) -> Decimal {
                self.0
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
        decimal_serde!($ty, $zh);
    };
}

eight_dp!(
    /// A unit price (单价), up to 8 decimals, normalised (`"3.50000000"` is `3.5`).
    Price,
    "a unit price"
);
eight_dp!(
    /// A quantity (数量), up to 8 decimals, normalised; negative on red invoices.
    Quantity,
    "a quantity"
);

/// A tax rate or levy rate (税率 / 征收率) as a fraction: `0.13` is 13 %.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaxRate(Decimal);

impl TaxRate {
    /// Parses `"0.13"`, `"0.130000"`, `"13%"`, `"13.0%"`, `"1.5%"`.
    ///
    /// # Errors
    /// `MNY-01` not a number, `MNY-02` more than 6 decimals as a fraction, `MNY-04` not in [0, 1).
    pub fn parse(s: &str) -> Result<Self, Error> {
        match Self::printed(s) {
            Some(r) => Ok(r),
            None => Self::parse_text(s),
        }
    }

    /// [`TaxRate::parse`] in full, for any text.
    fn parse_text(s: &str) -> Result<Self, Error> {
        let (num, percent) = match s.strip_suffix('%') {
            Some(n) => (n, true),
            None => (s, false),
        };
        let d = parse_strict(num, if percent { 4 } else { 6 })
            .map_err(|e| e.with("value", shorten(s)))?;
        // A percentage is the same digits two places further right: an exact rescale, where a
        // division would cost an order of magnitude more (every line has a rate).
        let frac = if percent {
            let mut f = d;
            match f.set_scale(d.scale() + 2) {
                Ok(()) => f,
                Err(_) => d / Decimal::ONE_HUNDRED,
            }
        } else {
            d
        };
        Self::from_decimal(frac).map_err(|e| e.with("value", shorten(s)))
    }

    /// The rates printed on nearly every line, as [`TaxRate::parse`] reads them (its value and
    /// scale; a test holds the two together), without the parse: every line has a rate, and
    /// reading `13%` in full (digits, rescale, range check, normalisation) costs ~370
    /// instructions against one `match`.
    fn printed(s: &str) -> Option<Self> {
        let (m, scale) = match s.as_bytes() {
            b"13%" | b"0.13" => (13, 2),
            b"9%" | b"0.09" => (9, 2),
            b"6%" | b"0.06" => (6, 2),
            b"5%" | b"0.05" => (5, 2),
            b"3%" | b"0.03" => (3, 2),
            b"1%" | b"0.01" => (1, 2),
            b"0%" | b"0" => (0, 0),
            _ => return None,
        };
        Some(TaxRate(Decimal::new(m, scale)))
    }

    /// A fraction in [0, 1) with at most 6 decimals.
    ///
    /// # Errors
    /// `MNY-02` more than 6 decimals, `MNY-04` out of range.
    pub fn from_decimal(d: Decimal) -> Result<Self, Error> {
        if d.is_sign_negative() && !d.is_zero() || d >= Decimal::ONE {
            return Err(Error::new(MNY_RATE_RANGE).with("value", d));
        }
        let n = d.normalize();
        if n.scale() > 6 {
            return Err(Error::new(MNY_SCALE).with("value", d).with("max", 6));
        }
        Ok(TaxRate(n))
    }

    /// The fraction (`0.13`).
    pub fn value(self) -> Decimal {
        self.0
    }

    /// True for 0 %.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The percentage form, `"13%"`, `"1.5%"`.
    pub fn percent(self) -> String {
        format!("{}%", (self.0 * Decimal::ONE_HUNDRED).normalize())
    }
}

impl fmt::Display for TaxRate {
    /// The fraction, `0.13`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
decimal_serde!(TaxRate, "a tax rate");

#[cfg(test)]
mod tests {
    use super::*;

    /// The rates read without parsing are what the full parse reads: value and scale, so they
    /// print, compare and serialise alike.
    #[test]
    fn printed_rates_are_parsed_rates() {
        let texts = [
            "13%", "0.13", "9%", "0.09", "6%", "0.06", "5%", "0.05", "3%", "0.03", "1%", "0.01",
            "0%", "0",
        ];
        for s in texts {
            let fast = TaxRate::printed(s).expect(s).0;
            let full = TaxRate::parse_text(s).expect(s).0;
            assert_eq!(
                (fast.mantissa(), fast.scale()),
                (full.mantissa(), full.scale()),
                "{s}"
            );
        }
        // Anything else takes the full parse.
        for s in [
            "13.0%", "0.130", "1.5%", "13 %", "0.00", "00", "-0", "100%", "",
        ] {
            assert!(TaxRate::printed(s).is_none(), "{s}");
        }
    }

    #[test]
    fn amount_parse_table() {
        let ok = [
            ("0", "0.00"),
            ("12.3", "12.30"),
            ("12.30", "12.30"),
            ("-5", "-5.00"),
            ("007.10", "7.10"),
            ("12.300", "12.30"),
            ("9999999999999999.99", "9999999999999999.99"),
        ];
        for (i, o) in ok {
            assert_eq!(Amount::parse(i).unwrap().to_string(), o, "{i}");
        }
        let bad = [
            ("", "MNY-01"),
            ("-", "MNY-01"),
            ("+1", "MNY-01"),
            (" 1", "MNY-01"),
            ("1e3", "MNY-01"),
            ("1,000", "MNY-01"),
            ("１２", "MNY-01"),
            ("1.", "MNY-01"),
            (".5", "MNY-01"),
            ("NaN", "MNY-01"),
            ("12.345", "MNY-02"),
            ("10000000000000000", "MNY-03"),
            ("99999999999999999999999999999999999", "MNY-03"),
        ];
        for (i, code) in bad {
            assert_eq!(Amount::parse(i).unwrap_err().code(), code, "{i:?}");
        }
    }

    #[test]
    fn rounding_is_half_up_away_from_zero() {
        let cases = [
            ("0.065", "0.07"),
            ("-0.065", "-0.07"),
            ("31.245", "31.25"),
            ("0.064999", "0.06"),
            ("2.675", "2.68"),
        ];
        for (i, o) in cases {
            let d = Decimal::from_str(i).unwrap();
            assert_eq!(Amount::round_from(d).unwrap().to_string(), o);
        }
    }

    #[test]
    fn rates() {
        assert_eq!(
            TaxRate::parse("13%").unwrap(),
            TaxRate::parse("0.13").unwrap()
        );
        assert_eq!(TaxRate::parse("0.130000").unwrap().to_string(), "0.13");
        assert_eq!(TaxRate::parse("1.5%").unwrap().percent(), "1.5%");
        assert_eq!(TaxRate::parse("1").unwrap_err().code(), "MNY-04");
        assert_eq!(TaxRate::parse("-0.01").unwrap_err().code(), "MNY-04");
        assert_eq!(TaxRate::parse("0.1234567").unwrap_err().code(), "MNY-02");
        assert_eq!(TaxRate::parse("x%").unwrap_err().code(), "MNY-01");
    }

    #[test]
    fn serde_refuses_floats() {
        let a: Amount = serde_json::from_str("\"1.50\"").unwrap();
        assert_eq!(a.to_string(), "1.50");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"1.50\"");
        let e = serde_json::from_str::<Amount>("1.5").unwrap_err();
        assert!(e.to_string().contains("INP-01"), "{e}");
        let q: Quantity = serde_json::from_str("\"3.00000000\"").unwrap();
        assert_eq!(q.to_string(), "3");
    }
}

macro_rules! decimal_schema {
    ($ty:ident, $pattern:literal, $desc:literal) => {
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({"type": "string", "pattern": $pattern, "description": $desc})
            }
        }
    };
}

decimal_schema!(
    Amount,
    "^-?[0-9]{1,16}(\\.[0-9]{1,2})?$",
    "yuan as a decimal string, at most 2 decimals"
);
decimal_schema!(
    Price,
    "^-?[0-9]{1,16}(\\.[0-9]{1,8})?$",
    "unit price as a decimal string, at most 8 decimals"
);
decimal_schema!(
    Quantity,
    "^-?[0-9]{1,16}(\\.[0-9]{1,8})?$",
    "quantity as a decimal string, at most 8 decimals"
);
decimal_schema!(
    TaxRate,
    "^[0-9]+(\\.[0-9]+)?%?$",
    "a fraction (\"0.13\") or a percentage (\"13%\")"
);

#[cfg(test)]
mod parse_decimal_tests {
    use super::*;
    use proptest::prelude::*;

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), any::<u32>(), 0u32..=28).prop_map(|(hi, lo, s)| {
            Decimal::from_i128_with_scale(i128::from(hi) * (1 << 32) + i128::from(lo), s)
        })
    }

    proptest! {
        /// The integer range check is the decimal comparison it replaced.
        #[test]
        fn within_range_is_below_the_limit(d in any_decimal(), near in -1_000i64..1_000, s in 0u32..=12) {
            prop_assert_eq!(within_range(d), d.abs() < LIMIT);
            // Values at the limit's edge, at every scale.
            let edge = Decimal::from_i128_with_scale(10i128.pow(16 + s) + i128::from(near), s);
            prop_assert_eq!(within_range(edge), edge.abs() < LIMIT);
            prop_assert_eq!(within_range(-edge), edge.abs() < LIMIT);
        }

        /// Sums and differences through `of_sum` are what `from_decimal` makes of them.
        #[test]
        fn sums_of_amounts_are_from_decimal(a in -(10i64.pow(18))..10i64.pow(18), b in -(10i64.pow(18))..10i64.pow(18)) {
            let (x, y) = (Amount::from_fen(a).unwrap(), Amount::from_fen(b).unwrap());
            let via = |d: Option<Decimal>| d.map(|d| Amount::from_decimal(d).map_err(|e| e.code().to_string()));
            prop_assert_eq!(Some(x.checked_add(y).map_err(|e| e.code().to_string())), via(x.0.checked_add(y.0)));
            prop_assert_eq!(Some(x.checked_sub(y).map_err(|e| e.code().to_string())), via(x.0.checked_sub(y.0)));
        }

        /// The one-pass reader of short numbers gives what the general one gives: the same
        /// value at the same scale, or the same code.
        #[test]
        fn short_and_long_readers_agree(s in "-?[0-9.x]{0,19}", max_dp in 0u32..9, max_int in 1usize..20) {
            let body = s.strip_prefix('-').unwrap_or(&s).as_bytes();
            prop_assume!(body.len() <= 19);
            let negative = s.starts_with('-');
            let short = parse_short(&s, body, negative, max_dp, max_int);
            let long = parse_long(&s, body, negative, max_dp, max_int);
            match (short, long) {
                (Ok(a), Ok(b)) => {
                    prop_assert_eq!(a, b);
                    prop_assert_eq!(a.scale(), b.scale());
                    prop_assert_eq!(a.is_sign_negative(), b.is_sign_negative());
                }
                (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
                (a, b) => prop_assert!(false, "{s}: {a:?} vs {b:?}"),
            }
        }

        /// The wide reader agrees with rust_decimal's own parser, rounding included, for every
        /// plain decimal of up to 28 integer and 28 fractional digits (most are too long for the
        /// 96-bit mantissa, so they exercise the rounding path).
        #[test]
        fn wide_agrees_with_rust_decimal(
            negative in any::<bool>(),
            int in "[1-9][0-9]{0,27}|0",
            frac in proptest::option::of("[0-9]{1,28}"),
        ) {
            let text = format!(
                "{}{int}{}",
                if negative { "-" } else { "" },
                frac.as_deref().map(|f| format!(".{f}")).unwrap_or_default()
            );
            let ours = parse_decimal_wide(&text).ok();
            let theirs = Decimal::from_str(&text).ok();
            prop_assert_eq!(ours.map(|d| (d, d.scale())), theirs.map(|d| (d, d.scale())), "{}", text);
        }
    }

    #[test]
    fn plain_decimals() {
        assert_eq!(parse_decimal("-12.345").unwrap().to_string(), "-12.345");
        assert_eq!(
            parse_decimal("0.0000000000000000000000000001")
                .unwrap()
                .to_string(),
            "0.0000000000000000000000000001"
        );
        assert_eq!(parse_decimal("1e3").unwrap_err().code(), "MNY-01");
        assert_eq!(
            parse_decimal("1.00000000000000000000000000001")
                .unwrap_err()
                .code(),
            "MNY-02"
        );
        assert_eq!(
            parse_decimal("10000000000000000").unwrap_err().code(),
            "MNY-03"
        );
        assert_eq!(
            parse_decimal_wide("12345678901234567890")
                .unwrap()
                .to_string(),
            "12345678901234567890"
        );
        assert_eq!(
            parse_decimal_wide("1".repeat(29).as_str())
                .unwrap_err()
                .code(),
            "MNY-03"
        );
        // More significant digits than a Decimal holds: an error, never a panic.
        let r = parse_decimal("1234567890123456.1234567890123456789012345678");
        assert!(r.is_ok() || r.unwrap_err().code().starts_with("MNY"));
    }
}
