//! File-reading ops: `read.summary` (input: the file as text, or `{"base64": …}` for binary
//! containers; output: [`invoice_core::read::Reading::summary`]).

use base64::Engine;
use invoice_core::Error;
use serde_json::Value;

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
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
