"""Ops of ``vectors/read.json`` over ``invoice_core.read_file``."""

import base64
from typing import Any, Callable, Dict

import invoice_core


def _summary(x: Any) -> Any:
    data = x.encode("utf-8") if isinstance(x, str) else base64.b64decode(x["base64"])
    return invoice_core.read_file(data).summary()


OPS: Dict[str, Callable[[Any], Any]] = {
    "read.summary": _summary,
}
