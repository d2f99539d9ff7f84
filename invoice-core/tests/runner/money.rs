//! Money ops: `money.amount`, `money.price`, `money.quantity`, `money.rate`, `money.round`.

use invoice_core::Error;
use invoice_core::money::{self, Amount, Price, Quantity, TaxRate};
use serde_json::{Value, json};

use super::str_arg;

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "money.amount" => Amount::parse(str_arg(input, None)).map(|a| json!(a.to_string())),
        "money.price" => Price::parse(str_arg(input, None)).map(|a| json!(a.to_string())),
        "money.quantity" => Quantity::parse(str_arg(input, None)).map(|a| json!(a.to_string())),
        "money.rate" => TaxRate::parse(str_arg(input, None))
            .map(|r| json!({"fraction": r.to_string(), "percent": r.percent()})),
        "money.round" => {
            let dp = input["places"].as_u64().expect("places") as u32;
            money::parse_decimal_wide(str_arg(input, Some("value")))
                .map(|d| json!(money::round_half_up(d, dp).to_string()))
        }
        _ => return None,
    })
}
