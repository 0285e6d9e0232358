"""The Parquet lake: one dataset per table, one partition folder per run.

    lake/<table>/run_id=<run_id>/part-0.parquet

A file is written under a temporary name in its final folder and renamed into place, so a
reader never sees half a file. A run only adds folders; nothing is rewritten.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.schema import contract
from warehouse.exceptions import WarehouseError

PART_NAME = "part-{}.parquet"  # one file per batch of the run: part-0, part-1, ...


_RUN_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")


def partition_dir(lake_dir: Path, table: str, run_id: str) -> Path:
    """The folder of one run's rows of one table; names are checked so no path leaves the lake."""
    if table not in contract().tables or not _RUN_ID.match(run_id) or ".." in run_id:
        raise WarehouseError(f"refusing lake path for table {table!r}, run {run_id!r}")
    return lake_dir / table / f"run_id={run_id}"


def write_run(lake_dir: Path, run_id: str, tables: dict[str, pa.Table], part: int = 0) -> dict[str, Path]:
    """Write one batch of each table of a run atomically; returns table -> file written."""
    written = {}
    for name, table in tables.items():
        folder = partition_dir(lake_dir, name, run_id)
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / PART_NAME.format(part)
        tmp = folder / f".{final.name}.{uuid.uuid4().hex}.tmp"
        try:
            pq.write_table(table, tmp, compression="zstd")
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, final)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise WarehouseError(f"cannot write {final}: {exc.strerror or exc}") from exc
        written[name] = final
    return written


def read_run(lake_dir: Path, run_id: str, tables: list[str] | None = None) -> dict[str, pa.Table]:
    """The tables of one run (all its batches) as Arrow, cast to the contract schema. An entity
    seen in several batches is one row, with the aliases of all."""
    out = {}
    for name in tables or list(contract().tables):
        folder = partition_dir(lake_dir, name, run_id)
        parts = sorted(folder.glob(PART_NAME.format("*")), key=lambda p: int(p.stem.split("-")[1])) if folder.is_dir() else []
        if not parts:
            continue
        schema = contract()[name].arrow_schema()
        try:
            table = pa.concat_tables([pq.read_table(p).select(schema.names).cast(schema) for p in parts])
        except (pa.ArrowException, OSError, KeyError) as exc:
            raise WarehouseError(f"lake partition {folder} is unreadable: {exc}") from exc
        out[name] = _merge_entities(table) if name == "entities" and len(parts) > 1 else table
    return out


def _merge_entities(table: pa.Table) -> pa.Table:
    import polars as pl

    frame = pl.from_arrow(table)
    merged = frame.group_by("entity_id", maintain_order=True).agg(
        *[pl.col(c).first() for c in frame.columns if c not in ("entity_id", "aliases")],
        pl.col("aliases").flatten().unique().sort().alias("aliases"))
    return merged.select(frame.columns).to_arrow().cast(table.schema)


def remove_unfinished(lake_dir: Path, finished_runs: set[str]) -> int:
    """Delete the partitions of runs the warehouse never recorded (killed before their load
    committed); returns how many. Only safe under the run lock."""
    import shutil

    removed = 0
    for table in contract().tables:
        folder = lake_dir / table
        if not folder.is_dir():
            continue
        for partition in folder.iterdir():
            run_id = partition.name.removeprefix("run_id=")
            if partition.is_dir() and partition.name.startswith("run_id=") and run_id not in finished_runs:
                shutil.rmtree(partition)
                removed += 1
    return removed
