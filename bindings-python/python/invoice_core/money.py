"""Money (金额): amounts, prices, quantities and tax rates as exact ``decimal.Decimal``.

Re-exports of the Rust implementation (``invoice_core._native.money``); see its docstrings.
"""

from invoice_core._native.money import amount, percent, price, quantity, rate, round_half_up

__all__ = ["amount", "percent", "price", "quantity", "rate", "round_half_up"]
