"""Warehouse schema migrations, one per contract version step.

`MIGRATIONS[n]` upgrades a warehouse from contract version n to n + 1 inside the load's
transaction (`store.ensure_schema`). Version 1 is the first contract. To
change a table: bump `version` in sitrep/tables.yaml, add the step here (ALTER TABLE ... ADD
COLUMN with a default, or a CREATE TABLE AS copy), and a test that upgrades a warehouse of the
old version. A warehouse whose version has no path to the current one is refused unchanged.
"""

from __future__ import annotations

from typing import Callable

import duckdb



def _v1_to_v2(con: duckdb.DuckDBPyConnection) -> None:
    """Contract 2 (#14): attack events gain where they are on the map, documents their story.
    Rows loaded before stay NULL there (a rebuild from the inbox fills them)."""
    for column, kind in (("admin1", "VARCHAR"), ("latitude", "DOUBLE"), ("longitude", "DOUBLE"),
                         ("geo_precision", "INTEGER")):
        con.execute(f"alter table attack_events add column if not exists {column} {kind}")
    con.execute("alter table documents add column if not exists story_id VARCHAR")


MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {1: _v1_to_v2}
