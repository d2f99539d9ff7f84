"""invoice-core inside DuckDB, Polars and Apache Spark: see engines.py."""

import datetime
from typing import Any, Dict, List, Union

FINDINGS_DDL: str

def register_duckdb(con: Any) -> List[str]:
    """Registers the scalar Arrow functions on a DuckDB connection; returns their names."""

def validate_duckdb(
    con: Any, query: Union[str, Any], as_of: Union[datetime.date, str], *, name: str = "findings", **options: Any
) -> Any:
    """Validates a query's rows and registers the findings table as name."""

def register_polars(namespace: str = "invoice") -> None:
    """Adds the .invoice expression namespace to Polars."""

def spark_validate(df: Any, as_of: Union[datetime.date, str], **options: Any) -> Any:
    """The findings DataFrame of a Spark DataFrame, through mapInArrow."""

def spark_udfs() -> Dict[str, Any]:
    """arrow_udf column functions (PySpark >= 4.1)."""

__all__ = [
    "FINDINGS_DDL",
    "register_duckdb",
    "register_polars",
    "spark_udfs",
    "spark_validate",
    "validate_duckdb",
]
