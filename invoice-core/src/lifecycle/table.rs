//! The transition table (状态转换表) as data, the refusals with their own codes, and the mermaid
//! diagram rendered from them (`docs/lifecycle.md`).

use super::events::{Actor, EventKind};
use super::guards::{self, Guard};
use super::states::{BuyerState, InfoTableState, Machine, Node, SellerState, SlipState};
use crate::error::Rule;

/// One allowed transition: in state `from` (`None`: the document does not exist yet), event
/// `event` may lead to `to`, after every guard in `guards` passes (checked in order).
///
/// Rows with the same `from` and `event` list the same guards; which `to` is taken depends on the
/// event's data (e.g. whether a red invoice reverses the rest of the amount).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The state before.
    pub from: Option<Node>,
    /// The event.
    pub event: EventKind,
    /// The state after.
    pub to: Node,
    /// The guards, in the order they are checked.
    pub guards: &'static [Guard],
}

impl Row {
    /// The codes of every rule this row's guards may refuse with, without repeats.
    pub fn codes(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for g in self.guards {
            for r in g.rules() {
                if !out.contains(&r.code) {
                    out.push(r.code);
                }
            }
        }
        out
    }
}

/// An event that has no row in some states but a more helpful code than `LCY-01` there
/// (voiding twice, reimbursing twice, red-flushing a voided invoice, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The states this applies to.
    pub from: &'static [Node],
    /// The events refused.
    pub events: &'static [EventKind],
    /// The rule they are refused with.
    pub rule: &'static Rule,
}

use Actor::{Buyer as B, Platform as P, Seller as S};
use EventKind as E;
use Guard as G;

const SELLER: &[Guard] = &[G::By(S)];
const ISSUE: &[Guard] = &[G::By(S), G::InvoiceNumber];
const VOID: &[Guard] = &[
    G::By(S),
    G::Voidable,
    G::SameMonth,
    G::BuyerNotConfirmed,
    G::NoOpenRedDocument,
];
const ISSUE_RED: &[Guard] = &[
    G::By(S),
    G::InvoiceNumber,
    G::PositiveAmount,
    G::RedRoute,
    G::WithinRemaining,
];
const BUYER: &[Guard] = &[G::By(B)];
const RECEIVE: &[Guard] = &[G::By(B), G::IssuedNotVoided];
const CONFIRM_USE: &[Guard] = &[G::By(B), G::Deductible, G::NotCancelled];
const CONFIRM_USE_LATER: &[Guard] = &[G::By(B), G::Deductible, G::UseNotConfirmed, G::NotCancelled];
const REPORT_LOST: &[Guard] = &[G::By(B), G::PaperSpecial];
const OPEN_SLIP: &[Guard] = &[
    G::ByParty,
    G::DigitalKind,
    G::Reversible,
    G::SlipNumber,
    G::PositiveAmount,
    G::WithinRemaining,
    G::NoOpenRedDocument,
    G::BuyerMayStart,
];
const ANSWER_SLIP: &[Guard] = &[G::OtherParty, G::NotExpired];
const WITHDRAW_SLIP: &[Guard] = &[G::Initiator, G::SlipUnused];
const EXPIRE_SLIP: &[Guard] = &[G::By(P), G::Overdue];
const VOID_SLIP: &[Guard] = &[G::By(P), G::SlipUnused];
const FILE_TABLE: &[Guard] = &[
    G::ByApplicant,
    G::LegacyKind,
    G::Reversible,
    G::TableNumber,
    G::PositiveAmount,
    G::WithinRemaining,
    G::NoOpenRedDocument,
    G::ApplicantMatches,
];
const WITHDRAW_TABLE: &[Guard] = &[G::TableFiler, G::TableUnused];

const fn sel(s: SellerState) -> Node {
    Node::Seller(s)
}
const fn buy(s: BuyerState) -> Node {
    Node::Buyer(s)
}
const fn slip(s: SlipState) -> Node {
    Node::Slip(s)
}
const fn tab(s: InfoTableState) -> Node {
    Node::InfoTable(s)
}
const fn row(from: Node, event: EventKind, to: Node, guards: &'static [Guard]) -> Row {
    Row {
        from: Some(from),
        event,
        to,
        guards,
    }
}
const fn start(event: EventKind, to: Node, guards: &'static [Guard]) -> Row {
    Row {
        from: None,
        event,
        to,
        guards,
    }
}

