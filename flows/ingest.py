"""The ingest flow: inbox -> decode -> parse -> dates -> entities -> events -> dedup -> lake
-> validate -> load. Callable from Python with the CLI's parameters:

    from flows.ingest import ingest_inbox
    summary = ingest_inbox(inbox="data/inbox", data_dir="data")
"""


import datetime as dt
import time
import uuid
from dataclasses import asdict, dataclass, field

from prefect import flow, get_run_logger

from expectations.exceptions import ValidationFailed
from flows import progress, tasks
from sitrep import PIPELINE_VERSION
from sitrep.settings import Settings
from transforms.batch import undated_window
from warehouse.lock import run_lock


@dataclass
class RunSummary:
    run_id: str
    status: str
    files_seen: int = 0
    files_new: int = 0
    files_quarantined: int = 0
    files_deferred: int = 0
    files_ignored: int = 0
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
                 today: dt.date | None = None, settle_seconds: float | None = None,
                 wait_seconds: float = 0.0) -> RunSummary:
    settings = Settings.resolve(data_dir=data_dir, inbox=inbox, max_file_bytes=max_file_bytes,
                                settle_seconds=settle_seconds)
    with run_lock(settings.data_dir, wait_seconds):
        return _ingest(settings, today)


def _ingest(settings: Settings, today: dt.date | None) -> RunSummary:
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    today = today or started.date()
    run_id = new_run_id(started)
    log = get_run_logger()
    summary = RunSummary(run_id=run_id, status="running")

    scan, files, rejected, state = tasks.discover(settings, time.time())
    summary.files_seen, summary.files_new = scan.seen, len(files) + len(rejected)
    summary.files_deferred, summary.files_ignored = len(scan.deferred), len(scan.ignored)
    log.info("run %s: %d file(s) in %s, %d new", run_id, scan.seen, settings.inbox, summary.files_new)
    for path in scan.deferred:
        log.info("deferred %s: modified less than %.0f s ago, may still be written", path, settings.settle_seconds)
    for path in scan.ignored:
        log.info("ignored %s: not a regular file", path)
    removed = tasks.clean_lake(settings.lake_dir, state["runs"])
    if removed:
        log.warning("removed %d lake partition(s) of runs that never finished", removed)
    if not files and not rejected:
        summary.status = "nothing_new"
        tasks.record_run(settings, _run_row(summary, started))
        tasks.publish_artifacts(summary, settings)
        return summary

    # cheap per-file stages for the whole run first: the batch window needs every publication date
    drafts, undecodable = tasks.decode(files, settings.max_file_bytes)
    del files  # the bytes are no longer needed
    drafts, unparsed = tasks.parse(drafts)
    rejected += undecodable + unparsed
    drafts = tasks.dates(drafts, today, state["dates"])
    window = undated_window(drafts, today)
    summary.files_quarantined = len(rejected)
    summary.quarantined = [(r.path, r.reason) for r in rejected]
    for path, reason in summary.quarantined:
        log.warning("quarantined %s: %s", path, reason)

    # the NLP in batches, each written to the lake as it is done
    rows: dict[str, int] = {}
    signatures = list(state["signatures"])
    progress.reporter.start(len(drafts) + len(rejected), f"run {run_id}")
    progress.reporter.advance(len(rejected))
    batches = [drafts[i:i + settings.batch_size] for i in range(0, len(drafts), settings.batch_size)] or [[]]
    del drafts
    for part, batch_drafts in enumerate(batches):
        batch_drafts = tasks.entities(batch_drafts)
        batch_drafts = tasks.events(batch_drafts, window)
        batch_drafts = tasks.dedup(batch_drafts, signatures)
        signatures += [(d.doc_id, list(d.minhash)) for d in batch_drafts]
        written = tasks.write_lake(batch_drafts, rejected if part == 0 else [], settings.lake_dir, run_id,
                                   PIPELINE_VERSION, started, part)
        rows = {k: rows.get(k, 0) + v for k, v in written.items()}
        progress.reporter.advance(len(batch_drafts))
        batches[part] = None  # release the batch
    progress.reporter.finish()

    summary.rows_per_table = rows
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
    tasks.publish_artifacts(summary, settings)
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
