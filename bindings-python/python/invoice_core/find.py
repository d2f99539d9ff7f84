"""Finding invoices (发票查找): what a person typed, where the invoice is, and why it is not there.

- ``normalise_query(code=..., number=..., ...)`` / ``normalise_fields(mapping)``: the text typed
  into a lookup form → a clean query, every correction reported (``FND-01``…``FND-10``: full-width
  digits, a 数电 number in the code field, swapped code and number, lost zeros, pasted QR
  payloads, written dates, the whole check code) and unfixable input as coded errors.
- ``search(records, filter)``: records (invoices with their status) by number, code (exact,
  prefix or one typo), dates, kinds, statuses, parties and 价税合计 ranges.
- ``diagnose(query, as_of, ...)``: every plausible reason a lookup finds nothing
  (为什么查不到我的发票: same-day, too old, a typo, voided, red-flushed, another buyer, the wrong
  fifth element, another region …), each a ``Finding`` with English and Chinese messages;
  ``diagnose_lookup(mapping)`` takes the same as one JSON-like object.
- ``build_number`` / ``next_number`` / ``number_parts``: 20-digit 数电 numbers.
- ``export_csv`` / ``export_jsonl``: invoices, validation reports or statistics as text.

Re-exports every public name of the Rust implementation (``invoice_core._native.find``, its
``__all__``); see their docstrings. The types are in ``find.pyi``.
"""

from invoice_core._native.find import *  # noqa: F403 (the area's __all__)
from invoice_core._native.find import __all__
