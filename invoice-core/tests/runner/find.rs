//! Find ops: `find.normalise`, `find.normalise_all`, `find.search`, `find.diagnose`,
//! `find.build_number`, `find.number_parts`, `find.next_number`, `find.export_csv`,
//! `find.export_jsonl` (shapes documented in the `ops` of `vectors/find_*.json`).

use chrono::NaiveDate;
use invoice_core::Error;
use invoice_core::find::diagnose::{self, Lookup};
use invoice_core::find::export::{self, Lang};
use invoice_core::find::normalise::{self, Correction, RawQuery};
use invoice_core::find::numbering::{self, NumberParts};
use invoice_core::find::search::{self, Filter, Record};
use invoice_core::model::Invoice;
use invoice_core::stats;
use invoice_core::validate::{self, Context};
use serde_json::{Value, json};

use super::str_arg;

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serialise")
}

/// A correction as the vectors compare it: `{field, from, to, code}`.
fn correction(c: &Correction) -> Value {
    json!({"field": c.field(), "from": c.from(), "to": c.to(), "code": c.code()})
}

/// An error as the vectors compare it: `{code, path}`.
fn brief(e: &Error) -> Value {
    json!({"code": e.code(), "path": e.path().to_string()})
}

fn normalise(input: &Value, all: bool) -> Result<Value, Error> {
    let raw = RawQuery::from_value(input)?;
    let n = normalise::normalise(&raw);
    let corrections: Vec<Value> = n.corrections.iter().map(correction).collect();
    if all {
        let errors: Vec<Value> = n.errors.iter().map(brief).collect();
        return Ok(
            json!({"query": to_json(&n.query), "corrections": corrections, "errors": errors}),
        );
    }
    if let Some(e) = n.errors.into_iter().next() {
        return Err(e);
    }
    Ok(json!({"query": to_json(&n.query), "corrections": corrections}))
}

fn records(v: &Value) -> Result<Vec<Record>, Error> {
    v.as_array()
        .expect("records is a list")
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Record::from_value(r)
                .map_err(|e| e.under(&invoice_core::Path::field("records").index(i)))
        })
        .collect()
}

fn invoices(v: &Value) -> Result<Vec<Invoice>, Error> {
    v.as_array()
        .expect("invoices is a list")
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Invoice::from_value(r)
                .map_err(|e| e.under(&invoice_core::Path::field("invoices").index(i)))
        })
        .collect()
}

fn date(input: &Value, k: &str) -> NaiveDate {
    NaiveDate::parse_from_str(str_arg(input, Some(k)), "%Y-%m-%d")
        .unwrap_or_else(|_| panic!("vector {k} must be YYYY-MM-DD: {input}"))
}

fn lang(input: &Value) -> Lang {
    match input.get("lang").and_then(Value::as_str).unwrap_or("zh") {
        "zh" => Lang::Zh,
        "en" => Lang::En,
        other => panic!("unknown lang {other}"),
    }
}

/// `{what: "invoices"|"reports"|"stats", lang, invoices, as_of?, own_tax_id?, statuses?}`.
fn export(input: &Value, csv: bool) -> Result<Value, Error> {
    let what = str_arg(input, Some("what"));
    let invs = invoices(&input["invoices"])?;
    let l = lang(input);
    let text = match what {
        "invoices" => {
            if csv {
                export::invoices_csv(&invs, l)
            } else {
                export::invoices_jsonl(&invs)
            }
        }
        "reports" => {
            let ctx = Context::new(date(input, "as_of"));
            let reports: Vec<(String, validate::Report)> = invs
                .iter()
                .map(|inv| (export::invoice_key(inv), validate::validate(inv, &ctx)))
                .collect();
            if csv {
                export::reports_csv(&reports, l)
            } else {
                export::reports_jsonl(&reports)
            }
        }
        "stats" => {
            let labels: Vec<Option<String>> = match input.get("statuses") {
                Some(Value::Array(a)) => a.iter().map(|s| s.as_str().map(String::from)).collect(),
                _ => vec![None; invs.len()],
            };
            let entries: Vec<stats::Entry<'_>> = invs
                .iter()
                .zip(labels.iter().chain(std::iter::repeat(&None)))
                .map(|(inv, s)| stats::Entry {
                    invoice: inv,
                    status: s.as_deref(),
                })
                .collect();
            let opts = stats::Options {
                own_tax_id: input
                    .get("own_tax_id")
                    .and_then(Value::as_str)
                    .map(String::from),
            };
            let s = stats::compute(&entries, &opts)?;
            if csv {
                export::stats_csv(&s, l)
            } else {
                export::stats_jsonl(&s)
            }
        }
        other => panic!("unknown export {other}"),
    };
    Ok(json!(text))
}

/// The input without a runner-only key.
fn without(input: &Value, key: &str) -> Value {
    let mut v = input.clone();
    if let Value::Object(m) = &mut v {
        m.remove(key);
    }
    v
}

pub fn run(op: &str, input: &Value) -> Option<Result<Value, Error>> {
    Some(match op {
        "find.normalise" => normalise(input, false),
        "find.normalise_all" => normalise(input, true),
        "find.build_number" => serde_json::from_value::<NumberParts>(input.clone())
            .map_err(|e| Error::new(invoice_core::error::INP_JSON).with("reason", e.to_string()))
            .and_then(|p| numbering::build_number(&p))
            .map(|s| json!(s)),
        "find.number_parts" => numbering::parts_of(str_arg(input, None)).map(|p| to_json(&p)),
        "find.next_number" => numbering::next_number(str_arg(input, None)).map(|s| json!(s)),
        "find.search" => records(&input["records"]).and_then(|rs| {
            let f = Filter::from_value(&input["filter"])?;
            search::search(&rs, &f).map(|h| to_json(&h))
        }),
        "find.diagnose" => Lookup::from_value(&without(input, "show_params")).map(|l| {
            let d = diagnose::diagnose(&l);
            let findings: Vec<Value> = d
                .findings
                .iter()
                .map(|f| {
                    let mut v = brief(f);
                    if input.get("show_params").and_then(Value::as_bool) == Some(true) {
                        v["params"] = to_json(f)["params"].clone();
                    }
                    v
                })
                .collect();
            json!({"query": to_json(&d.query), "findings": findings})
        }),
        "find.export_csv" => export(input, true),
        "find.export_jsonl" => export(input, false),
        _ => return None,
    })
}
