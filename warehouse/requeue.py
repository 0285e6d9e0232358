"""Quarantine as a queue: release quarantined files so that the next run reads them again.

A quarantined file is remembered by its content hash; a run skips content the warehouse has
loaded or quarantined (under the same pipeline version). Releasing deletes the file's
quarantine row, in the warehouse and in the lake partition that holds it, so the next run
treats the file as new: after a fix (a larger size limit, a new sitrep), it loads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import SitrepError
from warehouse import lake, store
from warehouse.inbox import stored_name
from warehouse.exceptions import WarehouseError
from warehouse.lock import run_lock


@dataclass(frozen=True)
class Released:
    source_path: str
    reason: str
    run_id: str


def requeue(data_dir: Path, warehouse_path: Path, lake_uri: str, paths: list[str] = (), everything: bool = False,
            reason: str | None = None, wait_seconds: float = 0.0) -> list[Released]:
    """Release the quarantine rows that match: a PATH (as stored, or as given: relative, absolute
    or a bare file name), all of them, or those whose reason contains `reason` (case-insensitive).
    Holds the run lock, so no run reads the quarantine meanwhile. Raises SitrepError when no
    selector is given; returns the rows released (none is not an error)."""
    if not (paths or everything or reason):
        raise SitrepError("say what to requeue: one or more PATHs, --all, or --reason TEXT")
    if not Path(warehouse_path).exists():
        raise WarehouseError(f"no warehouse at {warehouse_path}: nothing is quarantined yet")
    with run_lock(data_dir, wait_seconds):
        con = store.connect(warehouse_path)
        try:
            store.ensure_schema(con)
            where, params = _selector(con, paths, everything, reason)
            rows = con.execute(f"select source_path, reason, run_id, source_sha256 from quarantine where {where} "
                               "order by source_path", params).fetchall()
            if not rows:
                return []
            con.execute("begin")
            con.execute(f"delete from quarantine where {where}", params)
            con.execute("commit")
        finally:
            con.close()
        by_run: dict[str, list[str]] = {}
        for _, _, run_id, sha in rows:
            by_run.setdefault(run_id, []).append(sha)
        for run_id, hashes in by_run.items():
            lake.drop_rows(lake_uri, run_id, "quarantine", "source_sha256", hashes)
    return [Released(path, why, run_id) for path, why, run_id, _ in rows]


def _selector(con, paths: list[str], everything: bool, reason: str | None) -> tuple[str, list]:
    if everything:
        return "true", []
    clauses, params = [], []
    for path in paths:
        # a PATH is read as listed (the stored text) when a row is listed so, else as the file's
        # name: a name that is not valid UTF-8 (shell arguments come as surrogate escapes) or
        # that holds a backslash is stored escaped (warehouse.inbox.stored_name). So the listed
        # `d\xe9f.txt` (the byte 0xE9) and a file literally named so (listed `d\\xe9f.txt`) are
        # each released alone
        clause, values = _path_clause(path, str)
        if stored_name(path) == path or not _listed(con, path, clause, values):
            clause, values = _path_clause(path, stored_name)
        clauses.append(clause)
        params += values
    if reason:
        clauses.append("reason ilike ? escape '\\'")
        params.append("%" + _like_escaped(reason) + "%")
    return "(" + " or ".join(clauses) + ")", params


def _listed(con, path: str, clause: str, values: list) -> bool:
    """Some quarantine row is listed under the text `path` (valid UTF-8 text only)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return con.execute(f"select 1 from quarantine where {clause} limit 1", values).fetchone() is not None


def _path_clause(path: str, as_text) -> tuple[str, list]:
    """The rows of `path` as given, made absolute, or as a bare name in any inbox, each form
    turned into stored text by `as_text`."""
    forms = sorted({as_text(path), as_text(os.path.abspath(path))})
    clause, params = f"source_path in ({', '.join('?' * len(forms))})", forms
    if "/" not in path:  # a bare name: the file of that name in whichever inbox
        clause += " or source_path like ? escape '\\'"
        params = [*params, "%/" + _like_escaped(as_text(path))]
    return f"({clause})", params


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
