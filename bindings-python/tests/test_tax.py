"""Tax arithmetic: Decimal in and out, the named tuple, the float rule."""

from datetime import date
from decimal import Decimal

import pytest

import invoice_core
from invoice_core import InvoiceError, TaxSplit, line_tax, rates_in_force, split_tax, split_with_deduction


def test_split_tax_is_a_named_tuple_of_decimals() -> None:
    s = split_tax("1000.00", "13%")
    assert isinstance(s, TaxSplit) and isinstance(s.amount, Decimal)
    amount, tax = s
    assert (amount, tax) == (Decimal("884.96"), Decimal("115.04"))
    assert split_tax(Decimal("1000"), Decimal("0.13")) == s
    assert split_tax(1000, "0.13") == s


def test_float_is_refused() -> None:
    with pytest.raises(InvoiceError) as info:
        split_tax(1000.0, "13%")  # type: ignore[arg-type]
    assert info.value.code == "INP-01"
    with pytest.raises(InvoiceError) as info:
        split_tax("1000", 0.13)  # type: ignore[arg-type]
    assert info.value.code == "INP-01"


def test_deduction_and_line_tax() -> None:
    assert split_with_deduction("67.00", "66.46", "6%").tax == Decimal("0.03")
    assert line_tax("520.75", "6%") == Decimal("31.25")
    assert line_tax("100.00", "免税") == Decimal("0.00")
    assert line_tax("67.00", "6%", "66.46") == Decimal("0.03")


def test_rates_in_force() -> None:
    rates = rates_in_force(date(2024, 11, 18))
    assert Decimal("0.13") in rates and rates == sorted(rates)
    assert rates_in_force("2024-11-18", "general")
    with pytest.raises(InvoiceError) as info:
        rates_in_force(date(2024, 11, 18), "huge")
    assert info.value.code == "INP-05"
    assert invoice_core.money.percent(rates[-1]) == "13%"
