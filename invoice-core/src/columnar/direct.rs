//! Rows read straight into the model from their typed cells (直读): the columns of a piece are
//! found once, each cell is read by its type (a `decimal128` cell becomes an [`Amount`] by its
//! scale, a `date32` cell a date, the lines a range of the list's offsets), and no
//! [`Source`](crate::model::Source) walk, field table or path is built.
//!
//! This is only the fast road for rows the model's reader would accept: it applies the same
//! normalisation (text trimmed, empty text absent, digits and identifiers compacted, the same
//! money, rate, date and name parsers) and gives up on a row at the first cell it would not take
//! as it is (a bad or missing value, a type the reader would name, a red-letter or 特定业务
//! cell). That row is then read by the model's reader through [`super::read::Node`], which
//! reports every problem at its path, so a table's findings are the model's findings whichever
//! road a row took. The tests of this module hold the two roads to the same invoices.

use std::borrow::Cow;
use std::cell::RefCell;

use rust_decimal::Decimal;

use crate::Error;
use crate::dates::{parse_day, parse_time};
use crate::model::{
    Invoice, Line, LineNature, LineRate, Party, PartyKind, Shape, Totals, const_eq, digits_compact,
    is_exempt_tax_mark, parse_tax, trim as trim_search,
};
use crate::money::{Amount, Price, Quantity};
use crate::number::Kind as InvoiceKind;
use arrow_array::{Array, ListArray, StructArray};

use super::read::{Plan, Reader, cell_shape, exact_decimal, list_range, typed};
use super::schema::{Col, HEADER, LINE};

/// The place of column `name` in `cols`; a name the list lacks stops the build.
const fn place(cols: &[Col], name: &str) -> usize {
    let mut i = 0;
    while i < cols.len() {
        if const_eq(cols[i].name, name) {
            return i;
        }
        i += 1;
    }
    panic!("the column is not in the schema");
}

/// The place of a header column, computed when the crate is compiled.
macro_rules! head {
    ($name:expr) => {{
        const AT: usize = place(HEADER, $name);
        AT
    }};
}

/// The place of a line column, computed when the crate is compiled.
macro_rules! line {
    ($name:literal) => {{
        const AT: usize = place(LINE, $name);
        AT
    }};
}

/// A column of the piece, if the table has it: its reader and whether its decimals and dates
/// stay typed (money, quantity and date columns), as the model's reader is handed them.
type Cell<'p, 'a> = Option<(&'p Reader<'a>, bool)>;

/// The row is not one to take as it is: the model's reader reads it (and says why).
struct Defer;

type Got<T> = Result<T, Defer>;

/// The columns of a party.
struct PartyCols {
    name: usize,
    tax_id: usize,
    kind: usize,
    address: usize,
    phone: usize,
    bank: usize,
    account: usize,
}

/// The columns of the party whose column names start with `$party`.
macro_rules! party {
    ($party:literal) => {
        PartyCols {
            name: head!(concat!($party, "_name")),
            tax_id: head!(concat!($party, "_tax_id")),
            kind: head!(concat!($party, "_type")),
            address: head!(concat!($party, "_address")),
            phone: head!(concat!($party, "_phone")),
            bank: head!(concat!($party, "_bank")),
            account: head!(concat!($party, "_account")),
        }
    };
}

const SELLER: PartyCols = party!("seller");
const BUYER: PartyCols = party!("buyer");

/// The lines column: a list whose items are structs, their members found by name.
struct Lines<'p, 'a> {
    list: &'p ListArray,
    /// `None` when the items are not structs (or a struct names a member twice, which the
    /// model's reader resolves row by row): a row with lines defers.
    items: Option<(&'p StructArray, [Cell<'p, 'a>; LINE.len()])>,
}

/// The columns of one piece of a table, found once.
pub(super) struct Direct<'p, 'a> {
    head: [Cell<'p, 'a>; HEADER.len()],
    /// `None` when the table has no list column of lines: every row defers.
    lines: Option<Lines<'p, 'a>>,
    /// The rate texts of the piece read so far, with their values.
    rates: RefCell<Vec<(Box<str>, LineRate)>>,
}

impl<'p, 'a> Direct<'p, 'a> {
    /// The columns of `plan` by their place in the schema.
    pub(super) fn new(plan: &'p Plan<'a>) -> Direct<'p, 'a> {
        let mut head: [Cell<'p, 'a>; HEADER.len()] = [None; HEADER.len()];
        for (c, r) in plan.cols() {
            let slot = HEADER
                .iter()
                .position(|h| h.name == c.name)
                .and_then(|n| head.get_mut(n));
            if let Some(slot) = slot {
                *slot = Some((r, typed(c.kind)));
            }
        }
        let lines = match head.get(head!("lines")).copied().flatten() {
            Some((Reader::List(list, item), _)) => Some(Lines {
                list,
                items: struct_members(item),
            }),
            _ => None,
        };
        Direct {
            head,
            lines,
            rates: RefCell::new(Vec::new()),
        }
    }

