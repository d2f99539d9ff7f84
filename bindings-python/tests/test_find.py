"""invoice_core.find as Python sees it: keyword and mapping forms, Python types in and out,
bilingual corrections and findings, records holding Invoice objects, the export shapes."""

from datetime import date
from decimal import Decimal

import pytest

import invoice_core
from invoice_core import InvoiceError, find

DIGITAL = {
    "kind": "digital_ordinary",
    "number": "24312000000358032546",
    "issue_date": "2024-11-18",
    "seller": {"name": "上海某某科技有限公司", "tax_id": "91310000580583950X"},
    "buyer": {"name": "张三"},
    "lines": [{"name": "*信息技术服务*软件服务", "amount": "560.18", "rate": "13%", "tax": "72.82"}],
    "totals": {"amount": "560.18", "tax": "72.82", "total": "633.00"},
}


def test_normalise_full_width_number_in_code_field() -> None:
    n = find.normalise_query(code="２４３１２００００００３５８０３２５４６", date="2024年11月18日")
    assert n.ok and n.errors == []
    q = n.query
    assert q["number"] == "24312000000358032546" and q["code"] is None
    assert q["date"] == date(2024, 11, 18)
    assert [c["code"] for c in n.corrections] == ["FND-01", "FND-03", "FND-06"]
    for c in n.corrections:
        assert set(c) == {"field", "from", "to", "code", "message", "message_zh"}
        assert "发票" in c["message_zh"] or "日期" in c["message_zh"]
    assert "NormalisedQuery" in repr(n)


def test_normalise_python_types() -> None:
    n = find.normalise_query(number="24312000000358032546", date=date(2024, 11, 18), total=Decimal("633.00"))
    assert n.ok
    assert n.query["date"] == date(2024, 11, 18)
    assert n.query["element"] == {"name": "total_including_tax", "value": "633.00"}
    assert find.normalise_query(total=633).query["element"] == {"name": "total_including_tax", "value": "633.00"}
    with pytest.raises(InvoiceError) as info:
        find.normalise_query(total=633.0)
    assert info.value.code == "INP-01" and info.value.path == ["total"]
    with pytest.raises(InvoiceError) as info:
        find.normalise_query(number=b"1")  # type: ignore[arg-type]
    assert info.value.code == "INP-02" and info.value.path == ["number"]


def test_normalise_errors_are_findings_not_raised() -> None:
    n = find.normalise_query(date="2024-02-30", check_code="12")
    assert not n.ok
    assert [(e.code, e.path) for e in n.errors] == [("FND-20", ["date"]), ("FND-22", ["check_code"])]
    assert n.errors[0].message_zh
    with pytest.raises(InvoiceError) as info:
        n.raise_for_errors()
    assert info.value.code == "FND-20"
    d = n.to_dict()
    assert d["errors"][0]["code"] == "FND-20" and d["query"]["date"] is None


def test_normalise_fields_matches_keywords_and_refuses_unknown_keys() -> None:
    fields = {"code": "1100-174320", "number": "40184419", "check_code": "258452"}
    assert find.normalise_fields(fields).to_dict() == find.normalise_query(**fields).to_dict()
    with pytest.raises(InvoiceError) as info:
        find.normalise_fields({"numbr": "1"})
    assert info.value.code == "FND-25" and info.value.path == ["numbr"]
    with pytest.raises(InvoiceError) as info:
        find.normalise_fields("40184419")  # type: ignore[arg-type]
    assert info.value.code == "INP-02" and info.value.path == []


def test_search_with_invoice_objects_and_python_values() -> None:
    inv = invoice_core.Invoice(DIGITAL)
    records = [inv, {"invoice": inv, "status": "voided"}, {"invoice": DIGITAL}]
    hits = find.search(records, {"number": "24312000000358032547", "number_match": "typo"})
    assert [h["index"] for h in hits] == [0, 1, 2]
    assert hits[0]["number"] == "typo" and hits[0]["typos"][0]["kind"] == "digit"
    hits = find.search(records, {"statuses": ["voided"], "total_min": Decimal("633.00"),
                                 "date_from": date(2024, 11, 18)})
    assert [h["index"] for h in hits] == [1]
    assert find.search(records, {"total_min": Decimal("633.01")}) == []
    with pytest.raises(InvoiceError) as info:
        find.search([inv, 42], {})
    assert info.value.code == "INP-02" and info.value.path == ["records", 1]


