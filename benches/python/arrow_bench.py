"""Benchmarks of the columnar API (issue 14), as ratios measured in one run on one machine.

1. USCC check over a column of N ids: invoice_core.arrow.id_valid against python-stdnum's
   uscc.is_valid applied per row (pandas Series.apply and Polars map_elements).
2. Validating N five-line invoices read from Parquet: arrow.validate against validate_many over
   the same rows as dicts (built by arrow.to_dicts, in slices of 100 000 to bound memory); the
   Parquet read counted on our side only (read_table, and the file read row group by row group)
   and on both sides (read + to_dicts + validate_many); and arrow.validate with one thread.
3. Spark local[2]: mapInArrow with arrow.id_valid against a row-wise Python UDF calling stdnum.
4. Scaling: arrow.validate at 10k, 100k and N rows; the peak resident memory of a process that
   reads the N-row Parquet file and validates it.

Run by hand (not a test): ``bash benches/python/run-arrow.sh [--rows N] [--skip-spark]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

import pyarrow as pa
import pyarrow.parquet as pq

import invoice_core as ic
from invoice_core import arrow as ica
from invoice_core.datasets import AS_OF, write_parquet


class T(float):
    """A wall-clock time (the float) with the process's CPU time beside it (.cpu, all threads)."""

    cpu: float

    def __new__(cls, wall: float, cpu: float) -> "T":
        t = super().__new__(cls, wall)
        t.cpu = cpu
        return t


def best(fn: Callable[[], Any], repeat: int = 3) -> T:
    """Best of repeat runs: wall time, and CPU time (robust when the machine is shared)."""
    walls, cpus = [], []
    for _ in range(repeat):
        c, t = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return T(min(walls), min(cpus))


def cpu_ratio(ours: T, ref: T) -> str:
    return f"{ref.cpu / ours.cpu:.1f}× CPU" if ours.cpu > 0 else "—"


def uscc_bench(ids: pa.Array, out: List[str]) -> None:
    import pandas as pd
    import polars as pl
    from stdnum.cn import uscc as std_uscc

    n = len(ids)
    ours = best(lambda: ica.id_valid(ids))
    ours1 = best(lambda: ica.id_valid(ids, threads=1))
    series = pd.Series(ids.to_pylist())
    polars_series = pl.Series(ids.to_pylist())
    check = pa.array(ica.id_valid(ids)).to_pylist()
    ref = series.apply(std_uscc.is_valid).tolist()
    assert check == ref, "invoice_core and stdnum disagree on the ids"
    pandas_t = best(lambda: series.apply(std_uscc.is_valid), repeat=1)
    polars_t = best(lambda: polars_series.map_elements(std_uscc.is_valid, return_dtype=pl.Boolean), repeat=1)
    out.append(f"| USCC check, {n:,} ids: arrow.id_valid (2 threads) vs stdnum via pandas apply "
               f"| {ours:.3f} s | {pandas_t:.2f} s | {pandas_t / ours:.0f}× ({cpu_ratio(ours, pandas_t)}) |")
    out.append(f"| … vs stdnum via Polars map_elements | {ours:.3f} s | {polars_t:.2f} s "
               f"| {polars_t / ours:.0f}× ({cpu_ratio(ours, polars_t)}) |")
    out.append(f"| … arrow.id_valid with 1 thread vs pandas apply | {ours1:.3f} s | {pandas_t:.2f} s "
               f"| {pandas_t / ours1:.0f}× ({cpu_ratio(ours1, pandas_t)}) |")


