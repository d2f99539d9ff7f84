//! The Rust runner of the shared corpus: loads every vector file, expands generated inputs,
//! dispatches each case's `op` to the area that knows it, and compares the outcome.
//!
//! Each area's ops live in their own file (`ids.rs`, `words.rs`, …) as
//! `pub fn run(op, input) -> Option<Result<Value, Error>>`; `None` means "not my op". An op that
//! no area knows fails the case, so a vector can never be skipped silently.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use invoice_core::Error;
use serde_json::Value;

pub mod find;
pub mod ids;
pub mod lifecycle;
pub mod model;
pub mod money;
pub mod number;
pub mod read;
pub mod stats;
pub mod tax;
pub mod validate;
pub mod verify;
pub mod words;

/// An area's dispatcher.
pub type Area = fn(&str, &Value) -> Option<Result<Value, Error>>;

const AREAS: &[Area] = &[
    money::run,
    ids::run,
    number::run,
    words::run,
    model::run,
    tax::run,
    validate::run,
    lifecycle::run,
    verify::run,
    stats::run,
    find::run,
    read::run,
];

/// Totals of one run.
pub struct Outcome {
    pub files: usize,
    pub passed: usize,
    pub failures: Vec<String>,
    /// Every error code seen in an expectation (for the catalogue coverage check).
    pub codes_seen: Vec<String>,
}

pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("vectors dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

/// Expands generated inputs: `{"$repeat": "9", "times": 1000}` becomes a string of 1000 "9"s;
/// `{"$repeat_item": X, "times": 3}` becomes a list of three copies of X.
pub fn expand(v: &Value) -> Value {
    match v {
        Value::Object(m) if m.contains_key("$repeat_item") => {
            let times = m.get("times").and_then(Value::as_u64).unwrap_or(1) as usize;
            Value::Array(vec![expand(&m["$repeat_item"]); times])
        }
        Value::Object(m) if m.contains_key("$repeat") => {
            let unit = m["$repeat"].as_str().unwrap_or("");
            let times = m.get("times").and_then(Value::as_u64).unwrap_or(1) as usize;
            Value::String(unit.repeat(times))
        }
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), expand(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(expand).collect()),
        other => other.clone(),
    }
}

/// Host text, the way a binding reads it: `{"$utf16": [units]}` is a string given as UTF-16 code
/// units, and `{"$entries": [[key, value], …]}` an object whose keys may be such strings. A JS or
/// Python runner builds its native (possibly ill-formed) string; a Rust `String` cannot hold a
/// lone surrogate, so here the units go through the core's own conversion of host text,
/// [`invoice_core::error::input::text_from_utf16`], which every binding uses, and an ill-formed
/// one is that `INP-07` at the string's path in the input (the object's for a key), as the
/// bindings' walkers report it. Vectors use these markers only where the input is the API
/// argument itself (so a path in the input is the path the binding reports).
pub fn host(v: &Value, at: &invoice_core::Path) -> Result<Value, Error> {
    use invoice_core::error::input::text_from_utf16;
    let text = |units: &Value, at: &invoice_core::Path| -> Result<String, Error> {
        let units: Vec<u16> = units
            .as_array()
            .expect("$utf16 is a list of code units")
            .iter()
            .map(|u| u16::try_from(u.as_u64().expect("a code unit")).expect("a 16-bit code unit"))
            .collect();
        text_from_utf16(&units).map_err(|e| e.at(at.clone()))
    };
    match v {
        Value::Object(m) if m.contains_key("$utf16") => text(&m["$utf16"], at).map(Value::String),
        Value::Object(m) if m.contains_key("$entries") => {
            let mut out = serde_json::Map::new();
            for pair in m["$entries"]
                .as_array()
                .expect("$entries is a list of pairs")
            {
                let (k, x) = (&pair[0], &pair[1]);
                let key = match k {
                    Value::String(s) => s.clone(),
                    other => text(&other["$utf16"], at)?,
                };
                let value = host(x, &at.clone().key(key.clone()))?;
                out.insert(key, value);
            }
            Ok(Value::Object(out))
        }
        Value::Object(m) => m
            .iter()
            .map(|(k, x)| Ok((k.clone(), host(x, &at.clone().key(k.clone()))?)))
            .collect::<Result<_, Error>>()
            .map(Value::Object),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, x)| host(x, &at.clone().index(i)))
            .collect::<Result<_, Error>>()
            .map(Value::Array),
        other => Ok(other.clone()),
    }
}

