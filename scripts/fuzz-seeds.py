#!/usr/bin/env python3
"""Writes the seed corpus of every cargo-fuzz target (fuzz/corpus/<target>/) from the shared
vectors, the way invoice-core/tests/fuzz_smoke.rs takes its seeds: every string of the cases and
every object as JSON text (the targets reading JSON take the objects, the others the strings).
Inputs saved in fuzz/regressions/<target>/ are added too. Run from anywhere; rerunning adds
nothing new (files are named by content)."""
import hashlib
import json
import os
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "invoice-core" / "tests" / "vectors"
TARGETS = ["words_read", "words_write", "money", "ids", "codes", "qr", "invoice_json", "lifecycle", "find", "read"]
JSON_TARGETS = {"invoice_json", "lifecycle", "find"}


def leaves(v, strings, objects):
    if isinstance(v, str):
        strings.add(v)
    elif isinstance(v, list):
        for x in v:
            leaves(x, strings, objects)
    elif isinstance(v, dict):
        if "$repeat" not in v and "$repeat_item" not in v:
            objects.add(json.dumps(v, ensure_ascii=False, separators=(",", ":")))
        for x in v.values():
            leaves(x, strings, objects)


def main():
    strings, objects = set(), set()
    for f in sorted(VECTORS.rglob("*.json")):
        leaves(json.loads(f.read_text(encoding="utf-8"))["cases"], strings, objects)
    for t in TARGETS:
        out = ROOT / "fuzz" / "corpus" / t
        out.mkdir(parents=True, exist_ok=True)
        seeds = [s.encode() for s in (objects if t in JSON_TARGETS else strings) if len(s) < 4096]
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