    /// Row `i` read into `into`: every field replaced, its text buffers and lines reused (so the
    /// rows of a piece validated one after the other share one invoice's allocations). `false`,
    /// with `into` in no particular state, when the row is for the model's reader.
    pub(super) fn read_into(&self, i: usize, into: &mut Invoice) -> bool {
        self.fill(i, into).is_ok()
    }

    /// Column `col` of the schema, if the table has it.
    fn col(&self, col: usize) -> Cell<'p, 'a> {
        self.head.get(col).copied().flatten()
    }

    fn present(&self, col: usize, i: usize) -> bool {
        self.col(col).is_some_and(|(r, _)| !r.is_null(i))
    }

    /// Text column `col` of row `i` into `slot`.
    fn set(&self, slot: &mut Option<String>, col: usize, i: usize) -> Got<()> {
        set(slot, trimmed(self.col(col), i)?);
        Ok(())
    }

    fn fill(&self, i: usize, into: &mut Invoice) -> Got<()> {
        // Red-letter references and 特定业务 fields are JSON objects: the model's reader takes
        // those rows whole.
        if self.present(head!("red"), i) || self.present(head!("special"), i) {
            return Err(Defer);
        }
        // Every field named: a field added to the model does not build here until it is read.
        let Invoice {
            kind,
            code,
            number,
            digital_number,
            issue_date,
            issue_time,
            seller,
            buyer,
            lines,
            totals,
            deduction,
            remarks,
            drawer,
            reviewer,
            payee,
            check_code,
            has_list,
            red,
            special,
        } = into;
        *kind = choice(self.col(head!("kind")), i, InvoiceKind::from_name)?.ok_or(Defer)?;
        set_required(number, trimmed(self.col(head!("number")), i)?)?;
        compact(number);
        self.set(code, head!("code"), i)?;
        code.as_mut().map(compact);
        self.set(digital_number, head!("digital_number"), i)?;
        digital_number.as_mut().map(compact);
        *issue_date = match self.col(head!("issue_date")) {
            Some((r, typed)) => match cell_shape(r, i, typed) {
                Shape::Date(d) => d,
                other => trimmed_shape(&other)?.and_then(parse_day).ok_or(Defer)?,
            },
            None => return Err(Defer),
        };
        *issue_time = match trimmed(self.col(head!("issue_time")), i)? {
            Some(t) => Some(parse_time(&t).ok_or(Defer)?),
            None => None,
        };
        self.party(i, &SELLER, seller)?;
        self.party(i, &BUYER, buyer)?;
        self.lines(i, lines)?;
        self.totals(i, totals)?;
        *deduction = amount(self.col(head!("deduction")), i, Amount::parse)?;
        self.set(remarks, head!("remarks"), i)?;
        self.set(drawer, head!("drawer"), i)?;
        self.set(reviewer, head!("reviewer"), i)?;
        self.set(payee, head!("payee"), i)?;
        self.set(check_code, head!("check_code"), i)?;
        check_code.as_mut().map(compact);
        *has_list = match self.col(head!("has_list")) {
            Some((r, typed)) => match cell_shape(r, i, typed) {
                Shape::Null => false,
                Shape::Bool(b) => b,
                _ => return Err(Defer),
            },
            None => false,
        };
        *red = None;
        *special = None;
        Ok(())
    }

    /// A party: its name is required (a party without one, or without any cell, defers).
    fn party(&self, i: usize, p: &PartyCols, into: &mut Party) -> Got<()> {
        let Party {
            name,
            tax_id,
            address,
            phone,
            bank,
            account,
            kind,
        } = into;
        set_required(name, trimmed(self.col(p.name), i)?)?;
        // An id already in its compact form (ASCII digits and capitals: most are) is taken as
        // it is; any other is compacted by the model's own constructor.
        match trimmed(self.col(p.tax_id), i)? {
            Some(t)
                if t.bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) =>
            {
                set(tax_id, Some(t));
            }
            other => *tax_id = Party::new("", other.as_deref()).tax_id,
        }
        self.set(address, p.address, i)?;
        self.set(phone, p.phone, i)?;
        self.set(bank, p.bank, i)?;
        self.set(account, p.account, i)?;
        *kind = choice(self.col(p.kind), i, PartyKind::from_name)?.unwrap_or_default();
        Ok(())
    }

