//! The core's JSON → Arrow (写出列): results serialised by the core (invoices, decoded codes, QR
//! payloads, statistics) become columns of the published types (see [`super::schema`]), and
//! errors become rows of a findings table.

use std::fmt::Write as _;
use std::str::FromStr;
use std::sync::Arc;

use crate::error::Error;
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Decimal128Builder, Int64Builder, StringBuilder,
};
use arrow_array::types::Date32Type;
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{ArrowError, SchemaRef};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use super::schema::{Col, Kind, LINE, data_type, fields, findings_schema, line_item};

/// The value at `path` inside `v`.
pub fn get<'v>(v: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, k| v.get(*k))
}

/// Money text or integer → the mantissa at scale 2 (`None` when it does not fit 2 decimals).
fn money(v: &Value) -> Option<i128> {
    let mut d = match v {
        Value::String(s) => Decimal::from_str(s).ok()?,
        Value::Number(n) => Decimal::from(n.as_i64()?),
        _ => return None,
    };
    d.rescale(2);
    // rescale does not fail when 2 decimals cannot be held (28+ digits): check (toolchain.md 3).
    (d.scale() == 2).then(|| d.mantissa())
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// One column of `kind` from the values of many rows (`None` or JSON null → a null cell).
pub fn column(kind: Kind, vals: &[Option<&Value>]) -> Result<ArrayRef, ArrowError> {
    let n = vals.len();
    Ok(match kind {
        Kind::Text | Kind::Decimal => {
            let mut b = StringBuilder::with_capacity(n, n * 8);
            for v in vals {
                b.append_option(v.and_then(text));
            }
            Arc::new(b.finish())
        }
        Kind::Json => {
            let mut b = StringBuilder::with_capacity(n, n * 8);
            for v in vals {
                b.append_option(v.filter(|v| !v.is_null()).map(ToString::to_string));
            }
            Arc::new(b.finish())
        }
        Kind::Money => {
            let mut b = Decimal128Builder::with_capacity(n).with_data_type(data_type(kind));
            for v in vals {
                b.append_option(v.and_then(money));
            }
            Arc::new(b.finish())
        }
        Kind::Date => {
            let mut b = Date32Builder::with_capacity(n);
            for v in vals {
                b.append_option(
                    v.and_then(Value::as_str)
                        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                        .map(Date32Type::from_naive_date),
                );
            }
            Arc::new(b.finish())
        }
        Kind::Bool => {
            let mut b = BooleanBuilder::with_capacity(n);
            for v in vals {
                b.append_option(v.and_then(Value::as_bool));
            }
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::with_capacity(n);
            for v in vals {
                b.append_option(v.and_then(Value::as_i64));
            }
            Arc::new(b.finish())
        }
        Kind::Lines => {
            let mut offsets = Vec::with_capacity(n + 1);
            let mut valid = Vec::with_capacity(n);
            let mut items: Vec<Option<&Value>> = Vec::new();
            offsets.push(0i32);
            for v in vals {
                let list = v.and_then(Value::as_array);
                valid.push(list.is_some());
                items.extend(list.into_iter().flatten().map(Some));
                offsets.push(i32::try_from(items.len()).map_err(|_| {
                    ArrowError::ComputeError("more than 2^31 lines in one batch".into())
                })?);
            }
            let values = struct_array(LINE, &items, None)?;
            Arc::new(ListArray::try_new(
                line_item(),
                OffsetBuffer::new(offsets.into()),
                Arc::new(values),
                Some(NullBuffer::from(valid)),
            )?)
        }
    })
}

/// The columns of `cols` read from each row at each column's path.
pub fn columns(cols: &[Col], rows: &[Option<&Value>]) -> Result<Vec<ArrayRef>, ArrowError> {
    cols.iter()
        .map(|c| {
            let vals: Vec<Option<&Value>> = rows
                .iter()
                .map(|r| r.and_then(|r| get(r, c.path)))
                .collect();
            column(c.kind, &vals)
        })
        .collect()
}

/// A struct array of `cols`; `valid` marks null rows (a null input cell).
pub fn struct_array(
    cols: &[Col],
    rows: &[Option<&Value>],
    valid: Option<Vec<bool>>,
) -> Result<StructArray, ArrowError> {
    StructArray::try_new(
        fields(cols),
        columns(cols, rows)?,
        valid.map(NullBuffer::from),
    )
}

/// A record batch of `schema` whose first column is the key and the rest `cols`.
pub fn batch(
    schema: SchemaRef,
    cols: &[Col],
    keys: &[Option<String>],
    rows: &[Option<&Value>],
) -> Result<RecordBatch, ArrowError> {
    let mut arrays = vec![key_column(keys.iter().map(Option::as_deref))];
    arrays.extend(columns(cols, rows)?);
    RecordBatch::try_new(schema, arrays)
}

fn key_column<'k>(keys: impl ExactSizeIterator<Item = Option<&'k str>>) -> ArrayRef {
    let mut b = StringBuilder::with_capacity(keys.len(), keys.len() * 8);
    for k in keys {
        b.append_option(k);
    }
    Arc::new(b.finish())
}

