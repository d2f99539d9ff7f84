"""``python -m invoice_core check PATH...``: check a folder of received invoices.

Reads every file under the paths (OFD, 数电 XML, MoF XBRL, QR text files; the format is
recognised from the bytes), validates each, says which files are copies of one invoice (the OFD
and the XML of one invoice often arrive together) and prints a report per file and the totals by
month of the distinct invoices. PDFs and images are listed as skipped: read their OFD or XML copy.

Exit status: 0 when every file reads cleanly, 1 when there are error findings (or two files
claim one invoice number with different figures), 2 when a file could not be read.

All reading and judging is done by the core; this module only walks folders and prints.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import sys
from typing import Any, Dict, List, Optional, Sequence, TextIO

import invoice_core


_TEXT = {
    "en": {
        "file": "file",
        "copy_of": "copy of",
        "skipped": "skipped",
        "unreadable": "not read",
        "copies": "Copies of one invoice",
        "conflict": "DIFFERENT FIGURES under one number",
        "months": "Totals by month (distinct invoices)",
        "summary": "{files} files: {invoices} distinct invoices, {errors} with errors, {unread} not read, {skipped} skipped",
        "month_row": "{month}  {count:>4} invoices  amount {amount:>14}  tax {tax:>12}  total {total:>14}",
        "no_invoice": "(no invoice: QR text only)",
    },
    "zh": {
        "file": "文件",
        "copy_of": "重复副本，同",
        "skipped": "已跳过",
        "unreadable": "无法读取",
        "copies": "同一张发票的副本",
        "conflict": "同一号码的金额不一致",
        "months": "按月合计（去重后）",
        "summary": "共 {files} 个文件：{invoices} 张不同发票，{errors} 张有错误，{unread} 个无法读取，{skipped} 个已跳过",
        "month_row": "{month}  {count:>4} 张  金额 {amount:>14}  税额 {tax:>12}  价税合计 {total:>14}",
        "no_invoice": "（仅二维码文本，无发票数据）",
    },
}


def _files(paths: Sequence[str]) -> List[str]:
    out: List[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
        else:
            out.append(p)
    return out


def _message(f: Any, lang: str) -> str:
    return str(f.message_zh if lang == "zh" else f.message)


def _skipped(err: Any) -> bool:
    # READ-01: not an invoice file at all (a PDF, an image, a note beside the invoices); the
    # damaged ones (READ-02 to READ-09) are the files that "could not be read".
    return getattr(err, "code", "") == "READ-01"


def run(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout) -> int:
    """Runs the command; returns the exit status."""
    ap = argparse.ArgumentParser(prog="python -m invoice_core", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="read, validate and de-duplicate invoice files")
    c.add_argument("paths", nargs="+", help="files or folders")
    c.add_argument("--as-of", default=None, help="judge as of this date (YYYY-MM-DD; default today)")
    c.add_argument("--lang", choices=["zh", "en"], default="zh")
    fmt = c.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="one CSV row per file")
    fmt.add_argument("--jsonl", action="store_true", help="one JSON object per file")
    args = ap.parse_args(argv)

    as_of = datetime.date.fromisoformat(args.as_of) if args.as_of else datetime.date.today()
    t = _TEXT[args.lang]
    paths = _files(args.paths)
    batch = invoice_core.read_files(paths)
    copy_of = batch.copy_of()
    rows: List[Dict[str, Any]] = []
    status = 0
    distinct = []
    counts = {"errors": 0, "unread": 0, "skipped": 0}
    for i, f in enumerate(batch.files):
        row: Dict[str, Any] = {"index": i + 1, "file": f.name, "copy_of": None, "findings": []}
        err = f.error
        if err is not None:
            skipped = _skipped(err)
            row["status"] = "skipped" if skipped else "unreadable"
            row["findings"] = [{"code": err.code, "severity": "error", "path": "", "message": _message(err, args.lang)}]
            if skipped:
                counts["skipped"] += 1
            else:
                counts["unread"] += 1
                status = 2
            rows.append(row)
            continue
        r = f.reading
        assert r is not None
        report = r.validate(as_of)
        summary = r.summary()
        row.update({k: summary[k] for k in ("format", "kind", "code", "number", "issue_date", "amount", "tax", "total")})
        row["status"] = "ok" if report.valid else "errors"
        row["findings"] = [
            {"code": x.code, "severity": x.severity, "path": x.location, "message": _message(x, args.lang)}
            for x in report.findings
        ]
        j = copy_of[i]
        row["copy_of"] = None if j is None else j + 1
        if not report.valid:
            counts["errors"] += 1
            status = max(status, 1)
        if j is None and r.invoice is not None:
            distinct.append(r.invoice)
        rows.append(row)
    for g in batch.copies:
        if not g["consistent"]:
            status = max(status, 1)

    if args.csv:
        w = csv.writer(out)
        w.writerow(["file", "status", "format", "kind", "code", "number", "issue_date", "amount", "tax", "total", "copy_of", "codes"])
        for row in rows:
            w.writerow([row["file"], row["status"], row.get("format"), row.get("kind"), row.get("code"), row.get("number"),
                        row.get("issue_date"), row.get("amount"), row.get("tax"), row.get("total"),
                        row["copy_of"] and rows[row["copy_of"] - 1]["file"], ";".join(x["code"] for x in row["findings"])])
        return status
    if args.jsonl:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return status

    for row in rows:
        head = f"[{row['index']}] {row['file']}"
        if row["status"] in ("skipped", "unreadable"):
            out.write(f"{head}  {t[row['status']]}: {row['findings'][0]['code']} {row['findings'][0]['message']}\n")
            continue
        fields = "  ".join(str(row.get(k) or "-") for k in ("format", "kind", "number", "issue_date", "total"))
        if row.get("number") is None:
            fields += "  " + t["no_invoice"]
        copy = f"  ({t['copy_of']} [{row['copy_of']}])" if row["copy_of"] else ""
        out.write(f"{head}  {fields}{copy}\n")
        for x in row["findings"]:
            out.write(f"    {x['severity'].upper():7} {x['code']} {x['path']}: {x['message']}\n")
    if batch.copies:
        out.write(f"\n{t['copies']}:\n")
        for g in batch.copies:
            names = ", ".join(f"[{k + 1}]" for k in g["files"])
            flag = "" if g["consistent"] else f"  !! {t['conflict']}"
            out.write(f"  {g['key']}: {names}{flag}\n")
    if distinct:
        out.write(f"\n{t['months']}:\n")
        for m in invoice_core.stats(distinct).by_month:
            out.write("  " + t["month_row"].format(month=m["key"], count=m["count"], amount=m["amount"], tax=m["tax"], total=m["total"]) + "\n")
    out.write("\n" + t["summary"].format(files=len(rows), invoices=len(distinct), **counts) + "\n")
    return status


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
