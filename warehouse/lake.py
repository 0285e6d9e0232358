"""The Parquet lake: one dataset per table, one partition folder per run.

    <lake>/<table>/run_id=<run_id>/part-0.parquet, part-1.parquet, ...  (one file per batch)

The lake is a local folder or any URI pyarrow has a filesystem for (`s3://bucket/prefix`,
`gs://...`, `hdfs://...`); an S3-compatible store takes its endpoint from the URI's query
(`?endpoint_override=host:port&scheme=http`) or from the usual AWS environment variables.
On a local disk a file is written under a temporary name in its final folder, synced and
renamed into place; an object store's PUT is already all or nothing. Either way a reader
never sees half a file.

A run's partitions become part of the lake when its load commits: `commit_run` then writes
the manifest `<lake>/_committed/<run_id>.json` naming its files, and `table_dataset` (the
lake reader) reads only the files that manifests name. The partitions of a run that did not
load (failed validation, a crash, Ctrl-C) are removed by that run or by the next one, and the
documents a run quarantines at validation are taken out of its partitions before it commits,
so the lake holds the warehouse's rows: no more, no fewer.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from sitrep.schema import contract
from warehouse.exceptions import WarehouseError

PART_NAME = "part-{}.parquet"
MANIFESTS = "_committed"
# The parsed documents a run's first pass staged for its analysis (transforms/staged.py): kept
# only while the run is in progress, outside every table's dataset.
STAGING = "_staging"
_PART = re.compile(r"^part-(\d+)\.parquet$")
_RUN_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")


@dataclass(frozen=True)
class Lake:
    """Where the lake lives: a pyarrow filesystem and the root path on it."""
    fs: pafs.FileSystem
    root: str

    @property
    def local(self) -> bool:
        return isinstance(self.fs, pafs.LocalFileSystem)


def open_lake(location: str | os.PathLike | Lake) -> Lake:
    """A lake from a local path or a filesystem URI (`s3://bucket/prefix?endpoint_override=...`)."""
    if isinstance(location, Lake):
        return location
    text = str(location)
    if "://" not in text:
        return Lake(pafs.LocalFileSystem(), Path(text).absolute().as_posix())
    try:
        fs, root = pafs.FileSystem.from_uri(text)
    except (pa.ArrowException, ValueError) as exc:
        raise WarehouseError(f"cannot open lake {text}: {exc}") from exc
    return Lake(fs, root.rstrip("/"))


def partition_dir(lake: str | os.PathLike | Lake, table: str, run_id: str) -> str:
    """The folder of one run's rows of one table; names are checked so no path leaves the lake."""
    if table not in contract().tables or not _RUN_ID.match(run_id) or ".." in run_id:
        raise WarehouseError(f"refusing lake path for table {table!r}, run {run_id!r}")
    return f"{open_lake(lake).root}/{table}/run_id={run_id}"


def write_run(lake: str | os.PathLike | Lake, run_id: str, tables: dict[str, pa.Table], part: int = 0) -> dict[str, str]:
    """Write one batch of each table of a run atomically; returns table -> file written."""
    lake = open_lake(lake)
    written = {}
    for name, table in tables.items():
        folder = partition_dir(lake, name, run_id)
        final = f"{folder}/{PART_NAME.format(part)}"
        _write_part(lake, table, folder, final, "write", create=True)
        written[name] = final
    return written


def staged_part(lake: str | os.PathLike | Lake, run_id: str, part: int) -> str:
    """Where batch `part` of a run's staged (parsed) documents lives."""
    lake = open_lake(lake)
    if not _RUN_ID.match(run_id) or ".." in run_id:
        raise WarehouseError(f"refusing staging path for run {run_id!r}")
    return f"{lake.root}/{STAGING}/run_id={run_id}/{PART_NAME.format(int(part))}"


def write_staged(lake: str | os.PathLike | Lake, run_id: str, part: int, table: pa.Table) -> str:
    """Stage one batch of a run's parsed documents (written like a table part: never half a file)."""
    lake = open_lake(lake)
    path = staged_part(lake, run_id, part)
    _write_part(lake, table, path.rsplit("/", 1)[0], path, "stage", create=True)
    return path


