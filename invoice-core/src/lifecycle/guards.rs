//! Guards (守卫条件): the conditions a transition checks before it is taken, each refusing with
//! its own `LCY-` code and a message that says what to do instead (domain.md §9).
//!
//! A [`Guard`] is data: the transition table lists the guards of each row, the diagram shows their
//! codes, and [`Guard::check`] runs them in the order listed.

use chrono::Datelike;

use super::Lifecycle;
use super::events::{Actor, Event, Step, UsePurpose};
use super::red_letter::{SLIP_NO_LEN, TABLE_NO_LEN, is_digits};
use super::states::{InfoTableState, SellerState, SlipState};
use crate::error::{Error, Path, Rule, rules};

rules! {
    /// An event the table has no row for in the current state.
    NOT_ALLOWED = ("LCY-01", Error,
        "event {event} is not allowed in state {state}; possible there: {allowed}",
        "状态 {state} 下不允许事件 {event}；此时可执行：{allowed}");
    /// The wrong party did it.
    WRONG_ACTOR = ("LCY-02", Error,
        "{event} must be done by the {expected}, not the {actor}",
        "{event} 须由 {expected} 执行，而不是 {actor}");
    /// Events must be recorded in time order.
    TIME_ORDER = ("LCY-03", Error,
        "event time {at} is before the previous event at {previous}; record events in time order",
        "事件时间 {at} 早于上一事件时间 {previous}，请按时间顺序记录事件");
    /// The blue invoice's amount must be positive.
    BLUE_AMOUNT = ("LCY-04", Error,
        "the blue invoice amount (价税合计) must be above zero, got {amount}; a red invoice is recorded with issue_red",
        "蓝字发票价税合计须大于零，实际为 {amount}；红字发票请通过 issue_red 记录");
    /// An invoice number that is empty, too long or not printable.
    REFERENCE = ("LCY-05", Error,
        "invoice number {value} must be 1 to 64 visible ASCII characters",
        "发票号码 {value} 须为 1 至 64 个可见 ASCII 字符");
    /// Only paper kinds can be voided.
    NOT_VOIDABLE_KIND = ("LCY-06", Error,
        "a {kind} cannot be voided (only paper invoices can); issue a red invoice instead",
        "{kind} 不能作废（仅纸质发票可作废），请开具红字发票");
    /// Void only in the calendar month of issue.
    VOID_OTHER_MONTH = ("LCY-07", Error,
        "void is only possible in the month of issue ({issued}), not on {at}; issue a red invoice instead",
        "仅可在开票当月（{issued}）作废，{at} 已跨月，请开具红字发票");
    /// No void once the buyer has certified / confirmed use.
    VOID_BUYER_CONFIRMED = ("LCY-08", Error,
        "the buyer has confirmed use ({purpose}) of this invoice, so it cannot be voided; issue a red invoice through the red-letter flow",
        "购买方已用途确认（{purpose}），不能作废，请通过红字流程开具红字发票");
    /// No void once red invoices exist.
    VOID_REVERSED = ("LCY-09", Error,
        "red invoices have been issued against this invoice, so it cannot be voided; reverse the remaining {remaining} with a red invoice instead",
        "发票已冲红，不能作废；剩余 {remaining} 请继续开具红字发票冲销");
    /// Void twice.
    ALREADY_VOIDED = ("LCY-10", Error,
        "the invoice is already voided; nothing more to do",
        "发票已作废，无需重复作废");
    /// A voided invoice cannot be red-flushed.
    RED_VOIDED = ("LCY-11", Error,
        "a voided invoice cannot be red-flushed; it is already cancelled",
        "发票已作废，不能冲红");
    /// A fully reversed invoice cannot be reversed again.
    RED_FULLY_REVERSED = ("LCY-12", Error,
        "the invoice is already fully reversed; nothing remains to reverse",
        "发票已全额冲红，没有剩余可冲红金额");
    /// Red amount above the remaining reversible amount.
    RED_OVER_REMAINING = ("LCY-13", Error,
        "red amount {amount} is above the remaining reversible amount {remaining}; reverse at most {remaining}",
        "冲红金额 {amount} 大于剩余可冲红金额 {remaining}，最多可冲红 {remaining}");
    /// Red amounts are positive magnitudes.
    RED_AMOUNT_NOT_POSITIVE = ("LCY-14", Error,
        "amount {amount} must be above zero; give the reversed amount as a positive magnitude",
        "金额 {amount} 须大于零，请以正数填写冲红金额");
    /// Seller cannot red-flush directly once the buyer has confirmed use or booking.
    RED_DIRECT_AFTER_BUYER_USE = ("LCY-15", Error,
        "the buyer has already confirmed use or booked this invoice, so the seller cannot red-flush it directly; use a {document} confirmed by the buyer",
        "购买方已用途确认或入账确认，销售方不能直接冲红，请使用经对方确认的{document}");
    /// A legacy red 专票 needs a 红字信息表.
    RED_SPECIAL_NEEDS_TABLE = ("LCY-16", Error,
        "a red {kind} needs a 红字信息表; file one (file_info_table) and give its info_table_no",
        "开具红字{kind}须先填开红字信息表（file_info_table）并填写信息表编号");
    /// A red 数电 invoice needs a 确认单.
    RED_DIGITAL_NEEDS_SLIP = ("LCY-17", Error,
        "a red 数电 invoice needs a 红字发票信息确认单; open one (open_slip) and give its slip_no",
        "开具红字数电发票须先录入红字发票信息确认单（open_slip）并填写确认单编号");
    /// No such 确认单.
    SLIP_NOT_FOUND = ("LCY-18", Error,
        "there is no 确认单 {slip_no} on this invoice; open it first",
        "本发票没有编号为 {slip_no} 的红字发票信息确认单，请先录入");
    /// The 确认单 does not allow a red invoice yet.
    SLIP_NOT_ISSUABLE = ("LCY-19", Error,
        "确认单 {slip_no} is in state {state}; a red invoice may only be issued on 01 (无需确认) or 04 (购销双方已确认) — wait for the other party to confirm",
        "确认单 {slip_no} 状态为 {state}，仅 01（无需确认）或 04（购销双方已确认）可开具红字发票，请等待对方确认");
    /// The 确认单 was already used.
    SLIP_USED = ("LCY-20", Error,
        "确认单 {slip_no} has already been used by red invoice {red}; open a new one for a further reversal",
        "确认单 {slip_no} 已用于开具红字发票 {red}，如需继续冲红请重新录入确认单");
    /// The red amount differs from its document.
    RED_AMOUNT_MISMATCH = ("LCY-21", Error,
        "red amount {amount} differs from the amount {expected} on {document} {number}; issue exactly that amount",
        "冲红金额 {amount} 与{document} {number} 的金额 {expected} 不一致，请按该金额开具");
    /// A 确认单编号 of the wrong shape.
    SLIP_NUMBER = ("LCY-22", Error,
        "确认单编号 {value} must be {len} digits",
        "确认单编号 {value} 须为 {len} 位数字");
    /// A 信息表编号 of the wrong shape.
    TABLE_NUMBER = ("LCY-23", Error,
        "信息表编号 {value} must be {len} digits",
        "信息表编号 {value} 须为 {len} 位数字");
    /// The buyer can only start the flow after use or booking confirmation.
    SLIP_BUYER_CANNOT_START = ("LCY-24", Error,
        "the buyer has not confirmed use or booking, so only the seller may start the red-letter flow; ask the seller to open the 确认单",
        "购买方未用途确认且未入账确认，仅销售方可发起红字流程，请由销售方录入确认单");
    /// Another red-letter document is still open.
    RED_DOCUMENT_OPEN = ("LCY-25", Error,
        "{document} {number} is still open on this invoice; use it, or withdraw it first",
        "本发票的{document} {number} 尚未完结，请先使用或撤销");
    /// The 确认单 must be confirmed or denied by the other party.
    SLIP_OTHER_PARTY = ("LCY-26", Error,
        "确认单 {slip_no} was entered by the {initiator}; only the {expected} may confirm or deny it",
        "确认单 {slip_no} 由 {initiator} 录入，须由对方（{expected}）确认或否认");
    /// Only the initiator may withdraw.
    SLIP_INITIATOR = ("LCY-27", Error,
        "确认单 {slip_no} was entered by the {initiator}; only the party that entered it may withdraw it — the {actor} may deny it instead",
        "确认单 {slip_no} 由 {initiator} 录入，仅录入方可撤销；{actor} 可选择否认");
    /// Confirmed or denied too late.
    SLIP_EXPIRED = ("LCY-28", Error,
        "确认单 {slip_no} was not confirmed within 72 hours (deadline {deadline}) and is void; open a new one",
        "确认单 {slip_no} 超过72小时（截止 {deadline}）未确认，已作废，请重新录入");
    /// Expired too early.
    SLIP_NOT_OVERDUE = ("LCY-29", Error,
        "确认单 {slip_no} does not expire before {deadline}; it can still be confirmed",
        "确认单 {slip_no} 在 {deadline} 之前不会超时作废，仍可确认");
    /// The 确认单 is void.
    SLIP_VOID = ("LCY-30", Error,
        "确认单 {slip_no} is void ({state}); open a new one",
        "确认单 {slip_no} 已作废（{state}），请重新录入");
    /// 红字信息表 applicant does not match the buyer's deduction.
    TABLE_APPLICANT_MISMATCH = ("LCY-31", Error,
        "applicant {applicant} does not match the buyer's deduction status ({purpose}); file it as {expected}",
        "申请方 {applicant} 与购买方抵扣状态（{purpose}）不符，应以 {expected} 填开");
    /// Only the filing party may withdraw a 红字信息表.
    TABLE_APPLICANT_ONLY = ("LCY-32", Error,
        "红字信息表 {table_no} was filed by the {party}; only the filing party may withdraw it",
        "红字信息表 {table_no} 由 {party} 填开，仅填开方可撤销");
    /// No such 红字信息表.
    TABLE_NOT_FOUND = ("LCY-33", Error,
        "there is no 红字信息表 {table_no} on this invoice; file it first",
        "本发票没有编号为 {table_no} 的红字信息表，请先填开");
    /// The 红字信息表 is withdrawn or used.
    TABLE_CLOSED = ("LCY-34", Error,
        "红字信息表 {table_no} is {state}; file a new one",
        "红字信息表 {table_no} 已{state}，请重新填开");
    /// 用途确认 on a kind that cannot be deducted.
    NOT_DEDUCTIBLE = ("LCY-35", Error,
        "a {kind} is not deductible, so there is no 用途确认; book it instead",
        "{kind} 不可抵扣，无需用途确认，请直接入账");
    /// 重复报销.
    DUPLICATE_REIMBURSEMENT = ("LCY-36", Error,
        "the invoice was already reimbursed on {at} (重复报销); it cannot be reimbursed again",
        "该发票已于 {at} 报销，不能重复报销");
    /// 用途确认 twice.
    USE_ALREADY_CONFIRMED = ("LCY-37", Error,
        "use was already confirmed as {purpose}; it is confirmed once",
        "已用途确认为 {purpose}，不能重复确认");
    /// The blue invoice has not been issued.
    NOT_ISSUED = ("LCY-38", Error,
        "the invoice is not issued yet (state {state}); issue it first",
        "发票尚未开具（状态 {state}），请先开具");
    /// Buyer-side use of a voided or fully reversed invoice.
    CANCELLED_INVOICE = ("LCY-39", Error,
        "the invoice is {state}, so it cannot be {event}; ask the seller for a new invoice",
        "发票已{state}，不能执行 {event}，请向销售方索取新发票");
    /// Only paper special invoices have copies to lose.
    NOT_LOSABLE = ("LCY-40", Error,
        "a {kind} has no 发票联/抵扣联 paper copies to lose; download it again instead",
        "{kind} 没有可丢失的发票联/抵扣联，请重新下载");
    /// 数电 invoices use 确认单s, not 红字信息表s.
    TABLE_FOR_LEGACY = ("LCY-41", Error,
        "a {kind} is reversed with a 红字发票信息确认单, not a 红字信息表; use open_slip and slip_no",
        "{kind} 须使用红字发票信息确认单冲红，而不是红字信息表，请使用 open_slip 与确认单编号");
    /// Legacy invoices use 红字信息表s, not 确认单s.
    SLIP_FOR_DIGITAL = ("LCY-42", Error,
        "a {kind} is reversed with a 红字信息表 (or directly), not a 红字发票信息确认单; use file_info_table and info_table_no",
        "{kind} 须使用红字信息表（或直接）冲红，而不是红字发票信息确认单，请使用 file_info_table 与信息表编号");
    /// A number already used on this invoice.
    NUMBER_TAKEN = ("LCY-43", Error,
        "number {number} is already used on this invoice; give a new one",
        "编号 {number} 已在本发票中使用，请使用新的编号");
}

