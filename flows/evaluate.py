"""`sitrep eval`: build (or reuse) a warehouse from an inbox and score it against a gold file:
the article gold of ../shared/gold (expectations.gold) or the document-level attack gold of
../shared/dev/events (expectations.dev_events), told apart by their lines."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from expectations.dev_events import is_dev_events_gold, score_dev_events
from expectations.gold import prediction_from_rows, score
from sitrep.errors import SitrepError
from warehouse.query import contract_rows


def read_gold(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SitrepError(f"cannot read gold file {path}: {exc.strerror}") from exc
    golds = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                golds.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SitrepError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    if not golds:
        # Scores over nothing would print as perfect or as zeros: neither says "wrong file".
        raise SitrepError(f"gold file {path} holds no records (one JSON object per line expected)")
    if not all(isinstance(g, dict) for g in golds):
        raise SitrepError(f"gold file {path}: every line must be a JSON object")
    return golds


def evaluate(gold_path: Path, inbox: Path, data_dir: Path, rerun: bool = False, today: dt.date | None = None,
             examples: int = 0) -> dict:
    """Score DATA_DIR's warehouse against the gold file; ingest INBOX first, on run day `today`
    (None: the clock's), when the warehouse does not hold every gold document yet (or when `rerun`).
    `examples` > 0 adds the report's `examples`: that many items of each kind of error."""
    golds = read_gold(gold_path)
    warehouse = data_dir / "warehouse.duckdb"
    rows = contract_rows(warehouse) if warehouse.exists() and not rerun else None
    if rows is not None:
        _check_same_inbox(rows, inbox, data_dir)
    if rows is None or _missing(golds, rows):
        from flows.ingest import run_ingest

        run_ingest(inbox=str(inbox), data_dir=str(data_dir), today=today)
        rows = contract_rows(warehouse)
    if is_dev_events_gold(golds):  # ../shared/dev/events/gold.jsonl: one label per file
        return score_dev_events(golds, rows, examples=examples)
    return score(golds, prediction_from_rows(rows), examples=examples)


def _check_same_inbox(rows: dict[str, list[dict]], inbox: Path, data_dir: Path) -> None:
    """Scoring a warehouse built from other texts under the same file names scores the wrong
    texts: refuse when a file of INBOX differs (SHA-256) from the warehouse's document of that
    name. A copy or a move of the same files is the same inbox.

    Raises SitrepError."""
    stored = {os.path.basename(d["source_path"] or ""): d["source_sha256"] for d in rows["documents"]}
    for name, sha in stored.items():
        path = inbox / name
        if sha and path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            raise SitrepError(f"the warehouse in {data_dir} holds another text under the name {name} than {inbox} "
                              f"does: pass another --data-dir (or delete that one) to score {inbox}")


def _missing(golds: list[dict], rows: dict[str, list[dict]]) -> bool:
    names = {Path(d["source_path"]).name for d in rows["documents"]}
    return any((g.get("doc_id") or g.get("file")) not in names for g in golds)
