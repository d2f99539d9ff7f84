//! Ops of this area (none yet).

use invoice_core::Error;
use serde_json::Value;

pub fn run(_op: &str, _input: &Value) -> Option<Result<Value, Error>> {
    None
}
