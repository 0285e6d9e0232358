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

PART_NAME = "part-0.parquet"


_RUN_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")


def partition_dir(lake_dir: Path, table: str, run_id: str) -> Path:
    """The folder of one run's rows of one table; names are checked so no path leaves the lake."""
    if table not in contract().tables or not _RUN_ID.match(run_id) or ".." in run_id:
        raise WarehouseError(f"refusing lake path for table {table!r}, run {run_id!r}")
    return lake_dir / table / f"run_id={run_id}"


def write_run(lake_dir: Path, run_id: str, tables: dict[str, pa.Table]) -> dict[str, Path]:
    """Write each table of one run atomically; returns table -> file written."""
    written = {}
    for name, table in tables.items():
        folder = partition_dir(lake_dir, name, run_id)
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / PART_NAME
        tmp = folder / f".{PART_NAME}.{uuid.uuid4().hex}.tmp"
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
    """The tables of one run as Arrow, cast to the contract schema."""
    out = {}
    for name in tables or list(contract().tables):
        path = partition_dir(lake_dir, name, run_id) / PART_NAME
        if not path.exists():
            continue
        try:
            table = pq.read_table(path)
        except (pa.ArrowException, OSError) as exc:
            raise WarehouseError(f"lake file {path} is unreadable: {exc}") from exc
        out[name] = table.select(contract()[name].column_names).cast(contract()[name].arrow_schema())
    return out


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
