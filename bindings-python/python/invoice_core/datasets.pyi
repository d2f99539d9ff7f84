"""Realistic invoice datasets (模拟发票数据集): see datasets.py."""

import datetime
from typing import Any, List, Optional, Tuple, Union

AS_OF: datetime.date
PROBLEMS: Tuple[str, ...]

def generate(
    rows: int,
    *,
    seed: int = 0,
    problems: float = 0.1,
    lines: Union[int, Tuple[int, int]] = (1, 8),
    start: int = 0,
) -> Any:
    """A pyarrow table of rows invoices in the invoice schema plus ``planted``."""

def write_parquet(
    path: str,
    rows: int,
    *,
    seed: int = 0,
    problems: float = 0.1,
    lines: Union[int, Tuple[int, int]] = (1, 8),
    slice_rows: int = 100_000,
) -> None:
    """Writes rows generated invoices to a Parquet file."""

def main(argv: Optional[List[str]] = None) -> None:
    """The command line: python -m invoice_core.datasets OUT --rows N."""
