//! The model read from a `Source` other than JSON: a host with typed decimals and dates reads to
//! the same invoice and the same coded findings, at the same paths, as its JSON text.

use std::borrow::Cow;

use chrono::NaiveDate;
use invoice_core::model::{Invoice, Shape, Source};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// A host value tree with typed cells, as a binding holding decimals and dates would have.
#[derive(Clone, Debug)]
enum Host {
    Null,
    Text(String),
    Dec(Decimal),
    Date(NaiveDate),
    Float(f64),
    /// A value the host cannot hand over (say, text with a lone surrogate).
    Bad,
    List(Vec<Host>),
    Obj(Vec<(String, Host)>),
}

impl Source for &Host {
    fn shape(&self) -> Shape<'_> {
        match self {
            Host::Null => Shape::Null,
            Host::Text(t) => Shape::Text(Cow::Borrowed(t)),
            Host::Dec(d) => Shape::Decimal(*d),
            Host::Date(d) => Shape::Date(*d),
            Host::Float(x) => Shape::Float(Cow::Owned(x.to_string())),
            Host::Bad => Shape::Refused(Box::new(invoice_core::Error::new(
                invoice_core::error::INP_TYPE,
            ))),
            Host::List(_) => Shape::List,
            Host::Obj(_) => Shape::Object,
        }
    }
    fn member(&self, key: &str) -> Option<Self> {
        match self {
            Host::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn keys(&self, f: &mut dyn FnMut(&str)) {
        if let Host::Obj(m) = self {
            m.iter().for_each(|(k, _)| f(k));
        }
    }
    fn len(&self) -> usize {
        match self {
            Host::List(l) => l.len(),
            _ => 0,
        }
    }
    fn item(&self, i: usize) -> Option<Self> {
        match self {
            Host::List(l) => l.get(i),
            _ => None,
        }
    }
}

/// The host tree of a JSON value, with the money fields and dates typed.
fn typed(v: &Value, key: &str) -> Host {
    const MONEY: &[&str] = &[
        "amount",
        "tax",
        "total",
        "quantity",
        "unit_price",
        "deduction",
    ];
    match v {
        Value::Null => Host::Null,
        Value::String(s) if MONEY.contains(&key) => {
            s.parse().map_or_else(|_| Host::Text(s.clone()), Host::Dec)
        }
        Value::String(s) if key == "issue_date" => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_or_else(|_| Host::Text(s.clone()), Host::Date),
        Value::String(s) => Host::Text(s.clone()),
        Value::Array(a) => Host::List(a.iter().map(|x| typed(x, key)).collect()),
        Value::Object(m) => Host::Obj(m.iter().map(|(k, x)| (k.clone(), typed(x, k))).collect()),
        other => Host::Text(other.to_string()),
    }
}

fn invoice() -> Value {
    json!({
        "kind": "digital_special",
        "number": "24312000000358032546",
        "issue_date": "2024-03-05",
        "seller": {"name": "上海某某科技有限公司", "tax_id": "91310000580583950X"},
        "buyer": {"name": "北京某某有限公司", "tax_id": "91110108MA01XXXX1X"},
        "lines": [
            {"name": "*信息技术服务*软件开发", "quantity": "2", "unit_price": "50.005",
             "amount": "100.01", "rate": "0.06", "tax": "6.00"},
            {"name": "*现代服务*咨询", "amount": "200.00", "rate": "6%", "tax": "12.00"}
        ],
        "totals": {"amount": "300.01", "tax": "18.00", "total": "318.01"}
    })
}

fn codes_at(r: Result<Invoice, Vec<invoice_core::Error>>) -> Vec<(String, String, String)> {
    match r {
        Ok(_) => Vec::new(),
        Err(es) => es
            .iter()
            .map(|e| (e.code().to_owned(), e.path().to_string(), e.message()))
            .collect(),
    }
}

fn code_path(found: &[(String, String, String)]) -> Vec<(&str, &str)> {
    found
        .iter()
        .map(|(c, p, _)| (c.as_str(), p.as_str()))
        .collect()
}

/// The host tree of the sample invoice with `edit` applied to its top-level members.
fn edited(edit: impl Fn(&str, &mut Host)) -> Host {
    let mut host = typed(&invoice(), "");
    if let Host::Obj(m) = &mut host {
        for (k, v) in m.iter_mut() {
            edit(k, v);
        }
    }
    host
}

#[test]
fn typed_cells_read_as_their_json_text() {
    let v = invoice();
    let host = typed(&v, "");
    let from_json = Invoice::from_value_all(&v).expect("reads");
    let from_host = Invoice::from_source_all(&host).expect("reads");
    assert_eq!(from_json, from_host);
    assert_eq!(
        from_host.lines[0].unit_price.map(|p| p.to_string()),
        Some("50.005".into())
    );
}

#[test]
fn typed_cells_give_the_same_findings_at_the_same_paths() {
    let mut v = invoice();
    v["lines"][0]["amount"] = json!("100.015");
    v["totals"]["tax"] = json!("-0.001");
    v["deduction"] = json!("12345678901234567.00");
    v["issue_date"] = json!("2024-02-30");
    v["lines"][1]["nature"] = json!("gift");
    v["seller"]["extra"] = json!("x");
    let host = typed(&v, "");
    let a = codes_at(Invoice::from_value_all(&v));
    let b = codes_at(Invoice::from_source_all(&host));
    assert!(a.len() >= 6, "{a:?}");
    assert_eq!(a, b);
}

#[test]
fn a_float_is_refused_as_money_and_a_date_where_text_belongs_is_named() {
    let host = edited(|k, v| match k {
        "totals" => {
            if let Host::Obj(t) = v {
                t[0].1 = Host::Float(300.01);
            }
        }
        "number" => *v = Host::Date(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
        _ => {}
    });
    let found = codes_at(Invoice::from_source_all(&host));
    let codes = code_path(&found);
    assert_eq!(codes, [("INP-02", "number"), ("INP-01", "totals.amount")]);
    assert!(found[0].2.contains("date"), "{found:?}");
}

#[test]
fn a_value_the_host_refuses_is_a_finding_at_its_path_and_reading_goes_on() {
    let host = edited(|k, v| match k {
        "seller" => *v = Host::Bad,
        "lines" => {
            if let Host::List(l) = v {
                l[1] = Host::Bad;
            }
        }
        "issue_date" => *v = Host::Text("2024-13-01".into()),
        _ => {}
    });
    let found = codes_at(Invoice::from_source_all(&host));
    let codes = code_path(&found);
    assert_eq!(
        codes,
        [
            ("MDL-02", "issue_date"),
            ("INP-02", "seller"),
            ("INP-02", "lines[1]")
        ]
    );
}
