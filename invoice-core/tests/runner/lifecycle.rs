//! Lifecycle ops: `lifecycle.run`, `lifecycle.table` (see `vectors/lifecycle.json` `ops`).

use invoice_core::error::{INP_JSON, INP_UNKNOWN_OPTION};
use invoice_core::lifecycle::{Lifecycle, Node, Step, table};
use invoice_core::money::Amount;
use invoice_core::number::Kind;
use invoice_core::{Error, Path};
use serde_json::{Value, json};

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "lifecycle.run" => run_events(input),
        "lifecycle.table" => table_rows(input),
        _ => return None,
    })
}

/// The summary `lifecycle.run` returns: the core's own [`Lifecycle::summary`].
pub fn summary(lc: &Lifecycle) -> Value {
    lc.summary()
}

/// Parses `{kind, amount, events}` into the core's types, with coded errors.
pub fn parse_input(input: &Value) -> Result<(Kind, Amount, Vec<Step>), Error> {
    let kind_name = input["kind"].as_str().unwrap_or("");
    let kind = Kind::from_name(kind_name).ok_or_else(|| {
        Error::new(INP_UNKNOWN_OPTION)
            .with("value", kind_name)
            .with("allowed", "a kind name such as digital_special")
            .at(Path::field("kind"))
    })?;
    let amount = match &input["amount"] {
        Value::String(s) => Amount::parse(s).map_err(|e| e.under(&Path::field("amount")))?,
        other => {
            return Err(Error::new(INP_JSON)
                .with(
                    "reason",
                    format!("amount must be a decimal string, got {other}"),
                )
                .at(Path::field("amount")));
        }
    };
    let events = input["events"].as_array().cloned().unwrap_or_default();
    let steps = events
        .iter()
        .enumerate()
        .map(|(i, v)| Step::from_json(v).map_err(|e| e.under(&Path::field("events").index(i))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((kind, amount, steps))
}

fn run_events(input: &Value) -> Result<Value, Error> {
    let (kind, amount, steps) = parse_input(input)?;
    let mut lc = Lifecycle::replay(kind, amount, steps)?;
    if let Some(now) = input.get("expire_overdue_at") {
        // The core's date-time reader, the one every binding calls.
        let now = invoice_core::dates::read_date_time(super::str_arg(now, None))
            .map_err(|e| e.at(Path::field("expire_overdue_at")))?;
        lc.expire_overdue(now)
            .map_err(|e| e.under(&Path::field("expire_overdue_at")))?;
    }
    Ok(summary(&lc))
}

/// `{from: {"seller": "issued"} | null}` → the table rows leaving that state.
fn table_rows(input: &Value) -> Result<Value, Error> {
    let from: Option<Node> = serde_json::from_value(input["from"].clone()).map_err(|e| {
        Error::new(INP_JSON)
            .with("reason", e)
            .at(Path::field("from"))
    })?;
    let rows: Vec<Value> = table::TABLE
        .iter()
        .filter(|r| r.from == from)
        .map(|r| {
            let guards: Vec<&str> = r.guards.iter().map(|g| g.name()).collect();
            json!({"event": r.event.name(), "to": r.to, "guards": guards})
        })
        .collect();
    Ok(Value::Array(rows))
}
