//! `invoice_core.lifecycle`: the invoice lifecycle (发票生命周期), see
//! `invoice_core::lifecycle`. A `Lifecycle` holds both sides' states of one blue invoice, its
//! red-letter documents (确认单, 红字信息表) and its history; `apply` takes one event as a dict in
//! the core's step shape and raises the guard's `LCY-` code on refusal, changing nothing.

use invoice_core::error::INP_JSON;
use invoice_core::lifecycle::{HistoryEntry, Lifecycle as CoreLifecycle, Node, Step, Transition};
use invoice_core::lifecycle::{Slip, table as core_table};
use invoice_core::money::Amount;
use invoice_core::{Error, Path};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;

use crate::convert::{self, Conv};
use crate::error::{OrRaise, guard};
use crate::kind::kind_arg;

/// The submodule's docstring.
pub const DOC: &str = "The invoice lifecycle (发票生命周期): Lifecycle(kind, amount) with apply(event), \
expire_overdue(now), states, red-letter documents (确认单 / 红字信息表) and history; replay(kind, \
amount, events); table() of every allowed transition. An event is a dict {event, actor, at, \
reason?, ...its fields} (at: a naive datetime.datetime or ISO text; money as Decimal, str or int). \
A refused event raises InvoiceError with its LCY- code and changes nothing.";

/// Keys of lifecycle dicts holding money and date-times.
const MONEY: &[&str] = &["amount", "remaining"];
const TIMES: &[&str] = &["at", "issued_at", "opened_at", "filed_at"];

fn amount_arg(obj: &Bound<'_, PyAny>) -> Conv<Amount> {
    Ok(Amount::parse(&convert::money_text(obj)?)?)
}

fn new_lifecycle(kind: &Bound<'_, PyAny>, amount: &Bound<'_, PyAny>) -> Conv<CoreLifecycle> {
    let kind = kind_arg(kind).map_err(|f| f.under(&Path::field("kind")))?;
    let amount = amount_arg(amount).map_err(|f| f.under(&Path::field("amount")))?;
    Ok(CoreLifecycle::new(kind, amount)?)
}

/// One event dict as a core step (coded errors at the field, `INP-03` for the rest). Floats are
/// handed over as JSON floats, so the core's step reader refuses them itself (`INP-01` at
/// `amount`, as in the shared vectors).
fn step_arg(obj: &Bound<'_, PyAny>) -> Conv<Step> {
    let v = convert::json_in(obj)?;
    Ok(Step::from_json(&v)?)
}

fn node_out<'py>(py: Python<'py>, n: Option<Node>) -> PyResult<Bound<'py, PyAny>> {
    convert::value_out(py, &serde_json::to_value(n).unwrap_or(Value::Null))
}

fn transition_out<'py>(py: Python<'py>, t: &Transition) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("from", node_out(py, t.from)?)?;
    d.set_item("event", t.event.name())?;
    d.set_item("to", node_out(py, Some(t.to))?)?;
    Ok(d)
}

fn history_out<'py>(py: Python<'py>, h: &[HistoryEntry]) -> PyResult<Bound<'py, PyAny>> {
    convert::typed_out(py, &h, MONEY, TIMES, &[])
}

fn slips_out<'py>(py: Python<'py>, slips: &[Slip]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for s in slips {
        let d = convert::typed_out(py, s, MONEY, TIMES, &[])?;
        d.set_item("state_code", s.state.code())?;
        d.set_item(
            "deadline",
            s.deadline()
                .map(|t| convert::datetime_out(py, t))
                .transpose()?,
        )?;
        list.append(d)?;
    }
    Ok(list)
}

/// The lifecycle of one blue invoice (蓝字发票): the seller's and the buyer's states, the
/// 确认单s / 红字信息表s and red invoices against it, the remaining reversible amount and the
/// history of accepted events.
///
/// Lifecycle(kind, amount): kind a kind name ('digital_special'), amount the blue 价税合计 (Decimal,
/// str or int; above zero). Raises InvoiceError: INP-05 (path kind) an unknown kind, MNY- codes
/// (path amount) bad money, LCY-04 (path amount) an amount not above zero.
#[pyclass(eq, module = "invoice_core")]
#[derive(PartialEq)]
pub struct Lifecycle {
    lc: CoreLifecycle,
}

#[pymethods]
impl Lifecycle {
    #[new]
    fn py_new(
        py: Python<'_>,
        kind: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        guard(py, || {
            Ok(Lifecycle {
                lc: new_lifecycle(kind, amount).or_raise(py)?,
            })
        })
    }

