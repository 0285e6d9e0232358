"""The ingest flow: discover -> survey -> analyze (decode .. signatures) per batch -> dedup -> lake
-> validate -> load. The batches run on local NLP worker processes or on Dask (`run_ingest`);
the flow links duplicates and writes each batch to the lake in order, so a run of any size
holds only a few batches in memory. Callable from Python with the CLI's parameters:

    from flows.ingest import run_ingest
    summary = run_ingest(inbox="data/inbox", data_dir="data")   # workers=, dask_workers=, lake=
"""


import datetime as dt
import math
import threading
import time
import uuid
from collections import deque
from dataclasses import asdict, dataclass, field

from prefect import flow, get_run_logger
from prefect.utilities.annotations import opaque

from expectations.exceptions import ValidationFailed
from flows import progress, tasks
from sitrep import PIPELINE_VERSION
from sitrep.settings import Settings
from flows import work
from flows.runners import (PrefectApi, cpu_workers, local_pool, preload_validation, release_memory, stop_local_pool,
                           task_runner, worth_a_pool)
from transforms import batch
from transforms.dedup import DuplicateIndex
from warehouse import lake as lake_files, store
from warehouse.lock import run_lock

# Below this many documents a batch costs more in hand-over than it gains in parallel.
MIN_BATCH = 25


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
        """0: all loaded; 1: completed, some files quarantined; 2: the run failed; 130: interrupted."""
        if self.status == "interrupted":
            return 130
        if self.status in ("failed", "validation_failed"):
            return 2
        return 1 if self.files_quarantined else 0

    def to_dict(self) -> dict:
        return asdict(self)


def new_run_id(now: dt.datetime) -> str:
    return f"{now:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:6]}"


@dataclass
class _Current:
    """The run in progress in this process, for `record_interrupted` (Ctrl-C, SIGTERM)."""
    settings: Settings
    summary: RunSummary
    started: dt.datetime


_current: _Current | None = None
_interrupted: RunSummary | None = None
_recording = threading.Lock()


def record_interrupted(wait: float = -1) -> RunSummary | None:
    """After an interrupt: record the run in progress (if any) as `interrupted` and remove its
    lake partitions; nothing it wrote stays. A load interrupted before its commit was rolled
    back by DuckDB; one that committed stands, and is then left as it is. Returns the run's
    summary (the same one when called again), None when no run was in progress."""
    global _interrupted
    summary = _record_stopped("interrupted", "interrupted (SIGINT or SIGTERM); nothing was loaded", wait)
    _interrupted = summary or _interrupted
    return _interrupted


def _record_stopped(status: str, message: str, wait: float = -1) -> RunSummary | None:
    """Record the run in progress as stopped (`interrupted`, `failed`) unless its load
    committed, and remove its lake partitions. One recording at a time: a second caller (the
    interrupt deadline) waits up to `wait` seconds (-1: as long as it takes) for the first."""
    if not _recording.acquire(timeout=wait):
        return None
    try:
        return _record_stopped_locked(status, message)
    finally:
        _recording.release()


def _record_stopped_locked(status: str, message: str) -> RunSummary | None:
    global _current
    current, _current = _current, None
    if current is None:
        return None
    summary = current.summary
    con = store.connect(current.settings.warehouse_path)
    try:
        store.ensure_schema(con)
        if summary.run_id in store.run_ids(con):  # the load (or a failed validation) was recorded
            return summary
        summary.status, summary.message, summary.rows_written = status, message, 0
        store.record_run(con, _run_row(summary, current.started))
    finally:
        con.close()
    lake_files.remove_run(current.settings.lake, summary.run_id)
    return summary


