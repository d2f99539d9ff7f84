"""Python benchmark of invoice_core against the usual pure-Python tools, as ratios in one run.

Compared (each on the same inputs, in the same process, best of several repeats):

- USCC check: ``invoice_core.uscc.is_valid`` vs python-stdnum ``stdnum.cn.uscc.is_valid``.
- Resident id check: ``invoice_core.ric.is_valid`` vs ``stdnum.cn.ric.is_valid``.
- 大写: ``invoice_core.amount_in_words(x)`` (and the bulk ``amounts_in_words``) vs cn2an
  ``an2cn(x, "rmb")``.
- A 5-line invoice: ``invoice_core.validate(dict)`` (every rule: header, parties and ids, lines,
  arithmetic, 大写) vs a straightforward pure-Python ``decimal`` implementation of 价税分离 and
  the line and total checks only (so the pure-Python side does much less work).
- ``validate_many`` throughput per invoice (dicts and Invoice objects).
- Where reading a dict goes: the binding's dict -> JSON conversion alone (a private hook),
  ``Invoice.from_dict`` and ``Invoice.from_json`` (the core's reader from text).

Run: bash benches/python/run.sh  (installs python-stdnum and cn2an in its own venv). Prints a
table and, with --markdown, the rows for benches/README.md.
"""

import argparse
import platform
import sys
import timeit
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Dict, List, Tuple

import invoice_core

try:
    import cn2an  # type: ignore[import-not-found]
    from stdnum.cn import ric as stdnum_ric  # type: ignore[import-not-found]
    from stdnum.cn import uscc as stdnum_uscc  # type: ignore[import-not-found]
except ImportError as e:  # pragma: no cover
    sys.exit(f"needs python-stdnum and cn2an ({e}): run benches/python/run.sh")

AS_OF = date(2024, 12, 1)


def uscc_inputs() -> List[str]:
    bodies = ["91310000580583950", "91110108MA01ABCD5", "91440300708461136", "12100000400000624"]
    out = []
    for b in bodies:
        good = b + invoice_core.uscc.calc_check_digit(b)
        out.append(good)
        out.append(good[:17] + ("0" if good[17] != "0" else "1"))  # wrong check
    return out


def ric_inputs() -> List[str]:
    bodies = ["11010519491231002", "44030419900307123", "32010619851115321", "11010119770801456"]
    out = []
    for b in bodies:
        good = b + invoice_core.ric.calc_check_digit(b)
        out.append(good)
        out.append(good[:17] + ("0" if good[17] != "0" else "1"))
    return out


AMOUNTS = ["0.05", "3550.70", "107000.53", "1680.32", "100", "99999999.99", "1409.50", "20.00"]


def five_line_invoice() -> Dict[str, Any]:
    lines = []
    amounts = ["520.75", "100.00", "33.30", "1200.00", "8.88"]
    rates = ["6%", "13%", "13%", "9%", "6%"]
    for i, (a, r) in enumerate(zip(amounts, rates)):
        tax = invoice_core.line_tax(a, r)
        lines.append(
            {
                "name": "*信息技术服务*软件服务",
                "tax_code": "3040201000000000000",
                "quantity": "1",
                "unit_price": a,
                "amount": a,
                "rate": r,
                "tax": str(tax),
            }
        )
    amount = sum(Decimal(l["amount"]) for l in lines)
    tax = sum(Decimal(l["tax"]) for l in lines)
    total = amount + tax
    return {
        "kind": "digital_ordinary",
        "number": "24312000000358032546",
        "issue_date": "2024-11-18",
        "seller": {"name": "上海七牛信息技术有限公司", "tax_id": "91310000580583950X"},
        "buyer": {"name": "北京某某有限公司", "tax_id": "91110108MA01ABCD5" + invoice_core.uscc.calc_check_digit("91110108MA01ABCD5")},
        "lines": lines,
        "totals": {
            "amount": str(amount),
            "tax": str(tax),
            "total": str(total),
            "total_in_words": invoice_core.amount_in_words(total),
        },
    }


