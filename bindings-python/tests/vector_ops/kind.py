"""``kind.*`` ops (vectors/number.json) over ``invoice_core.kind``.

``kind.from_code``, ``kind.refine_qr`` and ``kind.check_qr`` need the core's invoice-code parser
(the number module); they are added here when it is wrapped.
"""

from typing import Any, Callable, Dict

from invoice_core import kind

OPS: Dict[str, Callable[[Any], Any]] = {
    "kind.from_qr": kind.from_qr,
    "kind.from_verify": kind.from_verify,
    "kind.from_tax_control": kind.from_tax_control,
    "kind.facts": kind.facts,
}
