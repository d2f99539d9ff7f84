"""The columnar API (列式接口): invoice-core over Arrow columns and tables.

Every function takes any object that speaks the Arrow PyCapsule interface (``__arrow_c_array__``
or ``__arrow_c_stream__``: pyarrow arrays, chunked arrays, tables and record batches, Polars
series and data frames, DuckDB relations) and returns Arrow objects that speak it too
(``pyarrow.array(x)``, ``pyarrow.table(x)``, ``polars.Series(x)``, ``polars.DataFrame(x)`` and
DuckDB take them without a copy through Python objects). pyarrow is not needed to import or
call this module. The core runs with the GIL released, rows spread over the cores (``threads=``
caps the worker count).

Column operations: ``id_valid``, ``id_compact``, ``id_validate`` (kind ``uscc``, ``org_code``,
``ric``, ``taxpayer_id``), ``amount_in_words``, ``words_to_amount``, ``parse_invoice_code``,
``parse_invoice_number``, ``parse_qr``, ``dedupe_key``. A cell the core refuses is null (or, with
``errors=True`` / in the decoded structs, carries its code in ``error``); it never fails the batch.

Table operations over the published invoice schema (``invoice_schema()``; lines as a
``list<struct>`` column or a separate table, ``line_schema()``, joined by ``invoice_id``):
``validate`` → a findings table (``findings_schema()``), ``compute`` → (invoices, findings),
``stats`` → (groups, findings), ``duplicates`` → (groups, findings), ``to_dicts``, and
``read_files`` (invoice files or bytes → (invoices, reading findings)). A ``float``
money column is refused with ``INP-01`` naming the column.

Re-exports of the Rust implementation (``invoice_core._native.arrow``); see its docstrings and
docs/at-scale.md.
"""

from invoice_core._native.arrow import (
    amount_in_words,
    compute,
    dedupe_key,
    duplicates,
    findings_schema,
    id_compact,
    id_valid,
    id_validate,
    invoice_schema,
    line_schema,
    parse_invoice_code,
    parse_invoice_number,
    parse_qr,
    read_files,
    stats,
    to_dicts,
    validate,
    words_to_amount,
)

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
