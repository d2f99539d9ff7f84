"""Unified social credit code (统一社会信用代码, GB 32100-2015), in python-stdnum"s vocabulary.

Re-exports of the Rust implementation (``invoice_core._native.uscc``); see its docstrings.
"""

from invoice_core._native.uscc import calc_check_digit, compact, format, is_valid, parts, validate, validate_strict, warnings

__all__ = ["calc_check_digit", "compact", "format", "is_valid", "parts", "validate", "validate_strict", "warnings"]
