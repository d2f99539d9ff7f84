"""Polars: the .invoice expression namespace (map_batches over the Arrow path) and frames passed
to the table operations as they are (string views, large lists)."""

from pathlib import Path

import polars as pl
import pyarrow as pa

import invoice_core as ic
from invoice_core import arrow as ica
from invoice_core.datasets import AS_OF
from invoice_core.engines import register_polars

from conftest import findings_by_row

register_polars()


def test_expressions(parquet_path: Path) -> None:
    df = pl.read_parquet(parquet_path).with_columns(
        ok=pl.col("seller_tax_id").invoice.uscc_valid(),
        err=pl.col("seller_tax_id").invoice.id_error("uscc"),
        words=pl.col("total").invoice.amount_in_words(),
        back=pl.col("total_in_words").invoice.words_to_amount(),
        code=pl.col("code").invoice.parse_invoice_code(),
    )
    for tax_id, ok, err, total, words in df.select("seller_tax_id", "ok", "err", "total", "words").iter_rows():
        assert ok == ic.uscc.is_valid(tax_id) and (err is None) == ok
        assert words == ic.amount_in_words(total)
    assert df.filter(pl.col("back") != pl.col("total")).height == 50
    assert df.filter(pl.col("ok").not_()).height == 50
    kinds = df.filter(pl.col("code").is_not_null()).select(pl.col("code").struct.field("kind")).to_series()
    assert set(kinds.to_list()) <= {"special_paper", "ordinary_paper", "electronic_ordinary"}


def test_lazy_frames_and_group_by(parquet_path: Path) -> None:
    out = (
        pl.scan_parquet(parquet_path)
        .group_by(pl.col("seller_tax_id").invoice.uscc_valid().alias("ok"))
        .agg(pl.len())
        .collect()
    )
    assert dict(out.iter_rows()) == {True: 1950, False: 50}


def test_a_frame_is_validated_as_it_is(parquet_path: Path, dataset: pa.Table) -> None:
    df = pl.read_parquet(parquet_path)
    found = pl.DataFrame(ica.validate(df, AS_OF))
    assert findings_by_row(found.to_arrow()) == findings_by_row(ica.validate(dataset, AS_OF))
    assert found.columns == pa.schema(ica.findings_schema()).names
