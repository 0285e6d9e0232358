"""Read-only SQL over the warehouse, for the CLI and for anyone importing sitrep.

"Read-only" covers the file system too, not only the database file: a connection opened here
(`read_only_connection`) runs only reading statements (SELECT, EXPLAIN, PRAGMA, CALL; one per
call), has DuckDB's external access switched off except for reading the directories it is
given (the lake), cannot load or install extensions, and has its configuration locked so a
query cannot switch any of that back on. COPY ... TO, EXPORT DATABASE, ATTACH, INSTALL/LOAD,
SET and every DDL/DML statement fail with a one-line error.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import store
from warehouse.exceptions import QueryError, WarehouseBusy


# Statement kinds that only read. Anything else (COPY, EXPORT, ATTACH, LOAD, SET, INSERT, ...) is refused.
READING_STATEMENTS = frozenset({"SELECT", "EXPLAIN", "PRAGMA", "CALL"})


def run_query(path: Path, sql: str, wait_seconds: float = 30.0, on_wait=None,
              readable: list[Path] | None = None) -> pa.Table:
    """Run one reading statement on a read-only connection (see the module's doc); anything
    that would write raises QueryError. `readable`: directories whose files a query may read
    (default: the `lake` folder beside the warehouse). While a load holds the file, wait up to
    `wait_seconds` for it to finish (telling `on_wait` once), then raise WarehouseBusy."""
    return run_queries(path, {"result": sql}, wait_seconds, on_wait, readable)["result"]


def run_queries(path: Path, queries: dict[str, str], wait_seconds: float = 30.0, on_wait=None,
                readable: list[Path] | None = None) -> dict[str, pa.Table]:
    """Several statements on one read-only connection, so they see the same committed state."""
    con = connect_when_free(path, wait_seconds, on_wait, readable)
    try:
        out = {}
        for name, sql in queries.items():
            check_reading(sql)
            try:  # errors surface at planning (syntax) or at execution (error(), casts, division)
                relation = con.sql(sql)
                out[name] = relation.to_arrow_table() if relation is not None else pa.table({})
            except duckdb.Error as exc:
                raise QueryError(str(exc).splitlines()[0]) from exc
        return out
    finally:
        con.close()


def check_reading(sql: str) -> None:
    """Raise QueryError unless `sql` is exactly one statement of a reading kind."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(str(exc).splitlines()[0]) from exc
    if len(statements) != 1:
        raise QueryError(f"give exactly one SQL statement (got {len(statements)})")
    kind = statements[0].type.name
    if kind not in READING_STATEMENTS:
        raise QueryError(f"the warehouse is read-only here: {kind} statements are refused "
                         f"(allowed: {', '.join(sorted(READING_STATEMENTS))})")


def read_only_connection(path: Path, readable: list[Path] | None = None) -> duckdb.DuckDBPyConnection:
    """A connection that can write nothing: the database read-only, no file access but reading
    `readable` directories, no extensions, configuration locked (DuckDB's `allowed_directories`,
    `enable_external_access`, `lock_configuration`)."""
    con = store.connect(path, read_only=True)
    folders = [str(p) for p in (readable if readable is not None else [Path(path).parent / "lake"])]
    try:
        con.execute("set allowed_directories = ?", [[os.path.join(os.path.abspath(f), "") for f in folders]])
        con.execute("set enable_external_access = false")
        con.execute("set autoinstall_known_extensions = false")
        con.execute("set autoload_known_extensions = false")
        con.execute("set lock_configuration = true")
    except duckdb.Error:
        con.close()
        raise
    return con


def connect_when_free(path: Path, wait_seconds: float = 30.0, on_wait=None,
                      readable: list[Path] | None = None) -> duckdb.DuckDBPyConnection:
    """A connection that can write nothing (`read_only_connection`); while a load holds the file, wait up to `wait_seconds` (telling
    `on_wait` once), then raise WarehouseBusy. The caller closes it."""
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            return read_only_connection(path, readable)
        except WarehouseBusy:
            if on_wait and not told:
                on_wait(f"the warehouse is being loaded by a run; waiting up to {wait_seconds:.0f} s")
                told = True
            if time.monotonic() >= deadline:
                raise WarehouseBusy(f"warehouse {path} stayed busy for {wait_seconds:.0f} s (a load is running); "
                                    "try again when it finishes") from None
            time.sleep(0.5)


def weekly_counts(path: Path) -> pa.Table:
    return run_query(path, "select * from weekly_attack_counts")


def contract_rows(path: Path) -> dict[str, list[dict]]:
    """Every row of the contract tables a scorer reads, as dicts (read-only): the current
    documents (`superseded_by` NULL, on a warehouse that has the column) and their rows."""
    current = ("where doc_id in (select doc_id from documents where superseded_by is null)"
               if _has_column(path, "documents", "superseded_by") else "")
    sql = {
        "documents": "select doc_id, source_path, source_sha256, published_date, published_source, duplicate_of "
                     f"from documents {current}",
        "entities": "select entity_id, name, entity_type, aliases, latitude, longitude from entities",
        "mentions": f"select doc_id, entity_id from mentions {current}",
        "attack_events": f"select * from attack_events {current}",
        "tallies": f"select * from tallies {current}",
    }
    return {name: table.to_pylist() for name, table in run_queries(path, sql).items()}


def report_rows(path: Path) -> dict:
    """What the data-quality report shows, read in one go (one connection, one state); the
    totals count current documents (`superseded_by` NULL) and their rows."""
    current = ("where doc_id in (select doc_id from documents where superseded_by is null)"
               if _has_column(path, "documents", "superseded_by") else "")
    tables = run_queries(path, {
        "runs": "select * from runs order by started_at desc limit 200",
        "quarantine": "select * from quarantine order by run_id desc, source_path",
        "weekly": "select * from weekly_attack_counts",
        "tallies": "select * from reported_tallies",
        "counts": f"""select (select count(*) from documents {current}) as documents,
            (select count(distinct incident_id) from attack_events {current}) as incidents,
            (select count(*) from attack_events {current}) as event_mentions,
            (select count(*) from tallies {current}) as tallies,
            (select count(*) from entities) as entities, (select count(*) from quarantine) as quarantined_files""",
        # the fields a weekly count or a map needs, and how many current rows lack them
        "gaps": f"""
            select 'documents with no publication date' as gap, count(*) filter (where published_date is null) as rows,
                   count(*) as of_rows,
                   list_sort(list(source_path) filter (where published_date is null))[1:5] as examples
            from documents {current}
            union all
            select 'attack events with no country', count(*) filter (where e.country_code is null), count(*),
                   list_sort(list(distinct d.source_path) filter (where e.country_code is null))[1:5]
            from attack_events e join documents d using (doc_id) {current.replace('doc_id', 'e.doc_id', 1)}
            union all
            -- a country alone is no point on a map (the s11 tester: "no place 0 of 57" beside seven
            -- events placed only at "Ukraine" or "Syria"): the map's gap is an event without coordinates
            select 'attack events with no place on the map (none, or only a country)',
                   count(*) filter (where e.latitude is null), count(*),
                   list_sort(list(distinct d.source_path) filter (where e.latitude is null))[1:5]
            from attack_events e join documents d using (doc_id) {current.replace('doc_id', 'e.doc_id', 1)}
            union all
            select 'attack events dated only by a range', count(*) filter (where e.event_date is null), count(*),
                   list_sort(list(distinct d.source_path) filter (where e.event_date is null))[1:5]
            from attack_events e join documents d using (doc_id) {current.replace('doc_id', 'e.doc_id', 1)}""",
    })
    rows = {name: table.to_pylist() for name, table in tables.items()}
    return {**rows, "counts": rows["counts"][0], "warehouse": path}


def _has_column(path: Path, table: str, column: str) -> bool:
    """Whether the warehouse has `table.column` (one made before a contract change may lack it)."""
    return run_query(path, f"select 1 from information_schema.columns where table_name = '{table}' "
                           f"and column_name = '{column}'").num_rows > 0


def run_history(path: Path, limit: int = 20, on_wait=None) -> pa.Table:
    """The latest `limit` runs, newest first: kind (ingest or reprocess), status, file counts, rows,
    validation, duration in seconds and pipeline version, plus the message of a failed run."""
    # `kind` (ingest or reprocess) came with contract 5; a warehouse not yet upgraded lacks it.
    kind = ("kind, " if run_query(path, "select 1 from information_schema.columns where table_name = 'runs' "
                                         "and column_name = 'kind'", on_wait=on_wait).num_rows else "")
    return run_query(path, f"""
        select run_id, {kind}date_trunc('second', started_at) as started_at, status, files_seen, files_new,
               files_quarantined, rows_written, validation_passed,
               round(epoch(finished_at - started_at), 1) as seconds, pipeline_version, message
        from runs order by started_at desc limit {int(limit)}""", on_wait=on_wait)


def quarantined_files(path: Path, on_wait=None) -> pa.Table:
    """Every quarantined file, newest first: path, stage (when the warehouse records it), reason,
    when (`quarantined_at` when recorded, else the start of the run that rejected it), run, hash."""
    con = connect_when_free(path, on_wait=on_wait)
    try:
        have = {r[0] for r in con.execute(
            "select column_name from information_schema.columns where table_name = 'quarantine'").fetchall()}
        stage = "q.stage, " if "stage" in have else ""
        when = "coalesce(q.quarantined_at, r.started_at)" if "quarantined_at" in have else "r.started_at"
        return con.sql(f"""
            select q.source_path, {stage}q.reason, {when} as quarantined_at, q.run_id, q.source_sha256
            from quarantine q left join runs r using (run_id)
            order by quarantined_at desc nulls last, q.source_path""").to_arrow_table()
    except duckdb.Error as exc:
        raise QueryError(str(exc).splitlines()[0]) from exc
    finally:
        con.close()
