"""Organisation code (组织机构代码, GB 11714-1997)."""

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

def parts(value: str) -> Dict[str, str]:
    """code, body, check, display."""

__all__ = ["calc_check_digit", "compact", "format", "is_valid", "parts", "validate", "validate_strict"]