/// One condition a transition checks. The table lists them; [`Guard::check`] runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Guard {
    /// The actor is this party.
    By(Actor),
    /// The actor is the seller or the buyer.
    ByParty,
    /// The actor is the party named by the info table's applicant.
    ByApplicant,
    /// The `number` is a well-formed, unused invoice number.
    InvoiceNumber,
    /// The kind can be voided (paper only).
    Voidable,
    /// The event is in the calendar month of issue.
    SameMonth,
    /// The buyer has not confirmed use.
    BuyerNotConfirmed,
    /// No open 确认单 or 信息表.
    NoOpenRedDocument,
    /// The amount is above zero.
    PositiveAmount,
    /// The amount is at most the remaining reversible amount.
    WithinRemaining,
    /// The red invoice goes through the right red-letter route for the kind and buyer status.
    RedRoute,
    /// The blue invoice is issued and has something left to reverse.
    Reversible,
    /// The kind is a 数电 kind (确认单).
    DigitalKind,
    /// The kind is a legacy kind (红字信息表).
    LegacyKind,
    /// The `slip_no` is 20 digits and unused.
    SlipNumber,
    /// The `table_no` is 16 digits and unused.
    TableNumber,
    /// A buyer may start a 确认单 only after 用途确认 or 入账确认.
    BuyerMayStart,
    /// The actor is the other party of the 确认单's initiator.
    OtherParty,
    /// The actor entered the 确认单.
    Initiator,
    /// The actor filed the 信息表.
    TableFiler,
    /// The 确认单 is within its 72 hours.
    NotExpired,
    /// The 确认单 is past its 72 hours.
    Overdue,
    /// The 确认单 has not been used by a red invoice.
    SlipUnused,
    /// The 信息表 has not been used by a red invoice.
    TableUnused,
    /// The applicant matches the buyer's deduction status.
    ApplicantMatches,
    /// The invoice has been issued and is not voided (buyer receipt).
    IssuedNotVoided,
    /// The invoice is neither voided nor fully reversed.
    NotCancelled,
    /// The kind is deductible.
    Deductible,
    /// 用途确认 not done yet.
    UseNotConfirmed,
    /// The kind is a paper special invoice.
    PaperSpecial,
}