use BuyerState as BS;
use InfoTableState as TS;
use SellerState as SS;
use SlipState as KS;

/// The start state of each machine that exists from the beginning.
pub const SELLER_START: SellerState = SellerState::Draft;
/// The buyer's start state.
pub const BUYER_START: BuyerState = BuyerState::NotReceived;

/// Every allowed transition (domain.md §9). The seller and buyer machines start in
/// [`SELLER_START`] and [`BUYER_START`]; 确认单 and 信息表 machines start with their `from: None` rows.
pub const TABLE: &[Row] = &[
    // Seller: review and issue.
    row(sel(SS::Draft), E::Submit, sel(SS::PendingReview), SELLER),
    row(
        sel(SS::PendingReview),
        E::Approve,
        sel(SS::Approved),
        SELLER,
    ),
    row(sel(SS::PendingReview), E::Reject, sel(SS::Rejected), SELLER),
    row(sel(SS::Rejected), E::Revise, sel(SS::Draft), SELLER),
    row(sel(SS::Approved), E::Issue, sel(SS::Issued), ISSUE),
    // Seller: void (§9.2) and red reversal (§9.3, §9.4).
    row(sel(SS::Issued), E::Void, sel(SS::Voided), VOID),
    row(
        sel(SS::Issued),
        E::IssueRed,
        sel(SS::PartiallyReversed),
        ISSUE_RED,
    ),
    row(
        sel(SS::Issued),
        E::IssueRed,
        sel(SS::FullyReversed),
        ISSUE_RED,
    ),
    row(
        sel(SS::PartiallyReversed),
        E::IssueRed,
        sel(SS::PartiallyReversed),
        ISSUE_RED,
    ),
    row(
        sel(SS::PartiallyReversed),
        E::IssueRed,
        sel(SS::FullyReversed),
        ISSUE_RED,
    ),
    // Buyer (§9.1, §9.5, §9.6, §9.7).
    row(buy(BS::NotReceived), E::Receive, buy(BS::Received), RECEIVE),
    row(buy(BS::Received), E::Verify, buy(BS::Verified), RECEIVE),
    row(
        buy(BS::Verified),
        E::ConfirmUse,
        buy(BS::UseConfirmed),
        CONFIRM_USE,
    ),
    row(
        buy(BS::Booked),
        E::ConfirmUse,
        buy(BS::Booked),
        CONFIRM_USE_LATER,
    ),
    row(
        buy(BS::Reimbursed),
        E::ConfirmUse,
        buy(BS::Reimbursed),
        CONFIRM_USE_LATER,
    ),
    row(buy(BS::Verified), E::Book, buy(BS::Booked), BUYER),
    row(buy(BS::UseConfirmed), E::Book, buy(BS::Booked), BUYER),
    row(buy(BS::Booked), E::Reimburse, buy(BS::Reimbursed), BUYER),
    row(
        buy(BS::Received),
        E::ReportLost,
        buy(BS::Received),
        REPORT_LOST,
    ),
    row(
        buy(BS::Verified),
        E::ReportLost,
        buy(BS::Verified),
        REPORT_LOST,
    ),
    row(
        buy(BS::UseConfirmed),
        E::ReportLost,
        buy(BS::UseConfirmed),
        REPORT_LOST,
    ),
    row(buy(BS::Booked), E::ReportLost, buy(BS::Booked), REPORT_LOST),
    row(
        buy(BS::Reimbursed),
        E::ReportLost,
        buy(BS::Reimbursed),
        REPORT_LOST,
    ),
    // 数电 红字发票信息确认单 (§9.4).
    start(E::OpenSlip, slip(KS::NoConfirmationNeeded), OPEN_SLIP),
    start(E::OpenSlip, slip(KS::PendingBuyer), OPEN_SLIP),
    start(E::OpenSlip, slip(KS::PendingSeller), OPEN_SLIP),
    row(
        slip(KS::PendingBuyer),
        E::ConfirmSlip,
        slip(KS::Confirmed),
        ANSWER_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::ConfirmSlip,
        slip(KS::Confirmed),
        ANSWER_SLIP,
    ),
    row(
        slip(KS::PendingBuyer),
        E::DenySlip,
        slip(KS::DeniedByBuyer),
        ANSWER_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::DenySlip,
        slip(KS::DeniedBySeller),
        ANSWER_SLIP,
    ),
    row(
        slip(KS::PendingBuyer),
        E::ExpireSlip,
        slip(KS::Expired),
        EXPIRE_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::ExpireSlip,
        slip(KS::Expired),
        EXPIRE_SLIP,
    ),
    row(
        slip(KS::NoConfirmationNeeded),
        E::WithdrawSlip,
        slip(KS::Withdrawn),
        WITHDRAW_SLIP,
    ),
    row(
        slip(KS::PendingBuyer),
        E::WithdrawSlip,
        slip(KS::Withdrawn),
        WITHDRAW_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::WithdrawSlip,
        slip(KS::Withdrawn),
        WITHDRAW_SLIP,
    ),
    row(
        slip(KS::Confirmed),
        E::WithdrawSlip,
        slip(KS::WithdrawnAfterConfirm),
        WITHDRAW_SLIP,
    ),
    row(
        slip(KS::NoConfirmationNeeded),
        E::VoidSlip,
        slip(KS::AbnormalVoucher),
        VOID_SLIP,
    ),
    row(
        slip(KS::NoConfirmationNeeded),
        E::VoidSlip,
        slip(KS::TaxpayerBlocked),
        VOID_SLIP,
    ),
    row(
        slip(KS::NoConfirmationNeeded),
        E::VoidSlip,
        slip(KS::NaturalPersonRefused),
        VOID_SLIP,
    ),
    row(
        slip(KS::NoConfirmationNeeded),
        E::VoidSlip,
        slip(KS::RefundForm),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingBuyer),
        E::VoidSlip,
        slip(KS::AbnormalVoucher),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingBuyer),
        E::VoidSlip,
        slip(KS::TaxpayerBlocked),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingBuyer),
        E::VoidSlip,
        slip(KS::NaturalPersonRefused),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingBuyer),
        E::VoidSlip,
        slip(KS::RefundForm),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::VoidSlip,
        slip(KS::AbnormalVoucher),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::VoidSlip,
        slip(KS::TaxpayerBlocked),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::VoidSlip,
        slip(KS::NaturalPersonRefused),
        VOID_SLIP,
    ),
    row(
        slip(KS::PendingSeller),
        E::VoidSlip,
        slip(KS::RefundForm),
        VOID_SLIP,
    ),
    row(
        slip(KS::Confirmed),
        E::VoidSlip,
        slip(KS::AbnormalVoucher),
        VOID_SLIP,
    ),
    row(
        slip(KS::Confirmed),
        E::VoidSlip,
        slip(KS::TaxpayerBlocked),
        VOID_SLIP,
    ),
    row(
        slip(KS::Confirmed),
        E::VoidSlip,
        slip(KS::NaturalPersonRefused),
        VOID_SLIP,
    ),
    row(
        slip(KS::Confirmed),
        E::VoidSlip,
        slip(KS::RefundForm),
        VOID_SLIP,
    ),
    // Legacy 红字信息表 (§9.3).
    start(E::FileInfoTable, tab(TS::Filed), FILE_TABLE),
    row(
        tab(TS::Filed),
        E::WithdrawInfoTable,
        tab(TS::Withdrawn),
        WITHDRAW_TABLE,
    ),
];

