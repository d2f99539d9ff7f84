"""The columnar API against the row API: every column and table operation gives what the core
gives row by row, through pyarrow objects."""

import datetime
import subprocess
import sys
from decimal import Decimal
from typing import Any, List, Optional

import pyarrow as pa
import pytest

import invoice_core as ic
from invoice_core import arrow as ica
from invoice_core.datasets import AS_OF, PROBLEMS, generate

from conftest import dotted, expected_by_row, findings_by_row, split_lines

IDS = ["91350100M000100Y43", "91310000580583950X", "91310000580583950Y", "9135 0100-M000100Y43",
       "", "short", None, "９１３５０１００Ｍ０００１００Ｙ４３", "110101199003077578", "11010119900307757X"]


def code_of(fn: Any, *args: Any) -> Optional[str]:
    try:
        fn(*args)
    except ic.InvoiceError as e:
        return e.code
    return None


@pytest.mark.parametrize("kind", ["uscc", "org_code", "ric", "taxpayer_id"])
def test_id_columns_match_the_row_api(kind: str) -> None:
    mod = getattr(ic, kind)
    arr = pa.array(IDS)
    valid = pa.array(ica.id_valid(arr, kind)).to_pylist()
    assert valid == [None if s is None else mod.is_valid(s) for s in IDS]
    compact = pa.array(ica.id_compact(arr, kind)).to_pylist()
    assert compact == [None if s is None else mod.compact(s) for s in IDS]
    checked = pa.array(ica.id_validate(arr, kind, errors=True)).to_pylist()
    for s, got in zip(IDS, checked):
        if s is None:
            assert got is None
        else:
            err = code_of(mod.validate, s)
            assert got == {"value": None if err else mod.validate(s), "error": err}


def test_streams_give_chunked_arrays_and_keep_chunks() -> None:
    chunked = pa.chunked_array([IDS[:4], IDS[4:]])
    out = pa.chunked_array(ica.id_valid(chunked))
    assert out.num_chunks == 2
    assert out.to_pylist() == pa.array(ica.id_valid(pa.array(IDS))).to_pylist()


def test_threads_do_not_change_results() -> None:
    big = pa.array(IDS * 20000)
    one = pa.array(ica.id_valid(big, threads=1))
    many = pa.array(ica.id_valid(big, threads=4))
    assert one.equals(many) and len(one) == len(big)


def test_amount_in_words_over_decimals_text_and_ints() -> None:
    amounts = ["0", "0.05", "3550.70", "-500", "100000000.01", "12.345", None]
    dec = [None if a is None or a == "12.345" else Decimal(a) for a in amounts]
    got = pa.array(ica.amount_in_words(pa.array(dec, pa.decimal128(38, 2)))).to_pylist()
    assert got == [None if d is None else ic.amount_in_words(d) for d in dec]
    text = pa.array(ica.amount_in_words(pa.array(amounts), errors=True)).to_pylist()
    for a, t in zip(amounts, text):
        if a is None:
            assert t is None
        else:
            err = code_of(ic.amount_in_words, a)
            assert t == {"value": None if err else ic.amount_in_words(a), "error": err}
    assert text[5]["error"] is not None  # 3 decimals are not money
    ints = pa.array(ica.amount_in_words(pa.array([1, 20], pa.int32()))).to_pylist()
    assert ints == [ic.amount_in_words(1), ic.amount_in_words(20)]
    pboc = pa.array(ica.amount_in_words(pa.array(["960.50"]), "pboc")).to_pylist()
    assert pboc == [ic.amount_in_words("960.50", style="pboc")]


def test_a_float_money_column_is_refused_naming_it() -> None:
    with pytest.raises(ic.InvoiceError) as e:
        ica.amount_in_words(pa.array([1.5, 2.0]))
    assert e.value.code == "INP-01"
    t = pa.table({"number": ["24312000000358032546"], "total": pa.array([106.0])})
    with pytest.raises(ic.InvoiceError) as e:
        ica.validate(t, AS_OF)
    assert e.value.code == "INP-01" and e.value.path == ["total"]
    lines = pa.array([[{"name": "x", "amount": 1.0}]])
    with pytest.raises(ic.InvoiceError) as e:
        ica.validate(pa.table({"lines": lines}), AS_OF)
    assert e.value.code == "INP-01" and e.value.path == ["lines", "amount"]


def test_not_arrow_data_is_inp_02() -> None:
    with pytest.raises(ic.InvoiceError) as e:
        ica.id_valid(["91350100M000100Y43"])
    assert e.value.code == "INP-02"
    with pytest.raises(ic.InvoiceError) as e:
        ica.validate({"kind": "x"}, AS_OF)
    assert e.value.code == "INP-02"


