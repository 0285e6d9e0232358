"""One Prefect task per stage. Each wraps one library call; retries only where I/O can fail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from expectations.validate import ValidationReport, validate_tables
from sitrep.settings import Settings
from transforms import batch
from transforms.event_dates import Window
from transforms.tables import build_tables
from warehouse import inbox, lake, store

# Inputs are large in-memory batches: hashing them for a cache key would cost more than the work.
stage = task(cache_policy=NO_CACHE)


@stage(name="discover")
def discover(settings: Settings, now: float):
    """Scan the inbox; keep candidates whose content hash is neither loaded nor quarantined,
    and only the first of several files with the same bytes. Returns (scan, new files, files
    to quarantine unread, warehouse state)."""
    scan = inbox.scan_inbox(settings.inbox, settings.max_file_bytes, settings.settle_seconds, now)
    state = {"known": set(), "signatures": [], "dates": [], "runs": set()}
    if settings.warehouse_path.exists():
        con = store.connect(settings.warehouse_path, read_only=True)
        try:
            if store.has_schema(con):
                store.check_schema(con)
                state = {"known": store.known_hashes(con), "signatures": store.prior_signatures(con),
                         "dates": store.prior_publication_dates(con), "runs": store.run_ids(con)}
        finally:
            con.close()
    new: list[batch.SourceFile] = []
    unread: list[batch.Rejected] = []
    taken = set(state["known"])
    for c in scan.candidates:
        if c.sha256 in taken:
            continue
        taken.add(c.sha256)
        if c.reason:
            unread.append(batch.Rejected(str(c.path), c.sha256, c.reason))
        else:
            new.append(batch.SourceFile(str(c.path), c.sha256, c.data))
    return scan, new, unread, state


@stage(name="clean-lake")
def clean_lake(lake_dir: Path, finished_runs: set[str]) -> int:
    """Remove the lake partitions of runs that never finished (a crash, a kill -9)."""
    return lake.remove_unfinished(lake_dir, finished_runs)


@stage(name="decode")
def decode(files: list[batch.SourceFile], max_bytes: int):
    return batch.decode_stage(files, max_bytes)


@stage(name="parse")
def parse(drafts: list[batch.Draft]):
    return batch.parse_stage(drafts)


@stage(name="dates")
def dates(drafts: list[batch.Draft], today: dt.date, prior_dates: list[dt.date]):
    return batch.dates_stage(drafts, today, prior_dates)


@stage(name="entities")
def entities(drafts: list[batch.Draft]):
    return batch.entities_stage(drafts)


@stage(name="events")
def events(drafts: list[batch.Draft], window: Window):
    return batch.events_stage(drafts, window)


@stage(name="dedup")
def dedup(drafts: list[batch.Draft], prior_signatures: list):
    return batch.dedup_stage(drafts, prior_signatures)


@stage(name="lake", retries=2, retry_delay_seconds=1)
def write_lake(drafts, rejected, lake_dir: Path, run_id: str, version: str, ingested_at: dt.datetime,
               part: int = 0) -> dict:
    tables = build_tables(drafts, rejected, run_id, version, ingested_at)
    lake.write_run(lake_dir, run_id, tables, part)
    return {name: t.num_rows for name, t in tables.items()}


@stage(name="validate")
def validate(lake_dir: Path, reports_dir: Path, run_id: str, today: dt.date) -> ValidationReport:
    return validate_tables(lake.read_run(lake_dir, run_id), reports_dir, run_id, today)


@stage(name="load", retries=2, retry_delay_seconds=2)
def load(settings: Settings, run_id: str, run_row: dict) -> int:
    tables = lake.read_run(settings.lake_dir, run_id)
    con = store.connect(settings.warehouse_path)
    try:
        store.ensure_schema(con)
        return store.load_run(con, tables, run_row)
    finally:
        con.close()


@stage(name="record-run", retries=2, retry_delay_seconds=2)
def record_run(settings: Settings, run_row: dict) -> None:
    con = store.connect(settings.warehouse_path)
    try:
        store.ensure_schema(con)
        store.record_run(con, run_row)
    finally:
        con.close()


@stage(name="publish-artifacts")
def publish_artifacts(summary, settings: Settings) -> None:
    """The run summary (markdown) and the weekly counts (table), for the Prefect UI."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    from warehouse.query import weekly_counts

    lines = [f"# sitrep run {summary.run_id}: {summary.status}", "",
             "| files seen | new | quarantined | deferred | rows written | validation |", "|---|---|---|---|---|---|",
             f"| {summary.files_seen} | {summary.files_new} | {summary.files_quarantined} | {summary.files_deferred} "
             f"| {summary.rows_written} | {summary.validation_passed} |", ""]
    if summary.rows_per_table:
        lines += ["| table | rows |", "|---|---|"] + [f"| {k} | {v} |" for k, v in summary.rows_per_table.items()]
    lines += [f"- quarantined `{path}`: {reason}" for path, reason in summary.quarantined]
    create_markdown_artifact(key="sitrep-run-summary", markdown="\n".join(lines), description="sitrep run summary")
    if settings.warehouse_path.exists():
        rows = [{k: str(v) for k, v in r.items()} for r in weekly_counts(settings.warehouse_path).to_pylist()]
        if rows:
            create_table_artifact(key="sitrep-weekly-attack-counts", table=rows,
                                  description="Attack incidents per ISO week and country")
