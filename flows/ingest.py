"""The ingest flow: discover -> survey -> analyze (decode .. signatures) per batch -> dedup -> lake
-> validate -> load. The batches run on local NLP worker processes or on Dask (`run_ingest`);
the flow links duplicates and writes each batch to the lake in order, so a run of any size
holds only a few batches in memory. Callable from Python with the CLI's parameters:

    from flows.ingest import run_ingest
    summary = run_ingest(inbox="data/inbox", data_dir="data")   # workers=, dask_workers=, lake=
"""


import datetime as dt
import gc
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
from flows.memory import release_memory
from sitrep import PIPELINE_VERSION
from sitrep.settings import Settings
from flows.runners import (PrefectApi, analysis_pool, cpu_workers, in_background, local_pool, local_workers,
                           preload_validation, task_runner)
from transforms import batch, components
from transforms.dedup import DuplicateIndex
from warehouse import lake as lake_files, store
from warehouse.lock import run_lock

# Below this many documents a batch costs more in hand-over than it gains in parallel.
MIN_BATCH = 25
# Up to this many new files, Great Expectations is imported (~3 CPU s) while the NLP runs; a larger
# run imports it after the NLP workers stop: its ~95 MiB would otherwise sit on the run's memory
# peak (the flow, both workers and the Prefect server at once), where 3 s are under 1% of the run.
PRELOAD_VALIDATION_FILES = 5_000


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
    # (path, characters) of each document of `transforms.batch.LARGE_DOCUMENT_CHARS` or more: its
    # NLP holds up the run (about 9 CPU s per 100,000 characters)
    large_documents: list[tuple[str, int]] = field(default_factory=list)
    # the files left for a later run because they were modified within `settle_seconds` (being written)
    deferred: list[str] = field(default_factory=list)

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
    with run_lock(settings.data_dir, wait_seconds, writes=(settings.warehouse_path,)):
        try:
            return _ingest(settings, today, workers or cpu_workers(), distributed)
        except Exception as exc:
            try:
                _record_stopped("failed", f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:1000])
            except Exception:  # the warehouse itself is the problem: the original error says more
                pass
            raise
        except BaseException:
            # KeyboardInterrupt, and what Prefect's engine makes of a signal (its TerminationSignal,
            # a SystemExit): the run stops here, so it is recorded here, before `finally` forgets it
            record_interrupted()
            raise
        finally:
            _current = None


def run_ingest(workers: int | None = None, dask_address: str | None = None, dask_workers: int | None = None,
               api: PrefectApi | None = None, **params) -> RunSummary:
    """Run the flow with the NLP on `workers` local processes (started now, so that they warm
    up while the Prefect server boots) or on Dask, against one Prefect API all of them reach.
    The data directory's run lock is taken first: WarehouseBusy before anything starts when
    another run holds it past `wait_seconds`."""
    dask = bool(dask_address or dask_workers)
    settings = Settings.resolve(data_dir=params.get("data_dir"), inbox=params.get("inbox"))
    # the lock before anything slow starts: another run's refusal comes at once, and two
    # start-ups of Prefect's server never race (the flow's own run_lock then passes through)
    with run_lock(settings.data_dir, params.get("wait_seconds", 0.0), for_process=True,
                  writes=(settings.warehouse_path,)):
        api = api or PrefectApi()
        local = local_workers(workers, dask, settings)
        if local > 1:  # many new files: what this process needs for each batch loads while the server boots
            in_background(batch.warm_up_run_side)
        with local_pool(local), api.session():
            workers = dask_workers or workers or cpu_workers()
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
    summary.deferred = sorted(str(p) for p in scan.deferred)
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
    ctx = RunContext(settings, run_id, started, today, workers, distributed, batch_size,
                     parallel=len(found.new) > batch_size)
    if len(found.new) <= PRELOAD_VALIDATION_FILES:
        preload_validation()
    try:
        with analysis_pool(workers if ctx.parallel and not distributed else 1):
            analysis = _analyze(ctx, found)
    finally:
        # thawed once the pool has handed its memory back: that collection, frozen, walks only
        # what the analysis left (a second of one core less at the end of the NLP)
        gc.unfreeze()
    lake_files.remove_staged(settings.lake, run_id)
    rejected = rejected + analysis.rejected
    summary.files_quarantined = len(rejected)
    summary.quarantined = [(r.path, r.reason) for r in rejected]
    rows, parts = analysis.rows, analysis.parts
    summary.large_documents = analysis.large
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


@dataclass(frozen=True)
class RunContext:
    """What the stages of one run share, instead of long argument lists."""
    settings: Settings
    run_id: str
    started: dt.datetime
    today: dt.date
    workers: int
    distributed: bool
    batch_size: int
    parallel: bool  # batches go to the task runner (NLP workers or Dask), not run in the flow's thread


@dataclass
class Analysis:
    """What the analysis of a run's new files produced: its lake parts and the files it rejected."""
    rejected: list[batch.Rejected]
    rows: dict[str, int]
    parts: int
    large: list[tuple[str, int]] = field(default_factory=list)  # (path, characters) of the large documents


