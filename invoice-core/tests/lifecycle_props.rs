//! Properties of the lifecycle state machine, over random event sequences, plus two checks that
//! tie the shared vectors to the table: every row is reached by some vector, every `LCY-` code is
//! expected by some vector.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use invoice_core::lifecycle::{
    Actor, Applicant, Event, LostCopy, Node, RedReason, SlipVoidCause, Step, Transition,
    UsePurpose, table,
};
use invoice_core::lifecycle::{Lifecycle, Machine};
use invoice_core::money::Amount;
use invoice_core::number::Kind;
use proptest::prelude::*;
use serde_json::Value;

const NUMBERS: [&str; 3] = [
    "24442000000000000001",
    "24442000000000000002",
    "24442000000000000003",
];
const SLIPS: [&str; 2] = ["44030724051001117191", "44030724051001117192"];
const TABLES: [&str; 2] = ["1403011904008400", "1403011904008401"];
const AMOUNTS: [&str; 6] = ["0.01", "10.00", "40.00", "73.00", "113.00", "-1.00"];

fn base() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 5, 6)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date")
}

fn amount(i: u8) -> Amount {
    Amount::parse(AMOUNTS[i as usize % AMOUNTS.len()]).expect("pool amount")
}

/// One raw random choice → one event (a small pool of numbers so references often hit).
fn event(sel: u8, a: u8, b: u8) -> Event {
    let num = || NUMBERS[a as usize % NUMBERS.len()].to_string();
    let slip = || SLIPS[a as usize % SLIPS.len()].to_string();
    let tab = || TABLES[a as usize % TABLES.len()].to_string();
    let reason = RedReason::SalesReturn;
    match sel % 21 {
        0 => Event::Submit,
        1 => Event::Approve,
        2 => Event::Reject,
        3 => Event::Revise,
        4 => Event::Issue { number: num() },
        5 => Event::Void,
        6 => Event::IssueRed {
            number: num(),
            amount: amount(b / 3),
            red_reason: reason,
            slip_no: b.is_multiple_of(3).then(slip),
            info_table_no: (b % 3 == 1).then(tab),
        },
        7 => Event::Receive,
        8 => Event::Verify,
        9 => Event::ConfirmUse {
            purpose: if b.is_multiple_of(2) {
                UsePurpose::Deduct
            } else {
                UsePurpose::NonDeduct
            },
        },
        10 => Event::Book,
        11 => Event::Reimburse,
        12 => Event::ReportLost {
            copy: [
                LostCopy::InvoiceCopy,
                LostCopy::DeductionCopy,
                LostCopy::Both,
            ][b as usize % 3],
        },
        13 => Event::OpenSlip {
            slip_no: slip(),
            amount: amount(b),
            red_reason: reason,
        },
        14 => Event::ConfirmSlip { slip_no: slip() },
        15 => Event::DenySlip { slip_no: slip() },
        16 => Event::WithdrawSlip { slip_no: slip() },
        17 => Event::ExpireSlip { slip_no: slip() },
        18 => Event::VoidSlip {
            slip_no: slip(),
            cause: SlipVoidCause::ALL[b as usize % 4],
        },
        19 => Event::FileInfoTable {
            table_no: tab(),
            applicant: [
                Applicant::BuyerDeducted,
                Applicant::BuyerNotDeducted,
                Applicant::Seller,
            ][b as usize % 3],
            amount: amount(b / 3),
            red_reason: reason,
        },
        _ => Event::WithdrawInfoTable { table_no: tab() },
    }
}

/// Usually the party that would do `event` (so deep states are reached), sometimes anyone.
fn actor(event: &Event, i: u8) -> Actor {
    let any = [Actor::Seller, Actor::Buyer, Actor::Platform][i as usize % 3];
    if i.is_multiple_of(4) {
        return any;
    }
    match event {
        Event::ExpireSlip { .. } | Event::VoidSlip { .. } => Actor::Platform,
        Event::FileInfoTable { applicant, .. } => applicant.party(),
        Event::OpenSlip { .. }
        | Event::ConfirmSlip { .. }
        | Event::DenySlip { .. }
        | Event::WithdrawSlip { .. }
        | Event::WithdrawInfoTable { .. } => {
            if i.is_multiple_of(2) {
                Actor::Seller
            } else {
                Actor::Buyer
            }
        }
        e if e.kind().machine() == Machine::Buyer => Actor::Buyer,
        _ => Actor::Seller,
    }
}

