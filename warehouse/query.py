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
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            con = store.connect(path, read_only=True)
            break
        except WarehouseBusy:
            if on_wait and not told:
                on_wait(f"the warehouse is being loaded by a run; waiting up to {wait_seconds:.0f} s")
                told = True
            if time.monotonic() >= deadline:
                raise WarehouseBusy(f"warehouse {path} stayed busy for {wait_seconds:.0f} s (a load is running); "
                                    "try again when it finishes") from None
            time.sleep(0.5)
    try:
        try:
            relation = con.sql(sql)
        except duckdb.Error as exc:
            raise QueryError(str(exc).splitlines()[0]) from exc
        return relation.to_arrow_table() if relation is not None else pa.table({})
    finally:
        con.close()


def weekly_counts(path: Path) -> pa.Table:
    return run_query(path, "select * from weekly_attack_counts")


def contract_rows(path: Path) -> dict[str, list[dict]]:
    """Every row of the contract tables a scorer reads, as dicts (read-only)."""
    sql = {
        "documents": "select doc_id, source_path, published_date, published_source, duplicate_of from documents",
        "entities": "select entity_id, name, entity_type, aliases from entities",
        "mentions": "select doc_id, entity_id from mentions",
        "attack_events": "select * from attack_events",
        "tallies": "select * from tallies",
    }
    return {name: run_query(path, q).to_pylist() for name, q in sql.items()}


def report_rows(path: Path) -> dict:
    """What the data-quality report shows, read in one go."""
    rows = {
        "runs": run_query(path, "select * from runs order by started_at desc limit 200").to_pylist(),
        "quarantine": run_query(path, "select * from quarantine order by run_id desc, source_path").to_pylist(),
        "weekly": run_query(path, "select * from weekly_attack_counts").to_pylist(),
        "tallies": run_query(path, "select * from reported_tallies").to_pylist(),
    }
    totals = run_query(path, """select (select count(*) from documents) as documents,
        (select count(distinct incident_id) from attack_events) as incidents,
        (select count(*) from attack_events) as event_mentions, (select count(*) from tallies) as tallies,
        (select count(*) from entities) as entities, (select count(*) from quarantine) as quarantined_files""").to_pylist()[0]
    return {**rows, "counts": totals, "warehouse": path}
