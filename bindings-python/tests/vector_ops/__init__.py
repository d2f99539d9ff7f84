"""The dispatch table of the shared vectors: op name -> Python callable.

Each area of the corpus has one module here defining ``OPS: dict[str, Callable[[Any], Any]]``;
a callable takes the case's (expanded) ``input`` and returns the op's plain-JSON output, calling
the public ``invoice_core`` API and converting only (``Decimal`` -> ``str``). A new area is one
new module added to ``AREAS``. An op no module knows fails its case (see ``test_vectors.py``).
"""

from typing import Any, Callable, Dict

from . import find, ids, kind, lifecycle, money, number, read, stats, tax, validate, verify, words

AREAS = [money, kind, ids, number, words, tax, validate, lifecycle, verify, stats, find, read]


def _merge() -> Dict[str, Callable[[Any], Any]]:
    ops: Dict[str, Callable[[Any], Any]] = {}
    for area in AREAS:
        for name, fn in area.OPS.items():
            if name in ops:
                raise AssertionError(f"op {name} defined twice (again in {area.__name__})")
            ops[name] = fn
    return ops


OPS = _merge()
