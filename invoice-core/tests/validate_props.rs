//! Property tests of the model, tax and validation: no input panics, and computed invoices are
//! internally consistent (totals add up, 价税合计 = 合计金额 + 合计税额, the 大写 states the total).

use chrono::NaiveDate;
use invoice_core::model::Invoice;
use invoice_core::tax::{self, Basis, Options};
use invoice_core::validate::{Context, validate, validate_json};
use proptest::prelude::*;
use serde_json::{Value, json};

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[0-9]{0,22}",
        "-?[0-9]{1,17}(\\.[0-9]{0,9})?",
        Just(String::new()),
        Just("１２３".to_string()),
        Just("13%".to_string()),
        Just("免税".to_string()),
    ]
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any_text().prop_map(Value::String),
        any::<i64>().prop_map(|i| json!(i)),
        any::<f64>().prop_map(|f| json!(f)),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const KINDS: &[&str] = &[
    "special_paper",
    "ordinary_paper",
    "electronic_ordinary",
    "toll",
    "digital_special",
    "digital_ordinary",
    "digital_paper_ordinary",
    "motor_vehicle",
    "blockchain",
];

/// An invoice-shaped JSON value whose fields are arbitrary strings, decimals and junk.
fn invoice_shaped() -> impl Strategy<Value = Value> {
    let line = (any_text(), any_text(), any_text(), any_text(), any_text(), any_text(), any_value())
        .prop_map(|(name, amount, rate, tax, q, p, nature)| {
            json!({"name": name, "amount": amount, "rate": rate, "tax": tax,
                   "quantity": q, "unit_price": p, "nature": nature, "tax_code": "1090511030000000000"})
        });
    (
        prop::sample::select(KINDS),
        any_text(),
        any_text(),
        prop::collection::vec(line, 0..6),
        any_text(),
        any_text(),
        any_text(),
        any_value(),
    )
        .prop_map(|(kind, code, number, lines, amount, total, words, junk)| {
            json!({
                "kind": kind, "code": code, "number": number, "issue_date": "2024-11-18",
                "seller": {"name": "卖方", "tax_id": code},
                "buyer": {"name": "买方", "tax_id": number},
                "lines": lines,
                "totals": {"amount": amount, "tax": amount, "total": total, "total_in_words": words},
                "remarks": words, "red": junk
            })
        })
}

fn ctx() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).expect("date"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_json_never_panics(v in any_value()) {
        let _ = validate_json(&v, &ctx());
        let _ = Invoice::from_value_all(&v);
    }

    #[test]
    fn arbitrary_invoices_never_panic(v in invoice_shaped()) {
        let report = validate_json(&v, &ctx());
        // Every placeholder of both templates has its param.
        for f in &report.findings {
            for t in [f.rule().en, f.rule().zh] {
                for name in invoice_core::Rule::placeholders(t) {
                    prop_assert!(f.param(name).is_some(), "{} lacks param {}", f, name);
                }
            }
        }
        if let Ok(inv) = Invoice::from_value(&v) {
            for basis in [Basis::Exclusive, Basis::Inclusive] {
                for redistribute in [false, true] {
                    let _ = tax::compute(&inv, &Options { basis, redistribute, ..Options::default() });
                }
            }
        }
    }

    #[test]
    fn computed_totals_add_up(
        amounts in prop::collection::vec((1i64..10_000_000, 0usize..5, any::<bool>()), 1..40),
        inclusive in any::<bool>(),
    ) {
        let rates = ["13%", "9%", "6%", "3%", "免税"];
        // Discount-like negative lines only at 13 %, amounts from fen via Decimal text.
        let lines: Vec<Value> = amounts.iter().map(|(fen, r, neg)| {
            let fen = if *neg && *r == 0 { -fen } else { *fen };
            json!({"name": "*货物*x", "tax_code": "1090511030000000000",
                   "amount": rust_decimal::Decimal::new(fen, 2).to_string(), "rate": rates[*r]})
        }).collect();
        let inv = Invoice::from_value(&json!({
            "kind": "digital_ordinary", "number": "24312000000358032546", "issue_date": "2024-11-18",
            "seller": {"name": "卖方", "tax_id": "91310000580583950X"},
            "buyer": {"name": "张三", "type": "natural_person"}, "lines": lines
        })).expect("reads");
        let basis = if inclusive { Basis::Inclusive } else { Basis::Exclusive };
        let c = tax::compute(&inv, &Options { basis, redistribute: true, ..Options::default() }).expect("computes");
        let t = c.invoice.totals.clone().expect("totals");
        prop_assert_eq!(t.amount.value() + t.tax.value(), t.total.value());
        if inclusive {
            // 价税分离 keeps every gross amount: the total is the sum of the inputs.
            let gross: rust_decimal::Decimal = inv.lines.iter().filter_map(|l| l.amount).map(|a| a.value()).sum();
            prop_assert_eq!(t.total.value(), gross);
        }
        let report = validate(&c.invoice, &ctx());
        for f in &report.findings {
            prop_assert!(
                !matches!(f.code(), "CAL-03" | "CAL-05" | "CAL-06" | "CAL-07" | "CAL-08" | "CAL-09"),
                "computed invoice has arithmetic finding {}", f
            );
        }
    }
}
