"""Invoice, compute, validate, is_valid, validate_many: dict and Decimal input, the float rule at
the right path, reports, input order and the GIL released during batch validation."""

import copy
import threading
import time
from datetime import date
from decimal import Decimal
from typing import Any, Dict

import pytest

import invoice_core
from invoice_core import Invoice, InvoiceError, Report, compute, is_valid, validate, validate_many

AS_OF = date(2024, 12, 1)


def sample() -> Dict[str, Any]:
    return {
        "kind": "digital_ordinary",
        "number": "24312000000358032546",
        "issue_date": date(2024, 11, 18),
        "seller": {"name": "上海七牛信息技术有限公司", "tax_id": "91310000580583950X"},
        "buyer": {"name": "张三", "type": "natural_person"},
        "lines": [
            {
                "name": "*信息技术服务*软件服务",
                "tax_code": "3040201000000000000",
                "amount": Decimal("100.00"),
                "rate": "6%",
                "tax": "6.00",
            }
        ],
        "totals": {"amount": "100.00", "tax": 6, "total": "106.00", "total_in_words": "壹佰零陆圆整"},
    }


def five_lines() -> Dict[str, Any]:
    inv = sample()
    inv["lines"] = [dict(inv["lines"][0], amount="20.00", tax="1.20") for _ in range(5)]
    return inv


def test_valid_invoice() -> None:
    r = validate(sample(), as_of=AS_OF)
    assert isinstance(r, Report)
    assert r.valid is True and r.findings == [] and r.codes == []
    r.raise_for_errors()
    assert is_valid(sample(), as_of="2024-12-01") is True


def test_findings_carry_everything() -> None:
    r = validate(sample(), as_of=date(2024, 11, 1))
    assert r.codes == ["HDR-05"]
    f = r.findings[0]
    assert f.severity == "error" and f.message and f.message_zh and isinstance(f.params, dict)
    assert r.errors[0].code == "HDR-05" and r.warnings == []
    with pytest.raises(InvoiceError) as info:
        r.raise_for_errors()
    assert info.value.code == "HDR-05"
    assert r.to_dict()["findings"][0]["code"] == "HDR-05"


def test_float_amount_is_inp01_at_its_path() -> None:
    inv = sample()
    inv["lines"][0]["amount"] = 100.0
    r = validate(inv, as_of=AS_OF)
    assert not r.valid
    assert [(f.code, f.path) for f in r.findings] == [("INP-01", ["lines", 0, "amount"])]
    with pytest.raises(InvoiceError) as info:
        Invoice.from_dict(inv)
    assert (info.value.code, info.value.path) == ("INP-01", ["lines", 0, "amount"])
    assert is_valid(inv, as_of=AS_OF) is False


def test_reader_problems_are_findings() -> None:
    inv = sample()
    inv["lines"][0]["amout"] = "1.00"
    inv["totals"]["tax"] = float("nan")
    r = validate(inv, as_of=AS_OF)
    assert {f.location for f in r.findings} >= {"lines[0].amout"} or r.codes
    assert not r.valid


def test_model_round_trip_and_attributes() -> None:
    inv = Invoice.from_dict(sample())
    assert inv == Invoice(inv.to_dict()) == Invoice.from_json(inv.to_json())
    assert inv.kind == "digital_ordinary" and inv.number == "24312000000358032546"
    assert inv.issue_date == date(2024, 11, 18)
    assert (inv.amount, inv.tax, inv.total) == (Decimal("100.00"), Decimal("6.00"), Decimal("106.00"))
    assert inv.total_in_words == "壹佰零陆圆整" and inv.is_red is False and inv.code is None
    assert inv.lines[0]["amount"] == "100.00" and inv.seller["name"].startswith("上海")
    assert validate(inv, as_of=AS_OF).valid
    with pytest.raises(InvoiceError) as info:
        Invoice.from_json("{not json")
    assert info.value.code == "INP-03"


def test_compute_fills_taxes_totals_and_words() -> None:
    inv = sample()
    del inv["totals"]
    inv["lines"] = [
        {"name": "*信息技术服务*软件服务", "amount": "520.75", "rate": "6%"},
        {"name": "*日用品*杯子", "quantity": "3", "unit_price": "33.333333", "rate": "13%"},
    ]
    c = compute(inv)
    assert c.invoice.total == Decimal("665.00")
    assert c.invoice.total_in_words == "陆佰陆拾伍圆整"
    assert [r["tax"] for r in c.per_rate] == [Decimal("31.25"), Decimal("13.00")]
    assert c.tax_difference == Decimal("-0.005") and c.adjusted_lines == [] and c.split is None
    inclusive = compute({**inv, "lines": [dict(inv["lines"][0], amount="1000.00", rate="13%")]}, True)
    assert (inclusive.invoice.amount, inclusive.invoice.tax) == (Decimal("884.96"), Decimal("115.04"))
    with pytest.raises(InvoiceError) as info:
        compute({**inv, "lines": [{"name": "x", "rate": "6%"}]})
    assert (info.value.code, info.value.path) == ("CAL-01", ["lines", 0, "amount"])


