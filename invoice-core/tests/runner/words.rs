//! Words ops (大写金额): `words.to_words`, `words.to_amount`, `words.read`, `words.matches`.

use std::str::FromStr;

use invoice_core::Path;
use invoice_core::options::Keys;

use invoice_core::Error;
use invoice_core::money::{Amount, MNY_SYNTAX};
use invoice_core::words::{self, Excess, Mode, Options};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::str_arg;

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "words.to_words" => to_words(input).map(Value::String),
        "words.to_amount" => words::parse_words(str_arg(input, None)).map(|a| json!(a.to_string())),
        "words.read" => read(input),
        "words.matches" => Amount::parse(str_arg(input, Some("amount")))
            .map(|a| json!(words::matches(str_arg(input, Some("words")), a))),
        _ => return None,
    })
}

/// The options of a `words.to_words` case read by the core's one reader (`words::read_options`,
/// snake_case keys). The vectors name the 整/正 option as JavaScript does (`zheng`); its Rust and
/// Python name is `whole`, so the key is renamed going in and the error path coming out, as the
/// JS runner renames camelCase paths.
fn options(input: &Value) -> Result<(Options, Option<Excess>), Error> {
    let mut o = input.as_object().cloned().unwrap_or_default();
    o.remove("amount");
    if let Some(z) = o.remove("zheng") {
        o.insert("whole".into(), z);
    }
    words::read_options(&Value::Object(o), Keys::Snake).map_err(|e| {
        if e.path().to_string() == "whole" {
            e.at(Path::field("zheng"))
        } else {
            e
        }
    })
}

fn to_words(input: &Value) -> Result<String, Error> {
    let (options, excess) = options(input)?;
    let amount = str_arg(input, Some("amount"));
    match excess {
        None => Amount::parse(amount).map(|a| words::to_words_with(a, &options)),
        Some(excess) => {
            // Any decimal the host language can hold; text that is not one is MNY-01, as
            // Amount::parse says it.
            let d = Decimal::from_str(amount).map_err(|_| {
                Error::new(MNY_SYNTAX).with("value", amount.chars().take(40).collect::<String>())
            })?;
            words::decimal_to_words(d, excess, &options)
        }
    }
}

/// `words.read`: `{words, mode?}` → `{amount, deviations: [{kind, position, found}]}`.
fn read(input: &Value) -> Result<Value, Error> {
    let mode: Mode = input
        .get("mode")
        .and_then(Value::as_str)
        .map(Mode::from_str)
        .transpose()?
        .unwrap_or_default();
    let r = words::read_words(str_arg(input, Some("words")), mode)?;
    let deviations: Vec<Value> = r
        .deviations
        .iter()
        .map(|d| json!({"kind": d.kind.as_str(), "position": d.position, "found": d.found}))
        .collect();
    Ok(json!({"amount": r.amount.to_string(), "deviations": deviations}))
}
