//! Number ops: `invoice_code.parse`, `invoice_number.parse`, `invoice_number.pad`,
//! `kind.from_qr`, `kind.from_verify`, `kind.from_tax_control`, `kind.facts`, `kind.from_code`,
//! `kind.refine_qr`, `kind.check_qr` (shapes documented in `vectors/number.json`'s `ops`).

use invoice_core::Error;
use invoice_core::number::{
    CodeOptions, InvoiceCode, InvoiceNumber, Kind, NumberOptions, check_qr_kind, kind_from_code,
    pad_number, refine_qr_kind,
};
use serde_json::{Value, json};

use super::str_arg;

fn opt_year(input: &Value, key: &str) -> Option<i32> {
    input
        .get(key)
        .and_then(Value::as_i64)
        .map(|y| i32::try_from(y).expect("vector year fits i32"))
}

fn kind_name(k: Option<Kind>) -> Value {
    k.map_or(Value::Null, |k| json!(k.name()))
}

fn code_parse(input: &Value) -> Result<Value, Error> {
    let (code, opts) = if input.is_string() {
        (str_arg(input, None), CodeOptions::default())
    } else {
        let mut opts = CodeOptions {
            max_year: opt_year(input, "max_year"),
            ..CodeOptions::default()
        };
        if let Some(y) = opt_year(input, "min_year_10") {
            opts.min_year_10 = y;
        }
        if let Some(y) = opt_year(input, "min_year_12") {
            opts.min_year_12 = y;
        }
        (str_arg(input, Some("code")), opts)
    };
    InvoiceCode::parse_with(code, &opts).map(|c| serde_json::to_value(c).expect("serialise"))
}

fn number_parse(input: &Value) -> Result<Value, Error> {
    let (number, opts) = if input.is_string() {
        (str_arg(input, None), NumberOptions::default())
    } else {
        let mut opts = NumberOptions {
            max_year: opt_year(input, "max_year"),
            ..NumberOptions::default()
        };
        if let Some(y) = opt_year(input, "min_year") {
            opts.min_year = y;
        }
        (str_arg(input, Some("number")), opts)
    };
    InvoiceNumber::parse_with(number, &opts).map(|n| serde_json::to_value(n).expect("serialise"))
}

fn qr_and_code(input: &Value) -> Result<(Kind, InvoiceCode), Error> {
    let kind = Kind::parse_name(str_arg(input, Some("qr_kind")))?;
    let code = InvoiceCode::parse(str_arg(input, Some("code")))?;
    Ok((kind, code))
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "invoice_code.parse" => code_parse(input),
        "invoice_number.parse" => number_parse(input),
        "invoice_number.pad" => pad_number(str_arg(input, None)).map(|s| json!(s)),
        "kind.from_qr" => Ok(kind_name(Kind::from_qr_code(str_arg(input, None)))),
        "kind.from_verify" => Ok(kind_name(Kind::from_verify_code(str_arg(input, None)))),
        "kind.from_tax_control" => Ok(kind_name(Kind::from_tax_control_code(str_arg(input, None)))),
        "kind.facts" => Kind::parse_name(str_arg(input, None))
            .map(|k| serde_json::to_value(k.info()).expect("serialise")),
        "kind.from_code" => Ok(kind_name(kind_from_code(str_arg(input, None)))),
        "kind.refine_qr" => qr_and_code(input).map(|(k, c)| json!(refine_qr_kind(k, &c).name())),
        "kind.check_qr" => {
            qr_and_code(input).and_then(|(k, c)| check_qr_kind(k, &c).map(|k| json!(k.name())))
        }
        _ => return None,
    })
}