    /// The totals, when any of their cells is there (then the three amounts are required).
    fn totals(&self, i: usize, into: &mut Option<Totals>) -> Got<()> {
        let cols = [
            head!("amount"),
            head!("tax"),
            head!("total"),
            head!("total_in_words"),
        ];
        if !cols.iter().any(|c| self.present(*c, i)) {
            *into = None;
            return Ok(());
        }
        let sum = |col| amount(self.col(col), i, Amount::parse)?.ok_or(Defer);
        let mut words = into.take().and_then(|t| t.total_in_words);
        self.set(&mut words, head!("total_in_words"), i)?;
        *into = Some(Totals {
            amount: sum(head!("amount"))?,
            tax: amount(self.col(head!("tax")), i, parse_tax)?.ok_or(Defer)?,
            total: sum(head!("total"))?,
            total_in_words: words,
        });
        Ok(())
    }

    /// The lines of row `i` (required: a null or missing list defers; an empty list is none).
    fn lines(&self, i: usize, into: &mut Vec<Line>) -> Got<()> {
        let lines = self.lines.as_ref().ok_or(Defer)?;
        if lines.list.is_null(i) {
            return Err(Defer);
        }
        let range = list_range(lines.list, i).ok_or(Defer)?;
        into.truncate(range.len());
        if range.is_empty() {
            return Ok(());
        }
        let (items, cols) = lines.items.as_ref().ok_or(Defer)?;
        for (k, j) in range.enumerate() {
            match into.get_mut(k) {
                Some(line) => self.line(items, cols, j, line)?,
                None => {
                    let mut line = Line::new("", Amount::ZERO, LineRate::Unstated, None);
                    self.line(items, cols, j, &mut line)?;
                    into.push(line);
                }
            }
        }
        Ok(())
    }

    /// Line `j` of the lines' struct items.
    fn line(
        &self,
        items: &StructArray,
        cols: &[Cell<'_, '_>; LINE.len()],
        j: usize,
        into: &mut Line,
    ) -> Got<()> {
        if items.is_null(j) {
            return Err(Defer);
        }
        let Line {
            tax_code,
            name,
            spec,
            unit,
            quantity,
            unit_price,
            amount,
            rate,
            tax,
            nature,
        } = into;
        let col = |n: usize| cols.get(n).copied().flatten();
        set_required(name, trimmed(col(line!("name")), j)?)?;
        set(tax_code, trimmed(col(line!("tax_code")), j)?);
        tax_code.as_mut().map(compact);
        set(spec, trimmed(col(line!("spec")), j)?);
        set(unit, trimmed(col(line!("unit")), j)?);
        *quantity = money(col(line!("quantity")), j, Quantity::parse, |d| {
            eight_dp(d, Quantity::round_from, Quantity::from_decimal)
        })?;
        *unit_price = money(col(line!("unit_price")), j, Price::parse, |d| {
            eight_dp(d, Price::round_from, Price::from_decimal)
        })?;
        *amount = self::amount(col(line!("amount")), j, Amount::parse)?;
        let tax_cell = col(line!("tax"));
        // A tax printed `***` beside a rate printed `***` is the 免税 layout of legacy files (as
        // the model's reader reads it).
        *rate = match self.rate(col(line!("rate")), j)? {
            LineRate::Unstated if is_exempt_mark(tax_cell, j) => LineRate::Exempt,
            other => other,
        };
        *tax = self::amount(tax_cell, j, parse_tax)?;
        *nature = choice(col(line!("nature")), j, LineNature::from_name)?.unwrap_or_default();
        Ok(())
    }

    /// A line's rate (required). A piece's rates are a handful of texts (`13%`, `6%`, `免税`…),
    /// so each text is parsed once per piece and its value kept.
    fn rate(&self, cell: Cell<'_, '_>, j: usize) -> Got<LineRate> {
        let Some((Reader::Text(a), _)) = cell else {
            return money(cell, j, LineRate::parse, |_| None)?.ok_or(Defer);
        };
        if a.is_null(j) {
            return Err(Defer);
        }
        let text = trim(a.value(j));
        let known = self
            .rates
            .borrow()
            .iter()
            .find(|(t, _)| **t == *text)
            .map(|(_, r)| *r);
        if let Some(rate) = known {
            return Ok(rate);
        }
        let rate = LineRate::parse(text).map_err(|_| Defer)?;
        let mut rates = self.rates.borrow_mut();
        if rates.len() < RATES_KEPT {
            rates.push((text.into(), rate));
        }
        Ok(rate)
    }
}

/// How many distinct rate texts a piece keeps parsed.
const RATES_KEPT: usize = 16;

/// `slot` holds `text` (its buffer reused), or nothing.
#[inline]
fn set(slot: &mut Option<String>, text: Option<Cow<'_, str>>) {
    match (slot.as_mut(), text) {
        (Some(s), Some(t)) => {
            s.clear();
            s.push_str(&t);
        }
        (None, Some(t)) => *slot = Some(t.into_owned()),
        (_, None) => *slot = None,
    }
}

