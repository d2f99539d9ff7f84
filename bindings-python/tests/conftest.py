"""Shared helpers of the Python suite."""

from pathlib import Path
from typing import List, Union

import invoice_core

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "invoice-core" / "tests" / "vectors"


def pytest_report_header() -> List[str]:
    # Shows which build is under test: the installed wheel, never the source tree.
    return [f"invoice_core {invoice_core.__version__} from {Path(invoice_core._native.__file__).parent}"]


def dotted(path: List[Union[str, int]]) -> str:
    """``['lines', 2, 'tax']`` -> ``'lines[2].tax'`` (the core's Display of a path)."""
    out = ""
    for seg in path:
        if isinstance(seg, int):
            out += f"[{seg}]"
        else:
            out += seg if not out else f".{seg}"
    return out
