"""Taxpayer identification number (纳税人识别号), in python-stdnum"s vocabulary.

Re-exports of the Rust implementation (``invoice_core._native.taxpayer_id``); see its docstrings.
"""

from invoice_core._native.taxpayer_id import classify, compact, format, is_valid, validate, validate_strict, warnings

__all__ = ["classify", "compact", "format", "is_valid", "validate", "validate_strict", "warnings"]
