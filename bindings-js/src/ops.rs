//! Every operation JavaScript can call, once for both bindings ([`for_each_op!`]), and the
//! operations small enough to live in the table's module (money, kinds, the catalogue).
//!
//! Each line of [`for_each_op!`] names an operation's tier, its JS name and its body over the
//! call's [`Args`]; the Node addon expands each line into one `#[napi]` export and the WASM build
//! into one `#[wasm_bindgen]` export (the tier says which WASM modules have it). Adding an
//! operation to every runtime is its function in this crate and one line here (CONTRIBUTING.md).

use invoice_core::error::INP_INTERNAL;
use invoice_core::ids::{Op, Scheme};
use invoice_core::money::{self, Amount, Price, Quantity, TaxRate};
use invoice_core::number::Kind;
use invoice_core::{Error, Path, catalog};
use serde_json::{Value, json};

use crate::Out;
use crate::call::{Args, rule_json};

/// Every operation: `tier "jsName" rust_name |a| body;` where the tier is `core` (every module),
/// `full` (the full WASM module and Node) or `stats` (the full and the files WASM modules, and
/// Node), and `a` is the call's [`Args`]. A JS name `area__name` is `area.name` in JS.
#[macro_export]
macro_rules! for_each_op {
    ($export:ident) => {
        $export! {
            core "version" version |_a| Ok($crate::ops::version());
            core "amount" amount |a| $crate::ops::amount(a);
            core "price" price |a| $crate::ops::price(a);
            core "quantity" quantity |a| $crate::ops::quantity(a);
            core "taxRate" tax_rate |a| $crate::ops::tax_rate(a);
            core "roundHalfUp" round_half_up |a| $crate::ops::round_half_up(a);
            core "kind__fromQr" kind_from_qr |a| $crate::ops::kind_lookup(a, "qr");
            core "kind__fromVerify" kind_from_verify |a| $crate::ops::kind_lookup(a, "verify");
            core "kind__fromTaxControl" kind_from_tax_control |a| $crate::ops::kind_lookup(a, "tax_control");
            core "kind__facts" kind_facts |a| $crate::ops::kind_facts(a);
            core "kind__names" kind_names |_a| Ok($crate::ops::kind_names());
            full "kind__fromCode" kind_from_code |a| $crate::kind_from_invoice_code(a.value(0)?);
            full "kind__refineQr" kind_refine_qr |a| $crate::kind_refine_qr(a.value(0)?, a.value(1)?);
            full "kind__checkQr" kind_check_qr |a| $crate::kind_check_qr(a.value(0)?, a.value(1)?);
            full "parseInvoiceCode" parse_invoice_code |a| $crate::parse_invoice_code(a.value(0)?, a.value(1)?);
            full "parseInvoiceNumber" parse_invoice_number |a| $crate::parse_invoice_number(a.value(0)?, a.value(1)?);
            core "padInvoiceNumber" pad_invoice_number |a| $crate::pad_invoice_number(a.value(0)?);
            core "__idSchemes" id_schemes |_a| Ok($crate::ops::id_schemes());
            core "__idOp" id_op |a| $crate::ops::id_op(a);
            full "ric__validateAsOf" ric_validate_as_of |a| $crate::ric_validate_as_of(a.value(0)?, a.value(1)?);
            core "amountInWords" amount_in_words |a| $crate::ops::amount_in_words(a);
            core "amountsInWords" amounts_in_words |a| $crate::amounts_in_words(a.value(0)?, a.value(1)?);
            core "wordsToAmount" words_to_amount |a| $crate::words_to_amount(a.value(0)?);
            full "readWords" read_words |a| $crate::read_words(a.value(0)?, a.value(1)?);
            core "wordsMatch" words_match |a| $crate::words_match(a.value(0)?, a.value(1)?);
            core "splitTax" split_tax |a| $crate::split_tax(a.value(0)?, a.value(1)?);
            full "splitWithDeduction" split_with_deduction |a| $crate::split_with_deduction(a.value(0)?, a.value(1)?, a.value(2)?);
            core "lineTax" line_tax |a| $crate::line_tax(a.value(0)?, a.value(1)?, a.value(2)?);
            core "compute" compute |a| $crate::compute(a.source(0)?, a.source(1)?);
            full "ratesInForce" rates_in_force |a| $crate::rates_in_force(a.value(0)?, a.value(1)?);
            core "parseInvoice" parse_invoice |a| $crate::parse_invoice(a.source(0)?);
            core "validate" validate |a| $crate::validate_one(&a.source(0), a.source(1)?);
            core "isValid" is_valid |a| $crate::is_valid(&a.source(0), a.source(1)?);
            core "validateMany" validate_many |a| $crate::ops::validate_many(a);
            core "last6" last6 |a| $crate::last6(a.value(0)?);
            core "last5" last5 |a| $crate::last5(a.value(0)?);
            core "parseQr" parse_qr |a| $crate::parse_qr(a.value(0)?);
            core "verifyQuery" verify_query |a| $crate::verify_query(a.value(0)?, a.value(1)?);
            full "dedupeKey" dedupe_key |a| $crate::dedupe_key(a.value(0)?);
            full "findDuplicates" find_duplicates |a| $crate::find_duplicates(a.value(0)?);
            stats "stats" stats |a| $crate::stats_of(a.value(0)?, a.value(1)?);
            full "buildQr" build_qr |a| $crate::build_qr(a.value(0)?, a.value(1)?);
            full "lifecycle__run" lifecycle_run |a| $crate::lifecycle_run(a.value(0)?);
            full "lifecycle__table" lifecycle_table |a| $crate::lifecycle_table(a.value(0)?);
            full "checkCode" check_code |a| $crate::check_code(a.value(0)?, a.value(1)?);
            full "verifyCheckCode" verify_check_code |a| $crate::verify_check_code(a.value(0)?, a.value(1)?, a.value(2)?);
            full "checkCodeMessage" check_code_message |a| $crate::check_code_message(a.value(0)?);
            full "precheck" precheck |a| $crate::precheck(a.value(0)?, a.value(1)?);
            full "matchRecord" match_record |a| $crate::match_record(a.value(0)?, a.value(1)?, a.value(2)?);
            full "readVerifyQuery" read_verify_query |a| $crate::read_verify_query(a.value(0)?);
            full "normaliseQuery" normalise_query |a| $crate::normalise_query(a.value(0)?);
            full "normaliseQueryAll" normalise_query_all |a| $crate::normalise_query_all(a.value(0)?);
            full "search" search |a| $crate::search(a.value(0)?, a.value(1)?);
            full "diagnose" diagnose |a| $crate::diagnose(a.value(0)?);
            full "buildNumber" build_number |a| $crate::build_number(a.value(0)?);
            full "numberParts" number_parts |a| $crate::number_parts(a.value(0)?);
            full "nextNumber" next_number |a| $crate::next_number(a.value(0)?);
            full "exportCsv" export_csv |a| $crate::export(a.value(0)?, a.value(1)?, a.value(2)?, true);
            full "exportJsonl" export_jsonl |a| $crate::export(a.value(0)?, a.value(1)?, a.value(2)?, false);
            full "rules" rules |_a| Ok($crate::ops::rules());
            full "rule" rule |a| $crate::ops::rule(a);
        }
    };
}