def read_staged(lake: str | os.PathLike | Lake, run_id: str, part: int) -> pa.Table:
    """One staged batch as written; WarehouseError when it is missing or unreadable."""
    lake = open_lake(lake)
    path = staged_part(lake, run_id, part)
    try:
        return pq.read_table(path, filesystem=lake.fs)
    except (pa.ArrowException, OSError) as exc:
        raise WarehouseError(f"staged batch {path} is unreadable: {exc}") from exc


def remove_staged(lake: str | os.PathLike | Lake, run_id: str | None = None) -> None:
    """Delete a run's staged batches (None: every run's, which only a run holding the lock may do)."""
    lake = open_lake(lake)
    folder = f"{lake.root}/{STAGING}" + (f"/run_id={run_id}" if run_id else "")
    if run_id and (not _RUN_ID.match(run_id) or ".." in run_id):
        raise WarehouseError(f"refusing staging path for run {run_id!r}")
    try:
        if lake.fs.get_file_info(folder).type == pafs.FileType.Directory:
            lake.fs.delete_dir(folder)
        parent = f"{lake.root}/{STAGING}"
        if run_id and not _entries(lake, parent) and lake.fs.get_file_info(parent).type == pafs.FileType.Directory:
            lake.fs.delete_dir(parent)  # the last run's staging gone: leave no empty folder behind
    except (OSError, pa.ArrowException) as exc:
        raise WarehouseError(f"cannot remove staged batches {folder}: {exc}") from exc


def _write_local(table: pa.Table, folder: str, final: str) -> None:
    tmp = f"{folder}/.{PART_NAME.format('x')}.{uuid.uuid4().hex}.tmp"
    try:
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    finally:
        Path(tmp).unlink(missing_ok=True)


def part_numbers(lake: str | os.PathLike | Lake, run_id: str, table: str = "documents") -> list[int]:
    """The batch numbers a run wrote for a table, in order."""
    return [n for n, _ in _numbered_parts(open_lake(lake), table, run_id)]


def read_run(lake: str | os.PathLike | Lake, run_id: str, tables: list[str] | None = None,
             parts: list[int] | None = None) -> dict[str, pa.Table]:
    """The tables of one run (all its batches, or the batches `parts`) as Arrow, cast to the
    contract schema. An entity seen in several batches is one row, with the aliases of all."""
    lake = open_lake(lake)
    out = {}
    for name in tables or list(contract().tables):
        files = _part_files(lake, name, run_id, parts)
        if not files:
            continue
        schema = contract()[name].arrow_schema()
        try:
            table = pa.concat_tables([_read_file(lake, f, schema) for f in files])
        except (pa.ArrowException, OSError, KeyError, WarehouseError) as exc:
            raise WarehouseError(f"lake partition {partition_dir(lake, name, run_id)} is unreadable: {exc}") from exc
        out[name] = merge_entities(table) if name == "entities" and len(files) > 1 else table
    return out


def row_counts(lake: str | os.PathLike | Lake, run_id: str) -> dict[str, int]:
    """Rows per table of one run, from the Parquet footers (nothing else is read)."""
    lake = open_lake(lake)
    out = {}
    for table in contract().tables:
        files = _part_files(lake, table, run_id, None)
        if files:
            out[table] = sum(pq.ParquetFile(f, filesystem=lake.fs).metadata.num_rows for f in files)
    return out


def run_dataset(lake: str | os.PathLike | Lake, table: str, run_id: str) -> ds.Dataset | None:
    """One run's rows of one table as a pyarrow dataset, read batch by batch by whoever scans it
    (the DuckDB load streams it: a run's tables are never all in memory)."""
    lake = open_lake(lake)
    files = _part_files(lake, table, run_id, None)
    if not files:
        return None
    return ds.dataset(files, schema=contract()[table].arrow_schema(), format="parquet", filesystem=lake.fs)


def run_files(lake: str | os.PathLike | Lake, table: str, run_id: str) -> list[str] | None:
    """The Parquet files of one run's table on a local lake, for an engine that reads them
    itself; None when the lake is on a remote filesystem (read it with `run_dataset`)."""
    lake = open_lake(lake)
    return _part_files(lake, table, run_id, None) if lake.local else None


