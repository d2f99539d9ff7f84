//! The JS surface in JSON terms (JS 接口的 JSON 层), shared by the Node addon and the WASM build.
//!
//! The shared JS layer (`js/surface.js`, copied into both packages) writes every call's arguments
//! as one JSON text; [`call`] reads it once into a borrowed document (`invoice_core::model::
//! JsonDoc`), whose values the core's model and option readers walk as they are ([`JsSource`])
//! and the other operations get as [`serde_json::Value`]s (numbers always JS doubles, *floats*,
//! so a JS number where money is expected is `INP-01` at its path, whatever its value; `Date`s
//! `YYYY-MM-DD` strings), a function here runs, and the answer goes back as one JSON text (a call
//! whose arguments are one plain string crosses in the same route's bare encoding: the string
//! itself in, a string answer itself out; see [`call`]).
//! [`for_each_op!`] lists every operation once; each binding expands it into its named exports.
//! This crate holds no domain logic and no JS engine types: it hands option objects to the core's
//! readers (`invoice_core::options`, [`Keys::Camel`]), calls the core's public API and shapes the
//! answer. Both bindings depend on it, so they answer identically (the parity test checks it).
//!
//! Data objects (invoices, parsed codes, computed results, lifecycle summaries) keep the core's
//! snake_case JSON shape; option objects use camelCase keys (`pricesIncludeTax`); an unknown
//! option key is `INP-05`.

use chrono::NaiveDate;
use invoice_core::error::{INP_JSON, INP_MISSING, INP_TYPE, INP_UNKNOWN_OPTION};
use invoice_core::find::{
    self, Filter, Lookup, RawQuery, Record,
    export::{self, ExportOptions},
    normalise,
    numbering::{self, NumberParts},
};
use invoice_core::ids::{Answer, resident_id};
use invoice_core::lifecycle::{Lifecycle, Node, Step, table};
use invoice_core::model::{Invoice, LineRate};
use invoice_core::money::{Amount, TaxRate, parse_decimal_wide, shorten};
use invoice_core::number::{
    CodeOptions, InvoiceCode, InvoiceNumber, Kind, NumberOptions, check_qr_kind, kind_from_code,
    pad_number, refine_qr_kind,
};
use invoice_core::options::{Keys, Opts};
use invoice_core::stats::{self, Stats};
use invoice_core::tax::{self, TaxpayerCategory};
use invoice_core::validate::{Context, Report, validate, validate_source};
use invoice_core::verify::check_code::{self, CheckCodeInput, CheckCodeKey};
use invoice_core::verify::duplicates::{self, Item};
use invoice_core::verify::qr;
use invoice_core::verify::query::{self, CheckOptions, StoredRecord, VerifyQuery};
use invoice_core::words::{self, Excess, Style};
use invoice_core::{Error, Path};
use serde::Serialize;
use serde_json::{Map, Value, json};

pub mod call;
pub mod ops;

pub use call::JsSource;

/// What every surface function returns before conversion to JS.
pub type Out = Result<Value, Error>;

/// The deepest nesting the JS layer writes (a cyclic object ends here with `INP-06`).
pub const MAX_DEPTH: usize = 64;

/// A JS number as JS's `String(n)` writes it (`113`, `12.3`, `1e+21`, `1e-7`, `NaN`), for the
/// `value` of `INP-01` and similar messages: built from serde_json's shortest round-trip digits
/// (the same digits as JS's) laid out by ECMAScript's `Number::toString` rule, rather than
/// `f64`'s `Display`, which writes no exponent.
pub fn js_number(n: f64) -> String {
    let Some(num) = serde_json::Number::from_f64(n) else {
        return if n.is_nan() {
            "NaN".into()
        } else if n.is_sign_positive() {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    };
    let text = num.to_string();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let digits = all.trim_start_matches('0');
    let leading = i32::try_from(all.len() - digits.len()).unwrap_or(0);
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return "0".into(); // JS writes -0 as 0 too
    }
    // value = 0.<digits> × 10^point, the layout of ECMAScript's Number::toString.
    let point = i32::try_from(int.len()).unwrap_or(0) + exp - leading;
    let k = i32::try_from(digits.len()).unwrap_or(0);
    let zeros = |count: i32| "0".repeat(usize::try_from(count).unwrap_or(0));
    let body = if k <= point && point <= 21 {
        format!("{digits}{}", zeros(point - k))
    } else if 0 < point && point <= 21 {
        let (a, b) = digits.split_at(usize::try_from(point).unwrap_or(0));
        format!("{a}.{b}")
    } else if -6 < point && point <= 0 {
        format!("0.{}{digits}", zeros(-point))
    } else {
        let e = point - 1;
        let sign = if e < 0 { '-' } else { '+' };
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        format!("{first}{rest}e{sign}{}", e.unsigned_abs())
    };
    if negative { format!("-{body}") } else { body }
}

fn ser<T: Serialize>(v: &T) -> Value {
    // The core's types serialise to JSON without floats or non-string keys.
    serde_json::to_value(v).unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------------------
// Option objects

/// The JSON type name shown in `INP-02` messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn wrong_type(expected: &str, v: &Value, at: &Path) -> Error {
    Error::new(INP_TYPE)
        .with("expected", expected)
        .with("found", type_name(v))
        .at(at.clone())
}

