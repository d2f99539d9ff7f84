"""invoice-core inside DuckDB, Polars and Apache Spark (引擎集成): thin recipes over
``invoice_core.arrow``. Each engine hands Arrow batches to the columnar API and takes its Arrow
results back; nothing here decides anything about an invoice.

- DuckDB: ``register_duckdb(con)`` adds scalar Arrow functions (``uscc_valid(tax_id)``,
  ``amount_in_words(total)``, …) to a connection; ``validate_duckdb(con, query, as_of)``
  validates a query's rows into a ``findings`` table the SQL can join.
- Polars: ``register_polars()`` adds the ``.invoice`` expression namespace
  (``pl.col("tax_id").invoice.uscc_valid()``), built on ``Expr.map_batches`` over the Arrow
  path (a compiled expression plugin would need pyo3-polars, whose pyo3 cannot share this
  workspace's; see docs/at-scale.md).
- Spark: ``spark_validate(df, as_of)`` runs ``mapInArrow`` and returns the findings DataFrame;
  ``spark_udfs()`` gives ``arrow_udf`` column functions (PySpark ≥ 4.1).

The engines are imported when a function is called, never when this module is imported.
"""

from __future__ import annotations

import datetime
from typing import Any, Callable, Dict, List, Union

from invoice_core import arrow as _arrow

#: The findings table as a Spark DDL schema (the same columns as ``arrow.findings_schema()``).
FINDINGS_DDL = (
    "invoice_id string, row long, code string, severity string, path string, "
    "message string, message_zh string"
)

_ID_KINDS = ("uscc", "org_code", "ric", "taxpayer_id")


def _pa_array(x: Any) -> Any:
    """A pyarrow Array of an Arrow result (an Array, or a ChunkedArray combined)."""
    import pyarrow as pa

    if hasattr(x, "__arrow_c_array__"):
        return pa.array(x)
    return pa.chunked_array(x).combine_chunks()


# ------------------------------------------------------------------------------------ DuckDB


def _one_arg(fn: Callable[[Any, str], Any], kind: str) -> Callable[[Any], Any]:
    """fn with its kind bound, as a function of exactly one parameter (DuckDB counts them)."""

    def call(values: Any) -> Any:
        return fn(values, kind)

    return call


def register_duckdb(con: Any) -> List[str]:
    """Registers scalar Arrow functions on a DuckDB connection and returns their names:

    for each identifier kind (uscc, org_code, ric, taxpayer_id) ``<kind>_valid`` (VARCHAR →
    BOOLEAN), ``<kind>_compact`` (VARCHAR → VARCHAR) and ``<kind>_error`` (VARCHAR → the ID- code,
    NULL when valid); ``amount_in_words`` (DECIMAL(38,2) → VARCHAR; DuckDB casts other decimals
    to it), ``words_to_amount`` (VARCHAR → DECIMAL(38,2)), ``dedupe_key`` (VARCHAR → VARCHAR).
    """
    import duckdb

    try:  # DuckDB 2.0 moved the type constants from duckdb.typing to duckdb.sqltypes
        from duckdb.sqltypes import BOOLEAN, VARCHAR
    except ImportError:
        from duckdb.typing import BOOLEAN, VARCHAR

    money = duckdb.decimal_type(38, 2)
    fns: Dict[str, Any] = {}
    for kind in _ID_KINDS:
        fns[f"{kind}_valid"] = (_one_arg(lambda a, k: _pa_array(_arrow.id_valid(a, k)), kind), [VARCHAR], BOOLEAN)
        fns[f"{kind}_compact"] = (_one_arg(lambda a, k: _pa_array(_arrow.id_compact(a, k)), kind), [VARCHAR], VARCHAR)
        fns[f"{kind}_error"] = (
            _one_arg(lambda a, k: _pa_array(_arrow.id_validate(a, k, errors=True)).field("error"), kind),
            [VARCHAR],
            VARCHAR,
        )
    fns["amount_in_words"] = (lambda a: _pa_array(_arrow.amount_in_words(a)), [money], VARCHAR)
    fns["words_to_amount"] = (lambda a: _pa_array(_arrow.words_to_amount(a)), [VARCHAR], money)
    fns["dedupe_key"] = (lambda a: _pa_array(_arrow.dedupe_key(a)), [VARCHAR], VARCHAR)
    for name, (f, params, ret) in fns.items():
        # "special": the functions see nulls (and answer null for them and for refused cells).
        con.create_function(name, f, params, ret, type="arrow", null_handling="special")
    return list(fns)


def validate_duckdb(
    con: Any,
    query: Union[str, Any],
    as_of: Union[datetime.date, str],
    *,
    name: str = "findings",
    **options: Any,
) -> Any:
    """Validates the rows of query (SQL text or a DuckDB relation, in the invoice schema) and
    registers the findings table on the connection as name; returns it as a relation.
    options are arrow.validate's (lines=, seller_category=, …)."""
    rel = con.sql(query) if isinstance(query, str) else query
    findings = _arrow.validate(rel, as_of, **options)
    import pyarrow as pa

    con.register(name, pa.table(findings))
    return con.table(name)


