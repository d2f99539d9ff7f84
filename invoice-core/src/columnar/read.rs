//! Arrow → the core's model (读取列): a table's columns prepared and read cell by cell, a row as a
//! [`Source`] for the model's reader ([`Node`]; money, quantity and date cells typed, other
//! decimals and dates as their text), and a row as an invoice document in the core's JSON shape
//! (for `documents` and a separate lines table).
//!
//! Columns are first cast to a few plain types (text → `utf8`, integers → `int64`, `date64` →
//! `date32`, large and view lists → `list`), so each cell is read by one match. A `float` column
//! where money or a quantity belongs is refused as a whole with `INP-01` naming the column
//! (floats are not money); every other problem is left to the core's reader, which reports it at
//! its row.

use std::borrow::Cow;

use crate::error::{Error, INP_FLOAT, INP_TYPE, Path};
use crate::model::{Shape, Source, json_shape};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, Float64Array, Int64Array,
    ListArray, RecordBatch, StringArray, StructArray,
};
use arrow_schema::{DataType, Field};
use chrono::Datelike;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::schema::{Col, KEY, Kind, LINE, STATUS};

/// The plain type a column is read as, or `None` for a type the schema cannot hold.
fn plain(dt: &DataType) -> Option<DataType> {
    use DataType as D;
    Some(match dt {
        D::Null => D::Null,
        D::Boolean => D::Boolean,
        D::Int8 | D::Int16 | D::Int32 | D::Int64 | D::UInt8 | D::UInt16 | D::UInt32 | D::UInt64 => {
            D::Int64
        }
        D::Float16 | D::Float32 | D::Float64 => D::Float64,
        D::Utf8 | D::LargeUtf8 | D::Utf8View => D::Utf8,
        D::Dictionary(_, v) => plain(v)?,
        D::Decimal128(p, s) => D::Decimal128(*p, *s),
        D::Decimal32(_, s) | D::Decimal64(_, s) | D::Decimal256(_, s) => D::Decimal128(38, *s),
        D::Date32 | D::Date64 => D::Date32,
        D::List(f) | D::LargeList(f) | D::ListView(f) | D::LargeListView(f) => D::List(
            std::sync::Arc::new(Field::new(f.name(), plain(f.data_type())?, true)),
        ),
        D::FixedSizeList(f, _) => D::List(std::sync::Arc::new(Field::new(
            f.name(),
            plain(f.data_type())?,
            true,
        ))),
        D::Struct(fs) => D::Struct(
            fs.iter()
                .map(|f| Some(Field::new(f.name(), plain(f.data_type())?, true)))
                .collect::<Option<Vec<_>>>()?
                .into(),
        ),
        _ => return None,
    })
}

fn unsupported(dt: &DataType, at: Path) -> Error {
    Error::new(INP_TYPE)
        .with(
            "expected",
            "text, integer, decimal, date, boolean, list or struct Arrow data",
        )
        .with("found", dt)
        .at(at)
}

/// The column cast to its plain type.
///
/// # Errors
/// `INP-02` at the column for a type the schema cannot hold or a cast that fails.
pub fn normalise(a: &ArrayRef, at: &Path) -> Result<ArrayRef, Error> {
    let dt = a.data_type();
    let target = plain(dt).ok_or_else(|| unsupported(dt, at.clone()))?;
    if &target == dt {
        return Ok(a.clone());
    }
    arrow_cast::cast(a, &target).map_err(|_| unsupported(dt, at.clone()))
}

/// `INP-01` for a float column where money or a quantity belongs.
pub fn float_money(a: &ArrayRef, at: &Path) -> Result<(), Error> {
    match a.data_type() {
        DataType::Float64 => Err(Error::new(INP_FLOAT)
            .with("value", format!("the float column {at}"))
            .at(at.clone())),
        _ => Ok(()),
    }
}

