//! The invoice lifecycle (发票生命周期): a state machine over one blue invoice, seen from both
//! sides, with its red-letter documents.
//!
//! Four machines, one [`Lifecycle`] value (domain.md §9):
//!
//! - **seller** ([`SellerState`]): draft → submitted for review → approved (or rejected and back
//!   to draft) → issued → voided (作废: paper kinds only, in the calendar month of issue, before
//!   the buyer confirms use; §9.2), partially reversed (部分红冲) or fully reversed (全额红冲).
//! - **buyer** ([`BuyerState`]): received → verified (查验) → 用途确认 (抵扣 / 不抵扣, deductible kinds
//!   only) → booked (入账) → reimbursed (报销, once; §9.5, §9.6); lost paper copies of a 专票 are
//!   recorded as flags (§9.7).
//! - **红字发票信息确认单** ([`SlipState`], codes 01–13; §9.4) for 数电 kinds: entered by the seller
//!   (01 无需确认 while the buyer has neither confirmed use nor booked it, else 02) or by the buyer
//!   (03, only after its own confirmation), confirmed or denied by the other party within 72 hours
//!   (judged against the event time the caller passes), withdrawn by the party that entered it,
//!   voided by the platform.
//! - **红字信息表** ([`InfoTableState`]; §9.3) for legacy kinds: a 16-digit table filed by the buyer
//!   (已抵扣 / 未抵扣) or the seller, matching the buyer's deduction status.
//!
//! A red invoice ([`Event::IssueRed`]) is recorded on the blue one with its own number
//! ([`RedInvoice`]), reduces the remaining reversible amount, and is refused above it
//! (`LCY-13`, "冲红金额大于剩余可冲红金额"). **Amounts are 价税合计** (tax-inclusive totals): the
//! blue amount given to [`Lifecycle::new`] and every reversal amount, always as a positive
//! magnitude.
//!
//! The transitions are data ([`table::TABLE`]: from-state, event, to-state, guards); every guard
//! ([`Guard`]) refuses with its own `LCY-` code and a bilingual message that says what to do
//! instead. [`Lifecycle::apply`] takes one [`Step`] (the event, the actor, the caller's time and an
//! optional reason): an accepted step returns its [`Transition`] and appends one
//! [`HistoryEntry`]; a refused step returns the error and changes nothing. The library has no
//! clock: "now" is always the step's `at`. The whole value serialises with serde (money as
//! strings) and is checked on the way back in by replaying its history.
//!
//! Sources: domain.md §9 (国税发〔2006〕156号 第二十条, 国家税务总局公告2016年第47号 and 2024年第11号 as
//! quoted there; the 乐企 确认单 state table; DXHY error texts 9507/9508/9516/9564/9565).
//!
//! ```
//! use chrono::NaiveDate;
//! use invoice_core::lifecycle::{Actor, Event, Lifecycle, SellerState, Step};
//! use invoice_core::money::Amount;
//! use invoice_core::number::Kind;
//!
//! let at = |m: u32, d: u32| NaiveDate::from_ymd_opt(2024, m, d).unwrap().and_hms_opt(10, 0, 0).unwrap();
//! let mut lc = Lifecycle::new(Kind::OrdinaryPaper, Amount::parse("113.00")?)?;
//! for event in [Event::Submit, Event::Approve, Event::Issue { number: "14403180911012345678".into() }] {
//!     lc.apply(Step::new(event, Actor::Seller, at(5, 6)))?;
//! }
//!
//! // Voiding in the next month is refused, and the refusal changes nothing.
//! let before = lc.clone();
//! let err = lc.apply(Step::new(Event::Void, Actor::Seller, at(6, 3))).unwrap_err();
//! assert_eq!(err.code(), "LCY-07");
//! assert!(err.message_zh().contains("仅可在开票当月"));
//! assert_eq!(lc, before);
//!
//! // In the month of issue it is accepted.
//! let t = lc.apply(Step::new(Event::Void, Actor::Seller, at(5, 20)))?;
//! assert_eq!(lc.seller_state(), SellerState::Voided);
//! assert_eq!(t.to.to_string(), "seller.voided");
//! assert_eq!(lc.history().len(), 4);
//! # Ok::<(), invoice_core::Error>(())
//! ```
//!
//! The diagram and tables below are rendered from the table (`docs/lifecycle.md`).
//!
#![doc = include_str!("../../../docs/lifecycle.md")]