const NOT_ISSUED_STATES: &[Node] = &[
    sel(SS::Draft),
    sel(SS::PendingReview),
    sel(SS::Approved),
    sel(SS::Rejected),
];
const VOID_SLIPS: &[Node] = &[
    slip(KS::DeniedByBuyer),
    slip(KS::DeniedBySeller),
    slip(KS::Expired),
    slip(KS::Withdrawn),
    slip(KS::WithdrawnAfterConfirm),
    slip(KS::AbnormalVoucher),
    slip(KS::TaxpayerBlocked),
    slip(KS::NaturalPersonRefused),
    slip(KS::RefundForm),
];

/// Events refused in some states with their own code (checked before falling back to `LCY-01`).
pub const REFUSALS: &[Refusal] = &[
    Refusal {
        from: &[sel(SS::Voided)],
        events: &[E::Void],
        rule: guards::ALREADY_VOIDED,
    },
    Refusal {
        from: &[sel(SS::PartiallyReversed), sel(SS::FullyReversed)],
        events: &[E::Void],
        rule: guards::VOID_REVERSED,
    },
    Refusal {
        from: &[sel(SS::Voided)],
        events: &[E::IssueRed],
        rule: guards::RED_VOIDED,
    },
    Refusal {
        from: &[sel(SS::FullyReversed)],
        events: &[E::IssueRed],
        rule: guards::RED_FULLY_REVERSED,
    },
    Refusal {
        from: NOT_ISSUED_STATES,
        events: &[E::Void, E::IssueRed],
        rule: guards::NOT_ISSUED,
    },
    Refusal {
        from: &[buy(BS::Reimbursed)],
        events: &[E::Reimburse],
        rule: guards::DUPLICATE_REIMBURSEMENT,
    },
    Refusal {
        from: &[buy(BS::UseConfirmed)],
        events: &[E::ConfirmUse],
        rule: guards::USE_ALREADY_CONFIRMED,
    },
    Refusal {
        from: VOID_SLIPS,
        events: &[
            E::ConfirmSlip,
            E::DenySlip,
            E::WithdrawSlip,
            E::ExpireSlip,
            E::VoidSlip,
        ],
        rule: guards::SLIP_VOID,
    },
    Refusal {
        from: &[tab(TS::Withdrawn)],
        events: &[E::WithdrawInfoTable],
        rule: guards::TABLE_CLOSED,
    },
];