def _analyze(ctx: RunContext, found: tasks.Discovery) -> Analysis:
    """One pass over the new files: the survey reads, decodes and parses each file once and
    stages it; then the NLP of the staged batches, `workers` at a time, each written to the lake
    in order. Returns the files rejected on the way (not those `discover` rejected unread, which
    the first batch's quarantine rows include)."""
    settings, run_id = ctx.settings, ctx.run_id
    surveyed = tasks.survey(opaque(found.new), ctx.batch_size, settings.max_file_bytes, str(settings.lake), run_id,
                            ctx.today)
    rejected = list(found.rejected) + surveyed.rejected
    # the survey staged every new file: their scan records are done with (the summary has the
    # counts, the load needs only the stamps); freed now, ~0.5 kB a file, before the analysis
    # fills the duplicate index
    found.new.clear()
    found.scan.candidates.clear()
    # The run's long-lived records (stamps, publication headers: millions of objects at 100,000
    # files), and what this process loads for every batch (the gazetteer, the MinHash library:
    # `warm_up_run_side`), are frozen out of the cyclic collector for the analysis (until `_ingest`
    # thaws them): a full collection then walks only what the batches make, so each batch's cyclic
    # garbage (Prefect's states and contexts, the drafts they reach) is collected after the batch
    # instead of piling up for minutes until the collector's rare full pass (it waits for 25% more
    # long-lived objects).
    gc.collect()
    gc.freeze()
    return _analyze_batches(ctx, surveyed, rejected)


def _analyze_batches(ctx: RunContext, surveyed: tasks.Survey, rejected: list[batch.Rejected]) -> Analysis:
    """The NLP of the staged batches, `workers` at a time, each deduplicated against the run and
    the warehouse and written to the lake in order."""
    log = get_run_logger()
    settings, run_id = ctx.settings, ctx.run_id
    for r in rejected:
        log.warning("quarantined %s: %s", r.path, r.reason)
    # Drafts go to tasks `opaque`: Prefect would otherwise walk every mention looking for futures.
    parts = list(surveyed.parts) or [0]
    progress.reporter.start(surveyed.documents + len(rejected), f"run {run_id}")
    progress.reporter.advance(len(rejected))
    analysis = batch.AnalysisContext(ctx.today, surveyed.window)
    pending: deque = deque()
    rows: dict[str, int] = {}
    late_total: list[batch.Rejected] = []
    large: list[tuple[str, int]] = []
    duplicates = DuplicateIndex()  # the run's documents so far and the warehouse's candidates
    for at, part in enumerate(parts):
        while len(pending) < 2 * ctx.workers and at + len(pending) < len(parts):
            ahead = parts[at + len(pending)]
            published = {d: surveyed.published[d] for d in surveyed.parts.get(ahead, []) if d in surveyed.published}
            args = (str(settings.lake), run_id, ahead, published, analysis)
            if ahead not in surveyed.parts:  # nothing was staged (every file rejected): nothing to analyze
                pending.append(([], []))
            else:
                pending.append(tasks.analyze.submit(*args) if ctx.parallel else tasks.analyze(*args))
        done = pending.popleft()
        drafts, late = done.result() if hasattr(done, "result") else done
        for doc_id, signature, loaded_at in tasks.similar_documents(settings, opaque(drafts)):
            duplicates.add_prior(doc_id, signature, loaded_at)
        drafts = batch.dedup_stage(drafts, duplicates)
        written, broken = tasks.write_lake(opaque(drafts), opaque((rejected if at == 0 else []) + late), settings.lake,
                                           run_id, PIPELINE_VERSION, ctx.started, part)
        rows = {k: rows.get(k, 0) + v for k, v in written.items()}
        for r in late + broken:  # documents that broke a stage of the NLP: quarantined, the batch went on
            log.warning("quarantined %s: %s", r.path, r.reason)
        late_total += late + broken
        for d in drafts:  # (the staged drafts carry the article, not the raw text)
            if len(d.body) >= batch.LARGE_DOCUMENT_CHARS:
                # a record of the run (Prefect's UI) below the console's level: the summary names it, once
                log.info("large document %s: %s characters (about 9 CPU s of NLP per 100,000)", d.source_path,
                         f"{len(d.body):,}")
                large.append((d.source_path, len(d.body)))
        progress.reporter.advance(len(drafts) + len(late) + len(broken))
        del drafts, done
        release_memory()  # this batch's drafts and cyclic garbage, before the next arrives
    progress.reporter.finish()
    return Analysis(surveyed.rejected + late_total, rows, len(parts), large)


def _batch_size(files: int, largest: int, workers: int) -> int:
    """Batches small enough to keep every worker busy (two each at least), never over `largest`."""
    return max(MIN_BATCH, min(largest, math.ceil(files / (2 * workers)))) if workers > 1 else largest


def _run_row(summary: RunSummary, started: dt.datetime, kind: str = "ingest") -> dict:
    """The `runs` row of a run: its counts, status, and the components (name.vN) it ran."""
    return {
        "run_id": summary.run_id, "started_at": started,
        "finished_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), "status": summary.status,
        "files_seen": summary.files_seen, "files_new": summary.files_new,
        "files_quarantined": summary.files_quarantined, "rows_written": summary.rows_written,
        "validation_passed": summary.validation_passed, "message": summary.message,
        "pipeline_version": PIPELINE_VERSION, "kind": kind, "components": components.names(),
    }
