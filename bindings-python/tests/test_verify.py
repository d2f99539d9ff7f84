"""The verification binding: check-code keys never shown, QR dicts typed, 查验 outcomes, duplicates
(mixed items, order, per-item errors, the GIL released)."""

import threading
from datetime import date
from decimal import Decimal

import pytest

import invoice_core
from invoice_core import CheckCodeKey, InvoiceError

KEY = bytes(range(16))
QR = "01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,"
INV = {
    "kind": "electronic_ordinary", "code": "031002100411", "number": "25096213",
    "issue_date": "2021-09-03", "check_code": "11631437361999467829",
    "seller": {"name": "S", "tax_id": "91310000580583950X"}, "buyer": {"name": "B"},
    "lines": [], "totals": {"amount": "6.56", "tax": "0.20", "total": "6.76"},
}


def test_check_code_round_trip_and_key_forms() -> None:
    code = invoice_core.check_code(INV, KEY)
    assert len(code) == 20 and code.isdigit()
    assert invoice_core.check_code(invoice_core.Invoice(INV), CheckCodeKey(KEY)) == code
    assert invoice_core.check_code(INV, CheckCodeKey.from_hex(KEY.hex())) == code
    assert invoice_core.check_code(INV, bytearray(KEY)) == code
    assert invoice_core.verify_check_code(INV, code, KEY) is True
    other = str((int(code) + 1) % 10**20).zfill(20)
    assert invoice_core.verify_check_code(INV, other, KEY) is False
    assert invoice_core.last6(code) == code[-6:] and invoice_core.last5(code) == code[-5:]
    assert invoice_core.check_code_message(INV).startswith("invoice-core/check-code/v1|electronic_ordinary|")


def test_key_is_never_shown() -> None:
    secret = b"supersecretkey-0123456789"
    k = CheckCodeKey(secret)
    assert repr(k) == "CheckCodeKey(<redacted>)" and "supersecret" not in str(k)
    with pytest.raises(InvoiceError) as e:
        CheckCodeKey(b"short")
    assert e.value.code == "VER-01" and "short" not in str(e.value)
    with pytest.raises(InvoiceError) as e:
        invoice_core.check_code(INV, "not bytes")
    assert e.value.code == "INP-02"


def test_parse_qr_types_and_build_qr_round_trip() -> None:
    p = invoice_core.parse_qr(QR)
    assert p["type"] == "invoice" and p["amount"] == Decimal("6.56")
    assert p["issue_date"] == date(2021, 9, 3) and p["kind"] == "electronic_ordinary"
    assert invoice_core.build_qr(INV, hash="F168") == QR
    assert invoice_core.build_qr(INV).endswith(",,")
    with pytest.raises(InvoiceError) as e:
        invoice_core.parse_qr("hello")
    assert e.value.code == "VER-04"


def test_query_precheck_and_match() -> None:
    q = invoice_core.verify_query(INV)
    assert (q.element, q.value, q.issue_date) == ("check_code_last6", "467829", date(2021, 9, 3))
    assert invoice_core.verify_query(QR).to_dict() == q.to_dict()
    assert invoice_core.precheck(q, date(2024, 1, 1)) is None
    old = invoice_core.precheck(q, "2030-01-01")
    assert old is not None and old.outcome == "too_old" and old.earliest == date(2025, 1, 1)
    assert invoice_core.precheck(q, "2030-01-01", look_back_years=10) is None
    today = invoice_core.precheck(q, "2021-09-03")
    assert today is not None and today.verifiable_from == date(2021, 9, 4)
    assert invoice_core.precheck(q, "2021-09-03", same_day="today") is None
    m = invoice_core.match_record(q, INV, date(2024, 1, 1))
    assert m.is_match and m.status == 1 and m.message_zh == "查验成功，发票信息一致"
    assert invoice_core.match_record(QR, None, date(2024, 1, 1)).outcome == "not_found"
    red = invoice_core.match_record(q, INV, date(2024, 1, 1), status="partially_red_flushed")
    assert (red.outcome, red.partial) == ("red_flushed", True)
    future = invoice_core.match_record(q, INV, date(2020, 1, 1))
    assert future.outcome == "malformed" and future.errors[0].code == "VER-21"
    with pytest.raises(InvoiceError) as e:
        invoice_core.match_record(q, INV, date(2024, 1, 1), status="gone")
    assert e.value.code == "INP-05" and e.value.path == ["status"]
    with pytest.raises(InvoiceError) as e:
        invoice_core.precheck(q, date(2024, 1, 1), same_day="tomorrow")
    assert e.value.code == "INP-05"


def test_duplicates_mixed_items_in_input_order() -> None:
    digital = dict(INV, kind="digital_ordinary", number="24312000000358032546", code=None)
    del digital["check_code"]
    items = [
        invoice_core.Invoice(INV),                      # 0
        "24312000000358032546",                         # 1 bare 数电 number
        {"qr": QR},                                     # 2 same as 0
        3.5,                                            # 3 junk
        {"invoice": digital},                           # 4 same as 1
        {1, 2},                                         # 5 not even JSON
        QR,                                             # 6 same as 0 (pasted QR text)
    ]
    r = invoice_core.find_duplicates(iter(items))
    assert r.groups == [[0, 2, 6], [1, 4]]
    assert [(i, f.code) for i, f in r.errors] == [(3, "VER-24"), (5, "INP-02")]
    d = r.to_dict()
    assert d["groups"] == r.groups and d["errors"][1]["error"]["code"] == "INP-02"
    assert invoice_core.dedupe_key(items[0]) == ["legacy:031002100411:25096213"]
    assert invoice_core.dedupe_key("24312000000358032546") == ["digital:24312000000358032546"]


def test_find_duplicates_releases_the_gil() -> None:
    items = [{"number": f"{24312000000358000000 + i % 5000}"} for i in range(200_000)]
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        r = invoice_core.find_duplicates(items)
    finally:
        done.set()
        t.join()
    assert len(r.groups) == 5000 and ticks > 0
