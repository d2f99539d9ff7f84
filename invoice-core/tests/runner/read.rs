//! File-reading ops: `read.summary` (input: the file as text, or `{"base64": …}` for binary
//! containers; output: [`invoice_core::read::Reading::summary`]) and `read.many` (input:
//! `[{name, text | base64}]`; output: `{copy_of, errors}`, see `vectors/text.json`).

use base64::Engine;
use invoice_core::Error;
use serde_json::Value;

fn bytes_of(v: &Value) -> Vec<u8> {
    match v.get("text") {
        Some(t) => super::str_arg(t, None).as_bytes().to_vec(),
        None => base64::engine::general_purpose::STANDARD
            .decode(super::str_arg(v, Some("base64")))
            .expect("vector base64"),
    }
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "read.many" => {
            let files: Vec<(String, Vec<u8>)> = input
                .as_array()
                .expect("read.many input is a list")
                .iter()
                .map(|f| (super::str_arg(f, Some("name")).to_string(), bytes_of(f)))
                .collect();
            let batch = invoice_core::read::read_many(&files);
            let errors: Vec<Value> = batch
                .files
                .iter()
                .map(|f| f.error.as_ref().map_or(Value::Null, |e| e.code().into()))
                .collect();
            Ok(serde_json::json!({"copy_of": batch.copy_of(), "errors": errors}))
        }
        "read.summary" => {
            let bytes = match input {
                Value::String(s) => s.clone().into_bytes(),
                v => base64::engine::general_purpose::STANDARD
                    .decode(super::str_arg(v, Some("base64")))
                    .expect("vector base64"),
            };
            invoice_core::read::read(&bytes).map(|r| r.summary())
        }
        _ => return None,
    })
}
