//! The core's Arrow path (feature `arrow`): a table of invoices gets the same coded findings at
//! the same paths as the same invoices read from JSON; a bad cell is a finding at its row; a
//! float money column refuses the table naming the column; a lines table joins by key; the
//! column operations answer as the scalar functions.
#![cfg(feature = "arrow")]

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, Float64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use invoice_core::columnar::{ColumnOp, Invoices, invoices_batch, pieces, prepare_column};
use invoice_core::ids::Scheme;
use invoice_core::model::Invoice;
use invoice_core::validate::{Context, validate_json};
use invoice_core::{Path, stats};
use serde_json::{Value, json};

fn invoice(number: &str, seller_tax_id: &str, tax: &str) -> Value {
    json!({"kind": "digital_ordinary", "number": number, "issue_date": "2024-11-18",
        "seller": {"name": "上海七牛信息技术有限公司", "tax_id": seller_tax_id},
        "buyer": {"name": "张三", "type": "natural_person"},
        "lines": [
            {"name": "*餐饮服务*餐饮服务", "tax_code": "3070401000000000000", "amount": "100.00",
             "rate": "6%", "tax": tax},
            {"name": "*餐饮服务*餐饮服务", "tax_code": "3070401000000000000", "quantity": "2",
             "unit_price": "50", "amount": "100.00", "rate": "6%", "tax": "6.00"}],
        "totals": {"amount": "200.00", "tax": "12.00", "total": "212.00",
                   "total_in_words": "贰佰壹拾贰圆整"}})
}

fn ctx() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 12, 1).expect("date"))
}

/// (row, code, path) of every finding of a table validated piece by piece (small pieces, so
/// more than one).
fn table_findings(table: &Invoices) -> Vec<(u64, String, String)> {
    let ctx = ctx();
    table
        .pieces(2)
        .iter()
        .flat_map(|p| table.validate(p, &ctx))
        .map(|f| (f.row, f.error.code().to_owned(), f.error.path().to_string()))
        .collect()
}

fn json_findings(docs: &[Value]) -> Vec<(u64, String, String)> {
    let ctx = ctx();
    docs.iter()
        .enumerate()
        .flat_map(|(i, d)| {
            validate_json(d, &ctx)
                .findings
                .into_iter()
                .map(move |f| (i as u64, f.code().to_owned(), f.path().to_string()))
        })
        .collect()
}

#[test]
fn a_table_gets_the_findings_of_the_same_invoices_as_json() {
    let docs = vec![
        invoice("24312000000358032546", "91310000580583950X", "6.00"),
        invoice("24312000000358032547", "91310000580583950Y", "6.00"),
        invoice("24312000000358032548", "91310000580583950X", "6.50"),
        invoice("24312000000358032549", "91310000580583950X", "6.00"),
        invoice("24312000000358032550", "bad id", "6.00"),
    ];
    let rows: Vec<(Option<String>, Option<&Value>)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (Some(format!("k{i}")), Some(d)))
        .collect();
    // Two batches, so rows are counted over batches.
    let (a, b) = rows.split_at(2);
    let batches = [
        invoices_batch(a).expect("batch"),
        invoices_batch(b).expect("batch"),
    ];
    let table = Invoices::new(&batches, None).expect("table");
    let expected = json_findings(&docs);
    assert!(
        expected
            .iter()
            .any(|(row, code, _)| *row == 1 && code == "ID-18")
    );
    assert!(
        expected
            .iter()
            .any(|(row, code, _)| *row == 2 && code.starts_with("CAL-"))
    );
    assert!(
        expected
            .iter()
            .any(|(row, code, _)| *row == 4 && code == "PTY-02")
    );
    assert!(!expected.iter().any(|(row, _, _)| *row == 0 || *row == 3));
    assert_eq!(table_findings(&table), expected);
    // Each finding carries its row's key.
    let last = pieces(&[2, 3], 2);
    assert_eq!(last.len(), 3);
    let found = table.validate(&last[2], &ctx());
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|f| f.key.as_deref() == Some("k4") && f.row == 4)
    );
}

/// A header table with text columns only (as a CSV reader gives them).
fn text_table(cols: &[(&str, Vec<Option<&str>>)]) -> RecordBatch {
    let fields: Vec<Field> = cols
        .iter()
        .map(|(n, _)| Field::new(*n, DataType::Utf8, true))
        .collect();
    let arrays: Vec<ArrayRef> = cols
        .iter()
        .map(|(_, v)| Arc::new(StringArray::from(v.clone())) as ArrayRef)
        .collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).expect("batch")
}