@flow(name="ingest-inbox", log_prints=True, task_runner=task_runner())
def ingest_inbox(inbox: str | None = None, data_dir: str | None = None, max_file_bytes: int | None = None,
                 today: dt.date | None = None, settle_seconds: float | None = None,
                 wait_seconds: float = 0.0, lake: str | None = None, workers: int | None = None,
                 distributed: bool = False) -> RunSummary:
    """One run. The NLP batches go to the flow's task runner (`run_ingest` picks it); `workers`
    is how many batches run at once: on local worker processes, or on Dask when `distributed`."""
    global _current
    settings = Settings.resolve(data_dir=data_dir, inbox=inbox, max_file_bytes=max_file_bytes,
                                settle_seconds=settle_seconds, lake=lake)
    with run_lock(settings.data_dir, wait_seconds):
        try:
            return _ingest(settings, today, workers or cpu_workers(), distributed)
        except KeyboardInterrupt:
            record_interrupted()
            raise
        except Exception as exc:
            try:
                _record_stopped("failed", f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:1000])
            except Exception:  # the warehouse itself is the problem: the original error says more
                pass
            raise
        finally:
            _current = None


def run_ingest(workers: int | None = None, dask_address: str | None = None, dask_workers: int | None = None,
               api: PrefectApi | None = None, **params) -> RunSummary:
    """Run the flow with the NLP on `workers` local processes (started now, so that they warm
    up while the Prefect server boots) or on Dask, against one Prefect API all of them reach."""
    api = api or PrefectApi()
    dask = bool(dask_address or dask_workers)
    workers = dask_workers or workers or cpu_workers()
    settings = Settings.resolve(data_dir=params.get("data_dir"), inbox=params.get("inbox"))
    local = 1 if dask or not worth_a_pool(settings.inbox, settings.warehouse_path) else workers
    with local_pool(local), api.session():
        runner = task_runner(workers, dask_address, dask_workers)
        return ingest_inbox.with_options(task_runner=runner)(workers=workers, distributed=dask, **params)


def _ingest(settings: Settings, today: dt.date | None, workers: int, distributed: bool) -> RunSummary:
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    today = today or started.date()
    global _current
    run_id = new_run_id(started)
    log = get_run_logger()
    summary = RunSummary(run_id=run_id, status="running")
    if not settings.warehouse_path.exists():
        # made now, not at the end: recording an interrupted run must take a moment, not seconds
        _create_warehouse(settings)
    _current = _Current(settings, summary, started)

    found = tasks.discover(settings, time.time())
    scan, rejected = found.scan, list(found.rejected)
    summary.files_seen, summary.files_new = scan.seen, len(found.new) + len(rejected)
    summary.files_deferred, summary.files_ignored = len(scan.deferred), len(scan.ignored)
    log.info("run %s: %d file(s) in %s, %d new", run_id, scan.seen, settings.inbox, summary.files_new)
    for path in scan.deferred:
        log.info("deferred %s: modified less than %.0f s ago, may still be written", path, settings.settle_seconds)
    for path in scan.ignored:
        log.info("ignored %s: not a regular file", path)
    removed = tasks.clean_lake(settings.lake, found.finished_runs)
    if removed:
        log.warning("removed %d lake partition(s) of runs that never loaded", removed)
    if not found.new and not rejected:
        summary.status = "nothing_new"
        tasks.record_run(settings, _run_row(summary, started), opaque(found.stamps))
        tasks.publish_artifacts(summary, settings)
        return summary

    batch_size = _batch_size(len(found.new), settings.batch_size, workers)
    parallel = len(found.new) > batch_size
    preload_validation()
    with local_pool(workers if parallel and not distributed else 1):
        rejected, rows, parts = _analyze(settings, found, rejected, today, run_id, started, batch_size, workers,
                                         parallel, summary)
    stop_local_pool()
    release_memory()
    summary.rows_per_table = rows
    report = tasks.validate(settings.lake, settings.reports_dir, run_id, today, parts)
    summary.validation_passed, summary.data_docs = report.success, report.docs_url
    if not report.success:
        summary.status = "validation_failed"
        error = ValidationFailed(report.failures, report.docs_url)
        summary.message = str(error)
        tasks.discard_run(settings.lake, run_id)
        tasks.record_run(settings, _run_row(summary, started), opaque(found.stamps))
        log.error("%s", error)
        raise error
    if report.rejected_docs:
        failed = tasks.quarantine_failed(settings.lake, run_id, report, started, parts)
        rejected = rejected + failed
        summary.files_quarantined = len(rejected)
        summary.quarantined += [(r.path, r.reason) for r in failed]
        summary.rows_per_table = lake_files.row_counts(settings.lake, run_id)
        for r in failed:
            log.warning("quarantined %s: %s", r.path, r.reason)

    summary.status = "succeeded_with_quarantine" if rejected else "succeeded"
    summary.rows_written = tasks.load(settings, run_id, _run_row(summary, started), opaque(found.stamps))
    log.info("run %s loaded %d rows (%s)", run_id, summary.rows_written, summary.rows_per_table)
    tasks.publish_artifacts(summary, settings)
    return summary


