"""Reading invoice files from Python: invoice_core.read_file against ofdkit (PyPI), same bytes,
same process, one run, as a ratio per file.

For each OFD both libraries must first agree on the invoice (number, 合计金额, 价税合计), or the
comparison means nothing. Timed per file, best of 5 repeats, from a Python loop over bytes already
in memory (no disk I/O in the loop):

- ``invoice_core.read_file(b)``: recognise the format, read the invoice, the QR and the in-file
  cross-checks (CustomData vs data, QR vs totals);
- ``invoice_core.read_file(b).validate(as_of)``: the same plus every validation rule;
- ``ofdkit.extract_invoice(b)``: ofdkit's invoice fields.

Each is timed twice: by the wall clock (``time.perf_counter``) and by the process's CPU time
(``time.process_time``). On a shared, loaded machine the wall clock also counts the time the
process waited for a core, which moves from run to run; CPU time does not, so the CPU-time ratios
are the ones to compare across runs.

Run: bash benches/python/run-read.sh (after scripts/test-python.sh built the wheel); --markdown
prints the rows for benches/README.md.
"""

import argparse
import platform
import sys
import time
import timeit
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, List, Optional, Tuple

import invoice_core

try:
    import ofdkit  # type: ignore[import-not-found]
except ImportError as e:  # pragma: no cover
    sys.exit(f"needs ofdkit ({e}): run benches/python/run-read.sh")

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 12, 1)
FILES = [
    ("legacy OFD, real (fixture legacy-ordinary-3pct.ofd)", ROOT.parent / "shared/fixtures/legacy-ordinary-3pct.ofd"),
    ("legacy OFD, real 3 lines (fixture legacy-ordinary-3-lines.ofd)", ROOT.parent / "shared/fixtures/legacy-ordinary-3-lines.ofd"),
    ("数电 OFD (examples/files/digital-special-blue.ofd)", ROOT / "examples/files/digital-special-blue.ofd"),
    ("legacy OFD (examples/files/legacy-ordinary.ofd)", ROOT / "examples/files/legacy-ordinary.ofd"),
]


def per_call(fn: Callable[[], Any], repeat: int = 5, timer: Callable[[], float] = time.perf_counter) -> float:
    number = 1
    while timeit.timeit(fn, number=number, timer=timer) < 0.2:
        number *= 2
    return min(timeit.repeat(fn, number=number, repeat=repeat, timer=timer)) / number


def dec(x: Optional[Any]) -> Optional[Decimal]:
    return None if x is None else Decimal(str(x))


def agree(b: bytes) -> Tuple[str, str, str]:
    r = invoice_core.read_file(b)
    inv = r.invoice
    theirs = ofdkit.extract_invoice(b)
    assert inv is not None and theirs is not None, "both read an invoice"
    ours = (inv.number, dec(inv.amount), dec(inv.total))
    them = (theirs.invoice_number, dec(theirs.amount_without_tax), dec(theirs.total_amount))
    assert ours == them, (ours, them)
    return inv.number, str(inv.amount), str(inv.total)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    rows: List[Tuple[str, float, float, float]] = []
    cpu_rows: List[Tuple[str, float, float, float]] = []
    for name, path in FILES:
        if not path.exists():
            print(f"SKIPPED {name}: {path} not found")
            continue
        b = path.read_bytes()
        agree(b)
        label = f"{name}, {len(b):,} B"
        for timer, out in ((time.perf_counter, rows), (time.process_time, cpu_rows)):
            read = per_call(lambda: invoice_core.read_file(b), timer=timer)
            read_validate = per_call(lambda: invoice_core.read_file(b).validate(AS_OF), timer=timer)
            theirs = per_call(lambda: ofdkit.extract_invoice(b), timer=timer)
            out.append((label, read, read_validate, theirs))
    print(f"invoice_core {invoice_core.__version__}, ofdkit {ofdkit.__version__}, "
          f"Python {platform.python_version()} ({platform.machine()}), best of 5, per file")
    for title, table in (("wall clock", rows), ("CPU time of the process", cpu_rows)):
        print(f"\n{title}:")
        print(f"{'file':<72} {'read':>9} {'+validate':>10} {'ofdkit':>10} {'ratio':>7} {'ratio+val':>9}")
        for name, r, rv, t in table:
            print(f"{name:<72} {r * 1e6:>7.1f}µs {rv * 1e6:>8.1f}µs {t * 1e6:>8.1f}µs {t / r:>6.1f}× {t / rv:>8.1f}×")
    if args.markdown:
        for title, table in (("wall clock", rows), ("CPU time", cpu_rows)):
            print(f"\n{title}:\n")
            print("| file | read_file | read_file + validate | ofdkit.extract_invoice | ratio (read) | ratio (read + validate) |")
            print("|---|---:|---:|---:|---:|---:|")
            for name, r, rv, t in table:
                print(f"| {name} | {r * 1e6:.1f} µs | {rv * 1e6:.1f} µs | {t * 1e6:.1f} µs | {t / r:.1f}× | {t / rv:.1f}× |")


if __name__ == "__main__":
    main()
