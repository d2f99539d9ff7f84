"""Ops of ``vectors/stats.json`` over ``invoice_core.stats``."""

from typing import Any, Callable, Dict

import invoice_core


def _compute(x: Dict[str, Any]) -> Dict[str, Any]:
    items = [(i["invoice"], i.get("status")) for i in x["invoices"]]
    try:
        return invoice_core.stats(items, own_tax_id=x.get("own_tax_id")).to_dict()
    except invoice_core.InvoiceError as e:
        # The runner places an item's error under invoices[i]; the Python API under [i].
        if e.path and isinstance(e.path[0], int):
            e.path.insert(0, "invoices")
        raise


OPS: Dict[str, Callable[[Any], Any]] = {
    "stats.compute": _compute,
}
