"""Shared fixtures of the columnar and engine suites (run by scripts/test-engines.sh, in a venv
with pyarrow, Polars, DuckDB and PySpark)."""

from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import invoice_core as ic
from invoice_core import arrow as ica
from invoice_core.datasets import AS_OF, generate


def dotted(path: List[Any]) -> str:
    """['lines', 2, 'tax'] -> 'lines[2].tax' (the core's Display of a path)."""
    out = ""
    for seg in path:
        out += f"[{seg}]" if isinstance(seg, int) else (seg if not out else f".{seg}")
    return out


def findings_by_row(table: Any) -> Counter:
    """(row, code, path) of every finding of an arrow findings table, counted."""
    t = pa.table(table)
    return Counter(zip(t["row"].to_pylist(), t["code"].to_pylist(), t["path"].to_pylist()))


def expected_by_row(dicts: List[Dict[str, Any]], as_of: Any = AS_OF) -> Counter:
    """The same triples from validate_many over the rows as dicts (the reference)."""
    out: Counter = Counter()
    for row, rep in enumerate(ic.validate_many(dicts, as_of=as_of)):
        for f in rep.findings:
            out[(row, f.code, dotted(f.path))] += 1
    return out


@pytest.fixture(scope="session")
def dataset() -> pa.Table:
    """2 000 generated invoices (seed 7), 10 % planted problems."""
    return generate(2000, seed=7)


@pytest.fixture(scope="session")
def parquet_path(tmp_path_factory: pytest.TempPathFactory, dataset: pa.Table) -> Path:
    path = tmp_path_factory.mktemp("data") / "invoices.parquet"
    pq.write_table(dataset, path, row_group_size=500)
    return path


def split_lines(t: pa.Table) -> Tuple[pa.Table, pa.Table]:
    """The header table without lines and a separate lines table keyed by invoice_id."""
    rows = t.select(["invoice_id", "lines"]).to_pylist()
    lines = [dict(line, invoice_id=r["invoice_id"]) for r in rows for line in r["lines"]]
    return t.drop_columns(["lines"]), pa.Table.from_pylist(lines, schema=pa.schema(ica.line_schema()))


FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
"""Real invoice files (../shared/fixtures beside the clone), when present."""