def table_dataset(lake: str | os.PathLike | Lake, table: str) -> ds.Dataset:
    """Every committed run's rows of one table as one pyarrow dataset, for ad hoc SQL over the
    lake: `duckdb.connect().register("documents", table_dataset(uri, "documents"))`. Only the
    files named by committed runs' manifests: a run still loading, or one that failed, is not
    seen. Files written before a column was added read it as NULL."""
    lake = open_lake(lake)
    if table not in contract().tables:
        raise WarehouseError(f"no table {table!r} in the lake")
    files = [f"{lake.root}/{name}" for manifest in _manifests(lake).values() for name in manifest.get(table, [])]
    return ds.dataset(files, schema=contract()[table].arrow_schema(), format="parquet", filesystem=lake.fs)


def commit_run(lake: str | os.PathLike | Lake, run_id: str) -> dict[str, list[str]]:
    """Write the manifest of a run whose load committed: the files of each of its tables
    (relative to the lake root). Written atomically; rewriting it is harmless."""
    lake = open_lake(lake)
    files = {table: [path.removeprefix(lake.root + "/") for _, path in _numbered_parts(lake, table, run_id)]
             for table in contract().tables}
    files = {table: names for table, names in files.items() if names}
    folder = f"{lake.root}/{MANIFESTS}"
    final = f"{folder}/{_manifest_name(run_id)}"
    data = json.dumps({"run_id": run_id, "files": files}, indent=1).encode()
    try:
        lake.fs.create_dir(folder, recursive=True)
        if lake.local:
            tmp = f"{folder}/.{uuid.uuid4().hex}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
        else:
            with lake.fs.open_output_stream(final) as out:
                out.write(data)
    except (OSError, pa.ArrowException) as exc:
        raise WarehouseError(f"cannot write lake manifest {final}: {exc}") from exc
    return files


def committed_runs(lake: str | os.PathLike | Lake) -> set[str]:
    """The runs whose manifests the lake holds."""
    return set(_manifests(open_lake(lake)))


def _manifest_name(run_id: str) -> str:
    if not _RUN_ID.match(run_id) or ".." in run_id:
        raise WarehouseError(f"refusing lake manifest for run {run_id!r}")
    return f"{run_id}.json"


def _manifests(lake: Lake) -> dict[str, dict[str, list[str]]]:
    out = {}
    for path in _files(lake, f"{lake.root}/{MANIFESTS}"):
        name = path.rsplit("/", 1)[-1]
        if not name.endswith(".json") or name.startswith("."):
            continue
        try:
            with lake.fs.open_input_stream(path) as fh:
                raw = json.loads(fh.read())
        except (OSError, pa.ArrowException, ValueError) as exc:
            raise WarehouseError(f"lake manifest {path} is unreadable: {exc}") from exc
        out[raw["run_id"]] = raw["files"]
    return out


def drop_rows(lake: str | os.PathLike | Lake, run_id: str, table: str, column: str, values) -> int:
    """Rewrite one run's files of `table` without the rows whose `column` is in `values`
    (documents quarantined at validation, quarantine rows released or superseded); each file
    is replaced atomically. Returns the rows removed."""
    lake = open_lake(lake)
    values = pa.array(sorted(set(values)), pa.string())
    if not len(values):
        return 0
    import pyarrow.compute as pc

    schema = contract()[table].arrow_schema()
    removed = 0
    for _, path in _numbered_parts(lake, table, run_id):
        current = _read_file(lake, path, schema)
        keep = pc.invert(pc.is_in(current[column], value_set=values))
        kept = current.filter(keep)
        if kept.num_rows == current.num_rows:
            continue
        removed += current.num_rows - kept.num_rows
        folder = path.rsplit("/", 1)[0]
        _write_part(lake, kept, folder, path, "rewrite")
    return removed


