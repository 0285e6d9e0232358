"""The DuckDB warehouse: schema from the contract, state queries, and the one-transaction load."""

from __future__ import annotations

from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from sitrep import PIPELINE_VERSION
from sitrep.schema import contract
from warehouse import lake
from warehouse.comments import apply_comments
from warehouse.exceptions import SchemaMismatch, WarehouseBusy, WarehouseError
from warehouse.incidents import link_incidents
from warehouse.inbox import FileStamp
from warehouse.versions import STAMP_PATH_SQL, mark_current, stamp_path, unpair_versions

# Tables loaded from a run's lake partition, in dependency order.
LOADED_TABLES = ("documents", "entities", "mentions", "attack_events", "tallies", "quarantine")
_SQL_LAYERS = ("staging", "marts")


# A load streams the run's lake partition; beyond this DuckDB spills its buffers to disk. Its
# primary-key indexes stay in memory: a 100,000-document run fails under 128 MB, loads under 256 MB.
LOAD_MEMORY_LIMIT = "512MB"


def connect(path: Path, read_only: bool = False, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `sitrep run` (or `sitrep demo`) first")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        config = {"memory_limit": memory_limit} if memory_limit else {}
        return duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseBusy(f"warehouse {path} is in use by another process: {exc}") from exc
        raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc


def has_schema(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables where table_name = 'sitrep_meta'").fetchone()[0])


def check_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse, before writing anything, a warehouse whose contract this sitrep does not know:
    one made by a newer sitrep, or an older one with no migration (see warehouse/migrations.py)."""
    from warehouse.migrations import MIGRATIONS

    found, current = _contract_version(con), contract().version
    if found > current:
        raise SchemaMismatch(f"warehouse contract version {found} is newer than this sitrep's ({current}): "
                             "upgrade sitrep, or point --data-dir at another warehouse")
    missing = [v for v in range(found, current) if v not in MIGRATIONS]
    if missing:
        raise SchemaMismatch(f"warehouse contract version {found} is older than {current} and no migration "
                             f"from version {missing[0]} exists: rebuild it from the lake or the inbox "
                             "(README, 'Upgrading the warehouse')")
    if found == current:
        for table in contract().tables.values():
            have = {r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_name = ?", [table.name]).fetchall()}
            lacking = [c for c in table.column_names if c not in have]
            if have and lacking:
                raise SchemaMismatch(f"table {table.name} lacks column(s) {', '.join(lacking)} of contract "
                                     f"version {current}: the warehouse was changed outside sitrep")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Check the warehouse's contract, migrate it if a migration exists, create missing tables
    and (re)create the views, all in one transaction; safe to call on every run."""
    from warehouse.migrations import MIGRATIONS

    c = contract()
    existing = has_schema(con)
    if existing:
        check_schema(con)
    con.execute("begin")
    for version in range(_contract_version(con) if existing else c.version, c.version):
        MIGRATIONS[version](con)
    for table in c.tables.values():
        con.execute(table.create_sql())
    con.execute("create table if not exists sitrep_meta (key varchar primary key, value varchar)")
    # incremental state: the hash of each inbox file seen, so unchanged files are not re-read
    con.execute("create table if not exists sitrep_file_stamps (folder varchar, name varchar, size bigint, "
                "mtime_ns bigint, sha256 varchar, primary key (folder, name))")
    con.execute("insert or replace into sitrep_meta values ('contract_version', ?), ('pipeline_version', ?)",
                [str(c.version), PIPELINE_VERSION])
    for layer in _SQL_LAYERS:
        for sql in sorted(resources.files("warehouse").joinpath("sql", layer).iterdir(), key=lambda f: f.name):
            if sql.name.endswith(".sql"):
                con.execute(sql.read_text(encoding="utf-8"))
    apply_comments(con)  # after the views: `create or replace view` drops their comments
    con.execute("commit")


def _contract_version(con: duckdb.DuckDBPyConnection) -> int:
    """The contract version a warehouse was made under; 0 for one that never recorded it."""
    row = con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone()
    return int(row[0]) if row else 0


# Run statuses whose rows are in the warehouse (and so in the lake).
LOADED_STATUSES = ("succeeded", "succeeded_with_quarantine")


def run_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("select run_id from runs").fetchall()}


def loaded_run_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The runs whose load committed: the only ones whose lake partitions may stay."""
    return {r[0] for r in con.execute("select run_id from runs where status in (select unnest(?))",
                                      [list(LOADED_STATUSES)]).fetchall()}


def known_hashes(con: duckdb.DuckDBPyConnection, hashes: list[str], pipeline_version: str = PIPELINE_VERSION) -> set[str]:
    """Which of `hashes` the warehouse already loaded, or quarantined under this
    `pipeline_version`: those files are not new. A file quarantined by another pipeline
    version is tried again (the new version may read it). A semi-join on the candidates, so
    the cost follows the inbox's new files, not the warehouse."""
    if not hashes:
        return set()
    con.register("candidate_hashes", pa.table({"sha256": pa.array(hashes, pa.string())}))
    try:
        rows = con.execute("""
            select sha256 from candidate_hashes
            where sha256 in (select source_sha256 from documents)
               or sha256 in (select source_sha256 from quarantine where pipeline_version is not distinct from ?)
        """, [pipeline_version]).fetchall()
    finally:
        con.unregister("candidate_hashes")
    return {r[0] for r in rows}


def file_stamps(con: duckdb.DuckDBPyConnection, folder: str) -> dict[str, FileStamp]:
    """What earlier runs recorded of the files in `folder`: name -> (size, mtime, hash)."""
    rows = con.execute("select name, size, mtime_ns, sha256 from sitrep_file_stamps where folder = ?", [folder]).fetchall()
    return {name: FileStamp(size, mtime, sha) for name, size, mtime, sha in rows}


def stamped_names(path: Path, folder: str) -> set[str]:
    """The names of the files of `folder` that earlier runs recorded (a cheap look before a run)."""
    con = connect(path, read_only=True)
    try:
        if not has_schema(con):
            return set()
        return set(file_stamps(con, folder))
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot read {path}: {exc}") from exc
    finally:
        con.close()


def similar_documents(con: duckdb.DuckDBPyConnection, signatures: list[list[int]], bands: int,
                      rows: int) -> list[tuple[str, list[int], Any]]:
    """Loaded documents sharing at least one LSH band with one of `signatures` (the only ones
    that can be near-duplicates of them), oldest first, as (doc_id, signature, ingested_at). The bands are cut in SQL, so no
    signature but the candidates' leaves the warehouse."""
    if not signatures:
        return []
    probes = [(band, sig[band * rows:(band + 1) * rows]) for sig in signatures for band in range(bands)]
    con.register("probe_bands", pa.table({"band": pa.array([b for b, _ in probes], pa.int32()),
                                          "key": pa.array([k for _, k in probes], pa.list_(pa.int64()))}))
    try:
        found = con.execute("""
            with bands as (
                select d.doc_id, d.minhash, d.ingested_at, b.band,
                       list_slice(d.minhash, b.band * $rows + 1, (b.band + 1) * $rows) as key
                from documents d, (select range::integer as band from range($bands)) b
                where d.minhash is not null
            )
            select distinct bands.doc_id, bands.minhash, bands.ingested_at
            from bands join probe_bands p on bands.band = p.band and bands.key = p.key
            order by bands.ingested_at, bands.doc_id
        """, {"rows": rows, "bands": bands}).fetchall()
    finally:
        con.unregister("probe_bands")
    return [(doc_id, list(sig), loaded_at) for doc_id, sig, loaded_at in found]


def run_tables(con: duckdb.DuckDBPyConnection, lake_uri: str, run_id: str) -> dict[str, Any]:
    """A run's lake partition as `load_run` inputs. On a local disk DuckDB reads the Parquet
    itself, streamed within its memory limit (a pyarrow dataset scan doubled the load's peak: +1 GB
    for 100,000 documents); a remote lake goes through pyarrow datasets (DuckDB's httpfs would be
    a download)."""
    out = {}
    for name in LOADED_TABLES:
        files = lake.run_files(lake_uri, name, run_id)
        data = lake.run_dataset(lake_uri, name, run_id) if files is None else (con.read_parquet(files) if files else None)
        if data is not None:
            out[name] = data
    return out


def load_run(con: duckdb.DuckDBPyConnection, tables: dict[str, Any], run_row: dict,
             stamps: list[tuple[str, str, FileStamp]] = ()) -> int:
    """Insert a run's rows, its `runs` row and the stamps of the files it read in one
    transaction; returns rows written. `tables` hold Arrow tables, datasets or DuckDB relations,
    which DuckDB scans batch by batch. Entities are merged: a known entity gains the new run's aliases."""
    written = 0
    con.execute("begin")
    try:
        _release_superseded(con, tables, stamps)
        for name in LOADED_TABLES:
            table = tables.get(name)
            if table is None:
                continue
            con.register("incoming", table)
            if name == "entities":
                # one row per entity even when several batches of the run found it
                firsts = ", ".join(f"first({c}) as {c}" for c in contract()["entities"].column_names
                                   if c not in ("entity_id", "aliases"))
                inserted = con.execute(f"""
                    insert into entities by name
                    select entity_id, {firsts}, list_sort(list_distinct(flatten(list(aliases)))) as aliases
                    from incoming group by entity_id
                    on conflict (entity_id) do update set
                        aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases)))""")
            else:
                inserted = con.execute(f"insert into {name} by name select * from incoming")
            written += inserted.fetchone()[0]  # the statement's count of rows inserted (or merged)
            con.unregister("incoming")
            if name == "documents":  # before incidents and stories, which read duplicate_of
                unpair_versions(con, run_row["run_id"])
            if name == "attack_events":
                link_incidents(con, run_row["run_id"])  # one attack in several articles: one incident
        run_row = {**run_row, "rows_written": written}
        _insert_run(con, run_row)
        _record_stamps(con, stamps)
        _mark_versions(con, stamps, run_row["run_id"])
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise WarehouseError(f"load of run {run_row['run_id']} rolled back: {exc}") from exc
    return written


def superseded_quarantine(con: duckdb.DuckDBPyConnection, tables: dict[str, Any],
                         stamps: list[tuple[str, str, FileStamp]] = ()) -> list[tuple[str, str]]:
    """(run_id, source_sha256) of the quarantine rows a run's load (or no-op run) replaces or
    resolves. A quarantine row describes the content its file held; it goes when
    - the same content or the same file is now loaded, or quarantined again (a retry after a
      pipeline version change, or a file changed in place), from `tables`;
    - its file now holds content the warehouse has loaded (fixed, or changed back to an earlier
      version: nothing new to load) and no other inbox file still holds the quarantined bytes,
      from `stamps` (the files the run hashed: (folder, name, FileStamp)) over the recorded
      stamps, so a run also resolves rows an older sitrep left.
    Ask before `load_run`/`record_run`, which delete them; the lake then drops them from those
    runs' partitions (`lake.drop_rows`)."""
    with _incoming_keys(con, tables, stamps):
        return con.execute(f"select run_id, source_sha256 from quarantine where {_SUPERSEDED} "
                           "order by run_id, source_sha256").fetchall()


_SUPERSEDED = ("source_sha256 in (select sha256 from incoming_keys) "
               "or source_path in (select source_path from incoming_keys) "
               "or exists (select 1 from resolved_files r where r.source_path = quarantine.source_path "
               "and r.quarantined_sha256 = quarantine.source_sha256)")


def _release_superseded(con: duckdb.DuckDBPyConnection, tables: dict[str, Any],
                        stamps: list[tuple[str, str, FileStamp]] = ()) -> None:
    with _incoming_keys(con, tables, stamps):
        con.execute(f"delete from quarantine where {_SUPERSEDED}")


@contextmanager
def _incoming_keys(con: duckdb.DuckDBPyConnection, tables: dict[str, Any], stamps: list[tuple[str, str, FileStamp]]):
    """Register `incoming_keys` (sha256, source_path) of a run's documents and quarantine rows,
    and `resolved_files` (source_path, quarantined_sha256): quarantined files that now hold
    loaded content (the warehouse's or the run's documents) while no file holds the bad bytes."""
    names = [name for name in ("documents", "quarantine") if tables.get(name) is not None]
    for name in names:
        con.register(f"incoming_{name}", tables[name])
    parts = [f"select source_sha256 as sha256, source_path from incoming_{name}" for name in names]
    con.execute("create or replace temp view incoming_keys as "
                + (" union all ".join(parts) or "select null::varchar as sha256, null::varchar as source_path"))
    con.register("run_stamps", pa.table({"folder": pa.array([f for f, _, _ in stamps], pa.string()),
                                         "name": pa.array([n for _, n, _ in stamps], pa.string()),
                                         "sha256": pa.array([s.sha256 for _, _, s in stamps], pa.string())}))
    loaded = " union ".join(["select source_sha256 from documents"]
                            + (["select source_sha256 from incoming_documents"] if "documents" in names else []))
    con.execute(f"""create or replace temp view resolved_files as
        with files_now as (  -- what each inbox file holds: this run's hashes over the recorded ones
            select {STAMP_PATH_SQL} as source_path, sha256 from run_stamps
            union all
            select {STAMP_PATH_SQL}, sha256 from sitrep_file_stamps s
            where not exists (select 1 from run_stamps r where r.folder = s.folder and r.name = s.name)
        )
        select q.source_path, q.source_sha256 as quarantined_sha256
        from quarantine q join files_now f using (source_path)
        where f.sha256 <> q.source_sha256 and f.sha256 in ({loaded})
          and q.source_sha256 not in (select sha256 from files_now)""")
    try:
        yield
    finally:
        con.execute("drop view if exists resolved_files")
        con.execute("drop view if exists incoming_keys")
        con.unregister("run_stamps")
        for name in names:
            con.unregister(f"incoming_{name}")


def record_run(con: duckdb.DuckDBPyConnection, run_row: dict, stamps: list[tuple[str, str, FileStamp]] = ()) -> None:
    """A run that loads nothing (nothing new, or failed validation) is still recorded."""
    con.execute("begin")
    try:
        _release_superseded(con, {}, stamps)  # a quarantined file changed back to loaded content
        _insert_run(con, {**run_row, "rows_written": 0})
        _record_stamps(con, stamps)
        _mark_versions(con, stamps)  # a file changed back to content loaded before: that version is current again
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise WarehouseError(f"recording run {run_row['run_id']} rolled back: {exc}") from exc


def _mark_versions(con: duckdb.DuckDBPyConnection, stamps: list[tuple[str, str, FileStamp]],
                   run_id: str | None = None) -> None:
    """Mark which version of each file the run saw is current (`documents.superseded_by`,
    warehouse/versions.py): from the files it hashed and the documents run `run_id` loaded."""
    mark_current(con, [(stamp_path(folder, name), stamp.sha256) for folder, name, stamp in stamps], run_id)


def _record_stamps(con: duckdb.DuckDBPyConnection, stamps: list[tuple[str, str, FileStamp]]) -> None:
    if not stamps:
        return
    con.register("new_stamps", pa.table({
        "folder": [f for f, _, _ in stamps], "name": [n for _, n, _ in stamps],
        "size": pa.array([s.size for _, _, s in stamps], pa.int64()),
        "mtime_ns": pa.array([s.mtime_ns for _, _, s in stamps], pa.int64()),
        "sha256": [s.sha256 for _, _, s in stamps]}))
    con.execute("insert or replace into sitrep_file_stamps select folder, name, size, mtime_ns, sha256 from new_stamps")
    con.unregister("new_stamps")


def _insert_run(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    cols = contract()["runs"].column_names
    row = {"pipeline_version": PIPELINE_VERSION, **row}
    con.execute(f"insert into runs ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
                [row.get(c) for c in cols])
