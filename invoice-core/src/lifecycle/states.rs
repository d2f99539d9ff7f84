//! The states of the four lifecycle machines (状态): the seller's invoice, the buyer's copy, the
//! 数电 红字发票信息确认单 and the legacy 红字信息表 (domain.md §9.1–§9.4).

use serde::{Deserialize, Serialize};

/// The seller-side state of the blue invoice (销方发票状态).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SellerState {
    /// 草稿: being prepared.
    Draft,
    /// 待审核: submitted for review.
    PendingReview,
    /// 审核通过: approved, may be issued.
    Approved,
    /// 审核驳回: rejected; goes back to draft for correction.
    Rejected,
    /// 已开具: issued (blue), nothing reversed.
    Issued,
    /// 已作废: voided (paper kinds, month of issue only).
    Voided,
    /// 部分红冲: some red invoices issued, a reversible amount remains.
    PartiallyReversed,
    /// 全额红冲: the whole amount reversed.
    FullyReversed,
}

impl SellerState {
    /// Every seller state, in lifecycle order.
    pub const ALL: [SellerState; 8] = [
        SellerState::Draft,
        SellerState::PendingReview,
        SellerState::Approved,
        SellerState::Rejected,
        SellerState::Issued,
        SellerState::Voided,
        SellerState::PartiallyReversed,
        SellerState::FullyReversed,
    ];

    /// The snake_case name used in JSON (`"partially_reversed"`).
    pub fn name(self) -> &'static str {
        match self {
            SellerState::Draft => "draft",
            SellerState::PendingReview => "pending_review",
            SellerState::Approved => "approved",
            SellerState::Rejected => "rejected",
            SellerState::Issued => "issued",
            SellerState::Voided => "voided",
            SellerState::PartiallyReversed => "partially_reversed",
            SellerState::FullyReversed => "fully_reversed",
        }
    }

    /// The Chinese name (`部分红冲`).
    pub fn name_zh(self) -> &'static str {
        match self {
            SellerState::Draft => "草稿",
            SellerState::PendingReview => "待审核",
            SellerState::Approved => "审核通过",
            SellerState::Rejected => "审核驳回",
            SellerState::Issued => "已开具",
            SellerState::Voided => "已作废",
            SellerState::PartiallyReversed => "部分红冲",
            SellerState::FullyReversed => "全额红冲",
        }
    }
}

/// The buyer-side state of the invoice (购方发票状态), in the order of domain.md §9.1:
/// received → 查验 → 用途确认 → 入账 → 报销.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyerState {
    /// 未收到: the buyer has not received it (the start).
    NotReceived,
    /// 已收票.
    Received,
    /// 已查验 (verified on the national platform).
    Verified,
    /// 已用途确认 (抵扣 or 不抵扣 勾选; deductible kinds only).
    UseConfirmed,
    /// 已入账 (入账确认).
    Booked,
    /// 已报销 (reimbursed; once only).
    Reimbursed,
}

impl BuyerState {
    /// Every buyer state, in lifecycle order.
    pub const ALL: [BuyerState; 6] = [
        BuyerState::NotReceived,
        BuyerState::Received,
        BuyerState::Verified,
        BuyerState::UseConfirmed,
        BuyerState::Booked,
        BuyerState::Reimbursed,
    ];

    /// The snake_case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            BuyerState::NotReceived => "not_received",
            BuyerState::Received => "received",
            BuyerState::Verified => "verified",
            BuyerState::UseConfirmed => "use_confirmed",
            BuyerState::Booked => "booked",
            BuyerState::Reimbursed => "reimbursed",
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            BuyerState::NotReceived => "未收票",
            BuyerState::Received => "已收票",
            BuyerState::Verified => "已查验",
            BuyerState::UseConfirmed => "已用途确认",
            BuyerState::Booked => "已入账",
            BuyerState::Reimbursed => "已报销",
        }
    }
}

