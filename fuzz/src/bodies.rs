//! The bodies of the fuzz targets: one plain function per target, taking the fuzzer's bytes.
//!
//! Each body feeds the bytes to a parser of invoice-core and checks what must hold for every
//! input: no panic, errors with a code, and the round trip of whatever parsed (written → read →
//! written gives the same value). The cargo-fuzz targets in `fuzz_targets/` call these under
//! libFuzzer (nightly); `invoice-core/tests/fuzz_smoke.rs` includes this file and drives every
//! body over seeds taken from the shared vectors plus seeded mutations on the stable toolchain,
//! so CI exercises the targets without nightly. A body panics (with the input in the message)
//! when a property fails: that is what both drivers catch. (The `read` feature, on by default,
//! brings the file reader's target.)

use chrono::NaiveDate;
use invoice_core::find::diagnose::diagnose;
use invoice_core::find::normalise::normalise;
use invoice_core::find::{Lookup, RawQuery};
use invoice_core::ids::{org_code, resident_id, taxpayer_id, uscc};
use invoice_core::lifecycle::{Lifecycle, Step};
use invoice_core::model::{Invoice, JsonDoc};
use invoice_core::money::{Amount, Price, Quantity, TaxRate};
use invoice_core::number::{InvoiceCode, InvoiceNumber, Kind, pad_number};
use invoice_core::validate::{Context, validate};
use invoice_core::verify::{duplicates, qr};
use invoice_core::words::{self, Mode, NegativeLabel, Options, Style, WholeMark, Zeros};
use serde_json::Value;

/// A target's body.
pub type Body = fn(&[u8]);

/// Every target by name, in the order the README lists them.
pub const TARGETS: &[(&str, Body)] = &[
    ("words_read", words_read),
    ("words_write", words_write),
    ("money", money),
    ("ids", ids),
    ("codes", codes),
    ("qr", qr_text),
    ("invoice_json", invoice_json),
    ("json_doc", json_doc),
    ("lifecycle", lifecycle),
    ("find", find),
    ("read", read_file),
];

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Every error carries a code of the catalogue.
fn coded(e: &invoice_core::Error, input: &str) {
    assert!(e.code().contains('-'), "uncoded error {e} for {input:?}");
}

/// 大写 → amount in both modes: the lenient reader accepts whatever the strict one does, with
/// the same amount; an amount read writes back in the invoice style and reads again to itself
/// with no deviation.
pub fn words_read(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let strict = words::read_words(s, Mode::Strict);
    let lenient = words::read_words(s, Mode::Lenient);
    match (&strict, &lenient) {
        (Ok(a), Ok(b)) => assert_eq!(a.amount, b.amount, "modes disagree on {s:?}"),
        (Ok(a), Err(e)) => panic!("strict read {s:?} as {} but lenient refused: {e}", a.amount),
        (Err(e), _) => coded(e, s),
    }
    if let Err(e) = &lenient {
        coded(e, s);
    }
    if let Ok(r) = lenient {
        let w = words::to_words(r.amount, Style::Invoice);
        let back = words::read_words(&w, Mode::Strict)
            .unwrap_or_else(|e| panic!("{w:?} (from {s:?}) does not read back: {e}"));
        assert_eq!(back.amount, r.amount, "{s:?} -> {w:?}");
        assert!(back.deviations.is_empty(), "{w:?}: {:?}", back.deviations);
    }
}

/// Amount → 大写 under options from the first byte → amount, in both modes.
pub fn words_write(data: &[u8]) {
    let Some((&b, rest)) = data.split_first() else {
        return;
    };
    let Some(s) = text(rest) else { return };
    let Ok(a) = Amount::parse(s) else { return };
    let style = [Style::Invoice, Style::Accounting, Style::Pboc][usize::from(b % 3)];
    let opts = Options {
        rmb_prefix: b & 4 != 0,
        whole: if b & 8 != 0 {
            WholeMark::Exact
        } else {
            WholeMark::Zheng
        },
        negative: [
            NegativeLabel::FullWidth,
            NegativeLabel::HalfWidth,
            NegativeLabel::Short,
        ][usize::from(b >> 4) % 3],
        zeros: [Zeros::All, Zeros::One, Zeros::None][usize::from(b >> 6) % 3],
        ..style.options()
    };
    let w = words::to_words_with(a, &opts);
    for mode in [Mode::Strict, Mode::Lenient] {
        let r = words::read_words(&w, mode)
            .unwrap_or_else(|e| panic!("{w:?} ({a}, {opts:?}) does not read in {mode:?}: {e}"));
        assert_eq!(r.amount, a, "{w:?}");
    }
}

