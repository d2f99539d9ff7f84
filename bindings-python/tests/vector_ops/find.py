"""Ops of ``vectors/find_*.json`` over ``invoice_core.find`` (mirroring
``invoice-core/tests/runner/find.rs``): the vectors' objects are the mappings the Python API
takes, and each op also checks that the keyword and object forms agree.
"""

from typing import Any, Callable, Dict, List

import invoice_core
from invoice_core import find

from .verify import plain

FIELDS = {"code", "number", "date", "amount", "total", "check_code", "buyer_tax_id", "kind", "qr"}
PARTS = {"year", "region", "channel", "sequence"}


def _brief_corrections(cs: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The vectors keep {field, from, to, code} of each correction."""
    for c in cs:
        assert set(c) == {"field", "from", "to", "code", "message", "message_zh"}, c
        assert c["message"] and c["message_zh"], c
    return [{k: c[k] for k in ("field", "from", "to", "code")} for c in cs]


def _normalised(x: Any) -> find.NormalisedQuery:
    n = find.normalise_fields(x)
    if isinstance(x, dict) and set(x) <= FIELDS:
        # The keyword form reads the same.
        assert find.normalise_query(**x).to_dict() == n.to_dict()
    return n


def _normalise(x: Any) -> Dict[str, Any]:
    n = _normalised(x)
    n.raise_for_errors()
    assert n.ok
    return {"query": plain(n.query), "corrections": _brief_corrections(n.corrections)}


def _normalise_all(x: Any) -> Dict[str, Any]:
    n = _normalised(x)
    return {
        "query": plain(n.query),
        "corrections": _brief_corrections(n.corrections),
        "errors": [{"code": e.code, "path": e.location} for e in n.errors],
    }


def _search(x: Dict[str, Any]) -> Any:
    return find.search(x["records"], x["filter"])


def _diagnose(x: Any) -> Dict[str, Any]:
    show = isinstance(x, dict) and bool(x.get("show_params"))
    lookup = {k: v for k, v in x.items() if k != "show_params"} if isinstance(x, dict) else x
    d = find.diagnose_lookup(lookup)
    if isinstance(x, dict) and set(lookup) <= {"query", "as_of", "platform", "records", "options"}:
        # The keyword form gives the same diagnosis.
        opts = x.get("options") or {}
        k = find.diagnose(
            x["query"],
            x["as_of"],
            platform=x.get("platform"),
            records=x.get("records"),
            same_day=opts.get("same_day"),
            look_back_years=opts.get("look_back_years"),
        )
        assert k.to_dict() == d.to_dict()
    out = []
    for f in d.findings:
        item: Dict[str, Any] = {"code": f.code, "path": f.location}
        assert f.message and f.message_zh
        if show:
            item["params"] = f.params
        out.append(item)
    assert d.codes == [f["code"] for f in out]
    return {"query": plain(d.query), "findings": out}


def _build(x: Any) -> str:
    got = find.build_number(x)
    if isinstance(x, dict) and set(x) == PARTS:
        assert find.build_number(**x) == got
        assert find.build_number(x["year"], x["region"], x["channel"], x["sequence"]) == got
    return got


def _export(x: Dict[str, Any], csv: bool) -> str:
    what = x["what"]
    invoices = x["invoices"]
    data: Any
    if what == "invoices":
        data = invoices
    elif what == "reports":
        data = [(inv, invoice_core.validate(inv, x["as_of"])) for inv in invoices]
    elif what == "stats":
        statuses = x.get("statuses") or []
        items = [(inv, statuses[i] if i < len(statuses) else None) for i, inv in enumerate(invoices)]
        data = invoice_core.stats(items, own_tax_id=x.get("own_tax_id"))
    else:
        raise AssertionError(f"unknown export {what}")
    try:
        return find.export_csv(data, x.get("lang", "zh")) if csv else find.export_jsonl(data)
    except invoice_core.InvoiceError as e:
        # The runner places an invoice's error under invoices[i]; the Python API under [i].
        if e.path and isinstance(e.path[0], int):
            e.path.insert(0, "invoices")
        raise


OPS: Dict[str, Callable[[Any], Any]] = {
    "find.normalise": _normalise,
    "find.normalise_all": _normalise_all,
    "find.search": _search,
    "find.diagnose": _diagnose,
    "find.build_number": _build,
    "find.number_parts": lambda x: find.number_parts(x),
    "find.next_number": lambda x: find.next_number(x),
    "find.export_csv": lambda x: _export(x, True),
    "find.export_jsonl": lambda x: _export(x, False),
}
