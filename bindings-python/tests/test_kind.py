"""Invoice kinds and their code tables."""

import pytest

from invoice_core import InvoiceError, kind


def test_names_and_facts_round_trip() -> None:
    names = kind.names()
    assert len(names) == len(set(names)) >= 20
    for n in names:
        f = kind.facts(n)
        assert f["name"] == n
        assert set(f) == {"name", "zh", "en", "paper", "special", "deductible", "digital", "qr", "fplx", "fpzl"}
        for key in ("paper", "special", "deductible", "digital"):
            assert type(f[key]) is bool
        if f["qr"] is not None:
            # A toll invoice writes the e-普票's QR kind 10 (the real payload); the invoice code
            # refines it back (kind.refine_qr), so only that kind reads back as another.
            assert kind.from_qr(f["qr"]) == n or (n, kind.from_qr(f["qr"])) == ("toll", "electronic_ordinary")
        if f["fplx"] is not None:
            assert kind.from_verify(f["fplx"]) == n
        if f["fpzl"] is not None:
            assert kind.from_tax_control(f["fpzl"]) == n


def test_known_codes() -> None:
    assert kind.from_qr("31") == "digital_special"
    assert kind.from_qr("32") == "digital_ordinary"
    assert kind.from_verify("32") is None  # a raw code is not a kind by itself
    assert kind.from_verify("81") == "digital_special"
    assert kind.from_qr("99") is None
    assert kind.facts("special_paper")["zh"] == "增值税专用发票"


def test_unknown_name() -> None:
    with pytest.raises(InvoiceError) as info:
        kind.facts("SPECIAL_PAPER")
    assert info.value.code == "INP-05"
    assert "special_paper" in info.value.params["allowed"]
