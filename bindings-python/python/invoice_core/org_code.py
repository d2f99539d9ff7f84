"""Organisation code (组织机构代码, GB 11714-1997), in python-stdnum"s vocabulary.

Re-exports every public name of the Rust implementation (``invoice_core._native.org_code``, its
``__all__``); see their docstrings. The types are in ``org_code.pyi``.
"""

from invoice_core._native.org_code import *  # noqa: F403 (the area's __all__)
from invoice_core._native.org_code import __all__
