"""Resident identity card number (居民身份证号码, GB 11643-1999), in python-stdnum"s vocabulary.

Re-exports of the Rust implementation (``invoice_core._native.ric``); see its docstrings.
"""

from invoice_core._native.ric import calc_check_digit, compact, format, is_valid, parts, to_18, validate, validate_as_of, validate_strict

__all__ = ["calc_check_digit", "compact", "format", "is_valid", "parts", "to_18", "validate", "validate_as_of", "validate_strict"]