#[test]
fn a_bad_cell_is_a_finding_at_its_row_and_a_lines_table_joins_by_key() {
    let header = text_table(&[
        ("invoice_id", vec![Some("a"), Some("b")]),
        (
            "kind",
            vec![Some("digital_ordinary"), Some("digital_ordinary")],
        ),
        (
            "number",
            vec![Some("24312000000358032546"), Some("24312000000358032547")],
        ),
        ("issue_date", vec![Some("2024-11-18"), Some("2024-11-18")]),
        ("seller_name", vec![Some("上海七牛信息技术有限公司"); 2]),
        ("seller_tax_id", vec![Some("91310000580583950X"); 2]),
        ("buyer_name", vec![Some("张三"); 2]),
        ("buyer_type", vec![Some("natural_person"); 2]),
        ("amount", vec![Some("100.00"), Some("1OO.00")]),
        ("tax", vec![Some("6.00"); 2]),
        ("total", vec![Some("106.00"); 2]),
        ("total_in_words", vec![Some("壹佰零陆圆整"); 2]),
    ]);
    let lines = text_table(&[
        ("invoice_id", vec![Some("a"), Some("b")]),
        ("name", vec![Some("*餐饮服务*餐饮服务"); 2]),
        ("tax_code", vec![Some("3070401000000000000"); 2]),
        ("amount", vec![Some("100.00"); 2]),
        ("rate", vec![Some("6%"); 2]),
        ("tax", vec![Some("6.00"); 2]),
    ]);
    let table = Invoices::new(std::slice::from_ref(&header), Some(&[lines])).expect("table");
    let found = table_findings(&table);
    assert_eq!(
        found,
        vec![(1, "MNY-01".to_owned(), "totals.amount".to_owned())],
        "only the bad cell, at its row and path"
    );
    // The same table without its lines: every row lacks its lines (a finding per row).
    let alone = Invoices::new(&[header], None).expect("table");
    let rows: Vec<u64> = table_findings(&alone).iter().map(|f| f.0).collect();
    assert!(rows.contains(&0) && rows.contains(&1));
}

#[test]
fn a_float_money_column_refuses_the_table_naming_it() {
    let schema = Schema::new(vec![Field::new("total", DataType::Float64, true)]);
    let batch = RecordBatch::try_new(
        Arc::new(schema),
        vec![Arc::new(Float64Array::from(vec![Some(106.0)]))],
    )
    .expect("batch");
    let e = Invoices::new(&[batch], None).err().expect("refused");
    assert_eq!(e.code(), "INP-01");
    assert_eq!(e.path().to_string(), "total");
    // A lines table needs the key in the header table.
    let header = text_table(&[("kind", vec![Some("digital_ordinary")])]);
    let lines = text_table(&[("invoice_id", vec![Some("a")])]);
    let e = Invoices::new(&[header], Some(&[lines]))
        .err()
        .expect("refused");
    assert_eq!(
        (e.code(), e.path().to_string()),
        ("INP-04", "invoice_id".into())
    );
}

#[test]
fn computed_and_read_rows_match_the_model() {
    let docs = [
        invoice("24312000000358032546", "91310000580583950X", "6.00"),
        invoice("24312000000358032546", "91310000580583950X", "6.00"),
    ];
    let rows: Vec<(Option<String>, Option<&Value>)> =
        docs.iter().map(|d| (None, Some(d))).collect();
    let table = Invoices::new(&[invoices_batch(&rows).expect("batch")], None).expect("table");
    let all = table.pieces(100);
    for (p, d) in table.documents(&all[0]).iter().zip(&docs) {
        assert_eq!(
            Invoice::from_value(p).expect("reads"),
            Invoice::from_value(d).expect("reads")
        );
    }
    let read = table.read(&all[0]);
    let (groups, found) = invoice_core::columnar::duplicates(read).expect("duplicates");
    assert!(found.is_empty());
    assert_eq!(groups.num_rows(), 2, "the two rows are one invoice");
    let (groups, found) =
        invoice_core::columnar::stats(table.read(&all[0]), &stats::Options::default())
            .expect("stats");
    assert!(found.is_empty());
    let dims = groups.column(0).as_string::<i32>();
    assert_eq!(dims.value(0), "total");
    let (batch, found) = table
        .compute(&all[0], &invoice_core::tax::Options::default())
        .expect("compute");
    assert!(found.is_empty());
    assert_eq!(batch.num_rows(), 2);
}

#[test]
fn column_operations_answer_as_the_scalar_functions() {
    let ids: ArrayRef = Arc::new(StringArray::from(vec![
        Some(" 91350100m000100y43 "),
        Some("91350100M000100Y44"),
        None,
    ]));
    let at = Path::field("tax_id");
    let c = prepare_column(&ids, &at, false).expect("text");
    let valid = ColumnOp::IdValid(Scheme::Uscc).run(&c, 0..3).expect("runs");
    let valid = valid.as_boolean();
    assert!(valid.value(0) && !valid.value(1) && valid.is_null(2));
    let checked = ColumnOp::IdValidate {
        scheme: Scheme::Uscc,
        errors: true,
    }
    .run(&c, 1..3)
    .expect("runs");
    let s = checked.as_struct();
    let error = s.column_by_name("error").expect("error").as_string::<i32>();
    assert_eq!(error.value(0), "ID-04");
    assert!(s.is_null(1));
    let money: ArrayRef = Arc::new(Float64Array::from(vec![1.0]));
    let e = prepare_column(&money, &Path::field("total"), true).expect_err("float");
    assert_eq!(e.code(), "INP-01");
}
