"""Realistic invoice datasets (模拟发票数据集) for tests, benchmarks and pipeline trials.

``generate(rows, seed=...)`` returns a pyarrow table in the published invoice schema
(``invoice_core.arrow.invoice_schema()``, lines as a ``list<struct>`` column) plus a ``planted``
column; ``write_parquet(path, rows, seed=...)`` writes it to Parquet in slices, so any size fits
in memory. The same seed gives the same table.

What is generated: 数电 special and ordinary invoices and legacy paper / electronic ones, sellers
and buyers drawn from pools of companies with valid 统一社会信用代码 (and natural persons as
buyers of ordinary invoices), 1 to 8 lines (or a fixed count) of goods at 13 % and services at
6 %, quantities and unit prices, issue dates in 2025. Taxes, totals and 大写 are filled in by the
core itself (``invoice_core.arrow.compute``), so a clean row is a valid invoice.

A known share (``problems``, default 0.1) of rows carries one planted problem, named in the
``planted`` column (null for a clean row):

- ``bad_seller_id``: the seller's USCC with its last two characters lost (``ID-16``);
- ``wrong_tax``: the first line's tax 0.10 off, the totals kept consistent with it;
- ``words_mismatch``: 价税合计（大写） one yuan off the figures;
- ``duplicate``: a copy of an earlier invoice (same code and number) under a new invoice_id.

Run ``python -m invoice_core.datasets OUT.parquet --rows N --seed S`` to write a file.
Needs pyarrow (imported when called, not when this module is imported).
"""

from __future__ import annotations

import argparse
import datetime
import random
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple, Union

import invoice_core as ic
from invoice_core import arrow as ic_arrow

AS_OF = datetime.date(2025, 12, 31)
"""The day to validate generated data against (every issue date is in 2025)."""

PROBLEMS = ("bad_seller_id", "wrong_tax", "words_mismatch", "duplicate")
"""The planted problems, in the order their shares are assigned."""

# (tax code, name, unit, rate, lowest and highest unit price in fen) — pairs seen in real invoices.
_ITEMS = [
    ("1090511030000000000", "*计算机设备*笔记本电脑", "台", "13%", 300000, 1200000),
    ("1090511030000000000", "*计算机设备*显示器", "台", "13%", 60000, 300000),
    ("1090511030000000000", "*办公用品*签字笔", "支", "13%", 150, 2000),
    ("1090511030000000000", "*日用品*杯子", "个", "13%", 900, 8000),
    ("3040201000000000000", "*信息技术服务*技术服务费", None, "6%", 50000, 5000000),
    ("3070401000000000000", "*餐饮服务*餐饮服务", None, "6%", 2000, 300000),
]

# (kind, legacy codes or None for a 数电 number, weight)
_KINDS = [
    ("digital_special", None, 30),
    ("digital_ordinary", None, 40),
    ("special_paper", ["4403183130"], 10),
    ("ordinary_paper", ["3100171320"], 10),
    ("electronic_ordinary", ["031002100411"], 10),
]

_CITIES = [("310000", "上海"), ("110000", "北京"), ("440300", "深圳"), ("330100", "杭州"),
           ("320500", "苏州"), ("510100", "成都"), ("420100", "武汉"), ("370200", "青岛")]
_WORDS = ["七牛", "云杉", "蓝海", "恒信", "泰和", "远航", "星辰", "华锐", "博通", "嘉禾", "启明", "润丰"]
_TRADES = ["信息技术", "贸易", "科技", "餐饮管理", "电子", "咨询服务", "物流", "文化传媒"]
_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰"]
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_BANKS = ["中国银行", "招商银行", "工商银行", "建设银行", "农业银行"]


def _uscc(rng: random.Random, region: str) -> str:
    """A valid 统一社会信用代码: 9 (工商) 1 (企业), the region, an organisation code, the check."""
    org_body = "".join(rng.choice(_ORG_ALPHABET) for _ in range(8))
    org = org_body + ic.org_code.calc_check_digit(org_body)
    body = "91" + region + org
    return body + ic.uscc.calc_check_digit(body)


def _company(rng: random.Random) -> Dict[str, Any]:
    region, city = rng.choice(_CITIES)
    name = f"{city}{rng.choice(_WORDS)}{rng.choice(_TRADES)}有限公司"
    return {
        "name": name, "tax_id": _uscc(rng, region), "type": None,
        "address": f"{city}市{rng.choice(_WORDS)}路{rng.randint(1, 999)}号",
        "phone": f"0{rng.randint(10, 999)}-{rng.randint(10**7, 10**8 - 1)}",
        "bank": f"{rng.choice(_BANKS)}{city}分行", "account": str(rng.randint(10**15, 10**16 - 1)),
    }


def _person(rng: random.Random) -> Dict[str, Any]:
    return {"name": rng.choice(_SURNAMES) + rng.choice(_GIVEN), "tax_id": None, "type": "natural_person",
            "address": None, "phone": None, "bank": None, "account": None}


