"""Plain data types of invoice_core that are not native classes."""

from decimal import Decimal
from typing import NamedTuple


class TaxSplit(NamedTuple):
    """An amount split into its tax-exclusive part and its tax (价税分离), both Decimal."""

    amount: Decimal
    """金额 (tax excluded)."""
    tax: Decimal
    """税额."""


__all__ = ["TaxSplit"]
