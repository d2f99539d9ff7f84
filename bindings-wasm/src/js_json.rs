//! A small reader for the JSON text `js/json-text.js` writes (`JSON.stringify` with a replacer
//! that lets through only plain objects, arrays, strings, booleans, null and safe integers).
//!
//! serde_json's text parser is about 17 KB of this module; this reader is a few hundred lines of
//! machine code because it needs to read only that subset. Anything else (a fraction, an
//! exponent, a lone surrogate, nesting deeper than serde_json's limit) is `None`, and the caller
//! then walks the JS value itself, so an answer never depends on which reader ran: for every text
//! it accepts it builds the same `Value` serde_json would (checked by the JS suites, which
//! compare the text route with the walker on the whole corpus and on every junk input).

use serde_json::{Map, Number, Value};

/// serde_json's own recursion limit: deeper text is refused the same way.
const MAX_NESTING: usize = 128;

/// The value of `text`, or `None` when it is not in the subset.
pub(crate) fn read(text: &str) -> Option<Value> {
    let mut r = Reader {
        b: text.as_bytes(),
        i: 0,
    };
    let v = r.value(0)?;
    r.ws();
    (r.i == r.b.len()).then_some(v)
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &[u8]) -> Option<()> {
        let end = self.i.checked_add(lit.len())?;
        (self.b.get(self.i..end)? == lit).then(|| self.i = end)
    }

    /// Steps over an opening bracket at `depth`: `None` past the nesting limit, else whether
    /// the container is empty (its `close` follows at once and is consumed).
    fn open(&mut self, depth: usize, close: &[u8]) -> Option<bool> {
        if depth >= MAX_NESTING {
            return None;
        }
        self.i += 1;
        self.ws();
        Some(self.eat(close).is_some())
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.ws();
        match *self.b.get(self.i)? {
            b'n' => self.eat(b"null").map(|()| Value::Null),
            b't' => self.eat(b"true").map(|()| Value::Bool(true)),
            b'f' => self.eat(b"false").map(|()| Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => {
                let mut items = Vec::new();
                if self.open(depth, b"]")? {
                    return Some(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b",").is_none() {
                        self.eat(b"]")?;
                        return Some(Value::Array(items));
                    }
                }
            }
            b'{' => {
                let mut map = Map::new();
                if self.open(depth, b"}")? {
                    return Some(Value::Object(map));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    self.eat(b":")?;
                    let v = self.value(depth + 1)?;
                    map.insert(key, v); // a repeated key keeps the last value, as serde_json does
                    self.ws();
                    if self.eat(b",").is_none() {
                        self.eat(b"}")?;
                        return Some(Value::Object(map));
                    }
                }
            }
            b'-' | b'0'..=b'9' => self.integer(),
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)` with no fraction or exponent, within i64 (the writer sends only safe
    /// integers; anything else goes to the walker).
    fn integer(&mut self) -> Option<Value> {
        let start = self.i;
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let digits = self.i;
        while matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        let n = self.i - digits;
        if n == 0 || (n > 1 && self.b[digits] == b'0') {
            return None;
        }
        if matches!(self.b.get(self.i), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).ok()?;
        // Unsigned when non-negative, as serde_json stores it (`-0` is not a safe-integer text).
        if text.starts_with('-') {
            text.parse::<i64>()
                .ok()
                .map(|v| Value::Number(Number::from(v)))
        } else {
            text.parse::<u64>()
                .ok()
                .map(|v| Value::Number(Number::from(v)))
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.i.checked_add(4)?;
        let s = std::str::from_utf8(self.b.get(self.i..end)?).ok()?;
        if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.i = end;
        u32::from_str_radix(s, 16).ok()
    }

    /// A string starting at the opening quote. Raw control characters and lone surrogates are
    /// refused, as serde_json refuses them.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a `&str`, and the run stops only at ASCII bytes: valid UTF-8.
            out.push_str(std::str::from_utf8(&self.b[run..self.i]).ok()?);
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.i += 1;
                    let esc = *self.b.get(self.i)?;
                    self.i += 1;
                    let c = match esc {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            match hi {
                                0xD800..=0xDBFF => {
                                    self.eat(b"\\u")?;
                                    let lo = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&lo) {
                                        return None;
                                    }
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                                }
                                0xDC00..=0xDFFF => return None,
                                _ => char::from_u32(hi)?,
                            }
                        }
                        _ => return None,
                    };
                    out.push(c);
                }
                _ => return None, // a raw control character
            }
        }
    }
}
