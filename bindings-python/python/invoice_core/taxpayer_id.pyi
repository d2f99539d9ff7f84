"""Taxpayer identification number (纳税人识别号)."""

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

def classify(value: str) -> Dict[str, Any]:
    """code, form and, where the form has them, region, organization_code, resident_id, suffix."""

def warnings(value: str) -> List[Finding]:
    """Warnings about a valid identifier, as Finding objects."""

__all__ = ["classify", "compact", "format", "is_valid", "validate", "validate_strict", "warnings"]
