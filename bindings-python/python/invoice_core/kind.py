"""Invoice kinds (发票种类) and their QR / 查验 (fplx) / 税控 (fpzl) code tables.

Re-exports of the Rust implementation (``invoice_core._native.kind``); see its docstrings.
"""

from invoice_core._native.kind import (
    check_qr,
    facts,
    from_code,
    from_qr,
    from_tax_control,
    from_verify,
    names,
    refine_qr,
)

__all__ = [
    "check_qr",
    "facts",
    "from_code",
    "from_qr",
    "from_tax_control",
    "from_verify",
    "names",
    "refine_qr",
]