def _read_file(lake: Lake, path: str, schema: pa.Schema) -> pa.Table:
    """One lake file in the contract's schema; columns added since it was written are NULL."""
    try:
        table = pq.read_table(path, filesystem=lake.fs)
    except (pa.ArrowException, OSError) as exc:
        raise WarehouseError(f"lake file {path} is unreadable: {exc}") from exc
    columns = [table[f.name].cast(f.type) if f.name in table.column_names
               else pa.chunked_array([pa.nulls(table.num_rows, f.type)]) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def _part_files(lake: Lake, table: str, run_id: str, parts: list[int] | None) -> list[str]:
    return [path for n, path in _numbered_parts(lake, table, run_id) if parts is None or n in parts]


def _numbered_parts(lake: Lake, table: str, run_id: str) -> list[tuple[int, str]]:
    """(batch number, path) of a run's files of one table, in batch order."""
    return sorted((int(m.group(1)), path) for path in _files(lake, partition_dir(lake, table, run_id))
                  if (m := _PART.match(path.rsplit("/", 1)[-1])))


def _files(lake: Lake, folder: str) -> list[str]:
    try:
        infos = lake.fs.get_file_info(pafs.FileSelector(folder, allow_not_found=True))
    except (OSError, pa.ArrowException) as exc:
        raise WarehouseError(f"cannot list lake folder {folder}: {exc}") from exc
    return [i.path for i in infos if i.type == pafs.FileType.File]


def merge_entities(table: pa.Table) -> pa.Table:
    import polars as pl

    frame = pl.from_arrow(table)
    merged = frame.group_by("entity_id", maintain_order=True).agg(
        *[pl.col(c).first() for c in frame.columns if c not in ("entity_id", "aliases")],
        pl.col("aliases").list.explode(keep_nulls=False, empty_as_null=False).unique().sort().alias("aliases"))
    return merged.select(frame.columns).to_arrow().cast(table.schema)


def remove_unfinished(lake: str | os.PathLike | Lake, loaded_runs: set[str]) -> int:
    """Delete the partitions and manifests of runs whose load never committed (killed, failed
    validation, interrupted); write the manifest of a loaded run that lacks one (its process
    died between the commit and the manifest, or it was loaded by a sitrep before 0.5).
    Returns how many partitions were removed. Only safe under the run lock."""
    lake = open_lake(lake)
    removed = 0
    present: set[str] = set()
    for table in contract().tables:
        for info in _entries(lake, f"{lake.root}/{table}"):
            name = info.path.rsplit("/", 1)[-1]
            if info.type == pafs.FileType.Directory and name.startswith("run_id="):
                run_id = name.removeprefix("run_id=")
                if run_id in loaded_runs:
                    present.add(run_id)
                else:
                    lake.fs.delete_dir(info.path)
                    removed += 1
    remove_staged(lake)  # no run is in progress: staged batches are leftovers of a crash
    manifests = committed_runs(lake)
    for run_id in manifests - loaded_runs:
        lake.fs.delete_file(f"{lake.root}/{MANIFESTS}/{_manifest_name(run_id)}")
    for run_id in present - manifests:
        commit_run(lake, run_id)
    return removed


def remove_run(lake: str | os.PathLike | Lake, run_id: str) -> int:
    """Delete every partition of one run that did not load (and its manifest, if any)."""
    lake = open_lake(lake)
    removed = 0
    for table in contract().tables:
        folder = partition_dir(lake, table, run_id)
        if lake.fs.get_file_info(folder).type == pafs.FileType.Directory:
            lake.fs.delete_dir(folder)
            removed += 1
    remove_staged(lake, run_id)
    manifest = f"{lake.root}/{MANIFESTS}/{_manifest_name(run_id)}"
    if lake.fs.get_file_info(manifest).type == pafs.FileType.File:
        lake.fs.delete_file(manifest)
    return removed


def _entries(lake: Lake, folder: str) -> list:
    try:
        return lake.fs.get_file_info(pafs.FileSelector(folder, allow_not_found=True))
    except (OSError, pa.ArrowException) as exc:
        raise WarehouseError(f"cannot list lake folder {folder}: {exc}") from exc


def _write_part(lake, table: pa.Table, folder: str, path: str, verb: str, create: bool = False) -> None:
    """One Parquet part at `path` (locally through a temporary name and a rename); WarehouseError
    naming the path on any I/O failure."""
    try:
        if create:
            lake.fs.create_dir(folder, recursive=True)
        if lake.local:
            _write_local(table, folder, path)
        else:
            pq.write_table(table, path, compression="zstd", filesystem=lake.fs)
    except (OSError, pa.ArrowException) as exc:
        raise WarehouseError(f"cannot {verb} {path}: {getattr(exc, 'strerror', None) or exc}") from exc
