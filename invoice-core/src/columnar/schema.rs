//! The invoice table schema (发票表结构): every column of the header table and of the lines, where
//! its value goes in the core's JSON form of an invoice, and the Arrow type the package writes.
//!
//! Reading is looser than writing: a money column may be `decimal128(_, s)`, an integer or decimal
//! text; a date `date32`, `date64` or ISO text; text may be `utf8`, `large_utf8`, `utf8_view` or
//! dictionary-encoded. What a value *means* is always decided by the core's reader
//! ([`Invoice::from_source`](crate::model::Invoice::from_source)), never here.

use std::sync::Arc;

use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, SchemaRef};

/// What a column holds, which fixes its Arrow type on output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `utf8`.
    Text,
    /// Money (金额): `decimal128(38, 2)`.
    Money,
    /// A quantity or unit price (up to 28 decimals): exact decimal text, `utf8`.
    Decimal,
    /// `date32`.
    Date,
    /// `bool`.
    Bool,
    /// `int64`.
    Int,
    /// A nested JSON object (red-letter reference, special business) as JSON text, `utf8` (a
    /// `struct` column is read as well).
    Json,
    /// The lines: `list<struct<LINE>>`.
    Lines,
}

/// One column: its name, its place in the invoice JSON and its kind.
#[derive(Debug)]
pub struct Col {
    /// The column name.
    pub name: &'static str,
    /// The keys leading to the value in the invoice JSON (one or two).
    pub path: &'static [&'static str],
    /// What it holds.
    pub kind: Kind,
}

const fn col(name: &'static str, path: &'static [&'static str], kind: Kind) -> Col {
    Col { name, path, kind }
}

/// The key column joining a lines table to its header row; also copied into findings.
pub const KEY: &str = "invoice_id";
/// The optional status label column read by `stats`.
pub const STATUS: &str = "status";

use Kind::{Bool, Date, Decimal, Json, Lines, Money, Text};

/// The header table's columns, in the published order.
pub const HEADER: &[Col] = &[
    col("kind", &["kind"], Text),
    col("code", &["code"], Text),
    col("number", &["number"], Text),
    col("digital_number", &["digital_number"], Text),
    col("issue_date", &["issue_date"], Date),
    col("issue_time", &["issue_time"], Text),
    col("seller_name", &["seller", "name"], Text),
    col("seller_tax_id", &["seller", "tax_id"], Text),
    col("seller_type", &["seller", "type"], Text),
    col("seller_address", &["seller", "address"], Text),
    col("seller_phone", &["seller", "phone"], Text),
    col("seller_bank", &["seller", "bank"], Text),
    col("seller_account", &["seller", "account"], Text),
    col("buyer_name", &["buyer", "name"], Text),
    col("buyer_tax_id", &["buyer", "tax_id"], Text),
    col("buyer_type", &["buyer", "type"], Text),
    col("buyer_address", &["buyer", "address"], Text),
    col("buyer_phone", &["buyer", "phone"], Text),
    col("buyer_bank", &["buyer", "bank"], Text),
    col("buyer_account", &["buyer", "account"], Text),
    col("lines", &["lines"], Lines),
    col("amount", &["totals", "amount"], Money),
    col("tax", &["totals", "tax"], Money),
    col("total", &["totals", "total"], Money),
    col("total_in_words", &["totals", "total_in_words"], Text),
    col("deduction", &["deduction"], Money),
    col("remarks", &["remarks"], Text),
    col("drawer", &["drawer"], Text),
    col("reviewer", &["reviewer"], Text),
    col("payee", &["payee"], Text),
    col("check_code", &["check_code"], Text),
    col("has_list", &["has_list"], Bool),
    col("red", &["red"], Json),
    col("special", &["special"], Json),
];

/// The columns of one line (明细), in the lines struct or the lines table.
pub const LINE: &[Col] = &[
    col("name", &["name"], Text),
    col("tax_code", &["tax_code"], Text),
    col("spec", &["spec"], Text),
    col("unit", &["unit"], Text),
    col("quantity", &["quantity"], Decimal),
    col("unit_price", &["unit_price"], Decimal),
    col("amount", &["amount"], Money),
    col("rate", &["rate"], Text),
    col("tax", &["tax"], Money),
    col("nature", &["nature"], Text),
];

/// The Arrow type written for a kind.
pub fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Text | Kind::Decimal | Kind::Json => DataType::Utf8,
        Kind::Money => DataType::Decimal128(38, 2),
        Kind::Date => DataType::Date32,
        Kind::Bool => DataType::Boolean,
        Kind::Int => DataType::Int64,
        Kind::Lines => DataType::List(line_item()),
    }
}