def _create_warehouse(settings: Settings) -> None:
    con = store.connect(settings.warehouse_path)
    try:
        store.ensure_schema(con)
    finally:
        con.close()


def _analyze(settings: Settings, found: tasks.Discovery, rejected: list, today: dt.date, run_id: str,
             started: dt.datetime, batch_size: int, workers: int, parallel: bool, summary: RunSummary):
    """The two passes over the new files; returns (all rejected, rows per table, batches written)."""
    log = get_run_logger()
    # first pass: dating undated articles needs the publication dates of the whole run
    surveyed = tasks.survey(opaque(found.new), settings.max_file_bytes, today, found.prior_dates)
    rejected = rejected + surveyed.rejected
    summary.files_quarantined = len(rejected)
    summary.quarantined = [(r.path, r.reason) for r in rejected]
    for path, reason in summary.quarantined:
        log.warning("quarantined %s: %s", path, reason)

    # second pass: the NLP in batches, `workers` at a time, each written to the lake in order.
    # Drafts go to tasks `opaque`: Prefect would otherwise walk every mention looking for futures.
    files = surveyed.files
    batches = [files[i:i + batch_size] for i in range(0, len(files), batch_size)] or [[]]
    progress.reporter.start(len(files) + len(rejected), f"run {run_id}")
    progress.reporter.advance(len(rejected))
    args = (settings.max_file_bytes, today, surveyed.reference, surveyed.window)
    pending: deque = deque()
    rows: dict[str, int] = {}
    duplicates = DuplicateIndex()  # the run's documents so far and the warehouse's candidates
    for part in range(len(batches)):
        while len(pending) < 2 * workers and part + len(pending) < len(batches):
            sources = work.read_sources(batches[part + len(pending)])
            # not `opaque` here: Dask unpacks that annotation into tuples; a batch of sources is cheap to walk
            pending.append(tasks.analyze.submit(sources, *args) if parallel else tasks.analyze(sources, *args))
        done = pending.popleft()
        drafts, late = done.result() if parallel else done
        for doc_id, signature, loaded_at in tasks.similar_documents(settings, opaque(drafts)):
            duplicates.add_prior(doc_id, signature, loaded_at)
        drafts = batch.dedup_stage(drafts, duplicates)
        written, broken = tasks.write_lake(opaque(drafts), opaque((rejected if part == 0 else []) + late), settings.lake, run_id,
                                   PIPELINE_VERSION, started, part)
        rows = {k: rows.get(k, 0) + v for k, v in written.items()}
        late = late + broken
        if late:  # documents that broke a stage of the NLP: quarantined, the batch went on
            rejected = rejected + late
            summary.files_quarantined = len(rejected)
            summary.quarantined += [(r.path, r.reason) for r in late]
            for r in late:
                log.warning("quarantined %s: %s", r.path, r.reason)
        progress.reporter.advance(len(drafts) + len(late))
    progress.reporter.finish()
    return rejected, rows, len(batches)


def _batch_size(files: int, largest: int, workers: int) -> int:
    """Batches small enough to keep every worker busy (two each at least), never over `largest`."""
    return max(MIN_BATCH, min(largest, math.ceil(files / (2 * workers)))) if workers > 1 else largest


def _run_row(summary: RunSummary, started: dt.datetime) -> dict:
    return {
        "run_id": summary.run_id, "started_at": started,
        "finished_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), "status": summary.status,
        "files_seen": summary.files_seen, "files_new": summary.files_new,
        "files_quarantined": summary.files_quarantined, "rows_written": summary.rows_written,
        "validation_passed": summary.validation_passed, "message": summary.message,
        "pipeline_version": PIPELINE_VERSION,
    }
