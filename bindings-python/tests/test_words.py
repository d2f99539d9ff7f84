"""大写金额 beyond the shared vectors: argument types, options, the bulk function."""

from decimal import Decimal

import pytest

from invoice_core import (
    InvoiceError,
    amount_in_words,
    amounts_in_words,
    read_words,
    words_match,
    words_to_amount,
)


def test_amount_in_words_types() -> None:
    assert amount_in_words("3550.70") == "叁仟伍佰伍拾圆零柒角整"
    assert amount_in_words(Decimal("3550.7")) == "叁仟伍佰伍拾圆零柒角整"
    assert amount_in_words(100) == "壹佰圆整"
    with pytest.raises(InvoiceError) as info:
        amount_in_words(3550.7)  # type: ignore[arg-type]
    assert info.value.code == "INP-01"


def test_options_mirror_the_core() -> None:
    assert amount_in_words("100", "accounting", rmb_prefix=True, whole="正") == "人民币壹佰元正"
    assert amount_in_words("1409.50", "pboc") == "壹仟肆佰零玖元伍角"
    assert amount_in_words("-500", negative="负").startswith("负")
    assert amount_in_words("31.245", excess="round") == "叁拾壹圆贰角伍分"
    assert amount_in_words("31.245", excess="truncate") == "叁拾壹圆贰角肆分"
    with pytest.raises(InvoiceError) as info:
        amount_in_words("31.245")
    assert info.value.code == "MNY-02"
    with pytest.raises(InvoiceError) as info:
        amount_in_words("1", "fancy")
    assert info.value.code == "INP-05"
    with pytest.raises(InvoiceError) as info:
        amount_in_words("1", rmb_prefix="yes")  # type: ignore[arg-type]
    assert info.value.code == "INP-02"


def test_words_to_amount_and_match() -> None:
    assert words_to_amount("ⓧ叁仟伍佰伍拾圆零柒角整") == Decimal("3550.70")
    assert words_match("叁仟伍佰伍拾元柒角", "3550.70") is True
    assert words_match("三仟", "3000") is False
    # Lenient by default (issue 15); the strict reader keeps the rules' refusals.
    assert words_to_amount("三仟伍佰伍拾圆整") == Decimal("3550.00")
    with pytest.raises(InvoiceError) as info:
        read_words("三仟伍佰伍拾圆整", "strict")
    assert info.value.code == "WRD-03"
    r = read_words("伍拾陆元柒角")
    assert r["amount"] == Decimal("56.70")
    assert [d["kind"] for d in r["deviations"]] == ["yuan_unit", "whole_after_jiao_missing"]
    with pytest.raises(InvoiceError) as info:
        read_words("壹圆整", "loose")
    assert info.value.code == "INP-05"


def test_bulk_in_order_from_any_iterable() -> None:
    amounts = [str(n) + ".05" for n in range(500)]
    got = amounts_in_words(a for a in amounts)
    assert got == [amount_in_words(a) for a in amounts]
    assert amounts_in_words([], "pboc") == []
    assert amounts_in_words(["1", 2, Decimal("3")], "accounting") == ["壹元整", "贰元整", "叁元整"]


def test_bulk_error_names_the_index() -> None:
    with pytest.raises(InvoiceError) as info:
        amounts_in_words(["1", "2", 3.0])  # type: ignore[list-item]
    assert (info.value.code, info.value.path) == ("INP-01", [2])
    with pytest.raises(InvoiceError) as info:
        amounts_in_words(["1", "1.234"])
    assert (info.value.code, info.value.path) == ("MNY-02", [1])
    for junk in ["12", b"12", {"a": 1}, 12, None]:
        with pytest.raises(InvoiceError) as info:
            amounts_in_words(junk)  # type: ignore[arg-type]
        assert info.value.code == "INP-02"
