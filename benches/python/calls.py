"""N calls of one operation on the benches' 5-line invoice, for counting instructions.

    python calls.py dict|model|from_dict|many N

`instructions.sh` runs it under callgrind with N calls and with none, so the difference divided
by N is the cost of one call (interpreter start and imports cancel out). ``many`` is one
``validate_many`` of 100 dicts per call.
"""

import datetime
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import invoice_core  # noqa: E402
from bench import five_line_invoice  # noqa: E402

AS_OF = datetime.date(2024, 12, 1)


def main() -> None:
    which, n = sys.argv[1], int(sys.argv[2])
    inv = five_line_invoice()
    model = invoice_core.Invoice.from_dict(inv)
    dicts = [inv] * 100
    call = {
        "dict": lambda: invoice_core.validate(inv, as_of=AS_OF),
        "model": lambda: invoice_core.validate(model, as_of=AS_OF),
        "from_dict": lambda: invoice_core.Invoice.from_dict(inv),
        "many": lambda: invoice_core.validate_many(dicts, as_of=AS_OF),
    }[which]
    for _ in range(n):
        call()


if __name__ == "__main__":
    main()
