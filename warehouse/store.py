"""The DuckDB warehouse: schema from the contract, state queries, and the one-transaction load."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from sitrep import PIPELINE_VERSION
from sitrep.schema import contract
from warehouse.exceptions import WarehouseBusy, WarehouseError

# Tables loaded from a run's lake partition, in dependency order.
LOADED_TABLES = ("documents", "entities", "mentions", "attack_events", "tallies", "quarantine")
_SQL_LAYERS = ("staging", "marts")


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `sitrep run` (or `sitrep demo`) first")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseBusy(f"warehouse {path} is in use by another process: {exc}") from exc
        raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and (re)create the views; safe to call on every run."""
    c = contract()
    con.execute("begin")
    for table in c.tables.values():
        con.execute(table.create_sql())
    con.execute("create table if not exists sitrep_meta (key varchar primary key, value varchar)")
    con.execute("insert or replace into sitrep_meta values ('contract_version', ?), ('pipeline_version', ?)",
                [str(c.version), PIPELINE_VERSION])
    for layer in _SQL_LAYERS:
        for sql in sorted(resources.files("warehouse").joinpath("sql", layer).iterdir(), key=lambda f: f.name):
            if sql.name.endswith(".sql"):
                con.execute(sql.read_text(encoding="utf-8"))
    con.execute("commit")


def known_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Content hashes already loaded or quarantined: those files are not new."""
    rows = con.execute("select source_sha256 from documents union select source_sha256 from quarantine").fetchall()
    return {r[0] for r in rows}


def prior_signatures(con: duckdb.DuckDBPyConnection) -> list[tuple[str, list[int]]]:
    rows = con.execute("select doc_id, minhash from documents order by ingested_at, doc_id").fetchall()
    return [(doc_id, list(sig)) for doc_id, sig in rows if sig]


def prior_publication_dates(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> list:
    rows = con.execute("select published_date from documents where published_date is not null "
                       "order by ingested_at desc limit ?", [limit]).fetchall()
    return [r[0] for r in rows]


def load_run(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], run_row: dict) -> int:
    """Insert a run's rows and its `runs` row in one transaction; returns rows written.
    Entities are merged: a known entity gains the new run's aliases."""
    written = 0
    con.execute("begin")
    try:
        for name in LOADED_TABLES:
            table = tables.get(name)
            if table is None or table.num_rows == 0:
                continue
            con.register("incoming", table)
            if name == "entities":
                con.execute("""
                    insert into entities by name select * from incoming
                    on conflict (entity_id) do update set
                        aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases)))""")
            else:
                con.execute(f"insert into {name} by name select * from incoming")
            con.unregister("incoming")
            written += table.num_rows
        run_row = {**run_row, "rows_written": written}
        _insert_run(con, run_row)
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise WarehouseError(f"load of run {run_row['run_id']} rolled back: {exc}") from exc
    return written


def record_run(con: duckdb.DuckDBPyConnection, run_row: dict) -> None:
    """A run that loads nothing (nothing new, or failed validation) is still recorded."""
    _insert_run(con, {**run_row, "rows_written": 0})


def _insert_run(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    cols = contract()["runs"].column_names
    row = {"pipeline_version": PIPELINE_VERSION, **row}
    con.execute(f"insert into runs ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
                [row.get(c) for c in cols])
