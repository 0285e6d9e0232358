"""The DuckDB warehouse: schema from the contract, state queries, and the one-transaction load."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from sitrep import PIPELINE_VERSION
from sitrep.schema import contract
from warehouse.exceptions import SchemaMismatch, WarehouseBusy, WarehouseError

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
    con.execute("insert or replace into sitrep_meta values ('contract_version', ?), ('pipeline_version', ?)",
                [str(c.version), PIPELINE_VERSION])
    for layer in _SQL_LAYERS:
        for sql in sorted(resources.files("warehouse").joinpath("sql", layer).iterdir(), key=lambda f: f.name):
            if sql.name.endswith(".sql"):
                con.execute(sql.read_text(encoding="utf-8"))
    con.execute("commit")


def _contract_version(con: duckdb.DuckDBPyConnection) -> int:
    """The contract version a warehouse was made under; 0 for one that never recorded it."""
    row = con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone()
    return int(row[0]) if row else 0


def run_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("select run_id from runs").fetchall()}


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
