"""Invoice kinds (发票种类) and their QR / 查验 (fplx) / 税控 (fpzl) code tables.

Re-exports every public name of the Rust implementation (``invoice_core._native.kind``, its
``__all__``); see their docstrings. The types are in ``kind.pyi``.
"""

from invoice_core._native.kind import *  # noqa: F403 (the area's __all__)
from invoice_core._native.kind import __all__