impl Guard {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Guard::By(Actor::Seller) => "by_seller",
            Guard::By(Actor::Buyer) => "by_buyer",
            Guard::By(Actor::Platform) => "by_platform",
            Guard::ByParty => "by_party",
            Guard::ByApplicant => "by_applicant",
            Guard::InvoiceNumber => "invoice_number",
            Guard::Voidable => "voidable",
            Guard::SameMonth => "same_month",
            Guard::BuyerNotConfirmed => "buyer_not_confirmed",
            Guard::NoOpenRedDocument => "no_open_red_document",
            Guard::PositiveAmount => "positive_amount",
            Guard::WithinRemaining => "within_remaining",
            Guard::RedRoute => "red_route",
            Guard::Reversible => "reversible",
            Guard::DigitalKind => "digital_kind",
            Guard::LegacyKind => "legacy_kind",
            Guard::SlipNumber => "slip_number",
            Guard::TableNumber => "table_number",
            Guard::BuyerMayStart => "buyer_may_start",
            Guard::OtherParty => "other_party",
            Guard::Initiator => "initiator",
            Guard::TableFiler => "table_filer",
            Guard::NotExpired => "not_expired",
            Guard::Overdue => "overdue",
            Guard::SlipUnused => "slip_unused",
            Guard::TableUnused => "table_unused",
            Guard::ApplicantMatches => "applicant_matches",
            Guard::IssuedNotVoided => "issued_not_voided",
            Guard::NotCancelled => "not_cancelled",
            Guard::Deductible => "deductible",
            Guard::UseNotConfirmed => "use_not_confirmed",
            Guard::PaperSpecial => "paper_special",
        }
    }

    /// The rules this guard may refuse with.
    pub fn rules(self) -> &'static [&'static Rule] {
        match self {
            Guard::By(_) | Guard::ByParty | Guard::ByApplicant => &[WRONG_ACTOR],
            Guard::InvoiceNumber => &[REFERENCE, NUMBER_TAKEN],
            Guard::Voidable => &[NOT_VOIDABLE_KIND],
            Guard::SameMonth => &[VOID_OTHER_MONTH],
            Guard::BuyerNotConfirmed => &[VOID_BUYER_CONFIRMED],
            Guard::NoOpenRedDocument => &[RED_DOCUMENT_OPEN],
            Guard::PositiveAmount => &[RED_AMOUNT_NOT_POSITIVE],
            Guard::WithinRemaining => &[RED_OVER_REMAINING],
            Guard::RedRoute => &[
                RED_DIRECT_AFTER_BUYER_USE,
                RED_SPECIAL_NEEDS_TABLE,
                RED_DIGITAL_NEEDS_SLIP,
                TABLE_FOR_LEGACY,
                SLIP_FOR_DIGITAL,
                SLIP_NOT_FOUND,
                SLIP_NOT_ISSUABLE,
                SLIP_USED,
                SLIP_VOID,
                TABLE_NOT_FOUND,
                TABLE_CLOSED,
                RED_AMOUNT_MISMATCH,
            ],
            Guard::Reversible => &[NOT_ISSUED, RED_VOIDED, RED_FULLY_REVERSED],
            Guard::DigitalKind => &[SLIP_FOR_DIGITAL],
            Guard::LegacyKind => &[TABLE_FOR_LEGACY],
            Guard::SlipNumber => &[SLIP_NUMBER, NUMBER_TAKEN],
            Guard::TableNumber => &[TABLE_NUMBER, NUMBER_TAKEN],
            Guard::BuyerMayStart => &[SLIP_BUYER_CANNOT_START],
            Guard::OtherParty => &[SLIP_OTHER_PARTY],
            Guard::Initiator => &[SLIP_INITIATOR],
            Guard::TableFiler => &[TABLE_APPLICANT_ONLY],
            Guard::NotExpired => &[SLIP_EXPIRED],
            Guard::Overdue => &[SLIP_NOT_OVERDUE],
            Guard::SlipUnused => &[SLIP_USED],
            Guard::TableUnused => &[TABLE_CLOSED],
            Guard::ApplicantMatches => &[TABLE_APPLICANT_MISMATCH],
            Guard::IssuedNotVoided => &[NOT_ISSUED, CANCELLED_INVOICE],
            Guard::NotCancelled => &[CANCELLED_INVOICE],
            Guard::Deductible => &[NOT_DEDUCTIBLE],
            Guard::UseNotConfirmed => &[USE_ALREADY_CONFIRMED],
            Guard::PaperSpecial => &[NOT_LOSABLE],
        }
    }

    /// Checks this guard for `step` on `lc` (before the event is applied).
    ///
    /// # Errors
    /// One of [`Guard::rules`], with the path of the offending field of the step (`amount`,
    /// `slip_no`, `actor`, …) or the step itself.
    pub fn check(self, lc: &Lifecycle, step: &Step) -> Result<(), Error> {
        let ev = &step.event;
        let kind_name = lc.kind.name_zh();
        match self {
            Guard::By(who) => expect_actor(step, who),
            Guard::ByParty => {
                if step.actor == Actor::Platform {
                    Err(actor_error(step, "seller or buyer"))
                } else {
                    Ok(())
                }
            }
            Guard::ByApplicant => match ev {
                Event::FileInfoTable { applicant, .. } => expect_actor(step, applicant.party()),
                _ => Ok(()),
            },
            Guard::InvoiceNumber => {
                let n = ev.number().unwrap_or("");
                let ok = !n.is_empty() && n.len() <= 64 && n.bytes().all(|b| b.is_ascii_graphic());
                if !ok {
                    return Err(Error::new(REFERENCE)
                        .with("value", crate::money::shorten(n))
                        .at(Path::field("number")));
                }
                if lc.number_taken(n) {
                    return Err(taken(n, "number"));
                }
                Ok(())
            }
            Guard::Voidable => {
                if lc.kind.is_voidable() {
                    Ok(())
                } else {
                    Err(Error::new(NOT_VOIDABLE_KIND).with("kind", kind_name))
                }
            }
            Guard::SameMonth => match lc.issued_at {
                Some(issued)
                    if issued.year() == step.at.year() && issued.month() == step.at.month() =>
                {
                    Ok(())
                }
                Some(issued) => Err(Error::new(VOID_OTHER_MONTH)
                    .with("issued", crate::dates::month_text(issued.date()))
                    .with("at", crate::dates::day_text(step.at.date()))
                    .at(Path::field("at"))),
                // Void is only tabled from issued states, which always have an issue time.
                None => Ok(()),
            },
            Guard::BuyerNotConfirmed => match lc.use_purpose {
                Some(p) => Err(Error::new(VOID_BUYER_CONFIRMED).with("purpose", p.name())),
                None => Ok(()),
            },
            Guard::NoOpenRedDocument => {
                if let Some(s) = lc.slips.iter().find(|s| s.is_open()) {
                    return Err(Error::new(RED_DOCUMENT_OPEN)
                        .with("document", "确认单")
                        .with("number", &s.slip_no));
                }
                if let Some(t) = lc.info_tables.iter().find(|t| t.is_open()) {
                    return Err(Error::new(RED_DOCUMENT_OPEN)
                        .with("document", "红字信息表")
                        .with("number", &t.table_no));
                }
                Ok(())
            }
            Guard::PositiveAmount => match ev.amount() {
                Some(a) if a.is_negative() || a.is_zero() => {
                    Err(Error::new(RED_AMOUNT_NOT_POSITIVE)
                        .with("amount", a)
                        .at(Path::field("amount")))
                }
                _ => Ok(()),
            },
            Guard::WithinRemaining => match ev.amount() {
                Some(a) if a > lc.remaining => Err(Error::new(RED_OVER_REMAINING)
                    .with("amount", a)
                    .with("remaining", lc.remaining)
                    .at(Path::field("amount"))),
                _ => Ok(()),
            },
            Guard::RedRoute => red_route(lc, step),
            Guard::Reversible => match lc.seller_state {
                SellerState::Issued | SellerState::PartiallyReversed => Ok(()),
                SellerState::Voided => Err(Error::new(RED_VOIDED)),
                SellerState::FullyReversed => Err(Error::new(RED_FULLY_REVERSED)),
                s => Err(Error::new(NOT_ISSUED).with("state", s.name())),
            },
            Guard::DigitalKind => {
                if lc.kind.is_digital() {
                    Ok(())
                } else {
                    Err(Error::new(SLIP_FOR_DIGITAL).with("kind", kind_name))
                }
            }
            Guard::LegacyKind => {
                if lc.kind.is_digital() {
                    Err(Error::new(TABLE_FOR_LEGACY).with("kind", kind_name))
                } else {
                    Ok(())
                }
            }
            Guard::SlipNumber => {
                let n = ev.slip_no().unwrap_or("");
                if !is_digits(n, SLIP_NO_LEN) {
                    return Err(Error::new(SLIP_NUMBER)
                        .with("value", crate::money::shorten(n))
                        .with("len", SLIP_NO_LEN)
                        .at(Path::field("slip_no")));
                }
                if lc.number_taken(n) {
                    return Err(taken(n, "slip_no"));
                }
                Ok(())
            }
            Guard::TableNumber => {
                let n = ev.table_no().unwrap_or("");
                if !is_digits(n, TABLE_NO_LEN) {
                    return Err(Error::new(TABLE_NUMBER)
                        .with("value", crate::money::shorten(n))
                        .with("len", TABLE_NO_LEN)
                        .at(Path::field("table_no")));
                }
                if lc.number_taken(n) {
                    return Err(taken(n, "table_no"));
                }
                Ok(())
            }
            Guard::BuyerMayStart => {
                if step.actor == Actor::Buyer && !lc.buyer_confirmed() {
                    Err(Error::new(SLIP_BUYER_CANNOT_START).at(Path::field("actor")))
                } else {
                    Ok(())
                }
            }
            Guard::OtherParty => match lc.slip(ev.slip_no()) {
                Some(s) => {
                    let expected = s.initiator.other_party().unwrap_or(Actor::Platform);
                    if step.actor == expected {
                        Ok(())
                    } else {
                        Err(Error::new(SLIP_OTHER_PARTY)
                            .with("slip_no", &s.slip_no)
                            .with("initiator", s.initiator.name())
                            .with("expected", expected.name())
                            .at(Path::field("actor")))
                    }
                }
                None => Ok(()),
            },
            Guard::Initiator => match lc.slip(ev.slip_no()) {
                Some(s) if s.initiator != step.actor => Err(Error::new(SLIP_INITIATOR)
                    .with("slip_no", &s.slip_no)
                    .with("initiator", s.initiator.name())
                    .with("actor", step.actor.name())
                    .at(Path::field("actor"))),
                _ => Ok(()),
            },
            Guard::TableFiler => match lc.table(ev.table_no()) {
                Some(t) if t.applicant.party() != step.actor => {
                    Err(Error::new(TABLE_APPLICANT_ONLY)
                        .with("table_no", &t.table_no)
                        .with("party", t.applicant.party().name())
                        .at(Path::field("actor")))
                }
                _ => Ok(()),
            },
            Guard::NotExpired => match lc.slip(ev.slip_no()) {
                Some(s) if s.is_overdue(step.at) => Err(Error::new(SLIP_EXPIRED)
                    .with("slip_no", &s.slip_no)
                    .with("deadline", deadline_text(s.deadline()))
                    .at(Path::field("at"))),
                _ => Ok(()),
            },
            Guard::Overdue => match lc.slip(ev.slip_no()) {
                Some(s) if !s.is_overdue(step.at) => Err(Error::new(SLIP_NOT_OVERDUE)
                    .with("slip_no", &s.slip_no)
                    .with("deadline", deadline_text(s.deadline()))
                    .at(Path::field("at"))),
                _ => Ok(()),
            },
            Guard::SlipUnused => match lc.slip(ev.slip_no()) {
                Some(s) => match &s.red_invoice {
                    Some(red) => Err(Error::new(SLIP_USED)
                        .with("slip_no", &s.slip_no)
                        .with("red", red)),
                    None => Ok(()),
                },
                None => Ok(()),
            },
            Guard::TableUnused => match lc.table(ev.table_no()) {
                Some(t) if t.red_invoice.is_some() => Err(Error::new(TABLE_CLOSED)
                    .with("table_no", &t.table_no)
                    .with("state", "used")),
                _ => Ok(()),
            },
            Guard::ApplicantMatches => match ev {
                Event::FileInfoTable { applicant, .. } => {
                    let deducted = lc.use_purpose == Some(UsePurpose::Deduct);
                    if applicant.deducted() == deducted {
                        Ok(())
                    } else {
                        let expected = if deducted {
                            "buyer_deducted"
                        } else {
                            "buyer_not_deducted or seller"
                        };
                        Err(Error::new(TABLE_APPLICANT_MISMATCH)
                            .with("applicant", applicant.name())
                            .with("purpose", lc.use_purpose.map_or("none", UsePurpose::name))
                            .with("expected", expected)
                            .at(Path::field("applicant")))
                    }
                }
                _ => Ok(()),
            },
            Guard::IssuedNotVoided => match lc.seller_state {
                SellerState::Voided => Err(cancelled(lc.seller_state, step)),
                SellerState::Issued
                | SellerState::PartiallyReversed
                | SellerState::FullyReversed => Ok(()),
                s => Err(Error::new(NOT_ISSUED).with("state", s.name())),
            },
            Guard::NotCancelled => match lc.seller_state {
                s @ (SellerState::Voided | SellerState::FullyReversed) => Err(cancelled(s, step)),
                _ => Ok(()),
            },
            Guard::Deductible => {
                if lc.kind.is_deductible() {
                    Ok(())
                } else {
                    Err(Error::new(NOT_DEDUCTIBLE).with("kind", kind_name))
                }
            }
            Guard::UseNotConfirmed => match lc.use_purpose {
                Some(p) => Err(Error::new(USE_ALREADY_CONFIRMED).with("purpose", p.name())),
                None => Ok(()),
            },
            Guard::PaperSpecial => {
                if lc.kind.is_paper() && lc.kind.is_special() {
                    Ok(())
                } else {
                    Err(Error::new(NOT_LOSABLE).with("kind", kind_name))
                }
            }
        }
    }
}