/// A required text into `slot` (its buffer reused); none defers.
#[inline]
fn set_required(slot: &mut String, text: Option<Cow<'_, str>>) -> Got<()> {
    let t = text.ok_or(Defer)?;
    slot.clear();
    slot.push_str(&t);
    Ok(())
}

/// [`digits_compact`] in place (it keeps the buffer); digits alone are compact already.
fn compact(s: &mut String) {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        *s = digits_compact(std::mem::take(s));
    }
}

/// The members of a list's struct items by their place in [`LINE`], or `None` when the items
/// are not structs or a struct has two members of one name.
fn struct_members<'p, 'a>(
    item: &'p Reader<'a>,
) -> Option<(&'p StructArray, [Cell<'p, 'a>; LINE.len()])> {
    let Reader::Struct(s, kids) = item else {
        return None;
    };
    let mut cols: [Cell<'p, 'a>; LINE.len()] = [None; LINE.len()];
    for (c, slot) in LINE.iter().zip(cols.iter_mut()) {
        let mut named = kids.iter().filter(|(name, _)| *name == c.name);
        if let Some((_, r)) = named.next() {
            if named.next().is_some() {
                return None;
            }
            *slot = Some((r, typed(c.kind)));
        }
    }
    Some((s, cols))
}

/// True when the cell is text that is an exemption mark (`***`, `免税`).
fn is_exempt_mark(cell: Cell<'_, '_>, i: usize) -> bool {
    match cell {
        Some((r, typed)) => {
            matches!(cell_shape(r, i, typed), Shape::Text(t) if is_exempt_tax_mark(&t))
        }
        None => false,
    }
}

/// `str::trim` of a cell. Nearly every cell starts and ends with an ASCII letter or digit or a
/// CJK ideograph (U+4000–U+9FFF, whose UTF-8 lead bytes are 0xE4–0xE9), none of which is
/// whitespace: those are told from their edge bytes, and any other cell is trimmed by the model's
/// own `trim` (the same answer, a third of these reads' time before).
#[inline]
fn trim(s: &str) -> &str {
    if crate::model::plain_edges(s) {
        s
    } else {
        trim_search(s)
    }
}

/// Text trimmed, `None` when empty.
fn nonempty(t: &str) -> Option<&str> {
    let t = trim(t);
    (!t.is_empty()).then_some(t)
}

/// What the model's reader takes as text, trimmed, `None` when null or empty; any other type
/// defers.
fn trimmed_shape<'s>(cell: &'s Shape<'_>) -> Got<Option<&'s str>> {
    match cell {
        Shape::Null => Ok(None),
        Shape::Text(t) => Ok(nonempty(t)),
        _ => Err(Defer),
    }
}

/// A text cell trimmed (borrowed from a text column), `None` when null or empty; a column of
/// another type is read as the model's reader is handed it (decimals and dates of text columns
/// as their text; anything else defers).
#[inline]
fn trimmed<'a>(cell: Cell<'_, 'a>, i: usize) -> Got<Option<Cow<'a, str>>> {
    match cell {
        None => Ok(None),
        Some((Reader::Text(a), _)) => Ok(if a.is_null(i) {
            None
        } else {
            nonempty(a.value(i)).map(Cow::Borrowed)
        }),
        Some((r, typed)) => trimmed_other(r, i, typed),
    }
}

/// [`trimmed`] of a column that is not text (kept out of the text columns' way).
#[inline(never)]
fn trimmed_other<'a>(r: &Reader<'a>, i: usize, typed: bool) -> Got<Option<Cow<'a, str>>> {
    let shape = cell_shape(r, i, typed);
    Ok(trimmed_shape(&shape)?.map(|t| Cow::Owned(t.to_owned())))
}

/// One of a fixed set of names; an unknown name defers.
fn choice<T>(cell: Cell<'_, '_>, i: usize, from: fn(&str) -> Option<T>) -> Got<Option<T>> {
    trimmed(cell, i)?.map(|t| from(&t).ok_or(Defer)).transpose()
}