def validate_bench(path: Path, rows: int, out: List[str]) -> None:
    t0 = time.perf_counter()
    table = pq.read_table(path)
    read_t = time.perf_counter() - t0
    total = best(lambda: ica.validate(pq.read_table(path), AS_OF), repeat=1)
    # What a user validating a file would write: one row group at a time (memory bounded by a
    # row group; the freed buffers reused by the next, where a whole second table needs fresh
    # memory from the kernel). Each call's findings count rows from its row group's start.
    pf = pq.ParquetFile(path, memory_map=True)
    groups = best(lambda: [ica.validate(pf.read_row_group(k), AS_OF) for k in range(pf.num_row_groups)],
                  repeat=1)
    only = best(lambda: ica.validate(table, AS_OF), repeat=2)
    one = best(lambda: ica.validate(table, AS_OF, threads=1), repeat=1)
    # validate_many over dicts, slice by slice (1M dicts at once would take several GB).
    dicts_t = many_t = T(0.0, 0.0)
    step = 100_000
    for start in range(0, rows, step):
        part = table.slice(start, step)
        holder: List[Any] = []
        d = best(lambda: holder.append(ica.to_dicts(part)), repeat=1)
        m = best(lambda: ic.validate_many(holder[0], as_of=AS_OF), repeat=1)
        dicts_t = T(dicts_t + d, dicts_t.cpu + d.cpu)
        many_t = T(many_t + m, many_t.cpu + m.cpu)
        del holder
    both = T(many_t + dicts_t, many_t.cpu + dicts_t.cpu)
    pylist_sample = min(rows, 100_000)
    pl_t = best(lambda: table.slice(0, pylist_sample).to_pylist(), repeat=1)
    pylist_t = pl_t * rows / pylist_sample
    out.append(f"| validate {rows:,} five-line invoices: Parquet read + arrow.validate (2 threads) vs "
               f"validate_many over dicts | {total:.2f} s | {many_t:.2f} s | {many_t / total:.1f}× |")
    out.append(f"| … the file by row groups (memory_map), arrow.validate on each vs validate_many | "
               f"{groups:.2f} s | {many_t:.2f} s | {many_t / groups:.1f}× |")
    ref_both = read_t + dicts_t + many_t
    out.append(f"| … the Parquet read counted on both sides: read + arrow.validate vs read + to_dicts + "
               f"validate_many | {total:.2f} s | {ref_both:.2f} s | {ref_both / total:.1f}× |")
    out.append(f"| … arrow.validate on the table in memory (2 threads) vs validate_many | {only:.2f} s "
               f"| {many_t:.2f} s | {many_t / only:.1f}× ({cpu_ratio(only, many_t)}) |")
    out.append(f"| … vs validate_many plus building its dicts (arrow.to_dicts) | {only:.2f} s "
               f"| {both:.2f} s | {both / only:.1f}× ({cpu_ratio(only, both)}) |")
    out.append(f"| … arrow.validate with 1 thread vs validate_many | {one:.2f} s | {many_t:.2f} s "
               f"| {many_t / one:.1f}× ({cpu_ratio(one, many_t)}) |")
    out.append(f"(Parquet read alone {read_t:.2f} s, by row groups {groups:.2f} s wall {groups.cpu:.2f} s CPU; pyarrow to_pylist of the rows, estimated from "
               f"{pylist_sample:,}: {pylist_t:.1f} s. Per invoice, CPU time: arrow.validate "
               f"{one.cpu / rows * 1e6:.2f} µs with 1 thread, {only.cpu / rows * 1e6:.2f} µs over 2 threads; "
               f"validate_many {many_t.cpu / rows * 1e6:.2f} µs; to_dicts {dicts_t.cpu / rows * 1e6:.2f} µs. "
               f"Wall: arrow {one / rows * 1e6:.2f} µs (1 thread), {only / rows * 1e6:.2f} µs (2 threads), "
               f"validate_many {many_t / rows * 1e6:.2f} µs)")
    for n in sorted({min(n, rows) for n in (10_000, 100_000, rows)}):
        part = table.slice(0, n)
        t = best(lambda: ica.validate(part, AS_OF), repeat=2)
        out.append(f"scaling: {n:>9,} rows {t:7.3f} s wall, {t.cpu:7.3f} s CPU, "
                   f"{t / n * 1e6:.2f} µs/invoice wall, {t.cpu / n * 1e6:.2f} µs CPU")