def test_context_errors_raise() -> None:
    with pytest.raises(InvoiceError) as info:
        validate(sample(), as_of=None)  # type: ignore[arg-type]
    assert info.value.code == "INP-02"
    with pytest.raises(InvoiceError) as info:
        validate(sample(), as_of=AS_OF, seller_category="tiny")
    assert info.value.code == "INP-05"
    with pytest.raises(InvoiceError) as info:
        validate(sample(), as_of=AS_OF, policy={"line_tax_tolerance": 0.06})
    assert (info.value.code, info.value.path) == ("INP-01", ["policy", "line_tax_tolerance"])
    with pytest.raises(InvoiceError) as info:
        validate(sample(), as_of=AS_OF, policy={"nope": 1})
    assert info.value.code == "INP-05"
    assert validate(sample(), as_of=AS_OF, seller_category="general", issuing_limit="100000",
                    policy={"line_tax_tolerance": "0.06", "paper_line_limit": 8}).valid
    with pytest.raises(InvoiceError) as info:
        validate(sample(), as_of=AS_OF, not_carried=["tax_code"])
    assert info.value.code == "INP-05" and "tax_codes" in info.value.params["allowed"]
    with pytest.raises(InvoiceError) as info:
        validate(sample(), as_of=AS_OF, not_carried="tax_codes")
    assert info.value.code == "INP-02"


def test_a_day_alone_is_the_general_context() -> None:
    """`as_of` alone takes a shortcut (the day read, the default context): every answer, report
    or error, is the one the general options reader gives (an empty policy takes that route)."""
    from datetime import datetime

    def answer(**kw: Any) -> Any:
        try:
            r = validate(sample(), **kw)
        except InvoiceError as e:
            return ("error", e.code, e.path, e.message, e.params)
        return [(f.code, f.path, f.message, f.severity) for f in r.findings]

    days = [AS_OF, date(2024, 11, 17), date(2024, 11, 18), "2024-12-01", "2024-11-17",
            "2024-02-30", "2024-12-1", " 2024-12-01", "", "２０２４-12-01", "\ud800",
            datetime(2024, 12, 1, 8, 0), None, 20241201]
    for day in days:
        general = answer(as_of=day, policy={})
        assert answer(as_of=day) == general, day
    assert answer(as_of=date(2024, 11, 17)) != answer(as_of=AS_OF)
    assert answer(as_of="2024-02-30")[0] == "error"


def test_not_carried_lifts_only_absence() -> None:
    inv = sample()
    del inv["lines"][0]["tax_code"]
    assert [f.code for f in validate(inv, as_of=AS_OF).findings] == ["LIN-02"]
    assert validate(inv, as_of=AS_OF, not_carried=("tax_codes",)).valid
    assert is_valid(inv, as_of=AS_OF, not_carried={"tax_codes"})
    inv["lines"][0]["tax_code"] = "30704"
    assert not validate(inv, as_of=AS_OF, not_carried=["tax_codes"]).valid


def test_policy_changes_the_verdict() -> None:
    inv = sample()
    inv["lines"][0]["tax"] = "6.05"
    inv["totals"].update(tax="6.05", total="106.05", total_in_words="壹佰零陆圆零伍分")
    assert validate(inv, as_of=AS_OF).valid
    assert not validate(inv, as_of=AS_OF, policy={"line_tax_tolerance": "0.01"}).valid


def test_validate_many_in_input_order() -> None:
    bad = sample()
    bad["issue_date"] = "2025-01-01"
    items = [sample(), bad, Invoice.from_dict(sample()), None, {"kind": 3.5}, "text", 7]
    reports = validate_many(iter(items), as_of=AS_OF)
    assert len(reports) == len(items)
    assert [r.valid for r in reports] == [True, False, True, False, False, False, False]
    assert reports[1].codes == ["HDR-05"]
    for r, item in zip(reports, items):
        assert r.codes == validate(item, as_of=AS_OF).codes
    assert validate_many([], as_of=AS_OF) == []
    with pytest.raises(InvoiceError):
        validate_many(None, as_of=AS_OF)  # type: ignore[arg-type]


def test_validate_many_releases_the_gil() -> None:
    # Invoice objects: reading them under the GIL is a clone, so nearly all the call is the
    # core's validation, run with the GIL released; a Python thread must progress meanwhile.
    batch = [Invoice.from_dict(five_lines())] * 20000
    count = 0
    stop = False

    def spin() -> None:
        nonlocal count
        while not stop:
            count += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        time.sleep(0.05)
        before = count
        reports = validate_many(batch, as_of=AS_OF)
        during = count - before
    finally:
        stop = True
        t.join()
    assert len(reports) == len(batch) and all(r.valid for r in reports)
    assert during > 1000, f"the other thread advanced only {during} times during validate_many"


def test_huge_and_nested_inputs_are_coded() -> None:
    # The core reads a dict by the model's own structure (four levels at most), so nesting
    # under a key it does not know is never walked: the key is named, and the reading goes on.
    deep: Dict[str, Any] = {}
    for _ in range(200):
        deep = {"a": deep}
    r = validate(deep, as_of=AS_OF)
    assert [(f.code, f.path) for f in r.findings][:2] == [("MDL-01", ["a"]), ("INP-04", ["kind"])]
    inv = sample()
    inv["seller"] = dict(inv["seller"], a=deep)
    r = validate(inv, as_of=AS_OF)
    assert [(f.code, f.path) for f in r.findings] == [("MDL-01", ["seller", "a"])]
    cyclic = sample()
    cyclic["buyer"]["self"] = cyclic
    r = validate(cyclic, as_of=AS_OF)
    assert [(f.code, f.path) for f in r.findings] == [("MDL-01", ["buyer", "self"])]
    inv = sample()
    inv["remarks"] = "备注" * 1_000_000
    assert isinstance(validate(inv, as_of=AS_OF), Report)
    many = copy.deepcopy(sample())
    many["lines"] = many["lines"] * 3000
    assert isinstance(validate(many, as_of=AS_OF).valid, bool)


def test_schema() -> None:
    schema = invoice_core.invoice_schema()
    assert "properties" in schema or "$defs" in schema
