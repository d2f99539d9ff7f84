"""Money (金额): exact decimal.Decimal amounts, prices, quantities, rates; half-up rounding."""

from decimal import Decimal
from typing import Union

_MoneyInput = Union[Decimal, str, int]
"""What money functions accept; a float raises InvoiceError INP-01."""

def amount(value: _MoneyInput) -> Decimal:
    """An amount with exactly two decimals (MNY-01/02/03)."""

def price(value: _MoneyInput) -> Decimal:
    """A unit price, up to 8 decimals, normalised."""

def quantity(value: _MoneyInput) -> Decimal:
    """A quantity, up to 8 decimals, normalised."""

def rate(value: _MoneyInput) -> Decimal:
    """A tax rate as a fraction ('13%' -> Decimal('0.13'))."""

def percent(value: _MoneyInput) -> str:
    """A tax rate as a percentage ('0.13' -> '13%')."""

def round_half_up(value: _MoneyInput, places: int) -> Decimal:
    """Rounds half-up (四舍五入, midpoints away from zero) to places decimals (0..=28)."""

__all__ = ["amount", "percent", "price", "quantity", "rate", "round_half_up"]
