"""CPU time per call of the calls ``calls.py`` counts, for the figures beside the instruction
counts in benches/README.md.

    python times.py [label]

``time.process_time`` (this process's CPU time, so other jobs on the machine move it less than
the wall clock), best of 7 repeats of 20,000 calls (``validate_many``: 200 calls of 100 dicts, per
invoice). Say the load average (``uptime``) beside every figure: on a shared machine the CPU time
still grows with the load (caches, frequency).
"""

import datetime
import pathlib
import sys
import time
from typing import Callable

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import invoice_core  # noqa: E402
from bench import five_line_invoice  # noqa: E402

AS_OF = datetime.date(2024, 12, 1)


def best(call: Callable[[], object], n: int, per: int = 1) -> float:
    """The fastest of 7 repeats of `n` calls, in µs per invoice."""
    times = []
    for _ in range(7):
        start = time.process_time()
        for _ in range(n):
            call()
        times.append((time.process_time() - start) / n / per * 1e6)
    return min(times)


def main() -> None:
    inv = five_line_invoice()
    model = invoice_core.Invoice.from_dict(inv)
    dicts = [inv] * 100
    figures = {
        "validate(dict)": best(lambda: invoice_core.validate(inv, as_of=AS_OF), 20000),
        "validate(Invoice)": best(lambda: invoice_core.validate(model, as_of=AS_OF), 20000),
        "Invoice.from_dict": best(lambda: invoice_core.Invoice.from_dict(inv), 20000),
        "validate_many(dicts)": best(
            lambda: invoice_core.validate_many(dicts, as_of=AS_OF), 200, 100
        ),
    }
    label = sys.argv[1] if len(sys.argv) > 1 else ""
    print(label, "  ".join(f"{k} {v:.2f} µs" for k, v in figures.items()))


if __name__ == "__main__":
    main()
