"""The error model: InvoiceError's attributes, str(e), paths, panics."""

import pickle
from decimal import Decimal

import pytest

import invoice_core
from invoice_core import InvoiceError, money
from invoice_core._native import _testing

from conftest import dotted


def test_is_a_value_error() -> None:
    assert issubclass(InvoiceError, ValueError)
    assert InvoiceError.__module__ == "invoice_core"
    assert InvoiceError.__doc__ and "code" in InvoiceError.__doc__
    with pytest.raises(ValueError):
        money.amount("x")


def test_attributes_and_str() -> None:
    with pytest.raises(InvoiceError) as info:
        money.amount("12.345")
    e = info.value
    assert e.code == "MNY-02"
    assert e.path == []
    assert e.params == {"value": "12.345", "max": "2"}
    assert e.message == "12.345 has more than 2 decimal places"
    assert "两位小数" in e.message_zh
    assert e.severity == "error"
    assert str(e) == "[MNY-02] 12.345 has more than 2 decimal places"
    assert e.args == (str(e),)


def test_path_is_a_list_of_keys_and_indexes() -> None:
    with pytest.raises(InvoiceError) as info:
        _testing.value({"lines": [{"amount": "1.00"}, {"amount": "2.00", "tax": 0.13}]})
    e = info.value
    assert e.code == "INP-01"
    assert e.path == ["lines", 1, "tax"]
    assert dotted(e.path) == "lines[1].tax"
    assert str(e).startswith("[INP-01] lines[1].tax: floats are not money")


def test_errors_pickle_with_their_attributes() -> None:
    with pytest.raises(InvoiceError) as info:
        money.amount(1.5)
    e2 = pickle.loads(pickle.dumps(info.value))
    assert type(e2) is InvoiceError
    assert (e2.code, e2.params, str(e2)) == ("INP-01", {"value": "1.5"}, str(info.value))


def test_a_panic_is_an_invoice_error_not_a_crash() -> None:
    with pytest.raises(InvoiceError) as info:
        _testing.panic()
    assert info.value.code == "INP-99"
    assert "deliberate panic" in info.value.params["reason"]
    # The module still works afterwards.
    assert money.amount("1") == Decimal("1.00")


def test_panic_is_caught_by_except_exception() -> None:
    try:
        _testing.panic()
    except Exception as e:  # pyo3's PanicException would escape this (it is a BaseException)
        assert isinstance(e, InvoiceError)
    else:
        pytest.fail("no exception")


def test_every_raised_code_is_in_the_catalogue() -> None:
    codes = {r["code"] for r in invoice_core.rules()}
    for bad in ["x", "1.234", 1.5, None, "1" * 20, Decimal("NaN")]:
        with pytest.raises(InvoiceError) as info:
            money.amount(bad)
        assert info.value.code in codes