pub mod events;
pub mod guards;
pub mod history;
pub mod red_letter;
pub mod states;
pub mod table;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub use events::{
    Actor, Applicant, Event, EventKind, LostCopy, RedReason, SlipVoidCause, Step, UsePurpose,
};
pub use guards::Guard;
pub(crate) use guards::RULES;
pub use history::{HistoryEntry, Transition};
pub use red_letter::{InfoTable, RedInvoice, SLIP_CONFIRM_HOURS, Slip};
pub use states::{BuyerState, InfoTableState, Machine, Node, SellerState, SlipState};

use crate::error::INP_INTERNAL;
use crate::error::{Error, Path, Rule};
use crate::money::Amount;
use crate::number::Kind;

/// The lifecycle of one blue invoice: both sides' states, its red-letter documents, the remaining
/// reversible amount and the history of accepted events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Saved")]
pub struct Lifecycle {
    kind: Kind,
    amount: Amount,
    seller_state: SellerState,
    buyer_state: BuyerState,
    number: Option<String>,
    issued_at: Option<NaiveDateTime>,
    use_purpose: Option<UsePurpose>,
    lost: Option<LostCopy>,
    remaining: Amount,
    red_invoices: Vec<RedInvoice>,
    slips: Vec<Slip>,
    info_tables: Vec<InfoTable>,
    history: Vec<HistoryEntry>,
}

/// The serialised form, checked against its own history before it becomes a [`Lifecycle`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    kind: Kind,
    amount: Amount,
    seller_state: SellerState,
    buyer_state: BuyerState,
    number: Option<String>,
    issued_at: Option<NaiveDateTime>,
    use_purpose: Option<UsePurpose>,
    lost: Option<LostCopy>,
    remaining: Amount,
    red_invoices: Vec<RedInvoice>,
    slips: Vec<Slip>,
    info_tables: Vec<InfoTable>,
    history: Vec<HistoryEntry>,
}

impl TryFrom<Saved> for Lifecycle {
    type Error = String;

    /// Replays the saved history and accepts the state only if the replay rebuilds it exactly
    /// (a hand-edited state can never bypass a guard).
    fn try_from(s: Saved) -> Result<Self, String> {
        let claimed = Lifecycle {
            kind: s.kind,
            amount: s.amount,
            seller_state: s.seller_state,
            buyer_state: s.buyer_state,
            number: s.number,
            issued_at: s.issued_at,
            use_purpose: s.use_purpose,
            lost: s.lost,
            remaining: s.remaining,
            red_invoices: s.red_invoices,
            slips: s.slips,
            info_tables: s.info_tables,
            history: s.history,
        };
        let steps = claimed.history.iter().map(|h| h.step.clone());
        let rebuilt = Lifecycle::replay(claimed.kind, claimed.amount, steps)
            .map_err(|e| format!("the saved history does not replay: {e}"))?;
        if rebuilt == claimed {
            Ok(rebuilt)
        } else {
            Err("the saved state does not match what its history rebuilds".to_string())
        }
    }
}

impl Lifecycle {
    /// A compact view of the state for reports and the bindings: both states, the use purpose,
    /// the money (remaining and reversed, as strings), the history length, the red invoices, and
    /// the state of every 确认单 (by number, its `01`–`13` code) and 红字信息表 (by number).
    pub fn summary(&self) -> serde_json::Value {
        let slips: serde_json::Map<String, serde_json::Value> = self
            .slips()
            .iter()
            .map(|s| (s.slip_no.clone(), serde_json::json!(s.state.code())))
            .collect();
        let tables: serde_json::Map<String, serde_json::Value> = self
            .info_tables()
            .iter()
            .map(|t| (t.table_no.clone(), serde_json::json!(t.state.name())))
            .collect();
        let reds: Vec<serde_json::Value> = self
            .red_invoices()
            .iter()
            .map(|r| serde_json::json!({"number": r.number, "amount": r.amount.to_string()}))
            .collect();
        serde_json::json!({
            "seller_state": self.seller_state().name(),
            "buyer_state": self.buyer_state().name(),
            "use_purpose": self.use_purpose().map(|p| p.name()),
            "lost": self.lost(),
            "remaining": self.remaining().to_string(),
            "reversed": self.reversed().to_string(),
            "history_len": self.history().len(),
            "red_invoices": reds,
            "slips": slips,
            "info_tables": tables,
        })
    }

