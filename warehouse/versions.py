"""Versions of one inbox file: which document is current (`documents.superseded_by`).

A file that comes back under the same inbox path with new content is a new document (its
content is its identity), and the older document stays: its rows are history, its ids are
referenced. What marks the history is `superseded_by`: the doc_id of the document that replaced
it in its file (the file's current version), NULL while it is current. Every older version of a
file points straight at the current one, so `where superseded_by is null` selects the current
documents and a join on it finds the current version without a recursive walk.

The current version of a file path is the document whose content the file holds now (the
warehouse's file stamps: `sitrep_file_stamps`), else, when that content was never loaded
(quarantined, or not read yet), the path's latest loaded document: a version that could not be
loaded replaces nothing. A document whose content some inbox file holds now is current whatever
its own path holds (the same bytes under another name load once, under the first name). So a
file changed back to an earlier content makes that earlier document current again, without
loading anything.

The rules run inside the load's (or the no-op run's) transaction, over the paths the run saw,
and are idempotent: the same state gives the same marks. The same module keeps `duplicate_of`
meaning another article: a new version that nearly copies the old one of its own file is not a
near-duplicate of it (it takes the old one's `duplicate_of`, and its own story to start with).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import duckdb
import pyarrow as pa

# the path the inbox scan gives a file (`os.path.join(folder, name)`), from a stamp's columns
STAMP_PATH_SQL = "case when suffix(folder, '/') then folder || name else folder || '/' || name end"


def stamp_path(folder: str, name: str) -> str:
    """The `documents.source_path` of the file `name` of inbox `folder` (as the scan builds it)."""
    return os.path.join(folder, name)


def mark_current(con: duckdb.DuckDBPyConnection, stamped: Iterable[tuple[str, str]], run_id: str | None = None) -> int:
    """Set `superseded_by` for the documents of the file paths a run saw, and for the documents
    whose content one of those files holds: `stamped` are (source_path, sha256) of the files the
    run hashed, `run_id` the run whose documents were just loaded (their paths and contents
    count as seen, read in SQL: a 100,000-document load copies nothing into Python). Call inside
    the load's transaction, after the run's documents and file stamps are written. Returns the
    documents whose mark changed."""
    pairs = list(dict.fromkeys(stamped))
    con.register("version_stamps", pa.table({"source_path": pa.array([p for p, _ in pairs], pa.string()),
                                             "sha256": pa.array([s for _, s in pairs], pa.string())}))
    try:
        con.execute("""create or replace temp table version_keys as
                       select source_path, sha256 from version_stamps
                       union select source_path, source_sha256 from documents where run_id = $run_id""",
                    {"run_id": run_id})
    finally:
        con.unregister("version_stamps")
    try:
        if not con.execute("select count(*) from version_keys").fetchone()[0]:
            return 0
        return _apply(con, "select distinct source_path from version_keys", "select sha256 from version_keys")
    finally:
        con.execute("drop table if exists version_keys")


def mark_all(con: duckdb.DuckDBPyConnection) -> int:
    """Set `superseded_by` over the whole warehouse (the migration that adds the column fills it
    so); returns the documents whose mark changed."""
    changed = _apply(con, "select distinct source_path from documents", "select null::varchar as sha256 where false")
    unpair_versions(con)
    return changed


def _apply(con: duckdb.DuckDBPyConnection, paths_sql: str, seen_sha_sql: str) -> int:
    stamps = _has_stamps(con)
    stamped = (f"select {STAMP_PATH_SQL} as source_path, sha256 from sitrep_file_stamps" if stamps
               else "select null::varchar as source_path, null::varchar as sha256 where false")
    held = f"select sha256 from sitrep_file_stamps union {seen_sha_sql}" if stamps else seen_sha_sql
    con.execute(f"""
        create or replace temp table version_marks as
        with paths as ({paths_sql}),
        held as ({held}),
        by_stamp as (  -- the loaded document whose content each path holds now
            select s.source_path, d.doc_id
            from ({stamped}) s join paths p using (source_path) join documents d on d.source_sha256 = s.sha256
        ),
        latest as (  -- else the path's latest loaded document
            select d.source_path, d.doc_id
            from documents d join paths p using (source_path)
            qualify row_number() over (partition by d.source_path order by d.ingested_at desc, d.doc_id desc) = 1
        ),
        current_of as (
            select l.source_path, coalesce(b.doc_id, l.doc_id) as current_id
            from latest l left join by_stamp b using (source_path)
        ),
        affected as (
            select doc_id, source_path, source_sha256 from documents
            where source_path in (select source_path from paths) or source_sha256 in ({seen_sha_sql})
        )
        select a.doc_id,
               case when a.source_sha256 in (select sha256 from held where sha256 is not null)
                         or c.current_id = a.doc_id then null
                    else c.current_id end as superseded_by
        from affected a left join current_of c using (source_path)""")
    try:
        return con.execute("""
            update documents set superseded_by = m.superseded_by from version_marks m
            where documents.doc_id = m.doc_id and documents.superseded_by is distinct from m.superseded_by
        """).fetchone()[0]
    finally:
        con.execute("drop table if exists version_marks")


def unpair_versions(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> int:
    """A document whose `duplicate_of` names another version of its own file (same source_path)
    takes that version's `duplicate_of` instead (a revised file is no copy of another article),
    and its story starts from it again (`story_id` = its `duplicate_of`, else itself; the load's
    story linking then puts it in the story of its file's first version). Only the documents of run
    `run_id` (all when None). Returns the documents changed."""
    where = "and d.run_id = $run_id" if run_id is not None else ""
    changed = 0
    for _ in range(64):  # a chain v3 -> v2 -> v1 left by an older sitrep resolves one link a pass
        con.execute(f"""
            create or replace temp table version_pairs as
            select d.doc_id, o.duplicate_of
            from documents d join documents o on o.doc_id = d.duplicate_of
            where o.source_path = d.source_path {where}""", {"run_id": run_id} if run_id is not None else {})
        step = con.execute("""
            update documents set duplicate_of = p.duplicate_of, story_id = coalesce(p.duplicate_of, documents.doc_id)
            from version_pairs p where documents.doc_id = p.doc_id""").fetchone()[0]
        con.execute("drop table version_pairs")
        changed += step
        if not step:
            break
    return changed


def _has_stamps(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables "
                            "where table_name = 'sitrep_file_stamps'").fetchone()[0])
