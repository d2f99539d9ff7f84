//! The tolerance checks' arithmetic on integers at a common scale.
//!
//! Every line's `数量 × 单价 − 金额` and `金额 × 税率 − 税额` is compared with a tolerance, and the
//! line differences are summed: with `Decimal` each step rescales and normalises, which was a
//! third of validating a valid invoice. The values involved are small (amounts in fen, rates
//! with at most six decimals), so the same exact figures fit an `i128` at the larger scale.
//! Every step is checked: when a value does not fit, the caller takes the `Decimal` path, so no
//! result depends on this module's limits (the tests hold the two paths equal).

use rust_decimal::Decimal;

/// 10^0 … 10^38, every power of ten an `i128` holds.
const POW10: [i128; 39] = {
    let mut t = [1i128; 39];
    let mut i = 1;
    while i < t.len() {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `m × 10^-s`: an exact decimal as an integer and its scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Scaled {
    m: i128,
    s: u32,
}

impl Scaled {
    pub(super) const ZERO: Scaled = Scaled { m: 0, s: 0 };

    pub(super) fn of(d: Decimal) -> Scaled {
        Scaled {
            m: d.mantissa(),
            s: d.scale(),
        }
    }

    /// The integer at scale `s` (never lower than its own): `None` when it does not fit.
    fn at(self, s: u32) -> Option<i128> {
        let up = s.checked_sub(self.s)?;
        if up == 0 {
            return Some(self.m);
        }
        let p = *POW10.get(usize::try_from(up).ok()?)?;
        match i64::try_from(self.m) {
            // Both factors below 2^63: the product fits, and is one widening multiplication
            // where a checked `i128` multiplication is a call.
            Ok(m) if up <= 18 => Some(i128::from(m) * p),
            _ => self.m.checked_mul(p),
        }
    }

    pub(super) fn add(self, o: Scaled) -> Option<Scaled> {
        let s = self.s.max(o.s);
        Some(Scaled {
            m: self.at(s)?.checked_add(o.at(s)?)?,
            s,
        })
    }

    pub(super) fn sub(self, o: Scaled) -> Option<Scaled> {
        let s = self.s.max(o.s);
        Some(Scaled {
            m: self.at(s)?.checked_sub(o.at(s)?)?,
            s,
        })
    }

    pub(super) fn mul(self, o: Scaled) -> Option<Scaled> {
        let m = match (i64::try_from(self.m), i64::try_from(o.m)) {
            (Ok(a), Ok(b)) => i128::from(a) * i128::from(b),
            _ => self.m.checked_mul(o.m)?,
        };
        Some(Scaled {
            m,
            s: self.s.checked_add(o.s)?,
        })
    }

    /// Whether the two are the same number (`1.50` and `1.5` are).
    pub(super) fn same_as(self, o: Scaled) -> Option<bool> {
        let s = self.s.max(o.s);
        Some(self.at(s)? == o.at(s)?)
    }

    /// `|self| > tol`.
    pub(super) fn abs_exceeds(self, tol: Scaled) -> Option<bool> {
        let s = self.s.max(tol.s);
        Some(self.at(s)?.checked_abs()? > tol.at(s)?)
    }

    /// The same value as a `Decimal` (`None` beyond its 96-bit mantissa or 28 decimals).
    pub(super) fn decimal(self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(self.m, self.s).ok()
    }
}

impl std::fmt::Display for Scaled {
    /// Plain decimal notation without trailing zeros (`-1.5`, `0.000001`, `2`), as a normalised
    /// `Decimal` writes it; exact at any size.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.m.unsigned_abs().to_string();
        let s = usize::try_from(self.s).unwrap_or(usize::MAX);
        let padded = if digits.len() <= s {
            format!("{}{digits}", "0".repeat(s - digits.len() + 1))
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - s.min(padded.len()));
        let frac = frac.trim_end_matches('0');
        let sign = if self.m < 0 { "-" } else { "" };
        if frac.is_empty() {
            write!(f, "{sign}{int}")
        } else {
            write!(f, "{sign}{int}.{frac}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Scaled;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn dec() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            (-1_000_000_000i64..1_000_000_000, 0u32..=8).prop_map(|(m, s)| Decimal::new(m, s)),
            // Mantissas up to 95 bits, near the top of `Decimal`'s 96.
            (any::<i64>(), any::<u32>(), 0u32..=28).prop_map(|(hi, lo, s)| {
                Decimal::from_i128_with_scale(i128::from(hi) * (1 << 32) + i128::from(lo), s)
            }),
        ]
    }

    proptest! {
        // Where the integers give an answer, it is the Decimal answer.
        #[test]
        fn agrees_with_decimal(a in dec(), b in dec(), tol in dec()) {
            let (x, y, t) = (Scaled::of(a), Scaled::of(b), Scaled::of(tol));
            if let Some(v) = x.add(y).and_then(Scaled::decimal) {
                prop_assert_eq!(Some(v), a.checked_add(b));
            }
            if let Some(v) = x.sub(y).and_then(Scaled::decimal) {
                prop_assert_eq!(Some(v), a.checked_sub(b));
            }
            if let (Some(v), Some(d)) = (x.mul(y).and_then(Scaled::decimal), a.checked_mul(b)) {
                prop_assert_eq!(v, d);
            }
            if let Some(same) = x.same_as(y) {
                prop_assert_eq!(same, a == b);
            }
            if let Some(e) = x.abs_exceeds(t) {
                prop_assert_eq!(e, a.abs() > tol);
            }
            prop_assert_eq!(x.decimal(), Some(a));
            prop_assert_eq!(x.same_as(Scaled::of(a.normalize())), Some(true));
            prop_assert_eq!(x.to_string(), a.normalize().to_string());
        }

        // The values validation meets (fen, rates, prices with many decimals) take the integers.
        #[test]
        fn invoice_figures_fit(fen in -(10i64.pow(15))..10i64.pow(15), rate in 0i64..1_000_000,
                               q in 0i64..10i64.pow(12), qs in 0u32..=8, p in 0i64..10i64.pow(15), ps in 0u32..=11) {
            let amount = Scaled::of(Decimal::new(fen, 2));
            let d = amount.mul(Scaled::of(Decimal::new(rate, 6))).and_then(|x| x.sub(amount));
            prop_assert!(d.is_some_and(|d| d.abs_exceeds(Scaled::of(Decimal::new(6, 2))).is_some()));
            let qp = Scaled::of(Decimal::new(q, qs)).mul(Scaled::of(Decimal::new(p, ps)));
            prop_assert!(qp.and_then(|x| x.sub(amount)).is_some());
        }
    }

    #[test]
    fn beyond_i128_is_none_not_wrong() {
        let big = Scaled::of(Decimal::MAX);
        assert_eq!(big.mul(big), None);
        let tiny = Scaled::of(Decimal::new(1, 28));
        assert_eq!(
            big.add(tiny),
            None,
            "rescaling MAX to 28 decimals does not fit"
        );
        assert_eq!(Scaled::ZERO.decimal(), Some(Decimal::ZERO));
    }
}
