"""大写金额 ops (vectors/words.json) over ``invoice_core.amount_in_words``, ``words_to_amount``
and ``words_match``."""

from typing import Any, Callable, Dict

import invoice_core


def _read(x: Dict[str, Any]) -> Dict[str, Any]:
    r = invoice_core.read_words(x["words"], x.get("mode"))
    return {"amount": str(r["amount"]), "deviations": r["deviations"]}


def _to_words(x: Dict[str, Any]) -> str:
    try:
        return invoice_core.amount_in_words(
            x["amount"],
            x.get("style", "invoice"),
            rmb_prefix=x.get("rmb_prefix"),
            whole=x.get("zheng"),
            negative=x.get("negative"),
            zeros=x.get("zeros"),
            excess=x.get("excess"),
        )
    except invoice_core.InvoiceError as e:
        # The vectors name the 整/正 option as JavaScript does (zheng); Python's keyword is whole.
        if e.path == ["whole"]:
            e.path[0] = "zheng"
        raise


OPS: Dict[str, Callable[[Any], Any]] = {
    "words.to_words": _to_words,
    "words.to_amount": lambda x: str(invoice_core.words_to_amount(x)),
    "words.read": _read,
    "words.matches": lambda x: invoice_core.words_match(x["words"], x["amount"]),
}
