"""The identifier areas beyond the shared vectors: stdnum-style behaviour, is_valid on any object,
decoding functions, warnings as Finding objects."""

from datetime import date

import pytest

import invoice_core
from invoice_core import InvoiceError, org_code, ric, taxpayer_id, uscc

USCC = "91310000580583950X"
RIC = "11010519491231002X"


def test_uscc_like_stdnum() -> None:
    assert uscc.compact(" 9131 0000-5805 8395 0x ") == USCC
    assert uscc.validate("91310000-580583950x") == USCC
    assert uscc.is_valid(USCC) is True
    assert uscc.format(USCC) == USCC
    assert uscc.calc_check_digit(USCC[:17]) == "X"
    parts = uscc.parts(USCC)
    assert parts["code"] == USCC and parts["organization_code"] == "580583950"


def test_uscc_errors_carry_codes() -> None:
    wrong = USCC[:17] + "0"
    with pytest.raises(InvoiceError) as info:
        uscc.validate(wrong)
    assert info.value.code == "ID-04"
    assert uscc.is_valid(wrong) is False
    with pytest.raises(InvoiceError) as info:
        uscc.validate_strict("91310000-580583950X")
    assert info.value.code in {"ID-01", "ID-02"}


@pytest.mark.parametrize("junk", [None, b"91310000580583950X", 3.5, 91310000580583950, [], {}, object()])
@pytest.mark.parametrize("mod", [uscc, org_code, ric, taxpayer_id])
def test_is_valid_is_false_for_any_object(mod, junk) -> None:
    assert mod.is_valid(junk) is False


def test_org_code() -> None:
    assert org_code.validate("58058395-0") == "580583950"
    assert org_code.format("580583950") == "58058395-0"
    assert org_code.calc_check_digit("58058395") == "0"
    assert org_code.parts("580583950")["display"] == "58058395-0"
    with pytest.raises(InvoiceError) as info:
        org_code.validate("58058395-X")
    assert (info.value.code, info.value.params.get("expected")) == ("ID-09", "0") or info.value.code == "ID-09"


def test_ric() -> None:
    assert ric.validate(RIC.lower()) == RIC
    assert ric.calc_check_digit(RIC[:17]) == "X"
    p = ric.parts(RIC)
    assert (p["birth_date"], p["sex"], p["form"]) == ("1949-12-31", "female", "18")
    assert ric.validate_as_of(RIC, date(2024, 1, 1)) == RIC
    with pytest.raises(InvoiceError) as info:
        ric.validate_as_of(RIC, date(1949, 12, 30))
    assert info.value.code == "ID-15"
    with pytest.raises(InvoiceError) as info:
        ric.validate_as_of(RIC, 20240101)
    assert info.value.code == "INP-02"


def test_taxpayer_id_and_warnings_are_findings() -> None:
    assert taxpayer_id.classify(USCC)["form"] == "uscc"
    ws = taxpayer_id.warnings(USCC)
    assert isinstance(ws, list)
    assert all(isinstance(w, invoice_core.Finding) for w in ws)


def test_finding_attributes() -> None:
    # A USCC whose authority/category pair the table does not list gives ID-06.
    for code in ["Z" + USCC[1:17], "9Z" + USCC[2:17]]:
        body = code
        try:
            full = body + uscc.calc_check_digit(body)
            ws = uscc.warnings(full)
        except InvoiceError:
            continue
        for w in ws:
            assert w.code == "ID-06" and w.severity == "warning"
            assert w.message and w.message_zh and isinstance(w.params, dict)
            assert isinstance(w.to_error(), InvoiceError)
            assert w.to_dict()["code"] == "ID-06"
