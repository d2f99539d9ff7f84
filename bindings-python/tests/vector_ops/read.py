"""Ops of ``vectors/read.json`` over ``invoice_core.read_file``, and ``read.many``
(``vectors/text.json``) over ``invoice_core.read_files``."""

import base64
import os
import tempfile
from typing import Any, Callable, Dict, List

import invoice_core


def _summary(x: Any) -> Any:
    data = x.encode("utf-8") if isinstance(x, str) else base64.b64decode(x["base64"])
    return invoice_core.read_file(data).summary()


def _many(files: List[Dict[str, Any]]) -> Any:
    # read_files takes paths: each file is written under its name in a fresh folder. A name the
    # file system cannot encode (a lone surrogate) cannot be written: read_files refuses that
    # path itself, before opening any file.
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for f in files:
            path = os.path.join(folder, f["name"])
            data = f["text"].encode("utf-8") if "text" in f else base64.b64decode(f["base64"])
            try:
                with open(path, "wb") as out:
                    out.write(data)
            except UnicodeEncodeError:
                pass
            paths.append(path)
        try:
            batch = invoice_core.read_files(paths)
        except invoice_core.InvoiceError as e:
            # The vector's item i is {name, …}; read_files' item i is the path made of the name.
            if len(e.path) == 1 and isinstance(e.path[0], int):
                e.path = [e.path[0], "name"]
            raise
        return {
            "copy_of": batch.copy_of(),
            "errors": [None if f.error is None else f.error.code for f in batch.files],
        }


OPS: Dict[str, Callable[[Any], Any]] = {
    "read.summary": _summary,
    "read.many": _many,
}
