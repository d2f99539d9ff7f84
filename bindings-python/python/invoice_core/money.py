"""Money (金额): amounts, prices, quantities and tax rates as exact ``decimal.Decimal``.

Re-exports every public name of the Rust implementation (``invoice_core._native.money``, its
``__all__``); see their docstrings. The types are in ``money.pyi``.
"""

from invoice_core._native.money import *  # noqa: F403 (the area's __all__)
from invoice_core._native.money import __all__
