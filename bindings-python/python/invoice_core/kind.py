"""Invoice kinds (发票种类) and their QR / 查验 (fplx) / 税控 (fpzl) code tables.

Re-exports of the Rust implementation (``invoice_core._native.kind``); see its docstrings.
"""

from invoice_core._native.kind import facts, from_qr, from_tax_control, from_verify, names

__all__ = ["facts", "from_qr", "from_tax_control", "from_verify", "names"]