/// The state of a 数电 红字发票信息确认单 (`hzqrxxztDm`, codes 01–13; domain.md §9.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlipState {
    /// 01 无需确认: the red invoice may be issued at once.
    NoConfirmationNeeded,
    /// 02 销方录入待购方确认.
    PendingBuyer,
    /// 03 购方录入待销方确认.
    PendingSeller,
    /// 04 购销双方已确认: the red invoice may be issued.
    Confirmed,
    /// 05 作废（销方录入购方否认）.
    DeniedByBuyer,
    /// 06 作废（购方录入销方否认）.
    DeniedBySeller,
    /// 07 作废（超72小时未确认）.
    Expired,
    /// 08 作废（发起方已撤销）.
    Withdrawn,
    /// 09 作废（确认后撤销）.
    WithdrawnAfterConfirm,
    /// 10 作废（异常凭证）.
    AbnormalVoucher,
    /// 11 作废（纳税人状态异常阻断）, 乐企 only.
    TaxpayerBlocked,
    /// 12 作废（自然人拒收）, 乐企 only.
    NaturalPersonRefused,
    /// 13 作废（已开具退税申请单）, 乐企 only.
    RefundForm,
}

impl SlipState {
    /// Every slip state, by code.
    pub const ALL: [SlipState; 13] = [
        SlipState::NoConfirmationNeeded,
        SlipState::PendingBuyer,
        SlipState::PendingSeller,
        SlipState::Confirmed,
        SlipState::DeniedByBuyer,
        SlipState::DeniedBySeller,
        SlipState::Expired,
        SlipState::Withdrawn,
        SlipState::WithdrawnAfterConfirm,
        SlipState::AbnormalVoucher,
        SlipState::TaxpayerBlocked,
        SlipState::NaturalPersonRefused,
        SlipState::RefundForm,
    ];

    /// The platform code `"01"` … `"13"`.
    pub fn code(self) -> &'static str {
        match self {
            SlipState::NoConfirmationNeeded => "01",
            SlipState::PendingBuyer => "02",
            SlipState::PendingSeller => "03",
            SlipState::Confirmed => "04",
            SlipState::DeniedByBuyer => "05",
            SlipState::DeniedBySeller => "06",
            SlipState::Expired => "07",
            SlipState::Withdrawn => "08",
            SlipState::WithdrawnAfterConfirm => "09",
            SlipState::AbnormalVoucher => "10",
            SlipState::TaxpayerBlocked => "11",
            SlipState::NaturalPersonRefused => "12",
            SlipState::RefundForm => "13",
        }
    }

    /// The state with this platform code.
    pub fn from_code(code: &str) -> Option<SlipState> {
        SlipState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The snake_case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            SlipState::NoConfirmationNeeded => "no_confirmation_needed",
            SlipState::PendingBuyer => "pending_buyer",
            SlipState::PendingSeller => "pending_seller",
            SlipState::Confirmed => "confirmed",
            SlipState::DeniedByBuyer => "denied_by_buyer",
            SlipState::DeniedBySeller => "denied_by_seller",
            SlipState::Expired => "expired",
            SlipState::Withdrawn => "withdrawn",
            SlipState::WithdrawnAfterConfirm => "withdrawn_after_confirm",
            SlipState::AbnormalVoucher => "abnormal_voucher",
            SlipState::TaxpayerBlocked => "taxpayer_blocked",
            SlipState::NaturalPersonRefused => "natural_person_refused",
            SlipState::RefundForm => "refund_form",
        }
    }

    /// The platform's Chinese name (`销方录入待购方确认`).
    pub fn name_zh(self) -> &'static str {
        match self {
            SlipState::NoConfirmationNeeded => "无需确认",
            SlipState::PendingBuyer => "销方录入待购方确认",
            SlipState::PendingSeller => "购方录入待销方确认",
            SlipState::Confirmed => "购销双方已确认",
            SlipState::DeniedByBuyer => "作废（销方录入购方否认）",
            SlipState::DeniedBySeller => "作废（购方录入销方否认）",
            SlipState::Expired => "作废（超72小时未确认）",
            SlipState::Withdrawn => "作废（发起方已撤销）",
            SlipState::WithdrawnAfterConfirm => "作废（确认后撤销）",
            SlipState::AbnormalVoucher => "作废（异常凭证）",
            SlipState::TaxpayerBlocked => "作废（纳税人状态异常阻断）",
            SlipState::NaturalPersonRefused => "作废（自然人拒收）",
            SlipState::RefundForm => "作废（已开具退税申请单）",
        }
    }

    /// 05–13: the slip is void and can never be used.
    pub fn is_void(self) -> bool {
        !matches!(
            self,
            SlipState::NoConfirmationNeeded
                | SlipState::PendingBuyer
                | SlipState::PendingSeller
                | SlipState::Confirmed
        )
    }

    /// 02/03: waiting for the other party (and subject to the 72-hour expiry).
    pub fn is_pending(self) -> bool {
        matches!(self, SlipState::PendingBuyer | SlipState::PendingSeller)
    }

    /// 01/04: a red invoice may be issued on it.
    pub fn allows_red(self) -> bool {
        matches!(self, SlipState::NoConfirmationNeeded | SlipState::Confirmed)
    }
}

