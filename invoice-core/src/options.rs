//! Option objects (选项), read once for every host.
//!
//! Every operation that takes options (the validation context, the tax policy, the 大写 writing
//! options, the 查验 pre-check options, the export options) reads them here, from any
//! [`Source`] (a JSON value, a Python dict, a JS object turned into JSON), in the host's key
//! convention ([`Keys`]): `as_of` in Python and Rust, `asOf` in JavaScript. So a bad option is the
//! same coded error at the same place in every runtime:
//!
//! - a key that is not an option: `INP-05` at the key, listing the options;
//! - a value of the wrong type: `INP-02` at the key (`INP-01` for a float where money belongs);
//! - a name that is not one of the allowed names: `INP-05` at the key;
//! - a bad date: the one strict reader's `INP-02` at the key ([`crate::dates`]);
//! - absent and `null` mean "not given" (the default applies); a required option that is absent
//!   is `INP-04` at its key, a required one given as `null` is `INP-02`.
//!
//! The readers themselves live with their types ([`crate::validate::Context::read`],
//! [`crate::tax::Policy::read`], [`crate::words::read_options`],
//! [`crate::verify::query::CheckOptions::read_precheck`], [`crate::find::export::ExportOptions::read`]); this
//! module holds what they share.
//!
//! ```
//! use invoice_core::options::Keys;
//! use invoice_core::validate::Context;
//!
//! let ctx = Context::read(&serde_json::json!({"asOf": "2024-12-01"}), Keys::Camel)?;
//! assert_eq!(ctx.as_of.to_string(), "2024-12-01");
//! let e = Context::read(&serde_json::json!({"as_of": "2024-12-01", "asof": 1}), Keys::Snake)
//!     .unwrap_err();
//! assert_eq!((e.code(), e.path().to_string().as_str()), ("INP-05", "asof"));
//! # Ok::<(), invoice_core::Error>(())
//! ```

use std::borrow::Cow;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::{INP_FLOAT, INP_MISSING, INP_TYPE, INP_UNKNOWN_OPTION, shorten};
use crate::model::{Shape, Source};
use crate::money::Amount;
use crate::{Error, Path};

/// The key convention of a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keys {
    /// `as_of`, `prices_include_tax`: Rust, Python and the shared vectors.
    Snake,
    /// `asOf`, `pricesIncludeTax`: JavaScript option objects.
    Camel,
}

/// Options whose JavaScript name is not the camelCase of the snake name (the Python keyword
/// `whole` is JS `zheng`, Python `header_lang` is JS `lang`).
const CAMEL_NAMES: &[(&str, &str)] = &[("whole", "zheng"), ("header_lang", "lang")];

