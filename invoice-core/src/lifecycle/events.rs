//! Events (事件), actors and the values they carry.
//!
//! In JSON an event is one flat object tagged by `event`, with the actor, the time and an optional
//! free-text reason next to the event's own fields (the same shape in Python dicts and JS objects):
//!
//! ```json
//! {"event": "issue_red", "actor": "seller", "at": "2024-05-20T10:00:00",
//!  "number": "24442000000000000002", "amount": "40.00", "red_reason": "sales_allowance",
//!  "slip_no": "44030724052001117191"}
//! ```

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::states::{Machine, SlipState};
use crate::error::{Error, Path};
use crate::error::{INP_FLOAT, INP_JSON, INP_MISSING, INP_TYPE};
use crate::model::json_type_name;
use crate::money::Amount;

/// Who does something.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// 销售方 (the seller, including its reviewers).
    Seller,
    /// 购买方 (the buyer).
    Buyer,
    /// 税务平台 (the tax platform: 72-hour expiry, 异常凭证 and other automatic voiding).
    Platform,
}

impl Actor {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Actor::Seller => "seller",
            Actor::Buyer => "buyer",
            Actor::Platform => "platform",
        }
    }

    /// The other trading party (seller ↔ buyer); the platform has none.
    pub fn other_party(self) -> Option<Actor> {
        match self {
            Actor::Seller => Some(Actor::Buyer),
            Actor::Buyer => Some(Actor::Seller),
            Actor::Platform => None,
        }
    }
}

/// 用途确认: what the buyer selects the invoice for (domain.md §9.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UsePurpose {
    /// 抵扣勾选: deduct the input tax.
    Deduct,
    /// 不抵扣勾选: used, input tax not deducted.
    NonDeduct,
}

impl UsePurpose {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            UsePurpose::Deduct => "deduct",
            UsePurpose::NonDeduct => "non_deduct",
        }
    }
}

/// 红冲原因 (domain.md §9.3, §9.4). The two code systems number them differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedReason {
    /// 销货退回.
    SalesReturn,
    /// 开票有误.
    InvoicingError,
    /// 服务中止.
    ServiceStopped,
    /// 销售折让.
    SalesAllowance,
}

impl RedReason {
    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            RedReason::SalesReturn => "销货退回",
            RedReason::InvoicingError => "开票有误",
            RedReason::ServiceStopped => "服务中止",
            RedReason::SalesAllowance => "销售折让",
        }
    }

    /// The legacy vendor code: 1 销货退回, 2 开票有误, 3 服务中止, 4 销售折让.
    pub fn legacy_code(self) -> &'static str {
        match self {
            RedReason::SalesReturn => "1",
            RedReason::InvoicingError => "2",
            RedReason::ServiceStopped => "3",
            RedReason::SalesAllowance => "4",
        }
    }

    /// The 数电 code: 01 开票有误, 02 销货退回, 03 服务中止, 04 销售折让.
    pub fn digital_code(self) -> &'static str {
        match self {
            RedReason::InvoicingError => "01",
            RedReason::SalesReturn => "02",
            RedReason::ServiceStopped => "03",
            RedReason::SalesAllowance => "04",
        }
    }
}

/// Who files a legacy 红字信息表 and whether the buyer had deducted (vendor field `reqMemo`,
/// domain.md §9.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicant {
    /// 购买方申请·已抵扣 (`1100000000`).
    BuyerDeducted,
    /// 购买方申请·未抵扣 (`1010000000`).
    BuyerNotDeducted,
    /// 销售方申请 (`0000000100`).
    Seller,
}

impl Applicant {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Applicant::BuyerDeducted => "buyer_deducted",
            Applicant::BuyerNotDeducted => "buyer_not_deducted",
            Applicant::Seller => "seller",
        }
    }

    /// The party that files the table.
    pub fn party(self) -> Actor {
        match self {
            Applicant::BuyerDeducted | Applicant::BuyerNotDeducted => Actor::Buyer,
            Applicant::Seller => Actor::Seller,
        }
    }

    /// True for 购买方申请·已抵扣.
    pub fn deducted(self) -> bool {
        matches!(self, Applicant::BuyerDeducted)
    }

    /// The vendor's 10-character `reqMemo`.
    pub fn req_memo(self) -> &'static str {
        match self {
            Applicant::BuyerDeducted => "1100000000",
            Applicant::BuyerNotDeducted => "1010000000",
            Applicant::Seller => "0000000100",
        }
    }
}

