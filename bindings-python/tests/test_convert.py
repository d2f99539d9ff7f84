"""The conversions no public function uses yet (dates, JSON-like values), through private hooks."""

import datetime as dt
from decimal import Decimal

import pytest

from invoice_core import InvoiceError
from invoice_core._native import _testing


def code_of(fn, *args) -> str:
    with pytest.raises(InvoiceError) as info:
        fn(*args)
    return info.value.code


def test_dates() -> None:
    d = dt.date(2024, 2, 29)
    assert _testing.date(d) == d and type(_testing.date(d)) is dt.date
    assert _testing.date("2024-11-18") == dt.date(2024, 11, 18)
    assert code_of(_testing.date, "2023-02-29") == "INP-02"
    with pytest.raises(InvoiceError) as info:
        _testing.date("2024-1-5")
    assert info.value.message == "expected date YYYY-MM-DD, found 2024-1-5"  # the core's message
    # In data, a datetime is written in whole seconds (the core's precision, as JS writes a Date).
    assert _testing.value({"at": dt.datetime(2024, 5, 6, 10, 0, 0, 250)}) == {"at": "2024-05-06T10:00:00"}
    assert code_of(_testing.date, dt.datetime(2024, 1, 1)) == "INP-02"  # no silent truncation
    assert code_of(_testing.date, 20240101) == "INP-02"


def test_datetimes() -> None:
    t = dt.datetime(2024, 11, 18, 10, 30, 5, 123456)
    assert _testing.datetime(t) == t
    assert _testing.datetime("2024-11-18T10:30:05") == dt.datetime(2024, 11, 18, 10, 30, 5)
    assert _testing.datetime("2024-11-18 10:30:05") == dt.datetime(2024, 11, 18, 10, 30, 5)
    # The core's one reader: whole seconds, a real calendar day, four-digit fields.
    for text in ["2024-11-18 10:30:05.5", "2024-11-18T10:30", "2024-02-30T10:30:05", "2024-11-18"]:
        assert code_of(_testing.datetime, text) == "INP-02", text
    aware = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    assert code_of(_testing.datetime, aware) == "INP-02"
    assert code_of(_testing.datetime, dt.date(2024, 1, 1)) == "INP-02"


def test_json_like_values() -> None:
    v = {"a": [1, None, True, Decimal("1.50"), "x", (2, 3)], "d": dt.date(2024, 1, 2), "big": 2**70}
    assert _testing.value(v) == {"a": [1, None, True, "1.50", "x", [2, 3]], "d": "2024-01-02", "big": str(2**70)}
    assert _testing.value(Decimal("1E+3")) == "1000"


def test_json_like_errors_have_paths() -> None:
    with pytest.raises(InvoiceError) as info:
        _testing.value({"lines": [{}, {"x": [0, b"raw"]}]})
    assert info.value.code == "INP-02" and info.value.path == ["lines", 1, "x", 1]
    with pytest.raises(InvoiceError) as info:
        _testing.value({1: "a"})
    assert info.value.code == "INP-02"
    with pytest.raises(InvoiceError) as info:
        _testing.value({"a": {"b": 2**200}})
    assert info.value.code == "INP-06" and info.value.path == ["a", "b"]


def test_deep_nesting_is_an_error_not_a_stack_overflow() -> None:
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert code_of(_testing.value, deep) == "INP-06"


def test_money_text_is_exact() -> None:
    assert _testing.money_text(Decimal("1E+3")) == "1000"
    assert _testing.money_text(Decimal("1.2300")) == "1.2300"
    assert _testing.money_text(Decimal("-1E-3")) == "-0.001"
    assert _testing.money_text(123) == "123"

def test_ill_formed_text_is_refused_not_rewritten() -> None:
    # A lone surrogate has no UTF-8 form: INP-07 naming it, never a U+FFFD.
    with pytest.raises(InvoiceError) as info:
        _testing.money_text("1\ud800")
    assert (info.value.code, info.value.params) == ("INP-07", {"unit": "U+D800"})
    # In a dict: at the value's path, or at the dict's for a key.
    with pytest.raises(InvoiceError) as info:
        _testing.value({"a": [{"b": "x\udfff"}]})
    assert (info.value.code, info.value.path) == ("INP-07", ["a", 0, "b"])
    with pytest.raises(InvoiceError) as info:
        _testing.value({"a": {"\udc80": 1}})
    assert (info.value.code, info.value.path) == ("INP-07", ["a"])
    # Well-formed text: a pair is one character; a real U+FFFD is kept.
    assert _testing.value({"k": "😀\ufffd"}) == {"k": "😀\ufffd"}


class _ShownDecimal(Decimal):
    def __str__(self) -> str:
        return "0"


def test_decimal_text_is_the_exact_positional_form() -> None:
    # The short path (str() read once) and the exact path agree with format(d, "f").
    for text in ["633.00", "-0.5", "0", "-0", "0.000001", "1E-7", "1E+3", "123.4500", "-1.23E+5", "9" * 40]:
        d = Decimal(text)
        assert _testing.value(d) == format(d, "f"), text
    # A subclass overriding __str__ is read by value, not by its str().
    assert _testing.value(_ShownDecimal("12.30")) == "12.30"
    for junk in [Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN")]:
        assert _testing.value(junk) == str(junk)
