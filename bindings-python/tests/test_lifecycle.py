"""The lifecycle binding: datetimes in and out, refusals change nothing, to_dict/from_dict,
expire_overdue, the table."""

import copy
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

import invoice_core
from invoice_core import InvoiceError, Lifecycle, lifecycle

T0 = datetime(2024, 5, 6, 10, 0, 0)


def issued(kind: str = "digital_special", amount: str = "113.00") -> Lifecycle:
    lc = Lifecycle(kind, amount)
    lc.apply({"event": "submit", "actor": "seller", "at": T0})
    lc.apply({"event": "approve", "actor": "seller", "at": T0})
    lc.apply({"event": "issue", "actor": "seller", "at": T0, "number": "24442000000000000001"})
    return lc


def test_apply_returns_the_transition_and_datetimes_or_iso_text_both_work() -> None:
    lc = Lifecycle("digital_special", Decimal("113"))
    t = lc.apply({"event": "submit", "actor": "seller", "at": "2024-05-06T09:00:00"})
    assert t == {"from": {"seller": "draft"}, "event": "submit", "to": {"seller": "pending_review"}}
    lc.apply({"event": "approve", "actor": "seller", "at": T0})
    assert lc.state == {"seller": "approved", "buyer": "not_received"}
    assert lc.amount == Decimal("113.00") and lc.remaining == Decimal("113.00")
    assert lc.history[0]["at"] == datetime(2024, 5, 6, 9, 0, 0)
    assert lc.history[1]["from"] == {"seller": "pending_review"}
    assert lc.number is None and lc.issued_at is None


def test_a_refusal_raises_its_code_and_changes_nothing() -> None:
    lc = issued()
    before = lc.to_dict()
    with pytest.raises(InvoiceError) as e:
        lc.apply({"event": "issue_red", "actor": "seller", "at": T0 + timedelta(days=1),
                  "number": "24442000000000000002", "amount": "200.00", "red_reason": "sales_return"})
    assert e.value.code.startswith("LCY-")
    assert lc.to_dict() == before
    with pytest.raises(InvoiceError) as e:
        lc.apply({"event": "submit", "actor": "seller", "at": T0 - timedelta(days=1)})
    assert e.value.code == "LCY-03" and e.value.path == ["at"]
    assert lc.to_dict() == before


def test_red_invoice_amounts_are_decimal_and_reduce_remaining() -> None:
    lc = issued()
    slip = "44030724052001117191"
    lc.apply({"event": "open_slip", "actor": "seller", "at": T0 + timedelta(hours=1), "slip_no": slip,
              "amount": 13, "red_reason": "sales_allowance"})
    lc.apply({"event": "issue_red", "actor": "seller", "at": T0 + timedelta(hours=1), "slip_no": slip,
              "number": "24442000000000000002", "amount": Decimal("13"), "red_reason": "sales_allowance"})
    assert lc.seller_state == "partially_reversed"
    assert lc.remaining == Decimal("100.00") and lc.reversed == Decimal("13.00")
    red = lc.red_invoices[0]
    assert red["amount"] == Decimal("13.00") and isinstance(red["issued_at"], datetime)


def test_float_amount_and_aware_datetime_are_refused() -> None:
    lc = issued()
    with pytest.raises(InvoiceError) as e:
        lc.apply({"event": "issue_red", "actor": "seller", "at": T0, "number": "24442000000000000002",
                  "amount": 13.0, "red_reason": "sales_allowance"})
    assert e.value.code == "INP-01" and e.value.path == ["amount"]  # floats are not money
    with pytest.raises(InvoiceError) as e:
        lc.apply({"event": "void", "actor": "seller", "at": T0.replace(tzinfo=timezone.utc)})
    assert e.value.code == "INP-02"
    with pytest.raises(InvoiceError) as e:
        Lifecycle("digital_special", 113.0)
    assert e.value.code == "INP-01" and e.value.path == ["amount"]


def test_to_dict_from_dict_round_trip_and_tampering_is_refused() -> None:
    lc = issued()
    d = lc.to_dict()
    back = Lifecycle.from_dict(d)
    assert back == lc and back.history == lc.history
    forged = copy.deepcopy(d)
    forged["seller_state"] = "voided"
    with pytest.raises(InvoiceError) as e:
        Lifecycle.from_dict(forged)
    assert e.value.code == "INP-03"


def test_slips_expire_after_72_hours() -> None:
    lc = issued()
    for ev in ("receive", "verify", "book"):
        lc.apply({"event": ev, "actor": "buyer", "at": T0 + timedelta(hours=1)})
    lc.apply({"event": "open_slip", "actor": "seller", "at": T0 + timedelta(hours=2),
              "slip_no": "44030724052001117191", "amount": "113.00", "red_reason": "sales_return"})
    slip = lc.slips[0]
    assert slip["state_code"] == "02" and slip["deadline"] == T0 + timedelta(hours=74)
    assert lc.expire_overdue(T0 + timedelta(hours=70)) == []
    ts = lc.expire_overdue("2024-05-10T00:00:00")
    assert ts == [{"from": {"slip": "pending_buyer"}, "event": "expire_slip", "to": {"slip": "expired"}}]
    assert lc.slips[0]["state_code"] == "07"


def test_replay_places_errors_under_the_event_index() -> None:
    events = [{"event": "submit", "actor": "seller", "at": T0}, {"event": "void", "actor": "seller", "at": T0}]
    with pytest.raises(InvoiceError) as e:
        lifecycle.replay("digital_special", "113.00", events)
    assert e.value.path[:2] == ["events", 1]
    with pytest.raises(InvoiceError) as e:
        lifecycle.replay("digital_special", "113.00", [{"event": "fly"}])
    assert e.value.code == "INP-05" and e.value.path == ["events", 0, "event"]
    lc = lifecycle.replay("digital_special", "113.00", iter(events[:1]))
    assert lc.seller_state == "pending_review" and "approve" in lc.possible_events


def test_table() -> None:
    rows = lifecycle.table()
    assert len(rows) > 20
    assert all(set(r) == {"from", "event", "to", "guards", "codes"} for r in rows)
    issued_rows = lifecycle.table({"seller": "issued"})
    assert issued_rows and all(r["from"] == {"seller": "issued"} for r in issued_rows)
    assert any(r["from"] is None for r in rows)
    with pytest.raises(InvoiceError) as e:
        lifecycle.table({"seller": "lost"})
    assert e.value.code == "INP-03" and e.value.path == ["from"]


def test_repr_and_exports() -> None:
    assert repr(issued()).startswith("<Lifecycle digital_special 113.00 seller=issued")
    assert invoice_core.Lifecycle is lifecycle.Lifecycle
