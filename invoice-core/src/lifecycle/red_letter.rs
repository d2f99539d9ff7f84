//! Red-letter documents (红字发票): the 数电 红字发票信息确认单, the legacy 红字信息表, and the red
//! invoices linked to the blue one (domain.md §9.3, §9.4).

use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::events::{Actor, Applicant, RedReason};
use super::states::{InfoTableState, SlipState};
use crate::money::Amount;

/// Hours a 确认单 waits for the other party before the platform voids it (state 07).
pub const SLIP_CONFIRM_HOURS: i64 = 72;

/// Length of a 确认单编号 (乐企 field `hzfpxxqrdbh` varchar(20)).
pub const SLIP_NO_LEN: usize = 20;

/// Length of a 红字信息表编号 (DXHY validation 502006: 16–16).
pub const TABLE_NO_LEN: usize = 16;

/// A 数电 红字发票信息确认单 on this invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slip {
    /// 确认单编号 (20 digits).
    pub slip_no: String,
    /// Who entered it (录入方).
    pub initiator: Actor,
    /// The amount to reverse (positive magnitude).
    pub amount: Amount,
    /// 红冲原因.
    pub red_reason: RedReason,
    /// Current state (01–13).
    pub state: SlipState,
    /// When it was entered; the 72 hours run from here.
    pub opened_at: NaiveDateTime,
    /// The red invoice issued on it, once issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_invoice: Option<String>,
}

impl Slip {
    /// The last moment the other party may still confirm or deny: `opened_at` + 72 hours
    /// (`None` only past the end of the calendar).
    pub fn deadline(&self) -> Option<NaiveDateTime> {
        self.opened_at
            .checked_add_signed(TimeDelta::hours(SLIP_CONFIRM_HOURS))
    }

    /// True when the slip is pending (02/03) and more than 72 hours have passed at `now`.
    pub fn is_overdue(&self, now: NaiveDateTime) -> bool {
        self.state.is_pending() && self.deadline().is_some_and(|d| now > d)
    }

    /// Pending or usable and not yet used: blocks opening another red-letter document.
    pub fn is_open(&self) -> bool {
        !self.state.is_void() && self.red_invoice.is_none()
    }
}

/// A legacy 开具红字增值税专用发票信息表 on this invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoTable {
    /// 信息表编号 (16 digits).
    pub table_no: String,
    /// Who filed it and whether the buyer had deducted.
    pub applicant: Applicant,
    /// The amount to reverse (positive magnitude).
    pub amount: Amount,
    /// 红冲原因.
    pub red_reason: RedReason,
    /// Current state.
    pub state: InfoTableState,
    /// When it was filed.
    pub filed_at: NaiveDateTime,
    /// The red invoice issued on it, once issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_invoice: Option<String>,
}

impl InfoTable {
    /// Filed and not yet used.
    pub fn is_open(&self) -> bool {
        self.state == InfoTableState::Filed && self.red_invoice.is_none()
    }
}

/// A red invoice issued against the blue one (its link back to the original).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedInvoice {
    /// The red invoice's number.
    pub number: String,
    /// The reversed amount (positive magnitude; the red invoice shows it negated).
    pub amount: Amount,
    /// 红冲原因.
    pub red_reason: RedReason,
    /// When it was issued.
    pub issued_at: NaiveDateTime,
    /// The 确认单 it was issued on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip_no: Option<String>,
    /// The 红字信息表 it was issued on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_table_no: Option<String>,
}

/// True for exactly `len` ASCII digits.
pub(crate) fn is_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}
