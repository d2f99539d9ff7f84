"""invoice_core: the Chinese VAT invoice (发票 / fapiao) domain, exact and pure (Rust core).

Identifiers, in python-stdnum's vocabulary (``compact``, ``validate``, ``is_valid``, ``format``,
``calc_check_digit``, ``parts``):

- ``invoice_core.uscc``: 统一社会信用代码; ``invoice_core.org_code``: 组织机构代码;
  ``invoice_core.ric``: 居民身份证号码; ``invoice_core.taxpayer_id``: 纳税人识别号.

Invoices:

- ``Invoice`` (``from_dict``/``to_dict``, ``from_json``/``to_json``), ``compute(invoice)``
  (line taxes, totals, 大写), ``validate(invoice, as_of=...)`` returning a ``Report`` of
  ``Finding`` objects, ``is_valid``, ``validate_many`` (GIL released).
- ``parse_invoice_code``, ``parse_invoice_number``, ``pad_invoice_number``: 发票代码 / 发票号码.
- ``amount_in_words`` / ``amounts_in_words`` / ``words_to_amount`` / ``read_words`` /
  ``words_match``: 大写金额.
- ``split_tax`` (价税分离), ``split_with_deduction`` (差额征税), ``line_tax``, ``rates_in_force``.
- ``invoice_core.money``: amounts, prices, quantities, tax rates as ``decimal.Decimal``;
  ``invoice_core.kind``: invoice kinds (发票种类) and their code tables.
- ``lifecycle``: ``Lifecycle(kind, amount)`` (发票生命周期: ``apply(event)``, states, 确认单 /
  红字信息表, history), ``lifecycle.replay``, ``lifecycle.table``.
- Verification (查验): ``check_code`` / ``verify_check_code`` (keyed 校验码, ``CheckCodeKey``),
  ``last6``, ``parse_qr`` / ``build_qr`` (二维码), ``verify_query``, ``precheck``, ``match_record``
  (``VerifyQuery``, ``VerifyOutcome``), ``dedupe_key`` / ``find_duplicates`` (GIL released).
- ``stats(invoices, own_tax_id=None)``: 发票统计 by month, kind, rate, status, counterparty and
  direction (GIL released).
- ``invoice_core.find``: 发票查找: ``normalise_query`` (what a person typed → a clean query, each
  correction reported), ``search``, ``diagnose`` (为什么查不到我的发票), ``build_number`` /
  ``next_number`` / ``number_parts`` (数电 numbers), ``export_csv`` / ``export_jsonl``.
- Files (读取发票文件): ``read_file(bytes_or_path)`` → ``Reading`` (数电 XML, OFD, MoF XBRL, QR
  text; the invoice, its source, QR, accounting facts and reading findings), ``read_files`` →
  ``Batch`` (GIL released; which files are copies of one invoice). ``python -m invoice_core
  check PATH...`` reads a folder, validates each file and prints a report.
- ``rules()`` / ``rule(code)``: the rule catalogue (规则目录) of every code.

Every failure is an ``InvoiceError`` (a ``ValueError``) with ``code``, ``path``, ``message``,
``message_zh``, ``params`` and ``severity``. Floats are never money: pass a ``Decimal`` or a
string (a float raises ``INP-01``).

This package holds no logic: everything is implemented in Rust (``invoice_core._native``) and
re-exported here.
"""

from invoice_core._native import Finding, InvoiceError, Report, __version__, rule, rules
from invoice_core._native.invoice import (
    Computed,
    Invoice,
    compute,
    invoice_schema,
    is_valid,
    validate,
    validate_many,
)
from invoice_core._native.number import (
    pad_invoice_number,
    parse_invoice_code,
    parse_invoice_number,
)
from invoice_core._native.lifecycle import Lifecycle
from invoice_core._native.files import Batch, FileReading, Reading, read_file, read_files
from invoice_core._native.stats import Stats, stats
from invoice_core._native.verify import (
    CheckCodeKey,
    DuplicateReport,
    VerifyOutcome,
    VerifyQuery,
    build_qr,
    check_code,
    check_code_message,
    dedupe_key,
    find_duplicates,
    last5,
    last6,
    match_record,
    parse_qr,
    precheck,
    verify_check_code,
    verify_query,
)
from invoice_core._native.tax import line_tax, rates_in_force, split_tax, split_with_deduction
from invoice_core._native.words import (
    amount_in_words,
    amounts_in_words,
    read_words,
    words_match,
    words_to_amount,
)
from invoice_core._types import TaxSplit
from invoice_core import find, kind, lifecycle, money, org_code, ric, taxpayer_id, uscc

__all__ = [
    "Batch",
    "CheckCodeKey",
    "Computed",
    "DuplicateReport",
    "FileReading",
    "Finding",
    "Invoice",
    "InvoiceError",
    "Lifecycle",
    "Reading",
    "Report",
    "Stats",
    "TaxSplit",
    "VerifyOutcome",
    "VerifyQuery",
    "__version__",
    "amount_in_words",
    "amounts_in_words",
    "build_qr",
    "check_code",
    "check_code_message",
    "compute",
    "dedupe_key",
    "find",
    "find_duplicates",
    "invoice_schema",
    "is_valid",
    "kind",
    "last5",
    "last6",
    "lifecycle",
    "line_tax",
    "match_record",
    "money",
    "org_code",
    "pad_invoice_number",
    "parse_invoice_code",
    "parse_invoice_number",
    "parse_qr",
    "precheck",
    "rates_in_force",
    "read_file",
    "read_files",
    "read_words",
    "ric",
    "rule",
    "rules",
    "split_tax",
    "split_with_deduction",
    "stats",
    "taxpayer_id",
    "uscc",
    "validate",
    "validate_many",
    "verify_check_code",
    "verify_query",
    "words_match",
    "words_to_amount",
]
