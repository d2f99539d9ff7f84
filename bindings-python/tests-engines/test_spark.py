"""Apache Spark in local[2]: mapInArrow over a generated Parquet dataset gives the findings that
validate_many gives on the same rows; arrow_udf column functions where PySpark has them."""

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest

import invoice_core as ic
from invoice_core import arrow as ica
from invoice_core.datasets import AS_OF
from invoice_core.engines import spark_udfs, spark_validate

from conftest import dotted

from pyspark.sql import SparkSession


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (
        SparkSession.builder.master("local[2]")
        .appName("invoice-core-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "700")
        .getOrCreate()
    )
    yield s
    s.stop()


def test_map_in_arrow_findings_match_validate_many(spark: SparkSession, parquet_path: Path, dataset) -> None:
    df = spark.read.parquet(str(parquet_path)).repartition(2)  # both local workers take part
    got = Counter((r.invoice_id, r.code, r.path) for r in spark_validate(df, AS_OF).collect())
    ids = dataset["invoice_id"].to_pylist()
    expected: Counter = Counter()
    for i, rep in enumerate(ic.validate_many(ica.to_dicts(dataset), as_of=AS_OF)):
        for f in rep.findings:
            expected[(ids[i], f.code, dotted(f.path))] += 1
    assert got == expected and sum(got.values()) >= 150  # 50 of each planted error


def test_arrow_udfs(spark: SparkSession, parquet_path: Path) -> None:
    u = spark_udfs()  # arrow_udf: PySpark >= 4.1 (the test script installs 4.3)
    rows = (
        spark.read.parquet(str(parquet_path))
        .select("seller_tax_id", "total", u["uscc_valid"]("seller_tax_id").alias("ok"),
                u["amount_in_words"]("total").alias("words"))
        .collect()
    )
    assert len(rows) == 2000
    for r in rows:
        assert r.ok == ic.uscc.is_valid(r.seller_tax_id)
        assert r.words == ic.amount_in_words(r.total)