/// Why the platform voids a 确认单 outside the parties' control (states 10–13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlipVoidCause {
    /// 10 异常凭证.
    AbnormalVoucher,
    /// 11 纳税人状态异常阻断 (乐企).
    TaxpayerBlocked,
    /// 12 自然人拒收 (乐企).
    NaturalPersonRefused,
    /// 13 已开具退税申请单 (乐企).
    RefundForm,
}

impl SlipVoidCause {
    /// Every cause.
    pub const ALL: [SlipVoidCause; 4] = [
        SlipVoidCause::AbnormalVoucher,
        SlipVoidCause::TaxpayerBlocked,
        SlipVoidCause::NaturalPersonRefused,
        SlipVoidCause::RefundForm,
    ];

    /// The void state this cause leads to.
    pub fn state(self) -> SlipState {
        match self {
            SlipVoidCause::AbnormalVoucher => SlipState::AbnormalVoucher,
            SlipVoidCause::TaxpayerBlocked => SlipState::TaxpayerBlocked,
            SlipVoidCause::NaturalPersonRefused => SlipState::NaturalPersonRefused,
            SlipVoidCause::RefundForm => SlipState::RefundForm,
        }
    }
}

/// Which paper copy of a legacy 专票 was lost (domain.md §9.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LostCopy {
    /// 发票联 lost: the 抵扣联 serves as the bookkeeping voucher.
    InvoiceCopy,
    /// 抵扣联 lost: a copy of the 发票联 serves as the deduction voucher.
    DeductionCopy,
    /// Both lost: the seller's 记账联 copy serves for both.
    Both,
}

/// One lifecycle event with its own data. In JSON: tagged by `event`, snake_case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// Seller: submit the draft for review (提交审核).
    Submit,
    /// Seller: approve the submitted invoice (审核通过).
    Approve,
    /// Seller: reject it (审核驳回); `reason` says why.
    Reject,
    /// Seller: take a rejected invoice back to draft for correction (退回修改).
    Revise,
    /// Seller: issue the approved invoice (开具蓝字发票); `at` is the issue time.
    Issue {
        /// The invoice's number (20-digit 数电 number, or legacy code + number).
        number: String,
    },
    /// Seller: void the invoice (作废).
    Void,
    /// Seller: issue a red invoice against this blue one (开具红字发票).
    IssueRed {
        /// The red invoice's own number (stored as the link to it).
        number: String,
        /// The reversed amount as a positive magnitude, in the blue amount's measure (价税合计).
        amount: Amount,
        /// 红冲原因.
        red_reason: RedReason,
        /// The 数电 确认单 it is issued on (数电 kinds).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        slip_no: Option<String>,
        /// The 红字信息表 it is issued on (legacy kinds).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        info_table_no: Option<String>,
    },
    /// Buyer: the invoice arrived (收票).
    Receive,
    /// Buyer: verified on the national platform (查验).
    Verify,
    /// Buyer: 用途确认 (勾选抵扣 / 不抵扣); deductible kinds only.
    ConfirmUse {
        /// 抵扣 or 不抵扣.
        purpose: UsePurpose,
    },
    /// Buyer: booked (入账 / 入账确认).
    Book,
    /// Buyer: reimbursed (报销); once only.
    Reimburse,
    /// Buyer: a paper copy of a legacy 专票 was lost (发票丢失).
    ReportLost {
        /// Which copy.
        copy: LostCopy,
    },
    /// Seller or buyer: open a 数电 红字发票信息确认单.
    OpenSlip {
        /// 确认单编号 (20 digits).
        slip_no: String,
        /// The amount to reverse, a positive magnitude.
        amount: Amount,
        /// 红冲原因.
        red_reason: RedReason,
    },
    /// The other party confirms the 确认单 (确认).
    ConfirmSlip {
        /// 确认单编号.
        slip_no: String,
    },
    /// The other party denies the 确认单 (否认).
    DenySlip {
        /// 确认单编号.
        slip_no: String,
    },
    /// The initiator withdraws the 确认单 (撤销).
    WithdrawSlip {
        /// 确认单编号.
        slip_no: String,
    },
    /// Platform: the 确认单 was not confirmed within 72 hours (超72小时未确认).
    ExpireSlip {
        /// 确认单编号.
        slip_no: String,
    },
    /// Platform: the 确认单 is voided for another cause (states 10–13).
    VoidSlip {
        /// 确认单编号.
        slip_no: String,
        /// Why.
        cause: SlipVoidCause,
    },
    /// Seller or buyer: file a legacy 开具红字增值税专用发票信息表.
    FileInfoTable {
        /// 信息表编号 (16 digits).
        table_no: String,
        /// Who files it and whether the buyer had deducted.
        applicant: Applicant,
        /// The amount to reverse, a positive magnitude.
        amount: Amount,
        /// 红冲原因.
        red_reason: RedReason,
    },
    /// The filing party withdraws its 红字信息表 (撤销).
    WithdrawInfoTable {
        /// 信息表编号.
        table_no: String,
    },
}

