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

This package holds no logic: everything is implemented in Rust (``invoice_core._native``). The
top level re-exports the native module's own names and every name of the flat areas below (each
area's ``__all__``, which pyo3 fills as the area registers its functions and classes), so a new
function in one of those areas appears here and in ``__all__`` by itself; its types go into
``__init__.pyi`` (``mypy.stubtest`` fails on a public name without one). The areas with a
namespace of their own (``money``, ``kind``, ``find``, ``lifecycle`` and the identifier schemes)
re-export theirs the same way in their module.
"""

from invoice_core import _native
from invoice_core._native import Finding, InvoiceError, Report, __version__, rule, rules
from invoice_core._native.lifecycle import Lifecycle
from invoice_core._types import TaxSplit
from invoice_core import find, kind, lifecycle, money, org_code, ric, taxpayer_id, uscc

# The native areas whose every name is a top-level name (invoice_core.validate,
# invoice_core.split_tax, ...). Their names must not collide with each other or with the names
# above (tests/test_registry.py checks it).
_FLAT_AREAS = ("invoice", "number", "words", "tax", "verify", "stats", "files")

__all__ = [
    "Finding",
    "InvoiceError",
    "Lifecycle",
    "Report",
    "TaxSplit",
    "__version__",
    "find",
    "kind",
    "lifecycle",
    "money",
    "org_code",
    "ric",
    "rule",
    "rules",
    "taxpayer_id",
    "uscc",
]


def _flatten() -> None:
    for area in _FLAT_AREAS:
        native = getattr(_native, area)
        for name in native.__all__:
            globals()[name] = getattr(native, name)
            __all__.append(name)
    __all__.sort()


_flatten()
del _flatten
