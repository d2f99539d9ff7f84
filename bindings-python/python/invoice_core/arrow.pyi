"""The columnar API (列式接口): invoice-core over Arrow columns and tables (PyCapsule interface)."""

from datetime import date
from typing import Any, Dict, List, Optional, Protocol, Tuple, Union

class _ArrowArrayExportable(Protocol):
    """An object with ``__arrow_c_array__`` (a pyarrow Array or RecordBatch, ...)."""

    def __arrow_c_array__(self, requested_schema: Optional[object] = None) -> Tuple[object, object]: ...

class _ArrowStreamExportable(Protocol):
    """An object with ``__arrow_c_stream__`` (a pyarrow Table, a Polars DataFrame or Series, a
    DuckDB relation, ...)."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...

class _ArrowSchemaExportable(Protocol):
    """An object with ``__arrow_c_schema__`` (pass it to ``pyarrow.schema``)."""

    def __arrow_c_schema__(self) -> object: ...

_ArrowData = Union[_ArrowArrayExportable, _ArrowStreamExportable]
"""Arrow data in: an array, a stream, a table or a record batch."""

_Column = Any
"""Arrow data out: an ``Array`` (``__arrow_c_array__``) or, for a stream input, a ``ChunkedArray``
(``__arrow_c_stream__``)."""

_Table = Any
"""A table out (``__arrow_c_stream__``): ``pyarrow.table(t)``, ``polars.DataFrame(t)``."""

def id_valid(values: _ArrowData, kind: Optional[str] = "uscc", *, threads: Optional[int] = None) -> _Column:
    """bool per cell: a valid identifier of kind (uscc, org_code, ric, taxpayer_id); null stays null."""

def id_compact(values: _ArrowData, kind: Optional[str] = "uscc", *, threads: Optional[int] = None) -> _Column:
    """The compact form of each cell (never fails on text)."""

def id_validate(
    values: _ArrowData, kind: Optional[str] = "uscc", *, errors: bool = False, threads: Optional[int] = None
) -> _Column:
    """The compact form of each valid identifier, null where invalid; errors=True: struct {value, error}."""

def amount_in_words(
    values: _ArrowData, style: Optional[str] = "invoice", *, errors: bool = False, threads: Optional[int] = None
) -> _Column:
    """大写 of each amount (decimal128, decimal text or integers; float columns raise INP-01)."""

def words_to_amount(values: _ArrowData, *, errors: bool = False, threads: Optional[int] = None) -> _Column:
    """decimal128(38, 2) amount of each 大写 text; null where unreadable; errors=True: struct {value, error}."""

def parse_invoice_code(values: _ArrowData, *, threads: Optional[int] = None) -> _Column:
    """struct {code, format, kind, region_code, region_zh, region_en, year, batch, copies, kind_digit,
    amount_version, suffix, variant, error} per 发票代码."""

def parse_invoice_number(values: _ArrowData, *, threads: Optional[int] = None) -> _Column:
    """struct {number, format, year, region_code, region_zh, region_en, channel, sequence, error} per 发票号码."""

def parse_qr(values: _ArrowData, *, threads: Optional[int] = None) -> _Column:
    """struct {type, version, kind_code, qr_kind, kind, code, number, amount, amount_meaning, issue_date,
    check_code, hash, error} per QR text."""

def dedupe_key(values: _ArrowData, *, errors: bool = False, threads: Optional[int] = None) -> _Column:
    """The duplicate key of each QR text or bare number; null where unreadable."""

def validate(
    invoices: _ArrowData,
    as_of: Union[date, str],
    *,
    lines: Optional[_ArrowData] = None,
    seller_category: Optional[str] = None,
    issuing_limit: Any = None,
    policy: Optional[Dict[str, Any]] = None,
    threads: Optional[int] = None,
) -> _Table:
    """The findings table (invoice_id, row, code, severity, path, message, message_zh) of a table of invoices."""

def compute(
    invoices: _ArrowData,
    *,
    lines: Optional[_ArrowData] = None,
    prices_include_tax: bool = False,
    redistribute: bool = False,
    threads: Optional[int] = None,
) -> Tuple[_Table, _Table]:
    """(computed invoices in the published schema, findings of the rows the core refused)."""

def stats(
    invoices: _ArrowData,
    *,
    lines: Optional[_ArrowData] = None,
    own_tax_id: Optional[str] = None,
    threads: Optional[int] = None,
) -> Tuple[_Table, _Table]:
    """(groups: dimension, key, name, count, amount, tax, total; findings)."""

def duplicates(
    invoices: _ArrowData, *, lines: Optional[_ArrowData] = None, threads: Optional[int] = None
) -> Tuple[_Table, _Table]:
    """(groups: group, row, invoice_id per member of each duplicate group; findings)."""

def to_dicts(invoices: _ArrowData, *, lines: Optional[_ArrowData] = None) -> List[Dict[str, Any]]:
    """The rows as invoice dicts in the core's JSON shape (what validate_many reads)."""

def read_files(
    files: Any,
    *,
    names: Optional[List[str]] = None,
    as_of: Union[date, str, None] = None,
    threads: Optional[int] = None,
) -> Tuple[_Table, _Table]:
    """(invoices: one row per file with format, source_part, qr_text; reading findings). files is an
    Arrow binary column or a list of bytes and paths."""

def invoice_schema() -> _ArrowSchemaExportable:
    """The published invoice table schema (invoice_id, header columns, lines list<struct>)."""

def line_schema() -> _ArrowSchemaExportable:
    """The schema of a separate lines table (invoice_id, line columns)."""

def findings_schema() -> _ArrowSchemaExportable:
    """The schema of a findings table."""

__all__ = [
    "amount_in_words",
    "compute",
    "dedupe_key",
    "duplicates",
    "findings_schema",
    "id_compact",
    "id_valid",
    "id_validate",
    "invoice_schema",
    "line_schema",
    "parse_invoice_code",
    "parse_invoice_number",
    "parse_qr",
    "read_files",
    "stats",
    "to_dicts",
    "validate",
    "words_to_amount",
]