/// The state of a legacy 红字信息表 (domain.md §9.3). The vendor-internal upload states are not
/// modelled: a filed table is usable until it is withdrawn or used by a red invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoTableState {
    /// 已填开: filed and accepted; a red 专票 may be issued on it.
    Filed,
    /// 已撤销: withdrawn by the party that filed it.
    Withdrawn,
}

impl InfoTableState {
    /// Every info-table state.
    pub const ALL: [InfoTableState; 2] = [InfoTableState::Filed, InfoTableState::Withdrawn];

    /// The snake_case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            InfoTableState::Filed => "filed",
            InfoTableState::Withdrawn => "withdrawn",
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            InfoTableState::Filed => "已填开",
            InfoTableState::Withdrawn => "已撤销",
        }
    }
}

/// Which of the four machines a state or event belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Machine {
    /// The seller's blue invoice.
    Seller,
    /// The buyer's copy.
    Buyer,
    /// A 数电 红字发票信息确认单 (one machine per slip).
    Slip,
    /// A legacy 红字信息表 (one machine per table).
    InfoTable,
}

impl Machine {
    /// Every machine.
    pub const ALL: [Machine; 4] = [
        Machine::Seller,
        Machine::Buyer,
        Machine::Slip,
        Machine::InfoTable,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Machine::Seller => "seller",
            Machine::Buyer => "buyer",
            Machine::Slip => "slip",
            Machine::InfoTable => "info_table",
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Machine::Seller => "销方发票",
            Machine::Buyer => "购方发票",
            Machine::Slip => "红字发票信息确认单",
            Machine::InfoTable => "红字信息表",
        }
    }
}

/// A state of one of the machines; in JSON `{"seller": "issued"}`, `{"slip": "confirmed"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Node {
    /// A seller state.
    Seller(SellerState),
    /// A buyer state.
    Buyer(BuyerState),
    /// A 确认单 state.
    Slip(SlipState),
    /// A 红字信息表 state.
    InfoTable(InfoTableState),
}

impl Node {
    /// The machine this state belongs to.
    pub fn machine(self) -> Machine {
        match self {
            Node::Seller(_) => Machine::Seller,
            Node::Buyer(_) => Machine::Buyer,
            Node::Slip(_) => Machine::Slip,
            Node::InfoTable(_) => Machine::InfoTable,
        }
    }

    /// The state's snake_case name (without the machine).
    pub fn name(self) -> &'static str {
        match self {
            Node::Seller(s) => s.name(),
            Node::Buyer(s) => s.name(),
            Node::Slip(s) => s.name(),
            Node::InfoTable(s) => s.name(),
        }
    }

    /// The state's Chinese name (a 确认单 state with its code: `02 销方录入待购方确认`).
    pub fn name_zh(self) -> String {
        match self {
            Node::Seller(s) => s.name_zh().to_string(),
            Node::Buyer(s) => s.name_zh().to_string(),
            Node::Slip(s) => format!("{} {}", s.code(), s.name_zh()),
            Node::InfoTable(s) => s.name_zh().to_string(),
        }
    }
}

impl std::fmt::Display for Node {
    /// `seller.issued`, `slip.confirmed`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.machine().name(), self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for s in SellerState::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
        for s in BuyerState::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
        for (i, s) in SlipState::ALL.into_iter().enumerate() {
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
            assert_eq!(s.code(), format!("{:02}", i + 1));
            assert_eq!(SlipState::from_code(s.code()), Some(s));
            assert_eq!(s.is_void(), i >= 4);
        }
        for s in InfoTableState::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
        let n = Node::Slip(SlipState::Confirmed);
        assert_eq!(
            serde_json::to_value(n).unwrap(),
            serde_json::json!({"slip": "confirmed"})
        );
        assert_eq!(n.to_string(), "slip.confirmed");
    }
}