def _raw(rows: int, rng: random.Random, lines: Union[int, Tuple[int, int]], start: int) -> List[Dict[str, Any]]:
    """Invoices without taxes or totals (compute fills them)."""
    sellers = [_company(rng) for _ in range(200)]
    buyers = [_company(rng) for _ in range(2000)]
    kinds = [k for k, _, w in _KINDS for _ in range(w)]
    codes: Dict[str, Optional[List[str]]] = {k: c for k, c, _ in _KINDS}
    out = []
    for n in range(rows):
        kind = rng.choice(kinds)
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(334))
        seller = rng.choice(sellers)
        special = kind in ("digital_special", "special_paper")
        buyer = rng.choice(buyers) if special or rng.random() < 0.8 else _person(rng)
        legacy = codes[kind]
        if legacy is None:
            code = None
            number = ic.find.build_number(25, seller["tax_id"][2:4], 0, f"{start + n + 1:015d}")
        else:
            code = rng.choice(legacy)
            number = f"{rng.randrange(10**8):08d}"
        count = lines if isinstance(lines, int) else rng.randint(*lines)
        items = []
        for _ in range(count):
            tax_code, name, unit, rate, lo, hi = rng.choice(_ITEMS)
            qty = rng.randint(1, 20)
            price = Decimal(rng.randint(lo, hi)) / 100
            items.append({
                "name": name, "tax_code": tax_code, "spec": None, "unit": unit,
                "quantity": str(qty), "unit_price": str(price), "amount": price * qty,
                "rate": rate, "tax": None, "nature": None,
            })
        out.append({
            "invoice_id": f"INV{start + n:09d}", "kind": kind, "code": code, "number": number,
            "issue_date": day,
            **{f"seller_{k}": v for k, v in seller.items()},
            **{f"buyer_{k}": v for k, v in buyer.items()},
            "lines": items,
        })
    return out


def generate(
    rows: int,
    *,
    seed: int = 0,
    problems: float = 0.1,
    lines: Union[int, Tuple[int, int]] = (1, 8),
    start: int = 0,
) -> Any:
    """A pyarrow table of rows invoices (the invoice schema plus ``planted``); see the module doc.

    seed makes it reproducible; problems is the share of rows with a planted problem (split
    evenly among PROBLEMS); lines a fixed line count or an inclusive (low, high) range; start
    offsets invoice ids and 数电 sequences (write_parquet uses it for each slice).
    """
    import pyarrow as pa

    rng = random.Random(seed)
    raw = _raw(rows, rng, lines, start)
    schema = pa.schema(ic_arrow.invoice_schema())
    table = pa.Table.from_pylist(raw, schema=schema)
    computed, findings = ic_arrow.compute(table)
    if pa.table(findings).num_rows:
        raise RuntimeError(f"the generator made invoices the core refused: {pa.table(findings).to_pylist()[:3]}")
    out = pa.table(computed).to_pylist()
    planted: List[Optional[str]] = [None] * rows
    chosen = rng.sample(range(1, rows), k=min(rows - 1, round(rows * problems))) if rows > 1 else []
    for i, row in enumerate(chosen):
        planted[row] = PROBLEMS[i % len(PROBLEMS)]
    clean = [i for i, p in enumerate(planted) if p is None]
    for row in sorted(chosen):
        what, inv = planted[row], out[row]
        if what == "bad_seller_id":
            # Two characters lost: 16 characters is no identifier's length (ID-16). A wrong check
            # character alone would only be a warning: a legacy 纳税人识别号 may look like a USCC.
            inv["seller_tax_id"] = inv["seller_tax_id"][:-2]
        elif what == "wrong_tax":
            bump = Decimal("0.10")
            inv["lines"][0]["tax"] += bump
            inv["tax"] += bump
            inv["total"] += bump
            inv["total_in_words"] = ic.amount_in_words(inv["total"])
        elif what == "words_mismatch":
            inv["total_in_words"] = ic.amount_in_words(inv["total"] + 1)
        else:  # duplicate: an earlier clean invoice again, under this row's id
            earlier = dict(out[clean[rng.randrange(max(1, sum(1 for c in clean if c < row)))]])
            earlier["invoice_id"] = inv["invoice_id"]
            out[row] = earlier
    result = pa.Table.from_pylist(out, schema=schema)
    return result.append_column("planted", pa.array(planted, pa.string()))


def write_parquet(
    path: str,
    rows: int,
    *,
    seed: int = 0,
    problems: float = 0.1,
    lines: Union[int, Tuple[int, int]] = (1, 8),
    slice_rows: int = 100_000,
) -> None:
    """Writes rows generated invoices to a Parquet file, slice_rows at a time (each slice seeded
    from seed and its index, so the file is reproducible). Duplicates repeat invoices of their
    own slice."""
    import pyarrow.parquet as pq

    writer = None
    try:
        for k, start in enumerate(range(0, rows, slice_rows)):
            n = min(slice_rows, rows - start)
            t = generate(n, seed=seed * 1_000_003 + k, problems=problems, lines=lines, start=start)
            if writer is None:
                writer = pq.ParquetWriter(path, t.schema)
            writer.write_table(t)
    finally:
        if writer is not None:
            writer.close()


def main(argv: Optional[List[str]] = None) -> None:
    """``python -m invoice_core.datasets OUT --rows N [--seed S] [--problems P] [--lines K]``."""
    p = argparse.ArgumentParser(prog="python -m invoice_core.datasets", description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--rows", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--problems", type=float, default=0.1)
    p.add_argument("--lines", type=int, default=None, help="a fixed line count (default 1 to 8)")
    a = p.parse_args(argv)
    write_parquet(a.out, a.rows, seed=a.seed, problems=a.problems, lines=a.lines if a.lines else (1, 8))


if __name__ == "__main__":
    main()
