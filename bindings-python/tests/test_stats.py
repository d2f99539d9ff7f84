"""The stats binding: Decimal money, (invoice, status) items, warnings, errors at the index."""

from decimal import Decimal

import pytest

import invoice_core
from invoice_core import InvoiceError

OWN = "91310000580583950X"


def inv(number: str, seller: str, buyer: str, amount: str, tax: str, total: str) -> dict:
    return {
        "kind": "digital_special", "number": number, "issue_date": "2024-11-18",
        "seller": {"name": "S" + seller[-2:], "tax_id": seller}, "buyer": {"name": "B" + buyer[-2:], "tax_id": buyer},
        "lines": [{"name": "*服务*服务费", "amount": amount, "rate": "6%", "tax": tax}],
        "totals": {"amount": amount, "tax": tax, "total": total},
    }


def test_stats_mixed_items() -> None:
    a = inv("24312000000358032546", OWN, "91110108MA01XXXXX2", "100.00", "6.00", "106.00")
    b = inv("24312000000358032547", "91110108MA01XXXXX2", OWN, "200.00", "12.00", "212.00")
    draft = dict(a, number="24312000000358032548")
    del draft["totals"]
    s = invoice_core.stats([invoice_core.Invoice(a), (b, "normal"), (draft, None)], own_tax_id=OWN.lower())
    assert s.total == {"count": 2, "amount": Decimal("300.00"), "tax": Decimal("18.00"), "total": Decimal("318.00")}
    assert [g["key"] for g in s.by_direction] == ["income", "expense"]
    assert s.by_status[0]["key"] == "normal" and s.by_status[1]["key"] == "unknown"
    assert [w.code for w in s.warnings] == ["STA-01"] and s.warnings[0].path == [2]
    assert s.to_dict()["total"]["total"] == "318.00"
    assert "total=318.00" in repr(s)


def test_stats_errors() -> None:
    bad = inv("24312000000358032546", OWN, OWN, "100.00", "6.00", "106.00")
    bad["lines"][0]["amount"] = 1.5
    with pytest.raises(InvoiceError) as e:
        invoice_core.stats([bad])
    assert e.value.code == "INP-01" and e.value.path == [0, "lines", 0, "amount"]
    with pytest.raises(InvoiceError) as e:
        invoice_core.stats([("x", "normal", 3)])
    assert e.value.code == "INP-02" and e.value.path == [0]
    assert invoice_core.stats([]).total["count"] == 0