/// The version of invoice-core the module was built from.
pub fn version() -> Value {
    json!(env!("CARGO_PKG_VERSION"))
}

fn money_op<T>(a: &Args<'_>, parse: fn(&str) -> Result<T, Error>, out: fn(T) -> Value) -> Out {
    parse(a.decimal(0, &Path::root())?).map(out)
}

/// `amount(value)`: an amount in yuan (金额) with two decimals; a JS number is `INP-01`.
pub fn amount(a: &Args<'_>) -> Out {
    money_op(a, Amount::parse, |x| json!(x.to_string()))
}

/// `price(value)`: a unit price (单价, up to 8 decimals), normalised.
pub fn price(a: &Args<'_>) -> Out {
    money_op(a, Price::parse, |x| json!(x.to_string()))
}

/// `quantity(value)`: a quantity (数量, up to 8 decimals), normalised.
pub fn quantity(a: &Args<'_>) -> Out {
    money_op(a, Quantity::parse, |x| json!(x.to_string()))
}

/// `taxRate(value)`: `{fraction, percent}` of a rate written `"0.13"` or `"13%"`.
pub fn tax_rate(a: &Args<'_>) -> Out {
    money_op(
        a,
        TaxRate::parse,
        |r| json!({"fraction": r.to_string(), "percent": r.percent()}),
    )
}

