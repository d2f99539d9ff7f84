"""The rule catalogue as Python sees it."""

import re

import pytest

import invoice_core
from invoice_core import InvoiceError


def placeholders(t: str) -> list:
    """The named values a message uses; a Chinese message may use a value's Chinese form
    (``{reason_zh}`` for ``{reason}``, CAL-09)."""
    return sorted({re.sub(r"_zh$", "", p) for p in re.findall(r"\{(\w+)\}", t)})


def test_codes_unique_and_well_formed() -> None:
    rules = invoice_core.rules()
    codes = [r["code"] for r in rules]
    assert len(codes) == len(set(codes)), "duplicate codes"
    for c in codes:
        assert re.fullmatch(r"[A-Z]+-\d{2,}", c), c


def test_both_messages_present_with_same_placeholders() -> None:
    for r in invoice_core.rules():
        assert set(r) == {"code", "severity", "en", "zh"}
        assert r["severity"] in ("error", "warning")
        assert r["en"].strip() and r["zh"].strip(), r["code"]
        assert re.search(r"[\u4e00-\u9fff]", r["zh"]), r["code"]
        assert placeholders(r["en"]) == placeholders(r["zh"]), r["code"]


def test_the_binding_codes_exist() -> None:
    for code in ["INP-01", "INP-02", "INP-05", "INP-06", "INP-99", "MNY-01", "MNY-02", "MNY-03", "MNY-04"]:
        r = invoice_core.rule(code)
        assert r is not None and r["code"] == code


def test_rule_lookup() -> None:
    assert invoice_core.rule("XX-00") is None
    assert invoice_core.rule("") is None
    assert invoice_core.rules()[0] == invoice_core.rule(invoice_core.rules()[0]["code"])
    with pytest.raises(InvoiceError) as info:
        invoice_core.rule(1)  # type: ignore[arg-type]
    assert info.value.code == "INP-02"
