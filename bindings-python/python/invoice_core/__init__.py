"""invoice_core: the Chinese VAT invoice (发票 / fapiao) domain, exact and pure (Rust core).

Areas are submodules named as the shared test vectors name their ops (``money.amount`` is
``invoice_core.money.amount``):

- ``invoice_core.money``: amounts, prices, quantities, tax rates as ``decimal.Decimal``;
  half-up rounding (四舍五入).
- ``invoice_core.kind``: invoice kinds (发票种类) and their QR / 查验 (fplx) / 税控 (fpzl) codes.
- ``rules()`` / ``rule(code)``: the rule catalogue (规则目录) of every error code.

Every failure is an ``InvoiceError`` (a ``ValueError``) with ``code``, ``path``, ``message``,
``message_zh``, ``params`` and ``severity``. Floats are never money: pass a ``Decimal`` or a
string (a float raises ``INP-01``).

This package holds no logic: everything is implemented in Rust (``invoice_core._native``) and
re-exported here.
"""

from invoice_core._native import InvoiceError, __version__, rule, rules
from invoice_core import kind, money

__all__ = ["InvoiceError", "__version__", "kind", "money", "rule", "rules"]
