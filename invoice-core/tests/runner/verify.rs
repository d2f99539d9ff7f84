//! Verify ops: `check_code.generate`, `check_code.verify`, `check_code.message`,
//! `check_code.last6`, `check_code.last5`, `qr.parse`, `qr.build`, `verify.query`,
//! `verify.precheck`, `verify.match`, `dedupe.key`, `dedupe.find` (shapes documented in the
//! `ops` of `vectors/check_code.json`, `qr.json`, `verify.json` and `duplicates.json`).

use invoice_core::Error;
use invoice_core::model::Invoice;
use invoice_core::money::Amount;
use invoice_core::options::Keys;
use invoice_core::verify::check_code::{self, CheckCodeInput, CheckCodeKey};
use invoice_core::verify::duplicates::{self, Item};
use invoice_core::verify::qr;
use invoice_core::verify::query::{self, CheckOptions, StoredRecord};
use serde_json::{Map, Value, json};

use super::str_arg;

fn key(input: &Value) -> Result<CheckCodeKey, Error> {
    CheckCodeKey::from_hex(str_arg(input, Some("key_hex")))
}

fn invoice(v: &Value) -> Result<Invoice, Error> {
    Invoice::from_value(v)
}

fn opt_amount(input: &Value, k: &str) -> Result<Option<Amount>, Error> {
    match input.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => Amount::parse(str_arg(input, Some(k))).map(Some),
    }
}

/// The flat options object of a precheck or match case (`{as_of, ...options}`, plus the record's
/// `status` and `car_price` for a match) read by the core's one reader, as the bindings read
/// theirs.
fn check_options(input: &Value, record: Option<&Value>) -> Result<CheckOptions, Error> {
    let mut o = Map::new();
    o.insert("as_of".into(), input["as_of"].clone());
    if let Some(Value::Object(opts)) = input.get("options") {
        o.extend(opts.clone());
    }
    match record {
        None => CheckOptions::read_precheck(&Value::Object(o), Keys::Snake),
        Some(r) => {
            for k in ["status", "car_price"] {
                if let Some(v) = r.get(k) {
                    o.insert(k.into(), v.clone());
                }
            }
            CheckOptions::read_match(&Value::Object(o), Keys::Snake)
        }
    }
}

/// The query of `input`: `{invoice, car_price?}` or `{qr}`.
fn build_query(input: &Value) -> Result<query::VerifyQuery, Error> {
    if let Some(stored) = input.get("query") {
        return query::VerifyQuery::from_value(stored);
    }
    if let Some(text) = input.get("qr") {
        let q = qr::parse_invoice(text.as_str().expect("qr text"))?;
        return query::from_qr(&q);
    }
    query::build(
        &invoice(&input["invoice"])?,
        opt_amount(input, "car_price")?,
    )
}

fn matched(input: &Value) -> Result<Value, Error> {
    let q = build_query(&input["query"])?;
    let (record, o) = match input.get("record") {
        None | Some(Value::Null) => (None, check_options(input, Some(&Value::Null))?),
        Some(r) => {
            let o = check_options(input, Some(r))?;
            let record = StoredRecord {
                invoice: invoice(&r["invoice"])?,
                status: o.status,
                car_price: o.car_price,
            };
            (Some(record), o)
        }
    };
    let out = query::match_record(&q, record.as_ref(), o.as_of, &o.precheck);
    Ok(serde_json::to_value(out).expect("serialise"))
}

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serialise")
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "check_code.generate" => key(input).and_then(|k| {
            check_code::generate_for(&k, &invoice(&input["invoice"])?).map(|c| json!(c))
        }),
        "check_code.verify" => key(input).and_then(|k| {
            check_code::verify_for(
                &k,
                &invoice(&input["invoice"])?,
                str_arg(input, Some("code")),
            )
            .map(|b| json!(b))
        }),
        "check_code.message" => invoice(&input["invoice"])
            .and_then(|i| CheckCodeInput::from_invoice(&i))
            .map(|c| json!(String::from_utf8(c.message()).expect("utf-8"))),
        "check_code.last6" => check_code::last6(str_arg(input, None)).map(|s| json!(s)),
        "check_code.last5" => check_code::last5(str_arg(input, None)).map(|s| json!(s)),
        "qr.parse" => qr::parse(str_arg(input, None)).map(|p| to_json(&p)),
        "qr.build" => invoice(&input["invoice"]).and_then(|i| {
            qr::build(&i, input.get("hash").and_then(Value::as_str)).map(|s| json!(s))
        }),
        "verify.query" => build_query(input).map(|q| to_json(&q)),
        "verify.precheck" => check_options(input, None).and_then(|o| {
            build_query(&input["query"]).map(|q| match query::precheck(&q, o.as_of, &o.precheck) {
                Ok(()) => json!({"outcome": "ok"}),
                Err(o) => to_json(&o),
            })
        }),
        "verify.match" => matched(input),
        "dedupe.key" => Item::from_value(input)
            .and_then(|i| i.keys())
            .map(|k| to_json(&k)),
        "dedupe.find" => {
            let items = input.as_array().expect("dedupe.find input is a list");
            Ok(to_json(&duplicates::find_duplicates_json(items)))
        }
        _ => return None,
    })
}
