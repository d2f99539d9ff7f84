"""Identifier ops (vectors/ids.json) over ``invoice_core.uscc``, ``org_code``, ``ric`` and
``taxpayer_id``."""

from typing import Any, Callable, Dict, List

from invoice_core import Finding, org_code, ric, taxpayer_id, uscc


def _warnings(ws: List[Finding]) -> List[Dict[str, Any]]:
    return [{"code": w.code, "severity": w.severity, "params": w.params} for w in ws]


OPS: Dict[str, Callable[[Any], Any]] = {}

for _family, _mod in [("uscc", uscc), ("org_code", org_code), ("ric", ric), ("taxpayer_id", taxpayer_id)]:
    for _name in ["compact", "validate", "validate_strict", "is_valid", "format"]:
        OPS[f"{_family}.{_name}"] = getattr(_mod, _name)

OPS.update(
    {
        "uscc.calc_check_digit": uscc.calc_check_digit,
        "uscc.parts": uscc.parts,
        "uscc.warnings": lambda x: _warnings(uscc.warnings(x)),
        "org_code.calc_check_digit": org_code.calc_check_digit,
        "org_code.parts": org_code.parts,
        "ric.calc_check_digit": ric.calc_check_digit,
        "ric.parts": ric.parts,
        "ric.to_18": ric.to_18,
        "ric.validate_as_of": lambda x: ric.validate_as_of(x["value"], x["as_of"]),
        "taxpayer_id.classify": taxpayer_id.classify,
        "taxpayer_id.warnings": lambda x: _warnings(taxpayer_id.warnings(x)),
    }
)