impl Keys {
    /// The host's name of the option called `snake` in snake_case.
    ///
    /// ```
    /// use invoice_core::options::Keys;
    /// assert_eq!(Keys::Camel.name("look_back_years"), "lookBackYears");
    /// assert_eq!(Keys::Camel.name("min_year_10"), "minYear10");
    /// assert_eq!(Keys::Snake.name("as_of"), "as_of");
    /// ```
    pub fn name(self, snake: &'static str) -> Cow<'static, str> {
        match self {
            Keys::Snake => Cow::Borrowed(snake),
            Keys::Camel => {
                if let Some((_, js)) = CAMEL_NAMES.iter().find(|(s, _)| *s == snake) {
                    return Cow::Borrowed(js);
                }
                if !snake.contains('_') {
                    return Cow::Borrowed(snake);
                }
                let mut out = String::with_capacity(snake.len());
                let mut upper = false;
                for c in snake.chars() {
                    if c == '_' {
                        upper = true;
                    } else if upper {
                        out.push(c.to_ascii_uppercase());
                        upper = false;
                    } else {
                        out.push(c);
                    }
                }
                Cow::Owned(out)
            }
        }
    }
}

impl Keys {
    /// True when `host` is the host's name of the option `snake` (no allocation: every key of
    /// every options object is checked so).
    pub fn is(self, snake: &str, host: &str) -> bool {
        match self {
            Keys::Snake => snake == host,
            Keys::Camel => {
                if let Some((_, js)) = CAMEL_NAMES.iter().find(|(s, _)| *s == snake) {
                    return *js == host;
                }
                let mut h = host.chars();
                let mut upper = false;
                for c in snake.chars() {
                    if c == '_' {
                        upper = true;
                        continue;
                    }
                    let want = if upper { c.to_ascii_uppercase() } else { c };
                    upper = false;
                    if h.next() != Some(want) {
                        return false;
                    }
                }
                h.next().is_none()
            }
        }
    }
}

/// `INP-02` at `at`: expected `expected`, found what `shape` is.
pub fn wrong_type(expected: &str, shape: &Shape<'_>, at: Path) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", shape.type_name())
        .at(at)
}

/// One options object being read: its members by snake_case name, each error at the member's
/// path in the host's convention.
pub struct Opts<S> {
    src: Option<S>,
    at: Path,
    keys: Keys,
}

impl<S: Source> Opts<S> {
    /// Opens `v` (at `at`) as an options object whose keys are the host names of `allowed`
    /// (snake_case names). `null` is an empty object.
    ///
    /// # Errors
    /// `INP-02` at `at` for anything but an object or `null`; `INP-05` at the first unknown key.
    pub fn open(v: S, at: Path, keys: Keys, allowed: &[&'static str]) -> Result<Self, Error> {
        match v.shape() {
            Shape::Null => {
                return Ok(Opts {
                    src: None,
                    at,
                    keys,
                });
            }
            Shape::Object => {}
            Shape::Refused(e) => return Err(e.at(at)),
            other => return Err(wrong_type("options object", &other, at)),
        }
        let mut unknown: Option<String> = None;
        v.keys(&mut |k| {
            if unknown.is_none() && !allowed.iter().any(|a| keys.is(a, k)) {
                unknown = Some(k.to_string());
            }
        });
        if let Some(k) = unknown {
            let mut names = String::new();
            for (i, a) in allowed.iter().enumerate() {
                if i > 0 {
                    names.push_str(", ");
                }
                names.push_str(&keys.name(a));
            }
            return Err(Error::new(INP_UNKNOWN_OPTION)
                .with("value", shorten(&k))
                .with("allowed", names)
                .at(at.key(shorten(&k))));
        }
        Ok(Opts {
            src: Some(v),
            at,
            keys,
        })
    }

    /// The host's key convention.
    pub fn keys(&self) -> Keys {
        self.keys
    }

    /// The path of the option `key` (in the host's name).
    pub fn path(&self, key: &'static str) -> Path {
        self.at.clone().key(self.keys.name(key))
    }

    /// The value under `key`; `None` when absent or `null`.
    ///
    /// # Errors
    /// The host's own refusal of the value (`INP-07` ill-formed text), at the key.
    pub fn get(&self, key: &'static str) -> Result<Option<S>, Error> {
        let Some(v) = self.member(key) else {
            return Ok(None);
        };
        match v.shape() {
            Shape::Null => Ok(None),
            Shape::Refused(e) => Err(e.at(self.path(key))),
            _ => Ok(Some(v)),
        }
    }

    /// True when `key` is present, even as `null`.
    fn present(&self, key: &'static str) -> bool {
        self.member(key).is_some()
    }

    /// The member that is the option `key` (of a key written twice the last, as
    /// [`Source::member`] finds it), found by comparing each key with [`Keys::is`]: a camelCase
    /// name is not written out (an allocation per option read, seven for JavaScript's
    /// `validate` options).
    fn member(&self, key: &'static str) -> Option<S> {
        let m = self.src.as_ref()?;
        if self.keys == Keys::Snake {
            return m.member(key);
        }
        let mut found = None;
        // A key the host cannot hand over is not the option's (as `member` would not find it).
        let _ = m.entries(&mut |k, v| {
            if self.keys.is(key, k) {
                found = Some(v);
            }
        });
        found
    }

    /// A nested options object under `key` (an empty one when absent).
    ///
    /// # Errors
    /// As [`Opts::open`], at the key.
    pub fn object(&self, key: &'static str, allowed: &[&'static str]) -> Result<Opts<S>, Error> {
        match self.get(key)? {
            Some(v) => Opts::open(v, self.path(key), self.keys, allowed),
            None => Ok(Opts {
                src: None,
                at: self.path(key),
                keys: self.keys,
            }),
        }
    }

