"""invoice_core from Python: read invoices as JSON, compute them, validate them, print the
findings in Chinese and the 价税合计 in upper-case words (大写).

Run: python examples/python/invoices.py (after `pip install ./bindings-python`).
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import invoice_core
from invoice_core import Invoice, InvoiceError

HERE = Path(__file__).resolve().parent
AS_OF = date(2024, 12, 1)

# Invoices 01 and 02 give lines without taxes or totals: compute fills them in. 02's prices
# include tax (价税分离). Invoice 03 declares its own taxes and totals, with mistakes.
INCLUSIVE = {"02-tax-inclusive.json"}

invoices = []
for path in sorted((HERE / "invoices").glob("*.json")):
    data = json.loads(path.read_text(encoding="utf-8"))
    if "totals" not in data:
        computed = invoice_core.compute(data, prices_include_tax=path.name in INCLUSIVE)
        inv = computed.invoice
        rates = ", ".join(f"{r['rate']}: {r['amount']} + {r['tax']}" for r in computed.per_rate)
        print(f"{path.name}: computed per rate {rates}")
    else:
        inv = Invoice.from_dict(data)
    invoices.append((path.name, inv))

# One call for the whole batch (the GIL is released while the core validates).
reports = invoice_core.validate_many([inv for _, inv in invoices], as_of=AS_OF)

for (name, inv), report in zip(invoices, reports):
    print(f"\n== {name}  发票号码 {inv.number}  开票日期 {inv.issue_date}")
    print(f"   合计金额 ¥{inv.amount}  合计税额 ¥{inv.tax}  价税合计 ¥{inv.total}")
    total = inv.total if inv.total is not None else Decimal(0)
    print(f"   价税合计（大写）{invoice_core.amount_in_words(total)}")
    if inv.total_in_words and not invoice_core.words_match(inv.total_in_words, total):
        print(f"   declared 大写 {inv.total_in_words!r} does not state {total}")
    if report.valid:
        print("   校验通过" + (f"（{len(report.warnings)} 条提示）" if report.warnings else ""))
    for f in report.findings:
        level = "错误" if f.severity == "error" else "提示"
        print(f"   [{f.code}] {level} {f.location or '(整张发票)'}: {f.message_zh}")

# The first two are valid; the third has findings (future date, wrong taxes, bad seller id).
assert [r.valid for r in reports] == [True, True, False]
assert reports[2].findings

# A report can be turned into an exception when a script must stop on bad data.
try:
    reports[2].raise_for_errors()
except InvoiceError as e:
    print(f"\nraise_for_errors: {e}")

# The QR payload (二维码) of each invoice, and what parse_qr reads back from it.
print("\n== QR payloads")
payloads = {}
for name, inv in invoices:
    text = invoice_core.build_qr(inv)
    payloads[name] = text
    back = invoice_core.parse_qr(text)
    print(f"   {name}: {text}")
    print(f"      -> {back['kind']} {back['number']} {back['issue_date']} ¥{back['amount']} ({back['amount_meaning']})")
    assert back["number"] == inv.number and back["amount"] == inv.total  # 数电: 价税合计

# Duplicates (重复报销): the same invoice arriving twice, once as a pasted QR string from a
# scanner, once as a bare number typed in by hand.
pasted = payloads["01-software-service.json"]
batch = [inv for _, inv in invoices] + [pasted, "24312000000358032548"]
dups = invoice_core.find_duplicates(batch)
print(f"\n== duplicates among {len(batch)} items: {dups.groups}")
for group in dups.groups:
    print("   the same invoice: " + ", ".join(f"#{i} {invoice_core.dedupe_key(batch[i])[0]}" for i in group))
for index, finding in dups.errors:
    print(f"   item #{index} unreadable: [{finding.code}] {finding.message_zh}")
assert dups.groups == [[0, 3], [2, 4]] and not dups.errors
