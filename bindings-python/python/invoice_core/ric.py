"""Resident identity card number (居民身份证号码, GB 11643-1999), in python-stdnum"s vocabulary.

Re-exports every public name of the Rust implementation (``invoice_core._native.ric``, its
``__all__``); see their docstrings. The types are in ``ric.pyi``.
"""

from invoice_core._native.ric import *  # noqa: F403 (the area's __all__)
from invoice_core._native.ric import __all__
