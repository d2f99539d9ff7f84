"""invoice_core from Python: exact money, a coded error for a float, and invoice kinds.

Run: python examples/python/quickstart.py (after `pip install ./bindings-python`).
"""

from decimal import Decimal

import invoice_core
from invoice_core import InvoiceError, kind, money

# Money is Decimal in and out; strings and ints are accepted too.
amount = money.amount("520.75")
rate = money.rate("6%")
tax = money.round_half_up(amount * rate, 2)  # 31.245 -> 31.25, half-up (四舍五入)
print(f"amount {amount}, rate {money.percent(rate)}, tax {tax}")
assert tax == Decimal("31.25")

# Floats are not money: a float is refused with a coded error, in English and Chinese.
try:
    money.amount(12.3)  # type: ignore[arg-type]  # the stubs refuse floats too
except InvoiceError as e:
    print(f"{e.code}: {e.message} / {e.message_zh}")
    assert e.code == "INP-01"

# Every error has a stable code from the catalogue.
try:
    money.amount("12.345")
except InvoiceError as e:
    print(e)  # [MNY-02] 12.345 has more than 2 decimal places
    rule = invoice_core.rule(e.code)
    assert rule is not None and rule["severity"] == "error"

# Invoice kinds and their code tables: a QR payload's kind field '31' is a 数电 special invoice.
name = kind.from_qr("31")
assert name == "digital_special"
facts = kind.facts(name)
print(f"QR kind 31 is {facts['zh']} ({facts['en']}), 查验 code {facts['fplx']}")
