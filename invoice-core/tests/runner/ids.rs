//! Identifier ops (`ids*.json`): `uscc.*`, `org_code.*`, `ric.*`, `taxpayer_id.*`.
//!
//! Inputs are strings except `ric.validate_as_of` (`{value, as_of}`). Outputs: strings for
//! `compact`/`validate`/`validate_strict`/`format`/`to_18`, a one-character string for
//! `calc_check_digit`, a boolean for `is_valid`, the serialised parts for `parts`/`classify`,
//! and for `warnings` a list of `{code, severity, params}`.

use invoice_core::Error;
use invoice_core::ids::{org_code, resident_id, taxpayer_id, uscc};
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

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    let (family, name) = op.split_once('.')?;
    let s = || str_arg(input, None);
    Some(match (family, name) {
        ("uscc", "compact") => Ok(json!(uscc::compact(s()))),
        ("uscc", "validate") => to_json(uscc::validate(s())),
        ("uscc", "validate_strict") => to_json(uscc::validate_strict(s())),
        ("uscc", "is_valid") => Ok(json!(uscc::is_valid(s()))),
        ("uscc", "format") => to_json(uscc::format(s())),
        ("uscc", "calc_check_digit") => to_json(uscc::calc_check_digit(s())),
        ("uscc", "parts") => to_json(uscc::parts(s())),
        ("uscc", "warnings") => warnings_json(uscc::warnings(s())),

        ("org_code", "compact") => Ok(json!(org_code::compact(s()))),
        ("org_code", "validate") => to_json(org_code::validate(s())),
        ("org_code", "validate_strict") => to_json(org_code::validate_strict(s())),
        ("org_code", "is_valid") => Ok(json!(org_code::is_valid(s()))),
        ("org_code", "format") => to_json(org_code::format(s())),
        ("org_code", "calc_check_digit") => to_json(org_code::calc_check_digit(s())),
        ("org_code", "parts") => to_json(org_code::parts(s())),

        ("ric", "compact") => Ok(json!(resident_id::compact(s()))),
        ("ric", "validate") => to_json(resident_id::validate(s())),
        ("ric", "validate_strict") => to_json(resident_id::validate_strict(s())),
        ("ric", "is_valid") => Ok(json!(resident_id::is_valid(s()))),
        ("ric", "format") => to_json(resident_id::format(s())),
        ("ric", "calc_check_digit") => to_json(resident_id::calc_check_digit(s())),
        ("ric", "parts") => to_json(resident_id::parts(s())),
        ("ric", "to_18") => to_json(resident_id::to_18(s())),
        ("ric", "validate_as_of") => {
            let as_of = str_arg(input, Some("as_of"))
                .parse()
                .expect("vector as_of must be YYYY-MM-DD");
            to_json(resident_id::validate_as_of(
                str_arg(input, Some("value")),
                as_of,
            ))
        }

        ("taxpayer_id", "compact") => Ok(json!(taxpayer_id::compact(s()))),
        ("taxpayer_id", "validate") => to_json(taxpayer_id::validate(s())),
        ("taxpayer_id", "validate_strict") => to_json(taxpayer_id::validate_strict(s())),
        ("taxpayer_id", "is_valid") => Ok(json!(taxpayer_id::is_valid(s()))),
        ("taxpayer_id", "format") => to_json(taxpayer_id::format(s())),
        ("taxpayer_id", "classify") => to_json(taxpayer_id::classify(s())),
        ("taxpayer_id", "warnings") => warnings_json(taxpayer_id::warnings(s())),
        _ => return None,
    })
}
