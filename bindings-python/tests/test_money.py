"""Money through Python: Decimal in and out, str and int in, floats and other types refused."""

from decimal import Decimal

import pytest

from invoice_core import InvoiceError, money


def code_of(fn, *args) -> str:
    with pytest.raises(InvoiceError) as info:
        fn(*args)
    return info.value.code


def test_results_are_decimals_with_the_right_scale() -> None:
    a = money.amount("12.3")
    assert type(a) is Decimal
    assert a == Decimal("12.30") and str(a) == "12.30"
    assert str(money.price("3.50000000")) == "3.5"
    assert str(money.quantity("-2.00000000")) == "-2"
    assert money.rate("13%") == Decimal("0.13") and type(money.rate("13%")) is Decimal
    assert money.percent(Decimal("0.015")) == "1.5%"


@pytest.mark.parametrize(
    "value, expected",
    [
        (Decimal("12.3"), "12.30"),
        (Decimal("1E+3"), "1000.00"),  # exponent form of a Decimal is a value, not text
        (Decimal("1.2300"), "1.23"),
        (Decimal("-0.50"), "-0.50"),
        (12, "12.00"),
        (-7, "-7.00"),
        ("0007.10", "7.10"),
    ],
)
def test_amount_accepts_decimal_str_int(value, expected) -> None:
    assert str(money.amount(value)) == expected


def test_decimal_keeps_exactness() -> None:
    # 0.1 + 0.2 in Decimal is exact; the float sum would not be.
    assert money.amount(Decimal("0.1") + Decimal("0.2")) == Decimal("0.30")
    assert code_of(money.amount, Decimal("12.345")) == "MNY-02"
    assert code_of(money.amount, Decimal("1E-30")) == "MNY-02"
    assert code_of(money.amount, Decimal("1E+16")) == "MNY-03"
    assert code_of(money.amount, Decimal("NaN")) == "MNY-01"
    assert code_of(money.amount, Decimal("-Infinity")) == "MNY-01"
    assert code_of(money.amount, Decimal("sNaN")) == "MNY-01"


@pytest.mark.parametrize("fn", [money.amount, money.price, money.quantity, money.rate, money.percent])
@pytest.mark.parametrize("value", [1.5, 0.0, float("nan"), float("inf"), -2.25])
def test_floats_are_refused_with_inp01(fn, value) -> None:
    with pytest.raises(InvoiceError) as info:
        fn(value)
    e = info.value
    assert e.code == "INP-01"
    assert "Decimal" in e.message and "string" in e.message
    assert e.params["value"] == repr(value)
    assert "浮点数" in e.message_zh


def test_float_refused_in_rounding_too() -> None:
    assert code_of(money.round_half_up, 2.675, 2) == "INP-01"


def test_bool_is_not_money() -> None:
    # bool is an int subclass, but True is never an amount: INP-02, not 1.00.
    assert code_of(money.amount, True) == "INP-02"
    assert code_of(money.amount, False) == "INP-02"


def test_huge_values() -> None:
    assert code_of(money.amount, 10**16) == "MNY-03"
    assert code_of(money.amount, 10**200) == "INP-06"  # beyond 128 bits: the binding's limit
    assert code_of(money.amount, Decimal("1E+999999999")) == "INP-06"  # not written out
    assert code_of(money.amount, "9" * 10_000_000) == "MNY-03"


@pytest.mark.parametrize(
    "value, places, expected",
    [
        ("31.245", 2, "31.25"),
        ("0.065", 2, "0.07"),
        ("-0.065", 2, "-0.07"),
        ("2.665", 2, "2.67"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-2.5"), 0, "-3"),
        (7, 2, "7"),
        ("0.0649999", 2, "0.06"),
    ],
)
def test_round_half_up(value, places, expected) -> None:
    got = money.round_half_up(value, places)
    assert type(got) is Decimal and str(got) == expected


@pytest.mark.parametrize("places", [-1, 29, True, "2", 2.0, None, 10**30])
def test_round_places_must_be_a_small_int(places) -> None:
    assert code_of(money.round_half_up, "1.5", places) == "INP-02"


def test_round_value_is_strict() -> None:
    assert code_of(money.round_half_up, "1e3", 2) == "MNY-01"
    assert code_of(money.round_half_up, "+1", 2) == "MNY-01"
    assert code_of(money.round_half_up, "0." + "1" * 29, 2) == "MNY-02"
    assert code_of(money.round_half_up, "9" * 40, 2) == "MNY-03"


def test_keyword_arguments() -> None:
    assert str(money.round_half_up(value="1.005", places=2)) == "1.01"
    assert str(money.amount(value="1")) == "1.00"
