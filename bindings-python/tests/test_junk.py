"""Junk to every public function: a coded InvoiceError, or False from an is_* function; never a
crash, a TypeError or another exception type."""

import inspect
import re
from decimal import Decimal

import pytest

import invoice_core
from invoice_core import InvoiceError, find, kind, lifecycle, money, org_code, ric, taxpayer_id, uscc


class Weird:
    def __str__(self) -> str:
        raise RuntimeError("str() of junk must not be called")

    __repr__ = __str__


class StrSub(str):
    pass


def nested_dict(depth: int) -> dict:
    d: dict = {}
    for _ in range(depth):
        d = {"a": d}
    return d


JUNK = [
    None,
    b"",
    b"12.30",
    bytearray(b"1"),
    3.5,
    float("nan"),
    True,
    -1,
    10**400,
    Decimal("NaN"),
    Decimal("-1E+999999999"),
    "",
    " ",
    "NaN",
    "１２",
    "😀" * 50,
    "\x00",
    "\ud800",
    "9" * 10_000_000,
    StrSub("12.30"),
    {},
    nested_dict(10_000),
    [],
    [[[[]]]],
    (),
    {1, 2},
    object(),
    Weird(),
    int,
    lambda: None,
]

MODULES = [invoice_core, money, kind, uscc, org_code, ric, taxpayer_id, lifecycle, find]


def public_functions():
    out = []
    for mod in MODULES:
        for name in mod.__all__:
            obj = getattr(mod, name)
            if callable(obj) and not inspect.isclass(obj) and not inspect.ismodule(obj):
                out.append((f"{mod.__name__}.{name}", obj))
    # The constructors of the model class take data too.
    out.append(("invoice_core.Invoice.from_dict", invoice_core.Invoice.from_dict))
    out.append(("invoice_core.Invoice.from_json", invoice_core.Invoice.from_json))
    out.append(("invoice_core.Invoice", invoice_core.Invoice))
    # Lifecycle, check-code keys: constructors and the methods that take data.
    out.append(("invoice_core.Lifecycle", invoice_core.Lifecycle))
    out.append(("invoice_core.Lifecycle.from_dict", invoice_core.Lifecycle.from_dict))
    lc = invoice_core.Lifecycle("digital_special", "113.00")
    out.append(("invoice_core.Lifecycle().apply", lc.apply))
    out.append(("invoice_core.Lifecycle().expire_overdue", lc.expire_overdue))
    out.append(("invoice_core.CheckCodeKey", invoice_core.CheckCodeKey))
    out.append(("invoice_core.CheckCodeKey.from_hex", invoice_core.CheckCodeKey.from_hex))
    return out


FUNCTIONS = public_functions()
CODES = {r["code"] for r in invoice_core.rules()}


def test_there_are_functions_to_check() -> None:
    assert len(FUNCTIONS) >= 10


def arity(fn) -> int:
    return len(inspect.signature(fn).parameters)


def calls(fn, junk):
    """Ways to feed junk: every parameter junk at once (positional ones by position, keyword-only
    ones by name), and, for each optional parameter, that one alone."""
    params = list(inspect.signature(fn).parameters.values())
    pos = [p for p in params if p.kind is not p.KEYWORD_ONLY]
    kw = [p for p in params if p.kind is p.KEYWORD_ONLY]
    yield [junk] * len(pos), {p.name: junk for p in kw}
    required = [p for p in pos if p.default is p.empty]
    for p in params:
        if p.default is not p.empty:
            yield [junk] * len(required), {p.name: junk}


@pytest.mark.parametrize("name, fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_junk_gives_a_coded_error_or_false(name, fn) -> None:
    n = arity(fn)
    if n == 0:
        fn()  # nothing to feed: it must simply work
        return
    for junk in JUNK:
        for args, kwargs in calls(fn, junk):
            try:
                result = fn(*args, **kwargs)
            except InvoiceError as e:
                assert re.fullmatch(r"[A-Z]+-\d{2,}", e.code), (name, junk, e)
                assert e.code in CODES, (name, e)
                assert isinstance(e.path, list) and isinstance(e.params, dict)
                assert str(e).startswith(f"[{e.code}]")
                continue
            except BaseException as e:  # noqa: BLE001 - the point is that nothing else escapes
                pytest.fail(f"{name}({type(junk).__name__}, {sorted(kwargs)}) raised {type(e).__name__}: {e}")
            if name.rsplit(".", 1)[1].startswith("is_") and len(kwargs) == 0:
                assert result is False, (name, junk, result)


@pytest.mark.parametrize("name, fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_every_public_function_is_documented(name, fn) -> None:
    assert fn.__doc__ and len(fn.__doc__.strip()) > 20, name
    assert fn.__text_signature__, name


def test_every_module_is_documented() -> None:
    for mod in MODULES:
        assert mod.__doc__ and mod.__doc__.strip(), mod.__name__
    assert money.amount.__module__ == "invoice_core._native.money"
    assert invoice_core._native.money.__doc__ and "INP-01" in invoice_core._native.money.__doc__


def test_areas_are_reexported_whole_and_without_collisions() -> None:
    """The package's modules re-export their native area's __all__ (invoice_core/__init__.py): every
    native name is reachable as the same object, no name is listed twice, and no flat area's name
    shadows another name of the top level."""
    native = invoice_core._native
    assert len(invoice_core.__all__) == len(set(invoice_core.__all__))
    flat = [n for area in invoice_core._FLAT_AREAS for n in getattr(native, area).__all__]
    assert len(flat) == len(set(flat)), "two flat areas export one name"
    for area in invoice_core._FLAT_AREAS:
        for name in getattr(native, area).__all__:
            assert getattr(invoice_core, name) is getattr(getattr(native, area), name), name
            assert name in invoice_core.__all__
    for mod in MODULES[1:]:
        area = getattr(native, mod.__name__.rsplit(".", 1)[1])
        assert sorted(mod.__all__) == sorted(area.__all__), mod.__name__
        for name in area.__all__:
            assert getattr(mod, name) is getattr(area, name), (mod.__name__, name)
    # Names of the package's own that a flat area must not take over.
    own = {"Finding", "InvoiceError", "Report", "Lifecycle", "TaxSplit", "__version__", "rule", "rules"}
    own |= {m.__name__.rsplit(".", 1)[1] for m in MODULES[1:]}
    assert not own & set(flat)
