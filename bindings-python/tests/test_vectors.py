"""The shared corpus (``invoice-core/tests/vectors/**/*.json``) through the Python API.

One test per case, id ``file:case-id``. An op the dispatch table does not know fails, so a vector
can never be skipped silently.
"""

import json
import struct
from typing import Any, Dict, List, Tuple

import pytest

from conftest import VECTORS, dotted
from vector_ops import OPS

import invoice_core


def expand(v: Any) -> Any:
    """Generated inputs, anywhere in the input: ``{"$repeat": s, "times": n}`` is ``s * n``;
    ``{"$repeat_item": x, "times": n}`` is a list of n copies of x; ``{"$utf16": [units]}`` is the
    str of those UTF-16 code units (a lone surrogate kept as it is); ``{"$entries": [[k, v], …]}``
    is a dict whose keys may be such strs."""
    if isinstance(v, dict):
        if "$utf16" in v:
            units = v["$utf16"]
            return struct.pack(f"<{len(units)}H", *units).decode("utf-16-le", "surrogatepass")
        if "$entries" in v:
            return {expand(k): expand(x) for k, x in v["$entries"]}
        if "$repeat_item" in v:
            return [expand(v["$repeat_item"]) for _ in range(int(v.get("times", 1)))]
        if "$repeat" in v:
            return v["$repeat"] * int(v.get("times", 1))
        return {k: expand(x) for k, x in v.items()}
    if isinstance(v, list):
        return [expand(x) for x in v]
    return v


def same(a: Any, b: Any) -> bool:
    """JSON equality that keeps bool, int and str apart (``True == 1`` is not a match)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def load() -> List[Tuple[str, str, Dict[str, Any]]]:
    files = sorted(VECTORS.rglob("*.json"))
    assert files, f"no vector files under {VECTORS}"
    cases = []
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        name = f.relative_to(VECTORS).as_posix()
        assert doc.get("sources"), f"{name} names no sources"
        for case in doc["cases"]:
            cases.append((name, case["id"], case))
    return cases


CASES = load()


def test_corpus_is_not_empty() -> None:
    assert len(CASES) > 0


def test_case_ids_unique_per_file() -> None:
    seen = set()
    for name, cid, _ in CASES:
        assert (name, cid) not in seen, f"duplicate case id {name}:{cid}"
        seen.add((name, cid))


@pytest.mark.parametrize("case", [c for _, _, c in CASES], ids=[f"{n}:{i}" for n, i, _ in CASES])
def test_vector(case: Dict[str, Any]) -> None:
    op = case["op"]
    fn = OPS.get(op)
    if fn is None:
        pytest.fail(f"unknown op {op!r}: add it to a module of bindings-python/tests/vector_ops/")
    assert ("expected" in case) != ("error" in case), "a case has exactly one of expected / error"
    data = expand(case.get("input"))
    if "expected" in case:
        got = fn(data)
        assert same(got, case["expected"]), f"expected {case['expected']!r}, got {got!r}"
    else:
        want = case["error"]
        with pytest.raises(invoice_core.InvoiceError) as info:
            got = fn(data)
            pytest.fail(f"expected error {want}, got {got!r}")
        e = info.value
        assert e.code == want["code"], f"expected {want['code']}, got {e}"
        if "path" in want:
            assert dotted(e.path) == want["path"], f"expected path {want['path']!r}, got {e}"
        if "message" in want:
            assert e.message == want["message"], f"expected message {want['message']!r}, got {e}"
        if "message_zh" in want:
            assert e.message_zh == want["message_zh"], f"expected {want['message_zh']!r}, got {e.message_zh!r}"
