"""Unified social credit code (统一社会信用代码, GB 32100-2015), in python-stdnum"s vocabulary.

Re-exports every public name of the Rust implementation (``invoice_core._native.uscc``, its
``__all__``); see their docstrings. The types are in ``uscc.pyi``.
"""

from invoice_core._native.uscc import *  # noqa: F403 (the area's __all__)
from invoice_core._native.uscc import __all__
