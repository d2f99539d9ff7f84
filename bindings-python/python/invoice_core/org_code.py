"""Organisation code (组织机构代码, GB 11714-1997), in python-stdnum"s vocabulary.

Re-exports of the Rust implementation (``invoice_core._native.org_code``); see its docstrings.
"""

from invoice_core._native.org_code import calc_check_digit, compact, format, is_valid, parts, validate, validate_strict

__all__ = ["calc_check_digit", "compact", "format", "is_valid", "parts", "validate", "validate_strict"]