def test_words_to_amount() -> None:
    words = ["叁仟伍佰伍拾圆零柒角整", "壹佰零陆元整", "not words", None]
    got = pa.array(ica.words_to_amount(pa.array(words), errors=True)).to_pylist()
    for w, g in zip(words, got):
        if w is None:
            assert g is None
            continue
        err = code_of(ic.words_to_amount, w)
        assert g == {"value": None if err else ic.words_to_amount(w), "error": err}


def test_decoding_structs_match_the_row_api() -> None:
    codes = ["3100171320", "011001600111", "144031809110", "4403183130", "bad", None]
    got = pa.array(ica.parse_invoice_code(pa.array(codes))).to_pylist()
    for c, g in zip(codes, got):
        if c is None:
            assert g is None
            continue
        err = code_of(ic.parse_invoice_code, c)
        assert g["error"] == err
        if err is None:
            d = ic.parse_invoice_code(c)
            assert (g["code"], g["format"], g["kind"], g["year"]) == (d["code"], d["format"], d["kind"], d["year"])
            assert g["region_zh"] == d["region"]["zh"] and g["batch"] == d.get("batch")
    numbers = ["04138864", "26337904450900255091", "123"]
    got = pa.array(ica.parse_invoice_number(pa.array(numbers))).to_pylist()
    for n, g in zip(numbers, got):
        err = code_of(ic.parse_invoice_number, n)
        assert g["error"] == err
        if err is None:
            d = ic.parse_invoice_number(n)
            assert (g["number"], g["format"], g["year"]) == (d["number"], d["format"], d.get("year"))


def test_qr_and_dedupe_keys_match_the_row_api() -> None:
    qrs = ["01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,",
           "01,32,,24312000000358032546,106.00,20241118,,", "https://example.invalid/x", "1,2,3"]
    got = pa.array(ica.parse_qr(pa.array(qrs))).to_pylist()
    for q, g in zip(qrs, got):
        err = code_of(ic.parse_qr, q)
        assert g["error"] == err
        if err is None:
            d = ic.parse_qr(q)
            assert g["type"] == d["type"]
            if d["type"] == "invoice":
                assert (g["number"], g["amount"], g["issue_date"], g["kind"]) == (
                    d["number"], d["amount"], d["issue_date"], d["kind"])
    keys = pa.array(ica.dedupe_key(pa.array(qrs + ["24312000000358032546"]))).to_pylist()
    for q, k in zip(qrs + ["24312000000358032546"], keys):
        err = code_of(ic.dedupe_key, q)
        assert k == (None if err else ic.dedupe_key(q)[0])


def test_validate_table_matches_validate_many(dataset: pa.Table) -> None:
    dicts = ica.to_dicts(dataset)
    assert findings_by_row(ica.validate(dataset, AS_OF)) == expected_by_row(dicts)


def test_a_separate_lines_table_gives_the_same_findings(dataset: pa.Table) -> None:
    header, lines = split_lines(dataset)
    assert findings_by_row(ica.validate(header, AS_OF, lines=lines)) == findings_by_row(ica.validate(dataset, AS_OF))
    with pytest.raises(ic.InvoiceError) as e:
        ica.validate(header.drop_columns(["invoice_id"]), AS_OF, lines=lines)
    assert e.value.code == "INP-04"


def test_findings_carry_key_severity_and_both_languages(dataset: pa.Table) -> None:
    f = pa.table(ica.validate(dataset, AS_OF))
    assert f.schema.equals(pa.schema(ica.findings_schema()))
    ids = dataset["invoice_id"].to_pylist()
    for r in f.to_pylist()[:50]:
        assert r["invoice_id"] == ids[r["row"]]
        assert r["severity"] in ("error", "warning") and r["message"] and r["message_zh"]


def test_a_bad_cell_is_a_finding_at_its_row() -> None:
    t = generate(20, seed=3, problems=0)
    dates = t["issue_date"].cast(pa.string()).to_pylist()
    dates[5] = "2025-13-45"
    bad = t.set_column(t.schema.get_field_index("issue_date"), "issue_date", pa.array(dates))
    f = pa.table(ica.validate(bad, AS_OF)).to_pylist()
    assert {r["row"] for r in f if r["severity"] == "error"} == {5}
    assert [r["path"] for r in f if r["row"] == 5] == ["issue_date"]