/// Money parsers: whatever parses prints to text that parses to the same value.
pub fn money(data: &[u8]) {
    let Some(s) = text(data) else { return };
    match Amount::parse(s) {
        Ok(a) => assert_eq!(Amount::parse(&a.to_string()), Ok(a), "{s:?}"),
        Err(e) => coded(&e, s),
    }
    if let Ok(p) = Price::parse(s) {
        assert_eq!(Price::parse(&p.to_string()), Ok(p), "{s:?}");
    }
    if let Ok(q) = Quantity::parse(s) {
        assert_eq!(Quantity::parse(&q.to_string()), Ok(q), "{s:?}");
    }
    if let Ok(r) = TaxRate::parse(s) {
        assert_eq!(TaxRate::parse(&r.to_string()), Ok(r), "{s:?}");
    }
}

/// Identifiers: a valid value's compact form is valid and a fixed point; a 15-digit resident
/// id upgrades to a valid 18-character one.
pub fn ids(data: &[u8]) {
    let Some(s) = text(data) else { return };
    type Family = (
        fn(&str) -> Result<String, invoice_core::Error>,
        fn(&str) -> String,
    );
    let families: [Family; 4] = [
        (uscc::validate, uscc::compact),
        (org_code::validate, org_code::compact),
        (resident_id::validate, resident_id::compact),
        (taxpayer_id::validate, taxpayer_id::compact),
    ];
    for (validate, compact) in families {
        let c = compact(s);
        assert_eq!(compact(&c), c, "compact is not idempotent on {s:?}");
        match validate(s) {
            Ok(v) => assert_eq!(validate(&v), Ok(v.clone()), "{s:?}"),
            Err(e) => coded(&e, s),
        }
    }
    if let Ok(new) = resident_id::to_18(s) {
        assert_eq!(resident_id::validate(&new), Ok(new.clone()), "to_18({s:?})");
    }
    let _ = taxpayer_id::warnings(s);
    let _ = uscc::parts(s);
}

/// Invoice codes and numbers: what parses keeps its digits; padding and keys never panic.
pub fn codes(data: &[u8]) {
    let Some(s) = text(data) else { return };
    if let Err(e) = InvoiceCode::parse(s) {
        coded(&e, s);
    }
    if let Err(e) = InvoiceNumber::parse(s) {
        coded(&e, s);
    }
    if let Ok(p) = pad_number(s) {
        assert_eq!(pad_number(&p), Ok(p.clone()), "{s:?}");
    }
    let _ = duplicates::key_of_number(s);
    let _ = invoice_core::number::kind_from_code(s);
}

/// QR payloads of every layout: parsing never panics and fails with a code.
pub fn qr_text(data: &[u8]) {
    let Some(s) = text(data) else { return };
    if let Err(e) = qr::parse(s) {
        coded(&e, s);
    }
    let _ = qr::parse_invoice(s);
    let _ = duplicates::key_of_qr(s);
}

/// Invoice JSON: what reads writes back to JSON that reads to the same invoice; validation of
/// it never panics.
pub fn invoice_json(data: &[u8]) {
    let Some(s) = text(data) else { return };
    match Invoice::from_json(s) {
        Ok(inv) => {
            let json = inv.to_json();
            let back = Invoice::from_json(&json)
                .unwrap_or_else(|e| panic!("{json} (from {s:?}) does not read back: {e}"));
            assert_eq!(back, inv, "{s:?}");
            assert_eq!(back.to_json(), json);
            let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
            let _ = validate(&inv, &Context::new(as_of));
        }
        Err(e) => coded(&e, s),
    }
}