/// The item field of the lines list: a struct of [`LINE`].
pub fn line_item() -> FieldRef {
    Arc::new(Field::new("item", DataType::Struct(fields(LINE)), true))
}

/// The fields of a list of columns (all nullable: the core's reader says what is required).
pub fn fields(cols: &[Col]) -> Fields {
    cols.iter()
        .map(|c| Field::new(c.name, data_type(c.kind), true))
        .collect()
}

/// The header table as the package writes it: `invoice_id` (text) then [`HEADER`].
pub fn invoice_schema() -> SchemaRef {
    let mut f = vec![Field::new(KEY, DataType::Utf8, true)];
    f.extend(fields(HEADER).iter().map(|f| f.as_ref().clone()));
    Arc::new(Schema::new(f))
}

/// A separate lines table: `invoice_id` then [`LINE`].
pub fn line_schema() -> SchemaRef {
    let mut f = vec![Field::new(KEY, DataType::Utf8, true)];
    f.extend(fields(LINE).iter().map(|f| f.as_ref().clone()));
    Arc::new(Schema::new(f))
}

/// A findings table: one row per finding.
pub fn findings_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new(KEY, DataType::Utf8, true),
        Field::new("row", DataType::Int64, false),
        Field::new("code", DataType::Utf8, false),
        Field::new("severity", DataType::Utf8, false),
        Field::new("path", DataType::Utf8, false),
        Field::new("message", DataType::Utf8, false),
        Field::new("message_zh", DataType::Utf8, false),
    ]))
}

/// The decoded 发票代码 (`parse_invoice_code`), flattened; absent parts are null.
pub const CODE_PARTS: &[Col] = &[
    col("code", &["code"], Text),
    col("format", &["format"], Text),
    col("kind", &["kind"], Text),
    col("region_code", &["region", "code"], Text),
    col("region_zh", &["region", "zh"], Text),
    col("region_en", &["region", "en"], Text),
    col("year", &["year"], Kind::Int),
    col("batch", &["batch"], Kind::Int),
    col("copies", &["copies"], Kind::Int),
    col("kind_digit", &["kind_digit"], Kind::Int),
    col("amount_version", &["amount_version"], Text),
    col("suffix", &["suffix"], Text),
    col("variant", &["variant"], Text),
];

/// The decoded 发票号码 (`parse_invoice_number`), flattened.
pub const NUMBER_PARTS: &[Col] = &[
    col("number", &["number"], Text),
    col("format", &["format"], Text),
    col("year", &["year"], Kind::Int),
    col("region_code", &["region", "code"], Text),
    col("region_zh", &["region", "zh"], Text),
    col("region_en", &["region", "en"], Text),
    col("channel", &["channel"], Kind::Int),
    col("sequence", &["sequence"], Text),
];

/// A parsed QR text (`parse_qr`): invoice payloads fill every field, a Shenzhen blockchain URL
/// `type` and `hash`, another URL only `type`.
pub const QR_PARTS: &[Col] = &[
    col("type", &["type"], Text),
    col("version", &["version"], Text),
    col("kind_code", &["kind_code"], Text),
    col("qr_kind", &["qr_kind"], Text),
    col("kind", &["kind"], Text),
    col("code", &["code"], Text),
    col("number", &["number"], Text),
    col("amount", &["amount"], Money),
    col("amount_meaning", &["amount_meaning"], Text),
    col("issue_date", &["issue_date"], Date),
    col("check_code", &["check_code"], Text),
    col("hash", &["hash"], Text),
];

/// One group of `stats`: `dimension` (`total`, `by_month`, `by_kind`, …), key, name, sums.
pub const STATS_GROUP: &[Col] = &[
    col("dimension", &["dimension"], Text),
    col("key", &["key"], Text),
    col("name", &["name"], Text),
    col("count", &["count"], Kind::Int),
    col("amount", &["amount"], Money),
    col("tax", &["tax"], Money),
    col("total", &["total"], Money),
];

/// The groups table of `stats`: [`STATS_GROUP`].
pub fn stats_schema() -> SchemaRef {
    Arc::new(Schema::new(fields(STATS_GROUP)))
}

/// The groups table of `duplicates`: `group` (0, 1, …), `row` (the member's row in the input)
/// and `invoice_id`.
pub fn duplicates_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("group", DataType::Int64, false),
        Field::new("row", DataType::Int64, false),
        Field::new(KEY, DataType::Utf8, true),
    ]))
}
