"""Type stubs of invoice_core (checked against the built module by mypy.stubtest)."""

from typing import Dict, List, Optional, Union

from invoice_core import kind as kind
from invoice_core import money as money

__version__: str

class InvoiceError(ValueError):
    """An invoice-core error or finding; str(e) is '[CODE] path: message'."""

    code: str
    """Stable rule code, e.g. 'MNY-02' (see rules())."""
    path: List[Union[str, int]]
    """Keys and list indexes to the offending field; [] for the input as a whole."""
    message: str
    """The English message (without code and path)."""
    message_zh: str
    """The Chinese message (without code and path)."""
    params: Dict[str, str]
    """The rule's named values, as text."""
    severity: str
    """'error' or 'warning'."""

def rules() -> List[Dict[str, str]]:
    """Every rule: dicts with 'code', 'severity', 'en', 'zh'."""

def rule(code: str) -> Optional[Dict[str, str]]:
    """The rule with this code, or None."""

__all__ = ["InvoiceError", "__version__", "kind", "money", "rule", "rules"]
