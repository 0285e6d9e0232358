"""Warehouse schema migrations, one per contract version step.

`MIGRATIONS[n]` upgrades a warehouse from contract version n to n + 1 inside the load's
transaction (`store.ensure_schema`). Version 1 is the first contract, so none exist yet. To
change a table: bump `version` in sitrep/tables.yaml, add the step here (ALTER TABLE ... ADD
COLUMN with a default, or a CREATE TABLE AS copy), and a test that upgrades a warehouse of the
old version. A warehouse whose version has no path to the current one is refused unchanged.
"""

from __future__ import annotations

from typing import Callable

import duckdb

MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}
