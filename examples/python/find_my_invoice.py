"""找发票 (find my invoice): a person types a 数电 number with full-width digits into the 发票代码
field, the date the Chinese way and the 价税合计; invoice_core.find corrects the query and
explains, in Chinese, why the lookup finds nothing.

Run: python examples/python/find_my_invoice.py (after `pip install ./bindings-python`).
"""

from datetime import date

import invoice_core
from invoice_core import find

# What was typed: the 20-digit 数电 number (full-width, from a phone keyboard) in the code
# field, and one digit wrong at the end (…547 instead of …546).
typed = {
    "code": "２４３１２００００００３５８０３２５４７",
    "date": "2024年11月18日",
    "total": "633.00",
}

n = find.normalise_fields(typed)
print("更正：")
for c in n.corrections:
    print(f"  [{c['code']}] {c['message_zh']}")
print(f"查询：发票号码 {n.query['number']}，开票日期 {n.query['date']}")
assert n.ok and n.query["code"] is None
assert [c["code"] for c in n.corrections] == ["FND-01", "FND-03", "FND-06"]

# The records the platform (or one's own ledger) holds: the invoice that was meant.
stored = invoice_core.Invoice(
    {
        "kind": "digital_ordinary",
        "number": "24312000000358032546",
        "issue_date": "2024-11-18",
        "seller": {"name": "上海某某科技有限公司", "tax_id": "91310000580583950X"},
        "buyer": {"name": "张三"},
        "lines": [{"name": "*信息技术服务*软件服务", "amount": "560.18", "rate": "13%", "tax": "72.82"}],
        "totals": {"amount": "560.18", "tax": "72.82", "total": "633.00"},
    }
)

d = find.diagnose(typed, as_of=date(2024, 11, 26), platform="11", records=[stored])
print("诊断：")
for f in d.findings:
    print(f"  [{f.code}] {f.message_zh}")
# The corrections, a Shanghai (31) invoice looked up on the Beijing (11) platform, and the
# one-digit typo against the stored invoice.
assert d.codes == ["FND-01", "FND-03", "FND-06", "FND-43", "FND-35"], d.codes

# Typed again with the stored number, on the Shanghai platform: nothing left to explain.
again = find.diagnose(
    {"number": stored.number, "date": "2024-11-18", "total": "633.00"},
    as_of=date(2024, 11, 26),
    platform="31",
    records=[stored],
)
print("改正后：", "没有问题，发票可以查到" if not again.findings else again.codes)
assert again.codes == [] and again.matches == [0]
