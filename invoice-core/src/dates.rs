//! Calendar days and times as invoices write them (日期与时间的读写): `YYYY-MM-DD`, the QR
//! payload's `YYYYMMDD`, `HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS` and the `YYYY-MM` of monthly
//! statistics.
//!
//! The readers are strict: exactly the digits and separators of the shape, and a real calendar
//! date (`2023-02-29` is refused). They and the writers are written by hand rather than with
//! chrono's format strings, which are lenient (`2024-1-5` parses) and, in the WebAssembly build,
//! cost about 25 KB of code for what is a fixed layout.
//!
//! **The one reader of dates given to the API.** [`read_day`] and [`read_date_time`] are what
//! every binding and every reader of options calls for a date or date-time it is given as text
//! (a validation `as_of`, a find filter's `date_from`, a lifecycle step's `at`, "now"), so the
//! same bad date is the same `INP-02` (`expected date YYYY-MM-DD, found 2024-02-30`) in Rust,
//! Python, Node and WASM; the caller places it at its field. Dates inside an invoice are the
//! model's (`MDL-02`, same grammar). Date-times are whole seconds, as the core writes them.
//!
//! ```
//! use invoice_core::dates;
//!
//! assert_eq!(dates::read_day("2024-02-30").unwrap_err().code(), "INP-02");
//! assert!(dates::read_date_time("2024-11-18T09:05:00.5").is_err());
//! let d = dates::parse_day("2024-11-18").unwrap();
//! assert_eq!(dates::day_text(d), "2024-11-18");
//! assert_eq!(dates::compact_day_text(d), "20241118");
//! assert_eq!(dates::parse_day("2024-1-18"), None);
//! assert_eq!(dates::parse_day("2023-02-29"), None);
//! ```

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::error::{Error, INP_TYPE, shorten};

/// A date given to the API as text: strict `YYYY-MM-DD` ([`parse_day`]).
///
/// # Errors
/// `INP-02` (`expected date YYYY-MM-DD, found …`) at the root: the caller places it at its field
/// with [`Error::at`].
pub fn read_day(text: &str) -> Result<NaiveDate, Error> {
    parse_day(text).ok_or_else(|| not_a("date YYYY-MM-DD", text))
}

/// A date-time given to the API as text: strict `YYYY-MM-DDTHH:MM:SS`, a space allowed for the
/// `T`, whole seconds ([`parse_date_time`]).
///
/// # Errors
/// `INP-02` (`expected date-time YYYY-MM-DDTHH:MM:SS, found …`) at the root.
pub fn read_date_time(text: &str) -> Result<NaiveDateTime, Error> {
    parse_date_time(text).ok_or_else(|| not_a("date-time YYYY-MM-DDTHH:MM:SS", text))
}

fn not_a(expected: &'static str, text: &str) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", shorten(text))
}

/// Serde's side of [`read_date_time`], for a date-time field read from JSON (`deserialize_with`).
pub(crate) fn deserialize_date_time<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<NaiveDateTime, D::Error> {
    let text: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(d)?;
    read_date_time(&text).map_err(|e| serde::de::Error::custom(e.message()))
}

/// The number written by `digits` (ASCII digits only, at most 9 of them).
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `s` split at the two separator positions `seps` (byte index, separator) into three fields,
/// or `None` when the length or a separator differs. An array, not a vector: every date of every
/// invoice read comes through here.
fn fields(s: &str, len: usize, seps: [(usize, u8); 2]) -> Option<[&[u8]; 3]> {
    let b = s.as_bytes();
    if b.len() != len || seps.iter().any(|&(i, c)| b.get(i) != Some(&c)) {
        return None;
    }
    let [(i, _), (j, _)] = seps;
    Some([b.get(..i)?, b.get(i + 1..j)?, b.get(j + 1..)?])
}

fn day_of(y: &[u8], m: &[u8], d: &[u8]) -> Option<NaiveDate> {
    let year = i32::try_from(number(y)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(m)?, number(d)?)
}

/// A strict `YYYY-MM-DD` (four-digit year, real calendar date).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let [y, m, d] = fields(s, 10, [(4, b'-'), (7, b'-')])?;
    day_of(y, m, d)
}

/// A strict `YYYYMMDD` (the QR payload's date).
pub fn parse_compact_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 8 {
        return None;
    }
    day_of(&b[..4], &b[4..6], &b[6..])
}

/// A strict `HH:MM:SS` (24-hour clock, no leap second).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let [h, m, sec] = fields(s, 8, [(2, b':'), (5, b':')])?;
    NaiveTime::from_hms_opt(number(h)?, number(m)?, number(sec)?)
}

/// A strict `YYYY-MM-DDTHH:MM:SS` (a space is accepted for the `T`).
pub fn parse_date_time(s: &str) -> Option<NaiveDateTime> {
    let (day, time) = (s.get(..10)?, s.get(11..)?);
    if !matches!(s.as_bytes().get(10), Some(b'T' | b' ')) {
        return None;
    }
    Some(parse_day(day)?.and_time(parse_time(time)?))
}

