"""DuckDB: scalar Arrow functions in SQL over Parquet, and a table validated into findings."""

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

import invoice_core as ic
from invoice_core import arrow as ica
from invoice_core.datasets import AS_OF
from invoice_core.engines import register_duckdb, validate_duckdb

from conftest import findings_by_row


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    register_duckdb(c)
    return c


def test_scalar_functions_over_parquet(con: duckdb.DuckDBPyConnection, parquet_path: Path) -> None:
    rows = con.sql(
        f"SELECT seller_tax_id, uscc_valid(seller_tax_id) AS ok, uscc_error(seller_tax_id) AS err, "
        f"total, amount_in_words(total) AS words, words_to_amount(total_in_words) AS back "
        f"FROM read_parquet('{parquet_path}')"
    ).fetchall()
    assert len(rows) == 2000
    for tax_id, ok, err, total, words, back in rows:
        assert ok == ic.uscc.is_valid(tax_id)
        assert (err is None) == ok
        assert words == ic.amount_in_words(total)
    assert sum(1 for r in rows if not r[1]) == 50  # the planted bad ids
    mismatched = con.sql(
        f"SELECT count(*) FROM read_parquet('{parquet_path}') WHERE words_to_amount(total_in_words) <> total"
    ).fetchall()[0]
    assert mismatched == (50,)  # the planted 大写 mismatches


def test_nulls_and_dedupe_keys(con: duckdb.DuckDBPyConnection) -> None:
    got = con.sql(
        "SELECT uscc_valid(x), dedupe_key(x) FROM (VALUES (NULL), ('24312000000358032546')) t(x)"
    ).fetchall()
    assert got == [(None, None), (False, ic.dedupe_key("24312000000358032546")[0])]


def test_validate_into_a_findings_table(con: duckdb.DuckDBPyConnection, parquet_path: Path, dataset: pa.Table) -> None:
    validate_duckdb(con, f"SELECT * FROM read_parquet('{parquet_path}')", AS_OF)
    by_code = dict(con.sql("SELECT code, count(*) FROM findings WHERE severity = 'error' GROUP BY code").fetchall())
    ref = pa.table(ica.validate(dataset, AS_OF)).to_pylist()
    expected: dict = {}
    for r in ref:
        if r["severity"] == "error":
            expected[r["code"]] = expected.get(r["code"], 0) + 1
    assert by_code == expected
    joined = con.sql(
        f"SELECT count(DISTINCT i.invoice_id) FROM read_parquet('{parquet_path}') i "
        f"JOIN findings f USING (invoice_id) WHERE f.code = 'CAL-08'"
    ).fetchall()[0]
    assert joined is not None and joined[0] >= 50


def test_a_relation_is_read_directly(con: duckdb.DuckDBPyConnection, parquet_path: Path, dataset: pa.Table) -> None:
    rel = con.sql(f"SELECT * FROM read_parquet('{parquet_path}')")
    assert findings_by_row(ica.validate(rel, AS_OF)) == findings_by_row(ica.validate(dataset, AS_OF))