/// A JSON number that is a whole number in `min..=max`.
fn whole(v: &Value, min: i64, max: i64) -> Option<i64> {
    if let Some(i) = v.as_i64() {
        return (min..=max).contains(&i).then_some(i);
    }
    let f = v.as_f64()?;
    // `as` saturates; the round trip is exact only for a whole number in range.
    let i = f as i64;
    #[allow(clippy::cast_precision_loss)]
    let back = i as f64;
    (back == f && (min..=max).contains(&i)).then_some(i)
}

/// Money at `at`: a decimal string (a number is `INP-01` via the core's reader rules).
fn amount_at(v: &Value, at: &Path) -> Result<Amount, Error> {
    match v {
        Value::String(s) => Amount::parse(s).map_err(|e| e.at(at.clone())),
        // Shown as JS shows the number (`113`, not `113.0`).
        Value::Number(n) => Err(Error::new(invoice_core::error::INP_FLOAT)
            .with("value", js_number(n.as_f64().unwrap_or(f64::NAN)))
            .at(at.clone())),
        other => Err(wrong_type("decimal string", other, at)),
    }
}

/// A `YYYY-MM-DD` date (a JS `Date` arrives already written so), read by the core's one date
/// reader.
pub fn date(v: &Value, at: &Path) -> Result<NaiveDate, Error> {
    match v {
        Value::String(s) => invoice_core::dates::read_day(s).map_err(|e| e.at(at.clone())),
        Value::Null => Err(Error::new(INP_MISSING).at(at.clone())),
        other => Err(wrong_type("date YYYY-MM-DD", other, at)),
    }
}

/// A string argument.
pub fn string<'v>(v: &'v Value, at: &Path) -> Result<&'v str, Error> {
    v.as_str().ok_or_else(|| wrong_type("string", v, at))
}

/// The path of an error in a positional argument: the root, as the core reports errors of a
/// plain value (the shared vectors expect it). Errors inside option objects name their key.
fn arg(_position: usize) -> Path {
    Path::root()
}

// ---------------------------------------------------------------------------------------------
// Findings and errors as data

/// One finding (or warning) as a plain object:
/// `{code, path, severity, message, messageZh, params}`.
pub fn finding(e: &Error) -> Value {
    let path: Vec<Value> = e
        .path()
        .segments()
        .iter()
        .map(|s| match s {
            invoice_core::error::Segment::Key(k) => json!(k.as_ref()),
            invoice_core::error::Segment::Index(i) => json!(i),
        })
        .collect();
    // Inserted one by one: collecting into the map would sort first, pulling in a whole stable
    // sort (about 3 KB of WebAssembly) for a handful of parameters.
    let mut params = Map::new();
    for (k, v) in e.params() {
        params.insert((*k).to_string(), json!(v));
    }
    json!({
        "code": e.code(),
        "path": path,
        "severity": e.severity().as_str(),
        "message": e.message(),
        "messageZh": e.message_zh(),
        "params": params,
    })
}

fn report(r: &Report) -> Value {
    json!({
        "valid": r.is_valid(),
        "findings": r.findings.iter().map(finding).collect::<Vec<_>>(),
    })
}

// ---------------------------------------------------------------------------------------------
// Numbers: invoice codes, invoice numbers, kinds

/// `parseInvoiceCode(code, {maxYear, minYear10, minYear12}?)`.
pub fn parse_invoice_code(code: &Value, options: &Value) -> Out {
    let code = string(code, &Path::root())?;
    let opts = CodeOptions::read(JsSource::Value(options), Keys::Camel)?;
    InvoiceCode::parse_with(code, &opts).map(|c| ser(&c))
}

/// `parseInvoiceNumber(number, {maxYear, minYear}?)`.
pub fn parse_invoice_number(number: &Value, options: &Value) -> Out {
    let number = string(number, &Path::root())?;
    let opts = NumberOptions::read(JsSource::Value(options), Keys::Camel)?;
    InvoiceNumber::parse_with(number, &opts).map(|n| ser(&n))
}

/// `padInvoiceNumber(number)`: 1–8 digits left-padded to 8.
pub fn pad_invoice_number(number: &Value) -> Out {
    pad_number(string(number, &Path::root())?).map(Value::String)
}

/// `kind.fromCode(code)`: the kind a 发票代码 names, or null.
pub fn kind_from_invoice_code(code: &Value) -> Out {
    let code = string(code, &Path::root())?;
    Ok(kind_from_code(code).map_or(Value::Null, |k| json!(k.name())))
}

fn qr_and_code(qr_kind: &Value, code: &Value) -> Result<(Kind, InvoiceCode), Error> {
    let kind = Kind::parse_name(string(qr_kind, &Path::root())?)?;
    let code = InvoiceCode::parse(string(code, &arg(1))?)?;
    Ok((kind, code))
}

/// `kind.refineQr(qrKind, code)`.
pub fn kind_refine_qr(qr_kind: &Value, code: &Value) -> Out {
    qr_and_code(qr_kind, code).map(|(k, c)| json!(refine_qr_kind(k, &c).name()))
}