/// Dispatches one op.
pub fn dispatch(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    AREAS.iter().find_map(|area| area(op, input))
}

fn collect_codes(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(c)) = m.get("code") {
                out.push(c.clone());
            }
            for x in m.values() {
                collect_codes(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_codes(x, out)),
        _ => {}
    }
}

pub fn run_all() -> Outcome {
    let mut files = Vec::new();
    json_files(&vectors_dir(), &mut files);
    let mut outcome = Outcome {
        files: 0,
        passed: 0,
        failures: Vec::new(),
        codes_seen: Vec::new(),
    };
    for file in files {
        let name = file
            .strip_prefix(vectors_dir())
            .unwrap_or(&file)
            .display()
            .to_string();
        let text = std::fs::read_to_string(&file).expect("read vector file");
        let doc: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                outcome.failures.push(format!("{name}: not JSON: {e}"));
                continue;
            }
        };
        outcome.files += 1;
        if doc
            .get("sources")
            .and_then(Value::as_array)
            .is_none_or(|s| s.is_empty())
        {
            outcome.failures.push(format!("{name}: names no sources"));
        }
        let Some(cases) = doc.get("cases").and_then(Value::as_array) else {
            outcome.failures.push(format!("{name}: no cases array"));
            continue;
        };
        for case in cases {
            collect_codes(
                case.get("error").unwrap_or(&Value::Null),
                &mut outcome.codes_seen,
            );
            collect_codes(
                case.get("expected").unwrap_or(&Value::Null),
                &mut outcome.codes_seen,
            );
            match run_case(case) {
                Ok(()) => outcome.passed += 1,
                Err(msg) => {
                    let id = case.get("id").and_then(Value::as_str).unwrap_or("?");
                    outcome.failures.push(format!("{name} [{id}]: {msg}"));
                }
            }
        }
    }
    outcome
}

fn run_case(case: &Value) -> Result<(), String> {
    let op = case
        .get("op")
        .and_then(Value::as_str)
        .ok_or("case has no op")?;
    let input = expand(case.get("input").unwrap_or(&Value::Null));
    let got = match host(&input, &invoice_core::Path::root()) {
        Ok(input) => dispatch(op, &input).ok_or_else(|| format!("unknown op {op}"))?,
        // Ill-formed host text: the conversion refuses it before any op runs, except that an
        // identifier's `is_valid` never throws (every binding answers false for any input that
        // is no identifier text).
        Err(_) if op.ends_with(".is_valid") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    };
    match (case.get("expected"), case.get("error"), got) {
        (Some(exp), None, Ok(v)) => {
            if &v == exp {
                Ok(())
            } else {
                Err(format!("expected {exp}, got {v}"))
            }
        }
        (Some(exp), None, Err(e)) => Err(format!("expected {exp}, got error {e}")),
        (None, Some(err), Err(e)) => {
            let code = err.get("code").and_then(Value::as_str).unwrap_or("");
            if e.code() != code {
                return Err(format!("expected error {code}, got {e}"));
            }
            if let Some(path) = err.get("path").and_then(Value::as_str)
                && e.path().to_string() != path
            {
                return Err(format!("expected path {path:?}, got {e}"));
            }
            if let Some(m) = err.get("message").and_then(Value::as_str)
                && e.message() != m
            {
                return Err(format!("expected message {m:?}, got {:?}", e.message()));
            }
            if let Some(m) = err.get("message_zh").and_then(Value::as_str)
                && e.message_zh() != m
            {
                return Err(format!(
                    "expected message_zh {m:?}, got {:?}",
                    e.message_zh()
                ));
            }
            Ok(())
        }
        (None, Some(err), Ok(v)) => Err(format!("expected error {err}, got {v}")),
        _ => Err("case needs exactly one of expected / error".into()),
    }
}

/// Reads a string input or fails the case with a message (a vector-format bug, not a finding).
pub fn str_arg<'a>(input: &'a Value, key: Option<&str>) -> &'a str {
    let v = match key {
        Some(k) => &input[k],
        None => input,
    };
    v.as_str()
        .unwrap_or_else(|| panic!("vector input {key:?} must be a string: {input}"))
}