/// One finding: the row's key, its index in the input and the core's error.
pub struct Finding {
    /// The row's `invoice_id`, when the table has one.
    pub key: Option<String>,
    /// The row's index in the input table (over all its batches).
    pub row: u64,
    /// The error or warning.
    pub error: Error,
}

/// The findings table (see [`findings_schema`]).
pub fn findings(items: &[Finding]) -> Result<RecordBatch, ArrowError> {
    let n = items.len();
    let mut rows = Int64Builder::with_capacity(n);
    let mut code = StringBuilder::with_capacity(n, n * 6);
    let mut severity = StringBuilder::with_capacity(n, n * 7);
    let mut path = StringBuilder::with_capacity(n, n * 12);
    let mut en = StringBuilder::with_capacity(n, n * 60);
    let mut zh = StringBuilder::with_capacity(n, n * 60);
    for f in items {
        rows.append_value(i64::try_from(f.row).unwrap_or(i64::MAX));
        code.append_value(f.error.code());
        severity.append_value(f.error.severity().as_str());
        // The path written straight into the column (the builder takes text until the row
        // is closed), not through a String of its own.
        write!(path, "{}", f.error.path()).map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
        path.append_value("");
        en.append_value(f.error.message());
        zh.append_value(f.error.message_zh());
    }
    RecordBatch::try_new(
        findings_schema(),
        vec![
            key_column(items.iter().map(|f| f.key.as_deref())),
            Arc::new(rows.finish()),
            Arc::new(code.finish()),
            Arc::new(severity.finish()),
            Arc::new(path.finish()),
            Arc::new(en.finish()),
            Arc::new(zh.finish()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;

    use super::*;
    use crate::error::{INP_MISSING, Path};

    /// Each finding's key, code and path land in their row, written straight into the columns.
    #[test]
    fn findings_columns_hold_each_finding() {
        let at = |p: Path| Error::new(INP_MISSING).at(p);
        let items = [
            Finding {
                key: Some("a".into()),
                row: 3,
                error: at(Path::field("lines").at_index(2).key("amount")),
            },
            Finding {
                key: None,
                row: 7,
                error: at(Path::field("seller").key("name")),
            },
        ];
        let b = findings(&items).expect("batch");
        let text = |name: &str| -> Vec<Option<String>> {
            let col = b.column_by_name(name).expect("column").as_string::<i32>();
            col.iter().map(|v| v.map(str::to_owned)).collect()
        };
        assert_eq!(text("invoice_id"), [Some("a".to_owned()), None]);
        assert_eq!(
            text("path"),
            [
                Some("lines[2].amount".to_owned()),
                Some("seller.name".to_owned())
            ]
        );
        assert_eq!(
            text("code"),
            [Some("INP-04".to_owned()), Some("INP-04".to_owned())]
        );
    }
}
