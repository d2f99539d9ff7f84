"""Ops of ``vectors/lifecycle.json`` over ``invoice_core.lifecycle`` (the summary is built from the
``Lifecycle`` properties, as the Rust runner builds it from the core's accessors)."""

from typing import Any, Callable, Dict, List

from invoice_core import InvoiceError, lifecycle


def _summary(lc: lifecycle.Lifecycle) -> Dict[str, Any]:
    return {
        "seller_state": lc.seller_state,
        "buyer_state": lc.buyer_state,
        "use_purpose": lc.use_purpose,
        "lost": lc.lost,
        "remaining": str(lc.remaining),
        "reversed": str(lc.reversed),
        "history_len": len(lc.history),
        "red_invoices": [{"number": r["number"], "amount": str(r["amount"])} for r in lc.red_invoices],
        "slips": {s["slip_no"]: s["state_code"] for s in lc.slips},
        "info_tables": {t["table_no"]: t["state"] for t in lc.info_tables},
    }


def _run(x: Dict[str, Any]) -> Dict[str, Any]:
    lc = lifecycle.replay(x["kind"], x["amount"], x["events"])
    if "expire_overdue_at" in x:
        try:
            lc.expire_overdue(x["expire_overdue_at"])
        except InvoiceError as e:
            # expire_overdue(now) reports at its argument; the vector names the input key.
            e.path = ["expire_overdue_at", *e.path]
            raise
    return _summary(lc)


def _table(x: Dict[str, Any]) -> List[Dict[str, Any]]:
    if x["from"] is None:
        rows = [r for r in lifecycle.table() if r["from"] is None]
    else:
        rows = lifecycle.table(x["from"])
    return [{"event": r["event"], "to": r["to"], "guards": r["guards"]} for r in rows]


OPS: Dict[str, Callable[[Any], Any]] = {
    "lifecycle.run": _run,
    "lifecycle.table": _table,
}