/// The rows for `event` in state `from`.
pub fn rows(from: Option<Node>, event: EventKind) -> impl Iterator<Item = &'static Row> {
    TABLE
        .iter()
        .filter(move |r| r.from == from && r.event == event)
}

/// True when the table allows `from --event--> to`.
pub fn allows(from: Option<Node>, event: EventKind, to: Node) -> bool {
    rows(from, event).any(|r| r.to == to)
}

/// The events the table allows in state `from`, in table order, without repeats.
pub fn allowed_events(from: Node) -> Vec<EventKind> {
    let mut out = Vec::new();
    for r in TABLE.iter().filter(|r| r.from == Some(from)) {
        if !out.contains(&r.event) {
            out.push(r.event);
        }
    }
    out
}

/// The specific refusal of `event` in state `from`, if one is tabled.
pub fn refusal(from: Node, event: EventKind) -> Option<&'static Rule> {
    REFUSALS
        .iter()
        .find(|r| r.from.contains(&from) && r.events.contains(&event))
        .map(|r| r.rule)
}

fn node_id(n: Node) -> String {
    match n {
        Node::Slip(s) => format!("s{}", s.code()),
        other => other.name().to_string(),
    }
}

fn machine_nodes(m: Machine) -> Vec<Node> {
    match m {
        Machine::Seller => SellerState::ALL.into_iter().map(Node::Seller).collect(),
        Machine::Buyer => BuyerState::ALL.into_iter().map(Node::Buyer).collect(),
        Machine::Slip => SlipState::ALL.into_iter().map(Node::Slip).collect(),
        Machine::InfoTable => InfoTableState::ALL
            .into_iter()
            .map(Node::InfoTable)
            .collect(),
    }
}

/// The mermaid `stateDiagram-v2` of one machine, rendered from [`TABLE`]. Each edge is labelled
/// with its event and the codes its guards may refuse with.
pub fn to_mermaid(machine: Machine) -> String {
    let mut out = String::from("stateDiagram-v2\n");
    for n in machine_nodes(machine) {
        let label = match n {
            Node::Slip(s) => format!("{} {} ({})", s.code(), s.name_zh(), s.name()),
            other => format!("{} {}", other.name(), other.name_zh()),
        };
        out.push_str(&format!("    state \"{label}\" as {}\n", node_id(n)));
    }
    match machine {
        Machine::Seller => {
            out.push_str(&format!("    [*] --> {}\n", node_id(sel(SELLER_START))));
        }
        Machine::Buyer => out.push_str(&format!("    [*] --> {}\n", node_id(buy(BUYER_START)))),
        Machine::Slip | Machine::InfoTable => {}
    }
    for r in TABLE.iter().filter(|r| r.to.machine() == machine) {
        let from = r.from.map_or_else(|| "[*]".to_string(), node_id);
        let mut codes = r.codes();
        codes.sort_unstable();
        out.push_str(&format!(
            "    {from} --> {} : {} / {}\n",
            node_id(r.to),
            r.event.name(),
            codes.join(" ")
        ));
    }
    out
}