/// The kind of an [`Event`] without its data: the key of the transition table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each variant is the event of the same name, documented on `Event`
pub enum EventKind {
    Submit,
    Approve,
    Reject,
    Revise,
    Issue,
    Void,
    IssueRed,
    Receive,
    Verify,
    ConfirmUse,
    Book,
    Reimburse,
    ReportLost,
    OpenSlip,
    ConfirmSlip,
    DenySlip,
    WithdrawSlip,
    ExpireSlip,
    VoidSlip,
    FileInfoTable,
    WithdrawInfoTable,
}

impl EventKind {
    /// Every event kind.
    pub const ALL: [EventKind; 21] = [
        EventKind::Submit,
        EventKind::Approve,
        EventKind::Reject,
        EventKind::Revise,
        EventKind::Issue,
        EventKind::Void,
        EventKind::IssueRed,
        EventKind::Receive,
        EventKind::Verify,
        EventKind::ConfirmUse,
        EventKind::Book,
        EventKind::Reimburse,
        EventKind::ReportLost,
        EventKind::OpenSlip,
        EventKind::ConfirmSlip,
        EventKind::DenySlip,
        EventKind::WithdrawSlip,
        EventKind::ExpireSlip,
        EventKind::VoidSlip,
        EventKind::FileInfoTable,
        EventKind::WithdrawInfoTable,
    ];

    /// The snake_case name (the JSON `event` tag).
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Submit => "submit",
            EventKind::Approve => "approve",
            EventKind::Reject => "reject",
            EventKind::Revise => "revise",
            EventKind::Issue => "issue",
            EventKind::Void => "void",
            EventKind::IssueRed => "issue_red",
            EventKind::Receive => "receive",
            EventKind::Verify => "verify",
            EventKind::ConfirmUse => "confirm_use",
            EventKind::Book => "book",
            EventKind::Reimburse => "reimburse",
            EventKind::ReportLost => "report_lost",
            EventKind::OpenSlip => "open_slip",
            EventKind::ConfirmSlip => "confirm_slip",
            EventKind::DenySlip => "deny_slip",
            EventKind::WithdrawSlip => "withdraw_slip",
            EventKind::ExpireSlip => "expire_slip",
            EventKind::VoidSlip => "void_slip",
            EventKind::FileInfoTable => "file_info_table",
            EventKind::WithdrawInfoTable => "withdraw_info_table",
        }
    }

    /// The machine whose state this event changes.
    pub fn machine(self) -> Machine {
        match self {
            EventKind::Submit
            | EventKind::Approve
            | EventKind::Reject
            | EventKind::Revise
            | EventKind::Issue
            | EventKind::Void
            | EventKind::IssueRed => Machine::Seller,
            EventKind::Receive
            | EventKind::Verify
            | EventKind::ConfirmUse
            | EventKind::Book
            | EventKind::Reimburse
            | EventKind::ReportLost => Machine::Buyer,
            EventKind::OpenSlip
            | EventKind::ConfirmSlip
            | EventKind::DenySlip
            | EventKind::WithdrawSlip
            | EventKind::ExpireSlip
            | EventKind::VoidSlip => Machine::Slip,
            EventKind::FileInfoTable | EventKind::WithdrawInfoTable => Machine::InfoTable,
        }
    }
}

impl std::str::FromStr for EventKind {
    type Err = Error;