def test_generated_rows_are_clean_unless_planted(dataset: pa.Table) -> None:
    planted = dataset["planted"].to_pylist()
    f = pa.table(ica.validate(dataset, AS_OF)).to_pylist()
    errors = {}
    for r in f:
        if r["severity"] == "error":
            errors.setdefault(r["row"], set()).add(r["code"])
    for row, what in enumerate(planted):
        if what in (None, "duplicate"):
            assert row not in errors, (row, errors.get(row))
    expect = {"bad_seller_id": "PTY-02", "wrong_tax": "CAL-03", "words_mismatch": "CAL-08"}
    for row, what in enumerate(planted):
        if what in expect:
            assert any(c.startswith(expect[what]) for c in errors.get(row, ())), (row, what, errors.get(row))
    counts = {p: planted.count(p) for p in PROBLEMS}
    assert counts == {p: 50 for p in PROBLEMS}  # 10 % of 2 000, split evenly


def test_generator_is_seeded() -> None:
    assert generate(50, seed=1).equals(generate(50, seed=1))
    assert not generate(50, seed=1).equals(generate(50, seed=2))
    kinds = set(generate(400, seed=1)["kind"].to_pylist())
    assert {"digital_special", "digital_ordinary", "special_paper", "ordinary_paper"} <= kinds


def test_compute_matches_the_row_api(dataset: pa.Table) -> None:
    raw = dataset.slice(0, 200).drop_columns(["amount", "tax", "total", "total_in_words"])
    out, findings = ica.compute(raw)
    assert pa.table(findings).num_rows == 0
    got = pa.table(out).to_pylist()
    for d, g in zip(ica.to_dicts(raw), got):
        c = ic.compute(d).invoice
        assert (g["amount"], g["tax"], g["total"], g["total_in_words"]) == (c.amount, c.tax, c.total, c.total_in_words)
        assert [line["tax"] for line in g["lines"]] == [Decimal(line["tax"]) for line in c.lines]


def test_compute_refusals_are_findings_rows_stay_aligned() -> None:
    t = generate(10, seed=2, problems=0).drop_columns(["amount", "tax", "total", "total_in_words"])
    lines = t["lines"].to_pylist()
    lines[3][0]["amount"] = None
    lines[3][0]["quantity"] = None
    t = t.set_column(t.schema.get_field_index("lines"), "lines", pa.array(lines, t.schema.field("lines").type))
    out, findings = ica.compute(t)
    out = pa.table(out)
    assert out.num_rows == 10 and out["total"].to_pylist()[3] is None
    assert [r["row"] for r in pa.table(findings).to_pylist()] == [3]


def test_stats_match_the_row_api(dataset: pa.Table) -> None:
    groups, findings = ica.stats(dataset, own_tax_id=dataset["seller_tax_id"][0].as_py())
    ref = ic.stats(ica.to_dicts(dataset), own_tax_id=dataset["seller_tax_id"][0].as_py())
    g = pa.table(groups).to_pylist()
    total = [r for r in g if r["dimension"] == "total"][0]
    assert (total["count"], total["amount"], total["tax"], total["total"]) == (
        ref.total["count"], ref.total["amount"], ref.total["tax"], ref.total["total"])
    by_kind = {r["key"]: (r["count"], r["total"]) for r in g if r["dimension"] == "by_kind"}
    assert by_kind == {r["key"]: (r["count"], r["total"]) for r in ref.by_kind}
    assert pa.table(findings).num_rows == 0


def test_duplicates_match_the_row_api(dataset: pa.Table) -> None:
    groups, findings = ica.duplicates(dataset)
    g = pa.table(groups).to_pylist()
    got: dict = {}
    for r in g:
        got.setdefault(r["group"], []).append(r["row"])
    ref = ic.find_duplicates([ic.Invoice.from_dict(d) for d in ica.to_dicts(dataset)])
    assert list(got.values()) == ref.groups
    planted = dataset["planted"].to_pylist()
    dup_rows = {row for rows in got.values() for row in rows}
    assert all(row in dup_rows for row, p in enumerate(planted) if p == "duplicate")


def test_published_schemas() -> None:
    s = pa.schema(ica.invoice_schema())
    assert s.field("total").type == pa.decimal128(38, 2) and s.field("issue_date").type == pa.date32()
    assert s.field("lines").type.value_type.field("amount").type == pa.decimal128(38, 2)
    assert pa.schema(ica.line_schema()).names[0] == "invoice_id"
    assert pa.schema(ica.findings_schema()).names == [
        "invoice_id", "row", "code", "severity", "path", "message", "message_zh"]


def test_text_money_and_dates_are_read_as_well(dataset: pa.Table) -> None:
    small = dataset.slice(0, 100)
    text = small.set_column(small.schema.get_field_index("total"), "total", small["total"].cast(pa.string()))
    text = text.set_column(text.schema.get_field_index("issue_date"), "issue_date", text["issue_date"].cast(pa.string()))
    assert findings_by_row(ica.validate(text, AS_OF)) == findings_by_row(ica.validate(small, AS_OF))