# --- the pure-Python reference: decimal 价税分离 and the line / total checks --------------------

CENT = Decimal("0.01")


def py_rate(text: str) -> Decimal:
    return Decimal(text[:-1]) / 100 if text.endswith("%") else Decimal(text)


def py_split(gross: Decimal, rate: Decimal) -> Tuple[Decimal, Decimal]:
    """价税分离: amount = gross / (1 + rate) half-up to 分, tax = gross − amount."""
    amount = (gross / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
    return amount, gross - amount


def py_check(inv: Dict[str, Any]) -> List[str]:
    """Line checks (quantity × price vs amount within 0.01, amount × rate vs tax within 0.06,
    the 价税分离 of amount + tax giving back amount) and total checks (Σ amount, Σ tax, total,
    accumulated tax difference within 1.27)."""
    problems = []
    sum_amount = Decimal(0)
    sum_tax = Decimal(0)
    diff = Decimal(0)
    for i, line in enumerate(inv["lines"]):
        amount = Decimal(line["amount"])
        tax = Decimal(line["tax"])
        rate = py_rate(line["rate"])
        if "quantity" in line and "unit_price" in line:
            if abs(Decimal(line["quantity"]) * Decimal(line["unit_price"]) - amount) > CENT:
                problems.append(f"lines[{i}].amount")
        exact = amount * rate
        if abs(exact.quantize(CENT, rounding=ROUND_HALF_UP) - tax) > Decimal("0.06"):
            problems.append(f"lines[{i}].tax")
        split_amount, _ = py_split(amount + tax, rate)
        if abs(split_amount - amount) > CENT:
            problems.append(f"lines[{i}].split")
        diff += exact - tax
        sum_amount += amount
        sum_tax += tax
    totals = inv["totals"]
    if Decimal(totals["amount"]) != sum_amount:
        problems.append("totals.amount")
    if Decimal(totals["tax"]) != sum_tax:
        problems.append("totals.tax")
    if Decimal(totals["total"]) != sum_amount + sum_tax:
        problems.append("totals.total")
    if abs(diff) > Decimal("1.27"):
        problems.append("totals.tax_difference")
    return problems


# --- timing --------------------------------------------------------------------------------------


def per_call(fn: Callable[[], Any], calls_per_run: int, repeat: int = 5) -> float:
    """Best seconds per call: fn makes calls_per_run calls."""
    number = 1
    while timeit.timeit(fn, number=number) < 0.2:
        number *= 2
    best = min(timeit.repeat(fn, number=number, repeat=repeat))
    return best / number / calls_per_run


def loop(f: Callable[[Any], Any], xs: List[Any]) -> Callable[[], None]:
    def run() -> None:
        for x in xs:
            f(x)

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--markdown", action="store_true", help="print the README table too")
    args = ap.parse_args()

    usccs, rics = uscc_inputs(), ric_inputs()
    # Both libraries must agree on every input, or the comparison means nothing.
    assert [invoice_core.uscc.is_valid(s) for s in usccs] == [stdnum_uscc.is_valid(s) for s in usccs]
    assert [invoice_core.ric.is_valid(s) for s in rics] == [stdnum_ric.is_valid(s) for s in rics]
    for a in AMOUNTS:
        ours = invoice_core.amount_in_words(a)
        theirs = cn2an.an2cn(a, "rmb")
        assert ours and theirs, (a, ours, theirs)
    inv = five_line_invoice()
    assert invoice_core.validate(inv, as_of=AS_OF).valid, invoice_core.validate(inv, as_of=AS_OF).codes
    assert py_check(inv) == []
    model = invoice_core.Invoice.from_dict(inv)

    rows: List[Tuple[str, float, float, str]] = []

    def compare(name: str, ours: float, theirs: float, target: str) -> None:
        rows.append((name, ours, theirs, target))

    compare("USCC is_valid vs stdnum.cn.uscc", per_call(loop(invoice_core.uscc.is_valid, usccs), len(usccs)),
            per_call(loop(stdnum_uscc.is_valid, usccs), len(usccs)), "≥ 20×")
    compare("resident id is_valid vs stdnum.cn.ric", per_call(loop(invoice_core.ric.is_valid, rics), len(rics)),
            per_call(loop(stdnum_ric.is_valid, rics), len(rics)), "≥ 50×")
    an2cn = lambda a: cn2an.an2cn(a, "rmb")  # noqa: E731
    words_theirs = per_call(loop(an2cn, AMOUNTS), len(AMOUNTS))
    compare("amount_in_words vs cn2an.an2cn(x, 'rmb')",
            per_call(loop(invoice_core.amount_in_words, AMOUNTS), len(AMOUNTS)), words_theirs, "≥ 20×")
    bulk = AMOUNTS * 125
    compare("amounts_in_words (1000 per call) vs cn2an",
            per_call(lambda: invoice_core.amounts_in_words(bulk), len(bulk)), words_theirs, "")
    py_5 = per_call(lambda: py_check(inv), 1)
    compare("validate(dict), 5 lines, all rules vs pure-Python decimal checks",
            per_call(lambda: invoice_core.validate(inv, as_of=AS_OF), 1), py_5, "≥ 20×")
    compare("validate(Invoice), 5 lines vs pure-Python decimal checks",
            per_call(lambda: invoice_core.validate(model, as_of=AS_OF), 1), py_5, "")
    batch_dicts = [inv] * 1000
    batch_models = [model] * 1000
    many_dicts = per_call(lambda: invoice_core.validate_many(batch_dicts, as_of=AS_OF), 1000)
    many_models = per_call(lambda: invoice_core.validate_many(batch_models, as_of=AS_OF), 1000)
    compare("validate_many(dicts), per invoice vs pure-Python decimal checks", many_dicts, py_5, "")
    compare("validate_many(Invoice objects), per invoice vs pure-Python", many_models, py_5, "")

    # Where the time of validate(dict) goes: the binding's dict -> JSON value conversion alone,
    # and reading (conversion + the core's reader) from a dict vs the core's reader from JSON text.
    import json

    text = json.dumps(inv, ensure_ascii=False)
    convert_only = per_call(lambda: invoice_core._native._testing.json_in(inv), 1)
    read_dict = per_call(lambda: invoice_core.Invoice.from_dict(inv), 1)
    read_json = per_call(lambda: invoice_core.Invoice.from_json(text), 1)

    head = (f"invoice_core {invoice_core.__version__}, Python {platform.python_version()} "
            f"({platform.machine()}), best of 5")
    print(head)
    print(f"{'comparison':<68} {'ours':>10} {'theirs':>10} {'ratio':>8}  target")
    for name, ours, theirs, target in rows:
        print(f"{name:<68} {ours * 1e6:>8.2f}µs {theirs * 1e6:>8.2f}µs {theirs / ours:>7.1f}×  {target}")
    print(f"validate_many throughput: {1 / many_dicts:,.0f} invoices/s from dicts, "
          f"{1 / many_models:,.0f} invoices/s from Invoice objects (5 lines each, one thread)")
    print(f"reading the 5-line invoice: dict -> JSON value (binding) {convert_only * 1e6:.2f}µs, "
          f"Invoice.from_dict {read_dict * 1e6:.2f}µs, Invoice.from_json (core reader) {read_json * 1e6:.2f}µs")
    if args.markdown:
        print("\n| comparison | invoice_core | reference | ratio | target |\n|---|---:|---:|---:|---|")
        for name, ours, theirs, target in rows:
            print(f"| {name} | {ours * 1e6:.2f} µs | {theirs * 1e6:.2f} µs | {theirs / ours:.1f}× | {target} |")


if __name__ == "__main__":
    main()