    /// Reads the name [`EventKind::name`] gives.
    ///
    /// # Errors
    /// `INP-05` listing the event names, for any other text.
    fn from_str(s: &str) -> Result<Self, Error> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| Error::unknown_name(s, &EventKind::ALL.map(EventKind::name)))
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Event {
    /// The event's kind.
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Submit => EventKind::Submit,
            Event::Approve => EventKind::Approve,
            Event::Reject => EventKind::Reject,
            Event::Revise => EventKind::Revise,
            Event::Issue { .. } => EventKind::Issue,
            Event::Void => EventKind::Void,
            Event::IssueRed { .. } => EventKind::IssueRed,
            Event::Receive => EventKind::Receive,
            Event::Verify => EventKind::Verify,
            Event::ConfirmUse { .. } => EventKind::ConfirmUse,
            Event::Book => EventKind::Book,
            Event::Reimburse => EventKind::Reimburse,
            Event::ReportLost { .. } => EventKind::ReportLost,
            Event::OpenSlip { .. } => EventKind::OpenSlip,
            Event::ConfirmSlip { .. } => EventKind::ConfirmSlip,
            Event::DenySlip { .. } => EventKind::DenySlip,
            Event::WithdrawSlip { .. } => EventKind::WithdrawSlip,
            Event::ExpireSlip { .. } => EventKind::ExpireSlip,
            Event::VoidSlip { .. } => EventKind::VoidSlip,
            Event::FileInfoTable { .. } => EventKind::FileInfoTable,
            Event::WithdrawInfoTable { .. } => EventKind::WithdrawInfoTable,
        }
    }

    /// The 确认单 number the event names, if any (`slip_no`).
    pub fn slip_no(&self) -> Option<&str> {
        match self {
            Event::OpenSlip { slip_no, .. }
            | Event::ConfirmSlip { slip_no }
            | Event::DenySlip { slip_no }
            | Event::WithdrawSlip { slip_no }
            | Event::ExpireSlip { slip_no }
            | Event::VoidSlip { slip_no, .. } => Some(slip_no),
            Event::IssueRed { slip_no, .. } => slip_no.as_deref(),
            _ => None,
        }
    }

    /// The 红字信息表 number the event names, if any.
    pub fn table_no(&self) -> Option<&str> {
        match self {
            Event::FileInfoTable { table_no, .. } | Event::WithdrawInfoTable { table_no } => {
                Some(table_no)
            }
            Event::IssueRed { info_table_no, .. } => info_table_no.as_deref(),
            _ => None,
        }
    }

    /// The amount the event carries, if any.
    pub fn amount(&self) -> Option<Amount> {
        match self {
            Event::IssueRed { amount, .. }
            | Event::OpenSlip { amount, .. }
            | Event::FileInfoTable { amount, .. } => Some(*amount),
            _ => None,
        }
    }

    /// The invoice number the event carries (`issue`, `issue_red`).
    pub fn number(&self) -> Option<&str> {
        match self {
            Event::Issue { number } | Event::IssueRed { number, .. } => Some(number),
            _ => None,
        }
    }
}

