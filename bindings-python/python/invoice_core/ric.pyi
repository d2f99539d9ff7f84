"""Resident identity card number (居民身份证号码, GB 11643-1999)."""

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

def parts(value: str) -> Dict[str, Optional[str]]:
    """code, form, area_code, province_code, holder, birth_date, sequence, sex, check."""

def to_18(value: str) -> str:
    """The 18-character form of a valid resident id."""

def validate_as_of(value: str, as_of: Union[date, str]) -> str:
    """As validate(), and the birth date must not be after as_of (ID-15)."""

__all__ = ["calc_check_digit", "compact", "format", "is_valid", "parts", "to_18", "validate", "validate_as_of", "validate_strict"]
