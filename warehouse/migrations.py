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


def _quarantine_as_a_queue(con: duckdb.DuckDBPyConnection) -> None:
    """1 -> 2: `quarantine` gains `quarantined_at` (the start of the run that quarantined the
    file, from `runs`) and `stage` ('unknown' for rows made before stages were recorded)."""
    con.execute("alter table quarantine add column if not exists quarantined_at timestamp")
    con.execute("alter table quarantine add column if not exists stage varchar")
    con.execute("""update quarantine set quarantined_at = coalesce(
                       (select r.started_at from runs r where r.run_id = quarantine.run_id), now()::timestamp),
                   stage = 'unknown'
                   where quarantined_at is null""")


def _attack_typing(con: duckdb.DuckDBPyConnection) -> None:
    """2 -> 3 (#12): attack_events gains the ACLED-style typing and casualty counts. Rows
    loaded before it keep NULL there (sitrep 0.4 did not type attacks)."""
    for column, kind in (("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"), ("target_kind", "VARCHAR"),
                         ("fatalities", "INTEGER"), ("injured", "INTEGER")):
        con.execute(f"alter table attack_events add column if not exists {column} {kind}")


def _event_places(con: duckdb.DuckDBPyConnection) -> None:
    """3 -> 4 (#14): attack events gain where they are on the map, documents their story.
    Rows loaded before stay NULL there until `sitrep reprocess` rebuilds them."""
    for column, kind in (("admin1", "VARCHAR"), ("latitude", "DOUBLE"), ("longitude", "DOUBLE"),
                         ("geo_precision", "INTEGER")):
        con.execute(f"alter table attack_events add column if not exists {column} {kind}")
    con.execute("alter table documents add column if not exists story_id VARCHAR")


def _components_on_record(con: duckdb.DuckDBPyConnection) -> None:
    """4 -> 5 (#16): `runs` gains `kind` (ingest or reprocess) and `components` (the name.vN of
    each pipeline component the run used). Runs recorded before stay NULL there: which rule
    versions made them was not recorded."""
    con.execute("alter table runs add column if not exists kind VARCHAR")
    con.execute('alter table runs add column if not exists components VARCHAR[]')


def _event_anchors(con: duckdb.DuckDBPyConnection) -> None:
    """5 -> 6 (#12): attack events gain `anchor_char` (a distinct position within the document)
    and `disputed`. Rows loaded before stay NULL there until `sitrep reprocess` rebuilds them."""
    for column, kind in (("anchor_char", "INTEGER"), ("disputed", "BOOLEAN")):
        con.execute(f"alter table attack_events add column if not exists {column} {kind}")


def _document_versions(con: duckdb.DuckDBPyConnection) -> None:
    """6 -> 7 (#17): documents gain `superseded_by`, filled from the rows already there: of the
    documents loaded from one inbox path, the one whose content the file holds now (the file
    stamps), else the latest loaded, is current and the others point at it; a document whose
    content another file holds now stays current (warehouse/versions.py). A new version that
    was marked a near-duplicate of an older version of its own file takes that version's
    `duplicate_of` instead."""
    from warehouse.versions import mark_all

    con.execute("alter table documents add column if not exists superseded_by VARCHAR")
    mark_all(con)


MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _quarantine_as_a_queue, 2: _attack_typing, 3: _event_places, 4: _components_on_record, 5: _event_anchors,
    6: _document_versions}
