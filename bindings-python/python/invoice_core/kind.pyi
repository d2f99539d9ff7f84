"""Invoice kinds (发票种类) and their QR / 查验 (fplx) / 税控 (fpzl) code tables."""

from typing import Dict, List, Optional, Union

def names() -> List[str]:
    """The snake_case names of every kind."""

def facts(name: str) -> Dict[str, Union[str, bool, None]]:
    """name, zh, en, paper, special, deductible, digital, qr, fplx, fpzl of a kind (INP-05 if unknown)."""

def from_qr(code: str) -> Optional[str]:
    """The kind a QR payload's kind code names, or None."""

def from_verify(code: str) -> Optional[str]:
    """The kind a verification platform code (fplx) names, or None."""

def from_tax_control(code: str) -> Optional[str]:
    """The kind a 税控 code (fpzl) names, or None."""

def from_code(code: str) -> Optional[str]:
    """The kind an invoice code (发票代码) names, or None."""

def refine_qr(qr_kind: str, code: str) -> str:
    """The code's kind when it names one, else qr_kind."""

def check_qr(qr_kind: str, code: str) -> str:
    """As refine_qr; NUM-14 when the QR kind contradicts the code."""

__all__ = [
    "check_qr",
    "facts",
    "from_code",
    "from_qr",
    "from_tax_control",
    "from_verify",
    "names",
    "refine_qr",
]