/// A random sequence: a prefix of the happy path (none, issued, received and verified, use
/// confirmed) so deep states are reached, then random steps whose times mostly move forward (by
/// under a day, sometimes by days, past the 72 hours) and sometimes go back an hour.
fn sequences() -> impl Strategy<Value = (Kind, Amount, Vec<Step>)> {
    let raw = prop::collection::vec(
        (
            any::<u8>(),
            any::<u8>(),
            any::<u8>(),
            any::<u8>(),
            prop_oneof![8 => 0i64..24, 1 => 24i64..200, 1 => Just(-1i64)],
        ),
        0..40,
    );
    (
        0..Kind::ALL.len(),
        prop::sample::select(vec!["113.00", "40.00", "0.01"]),
        0usize..4,
        raw,
    )
        .prop_map(|(k, amt, prefix, raw)| {
            let mut at = base();
            let happy = [
                (Event::Submit, Actor::Seller),
                (Event::Approve, Actor::Seller),
                (
                    Event::Issue {
                        number: "14403180911012345678".into(),
                    },
                    Actor::Seller,
                ),
                (Event::Receive, Actor::Buyer),
                (Event::Verify, Actor::Buyer),
                (
                    Event::ConfirmUse {
                        purpose: UsePurpose::Deduct,
                    },
                    Actor::Buyer,
                ),
            ];
            let take = [0, 3, 5, 6][prefix];
            let mut steps: Vec<Step> = happy
                .into_iter()
                .take(take)
                .map(|(e, who)| Step::new(e, who, at))
                .collect();
            for (sel, a, b, who, hours) in raw {
                at = at.checked_add_signed(TimeDelta::hours(hours)).unwrap_or(at);
                let e = event(sel, a, b);
                let who = actor(&e, who);
                steps.push(Step::new(e, who, at));
            }
            (
                Kind::ALL[k],
                Amount::parse(amt).expect("pool amount"),
                steps,
            )
        })
}

/// The state of the machine a transition acted on, read back from the lifecycle.
fn state_of(lc: &Lifecycle, t: &Transition, step: &Step) -> Node {
    match t.to.machine() {
        Machine::Seller => Node::Seller(lc.seller_state()),
        Machine::Buyer => Node::Buyer(lc.buyer_state()),
        Machine::Slip => Node::Slip(lc.slip(step.event.slip_no()).expect("slip exists").state),
        Machine::InfoTable => {
            Node::InfoTable(lc.table(step.event.table_no()).expect("table exists").state)
        }
    }
}