/// A decimal cell: text and integers by the model's parser, a typed decimal by `typed`; a
/// float (`INP-01`), any other type or a value the parser refuses defers.
fn money<T>(
    cell: Cell<'_, '_>,
    i: usize,
    parse: impl Fn(&str) -> Result<T, Error>,
    typed: impl FnOnce(Decimal) -> Option<T>,
) -> Got<Option<T>> {
    let Some((r, is_typed)) = cell else {
        return Ok(None);
    };
    match r {
        Reader::Text(a) if a.is_null(i) => return Ok(None),
        Reader::Text(a) => return parse(trim(a.value(i))).map(Some).map_err(|_| Defer),
        // A typed decimal as `cell_shape` hands it to the model's reader.
        Reader::Dec(a) if is_typed && !a.is_null(i) => {
            if let Some(d) = exact_decimal(a, i) {
                return typed(d).map(Some).ok_or(Defer);
            }
        }
        _ => {}
    }
    match cell_shape(r, i, is_typed) {
        Shape::Null => Ok(None),
        Shape::Text(t) => parse(trim(&t)).map(Some).map_err(|_| Defer),
        Shape::Int(n) => parse(&n.to_string()).map(Some).map_err(|_| Defer),
        Shape::Decimal(d) => typed(d).map(Some).ok_or(Defer),
        _ => Err(Defer),
    }
}

/// An amount cell (金额, 税额 with `parse_tax`): a typed decimal straight from its digits and
/// scale, anything else as [`money`] reads it.
fn amount(
    cell: Cell<'_, '_>,
    i: usize,
    parse: impl Fn(&str) -> Result<Amount, Error>,
) -> Got<Option<Amount>> {
    match cell {
        // The scales a `Decimal` holds, as `cell_shape` hands them to the model's reader.
        Some((Reader::Dec(a), true)) if (0..=28).contains(&a.scale()) => {
            if a.is_null(i) {
                return Ok(None);
            }
            let scale = u32::try_from(a.scale()).map_err(|_| Defer)?;
            exact_amount(a.value(i), scale).map(Some).ok_or(Defer)
        }
        _ => money(cell, i, parse, |d| exact_amount(d.mantissa(), d.scale())),
    }
}

/// An exact decimal (`mantissa` × 10^-`scale`) as an amount: what [`Amount::parse`] gives its
/// text (whole 分 within the range), `None` when it is not.
fn exact_amount(mantissa: i128, scale: u32) -> Option<Amount> {
    let fen = match scale.checked_sub(2) {
        Some(0) => mantissa,
        // 0 or 1 decimals: more 分 digits.
        None => mantissa.checked_mul(10i128.checked_pow(2 - scale)?)?,
        Some(extra) => {
            let unit = 10i128.checked_pow(extra)?;
            // Digits below 分 must be zeros ("1.2300" is 1.23; "1.234" is MNY-02).
            if mantissa.checked_rem(unit)? != 0 {
                return None;
            }
            mantissa.checked_div(unit)?
        }
    };
    // |x| < 10^16 yuan, as the parser's range (MNY-03).
    let fen = i64::try_from(fen)
        .ok()
        .filter(|f| f.unsigned_abs() < 1_000_000_000_000_000_000)?;
    Amount::from_fen(fen).ok()
}

/// A quantity or unit price from an exact decimal: up to 8 decimals the rounding is the
/// identity (and formats nothing); beyond, the exact constructor.
fn eight_dp<T>(
    d: Decimal,
    round: fn(Decimal) -> Result<T, Error>,
    exact: fn(Decimal) -> Result<T, Error>,
) -> Option<T> {
    if d.scale() <= 8 {
        round(d).ok()
    } else {
        exact(d).ok()
    }
}

#[cfg(test)]
mod tests {
    //! The direct road against the model's reader: on every row it takes, it must give the
    //! invoice the model's reader gives; every row it gives up on is read by the model's reader.

    use std::sync::Arc;

