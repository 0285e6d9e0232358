"""The ingest flow: inbox -> decode -> parse -> dates -> entities -> events -> dedup -> lake
-> validate -> load. Callable from Python with the CLI's parameters:

    from flows.ingest import ingest_inbox
    summary = ingest_inbox(inbox="data/inbox", data_dir="data")
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass, field

from prefect import flow, get_run_logger

from expectations.exceptions import ValidationFailed
from flows import tasks
from sitrep import PIPELINE_VERSION
from sitrep.settings import Settings
from transforms.batch import undated_window


@dataclass
class RunSummary:
    run_id: str
    status: str
    files_seen: int = 0
    files_new: int = 0
    files_quarantined: int = 0
    rows_written: int = 0
    rows_per_table: dict = field(default_factory=dict)
    validation_passed: bool | None = None
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    message: str | None = None
    data_docs: str | None = None

    @property
    def exit_code(self) -> int:
        """0: all loaded; 1: completed, some files quarantined; 2: the run failed."""
        if self.status in ("failed", "validation_failed"):
            return 2
        return 1 if self.files_quarantined else 0

    def to_dict(self) -> dict:
        return asdict(self)


def new_run_id(now: dt.datetime) -> str:
    return f"{now:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:6]}"


@flow(name="ingest-inbox", log_prints=True)
def ingest_inbox(inbox: str | None = None, data_dir: str | None = None, max_file_bytes: int | None = None,
                 today: dt.date | None = None) -> RunSummary:
    settings = Settings.resolve(data_dir=data_dir, inbox=inbox, max_file_bytes=max_file_bytes)
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    today = today or started.date()
    run_id = new_run_id(started)
    log = get_run_logger()
    summary = RunSummary(run_id=run_id, status="running")

    seen, files, state = tasks.discover(settings)
    summary.files_seen, summary.files_new = seen, len(files)
    log.info("run %s: %d file(s) in %s, %d new", run_id, seen, settings.inbox, len(files))
    if not files:
        summary.status = "nothing_new"
        tasks.record_run(settings, _run_row(summary, started))
        return summary

    drafts, rejected = tasks.decode(files, settings.max_file_bytes)
    del files  # the bytes are no longer needed
    drafts, unparsed = tasks.parse(drafts)
    rejected += unparsed
    drafts = tasks.dates(drafts, today, state["dates"])
    drafts = tasks.entities(drafts)
    drafts = tasks.events(drafts, undated_window(drafts, today))
    drafts = tasks.dedup(drafts, state["signatures"])
    summary.files_quarantined = len(rejected)
    summary.quarantined = [(r.path, r.reason) for r in rejected]
    for path, reason in summary.quarantined:
        log.warning("quarantined %s: %s", path, reason)

    summary.rows_per_table = tasks.write_lake(drafts, rejected, settings.lake_dir, run_id, PIPELINE_VERSION, started)
    report = tasks.validate(settings.lake_dir, settings.reports_dir, run_id, today)
    summary.validation_passed, summary.data_docs = report.success, report.docs_url
    if not report.success:
        summary.status = "validation_failed"
        error = ValidationFailed(report.failures, report.docs_url)
        summary.message = str(error)
        tasks.record_run(settings, _run_row(summary, started))
        log.error("%s", error)
        raise error

    summary.status = "succeeded_with_quarantine" if rejected else "succeeded"
    summary.rows_written = tasks.load(settings, run_id, _run_row(summary, started))
    log.info("run %s loaded %d rows (%s)", run_id, summary.rows_written, summary.rows_per_table)
    return summary


def _run_row(summary: RunSummary, started: dt.datetime) -> dict:
    return {
        "run_id": summary.run_id, "started_at": started,
        "finished_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), "status": summary.status,
        "files_seen": summary.files_seen, "files_new": summary.files_new,
        "files_quarantined": summary.files_quarantined, "rows_written": summary.rows_written,
        "validation_passed": summary.validation_passed, "message": summary.message,
        "pipeline_version": PIPELINE_VERSION,
    }