/// The borrowed JSON document (the JavaScript route's reader of every argument) against
/// serde_json: the same texts are JSON (but for `\uD800`-style escapes, which the document keeps
/// as a finding at the string and serde_json refuses), every refusal is coded, and an invoice read
/// through the document is the invoice read through serde_json's `Value`, or has the same
/// findings at the same paths (compared as sets: the document keeps the text's key order, and a
/// repeated unknown key is one finding per occurrence; numbers only where both hold the same
/// number, since serde_json turns integers beyond 64 bits into floats).
pub fn json_doc(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let doc = JsonDoc::parse(s);
    let value = serde_json::from_str::<Value>(s);
    let surrogate_escape = s.to_ascii_lowercase().contains("\\ud");
    match (&doc, &value) {
        (Err(e), _) => coded(e, s),
        (Ok(_), Err(e)) if !surrogate_escape => {
            // serde_json stops at 128 levels (the document's own limit is INP-06) and refuses a
            // number beyond a double's range, which the document keeps as its text (JSON's
            // grammar sets no range).
            let said = e.to_string();
            if !said.contains("recursion limit") && !said.contains("number out of range") {
                panic!("the document read {s:?}, serde_json refused it: {e}");
            }
        }
        _ => {}
    }
    let (Ok(doc), Ok(value)) = (doc, value) else {
        return;
    };
    let by_doc = Invoice::from_source_all(doc.root());
    if surrogate_escape || has_float(&value) {
        if let Err(errors) = &by_doc {
            errors.iter().for_each(|e| coded(e, s));
        }
        return;
    }
    let by_value = Invoice::from_source_all(&value);
    let found =
        |r: &Result<Invoice, Vec<invoice_core::Error>>| -> std::collections::BTreeSet<String> {
            match r {
                Ok(_) => std::collections::BTreeSet::new(),
                Err(errors) => errors
                    .iter()
                    .map(|e| {
                        coded(e, s);
                        format!("{} at {}", e.code(), e.path())
                    })
                    .collect(),
            }
        };
    match (&by_doc, &by_value) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the two readings of {s:?} differ"),
        _ => assert_eq!(
            found(&by_doc),
            found(&by_value),
            "the findings for {s:?} differ"
        ),
    }
}

/// Whether `v` holds a number serde_json keeps as a float.
fn has_float(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.is_f64(),
        Value::Array(items) => items.iter().any(has_float),
        Value::Object(m) => m.values().any(has_float),
        _ => false,
    }
}

/// Lifecycle steps and replay: `{kind, amount, events}`; a lifecycle that replays rebuilds to
/// the same summary from its own history.
pub fn lifecycle(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let Ok(v) = serde_json::from_str::<Value>(s) else {
        return;
    };
    let Some(kind) = v["kind"].as_str().and_then(Kind::from_name) else {
        return;
    };
    let Some(Ok(amount)) = v["amount"].as_str().map(Amount::parse) else {
        return;
    };
    let Some(events) = v["events"].as_array() else {
        return;
    };
    let mut steps = Vec::new();
    for e in events {
        match Step::from_json(e) {
            Ok(step) => steps.push(step),
            Err(err) => return coded(&err, s),
        }
    }
    match Lifecycle::replay(kind, amount, steps) {
        Ok(lc) => {
            let again =
                Lifecycle::replay(kind, amount, lc.history().iter().map(|h| h.step.clone()))
                    .unwrap_or_else(|e| panic!("the history of {s:?} does not replay: {e}"));
            assert_eq!(again.summary(), lc.summary(), "{s:?}");
        }
        Err(e) => coded(&e, s),
    }
}

/// Finding: a typed query normalised, and a lookup diagnosed, from JSON objects.
pub fn find(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let Ok(v) = serde_json::from_str::<Value>(s) else {
        return;
    };
    if let Ok(raw) = RawQuery::from_value(&v) {
        let n = normalise(&raw);
        for e in &n.errors {
            coded(e, s);
        }
    }
    if let Ok(lookup) = Lookup::from_value(&v) {
        let _ = diagnose(&lookup);
    }
}

/// The file reader (`invoice_core::read`): any bytes give a reading or one coded error.
pub fn read_file(data: &[u8]) {
    #[cfg(feature = "read")]
    if let Err(e) = invoice_core::read::read(data) {
        assert!(e.code().contains('-'), "uncoded error {e}");
    }
    #[cfg(not(feature = "read"))]
    let _ = data;
}
