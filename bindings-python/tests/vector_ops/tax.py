"""Tax ops (vectors/tax.json) over ``invoice_core.split_tax``, ``split_with_deduction``,
``line_tax``, ``compute`` and ``rates_in_force``."""

from typing import Any, Callable, Dict

import invoice_core
from invoice_core import money


def _split(s: invoice_core.TaxSplit) -> Dict[str, str]:
    return {"amount": str(s.amount), "tax": str(s.tax)}


def _compute(x: Dict[str, Any], with_lines: bool) -> Dict[str, Any]:
    c = invoice_core.compute(
        x["invoice"],
        prices_include_tax=x.get("prices_include_tax", False),
        redistribute=x.get("redistribute", False),
    )
    d = c.to_dict()
    inv = d.pop("invoice")
    d["totals"] = inv["totals"]
    if with_lines:
        d["lines"] = [
            {k: line[k] for k in ("amount", "tax", "unit_price") if k in line} for line in inv["lines"]
        ]
    return d


OPS: Dict[str, Callable[[Any], Any]] = {
    "tax.split": lambda x: _split(invoice_core.split_tax(x["gross"], x["rate"])),
    "tax.split_with_deduction": lambda x: _split(
        invoice_core.split_with_deduction(x["gross"], x["deduction"], x["rate"])
    ),
    "tax.line_tax": lambda x: str(invoice_core.line_tax(x["amount"], x["rate"], x.get("deduction"))),
    "tax.compute": lambda x: _compute(x, True),
    "tax.compute_summary": lambda x: _compute(x, False),
    "tax.rates_in_force": lambda x: [
        money.percent(r) for r in invoice_core.rates_in_force(x["date"], x.get("category"))
    ],
}