    /// A boolean.
    ///
    /// # Errors
    /// `INP-02` at the key for anything else.
    pub fn bool(&self, key: &'static str) -> Result<Option<bool>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(None);
        };
        match v.shape() {
            Shape::Bool(b) => Ok(Some(b)),
            other => Err(wrong_type("boolean", &other, self.path(key))),
        }
    }

    /// Text.
    ///
    /// # Errors
    /// `INP-02` at the key for anything else.
    pub fn text(&self, key: &'static str) -> Result<Option<String>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(None);
        };
        text_of(&v, self.path(key)).map(Some)
    }

    /// A name read with the type's own `FromStr` (`INP-05` for an unknown name).
    ///
    /// # Errors
    /// `INP-02` not text, the type's error (`INP-05`), at the key.
    pub fn name<T: FromStr<Err = Error>>(&self, key: &'static str) -> Result<Option<T>, Error> {
        match self.text(key)? {
            None => Ok(None),
            Some(s) => s.parse::<T>().map(Some).map_err(|e| e.at(self.path(key))),
        }
    }

    /// A list of names, each read with the type's `FromStr`.
    ///
    /// # Errors
    /// `INP-02` at the key for anything but a list, at `key[i]` for an item that is not text;
    /// the type's error (`INP-05`) at `key[i]`.
    pub fn names<T: FromStr<Err = Error>>(&self, key: &'static str) -> Result<Vec<T>, Error> {
        let mut out = Vec::new();
        for (i, item) in self.list(key, "list of names")?.iter().enumerate() {
            let s = text_of(item, self.path(key).index(i))?;
            out.push(s.parse::<T>().map_err(|e| e.at(self.path(key).index(i)))?);
        }
        Ok(out)
    }

    /// A list of optional texts (`null` items kept as `None`).
    ///
    /// # Errors
    /// `INP-02` at the key for anything but a list, at `key[i]` for an item neither text nor
    /// `null`.
    pub fn texts(&self, key: &'static str) -> Result<Vec<Option<String>>, Error> {
        let mut out = Vec::new();
        for (i, item) in self.list(key, "list of texts")?.iter().enumerate() {
            out.push(match item.shape() {
                Shape::Null => None,
                _ => Some(text_of(item, self.path(key).index(i))?),
            });
        }
        Ok(out)
    }

    /// The items of the list under `key` (none when absent).
    fn list(&self, key: &'static str, expected: &'static str) -> Result<Vec<S>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(Vec::new());
        };
        if !matches!(v.shape(), Shape::List) {
            return Err(wrong_type(expected, &v.shape(), self.path(key)));
        }
        Ok((0..v.len()).filter_map(|i| v.item(i)).collect())
    }

    /// A whole number in `min..=max` (an exact integer, or a float holding a whole number:
    /// JavaScript has no other numbers); `expected` names the range in messages
    /// (`"integer 1–9999"`).
    ///
    /// # Errors
    /// `INP-02` at the key for anything else.
    pub fn int(
        &self,
        key: &'static str,
        min: i64,
        max: i64,
        expected: &'static str,
    ) -> Result<Option<i64>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(None);
        };
        let shape = v.shape();
        let n = match &shape {
            Shape::Int(i) => i64::try_from(*i).ok(),
            Shape::Float(t) => whole(t),
            _ => None,
        };
        match n.filter(|n| (min..=max).contains(n)) {
            Some(n) => Ok(Some(n)),
            None => Err(wrong_type(expected, &shape, self.path(key))),
        }
    }

    /// A year, 1–9999.
    ///
    /// # Errors
    /// `INP-02` at the key for anything else.
    pub fn year(&self, key: &'static str) -> Result<Option<i32>, Error> {
        Ok(self
            .int(key, 1, 9999, "integer 1–9999")?
            .and_then(|y| i32::try_from(y).ok()))
    }

    /// Money: text, an integer or an exact decimal, read by [`Amount::parse`].
    ///
    /// # Errors
    /// `INP-01` a float, `INP-02` another type, the `MNY-` codes; at the key.
    pub fn amount(&self, key: &'static str) -> Result<Option<Amount>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(None);
        };
        amount_of(&v, self.path(key)).map(Some)
    }

    /// Money that an options object carries as an *argument* of the operation rather than as a
    /// setting (the 车价合计 of a 查验 query, which Rust and Python pass as a plain argument of
    /// [`crate::verify::query::build`]): text is read by [`Amount::parse`] and its errors stay
    /// the money reader's own, without a path, as for that argument in every host (the shared
    /// vectors pin it); any other type is refused at the key, as by [`Opts::amount`].
    ///
    /// # Errors
    /// The `MNY-` codes (no path); `INP-01` a float, `INP-02` another type, at the key.
    pub fn amount_argument(&self, key: &'static str) -> Result<Option<Amount>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(None);
        };
        match v.shape() {
            Shape::Text(t) => Amount::parse(&t).map(Some),
            _ => amount_of(&v, self.path(key)).map(Some),
        }
    }

    /// A date: `YYYY-MM-DD` text read by [`crate::dates::read_day`], or a host date.
    ///
    /// # Errors
    /// `INP-02` at the key.
    pub fn day(&self, key: &'static str) -> Result<Option<NaiveDate>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(None);
        };
        match v.shape() {
            Shape::Text(t) => crate::dates::read_day(&t)
                .map(Some)
                .map_err(|e| e.at(self.path(key))),
            Shape::Date(d) => Ok(Some(d)),
            other => Err(wrong_type("date YYYY-MM-DD", &other, self.path(key))),
        }
    }

    /// A required date.
    ///
    /// # Errors
    /// `INP-04` at the key when absent, `INP-02` when `null` or not a date.
    pub fn required_day(&self, key: &'static str) -> Result<NaiveDate, Error> {
        match self.day(key)? {
            Some(d) => Ok(d),
            None if self.present(key) => {
                Err(wrong_type("date YYYY-MM-DD", &Shape::Null, self.path(key)))
            }
            None => Err(Error::new(INP_MISSING).at(self.path(key))),
        }
    }

    /// A date-time: `YYYY-MM-DDTHH:MM:SS` text read by [`crate::dates::read_date_time`].
    ///
    /// # Errors
    /// `INP-02` at the key.
    pub fn date_time(&self, key: &'static str) -> Result<Option<NaiveDateTime>, Error> {
        let Some(v) = self.get(key)? else {
            return Ok(None);
        };
        match v.shape() {
            Shape::Text(t) => crate::dates::read_date_time(&t)
                .map(Some)
                .map_err(|e| e.at(self.path(key))),
            other => Err(wrong_type(
                "date-time YYYY-MM-DDTHH:MM:SS",
                &other,
                self.path(key),
            )),
        }
    }
}

