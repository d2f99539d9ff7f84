"""Model and validation ops (vectors/rules/*.json) over ``invoice_core.Invoice`` and
``invoice_core.validate``."""

from typing import Any, Callable, Dict

import invoice_core


def _validate(x: Dict[str, Any]) -> Dict[str, Any]:
    report = invoice_core.validate(
        x["invoice"],
        as_of=x["as_of"],
        seller_category=x.get("seller_category"),
        issuing_limit=x.get("issuing_limit"),
        policy=x.get("policy"),
        not_carried=x.get("not_carried"),
    )
    findings = [{"code": f.code, "path": f.location, "severity": f.severity} for f in report.findings]
    return {"valid": report.valid, "findings": findings}


OPS: Dict[str, Callable[[Any], Any]] = {
    "invoice.parse": lambda x: invoice_core.Invoice.from_dict(x).to_dict(),
    "invoice.from_json": lambda x: invoice_core.Invoice.from_json(x).to_dict(),
    "invoice.validate": _validate,
}
