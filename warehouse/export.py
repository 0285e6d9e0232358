"""`sitrep export`: whole tables and views as Parquet or CSV files, one file per table.

DuckDB's COPY streams each table to its file (no table is held in memory). Parquet keeps the
types (lists, dates, timestamps); CSV writes nested values JSON-encoded, as `sitrep sql` does
(see warehouse/format.py), so pandas, Polars and the duckdb CLI read every file back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from sitrep.schema import contract
from warehouse.exceptions import QueryError
from warehouse.query import connect_when_free

EXPORT_FORMATS = ("parquet", "csv")


@dataclass(frozen=True)
class Exported:
    name: str
    path: Path
    rows: int


def default_names() -> list[str]:
    """Every contract table, then every documented view."""
    c = contract()
    return list(c.tables) + list(c.views)


def export_tables(warehouse: Path, out_dir: Path, names: list[str] | None = None, fmt: str = "parquet",
                  on_wait=None) -> list[Exported]:
    """Write each of `names` (default: `default_names()`) to `out_dir/<name>.<fmt>` from a read-only
    connection, all from one committed state. QueryError for an unknown format or name (listing
    the names that exist); nothing is written then."""
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"unknown export format {fmt!r}: use {' or '.join(EXPORT_FORMATS)}")
    names = list(dict.fromkeys(names or default_names()))
    # the locked-down reading connection of `sitrep sql`; its allowed directories govern writes
    # too, so the export folder is the one place this connection may write
    con = connect_when_free(warehouse, on_wait=on_wait, readable=[out_dir])
    try:
        existing = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
        unknown = [n for n in names if n not in existing]
        if unknown:
            raise QueryError(f"no table or view named {', '.join(unknown)} in {warehouse}; "
                             f"have: {', '.join(sorted(existing))}")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise QueryError(f"cannot create --output folder {out_dir}: {exc.strerror}") from None
        con.execute("begin")  # one snapshot for every file
        done = []
        for name in names:
            target = out_dir / f"{name}.{fmt}"
            select = _select(con, name, fmt)
            options = "format parquet, compression zstd" if fmt == "parquet" else "format csv, header true"
            con.execute(f"copy ({select}) to '{_quote(str(target))}' ({options})")
            rows = con.execute(f'select count(*) from "{name}"').fetchone()[0]
            done.append(Exported(name, target, rows))
        con.execute("commit")
        return done
    except duckdb.Error as exc:
        raise QueryError(f"export failed: {str(exc).splitlines()[0]}") from exc
    finally:
        con.close()


def _select(con: duckdb.DuckDBPyConnection, name: str, fmt: str) -> str:
    """The table's columns; for CSV, list, struct and map columns JSON-encoded."""
    if fmt != "csv":
        return f'select * from "{name}"'
    columns = con.execute(f'describe select * from "{name}"').fetchall()
    nested = ("[]", "STRUCT", "MAP", "UNION")
    return "select " + ", ".join(
        f'to_json("{c}")::varchar as "{c}"' if any(k in str(t) for k in nested) else f'"{c}"'
        for c, t, *_ in columns) + f' from "{name}"'


def _quote(text: str) -> str:
    return text.replace("'", "''")