    /// A new lifecycle: a draft on the seller side, not received on the buyer side.
    ///
    /// `amount` is the blue invoice's 价税合计; reversals are measured against it.
    ///
    /// # Errors
    /// `LCY-04` when `amount` is not above zero (path `amount`).
    pub fn new(kind: Kind, amount: Amount) -> Result<Self, Error> {
        if amount.is_negative() || amount.is_zero() {
            return Err(Error::new(guards::BLUE_AMOUNT)
                .with("amount", amount)
                .at(Path::field("amount")));
        }
        Ok(Lifecycle {
            kind,
            amount,
            seller_state: table::SELLER_START,
            buyer_state: table::BUYER_START,
            number: None,
            issued_at: None,
            use_purpose: None,
            lost: None,
            remaining: amount,
            red_invoices: Vec::new(),
            slips: Vec::new(),
            info_tables: Vec::new(),
            history: Vec::new(),
        })
    }

    /// Builds a lifecycle by applying `steps` in order.
    ///
    /// # Errors
    /// `LCY-04` for the amount; otherwise the first refused step's error, placed under
    /// `events[i]` (e.g. `events[3].amount`).
    pub fn replay(
        kind: Kind,
        amount: Amount,
        steps: impl IntoIterator<Item = Step>,
    ) -> Result<Self, Error> {
        let mut lc = Lifecycle::new(kind, amount)?;
        for (i, step) in steps.into_iter().enumerate() {
            lc.apply(step)
                .map_err(|e| e.under(&Path::field("events").index(i)))?;
        }
        Ok(lc)
    }

    /// Applies one step. An accepted step returns the transition it made and appends one history
    /// entry; a refused step returns its error and leaves `self` exactly as it was.
    ///
    /// # Errors
    /// `LCY-03` when the step is earlier than the last accepted one; `LCY-18` / `LCY-33` for an
    /// unknown 确认单 / 信息表; the code of a tabled refusal (`LCY-10` void twice, `LCY-36`
    /// 重复报销, …) or `LCY-01` when the table has no row; otherwise the first failing guard's code
    /// (see [`Guard::rules`]). Paths point into the step (`amount`, `slip_no`, `actor`, `at`).
    pub fn apply(&mut self, step: Step) -> Result<Transition, Error> {
        if let Some(last) = self.history.last()
            && step.at < last.step.at
        {
            return Err(Error::new(guards::TIME_ORDER)
                .with("at", crate::dates::date_time_text(step.at))
                .with("previous", crate::dates::date_time_text(last.step.at))
                .at(Path::field("at")));
        }
        let event = step.event.kind();
        let from = self.current(&step.event)?;
        let Some(row) = table::rows(from, event).next() else {
            return Err(self.refuse(from, &step));
        };
        for guard in row.guards {
            guard.check(self, &step)?;
        }
        // Work on a copy (without the history, which only grows) so a failure changes nothing.
        let history = std::mem::take(&mut self.history);
        let mut next = self.clone();
        self.history = history;
        let to = next.effect(&step)?;
        if !table::allows(from, event, to) {
            return Err(Error::new(INP_INTERNAL).with(
                "reason",
                format!("{event} led to {to}, which the lifecycle table does not allow"),
            ));
        }
        next.history = std::mem::take(&mut self.history);
        next.history.push(HistoryEntry { step, from, to });
        *self = next;
        Ok(Transition { from, event, to })
    }

    /// Expires every 确认单 still pending (02/03) more than 72 hours before `now`, as the platform
    /// does (state 07), and returns the transitions made.
    ///
    /// # Errors
    /// `LCY-03` when `now` is earlier than the last accepted event.
    pub fn expire_overdue(&mut self, now: NaiveDateTime) -> Result<Vec<Transition>, Error> {
        let due: Vec<String> = self
            .slips
            .iter()
            .filter(|s| s.is_overdue(now))
            .map(|s| s.slip_no.clone())
            .collect();
        let mut out = Vec::new();
        for slip_no in due {
            out.push(self.apply(Step::new(
                Event::ExpireSlip { slip_no },
                Actor::Platform,
                now,
            ))?);
        }
        Ok(out)
    }

