//! Verify ops: `check_code.generate`, `check_code.verify`, `check_code.message`,
//! `check_code.last6`, `check_code.last5`, `qr.parse`, `qr.build`, `verify.query`,
//! `verify.precheck`, `verify.match`, `dedupe.key`, `dedupe.find` (shapes documented in the
//! `ops` of `vectors/check_code.json`, `qr.json`, `verify.json` and `duplicates.json`).

use chrono::NaiveDate;
use invoice_core::Error;
use invoice_core::model::Invoice;
use invoice_core::money::Amount;
use invoice_core::verify::check_code::{self, CheckCodeInput, CheckCodeKey};
use invoice_core::verify::duplicates::{self, Item};
use invoice_core::verify::qr;
use invoice_core::verify::query::{self, PrecheckOptions, RecordStatus, SameDay, StoredRecord};
use serde_json::{Value, json};

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

fn date(input: &Value, k: &str) -> NaiveDate {
    NaiveDate::parse_from_str(str_arg(input, Some(k)), "%Y-%m-%d")
        .unwrap_or_else(|_| panic!("vector {k} must be YYYY-MM-DD: {input}"))
}

fn options(input: &Value) -> PrecheckOptions {
    let mut o = PrecheckOptions::default();
    if let Some(opts) = input.get("options") {
        if let Some(y) = opts.get("look_back_years").and_then(Value::as_u64) {
            o.look_back_years = u32::try_from(y).expect("years fit u32");
        }
        if let Some(s) = opts.get("same_day").and_then(Value::as_str) {
            o.same_day = match s {
                "today" => SameDay::Today,
                "next_day" => SameDay::NextDay,
                other => panic!("unknown same_day {other}"),
            };
        }
    }
    o
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

fn status(v: Option<&Value>) -> RecordStatus {
    match v.and_then(Value::as_str).unwrap_or("normal") {
        "normal" => RecordStatus::Normal,
        "voided" => RecordStatus::Voided,
        "red_flushed" => RecordStatus::RedFlushed,
        "partially_red_flushed" => RecordStatus::PartiallyRedFlushed,
        other => panic!("unknown status {other}"),
    }
}

fn matched(input: &Value) -> Result<Value, Error> {
    let q = build_query(&input["query"])?;
    let record = match input.get("record") {
        None | Some(Value::Null) => None,
        Some(r) => Some(StoredRecord {
            invoice: invoice(&r["invoice"])?,
            status: status(r.get("status")),
            car_price: opt_amount(r, "car_price")?,
        }),
    };
    let out = query::match_record(&q, record.as_ref(), date(input, "as_of"), &options(input));
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
        "verify.precheck" => build_query(&input["query"]).map(|q| {
            match query::precheck(&q, date(input, "as_of"), &options(input)) {
                Ok(()) => json!({"outcome": "ok"}),
                Err(o) => to_json(&o),
            }
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