def peak_memory(path: Path) -> str:
    """The high-water mark of resident memory (VmHWM, which a fresh process starts afresh; its
    ru_maxrss would carry the parent's) after the imports, the Parquet read and the validation."""
    code = (
        "import re, pyarrow.parquet as pq; from invoice_core import arrow as a; "
        "from invoice_core.datasets import AS_OF\n"
        "m = lambda: int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
        "r0 = m(); t = pq.read_table(%r); r1 = m(); f = a.validate(t, AS_OF)\n"
        "print(r0, r1, m(), t.nbytes)" % str(path)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    imports, after_read, peak = (int(x) / 1024 for x in out[:3])
    table_mb = int(out[3]) / 2**20
    return (f"peak RSS (VmHWM): {imports:,.0f} MB after the imports, {after_read:,.0f} MB after reading the "
            f"Parquet file (the table holds {table_mb:,.0f} MB), {peak:,.0f} MB after validating it")


def spark_bench(path: Path, out: List[str]) -> None:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    spark = (SparkSession.builder.master("local[2]").appName("invoice-core-bench")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "4g").getOrCreate())
    df = spark.read.parquet(str(path)).select("seller_tax_id").cache()
    n = df.count()

    def arrow_valid(batches: Any) -> Any:
        import pyarrow as pa_

        from invoice_core import arrow as a

        for b in batches:
            yield pa_.RecordBatch.from_arrays([pa_.array(a.id_valid(b.column(0), threads=1))], ["ok"])

    def stdnum_valid(s):  # type: ignore[no-untyped-def]  # no hints: a plain row-wise UDF
        from stdnum.cn import uscc as std_uscc

        return bool(std_uscc.is_valid(s))

    row_udf = F.udf(stdnum_valid, "boolean")

    def run_arrow() -> Any:
        return df.mapInArrow(arrow_valid, "ok boolean").agg(F.sum(F.col("ok").cast("int"))).collect()

    def run_udf() -> Any:
        return df.select(row_udf("seller_tax_id").alias("ok")).agg(F.sum(F.col("ok").cast("int"))).collect()

    assert run_arrow() == run_udf()
    a_t = best(run_arrow, repeat=2)
    u_t = best(run_udf, repeat=2)
    out.append(f"| Spark local[2], USCC over {n:,} rows: mapInArrow + arrow.id_valid vs row-wise UDF calling "
               f"stdnum | {a_t:.2f} s | {u_t:.2f} s | {u_t / a_t:.1f}× |")
    spark.stop()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--data", type=Path, default=None, help="reuse this Parquet file (five-line invoices)")
    p.add_argument("--skip-spark", action="store_true")
    a = p.parse_args()
    out: List[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = a.data or Path(tmp) / "invoices.parquet"
        if not path.exists():
            t = time.perf_counter()
            write_parquet(str(path), a.rows, seed=11, lines=5)
            print(f"generated {a.rows:,} five-line invoices in {time.perf_counter() - t:.1f} s "
                  f"({path.stat().st_size / 1e6:.0f} MB Parquet)", flush=True)
        rows = pq.read_metadata(path).num_rows
        ids = pq.read_table(path, columns=["seller_tax_id", "buyer_tax_id"])
        column = pa.concat_arrays([c.combine_chunks() for c in (ids["seller_tax_id"],)])
        uscc_bench(column, out)
        validate_bench(path, rows, out)
        out.append(peak_memory(path))
        if not a.skip_spark:
            spark_bench(path, out)
    load = os.getloadavg()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"pyarrow {pa.__version__}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
          f"maxrss of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    print("| comparison | invoice_core | reference | ratio |")
    print("|---|---:|---:|---:|")
    for line in out:
        print(line)


if __name__ == "__main__":
    main()
