//! Words ops (大写金额): `words.to_words`, `words.to_amount`, `words.read`, `words.matches`.

use std::str::FromStr;

use invoice_core::Error;
use invoice_core::money::{Amount, MNY_SYNTAX};
use invoice_core::words::{self, Excess, Mode, Options, Style};
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

/// An optional string option read with the core's own `FromStr` (unknown names give `INP-05`).
fn opt<T: FromStr<Err = Error>>(input: &Value, key: &str) -> Result<Option<T>, Error> {
    input
        .get(key)
        .and_then(Value::as_str)
        .map(T::from_str)
        .transpose()
}

fn to_words(input: &Value) -> Result<String, Error> {
    let style: Style = opt(input, "style")?.unwrap_or_default();
    let mut options: Options = style.options();
    if let Some(b) = input.get("rmb_prefix").and_then(Value::as_bool) {
        options.rmb_prefix = b;
    }
    if let Some(w) = opt(input, "zheng")? {
        options.whole = w;
    }
    if let Some(n) = opt(input, "negative")? {
        options.negative = n;
    }
    if let Some(z) = opt(input, "zeros")? {
        options.zeros = z;
    }
    let amount = str_arg(input, Some("amount"));
    match opt::<Excess>(input, "excess")? {
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
    let mode: Mode = opt(input, "mode")?.unwrap_or_default();
    let r = words::read_words(str_arg(input, Some("words")), mode)?;
    let deviations: Vec<Value> = r
        .deviations
        .iter()
        .map(|d| json!({"kind": d.kind.as_str(), "position": d.position, "found": d.found}))
        .collect();
    Ok(json!({"amount": r.amount.to_string(), "deviations": deviations}))
}
