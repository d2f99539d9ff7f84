#!/usr/bin/env python3
"""Writes the seed corpus of every cargo-fuzz target (fuzz/corpus/<target>/) from the shared
vectors, the way invoice-core/tests/fuzz_smoke.rs takes its seeds: every string of the cases and
every object as JSON text (the targets reading JSON take the objects, the others the strings).
Inputs saved in fuzz/regressions/<target>/ are added too. The file reader (`read`) also starts
from the bytes of every `{base64}` input, the example files (examples/files/) and the real
fixtures (../shared/fixtures/), so it begins inside OFD packages rather than having to invent a
ZIP. Run from anywhere; rerunning adds nothing new (files are named by content)."""
import base64
import hashlib
import json
import os
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "invoice-core" / "tests" / "vectors"
TARGETS = ["words_read", "words_write", "money", "ids", "codes", "qr", "invoice_json", "json_doc", "lifecycle", "find", "read"]
JSON_TARGETS = {"invoice_json", "json_doc", "lifecycle", "find"}


def leaves(v, strings, objects, blobs=None):
    if isinstance(v, dict) and isinstance(v.get("base64"), str) and blobs is not None:
        blobs.add(base64.b64decode(v["base64"]))
    if isinstance(v, str):
        strings.add(v)
    elif isinstance(v, list):
        for x in v:
            leaves(x, strings, objects, blobs)
    elif isinstance(v, dict):
        if "$repeat" not in v and "$repeat_item" not in v:
            objects.add(json.dumps(v, ensure_ascii=False, separators=(",", ":")))
        for x in v.values():
            leaves(x, strings, objects, blobs)


def main():
    strings, objects, blobs = set(), set(), set()
    for f in sorted(VECTORS.rglob("*.json")):
        leaves(json.loads(f.read_text(encoding="utf-8"))["cases"], strings, objects, blobs)
    for d in (ROOT / "examples" / "files", ROOT.parent / "shared" / "fixtures"):
        if d.is_dir():
            blobs.update(p.read_bytes() for p in sorted(d.iterdir()) if p.is_file() and p.suffix != ".md")
    for t in TARGETS:
        out = ROOT / "fuzz" / "corpus" / t
        out.mkdir(parents=True, exist_ok=True)
        seeds = [s.encode() for s in (objects if t in JSON_TARGETS else strings) if len(s) < 4096]
        if t == "read":
            seeds += sorted(blobs)
        if t == "words_write":
            # The first byte chooses the style and options.
            seeds = [bytes([i % 256]) + s for i, s in enumerate(seeds)]
        reg = ROOT / "fuzz" / "regressions" / t
        if reg.is_dir():
            seeds += [p.read_bytes() for p in reg.iterdir() if p.is_file()]
        for s in seeds:
            (out / hashlib.sha1(s).hexdigest()).write_bytes(s)
        print(f"{t}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