fn check_money(lc: &Lifecycle) {
    let reds = lc
        .red_invoices()
        .iter()
        .try_fold(Amount::ZERO, |s, r| s.checked_add(r.amount))
        .expect("sum");
    assert_eq!(
        reds,
        lc.reversed(),
        "red invoices add up to the reversed total"
    );
    assert!(
        lc.reversed() <= lc.amount(),
        "reversed total exceeds the original"
    );
    assert!(!lc.remaining().is_negative(), "remaining below zero");
    assert_eq!(
        lc.reversed().checked_add(lc.remaining()).expect("sum"),
        lc.amount()
    );
    for r in lc.red_invoices() {
        assert!(!r.amount.is_negative() && !r.amount.is_zero());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn random_sequences_respect_the_table((kind, amount, steps) in sequences()) {
        let mut lc = Lifecycle::new(kind, amount).expect("positive amount");
        for step in steps {
            let before = lc.clone();
            match lc.apply(step.clone()) {
                Ok(t) => {
                    // Only tabled transitions, and the lifecycle really is in the reported state.
                    prop_assert!(table::allows(t.from, t.event, t.to), "untabled {:?}", t);
                    prop_assert_eq!(state_of(&lc, &t, &step), t.to);
                    // History only grows, by exactly this step.
                    prop_assert_eq!(lc.history().len(), before.history().len() + 1);
                    prop_assert_eq!(&lc.history()[..before.history().len()], before.history());
                    let last = lc.history().last().expect("one entry");
                    prop_assert_eq!(last.transition(), t);
                    prop_assert_eq!(&last.step, &step);
                }
                Err(e) => {
                    // A refused event changes nothing.
                    prop_assert_eq!(&lc, &before);
                    prop_assert!(e.code().starts_with("LCY-"), "unexpected {}", e);
                }
            }
            check_money(&lc);
        }
        // Replaying the history rebuilds the same state.
        let replayed = Lifecycle::replay(kind, amount, lc.history().iter().map(|h| h.step.clone()))
            .expect("history replays");
        prop_assert_eq!(&replayed, &lc);
        // The whole state round-trips through serde, money as strings.
        let json = serde_json::to_value(&lc).expect("serialise");
        prop_assert!(json["remaining"].is_string() && json["amount"].is_string());
        let back: Lifecycle = serde_json::from_value(json).expect("deserialise");
        prop_assert_eq!(&back, &lc);
    }
}

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 5, day)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .expect("valid date")
}

fn digital_with_slip() -> Lifecycle {
    let mut lc = Lifecycle::new(Kind::DigitalSpecial, Amount::parse("113.00").unwrap()).unwrap();
    let seller = [
        Event::Submit,
        Event::Approve,
        Event::Issue {
            number: NUMBERS[0].into(),
        },
    ];
    for e in seller {
        lc.apply(Step::new(e, Actor::Seller, at(6, 10))).unwrap();
    }
    for e in [
        Event::Receive,
        Event::Verify,
        Event::ConfirmUse {
            purpose: UsePurpose::Deduct,
        },
    ] {
        lc.apply(Step::new(e, Actor::Buyer, at(7, 10))).unwrap();
    }
    lc.apply(Step::new(
        Event::OpenSlip {
            slip_no: SLIPS[0].into(),
            amount: Amount::parse("40.00").unwrap(),
            red_reason: RedReason::SalesAllowance,
        },
        Actor::Seller,
        at(8, 10),
    ))
    .unwrap();
    lc
}

#[test]
fn refused_events_change_nothing() {
    let lc = digital_with_slip();
    let refused = [
        // LCY-06: 数电 e-invoices cannot be voided.
        Step::new(Event::Void, Actor::Seller, at(8, 11)),
        // LCY-19: slip 02 is not confirmed yet.
        Step::new(
            Event::IssueRed {
                number: NUMBERS[1].into(),
                amount: Amount::parse("40.00").unwrap(),
                red_reason: RedReason::SalesAllowance,
                slip_no: Some(SLIPS[0].into()),
                info_table_no: None,
            },
            Actor::Seller,
            at(8, 11),
        ),
        // LCY-28: confirmed after 72 hours.
        Step::new(
            Event::ConfirmSlip {
                slip_no: SLIPS[0].into(),
            },
            Actor::Buyer,
            at(11, 11),
        ),
        // LCY-03: earlier than the last event.
        Step::new(Event::Book, Actor::Buyer, at(1, 10)),
    ];
    let codes = ["LCY-06", "LCY-19", "LCY-28", "LCY-03"];
    for (step, code) in refused.into_iter().zip(codes) {
        let mut copy = lc.clone();
        let err = copy.apply(step).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(!err.message().is_empty() && !err.message_zh().is_empty());
        assert_eq!(copy, lc, "{code} changed the state");
    }
    // The same confirmation in time is accepted and recorded.
    let mut ok = lc.clone();
    let t = ok
        .apply(
            Step::new(
                Event::ConfirmSlip {
                    slip_no: SLIPS[0].into(),
                },
                Actor::Buyer,
                at(11, 10),
            )
            .because("退货已确认"),
        )
        .unwrap();
    assert_eq!(t.to.to_string(), "slip.confirmed");
    assert_eq!(ok.history().len(), lc.history().len() + 1);
    assert_eq!(
        ok.history().last().unwrap().step.reason.as_deref(),
        Some("退货已确认")
    );
}