    /// Applies one event: a dict {event: 'issue', actor: 'seller'|'buyer'|'platform', at:
    /// datetime or ISO text, reason?: str, ...the event's fields (number, amount, red_reason,
    /// slip_no, ...)}. Returns the transition made: {from: {machine: state} or None, event, to}.
    ///
    /// Raises InvoiceError: INP-03 not an event dict; otherwise the refusal's LCY- code (LCY-01 not
    /// allowed in this state, LCY-03 earlier than the last event, LCY-07 void outside the month,
    /// LCY-13 above the remaining amount, ...) with its path in the event; the lifecycle is then
    /// unchanged.
    fn apply<'py>(
        &mut self,
        py: Python<'py>,
        event: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let step = step_arg(event).or_raise(py)?;
            let t = self.lc.apply(step).or_raise(py)?;
            transition_out(py, &t)
        })
    }

    /// Expires every 确认单 still pending more than 72 hours before now (a naive datetime or ISO
    /// text), as the platform does, and returns the transitions made (possibly none).
    ///
    /// Raises InvoiceError: LCY-03 (path at) when now is earlier than the last event; INP-02 a bad
    /// now.
    fn expire_overdue<'py>(
        &mut self,
        py: Python<'py>,
        now: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        guard(py, || {
            let now = convert::datetime_in(now).or_raise(py)?;
            let ts = self.lc.expire_overdue(now).or_raise(py)?;
            let list = PyList::empty(py);
            for t in &ts {
                list.append(transition_out(py, t)?)?;
            }
            Ok(list)
        })
    }

    /// The lifecycle as a plain dict in the core's JSON shape (money and times as str), which
    /// from_dict reads back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::value_out(py, &serde_json::to_value(&self.lc).unwrap_or(Value::Null))
        })
    }

    /// Reads a lifecycle back from to_dict()'s shape. The history is replayed and must rebuild
    /// the stated states exactly, so an edited dict cannot bypass a guard.
    ///
    /// Raises InvoiceError: INP-03 with the reason when the dict is not a lifecycle or its
    /// history does not rebuild it.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let v = convert::value_in(data).or_raise(py)?;
            let lc: CoreLifecycle = serde_json::from_value(v)
                .map_err(|e| Error::new(INP_JSON).with("reason", e))
                .or_raise(py)?;
            Ok(Lifecycle { lc })
        })
    }

    /// The kind name.
    #[getter]
    fn kind(&self) -> &'static str {
        self.lc.kind().name()
    }

    /// The blue amount (价税合计) as Decimal.
    #[getter]
    fn amount<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::decimal_out(py, self.lc.amount().value())
    }

    /// Both states: {'seller': 'issued', 'buyer': 'verified'}.
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("seller", self.lc.seller_state().name())?;
        d.set_item("buyer", self.lc.buyer_state().name())?;
        Ok(d)
    }

    /// The seller-side state ('draft', 'submitted', 'approved', 'rejected', 'issued', 'voided',
    /// 'partially_reversed', 'fully_reversed').
    #[getter]
    fn seller_state(&self) -> &'static str {
        self.lc.seller_state().name()
    }

    /// The buyer-side state ('not_received', 'received', 'verified', 'use_confirmed', 'booked',
    /// 'reimbursed').
    #[getter]
    fn buyer_state(&self) -> &'static str {
        self.lc.buyer_state().name()
    }

    /// The blue invoice's number once issued, else None.
    #[getter]
    fn number(&self) -> Option<String> {
        self.lc.number().map(str::to_string)
    }

    /// When it was issued (naive datetime), else None.
    #[getter]
    fn issued_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.lc
            .issued_at()
            .map(|t| convert::datetime_out(py, t))
            .transpose()
    }

    /// The buyer's 用途确认: 'deduct', 'non_deduct' or None.
    #[getter]
    fn use_purpose(&self) -> Option<&'static str> {
        self.lc.use_purpose().map(|p| p.name())
    }

    /// The lost paper copies: 'invoice_copy', 'deduction_copy', 'both' or None.
    #[getter]
    fn lost(&self) -> Option<String> {
        self.lc
            .lost()
            .and_then(|l| serde_json::to_value(l).ok())
            .and_then(|v| v.as_str().map(str::to_string))
    }

    /// The amount that may still be reversed (Decimal).
    #[getter]
    fn remaining<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::decimal_out(py, self.lc.remaining().value())
    }

    /// The amount reversed so far (Decimal).
    #[getter]
    fn reversed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::decimal_out(py, self.lc.reversed().value())
    }

    /// The red invoices issued against this one: dicts {number, amount: Decimal, red_reason,
    /// issued_at: datetime, slip_no?, info_table_no?}.
    #[getter]
    fn red_invoices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.lc.red_invoices(), MONEY, TIMES, &[])
    }

    /// The 确认单s in opening order: dicts {slip_no, initiator, amount: Decimal, red_reason, state
    /// (name), state_code ('01'..'13'), opened_at, deadline (datetimes), red_invoice?}.
    #[getter]
    fn slips<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        slips_out(py, self.lc.slips())
    }

    /// The 红字信息表s in filing order: dicts {table_no, applicant, amount: Decimal, red_reason,
    /// state ('filed'/'withdrawn'), filed_at: datetime, red_invoice?}.
    #[getter]
    fn info_tables<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed_out(py, &self.lc.info_tables(), MONEY, TIMES, &[])
    }

    /// Every accepted event in order: dicts of the event's fields (at: datetime, amount: Decimal)
    /// with from (None or {machine: state}) and to.
    #[getter]
    fn history<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        history_out(py, self.lc.history())
    }

    /// The event names the transition table allows now (guards not checked).
    #[getter]
    fn possible_events(&self) -> Vec<&'static str> {
        self.lc
            .possible_events()
            .into_iter()
            .map(|e| e.name())
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Lifecycle {} {} seller={} buyer={} remaining={} events={}>",
            self.lc.kind().name(),
            self.lc.amount(),
            self.lc.seller_state().name(),
            self.lc.buyer_state().name(),
            self.lc.remaining(),
            self.lc.history().len()
        )
    }
}