    use arrow_array::builder::{
        BooleanBuilder, Date32Builder, Decimal128Builder, ListBuilder, StringBuilder, StructBuilder,
    };
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Fields, Schema};
    use proptest::prelude::*;

    use super::super::read::Prepared;
    use super::super::schema::HEADER;
    use super::*;

    /// What each kind of cell may hold: first the values the model's reader takes (well-formed,
    /// padded, other spellings), then those it refuses; a cell mostly takes one of the first.
    type Pool<T> = (&'static [T], usize);

    const KINDS: Pool<Option<&str>> = (
        &[
            Some("digital_special"),
            Some(" digital_ordinary "),
            Some("special_paper"),
            Some(""),
            Some("bogus"),
            None,
        ],
        3,
    );
    const NUMBERS: Pool<Option<&str>> = (
        &[
            Some("24312000000358032546"),
            Some(" 2431 2000-0003 5803 2546 "),
            Some("25096213"),
            Some("  "),
            None,
        ],
        3,
    );
    const IDS: Pool<Option<&str>> = (
        &[
            Some("91310000580583950X"),
            Some("9131 0000-5805 8395 0x"),
            Some("91110108MA01ABCD5T"),
            Some("abc"),
            Some(""),
            Some("\u{3000}91310000580583950X"),
            None,
        ],
        7,
    );
    const NAMES: Pool<Option<&str>> = (
        &[
            Some("上海七牛信息技术有限公司"),
            Some("  张三  "),
            Some("*餐饮服务*餐饮服务"),
            Some(""),
            None,
        ],
        3,
    );
    const TYPES: Pool<Option<&str>> = (
        &[
            Some("enterprise"),
            Some(" 个人 "),
            Some("individual_business"),
            Some(""),
            None,
            Some("bogus"),
        ],
        5,
    );
    const AMOUNTS: Pool<Option<&str>> = (
        &[
            Some("100.00"),
            Some(" 1.5 "),
            Some("-3"),
            Some("12.300"),
            Some("***"),
            Some("免税"),
            Some("1.234"),
            Some("1e3"),
            Some(""),
            Some("99999999999999999"),
            None,
        ],
        4,
    );
    const TAXES: Pool<Option<&str>> = (
        &[
            Some("6.00"),
            Some("***"),
            Some(" 免税 "),
            Some("0"),
            Some("*"),
            Some("6.001"),
            None,
        ],
        4,
    );
    /// Decimal mantissas: the first hold whole 分 at scales up to 4.
    const MANTISSAS: Pool<i128> = (
        &[
            0,
            10_000,
            -1_000_000,
            1_230_000,
            1,
            -1,
            12_345,
            10,
            99_999_999_999_999_999_999,
        ],
        4,
    );
    const DECIMALS: Pool<Option<&str>> = (
        &[
            Some("2"),
            Some("1234.56"),
            Some(" 3.50000000 "),
            Some("98765.4320754717"),
            Some("-1"),
            None,
            Some("x"),
            Some(""),
        ],
        6,
    );
    const RATES: Pool<Option<&str>> = (
        &[
            Some("13%"),
            Some("0.06"),
            Some(" 6% "),
            Some("***"),
            Some("免税"),
            Some("exempt"),
            Some("1.5"),
            Some(""),
            None,
        ],
        6,
    );
    const NATURES: Pool<Option<&str>> = (
        &[
            Some("normal"),
            Some(" 1 "),
            Some("被折扣行"),
            None,
            Some("bogus"),
        ],
        4,
    );
    const DATES: Pool<Option<&str>> = (
        &[
            Some("2024-11-18"),
            Some(" 2024-02-29 "),
            Some("2024-02-30"),
            Some("2024/11/18"),
            None,
        ],
        2,
    );
    const TIMES: Pool<Option<&str>> = (&[Some("10:11:12"), Some(""), None, Some("25:00:00")], 3);
    const OTHER: Pool<Option<&str>> = (&[Some("备注"), Some(" "), None], 3);
    const RED: Pool<Option<&str>> = (&[None, Some("{\"number\": \"1\"}"), Some("not json")], 1);

    /// Choice `n` of a pool: one of the values the reader takes, but for 8 in 256.
    fn pick<T: Copy>((all, good): Pool<T>, n: u8) -> T {
        let n = usize::from(n);
        if n < 248 {
            all[n % good]
        } else {
            all[n % all.len()]
        }
    }

    /// True for 1 in 64 choices.
    fn rare(n: u8) -> bool {
        n >= 252
    }

    /// How a batch types its columns (each flag a choice the reader must treat alike).
    #[derive(Clone, Copy, Debug)]
    struct Layout {
        /// Money as `decimal128(38, scale)`, else as text.
        money_scale: Option<i8>,
        /// Quantities and prices as `decimal128(38, scale)`, else as text.
        decimal_scale: Option<i8>,
        /// `issue_date` as `date32`, else as text.
        date32: bool,
        /// A lines struct with `amount` twice.
        doubled_member: bool,
    }

    fn money_col(
        layout: Layout,
        cells: impl Iterator<Item = u8>,
        text: Pool<Option<&'static str>>,
    ) -> ArrayRef {
        match layout.money_scale {
            Some(scale) => {
                let mut b =
                    Decimal128Builder::new().with_data_type(DataType::Decimal128(38, scale));
                for n in cells {
                    b.append_option(Some(pick(MANTISSAS, n)));
                }
                Arc::new(b.finish())
            }
            None => text_col(text, cells),
        }
    }

    fn text_col(pool: Pool<Option<&'static str>>, cells: impl Iterator<Item = u8>) -> ArrayRef {
        let mut b = StringBuilder::new();
        for n in cells {
            b.append_option(pick(pool, n));
        }
        Arc::new(b.finish())
    }

    /// The lines column: `rows[r]` holds each line's cell choices (a list of none is null).
    fn lines_col(layout: Layout, rows: &[Vec<[u8; 10]>], null_list: &[bool]) -> ArrayRef {
        let money = |s: Option<i8>| s.map_or(DataType::Utf8, |s| DataType::Decimal128(38, s));
        let mut fields = vec![
            Field::new("name", DataType::Utf8, true),
            Field::new("tax_code", DataType::Utf8, true),
            Field::new("quantity", money(layout.decimal_scale), true),
            Field::new("unit_price", money(layout.decimal_scale), true),
            Field::new("amount", money(layout.money_scale), true),
            Field::new("rate", DataType::Utf8, true),
            Field::new("tax", money(layout.money_scale), true),
            Field::new("nature", DataType::Utf8, true),
        ];
        if layout.doubled_member {
            fields.push(Field::new("amount", money(layout.money_scale), true));
        }
        let fields = Fields::from(fields);
        let mut b = ListBuilder::new(StructBuilder::from_fields(fields.clone(), 0))
            .with_field(Arc::new(Field::new("item", DataType::Struct(fields), true)));
        for (row, null) in rows.iter().zip(null_list) {
            for cells in row {
                let s = b.values();
                let item_null = rare(cells[0]);
                for (f, n) in cells.iter().enumerate().take(s.num_fields()) {
                    let n = *n;
                    match f {
                        0 => append_text(s, f, pick(NAMES, n)),
                        1 => append_text(s, f, pick(NUMBERS, n)),
                        2 | 3 => append_decimal(s, f, layout.decimal_scale, DECIMALS, n),
                        4 | 8 => append_decimal(s, f, layout.money_scale, AMOUNTS, n),
                        6 => append_decimal(s, f, layout.money_scale, TAXES, n),
                        5 => append_text(s, f, pick(RATES, n)),
                        _ => append_text(s, f, pick(NATURES, n)),
                    }
                }
                s.append(!item_null);
            }
            b.append(!null);
        }
        Arc::new(b.finish())
    }

    fn append_text(s: &mut StructBuilder, f: usize, v: Option<&str>) {
        if let Some(b) = s.field_builder::<StringBuilder>(f) {
            b.append_option(v);
        }
    }

    fn append_decimal(
        s: &mut StructBuilder,
        f: usize,
        scale: Option<i8>,
        text: Pool<Option<&'static str>>,
        n: u8,
    ) {
        match scale {
            Some(_) => {
                if let Some(b) = s.field_builder::<Decimal128Builder>(f) {
                    b.append_option((!rare(n)).then(|| pick(MANTISSAS, n)));
                }
            }
            None => append_text(s, f, pick(text, n)),
        }
    }

    /// A batch of `rows` (each row: its header choices and its lines' choices).
    fn batch(layout: Layout, rows: &[([u8; 24], Vec<[u8; 10]>)]) -> RecordBatch {
        let col = |k: usize| rows.iter().map(move |(h, _)| h[k]);
        let mut fields = Vec::new();
        let mut arrays: Vec<ArrayRef> = Vec::new();
        let mut add = |name: &str, a: ArrayRef| {
            fields.push(Field::new(name, a.data_type().clone(), true));
            arrays.push(a);
        };
        add("kind", text_col(KINDS, col(0)));
        add("code", text_col(NUMBERS, col(1)));
        add("number", text_col(NUMBERS, col(2)));
        add(
            "issue_date",
            if layout.date32 {
                let mut b = Date32Builder::new();
                for n in col(3) {
                    b.append_option((!rare(n)).then_some(19_000 + i32::from(n)));
                }
                Arc::new(b.finish())
            } else {
                text_col(DATES, col(3))
            },
        );
        add("issue_time", text_col(TIMES, col(4)));
        add("seller_name", text_col(NAMES, col(5)));
        add("seller_tax_id", text_col(IDS, col(6)));
        add("seller_type", text_col(TYPES, col(7)));
        add("seller_bank", text_col(OTHER, col(8)));
        add("buyer_name", text_col(NAMES, col(9)));
        add("buyer_tax_id", text_col(IDS, col(10)));
        add("buyer_type", text_col(TYPES, col(11)));
        add("buyer_phone", text_col(OTHER, col(12)));
        let lines: Vec<Vec<[u8; 10]>> = rows.iter().map(|(_, l)| l.clone()).collect();
        let null_lists: Vec<bool> = rows.iter().map(|(h, _)| rare(h[13])).collect();
        add("lines", lines_col(layout, &lines, &null_lists));
        add("amount", money_col(layout, col(14), AMOUNTS));
        add("tax", money_col(layout, col(15), TAXES));
        add("total", money_col(layout, col(16), AMOUNTS));
        add("total_in_words", text_col(OTHER, col(17)));
        add("deduction", money_col(layout, col(18), AMOUNTS));
        add("remarks", text_col(OTHER, col(19)));
        add("check_code", text_col(NUMBERS, col(20)));
        let mut has_list = BooleanBuilder::new();
        for n in col(21) {
            has_list.append_option((n % 3 != 2).then_some(n % 2 == 0));
        }
        add("has_list", Arc::new(has_list.finish()));
        add("red", text_col(RED, col(22)));
        add("special", text_col(RED, col(23)));
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).expect("batch")
    }

    /// Reads every row both ways; returns how many the direct road took.
    fn compare(b: &RecordBatch) -> usize {
        let prep = Prepared::new(b, HEADER).expect("prepared");
        let plan = prep.plan();
        let direct = Direct::new(&plan);
        let mut taken = 0;
        // One invoice read into row after row, as validation does, from one with every field
        // set (so a field the road forgot to replace shows).
        let mut reused = seed();
        for i in 0..b.num_rows() {
            let view = plan.view(i, None);
            let model = Invoice::from_source_all(view.node());
            let mut fresh = seed();
            let read = direct.read_into(i, &mut fresh);
            assert_eq!(direct.read_into(i, &mut reused), read);
            if read {
                taken += 1;
                assert_eq!(model.as_ref().ok(), Some(&fresh), "row {i}: {model:?}");
                assert_eq!(
                    reused, fresh,
                    "row {i} read into the previous row's invoice"
                );
                // Same text out, too (the scale of every amount).
                assert_eq!(model.map(|m| m.to_json()).ok(), Some(fresh.to_json()));
            }
        }
        taken
    }

    /// An invoice with every field set, lines and all.
    fn seed() -> Invoice {
        let line = serde_json::json!({"name": "n", "tax_code": "1", "spec": "s", "unit": "u",
            "quantity": "7", "unit_price": "8", "amount": "56", "rate": "9%", "tax": "5.04",
            "nature": "discounted"});
        let v = serde_json::json!({
            "kind": "special_paper", "code": "4403183130", "number": "12345678",
            "digital_number": "24312000000358032546", "issue_date": "2020-01-02",
            "issue_time": "01:02:03",
            "seller": {"name": "甲", "tax_id": "X", "type": "individual_business",
                       "address": "a", "phone": "p", "bank": "b", "account": "c"},
            "buyer": {"name": "乙", "tax_id": "Y", "type": "natural_person",
                      "address": "a", "phone": "p", "bank": "b", "account": "c"},
            "lines": vec![line; 6],
            "totals": {"amount": "1", "tax": "2", "total": "3", "total_in_words": "叁圆整"},
            "deduction": "4", "remarks": "r", "drawer": "d", "reviewer": "v", "payee": "p",
            "check_code": "12345678901234567890", "has_list": true,
            "red": {"original_code": "4403183130", "original_number": "87654321",
                    "reason": "goods_returned"},
            "special": {"type": "construction", "site": "x", "project": "y"}
        });
        Invoice::from_value(&v).expect("the seed reads")
    }

    fn layout() -> impl Strategy<Value = Layout> {
        (
            proptest::option::of(0i8..5),
            proptest::option::of(0i8..12),
            any::<bool>(),
            0u8..8,
        )
            .prop_map(|(money_scale, decimal_scale, date32, d)| Layout {
                money_scale,
                decimal_scale,
                date32,
                doubled_member: d == 0,
            })
    }

    fn rows() -> impl Strategy<Value = Vec<([u8; 24], Vec<[u8; 10]>)>> {
        proptest::collection::vec(
            (
                any::<[u8; 24]>(),
                proptest::collection::vec(any::<[u8; 10]>(), 0..4),
            ),
            1..24,
        )
    }

    proptest! {
        /// The edge-byte `trim` is `str::trim` (whitespace of every kind, CJK, ASCII, other
        /// three-byte characters at either end).
        #[test]
        fn trim_is_str_trim(s in "[ \t\n\u{b}\u{c}\r\u{85}\u{a0}\u{1680}\u{2000}\u{2028}\u{202f}\u{205f}\u{3000}a~甲司鿿\u{4000}\u{3fff}é𠀀.]{0,6}") {
            prop_assert_eq!(trim(&s), s.trim());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Random cells of every type: a row the direct road takes is the model's invoice.
        #[test]
        fn the_direct_road_reads_what_the_model_reads(layout in layout(), rows in rows()) {
            compare(&batch(layout, &rows));
        }

        /// Cells the reader takes, in all their spellings: the direct road takes every row (it
        /// is the fast road, not a bystander) and agrees.
        #[test]
        fn well_formed_rows_are_read_directly(layout in layout(), rows in rows()) {
            let layout = Layout { doubled_member: false, ..layout };
            let good = |n: &mut u8| *n %= 248;
            let rows: Vec<_> = rows
                .into_iter()
                .map(|(mut head, mut lines)| {
                    head.iter_mut().for_each(good);
                    lines.iter_mut().for_each(|l| l.iter_mut().for_each(good));
                    (head, lines)
                })
                .collect();
            prop_assert_eq!(compare(&batch(layout, &rows)), rows.len());
        }
    }
}