#[test]
fn tampered_state_does_not_deserialise() {
    let lc = digital_with_slip();
    let json = serde_json::to_value(&lc).unwrap();
    let back: Lifecycle = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, lc);

    let mut more = json.clone();
    more["remaining"] = Value::from("1.00");
    assert!(serde_json::from_value::<Lifecycle>(more).is_err());

    let mut voided = json.clone();
    voided["seller_state"] = Value::from("voided");
    assert!(serde_json::from_value::<Lifecycle>(voided).is_err());

    let mut shorter = json.clone();
    shorter["history"].as_array_mut().unwrap().pop();
    assert!(serde_json::from_value::<Lifecycle>(shorter).is_err());

    let mut float = json;
    float["amount"] = Value::from(113.0);
    assert!(serde_json::from_value::<Lifecycle>(float).is_err());
}

#[test]
fn expire_overdue_uses_the_callers_now() {
    let mut lc = digital_with_slip();
    assert!(lc.expire_overdue(at(11, 10)).unwrap().is_empty());
    let ts = lc.expire_overdue(at(11, 11)).unwrap();
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].to.to_string(), "slip.expired");
    assert_eq!(lc.slips()[0].state.code(), "07");
    assert_eq!(lc.history().last().unwrap().step.actor, Actor::Platform);
}

fn vector_cases() -> Vec<Value> {
    let text = include_str!("vectors/lifecycle.json");
    let doc: Value = serde_json::from_str(text).expect("lifecycle.json is JSON");
    doc["cases"].as_array().expect("cases").clone()
}

#[test]
fn vectors_reach_every_row_of_the_table() {
    let mut reached: HashSet<(Option<Node>, String, Node)> = HashSet::new();
    for case in vector_cases() {
        if case["op"] != "lifecycle.run" {
            continue;
        }
        let input = &case["input"];
        let Some(kind) = input["kind"].as_str().and_then(Kind::from_name) else {
            continue;
        };
        let Ok(amount) = Amount::parse(input["amount"].as_str().unwrap_or("")) else {
            continue;
        };
        let Ok(mut lc) = Lifecycle::new(kind, amount) else {
            continue;
        };
        for ev in input["events"].as_array().into_iter().flatten() {
            let Ok(step) = Step::from_json(ev) else { break };
            match lc.apply(step) {
                Ok(t) => {
                    reached.insert((t.from, t.event.name().to_string(), t.to));
                }
                Err(_) => break,
            }
        }
        if let Some(now) = input.get("expire_overdue_at") {
            let now: NaiveDateTime = serde_json::from_value(now.clone()).unwrap();
            for t in lc.expire_overdue(now).unwrap() {
                reached.insert((t.from, t.event.name().to_string(), t.to));
            }
        }
    }
    let missing: Vec<String> = table::TABLE
        .iter()
        .filter(|r| !reached.contains(&(r.from, r.event.name().to_string(), r.to)))
        .map(|r| format!("{:?} --{}--> {}", r.from, r.event, r.to))
        .collect();
    assert!(missing.is_empty(), "rows no vector reaches: {missing:#?}");
}

#[test]
fn vectors_expect_every_lifecycle_code() {
    let expected: HashSet<String> = vector_cases()
        .iter()
        .filter_map(|c| c["error"]["code"].as_str().map(str::to_string))
        .collect();
    let missing: Vec<&str> = invoice_core::catalog::all()
        .filter(|r| r.code.starts_with("LCY-"))
        .map(|r| r.code)
        .filter(|c| !expected.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "LCY codes no vector expects: {missing:?}"
    );
}