fn expect_actor(step: &Step, who: Actor) -> Result<(), Error> {
    if step.actor == who {
        Ok(())
    } else {
        Err(actor_error(step, who.name()))
    }
}

fn actor_error(step: &Step, expected: &str) -> Error {
    Error::new(WRONG_ACTOR)
        .with("event", step.event.kind().name())
        .with("expected", expected)
        .with("actor", step.actor.name())
        .at(Path::field("actor"))
}

fn taken(n: &str, field: &'static str) -> Error {
    Error::new(NUMBER_TAKEN)
        .with("number", crate::money::shorten(n))
        .at(Path::field(field))
}

fn cancelled(s: SellerState, step: &Step) -> Error {
    Error::new(CANCELLED_INVOICE)
        .with("state", s.name())
        .with("event", step.event.kind().name())
}

fn deadline_text(d: Option<chrono::NaiveDateTime>) -> String {
    d.map_or_else(|| "never".to_string(), crate::dates::date_time_text)
}

/// The red-letter route of an `issue_red` (domain.md §9.3, §9.4):
///
/// - 数电 kinds: always on a 确认单 in 01 or 04, unused, of the same amount; a 01 slip no longer
///   counts once the buyer has confirmed use or booking.
/// - legacy kinds: special kinds always on a filed, unused 红字信息表 of the same amount; other
///   kinds directly, unless the buyer has confirmed use (then on a 信息表 too).
fn red_route(lc: &Lifecycle, step: &Step) -> Result<(), Error> {
    let Event::IssueRed {
        amount,
        slip_no,
        info_table_no,
        ..
    } = &step.event
    else {
        return Ok(());
    };
    let kind_name = lc.kind.name_zh();
    let confirmed = lc.buyer_confirmed();
    if lc.kind.is_digital() {
        if info_table_no.is_some() {
            return Err(Error::new(TABLE_FOR_LEGACY)
                .with("kind", kind_name)
                .at(Path::field("info_table_no")));
        }
        let Some(no) = slip_no else {
            return Err(if confirmed {
                Error::new(RED_DIRECT_AFTER_BUYER_USE).with("document", "红字发票信息确认单")
            } else {
                Error::new(RED_DIGITAL_NEEDS_SLIP).at(Path::field("slip_no"))
            });
        };
        let slip = lc.slip(Some(no)).ok_or_else(|| {
            Error::new(SLIP_NOT_FOUND)
                .with("slip_no", crate::money::shorten(no))
                .at(Path::field("slip_no"))
        })?;
        if let Some(red) = &slip.red_invoice {
            return Err(Error::new(SLIP_USED)
                .with("slip_no", no)
                .with("red", red)
                .at(Path::field("slip_no")));
        }
        match slip.state {
            SlipState::Confirmed => {}
            SlipState::NoConfirmationNeeded if confirmed => {
                return Err(Error::new(RED_DIRECT_AFTER_BUYER_USE)
                    .with("document", "红字发票信息确认单")
                    .at(Path::field("slip_no")));
            }
            SlipState::NoConfirmationNeeded => {}
            s if s.is_void() => {
                return Err(Error::new(SLIP_VOID)
                    .with("slip_no", no)
                    .with("state", format!("{} {}", s.code(), s.name_zh()))
                    .at(Path::field("slip_no")));
            }
            s => {
                return Err(Error::new(SLIP_NOT_ISSUABLE)
                    .with("slip_no", no)
                    .with("state", format!("{} {}", s.code(), s.name_zh()))
                    .at(Path::field("slip_no")));
            }
        }
        if slip.amount != *amount {
            return Err(mismatch(*amount, slip.amount, "确认单", no));
        }
        Ok(())
    } else {
        if slip_no.is_some() {
            return Err(Error::new(SLIP_FOR_DIGITAL)
                .with("kind", kind_name)
                .at(Path::field("slip_no")));
        }
        match info_table_no {
            None if lc.kind.is_special() => Err(Error::new(RED_SPECIAL_NEEDS_TABLE)
                .with("kind", kind_name)
                .at(Path::field("info_table_no"))),
            None if confirmed => {
                Err(Error::new(RED_DIRECT_AFTER_BUYER_USE).with("document", "红字信息表"))
            }
            None => Ok(()),
            Some(no) => {
                let t = lc.table(Some(no)).ok_or_else(|| {
                    Error::new(TABLE_NOT_FOUND)
                        .with("table_no", crate::money::shorten(no))
                        .at(Path::field("info_table_no"))
                })?;
                if t.state != InfoTableState::Filed || t.red_invoice.is_some() {
                    let state = if t.red_invoice.is_some() {
                        "used"
                    } else {
                        t.state.name()
                    };
                    return Err(Error::new(TABLE_CLOSED)
                        .with("table_no", no)
                        .with("state", state)
                        .at(Path::field("info_table_no")));
                }
                if t.amount != *amount {
                    return Err(mismatch(*amount, t.amount, "红字信息表", no));
                }
                Ok(())
            }
        }
    }
}

fn mismatch(
    amount: crate::money::Amount,
    expected: crate::money::Amount,
    doc: &str,
    no: &str,
) -> Error {
    Error::new(RED_AMOUNT_MISMATCH)
        .with("amount", amount)
        .with("expected", expected)
        .with("document", doc)
        .with("number", no)
        .at(Path::field("amount"))
}
