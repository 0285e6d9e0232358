"""Read-only SQL over the warehouse, for the CLI and for anyone importing sitrep."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import store
from warehouse.exceptions import QueryError, WarehouseBusy


def run_query(path: Path, sql: str, wait_seconds: float = 30.0, on_wait=None) -> pa.Table:
    """Run one statement on a read-only connection; a write statement fails. While a load holds
    the file, wait up to `wait_seconds` for it to finish (telling `on_wait` once), then raise
    WarehouseBusy."""
    return run_queries(path, {"result": sql}, wait_seconds, on_wait)["result"]


def run_queries(path: Path, queries: dict[str, str], wait_seconds: float = 30.0, on_wait=None) -> dict[str, pa.Table]:
    """Several statements on one read-only connection, so they see the same committed state."""
    con = _connect_when_free(path, wait_seconds, on_wait)
    try:
        out = {}
        for name, sql in queries.items():
            try:
                relation = con.sql(sql)
            except duckdb.Error as exc:
                raise QueryError(str(exc).splitlines()[0]) from exc
            out[name] = relation.to_arrow_table() if relation is not None else pa.table({})
        return out
    finally:
        con.close()


def _connect_when_free(path: Path, wait_seconds: float, on_wait) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            return store.connect(path, read_only=True)
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
    """Every row of the contract tables a scorer reads, as dicts (read-only)."""
    sql = {
        "documents": "select doc_id, source_path, published_date, published_source, duplicate_of from documents",
        "entities": "select entity_id, name, entity_type, aliases, latitude, longitude from entities",
        "mentions": "select doc_id, entity_id from mentions",
        "attack_events": "select * from attack_events",
        "tallies": "select * from tallies",
    }
    return {name: table.to_pylist() for name, table in run_queries(path, sql).items()}


def report_rows(path: Path) -> dict:
    """What the data-quality report shows, read in one go (one connection, one state)."""
    tables = run_queries(path, {
        "runs": "select * from runs order by started_at desc limit 200",
        "quarantine": "select * from quarantine order by run_id desc, source_path",
        "weekly": "select * from weekly_attack_counts",
        "tallies": "select * from reported_tallies",
        "counts": """select (select count(*) from documents) as documents,
            (select count(distinct incident_id) from attack_events) as incidents,
            (select count(*) from attack_events) as event_mentions, (select count(*) from tallies) as tallies,
            (select count(*) from entities) as entities, (select count(*) from quarantine) as quarantined_files""",
    })
    rows = {name: table.to_pylist() for name, table in tables.items()}
    return {**rows, "counts": rows["counts"][0], "warehouse": path}
