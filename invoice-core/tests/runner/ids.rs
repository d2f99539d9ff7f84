//! Identifier ops (`ids*.json`): `uscc.*`, `org_code.*`, `ric.*`, `taxpayer_id.*`.
//!
//! Inputs are strings except `ric.validate_as_of` (`{value, as_of}`). Outputs: strings for
//! `compact`/`validate`/`validate_strict`/`format`/`to_18`, a one-character string for
//! `calc_check_digit`, a boolean for `is_valid`, the serialised parts for `parts`/`classify`,
//! and for `warnings` a list of `{code, severity, params}`.

use invoice_core::Error;
use invoice_core::ids::{Answer, Op, Scheme, resident_id};
use serde::Serialize;
use serde_json::{Value, json};

use super::str_arg;

fn to_json<T: Serialize>(r: Result<T, Error>) -> Result<Value, Error> {
    r.map(|v| serde_json::to_value(v).expect("serialisable"))
}

fn warnings_json(r: Result<Vec<Error>, Error>) -> Result<Value, Error> {
    r.map(|ws| {
        Value::Array(
            ws.iter()
                .map(|w| {
                    let params: serde_json::Map<String, Value> = w
                        .params()
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), json!(v)))
                        .collect();
                    json!({"code": w.code(), "severity": w.severity().as_str(), "params": params})
                })
                .collect(),
        )
    })
}

/// Every op goes through the one interface ([`Scheme::apply`]), so the vectors check it as
/// well as the modules it calls; `ric.validate_as_of` (a date argument) is the module's own.
pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    let (family, name) = op.split_once('.')?;
    if (family, name) == ("ric", "validate_as_of") {
        let as_of = str_arg(input, Some("as_of"))
            .parse()
            .expect("vector as_of must be YYYY-MM-DD");
        return Some(to_json(resident_id::validate_as_of(
            str_arg(input, Some("value")),
            as_of,
        )));
    }
    // Only the snake_case names are the vectors' names.
    let scheme = Scheme::ALL.into_iter().find(|s| s.name() == family)?;
    let op = Op::ALL.into_iter().find(|o| o.name() == name)?;
    Some(
        scheme
            .apply(op, str_arg(input, None))?
            .and_then(|answer| match answer {
                Answer::Findings(ws) => warnings_json(Ok(ws)),
                other => to_json(Ok(other)),
            }),
    )
}
