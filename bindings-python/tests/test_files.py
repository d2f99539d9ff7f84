"""File reading from Python: read_file (bytes and paths), read_files (copies), and the
``python -m invoice_core check`` command over ../shared/fixtures (skipped when absent)."""

import datetime
import io
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import invoice_core
import invoice_core.__main__ as cli

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures"
needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason="../shared/fixtures not beside this clone")
QR = b"01,10,033002000211,83089647,510.68,20200723,16197833567414507415,0941,"


@needs_fixtures
def test_read_file_from_path_and_bytes_agree():
    p = FIXTURES / "legacy-ordinary-3pct.ofd"
    a = invoice_core.read_file(p)
    b = invoice_core.read_file(p.read_bytes())
    assert a.to_dict() == b.to_dict()
    assert a.format == "ofd_legacy"
    assert a.part == "Doc_0/Attachs/original_invoice.xml"
    inv = a.invoice
    assert inv is not None and inv.number == "83089647"
    assert str(inv.total) == "526.00"
    assert "tax_codes" in a.not_carried
    assert a.keys() == ["legacy:033002000211:83089647"]


@needs_fixtures
def test_accounting_facts_have_decimal_money():
    r = invoice_core.read_file(str(FIXTURES / "digital-special-xbrl-accounting.xml"))
    acc = r.accounting
    assert acc["booked"] is True and acc["buyer_state"] == "booked"
    from decimal import Decimal
    assert acc["transferred_out_amount"] == Decimal("1170.00")
    assert [f.code for f in r.findings] == ["READ-11", "READ-11", "READ-17"]


def test_not_an_invoice_raises_a_coded_error():
    with pytest.raises(invoice_core.InvoiceError) as e:
        invoice_core.read_file(b"%PDF-1.7")
    assert e.value.code == "READ-01"
    with pytest.raises(invoice_core.InvoiceError) as e:
        invoice_core.read_file(12)  # type: ignore[arg-type]
    assert e.value.code == "INP-02"
    with pytest.raises(invoice_core.InvoiceError) as e:
        invoice_core.read_file("/nonexistent/invoice.ofd")
    assert e.value.code == "READ-20"
    assert e.value.params["path"] == "/nonexistent/invoice.ofd"


@needs_fixtures
def test_read_files_finds_copies():
    b = invoice_core.read_files([FIXTURES / "legacy-ordinary-3pct.ofd", QR, b"junk bytes \x00\x01"])
    assert [f.reading is not None for f in b.files] == [True, True, False]
    assert b.files[2].error.code == "READ-01"
    assert b.copies == [{"key": "legacy:033002000211:83089647", "files": [0, 1], "consistent": True}]
    assert b.copy_of() == [None, 0, None]


def _check(args, tmp_path):
    out = io.StringIO()
    status = cli.run(["check", "--as-of", "2026-12-01", *args], out=out)
    return status, out.getvalue()


@needs_fixtures
def test_check_command_over_the_fixtures(tmp_path):
    d = tmp_path / "inbox"
    shutil.copytree(FIXTURES, d)
    (d / "README.md").unlink()
    (d / "scan.txt").write_bytes(QR)
    (d / "copy.pdf").write_bytes(b"%PDF-1.7 ...")
    status, text = _check(["--lang", "en", str(d)], tmp_path)
    assert "Copies of one invoice" in text
    assert "legacy:033002000211:83089647" in text
    assert "skipped" in text
    assert "Totals by month" in text
    assert status in (0, 1)
    # A file that is no invoice makes the status 2.
    (d / "broken.ofd").write_bytes(b"PK\x03\x04broken")
    status, _ = _check([str(d)], tmp_path)
    assert status == 2
    status, csv_text = _check(["--csv", str(d)], tmp_path)
    assert csv_text.splitlines()[0].startswith("file,status,format")


def test_check_command_runs_as_a_module(tmp_path):
    (tmp_path / "qr.txt").write_bytes(QR)
    p = subprocess.run([sys.executable, "-m", "invoice_core", "check", "--jsonl", str(tmp_path)],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    import json
    row = json.loads(p.stdout.splitlines()[0])
    assert row["format"] == "qr_text" and row["findings"] == []