/// `roundHalfUp(value, places)`: half-up (四舍五入) to `places` decimals (0–28).
pub fn round_half_up(a: &Args<'_>) -> Out {
    let text = a.decimal(0, &Path::field("value"))?;
    let dp = a.small_uint(1, 28, &Path::field("places"))?;
    // The core's strict syntax, so every binding accepts exactly the same text.
    let d = money::parse_decimal_wide(text).map_err(|e| e.at(Path::field("value")))?;
    Ok(json!(money::round_half_up(d, dp).to_string()))
}

/// `kind.fromQr`, `kind.fromVerify`, `kind.fromTaxControl`: the kind a code of that `system`
/// names, or null.
pub fn kind_lookup(a: &Args<'_>, system: &str) -> Out {
    let code = a.text(0, &Path::root())?;
    let kind = match system {
        "qr" => Kind::from_qr_code(code),
        "verify" => Kind::from_verify_code(code),
        _ => Kind::from_tax_control_code(code),
    };
    Ok(kind.map_or(Value::Null, |k| json!(k.name())))
}

/// `kind.facts(name)`: the static facts of a kind.
pub fn kind_facts(a: &Args<'_>) -> Out {
    let k = Kind::parse_name(a.text(0, &Path::root())?)?;
    Ok(serde_json::to_value(k.info()).unwrap_or(Value::Null))
}

/// `kind.names()`: every kind name.
pub fn kind_names() -> Value {
    json!(Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>())
}

/// `__idSchemes()`: every identifier scheme with its operations, in JS names
/// (`[{name: "orgCode", ops: ["compact", …]}]`), from which the JS layer builds the namespaces
/// (`orgCode.compact`) by one loop.
pub fn id_schemes() -> Value {
    Value::Array(
        Scheme::ALL
            .iter()
            .map(|s| {
                let ops: Vec<&str> = s.ops().iter().map(|op| op.camel_name()).collect();
                json!({"name": s.camel_name(), "ops": ops})
            })
            .collect(),
    )
}

/// `__idOp(scheme, op, value)`: operation `op` of identifier scheme `scheme` (JS names, as
/// [`id_schemes`] lists them) on `value`; `isValid` never throws (anything unreadable is simply
/// not valid).
pub fn id_op(a: &Args<'_>) -> Out {
    let unknown = || Error::new(INP_INTERNAL).with("reason", "unknown identifier operation");
    let scheme = Scheme::from_name(a.text(0, &Path::root())?).ok_or_else(unknown)?;
    let op = Op::from_name(a.text(1, &Path::root())?).ok_or_else(unknown)?;
    let value = if op == Op::IsValid {
        a.value(2).unwrap_or(&Value::Null)
    } else {
        a.value(2)?
    };
    crate::id_op(scheme, op, value).unwrap_or_else(|| Err(unknown()))
}

/// `amountInWords(amount, options?)`: the amount read as a plain decimal string.
pub fn amount_in_words(a: &Args<'_>) -> Out {
    let text = a.decimal(0, &Path::root())?;
    crate::amount_in_words_text(text, a.value(1)?).map(Value::String)
}

/// `validateMany(invoices, options)`: each invoice read on its own, so one that cannot be read
/// does not hide the others' reports.
pub fn validate_many(a: &Args<'_>) -> Out {
    let list = a.items(0)?;
    let ctx = crate::context(a.source(1)?)?;
    Ok(crate::validate_many(&list, &ctx))
}

/// `rules()`: the whole catalogue, family by family.
pub fn rules() -> Value {
    Value::Array(catalog::all().map(rule_json).collect())
}

/// `rule(code)`: one catalogue entry, or null.
pub fn rule(a: &Args<'_>) -> Out {
    let code = a.text(0, &Path::root())?;
    Ok(catalog::lookup(code).map_or(Value::Null, rule_json))
}