/// `kind.checkQr(qrKind, code)`: `NUM-14` when the QR kind contradicts the code.
pub fn kind_check_qr(qr_kind: &Value, code: &Value) -> Out {
    let (k, c) = qr_and_code(qr_kind, code)?;
    check_qr_kind(k, &c).map(|k| json!(k.name()))
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/// The identifier families (`uscc`, `orgCode`, `ric`, `taxpayerId`): the core's schemes,
/// listed by [`Scheme::ALL`](invoice_core::ids::Scheme::ALL) with their JS names
/// ([`camel_name`](invoice_core::ids::Scheme::camel_name)).
pub use invoice_core::ids::Scheme as Family;

/// The string-in operations of the identifier families (`uscc.compact`, …): the core's ops,
/// each family's listed by [`Scheme::ops`](invoice_core::ids::Scheme::ops).
pub use invoice_core::ids::Op as IdOp;

/// `<family>.<op>(value)` for the string-in ops; `None` when the family has no such op.
pub fn id_op(family: Family, op: IdOp, value: &Value) -> Option<Out> {
    if op == IdOp::IsValid {
        // Never throws: anything that is not a string is simply not a valid identifier.
        let valid = value.as_str().is_some_and(|s| family.is_valid(s));
        return family.has(op).then(|| Ok(json!(valid)));
    }
    let s = match string(value, &Path::root()) {
        Ok(s) => s,
        Err(e) => return family.has(op).then_some(Err(e)),
    };
    Some(family.apply(op, s)?.map(|answer| match answer {
        Answer::Findings(ws) => Value::Array(ws.iter().map(finding).collect()),
        other => ser(&other),
    }))
}

/// `ric.validateAsOf(value, asOf)`: adds `ID-15` for a birth date after `asOf`.
pub fn ric_validate_as_of(value: &Value, as_of: &Value) -> Out {
    let s = string(value, &Path::root())?;
    let as_of = date(as_of, &arg(1))?;
    resident_id::validate_as_of(s, as_of).map(Value::String)
}

// ---------------------------------------------------------------------------------------------
// Words (大写金额)

/// The 大写 writing options (`{style, rmbPrefix, zheng, negative, zeros, excess}`), by the core's
/// reader (the JS name `zheng` is the core's `whole`).
fn words_options(options: &Value) -> Result<(words::Options, Option<Excess>), Error> {
    words::read_options(JsSource::Value(options), Keys::Camel)
}

fn words_of(amount: &Value, at: &Path, opts: &words::Options, excess: Option<Excess>) -> Out {
    match amount {
        Value::String(s) => words_of_text(s, at, opts, excess).map(Value::String),
        other => Err(amount_at(other, at)
            .err()
            .unwrap_or_else(|| wrong_type("string", other, at))),
    }
}

fn words_of_text(
    text: &str,
    at: &Path,
    opts: &words::Options,
    excess: Option<Excess>,
) -> Result<String, Error> {
    match excess {
        None => Amount::parse(text).map(|a| words::to_words_with(a, opts)),
        // Any decimal the core's wide reader takes, so that the words' own range check (WRD-16)
        // decides, not the amount range (MNY-03).
        Some(excess) => {
            parse_decimal_wide(text).and_then(|d| words::decimal_to_words(d, excess, opts))
        }
    }
    .map_err(|e| e.under(at))
}

/// `amountInWords(amount, options?)` with the amount already read as text (the hot path: no
/// JSON value for the amount, and no options object when `options` is null).
pub fn amount_in_words_text(amount: &str, options: &Value) -> Result<String, Error> {
    let (opts, excess) = if options.is_null() {
        (Style::default().options(), None)
    } else {
        words_options(options)?
    };
    words_of_text(amount, &Path::root(), &opts, excess)
}

/// `amountsInWords(list, options?)`: the 大写 of each amount (an error names its index).
pub fn amounts_in_words(list: &Value, options: &Value) -> Out {
    let (opts, excess) = words_options(options)?;
    let Value::Array(items) = list else {
        return Err(wrong_type("array of decimal strings", list, &Path::root()));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, a)| words_of(a, &Path::root().index(i), &opts, excess))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

/// `wordsToAmount(text)`: the amount the words name, as a decimal string.
pub fn words_to_amount(text: &Value) -> Out {
    words::parse_words(string(text, &Path::root())?).map(|a| json!(a.to_string()))
}

/// `readWords(text, mode?)`: `{amount, deviations: [{kind, position, found}]}`.
pub fn read_words(text: &Value, mode: &Value) -> Out {
    let text = string(text, &Path::root())?;
    let mode = match mode {
        Value::Null => words::Mode::default(),
        other => string(other, &arg(1))?.parse::<words::Mode>()?,
    };
    let r = words::read_words(text, mode)?;
    let deviations: Vec<Value> = r
        .deviations
        .iter()
        .map(|d| json!({"kind": d.kind.as_str(), "position": d.position, "found": d.found}))
        .collect();
    Ok(json!({"amount": r.amount.to_string(), "deviations": deviations}))
}

/// `wordsMatch(words, amount)`: whether the words read as exactly that amount.
pub fn words_match(text: &Value, amount: &Value) -> Out {
    let text = string(text, &Path::root())?;
    let amount = amount_at(amount, &arg(1))?;
    Ok(json!(words::matches(text, amount)))
}

// ---------------------------------------------------------------------------------------------
// Tax

fn split_json(s: &tax::Split) -> Value {
    json!({"amount": s.amount.to_string(), "tax": s.tax.to_string()})
}

fn rate_at(v: &Value, at: &Path) -> Result<TaxRate, Error> {
    match v {
        Value::String(s) => TaxRate::parse(s).map_err(|e| e.at(at.clone())),
        other => Err(amount_at(other, at)
            .err()
            .unwrap_or_else(|| wrong_type("string", other, at))),
    }
}

/// `splitTax(gross, rate)`: 价税分离 → `{amount, tax}`.
pub fn split_tax(gross: &Value, rate: &Value) -> Out {
    let gross = amount_at(gross, &Path::root())?;
    let rate = rate_at(rate, &arg(1))?;
    tax::split_tax(gross, rate).map(|s| split_json(&s))
}

/// `splitWithDeduction(gross, deduction, rate)`: 差额征税 → `{amount, tax}`.
pub fn split_with_deduction(gross: &Value, deduction: &Value, rate: &Value) -> Out {
    let gross = amount_at(gross, &Path::root())?;
    let deduction = amount_at(deduction, &arg(1))?;
    let rate = rate_at(rate, &arg(2))?;
    tax::split_with_deduction(gross, deduction, rate).map(|s| split_json(&s))
}

/// `lineTax(amount, rate, deduction?)`: the tax of one line (rate may be 免税 etc.).
pub fn line_tax(amount: &Value, rate: &Value, deduction: &Value) -> Out {
    let amount = amount_at(amount, &Path::root())?;
    let rate = match rate {
        Value::String(s) => LineRate::parse(s).map_err(|e| e.at(arg(1)))?,
        other => {
            return Err(rate_at(other, &arg(1))
                .err()
                .unwrap_or_else(|| wrong_type("string", other, &arg(1))));
        }
    };
    let deduction = match deduction {
        Value::Null => None,
        v => Some(amount_at(v, &arg(2))?),
    };
    tax::tax_of(amount, rate, deduction).map(|t| json!(t.to_string()))
}

/// `compute(invoice, {pricesIncludeTax, redistribute, policy}?)`: fills amounts, taxes, totals
/// and the 大写; returns the core's `Computed` as JSON (`{invoice, per_rate, tax_difference,
/// adjusted_lines, split}`). Throws the first reading or computing error.
pub fn compute(invoice: JsSource<'_>, options: JsSource<'_>) -> Out {
    let opts = tax::Options::read(options, Keys::Camel)?;
    let inv = Invoice::from_source(invoice)?;
    tax::compute(&inv, &opts).map(|c| ser(&c))
}

/// `ratesInForce(date, category?)`: the rates (as percentages) in force on a day.
pub fn rates_in_force(day: &Value, category: &Value) -> Out {
    let day = date(day, &Path::root())?;
    let category = match category {
        Value::Null => None,
        Value::String(s) => Some(s.parse::<TaxpayerCategory>().map_err(|e| e.at(arg(1)))?),
        other => return Err(wrong_type("string", other, &arg(1))),
    };
    Ok(json!(
        tax::rates_in_force(day, category)
            .iter()
            .map(|r| r.percent())
            .collect::<Vec<_>>()
    ))
}

// ---------------------------------------------------------------------------------------------
// Model and validation

/// `parseInvoice(invoice)`: the invoice read and written back in the core's normal form.
pub fn parse_invoice(invoice: JsSource<'_>) -> Out {
    Invoice::from_source(invoice).map(|i| i.to_value())
}

/// The validation context from `{asOf, sellerCategory?, issuingLimit?, policy?, notCarried?}`.
pub fn context(options: JsSource<'_>) -> Result<Context, Error> {
    Context::read(options, Keys::Camel)
}

/// The report for one invoice as the walker read it: a walker problem (a function inside the
/// invoice, a cycle) is the report's only finding, like any other reading problem.
pub fn report_of(invoice: &Result<JsSource<'_>, Error>, ctx: &Context) -> Value {
    match invoice {
        Ok(v) => report(&validate_source(*v, ctx)),
        Err(e) => report(&Report::from_errors(vec![e.clone()])),
    }
}

/// `validate(invoice, options)`: `{valid, findings}`; throws only for bad options.
pub fn validate_one(invoice: &Result<JsSource<'_>, Error>, options: JsSource<'_>) -> Out {
    let ctx = context(options)?;
    Ok(report_of(invoice, &ctx))
}

/// `isValid(invoice, options)`: no error finding.
pub fn is_valid(invoice: &Result<JsSource<'_>, Error>, options: JsSource<'_>) -> Out {
    let ctx = context(options)?;
    Ok(json!(match invoice {
        Ok(v) => validate_source(*v, &ctx).is_valid(),
        Err(_) => false,
    }))
}

/// `validateMany(list, options)`: one report per invoice, in order.
pub fn validate_many(invoices: &[Result<JsSource<'_>, Error>], ctx: &Context) -> Value {
    Value::Array(invoices.iter().map(|i| report_of(i, ctx)).collect())
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

/// The summary `lifecycle.run` returns: both states, the money, and the documents' states.
fn summary(lc: &Lifecycle) -> Value {
    let slips: Map<String, Value> = lc
        .slips()
        .iter()
        .map(|s| (s.slip_no.clone(), json!(s.state.code())))
        .collect();
    let tables: Map<String, Value> = lc
        .info_tables()
        .iter()
        .map(|t| (t.table_no.clone(), json!(t.state.name())))
        .collect();
    let reds: Vec<Value> = lc
        .red_invoices()
        .iter()
        .map(|r| json!({"number": r.number, "amount": r.amount.to_string()}))
        .collect();
    json!({
        "seller_state": lc.seller_state().name(),
        "buyer_state": lc.buyer_state().name(),
        "use_purpose": lc.use_purpose().map(|p| p.name()),
        "lost": lc.lost(),
        "remaining": lc.remaining().to_string(),
        "reversed": lc.reversed().to_string(),
        "history_len": lc.history().len(),
        "red_invoices": reds,
        "slips": slips,
        "info_tables": tables,
    })
}

/// `lifecycle.run({kind, amount, events, expireOverdueAt?})`: replays the events
/// (`Lifecycle::replay`), then expires overdue slips when `expireOverdueAt` is given; returns the
/// state summary. A refused step throws its code at `events[i]`.
pub fn lifecycle_run(input: &Value) -> Out {
    let Value::Object(m) = input else {
        return Err(wrong_type("object", input, &Path::root()));
    };
    let o = Opts::open(
        JsSource::Value(input),
        Path::root(),
        Keys::Camel,
        &["kind", "amount", "events", "expire_overdue_at"],
    )?;
    let kind = match m.get("kind") {
        Some(Value::String(s)) => Kind::parse_name(s).map_err(|e| e.at(Path::field("kind")))?,
        Some(other) => return Err(wrong_type("kind name", other, &Path::field("kind"))),
        None => Kind::parse_name("").map_err(|e| e.at(Path::field("kind")))?,
    };
    let amount = match m.get("amount") {
        Some(Value::String(s)) => Amount::parse(s).map_err(|e| e.under(&Path::field("amount")))?,
        other => {
            return Err(Error::new(INP_JSON)
                .with(
                    "reason",
                    format!(
                        "amount must be a decimal string, got {}",
                        other.map_or("nothing", type_name)
                    ),
                )
                .at(Path::field("amount")));
        }
    };
    let events = match m.get("events") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .map(|(i, v)| Step::from_json(v).map_err(|e| e.under(&Path::field("events").index(i))))
            .collect::<Result<Vec<_>, _>>()?,
        Some(other) => return Err(wrong_type("array of steps", other, &Path::field("events"))),
    };
    let mut lc = Lifecycle::replay(kind, amount, events)?;
    if let Some(now) = o.date_time("expire_overdue_at")? {
        lc.expire_overdue(now)
            .map_err(|e| e.under(&o.path("expire_overdue_at")))?;
    }
    Ok(summary(&lc))
}

/// `lifecycle.table(from)`: the transition-table rows leaving a state
/// (`{seller: "issued"}`; `null` for documents not yet created).
pub fn lifecycle_table(from: &Value) -> Out {
    // The error names the parameter (`from`), as the vectors expect.
    let from: Option<Node> = serde_json::from_value(from.clone()).map_err(|e| {
        Error::new(INP_JSON)
            .with("reason", e)
            .at(Path::field("from"))
    })?;
    Ok(Value::Array(
        table::TABLE
            .iter()
            .filter(|r| r.from == from)
            .map(|r| {
                let guards: Vec<&str> = r.guards.iter().map(|g| g.name()).collect();
                json!({"event": r.event.name(), "to": r.to, "guards": guards})
            })
            .collect(),
    ))
}

// ---------------------------------------------------------------------------------------------
// Verification (查验): check codes, QR payloads, the 查验 query, duplicates

/// A JSON value with every whole, finite float written as an integer (JS numbers arrive as
/// floats; the core's serde readers want integers for counts and years).
fn whole_numbers(v: &Value) -> Value {
    match v {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => n
            .as_f64()
            .and_then(|f| whole(v, i64::MIN, i64::MAX).filter(|_| f.is_finite()))
            .map_or_else(|| v.clone(), |i| json!(i)),
        Value::Array(a) => Value::Array(a.iter().map(whole_numbers).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| (k.clone(), whole_numbers(x)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// An invoice argument (any shape the model reads; its errors name paths inside it).
fn invoice_arg(v: JsSource<'_>) -> Result<Invoice, Error> {
    Invoice::from_source(v)
}

fn key_arg(key_hex: &Value) -> Result<CheckCodeKey, Error> {
    CheckCodeKey::from_hex(string(key_hex, &Path::root())?)
}

/// `checkCode(invoice, keyHex)`: the 20-digit check code under the core's keyed scheme v1.
pub fn check_code(invoice: &Value, key_hex: &Value) -> Out {
    let key = key_arg(key_hex)?;
    check_code::generate_for(&key, &invoice_arg(JsSource::Value(invoice))?).map(Value::String)
}

/// `verifyCheckCode(invoice, code, keyHex)`: whether `code` is the invoice's check code.
pub fn verify_check_code(invoice: &Value, code: &Value, key_hex: &Value) -> Out {
    let key = key_arg(key_hex)?;
    let inv = invoice_arg(JsSource::Value(invoice))?;
    check_code::verify_for(&key, &inv, string(code, &arg(1))?).map(|b| json!(b))
}

/// `checkCodeMessage(invoice)`: the canonical v1 message a check code is computed over.
pub fn check_code_message(invoice: &Value) -> Out {
    let input = CheckCodeInput::from_invoice(&invoice_arg(JsSource::Value(invoice))?)?;
    Ok(json!(String::from_utf8_lossy(&input.message())))
}

/// `last6(code)`: the last 6 digits of a 20-digit check code.
pub fn last6(code: &Value) -> Out {
    check_code::last6(string(code, &Path::root())?).map(Value::String)
}

/// `last5(code)`: the last 5 digits of a 20-digit check code (blockchain invoices).
pub fn last5(code: &Value) -> Out {
    check_code::last5(string(code, &Path::root())?).map(Value::String)
}

/// `parseQr(text)`: the decoded payload (the core's JSON shape).
pub fn parse_qr(text: &Value) -> Out {
    qr::parse(string(text, &Path::root())?).map(|p| ser(&p))
}

/// `buildQr(invoice, {hash}?)`: the QR payload text of an invoice.
pub fn build_qr(invoice: &Value, options: &Value) -> Out {
    let hash = Opts::open(
        JsSource::Value(options),
        Path::root(),
        Keys::Camel,
        &["hash"],
    )?
    .text("hash")?;
    qr::build(&invoice_arg(JsSource::Value(invoice))?, hash.as_deref()).map(Value::String)
}

/// The query of an argument: QR text (a string), `{invoice, carPrice?}`, `{qr}`, or an invoice;
/// `car_price` (from the options) applies to an invoice given directly.
fn query_arg(v: &Value, car_price: Option<Amount>) -> Result<VerifyQuery, Error> {
    match v {
        Value::String(text) => query::from_qr(&qr::parse_invoice(text)?),
        Value::Object(m) if m.contains_key("invoice") || m.contains_key("qr") => {
            let o = Opts::open(
                JsSource::Value(v),
                Path::root(),
                Keys::Camel,
                &["invoice", "car_price", "qr"],
            )?;
            if let Some(text) = o.text("qr")? {
                return query::from_qr(&qr::parse_invoice(&text)?);
            }
            let price = o.amount_argument("car_price")?.or(car_price);
            query::build(
                &invoice_arg(o.get("invoice")?.unwrap_or(JsSource::Value(&Value::Null)))?,
                price,
            )
        }
        other => query::build(&invoice_arg(JsSource::Value(other))?, car_price),
    }
}

/// The query of a precheck or match: as [`query_arg`], or a query as `verifyQuery` returned it
/// (stored after a scan, say; an invoice never has its `element` or `value` keys).
fn stored_or_query_arg(v: &Value) -> Result<VerifyQuery, Error> {
    if VerifyQuery::is_stored_shape(v) {
        VerifyQuery::from_value(v)
    } else {
        query_arg(v, None)
    }
}

/// `readVerifyQuery(query)`: a stored query read back into the core's normal form.
pub fn read_verify_query(query: &Value) -> Out {
    VerifyQuery::from_value(query).map(|q| ser(&q))
}

/// `verifyQuery(invoice, {carPrice}?)`: the 查验 query (the core's JSON shape).
pub fn verify_query(invoice: &Value, options: &Value) -> Out {
    let price = Opts::open(
        JsSource::Value(options),
        Path::root(),
        Keys::Camel,
        &["car_price"],
    )?
    .amount_argument("car_price")?;
    query_arg(invoice, price).map(|q| ser(&q))
}

/// `precheck(query, {asOf, sameDay?, lookBackYears?})`: null when the query may be looked up,
/// else the outcome the platform gives instead.
pub fn precheck(q: &Value, options: &Value) -> Out {
    let o = CheckOptions::read_precheck(JsSource::Value(options), Keys::Camel)?;
    let q = stored_or_query_arg(q)?;
    Ok(query::precheck(&q, o.as_of, &o.precheck)
        .err()
        .map_or(Value::Null, |o| ser(&o)))
}

/// `matchRecord(query, record, {asOf, status?, carPrice?, sameDay?, lookBackYears?})`: the
/// platform's answer given the stored record (an invoice, or null for none).
pub fn match_record(q: &Value, record: &Value, options: &Value) -> Out {
    let o = CheckOptions::read_match(JsSource::Value(options), Keys::Camel)?;
    let q = stored_or_query_arg(q)?;
    let record = match record {
        Value::Null => None,
        r => Some(StoredRecord {
            invoice: invoice_arg(JsSource::Value(r))?,
            status: o.status,
            car_price: o.car_price,
        }),
    };
    Ok(ser(&query::match_record(
        &q,
        record.as_ref(),
        o.as_of,
        &o.precheck,
    )))
}

/// `dedupeKey(item)`: the identity keys of one item.
pub fn dedupe_key(item: &Value) -> Out {
    Item::from_value(item)
        .and_then(|i| i.keys())
        .map(|k| ser(&k))
}

/// `findDuplicates(items)`: `{groups, errors: [{index, error}]}`.
pub fn find_duplicates(items: &Value) -> Out {
    let Value::Array(items) = items else {
        return Err(wrong_type("array of items", items, &Path::root()));
    };
    Ok(ser(&duplicates::find_duplicates_json(items)))
}

// ---------------------------------------------------------------------------------------------
// Statistics

/// The items of a list argument: `{invoice, status?}` or an invoice; errors under `[i]`.
fn stat_items(list: &Value) -> Result<Vec<(Invoice, Option<String>)>, Error> {
    let Value::Array(items) = list else {
        return Err(wrong_type("array of invoices", list, &Path::root()));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = Path::root().index(i);
            match item {
                Value::Object(m) if m.contains_key("invoice") => {
                    let o = Opts::open(
                        JsSource::Value(item),
                        at.clone(),
                        Keys::Camel,
                        &["invoice", "status"],
                    )?;
                    let inv =
                        invoice_arg(o.get("invoice")?.unwrap_or(JsSource::Value(&Value::Null)))
                            .map_err(|e| e.under(&at))?;
                    Ok((inv, o.text("status")?))
                }
                other => Ok((
                    invoice_arg(JsSource::Value(other)).map_err(|e| e.under(&at))?,
                    None,
                )),
            }
        })
        .collect()
}

fn compute_stats(items: &[(Invoice, Option<String>)], own: Option<&str>) -> Result<Stats, Error> {
    let entries: Vec<stats::Entry<'_>> = items
        .iter()
        .map(|(invoice, status)| stats::Entry {
            invoice,
            status: status.as_deref(),
        })
        .collect();
    let opts = stats::Options {
        own_tax_id: own.map(str::to_string),
    };
    stats::compute(&entries, &opts)
}

/// `stats(list, {ownTaxId}?)`: totals and groups (the core's JSON shape, money as strings).
pub fn stats_of(list: &Value, options: &Value) -> Out {
    let o = stats::Options::read(JsSource::Value(options), Keys::Camel)?;
    let items = stat_items(list)?;
    compute_stats(&items, o.own_tax_id.as_deref()).map(|s| ser(&s))
}

// ---------------------------------------------------------------------------------------------
// Find (查找发票): normalising what was typed, searching, diagnosing, numbering, exports

fn normalised(raw: &Value) -> Result<find::Normalised, Error> {
    RawQuery::from_value(raw).map(|r| normalise::normalise(&r))
}

/// `normaliseQuery(raw)`: `{query, corrections}`; throws the first unfixable problem.
pub fn normalise_query(raw: &Value) -> Out {
    let n = normalised(raw)?;
    if let Some(e) = n.errors.into_iter().next() {
        return Err(e);
    }
    Ok(json!({"query": ser(&n.query), "corrections": ser(&n.corrections)}))
}

/// `normaliseQueryAll(raw)`: `{query, corrections, errors}` (errors as findings).
pub fn normalise_query_all(raw: &Value) -> Out {
    let n = normalised(raw)?;
    Ok(json!({
        "query": ser(&n.query),
        "corrections": ser(&n.corrections),
        "errors": n.errors.iter().map(finding).collect::<Vec<_>>(),
    }))
}

/// The records of a list argument (errors under `[i]`).
fn records(list: &Value) -> Result<Vec<Record>, Error> {
    let Value::Array(items) = list else {
        return Err(wrong_type("array of records", list, &Path::root()));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, r)| Record::from_value(r).map_err(|e| e.under(&Path::root().index(i))))
        .collect()
}

/// `search(records, filter)`: the hits in stable order (the filter is the core's `Filter`).
pub fn search(list: &Value, filter: &Value) -> Out {
    let rs = records(list)?;
    let f = Filter::from_value(filter)?;
    find::search::search(&rs, &f).map(|h| ser(&h))
}

/// `diagnose(lookup)`: every reason a lookup fails (`{query, corrections, findings, matches}`;
/// findings as plain objects). `lookup` is the core's `Lookup`:
/// `{query, as_of, platform?, records?, options?: {look_back_years?, same_day?}}`.
pub fn diagnose(lookup: &Value) -> Out {
    let d = find::diagnose::diagnose(&Lookup::from_value(lookup)?);
    Ok(json!({
        "query": ser(&d.query),
        "corrections": ser(&d.corrections),
        "findings": d.findings.iter().map(finding).collect::<Vec<_>>(),
        "matches": ser(&d.matches),
    }))
}

/// `buildNumber({year, region, channel, sequence})`: the 20-digit 数电 number.
pub fn build_number(parts: &Value) -> Out {
    let parts: NumberParts = serde_json::from_value(whole_numbers(parts))
        .map_err(|e| Error::new(INP_JSON).with("reason", shorten(&e.to_string())))?;
    numbering::build_number(&parts).map(Value::String)
}

/// `numberParts(number)`: `{year, region, channel, sequence}`.
pub fn number_parts(number: &Value) -> Out {
    numbering::parts_of(string(number, &Path::root())?).map(|p| ser(&p))
}

/// `nextNumber(number)`: the next number of its sequence.
pub fn next_number(number: &Value) -> Out {
    numbering::next_number(string(number, &Path::root())?).map(Value::String)
}

/// `exportCsv(what, invoices, {lang, asOf, ownTaxId, statuses}?)` and `exportJsonl(…)`:
/// `what` is `invoices`, `reports` (each invoice validated as of `asOf`) or `stats`.
pub fn export(what: &Value, invoices: &Value, options: &Value, csv: bool) -> Out {
    let what = string(what, &Path::root())?;
    let o = ExportOptions::read(JsSource::Value(options), Keys::Camel)?;
    let lang = o.lang;
    let Value::Array(list) = invoices else {
        return Err(wrong_type("array of invoices", invoices, &arg(1)));
    };
    let invs = list
        .iter()
        .enumerate()
        .map(|(i, v)| invoice_arg(JsSource::Value(v)).map_err(|e| e.under(&Path::root().index(i))))
        .collect::<Result<Vec<_>, _>>()?;
    let text = match what {
        "invoices" if csv => export::invoices_csv(&invs, lang),
        "invoices" => export::invoices_jsonl(&invs),
        "reports" => {
            let as_of = o
                .as_of
                .ok_or_else(|| Error::new(INP_MISSING).at(Path::field("asOf")))?;
            let ctx = Context::new(as_of);
            let reports: Vec<(String, Report)> = invs
                .iter()
                .map(|inv| (export::invoice_key(inv), validate(inv, &ctx)))
                .collect();
            if csv {
                export::reports_csv(&reports, lang)
            } else {
                export::reports_jsonl(&reports)
            }
        }
        "stats" => {
            let statuses = o.statuses;
            let items: Vec<(Invoice, Option<String>)> = invs
                .into_iter()
                .zip(statuses.into_iter().chain(std::iter::repeat(None)))
                .collect();
            let s = compute_stats(&items, o.own_tax_id.as_deref())?;
            if csv {
                export::stats_csv(&s, lang)
            } else {
                export::stats_jsonl(&s)
            }
        }
        other => {
            return Err(Error::new(INP_UNKNOWN_OPTION)
                .with("value", shorten(other))
                .with("allowed", "invoices, reports, stats")
                .at(Path::root()));
        }
    };
    Ok(Value::String(text))
}

// ---------------------------------------------------------------------------------------------
// Reading invoice files

/// One reading as a plain object: the core's JSON shape of [`Reading`](invoice_core::read::Reading)
/// (source, invoice, qr, not_carried, accounting, origins), its `findings` as finding objects
/// ([`finding`]), its `summary` (the core's short form), and with a validation context its
/// `report` (the reading findings followed by validation's, fields the format does not carry
/// not called missing).
fn reading(r: &invoice_core::read::Reading, ctx: Option<&Context>) -> Value {
    let mut out = ser(r);
    if let Value::Object(map) = &mut out {
        map.insert(
            "findings".into(),
            Value::Array(r.findings.iter().map(finding).collect()),
        );
        map.insert("summary".into(), r.summary());
        if let Some(ctx) = ctx {
            map.insert("report".into(), report(&r.validate(ctx)));
        }
    }
    out
}

/// The validation context of the reading options (`{asOf, …}` as for `validate`), or none.
fn reading_context(options: &Value) -> Result<Option<Context>, Error> {
    if options.is_null() {
        Ok(None)
    } else {
        context(JsSource::Value(options)).map(Some)
    }
}

/// `read(bytes, {asOf, …}?)`: one invoice file (数电 XML, OFD, MoF XBRL) or a QR text, recognised
/// from the bytes. Throws `READ-01`…`READ-09` when the bytes are no invoice file at all.
pub fn read_file(bytes: &[u8], options: &Value) -> Out {
    let ctx = reading_context(options)?;
    let r = invoice_core::read::read(bytes)?;
    Ok(reading(&r, ctx.as_ref()))
}

/// `readMany([{name, bytes}], {asOf, …}?)`: every file read on its own (`files[i]` holds `name`
/// and either `reading` or `error`), plus `copies` (groups of files holding one invoice) and
/// `copy_of` (for each file, the index of the first file it is a copy of, or null).
pub fn read_many(files: &[(String, Vec<u8>)], options: &Value) -> Out {
    let ctx = reading_context(options)?;
    let batch = invoice_core::read::read_many(files);
    let list: Vec<Value> = batch
        .files
        .iter()
        .map(|f| {
            json!({
                "name": f.name,
                "reading": f.reading.as_ref().map(|r| reading(r, ctx.as_ref())),
                "error": f.error.as_ref().map(finding),
            })
        })
        .collect();
    Ok(json!({
        "files": list,
        "copies": ser(&batch.copies),
        "copy_of": batch.copy_of(),
    }))
}

/// The coded error for a path a binding could not open (`READ-20`).
pub fn unopened(path: &str, reason: &dyn std::fmt::Display) -> Error {
    Error::new(invoice_core::read::FILE_UNOPENED)
        .with("path", path)
        .with("reason", reason.to_string())
}