fn text_of<S: Source>(v: &S, at: Path) -> Result<String, Error> {
    match v.shape() {
        Shape::Text(t) => Ok(t.into_owned()),
        Shape::Refused(e) => Err(e.at(at)),
        other => Err(wrong_type("string", &other, at)),
    }
}

/// Money from one value of a source (see [`Opts::amount`]).
///
/// # Errors
/// `INP-01` a float, `INP-02` another type, the `MNY-` codes; at `at`.
pub fn amount_of<S: Source>(v: &S, at: Path) -> Result<Amount, Error> {
    let r = match v.shape() {
        Shape::Text(t) => Amount::parse(&t),
        // Through i64: every amount fits, and a 128-bit formatter is a kilobyte of WebAssembly.
        Shape::Int(i) => match i64::try_from(i) {
            Ok(n) => Amount::parse(&n.to_string()),
            Err(_) => Amount::parse(if i < 0 {
                "-99999999999999999999"
            } else {
                "99999999999999999999"
            }),
        },
        Shape::Decimal(d) => Amount::parse(&d.to_string()),
        Shape::Float(t) => Err(Error::new(INP_FLOAT).with("value", t)),
        Shape::Refused(e) => Err(*e),
        other => return Err(wrong_type("decimal string", &other, at)),
    };
    r.map_err(|e| e.at(at))
}

