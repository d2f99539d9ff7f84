"""Invoice code and number ops (vectors/number.json) over ``invoice_core.parse_invoice_code``,
``parse_invoice_number`` and ``pad_invoice_number``."""

from typing import Any, Callable, Dict

import invoice_core


def _code(x: Any) -> Any:
    if isinstance(x, str):
        return invoice_core.parse_invoice_code(x)
    return invoice_core.parse_invoice_code(
        x["code"],
        max_year=x.get("max_year"),
        min_year_10=x.get("min_year_10"),
        min_year_12=x.get("min_year_12"),
    )


def _number(x: Any) -> Any:
    if isinstance(x, str):
        return invoice_core.parse_invoice_number(x)
    return invoice_core.parse_invoice_number(
        x["number"], max_year=x.get("max_year"), min_year=x.get("min_year")
    )


OPS: Dict[str, Callable[[Any], Any]] = {
    "invoice_code.parse": _code,
    "invoice_number.parse": _number,
    "invoice_number.pad": invoice_core.pad_invoice_number,
}
