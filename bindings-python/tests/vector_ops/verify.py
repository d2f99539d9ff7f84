"""Ops of ``vectors/check_code.json``, ``qr.json``, ``verify.json`` and ``duplicates.json`` over
the top-level verification API of ``invoice_core`` (mirroring ``invoice-core/tests/runner/verify.rs``).
"""

from datetime import date
from decimal import Decimal
from typing import Any, Callable, Dict, Optional

import invoice_core


def plain(v: Any) -> Any:
    """Decimal -> str, date -> 'YYYY-MM-DD', recursively (the vectors' JSON form)."""
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def _key(x: Dict[str, Any]) -> invoice_core.CheckCodeKey:
    return invoice_core.CheckCodeKey.from_hex(x["key_hex"])


def _query_arg(x: Dict[str, Any]) -> Any:
    """A verify.query input: ``{qr}`` gives the QR text, ``{query}`` a stored query's dict,
    ``{invoice, car_price?}`` the query."""
    if "qr" in x:
        return x["qr"]
    if "query" in x:
        return x["query"]
    return invoice_core.verify_query(x["invoice"], car_price=x.get("car_price"))


def _options(x: Dict[str, Any]) -> Dict[str, Any]:
    o = x.get("options") or {}
    return {"look_back_years": o.get("look_back_years"), "same_day": o.get("same_day")}


def _precheck(x: Dict[str, Any]) -> Dict[str, Any]:
    out = invoice_core.precheck(_query_arg(x["query"]), x["as_of"], **_options(x))
    return {"outcome": "ok"} if out is None else out.to_dict()


def _match(x: Dict[str, Any]) -> Dict[str, Any]:
    rec: Optional[Dict[str, Any]] = x.get("record")
    out = invoice_core.match_record(
        _query_arg(x["query"]),
        None if rec is None else rec["invoice"],
        x["as_of"],
        status=None if rec is None else rec.get("status"),
        car_price=None if rec is None else rec.get("car_price"),
        **_options(x),
    )
    d = out.to_dict()
    # The object's attributes agree with its dict.
    assert d["outcome"] == out.outcome and d["status"] == out.status
    assert d["message"] == out.message and d["message_zh"] == out.message_zh
    return d


def _verify_query(x: Dict[str, Any]) -> Dict[str, Any]:
    if "qr" in x:
        q = invoice_core.verify_query(x["qr"])
    elif "query" in x:
        q = invoice_core.VerifyQuery.from_dict(x["query"])
    else:
        q = invoice_core.verify_query(x["invoice"], car_price=x.get("car_price"))
    d = q.to_dict()
    assert d["issue_date"] == q.issue_date.isoformat() and d["value"] == q.value
    return d


OPS: Dict[str, Callable[[Any], Any]] = {
    "check_code.generate": lambda x: invoice_core.check_code(x["invoice"], _key(x)),
    "check_code.verify": lambda x: invoice_core.verify_check_code(x["invoice"], x["code"], _key(x)),
    "check_code.message": lambda x: invoice_core.check_code_message(x["invoice"]),
    "check_code.last6": invoice_core.last6,
    "check_code.last5": invoice_core.last5,
    "qr.parse": lambda x: plain(invoice_core.parse_qr(x)),
    "qr.build": lambda x: invoice_core.build_qr(x["invoice"], x.get("hash")),
    "verify.query": _verify_query,
    "verify.precheck": _precheck,
    "verify.match": _match,
    "dedupe.key": invoice_core.dedupe_key,
    "dedupe.find": lambda x: invoice_core.find_duplicates(x).to_dict(),
}