/// The whole number a float's text holds (`"3.0"`, `"-12"`, `"3.000"`; not an exponent form),
/// read digit by digit: a float parser would add its tables to every WebAssembly module.
fn whole(text: &str) -> Option<i64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b == b'0')
    {
        return None;
    }
    let mut n: i64 = 0;
    for b in int.bytes() {
        n = n.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some(if negative { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn camel_matching() {
        assert!(Keys::Camel.is("as_of", "asOf"));
        assert!(!Keys::Camel.is("as_of", "asOfX"));
        assert!(!Keys::Camel.is("as_of", "as_of"));
        assert!(Keys::Camel.is("whole", "zheng"));
        assert!(Keys::Snake.is("as_of", "as_of"));
    }

    #[test]
    fn camel_names() {
        assert_eq!(Keys::Camel.name("prices_include_tax"), "pricesIncludeTax");
        assert_eq!(Keys::Camel.name("whole"), "zheng");
        assert_eq!(Keys::Camel.name("style"), "style");
    }

    #[test]
    fn unknown_key_at_its_path() {
        let v = json!({"asOf": 1});
        let e = Opts::open(&v, Path::root(), Keys::Snake, &["as_of"])
            .err()
            .map(|e| (e.code(), e.path().to_string()));
        assert_eq!(e, Some(("INP-05", "asOf".to_string())));
    }

    #[test]
    fn money_as_an_argument() {
        let v = json!({"carPrice": "12.345", "n": 12.0, "ok": "85000.00", "b": true});
        let o = Opts::open(
            &v,
            Path::root(),
            Keys::Camel,
            &["car_price", "n", "ok", "b"],
        )
        .unwrap();
        let placed =
            |r: Result<Option<Amount>, Error>| r.map_err(|e| (e.code(), e.path().to_string()));
        // The money reader's own error, without a path, as for the argument of query::build.
        assert_eq!(
            placed(o.amount_argument("car_price")),
            Err(("MNY-02", String::new()))
        );
        // A setting's money error is at its key.
        assert_eq!(
            placed(o.amount("car_price")),
            Err(("MNY-02", "carPrice".to_string()))
        );
        // Not text: refused at the key, as by `amount`.
        assert_eq!(
            placed(o.amount_argument("n")),
            Err(("INP-01", "n".to_string()))
        );
        assert_eq!(
            placed(o.amount_argument("b")),
            Err(("INP-02", "b".to_string()))
        );
        assert_eq!(
            placed(o.amount_argument("ok")).map(|a| a.map(|a| a.to_string())),
            Ok(Some("85000.00".to_string()))
        );
    }

    #[test]
    fn ints_from_js_floats() {
        let v = json!({"n": 3.0, "m": 3.5, "big": 1e300});
        let o = Opts::open(&v, Path::root(), Keys::Snake, &["n", "m", "big"]).unwrap();
        assert_eq!(o.int("n", 0, 9, "0–9").unwrap(), Some(3));
        assert_eq!(o.int("m", 0, 9, "0–9").unwrap_err().code(), "INP-02");
        assert_eq!(o.int("big", 0, 9, "0–9").unwrap_err().code(), "INP-02");
        assert_eq!(whole("-12.000"), Some(-12));
        assert_eq!(whole("1e3"), None);
        assert_eq!(whole("99999999999999999999"), None);
    }
}