def test_import_does_not_need_pyarrow() -> None:
    code = "import sys, invoice_core.arrow, invoice_core.engines, invoice_core.datasets; print('pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


DIGITAL_XML = """<EInvoice><Header><EIid>24312000000358032546</EIid><Version>0.33</Version></Header>
  <EInvoiceData>
    <SellerInformation><SellerIdNum>91310000580583950X</SellerIdNum><SellerName>上海七牛信息技术有限公司</SellerName></SellerInformation>
    <BuyerInformation><BuyerName>张三</BuyerName></BuyerInformation>
    <BasicInformation><TotalAmWithoutTax>100.00</TotalAmWithoutTax><TotalTaxAm>6.00</TotalTaxAm>
      <TotalTax-includedAmount>106.00</TotalTax-includedAmount></BasicInformation>
    <IssuItemInformation><ItemName>*信息技术服务*软件服务</ItemName><Amount>100.00</Amount>
      <TaxRate>0.06</TaxRate><ComTaxAm>6.00</ComTaxAm></IssuItemInformation>
  </EInvoiceData>
  <TaxSupervisionInfo><IssueTime>2024-11-18 09:30:00</IssueTime></TaxSupervisionInfo></EInvoice>""".encode()
QR_TEXT = b"01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,"


def test_read_files_gives_invoices_and_reading_findings(tmp_path: Any) -> None:
    path = tmp_path / "a.xml"
    path.write_bytes(DIGITAL_XML)
    invoices, findings = ica.read_files([str(path), QR_TEXT, b"%PDF-1.7 not an invoice"])
    rows = pa.table(invoices).to_pylist()
    assert [r["invoice_id"] for r in rows] == [str(path), "#1", "#2"]
    assert [r["format"] for r in rows] == ["digital_xml", "qr_text", None]
    assert rows[0]["number"] == "24312000000358032546" and rows[0]["total"] == Decimal("106.00")
    assert rows[0]["lines"][0]["tax"] == Decimal("6.00")
    assert rows[1]["number"] is None and rows[1]["qr_text"] == QR_TEXT.decode()
    f = pa.table(findings).to_pylist()
    assert [(r["row"], r["code"]) for r in f if r["row"] == 2] == [(2, "READ-01")]
    # The same bytes as an Arrow binary column, named: the same rows and findings.
    named, named_findings = ica.read_files(pa.array([DIGITAL_XML, QR_TEXT, b"%PDF-1.7 not an invoice"]),
                                           names=["x", "q", "p"])
    assert pa.table(named).drop_columns(["invoice_id"]).equals(pa.table(invoices).drop_columns(["invoice_id"]))
    assert pa.table(named_findings)["code"].to_pylist() == pa.table(findings)["code"].to_pylist()
    # With as_of the invoices are validated as readings too: more findings, the reading ones kept.
    _, checked = ica.read_files([DIGITAL_XML], as_of="2024-12-01")
    reading_codes = {r["code"] for r in f if r["row"] == 0}
    assert reading_codes <= set(pa.table(checked)["code"].to_pylist())
    with pytest.raises(ic.InvoiceError) as e:
        ica.read_files([b"x"], names=["a", "b"])
    assert e.value.code == "INP-02"


def test_read_files_over_the_shared_fixtures_match_read_file() -> None:
    from conftest import FIXTURES

    files = sorted(p for p in FIXTURES.glob("*") if p.suffix in (".xml", ".ofd")) if FIXTURES.is_dir() else []
    if not files:
        pytest.skip("../shared/fixtures is not beside this clone")
    invoices, findings = ica.read_files([str(p) for p in files], as_of=AS_OF)
    rows = pa.table(invoices).to_pylist()
    got = findings_by_row(findings)
    expected: Any = type(got)()
    for i, (p, row) in enumerate(zip(files, rows)):
        r = ic.read_file(str(p))
        assert row["format"] == r.format and row["source_part"] == r.part
        inv = r.invoice
        assert (row["number"], row["total"]) == ((inv.number, inv.total) if inv else (None, None))
        for f in r.validate(as_of=AS_OF).findings:
            expected[(i, f.code, dotted(f.path))] += 1
    assert got == expected


def test_an_unreadable_path_is_read_20(tmp_path: Any) -> None:
    with pytest.raises(ic.InvoiceError) as e:
        ica.read_files([str(tmp_path / "missing.xml")])
    assert e.value.code == "READ-20"