/// One column, ready to read cell by cell.
pub enum Reader<'a> {
    /// An all-null column.
    Null,
    /// `utf8`.
    Text(&'a StringArray),
    /// `int64`.
    Int(&'a Int64Array),
    /// `float64` (never money: refused before reading).
    Float(&'a Float64Array),
    /// `bool`.
    Bool(&'a BooleanArray),
    /// `decimal128`.
    Dec(&'a Decimal128Array),
    /// `date32`.
    Date(&'a Date32Array),
    /// A struct; only the named children are read (all when no filter was given).
    Struct(&'a StructArray, Vec<(&'a str, Reader<'a>)>),
    /// A list.
    List(&'a ListArray, Box<Reader<'a>>),
}

impl<'a> Reader<'a> {
    /// A reader of a normalised column; `only` keeps just those children of a struct (and of a
    /// list of structs).
    pub fn new(a: &'a ArrayRef, only: Option<&[Col]>) -> Reader<'a> {
        match a.data_type() {
            DataType::Utf8 => Reader::Text(a.as_string::<i32>()),
            DataType::Int64 => Reader::Int(a.as_primitive::<Int64Type>()),
            DataType::Float64 => Reader::Float(a.as_primitive::<Float64Type>()),
            DataType::Boolean => Reader::Bool(a.as_boolean()),
            DataType::Decimal128(_, _) => Reader::Dec(a.as_primitive()),
            DataType::Date32 => Reader::Date(a.as_primitive::<Date32Type>()),
            DataType::Struct(_) => {
                let s = a.as_struct();
                let children = s
                    .column_names()
                    .into_iter()
                    .zip(s.columns())
                    .filter(|(n, _)| only.is_none_or(|cols| cols.iter().any(|c| c.name == *n)))
                    .map(|(n, c)| (n, Reader::new(c, None)))
                    .collect();
                Reader::Struct(s, children)
            }
            DataType::List(_) => {
                let l = a.as_list::<i32>();
                Reader::List(l, Box::new(Reader::new(l.values(), only)))
            }
            _ => Reader::Null,
        }
    }

    /// True when the cell is null.
    pub fn is_null(&self, i: usize) -> bool {
        // Each array's own test (no call through `dyn Array`): every cell read asks it.
        match self {
            Reader::Null => true,
            Reader::Text(a) => a.is_null(i),
            Reader::Int(a) => a.is_null(i),
            Reader::Float(a) => a.is_null(i),
            Reader::Bool(a) => a.is_null(i),
            Reader::Dec(a) => a.is_null(i),
            Reader::Date(a) => a.is_null(i),
            Reader::Struct(a, _) => a.is_null(i),
            Reader::List(a, _) => a.is_null(i),
        }
    }

    /// The cell as JSON, `None` when null.
    pub fn value(&self, i: usize) -> Option<Value> {
        if self.is_null(i) {
            return None;
        }
        Some(match self {
            Reader::Null => return None,
            Reader::Text(a) => Value::String(a.value(i).to_owned()),
            Reader::Int(a) => Value::from(a.value(i)),
            // A float outside money: JSON keeps it a float, so the reader names its type.
            Reader::Float(a) => serde_json::Number::from_f64(a.value(i))
                .map_or_else(|| Value::String(a.value(i).to_string()), Value::Number),
            Reader::Bool(a) => Value::Bool(a.value(i)),
            Reader::Dec(a) => Value::String(a.value_as_string(i)),
            Reader::Date(a) => Value::String(a.value_as_date(i)?.to_string()),
            Reader::Struct(_, children) => {
                let mut m = Map::new();
                for (name, r) in children {
                    if let Some(v) = r.value(i) {
                        m.insert((*name).to_owned(), v);
                    }
                }
                Value::Object(m)
            }
            Reader::List(a, child) => {
                let offsets = a.value_offsets();
                let (Some(&from), Some(&to)) = (offsets.get(i), offsets.get(i + 1)) else {
                    return None;
                };
                let range = usize::try_from(from).ok()?..usize::try_from(to).ok()?;
                Value::Array(
                    range
                        .map(|j| child.value(j).unwrap_or(Value::Null))
                        .collect(),
                )
            }
        })
    }

    /// The cell as text (an identifier, amount or words column), `None` when null.
    pub fn text(&self, i: usize) -> Option<Cow<'a, str>> {
        if self.is_null(i) {
            return None;
        }
        match self {
            Reader::Text(a) => Some(Cow::Borrowed(a.value(i))),
            Reader::Int(a) => Some(Cow::Owned(a.value(i).to_string())),
            Reader::Dec(a) => Some(Cow::Owned(a.value_as_string(i))),
            Reader::Date(a) => a.value_as_date(i).map(|d| Cow::Owned(d.to_string())),
            _ => None,
        }
    }
}

/// The text a JSON key cell is matched by (a text key as is, any other as its JSON).
pub fn key_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A table's columns that the schema knows, cast and checked, ready for readers on any thread.
pub struct Prepared {
    cols: Vec<(&'static Col, ArrayRef)>,
    key: Option<ArrayRef>,
    status: Option<ArrayRef>,
    rows: usize,
}

/// Money columns whose float type is refused, and the lines' money children.
fn check_floats(c: &Col, a: &ArrayRef, at: &Path) -> Result<(), Error> {
    match c.kind {
        Kind::Money | Kind::Decimal => float_money(a, at),
        Kind::Lines => {
            let inner = match a.data_type() {
                DataType::List(f) => f.data_type().clone(),
                _ => return Ok(()),
            };
            if let (DataType::Struct(fs), Some(values)) =
                (inner, a.as_list_opt::<i32>().map(|l| l.values()))
            {
                for (f, child) in fs.iter().zip(values.as_struct().columns()) {
                    if let Some(lc) = LINE.iter().find(|l| l.name == f.name()) {
                        check_floats(lc, child, &at.clone().key(f.name().clone()))?;
                    }
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

impl Prepared {
    /// The known columns of `batch` (`cols` plus the key and status columns).
    ///
    /// # Errors
    /// `INP-02` a column of a type the schema cannot hold, `INP-01` a float money column; each at
    /// the column's name.
    pub fn new(batch: &RecordBatch, cols: &'static [Col]) -> Result<Prepared, Error> {
        let schema = batch.schema();
        let find = |name: &str| -> Result<Option<ArrayRef>, Error> {
            match schema.index_of(name) {
                Ok(i) => match batch.columns().get(i) {
                    Some(a) => normalise(a, &Path::field(name.to_owned())).map(Some),
                    None => Ok(None),
                },
                Err(_) => Ok(None),
            }
        };
        let mut out = Vec::new();
        for c in cols {
            if let Some(a) = find(c.name)? {
                let at = if std::ptr::eq(cols, LINE) {
                    Path::field("lines").key(c.name)
                } else {
                    Path::field(c.name)
                };
                check_floats(c, &a, &at)?;
                out.push((c, a));
            }
        }
        Ok(Prepared {
            cols: out,
            key: find(KEY)?,
            status: find(STATUS)?,
            rows: batch.num_rows(),
        })
    }

    /// True when the table has a key column.
    pub fn has_key(&self) -> bool {
        self.key.is_some()
    }

    /// The number of rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Readers over the columns (cheap; one per thread).
    pub fn plan(&self) -> Plan<'_> {
        Plan {
            cols: self
                .cols
                .iter()
                .map(|(c, a)| (*c, Reader::new(a, (c.kind == Kind::Lines).then_some(LINE))))
                .collect(),
            key: self.key.as_ref().map(|a| Reader::new(a, None)),
            status: self.status.as_ref().map(|a| Reader::new(a, None)),
        }
    }
}

/// Readers over a prepared table.
pub struct Plan<'a> {
    cols: Vec<(&'static Col, Reader<'a>)>,
    key: Option<Reader<'a>>,
    status: Option<Reader<'a>>,
}

impl<'a> Plan<'a> {
    /// The columns the plan reads, each with its reader.
    pub(super) fn cols(&self) -> &[(&'static Col, Reader<'a>)] {
        &self.cols
    }

    /// The row's key as text, if the table has a key column and the cell is not null.
    pub fn key(&self, i: usize) -> Option<String> {
        self.key.as_ref()?.value(i).map(|v| key_text(&v))
    }

    /// The row's status label, if any.
    pub fn status(&self, i: usize) -> Option<String> {
        self.status.as_ref()?.value(i).map(|v| key_text(&v))
    }

    /// Row `i` as a JSON object in the core's shape; `lines` (from a lines table) replaces the
    /// lines column.
    pub fn row(&self, i: usize, lines: Option<Vec<Value>>) -> Value {
        let mut obj = Map::new();
        for (c, r) in &self.cols {
            let Some(v) = r.value(i) else { continue };
            let v = match (c.kind, v) {
                // JSON text of a nested object is read as that object; text that is not JSON
                // stays text, and the core's reader names its type.
                (Kind::Json, Value::String(s)) => {
                    serde_json::from_str(&s).unwrap_or(Value::String(s))
                }
                (_, v) => v,
            };
            insert(&mut obj, c.path, v);
        }
        if let Some(lines) = lines {
            obj.insert("lines".to_owned(), Value::Array(lines));
        }
        Value::Object(obj)
    }
}

/// Puts `v` at `path` (one or two keys) in `obj`, creating the inner object.
fn insert(obj: &mut Map<String, Value>, path: &[&str], v: Value) {
    match path {
        [k] => {
            obj.insert((*k).to_owned(), v);
        }
        [outer, inner] => {
            let slot = obj
                .entry((*outer).to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = slot {
                m.insert((*inner).to_owned(), v);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- rows as a core Source

/// One row of a header table with what its JSON-text columns and its lines table (if any) say,
/// read by the core's model reader through [`Node`] without building a JSON document.
pub struct RowView<'p, 'a> {
    plan: &'p Plan<'a>,
    row: usize,
    /// The JSON-text columns of this row that parse as JSON (by column index).
    json: Vec<(usize, Value)>,
    /// The lines from a separate lines table, replacing the lines column.
    lines: Option<&'p [Value]>,
}

/// A place in a row the core's reader can ask about (a [`Source`]).
#[derive(Clone, Copy)]
pub enum Node<'p, 'a> {
    /// The invoice: its members are the columns (grouped by their first key).
    Row(&'p RowView<'p, 'a>),
    /// `seller`, `buyer` or `totals`: the columns whose path starts with it.
    Group(&'p RowView<'p, 'a>, &'static str),
    /// A cell (or an item or struct child); `typed` keeps decimals and dates typed (money,
    /// quantity and date columns), otherwise they are read as their text, as before; `children`
    /// names the columns of a struct's children (the lines).
    Cell {
        reader: &'p Reader<'a>,
        i: usize,
        typed: bool,
        children: Option<&'static [Col]>,
    },
    /// A parsed JSON-text cell, or part of one.
    Json(&'p Value),
    /// Lines from a separate lines table.
    Lines(&'p [Value]),
}

pub(super) fn typed(kind: Kind) -> bool {
    matches!(kind, Kind::Money | Kind::Decimal | Kind::Date)
}

impl<'a> Plan<'a> {
    /// Row `i` ready to be read by the core; `lines` (from a lines table) replaces the lines
    /// column.
    pub fn view<'p>(&'p self, i: usize, lines: Option<&'p [Value]>) -> RowView<'p, 'a> {
        let json = self
            .cols
            .iter()
            .enumerate()
            .filter(|(_, (c, _))| c.kind == Kind::Json)
            .filter_map(|(n, (_, r))| match r {
                Reader::Text(a) if !a.is_null(i) => {
                    serde_json::from_str(a.value(i)).ok().map(|v| (n, v))
                }
                _ => None,
            })
            .collect();
        RowView {
            plan: self,
            row: i,
            json,
            lines,
        }
    }
}

impl<'p, 'a> RowView<'p, 'a> {
    /// The row as the core's reader sees it.
    pub fn node(&'p self) -> Node<'p, 'a> {
        Node::Row(self)
    }

    fn column(&'p self, n: usize) -> Option<Node<'p, 'a>> {
        let (c, r) = self.plan.cols.get(n)?;
        if let Some((_, v)) = self.json.iter().find(|(j, _)| *j == n) {
            return Some(Node::Json(v));
        }
        Some(Node::Cell {
            reader: r,
            i: self.row,
            typed: typed(c.kind),
            children: (c.kind == Kind::Lines).then_some(LINE),
        })
    }
}

fn is_null_node(n: &Node<'_, '_>) -> bool {
    match n {
        Node::Cell { reader, i, .. } => reader.is_null(*i),
        Node::Json(v) => v.is_null(),
        _ => false,
    }
}

impl Source for Node<'_, '_> {
    fn shape(&self) -> Shape<'_> {
        match *self {
            Node::Row(_) | Node::Group(..) => Shape::Object,
            Node::Lines(_) => Shape::List,
            Node::Json(v) => json_shape(v),
            Node::Cell {
                reader, i, typed, ..
            } => cell_shape(reader, i, typed),
        }
    }

    fn member(&self, key: &str) -> Option<Self> {
        match *self {
            Node::Row(row) => {
                if let (Some(lines), "lines") = (row.lines, key) {
                    return Some(Node::Lines(lines));
                }
                let cols = &row.plan.cols;
                let n = cols
                    .iter()
                    .position(|(c, _)| c.path.first() == Some(&key))?;
                let (c, _) = cols.get(n)?;
                if c.path.len() == 2 {
                    let group = c.path.first().copied()?;
                    let any = cols.iter().enumerate().any(|(m, (c, _))| {
                        c.path.len() == 2
                            && c.path.first() == Some(&group)
                            && row.column(m).is_some_and(|n| !is_null_node(&n))
                    });
                    return any.then_some(Node::Group(row, group));
                }
                row.column(n)
            }
            Node::Group(row, group) => {
                let n = row
                    .plan
                    .cols
                    .iter()
                    .position(|(c, _)| c.path == [group, key])?;
                row.column(n)
            }
            Node::Json(v) => v.get(key).map(Node::Json),
            Node::Lines(_) => None,
            Node::Cell {
                reader,
                i,
                children,
                ..
            } => match reader {
                Reader::Struct(s, kids) if !s.is_null(i) => {
                    let (name, r) = kids.iter().find(|(name, _)| *name == key)?;
                    let kind = children.and_then(|cs| cs.iter().find(|c| c.name == *name));
                    Some(Node::Cell {
                        reader: r,
                        i,
                        typed: kind.is_some_and(|c| typed(c.kind)),
                        children: None,
                    })
                }
                _ => None,
            },
        }
    }

    fn keys(&self, f: &mut dyn FnMut(&str)) {
        match *self {
            // Every column the plan reads is one the schema names: nothing unknown to report,
            // only what is there.
            Node::Row(_) | Node::Group(..) => {
                // The walk below has no error to give.
                let _ = self.entries(&mut |k, _| f(k));
            }
            Node::Lines(_) => {}
            Node::Json(v) => (&v).keys(f),
            Node::Cell {
                reader: Reader::Struct(s, kids),
                i,
                ..
            } if !s.is_null(i) => kids
                .iter()
                .filter(|(_, r)| !r.is_null(i))
                .for_each(|(name, _)| f(name)),
            Node::Cell { .. } => {}
        }
    }

    /// The members present in the row (non-null cells; a group when one of its cells is), in
    /// column order, without looking each up again.
    fn entries(&self, f: &mut dyn FnMut(&str, Self)) -> Result<(), Box<Error>> {
        match *self {
            Node::Row(row) => {
                let mut groups: Vec<&str> = Vec::new();
                for (n, (c, _)) in row.plan.cols.iter().enumerate() {
                    match c.path {
                        ["lines"] if row.lines.is_some() => {}
                        [key] => {
                            if let Some(node) = row.column(n).filter(|n| !is_null_node(n)) {
                                f(key, node);
                            }
                        }
                        [group, _]
                            if !groups.contains(group)
                                && row.column(n).is_some_and(|n| !is_null_node(&n)) =>
                        {
                            groups.push(group);
                            f(group, Node::Group(row, group));
                        }
                        _ => {}
                    }
                }
                if let Some(lines) = row.lines {
                    f("lines", Node::Lines(lines));
                }
                Ok(())
            }
            Node::Group(row, group) => {
                for (n, (c, _)) in row.plan.cols.iter().enumerate() {
                    if let [g, key] = c.path
                        && *g == group
                        && let Some(node) = row.column(n).filter(|n| !is_null_node(n))
                    {
                        f(key, node);
                    }
                }
                Ok(())
            }
            Node::Json(v) => (&v).entries(&mut |k, m| f(k, Node::Json(m))),
            Node::Cell {
                reader: Reader::Struct(s, kids),
                i,
                children,
                ..
            } => {
                if !s.is_null(i) {
                    for (name, r) in kids.iter().filter(|(_, r)| !r.is_null(i)) {
                        let kind = children.and_then(|cs| cs.iter().find(|c| c.name == *name));
                        f(
                            name,
                            Node::Cell {
                                reader: r,
                                i,
                                typed: kind.is_some_and(|c| typed(c.kind)),
                                children: None,
                            },
                        );
                    }
                }
                Ok(())
            }
            _ => {
                self.keys(&mut |k| {
                    if let Some(v) = self.member(k) {
                        f(k, v);
                    }
                });
                Ok(())
            }
        }
    }

    fn len(&self) -> usize {
        match *self {
            Node::Lines(l) => l.len(),
            Node::Json(v) => (&v).len(),
            Node::Cell { reader, i, .. } => match reader {
                Reader::List(a, _) if !a.is_null(i) => list_range(a, i).map_or(0, |r| r.len()),
                _ => 0,
            },
            _ => 0,
        }
    }

    fn item(&self, j: usize) -> Option<Self> {
        match *self {
            Node::Lines(l) => l.get(j).map(Node::Json),
            Node::Json(v) => v.get(j).map(Node::Json),
            Node::Cell {
                reader: Reader::List(a, child),
                i,
                typed,
                children,
            } => {
                let range = list_range(a, i)?;
                let at = range.start.checked_add(j).filter(|at| *at < range.end)?;
                Some(Node::Cell {
                    reader: child,
                    i: at,
                    typed,
                    children,
                })
            }
            _ => None,
        }
    }
}

pub(super) fn list_range(a: &ListArray, i: usize) -> Option<std::ops::Range<usize>> {
    let offsets = a.value_offsets();
    let (Some(&from), Some(&to)) = (offsets.get(i), offsets.get(i + 1)) else {
        return None;
    };
    Some(usize::try_from(from).ok()?..usize::try_from(to).ok()?)
}

/// A decimal cell as an exact `Decimal`, when its scale and digits fit one.
pub(super) fn exact_decimal(a: &Decimal128Array, i: usize) -> Option<Decimal> {
    let scale = u32::try_from(a.scale()).ok()?;
    Decimal::try_from_i128_with_scale(a.value(i), scale).ok()
}

/// What a cell is; money, quantity and date cells stay typed (`typed`), other decimals and
/// dates are their text, as a JSON document would have them.
pub(super) fn cell_shape<'a>(reader: &Reader<'a>, i: usize, typed: bool) -> Shape<'a> {
    if reader.is_null(i) {
        return Shape::Null;
    }
    match reader {
        Reader::Null => Shape::Null,
        Reader::Text(a) => Shape::Text(Cow::Borrowed(a.value(i))),
        Reader::Int(a) => Shape::Int(i128::from(a.value(i))),
        Reader::Float(a) => {
            let x = a.value(i);
            match serde_json::Number::from_f64(x) {
                Some(n) => Shape::Float(Cow::Owned(n.to_string())),
                None => Shape::Text(Cow::Owned(x.to_string())),
            }
        }
        Reader::Bool(a) => Shape::Bool(a.value(i)),
        Reader::Dec(a) => match exact_decimal(a, i) {
            Some(d) if typed => Shape::Decimal(d),
            _ => Shape::Text(Cow::Owned(a.value_as_string(i))),
        },
        Reader::Date(a) => match a.value_as_date(i) {
            Some(d) if typed && (0..=9999).contains(&d.year()) => Shape::Date(d),
            Some(d) => Shape::Text(Cow::Owned(d.to_string())),
            None => Shape::Null,
        },
        Reader::Struct(..) => Shape::Object,
        Reader::List(..) => Shape::List,
    }
}