def test_diagnose_bilingual_findings() -> None:
    d = find.diagnose({"number": "24312000000358032547", "date": "2024-11-18", "total": "633.00"},
                      date(2024, 11, 26), platform="31", records=[invoice_core.Invoice(DIGITAL)])
    assert d.codes == ["FND-35"]
    f = d.findings[0]
    assert f.params["position"] == "20" and f.params["index"] == "0"
    assert "第20位" in f.message_zh and "position 20" in f.message
    assert d.matches == []
    assert d.to_dict()["findings"][0]["code"] == "FND-35"
    same = find.diagnose_lookup({"query": {"number": "24312000000358032547", "date": "2024-11-18",
                                           "total": "633.00"},
                                 "as_of": "2024-11-26", "platform": "31", "records": [{"invoice": DIGITAL}]})
    assert same.to_dict() == d.to_dict()


def test_diagnose_same_day_policy_and_refusals() -> None:
    q = {"number": "24312000000358032546", "date": "2024-11-26", "total": "633.00"}
    assert find.diagnose(q, "2024-11-26").codes == ["FND-32"]
    assert find.diagnose(q, "2024-11-26", same_day="today").codes == []
    with pytest.raises(InvoiceError) as info:
        find.diagnose(q, "2024-11-26", platform="99")
    assert (info.value.code, info.value.path) == ("FND-46", ["platform"])
    with pytest.raises(InvoiceError) as info:
        find.diagnose(q, "2024-11-26", same_day="never")
    assert (info.value.code, info.value.path) == ("INP-05", ["options", "same_day"])
    with pytest.raises(InvoiceError) as info:
        find.diagnose(q, "2024/11/26")  # as_of is read strictly, as every as_of (issue 13)
    assert (info.value.code, info.value.path) == ("INP-02", ["as_of"])
    with pytest.raises(InvoiceError) as info:
        find.diagnose({"numbr": "1"}, "2024-11-26")
    assert (info.value.code, info.value.path) == ("FND-25", ["query", "numbr"])


def test_numbering_round_trip() -> None:
    parts = find.number_parts("24312000000358032546")
    assert parts == {"year": 2024, "region": "31", "channel": 2, "sequence": "000000358032546"}
    assert find.build_number(parts) == "24312000000358032546"
    assert find.build_number(24, "31", 2, "358032546") == "24312000000358032546"
    assert find.next_number("24312000000358032546") == "24312000000358032547"
    with pytest.raises(InvoiceError) as info:
        find.build_number(2020, "31", 2, "1")
    assert (info.value.code, info.value.path) == ("FND-60", ["year"])
    with pytest.raises(InvoiceError) as info:
        find.build_number(2024, "31", 2.5, "1")  # type: ignore[arg-type]
    assert info.value.code == "INP-03"
    with pytest.raises(InvoiceError) as info:
        find.next_number("24312999999999999999")
    assert info.value.code == "FND-64"


def test_export_shapes() -> None:
    inv = invoice_core.Invoice(DIGITAL)
    csv = find.export_csv([inv, DIGITAL], "en")
    assert csv.startswith("\ufeff") and csv.count("\r\n") == 3 and ",633.00," in csv
    assert find.export_csv([inv]).splitlines()[0].lstrip("\ufeff").startswith("发票种类")
    jsonl = find.export_jsonl([inv])
    assert jsonl.endswith("\n") and '"633.00"' in jsonl
    rep = invoice_core.validate(inv, date(2024, 12, 1))
    by_inv = find.export_csv([(inv, rep)], header_lang="en")
    by_key = find.export_csv([("digital:24312000000358032546", rep)], header_lang="en")
    assert by_inv == by_key and "digital:24312000000358032546" in by_inv
    s = invoice_core.stats([inv])
    assert "633.00" in find.export_csv(s) and "633.00" in find.export_jsonl(s)
    with pytest.raises(InvoiceError) as info:
        find.export_csv([inv, ("k", rep)])
    assert info.value.code == "INP-02" and info.value.path == [1]
    with pytest.raises(InvoiceError) as info:
        find.export_csv([inv], "fr")
    assert info.value.code == "INP-05"
    with pytest.raises(InvoiceError) as info:
        find.export_csv([{"kind": "nope"}])
    assert info.value.code == "INP-05" and info.value.path == [0, "kind"]
    assert find.export_csv([]) == find.export_csv(()) != ""