/// Builds a lifecycle by applying events (any iterable of event dicts) in order.
///
/// Raises InvoiceError: as Lifecycle(kind, amount); the first refused or unreadable event's
/// code under its index (path events[3], events[3].amount).
#[pyfunction]
fn replay(
    py: Python<'_>,
    kind: &Bound<'_, PyAny>,
    amount: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
) -> PyResult<Lifecycle> {
    guard(py, || {
        let (kind, amount, steps) = (|| -> Conv<_> {
            let lc = new_lifecycle(kind, amount)?;
            let items = convert::items(events, "an iterable of event dicts")
                .map_err(|f| f.under(&Path::field("events")))?;
            let mut steps = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                steps.push(step_arg(item).map_err(|f| f.under(&Path::field("events").index(i)))?);
            }
            Ok((lc.kind(), lc.amount(), steps))
        })()
        .or_raise(py)?;
        Ok(Lifecycle {
            lc: CoreLifecycle::replay(kind, amount, steps).or_raise(py)?,
        })
    })
}

/// The transition table: every allowed transition as a dict {from: {machine: state} or None
/// (a 确认单 / 信息表 not yet created), event, to, guards: [guard names, in check order], codes:
/// [the LCY- codes the guards may refuse with]}, in table order. With from_state ({'seller':
/// 'issued'}), only the rows leaving that state.
///
/// Raises InvoiceError: INP-03 (path from) when from_state is not a state.
#[pyfunction]
#[pyo3(signature = (from_state=None))]
fn table<'py>(
    py: Python<'py>,
    from_state: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    guard(py, || {
        let filter: Option<Node> = match from_state.filter(|o| !o.is_none()) {
            None => None,
            Some(o) => Some(
                (|| -> Conv<Node> {
                    let v = convert::value_in(o)?;
                    serde_json::from_value(v)
                        .map_err(|e| Error::new(INP_JSON).with("reason", e).into())
                })()
                .map_err(|f| f.under(&Path::field("from")))
                .or_raise(py)?,
            ),
        };
        let list = PyList::empty(py);
        for r in core_table::TABLE {
            if filter.is_some() && r.from != filter {
                continue;
            }
            let d = PyDict::new(py);
            d.set_item("from", node_out(py, r.from)?)?;
            d.set_item("event", r.event.name())?;
            d.set_item("to", node_out(py, Some(r.to))?)?;
            let guards: Vec<&str> = r.guards.iter().map(|g| g.name()).collect();
            d.set_item("guards", guards)?;
            d.set_item("codes", r.codes())?;
            list.append(d)?;
        }
        Ok(list)
    })
}

/// Fills `invoice_core._native.lifecycle`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Lifecycle>()?;
    m.add_function(wrap_pyfunction!(replay, m)?)?;
    m.add_function(wrap_pyfunction!(table, m)?)?;
    Ok(())
}