/// The whole of `docs/lifecycle.md`: the four diagrams, the table and the rules, rendered from
/// [`TABLE`], [`REFUSALS`] and the `LCY-` rules.
pub fn to_markdown() -> String {
    let mut out = String::from(
        "# Invoice lifecycle (发票生命周期)\n\n\
         Generated from `invoice_core::lifecycle::table` by `invoice_core::lifecycle::table::to_markdown()`; \
         regenerate with `UPDATE_DOCS=1 cargo test -p invoice-core --lib lifecycle`. Do not edit by hand.\n\n\
         Four machines: the seller's blue invoice, the buyer's copy, each 数电 红字发票信息确认单 and each \
         legacy 红字信息表. Edges read `event / codes`, the codes being the `LCY-` rules the \
         transition's guards may refuse with. The blue amount and every reversal amount are \
         价税合计 (tax-inclusive totals).\n",
    );
    for m in Machine::ALL {
        out.push_str(&format!(
            "\n## {} ({})\n\n```mermaid\n{}```\n",
            m.name(),
            m.name_zh(),
            to_mermaid(m)
        ));
    }
    out.push_str("\n## Transitions\n\n| from | event | to | guards |\n|---|---|---|---|\n");
    for r in TABLE {
        let from = r
            .from
            .map_or_else(|| "(new)".to_string(), |n| n.to_string());
        let guards: Vec<&str> = r.guards.iter().map(|g| g.name()).collect();
        out.push_str(&format!(
            "| `{from}` | `{}` | `{}` | {} |\n",
            r.event.name(),
            r.to,
            guards.join(", ")
        ));
    }
    out.push_str(
        "\n## Refusals with their own code\n\n| states | events | code |\n|---|---|---|\n",
    );
    for r in REFUSALS {
        let from: Vec<String> = r.from.iter().map(|n| format!("`{n}`")).collect();
        let events: Vec<String> = r.events.iter().map(|e| format!("`{e}`")).collect();
        out.push_str(&format!(
            "| {} | {} | `{}` |\n",
            from.join(", "),
            events.join(", "),
            r.rule.code
        ));
    }
    out.push_str(
        "\nAny other event without a row is refused with `LCY-01`, which lists the events possible \
         in that state.\n\n## Rules\n\n| code | English | 中文 |\n|---|---|---|\n",
    );
    for r in guards::RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            r.code,
            r.en.replace('|', "\\|"),
            r.zh.replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rows_with_same_source_share_guards() {
        for a in TABLE {
            for b in TABLE {
                if a.from == b.from && a.event == b.event {
                    assert_eq!(a.guards, b.guards, "{:?} {:?}", a.from, a.event);
                }
            }
            assert_eq!(a.event.machine(), a.to.machine(), "{a:?}");
            if let Some(f) = a.from {
                assert_eq!(f.machine(), a.to.machine(), "{a:?}");
            }
        }
    }

    #[test]
    fn no_duplicate_rows_and_refusals_never_shadow_rows() {
        let mut seen = HashSet::new();
        for r in TABLE {
            assert!(seen.insert((r.from, r.event, r.to)), "duplicate {r:?}");
        }
        for f in REFUSALS {
            for n in f.from {
                for e in f.events {
                    assert_eq!(rows(Some(*n), *e).count(), 0, "{n} {e} is tabled");
                    assert_eq!(e.machine(), n.machine());
                }
            }
        }
    }

    #[test]
    fn every_state_is_reachable_in_the_table() {
        let mut reached: HashSet<Node> = TABLE.iter().map(|r| r.to).collect();
        reached.insert(sel(SELLER_START));
        reached.insert(buy(BUYER_START));
        for m in Machine::ALL {
            for n in machine_nodes(m) {
                assert!(reached.contains(&n), "{n} is unreachable");
            }
        }
    }

    #[test]
    fn every_rule_is_used_by_a_guard_or_a_refusal() {
        let mut used: HashSet<&str> = HashSet::new();
        for r in TABLE {
            used.extend(r.codes());
        }
        for f in REFUSALS {
            used.insert(f.rule.code);
        }
        // Checked by `apply` itself rather than by a row.
        for r in [
            guards::NOT_ALLOWED,
            guards::TIME_ORDER,
            guards::BLUE_AMOUNT,
            guards::SLIP_NOT_FOUND,
            guards::TABLE_NOT_FOUND,
        ] {
            used.insert(r.code);
        }
        for r in guards::RULES {
            assert!(used.contains(r.code), "{} is never raised", r.code);
        }
    }

    #[test]
    fn docs_match_the_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/lifecycle.md");
        let rendered = to_markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs")).unwrap();
            std::fs::write(path, &rendered).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == rendered,
            "docs/lifecycle.md is out of date; run UPDATE_DOCS=1 cargo test -p invoice-core --lib lifecycle"
        );
    }
}