# ------------------------------------------------------------------------------------ Polars


def _series(x: Any) -> Any:
    import polars as pl

    return pl.Series(x)


def register_polars(namespace: str = "invoice") -> None:
    """Adds the expression namespace (``pl.col("tax_id").invoice.uscc_valid()``) with
    ``id_valid(kind)``, ``uscc_valid()``, ``id_compact(kind)``, ``id_error(kind)``,
    ``amount_in_words(style)``, ``words_to_amount()``, ``dedupe_key()``, ``parse_qr()``,
    ``parse_invoice_code()``, ``parse_invoice_number()``."""
    import polars as pl

    def batches(fn: Callable[[Any], Any], dtype: Any = None) -> Callable[[Any], Any]:
        return lambda expr: expr.map_batches(lambda s: _series(fn(s)), return_dtype=dtype)

    class InvoiceNamespace:
        def __init__(self, expr: Any) -> None:
            self._expr = expr

        def id_valid(self, kind: str = "uscc") -> Any:
            return batches(lambda s: _arrow.id_valid(s, kind), pl.Boolean)(self._expr)

        def uscc_valid(self) -> Any:
            return self.id_valid("uscc")

        def id_compact(self, kind: str = "uscc") -> Any:
            return batches(lambda s: _arrow.id_compact(s, kind), pl.String)(self._expr)

        def id_error(self, kind: str = "uscc") -> Any:
            return batches(lambda s: _arrow.id_validate(s, kind, errors=True))(self._expr).struct.field("error")

        def amount_in_words(self, style: str = "invoice") -> Any:
            return batches(lambda s: _arrow.amount_in_words(s, style), pl.String)(self._expr)

        def words_to_amount(self) -> Any:
            return batches(_arrow.words_to_amount, pl.Decimal(38, 2))(self._expr)

        def dedupe_key(self) -> Any:
            return batches(_arrow.dedupe_key, pl.String)(self._expr)

        def parse_qr(self) -> Any:
            return batches(_arrow.parse_qr)(self._expr)

        def parse_invoice_code(self) -> Any:
            return batches(_arrow.parse_invoice_code)(self._expr)

        def parse_invoice_number(self) -> Any:
            return batches(_arrow.parse_invoice_number)(self._expr)

    pl.api.register_expr_namespace(namespace)(InvoiceNamespace)


# ------------------------------------------------------------------------------------ Spark


def _validate_batches(as_of: Union[datetime.date, str], options: Dict[str, Any]) -> Callable[[Any], Any]:
    def run(batches: Any) -> Any:
        import pyarrow as pa

        from invoice_core import arrow as a

        for b in batches:
            # Spark already runs one task per core: one thread per task.
            yield from pa.table(a.validate(b, as_of, threads=1, **options)).to_batches()

    return run


def spark_validate(df: Any, as_of: Union[datetime.date, str], **options: Any) -> Any:
    """The findings DataFrame (FINDINGS_DDL) of a Spark DataFrame in the invoice schema, through
    ``mapInArrow`` (the wheel must be installed on the executors). ``row`` counts within each
    Arrow batch; join on ``invoice_id``. options are arrow.validate's (seller_category=, …)."""
    return df.mapInArrow(_validate_batches(as_of, options), FINDINGS_DDL)


def _arrays_to_array(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """fn with the type hints arrow_udf reads its kind from (pyarrow.Array -> pyarrow.Array),
    set as objects: this module's annotations are strings, and pyarrow is imported lazily."""
    import pyarrow as pa

    def call(values: Any) -> Any:
        return fn(values)

    call.__annotations__ = {"values": pa.Array, "return": pa.Array}
    return call


def spark_udfs() -> Dict[str, Any]:
    """Column functions for Spark SQL as ``arrow_udf`` (PySpark ≥ 4.1): uscc_valid,
    org_code_valid, ric_valid, taxpayer_id_valid (string → boolean), amount_in_words
    (decimal(38,2) → string), dedupe_key (string → string)."""
    from pyspark.sql.functions import arrow_udf

    def udf(fn: Callable[[Any], Any], returns: str) -> Any:
        return arrow_udf(_arrays_to_array(fn), returns)

    out: Dict[str, Any] = {}
    for kind in _ID_KINDS:
        out[f"{kind}_valid"] = udf(_one_arg(lambda a, k: _pa_array(_arrow.id_valid(a, k)), kind), "boolean")
    out["amount_in_words"] = udf(lambda a: _pa_array(_arrow.amount_in_words(a)), "string")
    out["dedupe_key"] = udf(lambda a: _pa_array(_arrow.dedupe_key(a)), "string")
    return out


__all__ = [
    "FINDINGS_DDL",
    "register_duckdb",
    "register_polars",
    "spark_udfs",
    "spark_validate",
    "validate_duckdb",
]
