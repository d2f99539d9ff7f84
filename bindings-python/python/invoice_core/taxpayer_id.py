"""Taxpayer identification number (纳税人识别号), in python-stdnum"s vocabulary.

Re-exports every public name of the Rust implementation (``invoice_core._native.taxpayer_id``, its
``__all__``); see their docstrings. The types are in ``taxpayer_id.pyi``.
"""

from invoice_core._native.taxpayer_id import *  # noqa: F403 (the area's __all__)
from invoice_core._native.taxpayer_id import __all__