    /// The kind of the invoice.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The blue amount (价税合计).
    pub fn amount(&self) -> Amount {
        self.amount
    }

    /// The seller-side state.
    pub fn seller_state(&self) -> SellerState {
        self.seller_state
    }

    /// The buyer-side state.
    pub fn buyer_state(&self) -> BuyerState {
        self.buyer_state
    }

    /// The blue invoice's number, once issued.
    pub fn number(&self) -> Option<&str> {
        self.number.as_deref()
    }

    /// When it was issued.
    pub fn issued_at(&self) -> Option<NaiveDateTime> {
        self.issued_at
    }

    /// The buyer's 用途确认, if made.
    pub fn use_purpose(&self) -> Option<UsePurpose> {
        self.use_purpose
    }

    /// Which paper copies the buyer reported lost.
    pub fn lost(&self) -> Option<LostCopy> {
        self.lost
    }

    /// The amount that may still be reversed.
    pub fn remaining(&self) -> Amount {
        self.remaining
    }

    /// The amount reversed so far (`amount − remaining`).
    pub fn reversed(&self) -> Amount {
        self.amount
            .checked_sub(self.remaining)
            .unwrap_or(Amount::ZERO)
    }

    /// The red invoices issued against this one, in order.
    pub fn red_invoices(&self) -> &[RedInvoice] {
        &self.red_invoices
    }

    /// The 确认单s, in the order they were opened.
    pub fn slips(&self) -> &[Slip] {
        &self.slips
    }

    /// The 红字信息表s, in the order they were filed.
    pub fn info_tables(&self) -> &[InfoTable] {
        &self.info_tables
    }

