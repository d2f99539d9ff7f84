"""Unified social credit code (统一社会信用代码, GB 32100-2015)."""

from datetime import date
from typing import Any, Dict, List, Optional, Union

from invoice_core import Finding

def compact(value: str) -> str:
    """Normalises: trims, drops whitespace and hyphens, full-width to half-width, upper-case."""

def validate(value: str) -> str:
    """The compact form of a valid identifier, else InvoiceError."""

def validate_strict(value: str) -> str:
    """The input when it is already compact and valid (no normalising), else InvoiceError."""

def is_valid(value: object) -> bool:
    """True for a str holding a valid identifier; False for anything else. Never raises."""

def format(value: str) -> str:
    """The printed form of a valid identifier."""

def calc_check_digit(value: str) -> str:
    """The check character (a one-character str) of the identifier's body."""

def parts(value: str) -> Dict[str, Any]:
    """code, authority, category, known_pair, table, region, province, organization_code, check."""

def warnings(value: str) -> List[Finding]:
    """Warnings about a valid identifier, as Finding objects."""

__all__ = ["calc_check_digit", "compact", "format", "is_valid", "parts", "validate", "validate_strict", "warnings"]
