"""``kind.*`` ops (vectors/number.json) over ``invoice_core.kind``."""

from typing import Any, Callable, Dict

from invoice_core import kind

OPS: Dict[str, Callable[[Any], Any]] = {
    "kind.from_qr": kind.from_qr,
    "kind.from_verify": kind.from_verify,
    "kind.from_tax_control": kind.from_tax_control,
    "kind.facts": kind.facts,
    "kind.from_code": kind.from_code,
    "kind.refine_qr": lambda x: kind.refine_qr(x["qr_kind"], x["code"]),
    "kind.check_qr": lambda x: kind.check_qr(x["qr_kind"], x["code"]),
}
