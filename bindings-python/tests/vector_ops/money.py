"""Ops of ``vectors/money.json`` over ``invoice_core.money``."""

from typing import Any, Callable, Dict

from invoice_core import money


def _rate(x: Any) -> Dict[str, str]:
    return {"fraction": str(money.rate(x)), "percent": money.percent(x)}


OPS: Dict[str, Callable[[Any], Any]] = {
    "money.amount": lambda x: str(money.amount(x)),
    "money.price": lambda x: str(money.price(x)),
    "money.quantity": lambda x: str(money.quantity(x)),
    "money.rate": _rate,
    # Positional text, as the core writes decimals (str() would give 1E-27 for tiny values).
    "money.round": lambda x: format(money.round_half_up(x["value"], x["places"]), "f"),
}