/// An event as it happened: the event, who did it, when (the caller's clock), and why.
///
/// In JSON the event's fields sit next to `actor`, `at` and `reason` in one flat object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// What happened.
    #[serde(flatten)]
    pub event: Event,
    /// Who did it.
    pub actor: Actor,
    /// When, as passed by the caller (`2024-05-20T10:00:00`); the library has no clock. Read
    /// by [`crate::dates::read_date_time`].
    #[serde(deserialize_with = "crate::dates::deserialize_date_time")]
    pub at: NaiveDateTime,
    /// Free text: why (a rejection's reason, a note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Step {
    /// A step without a reason.
    pub fn new(event: Event, actor: Actor, at: NaiveDateTime) -> Self {
        Step {
            event,
            actor,
            at,
            reason: None,
        }
    }

    /// The same step with a reason.
    pub fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// Reads a step from its JSON shape (what the bindings pass in).
    ///
    /// The common mistakes get their own code at their field: `INP-02` for a step that is not
    /// an object, a mistyped `event`, `at` or `amount`, or an `at` that is not an ISO date-time;
    /// `INP-04` for a missing `event` or `at`; `INP-05` (listing the names) for an unknown
    /// `event`; `INP-01` for an `amount` given as a float (floats are not money; every JS
    /// number is one).
    ///
    /// # Errors
    /// Those, and `INP-03` with serde's reason for anything else that is not a step (a missing
    /// or mistyped field of the event, an unknown actor or reason).
    pub fn from_json(value: &serde_json::Value) -> Result<Step, Error> {
        use serde_json::Value;
        let type_error = |expected: &str, found: &str, field: &'static str| {
            Error::new(INP_TYPE)
                .with("expected", expected)
                .with("found", found)
                .at(Path::field(field))
        };
        let Value::Object(m) = value else {
            return Err(Error::new(INP_TYPE)
                .with("expected", "a step object")
                .with("found", json_type_name(value)));
        };
        match m.get("event") {
            None | Some(Value::Null) => {
                return Err(Error::new(INP_MISSING).at(Path::field("event")));
            }
            Some(Value::String(name)) => {
                name.parse::<EventKind>()
                    .map_err(|e| e.at(Path::field("event")))?;
            }
            Some(other) => return Err(type_error("an event name", json_type_name(other), "event")),
        }
        match m.get("at") {
            None | Some(Value::Null) => return Err(Error::new(INP_MISSING).at(Path::field("at"))),
            // The core's one date-time reader (serde reads `at` with it below).
            Some(Value::String(t)) => {
                crate::dates::read_date_time(t).map_err(|e| e.at(Path::field("at")))?;
            }
            Some(other) => return Err(type_error("date-time text", json_type_name(other), "at")),
        }
        match m.get("amount") {
            // Whole numbers are amounts (a Python int); serde reads them below.
            None | Some(Value::String(_)) => {}
            Some(Value::Number(n)) if !n.is_f64() => {}
            Some(Value::Number(n)) => {
                return Err(Error::new(INP_FLOAT)
                    .with("value", n)
                    .at(Path::field("amount")));
            }
            Some(other) => {
                return Err(type_error(
                    "decimal string",
                    json_type_name(other),
                    "amount",
                ));
            }
        }
        Step::deserialize(value).map_err(|e| Error::new(INP_JSON).with("reason", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kinds_and_names_agree() {
        for k in EventKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
    }

    #[test]
    fn step_json_is_flat() {
        let v = json!({"event": "issue_red", "actor": "seller", "at": "2024-05-20T10:00:00",
            "number": "24442000000000000002", "amount": "40", "red_reason": "sales_allowance",
            "slip_no": "44030724052001117191"});
        let s: Step = serde_json::from_value(v).unwrap();
        assert_eq!(s.event.kind(), EventKind::IssueRed);
        assert_eq!(s.event.amount().unwrap().to_string(), "40.00");
        let back = serde_json::to_value(&s).unwrap();
        assert_eq!(back["amount"], "40.00");
        assert_eq!(back["event"], "issue_red");
        assert!(back.get("info_table_no").is_none());
        let again: Step = serde_json::from_value(back).unwrap();
        assert_eq!(again, s);
        let unit: Step = serde_json::from_value(
            json!({"event": "void", "actor": "seller", "at": "2024-05-20T10:00:00"}),
        )
        .unwrap();
        assert_eq!(unit.event, Event::Void);
    }

    #[test]
    fn step_reader_names_the_field() {
        let at = "2024-05-20T10:00:00";
        let cases = [
            (json!("void"), "INP-02", ""),
            (json!({"actor": "seller", "at": at}), "INP-04", "event"),
            (
                json!({"event": "explode", "actor": "seller", "at": at}),
                "INP-05",
                "event",
            ),
            (
                json!({"event": 3, "actor": "seller", "at": at}),
                "INP-02",
                "event",
            ),
            (json!({"event": "void", "actor": "seller"}), "INP-04", "at"),
            (
                json!({"event": "void", "actor": "seller", "at": "2024-05-20"}),
                "INP-02",
                "at",
            ),
            (
                json!({"event": "open_slip", "actor": "seller", "at": at, "slip_no": "1",
                "amount": 40.0, "red_reason": "sales_return"}),
                "INP-01",
                "amount",
            ),
            (
                json!({"event": "open_slip", "actor": "seller", "at": at, "slip_no": "1",
                "amount": true, "red_reason": "sales_return"}),
                "INP-02",
                "amount",
            ),
            (
                json!({"event": "void", "actor": "nobody", "at": at}),
                "INP-03",
                "",
            ),
            (
                json!({"event": "issue", "actor": "seller", "at": at}),
                "INP-03",
                "",
            ),
        ];
        for (v, code, path) in cases {
            let e = Step::from_json(&v).unwrap_err();
            assert_eq!(
                (e.code(), e.path().to_string().as_str()),
                (code, path),
                "{v}"
            );
        }
        let e = Step::from_json(&json!({"event": "fly", "at": at})).unwrap_err();
        assert!(
            e.param("allowed")
                .unwrap()
                .starts_with("submit, approve, reject")
        );
        // The core's one date-time reader: whole seconds (as the core writes them), a space
        // for the `T` read as the same time.
        let frac = json!({"event": "void", "actor": "seller", "at": "2024-05-20T10:00:00.5"});
        let e = Step::from_json(&frac).unwrap_err();
        assert_eq!((e.code(), e.path().to_string().as_str()), ("INP-02", "at"));
        let spaced = json!({"event": "void", "actor": "seller", "at": "2024-05-20 10:00:00"});
        let t = json!({"event": "void", "actor": "seller", "at": "2024-05-20T10:00:00"});
        assert_eq!(
            Step::from_json(&spaced).unwrap(),
            Step::from_json(&t).unwrap()
        );
    }

    #[test]
    fn red_reason_codes_differ_by_system() {
        assert_eq!(RedReason::SalesReturn.legacy_code(), "1");
        assert_eq!(RedReason::SalesReturn.digital_code(), "02");
        assert_eq!(RedReason::InvoicingError.digital_code(), "01");
    }
}
