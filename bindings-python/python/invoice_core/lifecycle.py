"""The invoice lifecycle (发票生命周期): ``Lifecycle``, ``replay``, ``table``.

A ``Lifecycle(kind, amount)`` holds the seller's and the buyer's states of one blue invoice, its
red-letter documents (数电 确认单, legacy 红字信息表), the red invoices against it and its history.
``apply(event)`` takes one event dict ``{"event": "issue", "actor": "seller", "at": datetime,
...}`` and returns the transition; a refusal raises ``InvoiceError`` with its ``LCY-`` code and
changes nothing.

Re-exports every public name of the Rust implementation (``invoice_core._native.lifecycle``, its
``__all__``); see their docstrings. The types are in ``lifecycle.pyi``.
"""

from invoice_core._native.lifecycle import *  # noqa: F403 (the area's __all__)
from invoice_core._native.lifecycle import __all__