/// Writes `n` with at least `width` digits.
fn push_padded(out: &mut String, n: u32, width: usize) {
    // Digit by digit from the last, each inserted before the ones written (no `to_string`:
    // bindings write every date a host hands over as a date object).
    let start = out.len();
    let (mut n, mut written) = (n, 0);
    while n > 0 || written < width.max(1) {
        out.insert(start, char::from(b'0' + (n % 10) as u8));
        n /= 10;
        written += 1;
    }
}

/// The year as four digits, or chrono's signed form outside 0000–9999 (`+12345`, `-0001`).
fn push_year(out: &mut String, d: NaiveDate) {
    match u32::try_from(d.year()) {
        Ok(y) if y <= 9999 => push_padded(out, y, 4),
        _ => {
            let text = d.to_string(); // chrono writes such years with a sign
            out.push_str(text.rsplitn(3, '-').last().unwrap_or(&text));
        }
    }
}

/// `YYYY-MM-DD`.
pub fn day_text(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_year(&mut out, d);
    out.push('-');
    push_padded(&mut out, d.month(), 2);
    out.push('-');
    push_padded(&mut out, d.day(), 2);
    out
}

/// `YYYYMMDD` (the QR payload's form).
pub fn compact_day_text(d: NaiveDate) -> String {
    let mut out = String::with_capacity(8);
    push_year(&mut out, d);
    push_padded(&mut out, d.month(), 2);
    push_padded(&mut out, d.day(), 2);
    out
}

/// `YYYY-MM` (a calendar month).
pub fn month_text(d: NaiveDate) -> String {
    let mut out = String::with_capacity(7);
    push_year(&mut out, d);
    out.push('-');
    push_padded(&mut out, d.month(), 2);
    out
}

/// `YYYY-MM-DDTHH:MM:SS` (whole seconds).
pub fn date_time_text(t: NaiveDateTime) -> String {
    let mut out = day_text(t.date());
    out.push('T');
    push_padded(&mut out, t.hour(), 2);
    out.push(':');
    push_padded(&mut out, t.minute(), 2);
    out.push(':');
    push_padded(&mut out, t.second(), 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strict_shapes() {
        for bad in [
            "",
            "2024-11-1",
            "2024-1-18",
            "2024/11/18",
            "2024-11-18 ",
            "+202-11-18",
            "2024-13-01",
            "2024-00-10",
            "2024-11-31",
            "2023-02-29",
            "２０２４-11-18",
            "2024-11-1８",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        assert_eq!(
            parse_day("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(parse_day("0001-01-01"), NaiveDate::from_ymd_opt(1, 1, 1));
        assert_eq!(
            parse_compact_day("20240229"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in ["2024022", "2024-229", "20241301", "+2024012"] {
            assert_eq!(parse_compact_day(bad), None, "{bad}");
        }
        assert_eq!(parse_time("23:59:59"), NaiveTime::from_hms_opt(23, 59, 59));
        for bad in [
            "24:00:00",
            "12:60:00",
            "12:00:60",
            "1:00:00",
            "12-00-00",
            "12:00:00.5",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        let t = parse_date_time("2024-11-18T09:05:00").unwrap();
        assert_eq!(date_time_text(t), "2024-11-18T09:05:00");
        assert_eq!(parse_date_time("2024-11-18 09:05:00"), Some(t));
        for bad in [
            "2024-11-18",
            "2024-11-18T9:05:00",
            "2024-11-18X09:05:00",
            "2024-11-18T09:05",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn writers_pad_and_sign_years() {
        let d = NaiveDate::from_ymd_opt(7, 3, 4).unwrap();
        assert_eq!(day_text(d), "0007-03-04");
        assert_eq!(compact_day_text(d), "00070304");
        assert_eq!(month_text(d), "0007-03");
        let far = NaiveDate::from_ymd_opt(12345, 6, 7).unwrap();
        assert_eq!(day_text(far), far.to_string());
        let bc = NaiveDate::from_ymd_opt(-1, 6, 7).unwrap();
        assert_eq!(day_text(bc), bc.to_string());
    }

    proptest! {
        /// The writers agree with chrono's format strings, and the readers read them back.
        #[test]
        fn agree_with_chrono(days in -800_000i32..4_000_000, secs in 0u32..86_400) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let t = d.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap());
            prop_assert_eq!(day_text(d), d.format("%Y-%m-%d").to_string());
            prop_assert_eq!(date_time_text(t), t.format("%Y-%m-%dT%H:%M:%S").to_string());
            if (0..=9999).contains(&d.year()) {
                prop_assert_eq!(compact_day_text(d), d.format("%Y%m%d").to_string());
                prop_assert_eq!(month_text(d), d.format("%Y-%m").to_string());
                prop_assert_eq!(parse_day(&day_text(d)), Some(d));
                prop_assert_eq!(parse_compact_day(&compact_day_text(d)), Some(d));
                prop_assert_eq!(parse_date_time(&date_time_text(t)), Some(t));
            }
        }
    }
}