    /// Every accepted step with the transition it made.
    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }

    /// The events the table allows now on the seller and buyer sides (guards not checked).
    pub fn possible_events(&self) -> Vec<EventKind> {
        let mut out = table::allowed_events(Node::Seller(self.seller_state));
        out.extend(table::allowed_events(Node::Buyer(self.buyer_state)));
        out
    }

    /// The 确认单 with this number.
    pub fn slip(&self, slip_no: Option<&str>) -> Option<&Slip> {
        let no = slip_no?;
        self.slips.iter().find(|s| s.slip_no == no)
    }

    /// The 红字信息表 with this number.
    pub fn table(&self, table_no: Option<&str>) -> Option<&InfoTable> {
        let no = table_no?;
        self.info_tables.iter().find(|t| t.table_no == no)
    }

    /// Whether the buyer's side blocks a direct red flush and lets the buyer start a 确认单:
    /// 用途确认 made, or (数电 kinds) 入账确认 made (domain.md §9.4).
    pub fn buyer_confirmed(&self) -> bool {
        self.use_purpose.is_some()
            || (self.kind.is_digital()
                && matches!(
                    self.buyer_state,
                    BuyerState::Booked | BuyerState::Reimbursed
                ))
    }

    /// True when `n` is already the number of this invoice, a red invoice, a 确认单 or a 信息表.
    fn number_taken(&self, n: &str) -> bool {
        self.number.as_deref() == Some(n)
            || self.red_invoices.iter().any(|r| r.number == n)
            || self.slips.iter().any(|s| s.slip_no == n)
            || self.info_tables.iter().any(|t| t.table_no == n)
    }

    /// The current state of the machine `event` acts on (`None`: a document it creates).
    fn current(&self, event: &Event) -> Result<Option<Node>, Error> {
        Ok(match event.kind().machine() {
            Machine::Seller => Some(Node::Seller(self.seller_state)),
            Machine::Buyer => Some(Node::Buyer(self.buyer_state)),
            Machine::Slip if event.kind() == EventKind::OpenSlip => None,
            Machine::InfoTable if event.kind() == EventKind::FileInfoTable => None,
            Machine::Slip => {
                let no = event.slip_no().unwrap_or("");
                let s = self.slip(Some(no)).ok_or_else(|| {
                    Error::new(guards::SLIP_NOT_FOUND)
                        .with("slip_no", crate::money::shorten(no))
                        .at(Path::field("slip_no"))
                })?;
                Some(Node::Slip(s.state))
            }
            Machine::InfoTable => {
                let no = event.table_no().unwrap_or("");
                let t = self.table(Some(no)).ok_or_else(|| {
                    Error::new(guards::TABLE_NOT_FOUND)
                        .with("table_no", crate::money::shorten(no))
                        .at(Path::field("table_no"))
                })?;
                Some(Node::InfoTable(t.state))
            }
        })
    }

    /// The error for an event the table has no row for.
    fn refuse(&self, from: Option<Node>, step: &Step) -> Error {
        let event = step.event.kind();
        let Some(node) = from else {
            // Every creating event has rows; kept total for safety.
            return Error::new(guards::NOT_ALLOWED)
                .with("event", event.name())
                .with("state", "(new)")
                .with("allowed", "none");
        };
        match table::refusal(node, event) {
            Some(rule) => self.with_params(Error::new(rule), rule, node, step),
            None => {
                let allowed: Vec<&str> = table::allowed_events(node)
                    .into_iter()
                    .map(EventKind::name)
                    .collect();
                Error::new(guards::NOT_ALLOWED)
                    .with("event", event.name())
                    .with("state", node)
                    .with(
                        "allowed",
                        if allowed.is_empty() {
                            "none".to_string()
                        } else {
                            allowed.join(", ")
                        },
                    )
            }
        }
    }

    /// Fills the params a refusal rule's templates name.
    fn with_params(&self, mut err: Error, rule: &Rule, node: Node, step: &Step) -> Error {
        for name in Rule::placeholders(rule.en) {
            let (key, value): (&'static str, String) = match name {
                "remaining" => ("remaining", self.remaining.to_string()),
                "state" => (
                    "state",
                    match node {
                        Node::Slip(s) => format!("{} {}", s.code(), s.name_zh()),
                        other => other.name().to_string(),
                    },
                ),
                "at" => (
                    "at",
                    self.history
                        .iter()
                        .rev()
                        .find(|h| h.step.event.kind() == EventKind::Reimburse)
                        .map_or_else(String::new, |h| crate::dates::date_time_text(h.step.at)),
                ),
                "purpose" => (
                    "purpose",
                    self.use_purpose
                        .map_or("none", UsePurpose::name)
                        .to_string(),
                ),
                "slip_no" => ("slip_no", step.event.slip_no().unwrap_or("").to_string()),
                "table_no" => ("table_no", step.event.table_no().unwrap_or("").to_string()),
                _ => continue,
            };
            err = err.with(key, value);
        }
        err
    }

    /// Applies the accepted step's effect and returns the new state of its machine.
    fn effect(&mut self, step: &Step) -> Result<Node, Error> {
        let at = step.at;
        Ok(match &step.event {
            Event::Submit => self.seller(SellerState::PendingReview),
            Event::Approve => self.seller(SellerState::Approved),
            Event::Reject => self.seller(SellerState::Rejected),
            Event::Revise => self.seller(SellerState::Draft),
            Event::Issue { number } => {
                self.number = Some(number.clone());
                self.issued_at = Some(at);
                self.seller(SellerState::Issued)
            }
            Event::Void => self.seller(SellerState::Voided),
            Event::IssueRed {
                number,
                amount,
                red_reason,
                slip_no,
                info_table_no,
            } => {
                let remaining = self.remaining.checked_sub(*amount)?;
                if remaining.is_negative() {
                    return Err(Error::new(guards::RED_OVER_REMAINING)
                        .with("amount", amount)
                        .with("remaining", self.remaining)
                        .at(Path::field("amount")));
                }
                self.remaining = remaining;
                if let Some(s) = self
                    .slips
                    .iter_mut()
                    .find(|s| Some(&s.slip_no) == slip_no.as_ref())
                {
                    s.red_invoice = Some(number.clone());
                }
                if let Some(t) = self
                    .info_tables
                    .iter_mut()
                    .find(|t| Some(&t.table_no) == info_table_no.as_ref())
                {
                    t.red_invoice = Some(number.clone());
                }
                self.red_invoices.push(RedInvoice {
                    number: number.clone(),
                    amount: *amount,
                    red_reason: *red_reason,
                    issued_at: at,
                    slip_no: slip_no.clone(),
                    info_table_no: info_table_no.clone(),
                });
                self.seller(if remaining.is_zero() {
                    SellerState::FullyReversed
                } else {
                    SellerState::PartiallyReversed
                })
            }
            Event::Receive => self.buyer(BuyerState::Received),
            Event::Verify => self.buyer(BuyerState::Verified),
            Event::ConfirmUse { purpose } => {
                self.use_purpose = Some(*purpose);
                let next = if self.buyer_state == BuyerState::Verified {
                    BuyerState::UseConfirmed
                } else {
                    self.buyer_state
                };
                self.buyer(next)
            }
            Event::Book => self.buyer(BuyerState::Booked),
            Event::Reimburse => self.buyer(BuyerState::Reimbursed),
            Event::ReportLost { copy } => {
                self.lost = Some(match (self.lost, copy) {
                    (None, c) => *c,
                    (Some(a), b) if a == *b => a,
                    _ => LostCopy::Both,
                });
                self.buyer(self.buyer_state)
            }
            Event::OpenSlip {
                slip_no,
                amount,
                red_reason,
            } => {
                let state = match step.actor {
                    Actor::Buyer => SlipState::PendingSeller,
                    _ if self.buyer_confirmed() => SlipState::PendingBuyer,
                    _ => SlipState::NoConfirmationNeeded,
                };
                self.slips.push(Slip {
                    slip_no: slip_no.clone(),
                    initiator: step.actor,
                    amount: *amount,
                    red_reason: *red_reason,
                    state,
                    opened_at: at,
                    red_invoice: None,
                });
                Node::Slip(state)
            }
            Event::ConfirmSlip { slip_no } => self.set_slip(slip_no, |_| SlipState::Confirmed)?,
            Event::DenySlip { slip_no } => self.set_slip(slip_no, |s| match s.initiator {
                Actor::Buyer => SlipState::DeniedBySeller,
                _ => SlipState::DeniedByBuyer,
            })?,
            Event::WithdrawSlip { slip_no } => self.set_slip(slip_no, |s| {
                if s.state == SlipState::Confirmed {
                    SlipState::WithdrawnAfterConfirm
                } else {
                    SlipState::Withdrawn
                }
            })?,
            Event::ExpireSlip { slip_no } => self.set_slip(slip_no, |_| SlipState::Expired)?,
            Event::VoidSlip { slip_no, cause } => self.set_slip(slip_no, |_| cause.state())?,
            Event::FileInfoTable {
                table_no,
                applicant,
                amount,
                red_reason,
            } => {
                self.info_tables.push(InfoTable {
                    table_no: table_no.clone(),
                    applicant: *applicant,
                    amount: *amount,
                    red_reason: *red_reason,
                    state: InfoTableState::Filed,
                    filed_at: at,
                    red_invoice: None,
                });
                Node::InfoTable(InfoTableState::Filed)
            }
            Event::WithdrawInfoTable { table_no } => {
                let t = self
                    .info_tables
                    .iter_mut()
                    .find(|t| &t.table_no == table_no)
                    .ok_or_else(|| {
                        Error::new(guards::TABLE_NOT_FOUND)
                            .with("table_no", crate::money::shorten(table_no))
                            .at(Path::field("table_no"))
                    })?;
                t.state = InfoTableState::Withdrawn;
                Node::InfoTable(t.state)
            }
        })
    }

    fn seller(&mut self, s: SellerState) -> Node {
        self.seller_state = s;
        Node::Seller(s)
    }

    fn buyer(&mut self, s: BuyerState) -> Node {
        self.buyer_state = s;
        Node::Buyer(s)
    }

    fn set_slip(&mut self, slip_no: &str, f: impl Fn(&Slip) -> SlipState) -> Result<Node, Error> {
        let s = self
            .slips
            .iter_mut()
            .find(|s| s.slip_no == slip_no)
            .ok_or_else(|| {
                Error::new(guards::SLIP_NOT_FOUND)
                    .with("slip_no", crate::money::shorten(slip_no))
                    .at(Path::field("slip_no"))
            })?;
        s.state = f(s);
        Ok(Node::Slip(s.state))
    }
}
