"""One Prefect task per stage. Each wraps library calls; retries only where I/O can fail."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from expectations.validate import ValidationReport, validate_chunks
from flows import progress, runners, work
from sitrep.settings import Settings
from transforms import batch
from transforms.dedup import lsh_bands
from transforms.event_dates import Window
from transforms.tables import build_tables
from warehouse import inbox, lake, store

# Inputs are large in-memory batches: hashing them for a cache key would cost more than the work.
stage = task(cache_policy=NO_CACHE)
# Batches validated together (2,000 documents): bounds validation memory on very large runs,
# about 100 MiB per 1,000 documents (GX holds pandas copies of the frames).
VALIDATION_PARTS = 10
# Artifact keys: the latest run that loaded (or tried to load) files, and the latest idle run.
SUMMARY_ARTIFACT = "sitrep-run-summary"
NOOP_ARTIFACT = "sitrep-idle-run"


@dataclass
class Discovery:
    scan: inbox.Scan
    new: list[inbox.Candidate]  # files to read, in name order
    rejected: list[batch.Rejected]  # files quarantined unread (symlinks, oversized, unreadable)
    stamps: list[tuple[str, str, inbox.FileStamp]]  # hashes taken this run, to remember
    finished_runs: set[str] = field(default_factory=set)  # runs whose load committed


@dataclass
class Survey:
    """The first pass over a run's new files: staged parsed documents, and their dating."""
    parts: dict[int, list[str]]  # staged batch -> the doc_ids staged in it, in order
    documents: int  # documents staged and dated
    rejected: list[batch.Rejected]
    published: dict[str, batch.Publication]  # doc_id -> publication, computed once for the run
    window: Window


@stage(name="discover")
def discover(settings: Settings, now: float) -> Discovery:
    """Scan the inbox, trusting recorded hashes of unchanged files; keep candidates whose content
    is neither loaded nor quarantined, and only the first of several files with the same bytes."""
    folder = str(settings.inbox)
    state = {"stamps": {}, "runs": set()}
    con = _read_warehouse(settings)
    try:
        if con:
            state = {"stamps": store.file_stamps(con, folder), "runs": store.loaded_run_ids(con)}
        scan = inbox.scan_inbox(settings.inbox, settings.max_file_bytes, settings.settle_seconds, now, state["stamps"])
        known = store.known_hashes(con, [c.sha256 for c in scan.candidates]) if con else set()
    finally:
        if con:
            con.close()
    new: list[inbox.Candidate] = []
    unread: list[batch.Rejected] = []
    for c in scan.candidates:
        if c.sha256 in known:
            continue
        known.add(c.sha256)
        if c.reason:
            unread.append(batch.Rejected(inbox.stored_path(c.path), c.sha256, c.reason, "discover"))
        else:
            new.append(c)
    stamps = [(folder, inbox.stored_name(c.path.name), inbox.FileStamp(c.size, c.mtime_ns, c.sha256))
              for c in scan.candidates if c.hashed and c.mtime_ns]
    get_run_logger().info("discover: %d file(s) in %s, %d to read, %d rejected unread, %d deferred, %d ignored in %.1f s",
                          scan.seen, folder, len(new), len(unread), len(scan.deferred), len(scan.ignored),
                          time.time() - now)
    return Discovery(scan, new, unread, stamps, state["runs"])


def _read_warehouse(settings: Settings):
    if not settings.warehouse_path.exists():
        return None
    con = store.connect(settings.warehouse_path, read_only=True)
    if not store.has_schema(con):
        con.close()
        return None
    store.check_schema(con)
    return con


@stage(name="clean-lake")
def clean_lake(lake_uri: str, finished_runs: set[str]) -> int:
    """Remove the lake partitions of runs that never loaded (a crash, a kill -9, a failed
    validation) and write the manifests that loaded runs lack."""
    return lake.remove_unfinished(lake_uri, finished_runs)


@stage(name="discard-run")
def discard_run(lake_uri: str, run_id: str) -> int:
    """Remove the lake partitions of this run, which will not load."""
    return lake.remove_run(lake_uri, run_id)


@stage(name="quarantine-failed")
def quarantine_failed(lake_uri: str, run_id: str, report: ValidationReport, started: dt.datetime,
                      parts: int) -> list[batch.Rejected]:
    """Take the documents whose rows failed an expectation out of the run's lake partitions
    (their rows in every table, and the failing entities) and quarantine them, naming the
    expectations and the failing values; the rest of the run loads."""
    from sitrep import PIPELINE_VERSION

    ids = set(report.rejected_docs)
    docs = lake.read_run(lake_uri, run_id, tables=["documents"]).get("documents")
    found = [r for r in docs.select(["doc_id", "source_path", "source_sha256"]).to_pylist() if r["doc_id"] in ids] \
        if docs is not None else []
    for table in ("documents", "mentions", "attack_events", "tallies"):
        lake.drop_rows(lake_uri, run_id, table, "doc_id", ids)
    lake.drop_rows(lake_uri, run_id, "entities", "entity_id", report.rejected_entities)
    rejected = [batch.Rejected(r["source_path"], r["source_sha256"], report.rejected_docs[r["doc_id"]], "validate")
                for r in found]
    quarantine = build_tables([], rejected, run_id, PIPELINE_VERSION, started)["quarantine"]
    lake.write_run(lake_uri, run_id, {"quarantine": quarantine}, parts)
    return rejected


@stage(name="survey")
def survey(files: list[inbox.Candidate], batch_size: int, max_bytes: int, lake_uri: str, run_id: str,
           today: dt.date) -> Survey:
    """The one read, decode and parse of every new file, batch by batch (on the NLP workers when
    there are): the parsed documents are staged in the run's staging partition for the analysis,
    their publication headers come back. Then the run's dating, once: each document's publication
    date from its own header and the run day (`batch.publication`); undated articles are placed in
    the run day's lookback (`Window.of_run_day`)."""
    began = time.monotonic()
    jobs = [work.StageJob(files[i:i + batch_size], max_bytes, lake_uri, run_id, part)
            for part, i in enumerate(range(0, len(files), batch_size))]
    parts, rejected, datings = {}, [], []
    for done in runners.map_local(work.stage_batch, jobs):
        parts[done.part] = [doc_id for doc_id, *_ in done.datings]
        rejected += done.rejected
        datings += done.datings
    # a header that breaks dating quarantines its own file, not the run
    published = {}
    for doc_id, path, sha, x in datings:
        try:
            published[doc_id] = batch.publication(x, today)
        except Exception as exc:
            rejected.append(_dating_crash((doc_id, path, sha, x), exc))
    get_run_logger().info("survey: %d file(s) read, decoded, parsed and staged in %d batch(es), %d quarantined, in %.1f s",
                          len(published), len(parts), len(rejected), time.monotonic() - began)
    return Survey(parts, len(published), rejected, published, Window.of_run_day(today))


def _dating_crash(staged: tuple, exc: Exception) -> batch.Rejected:
    _, path, sha256, _ = staged
    return batch.Rejected(path, sha256, batch.crash_reason("dates", exc), "dates")


@stage(name="analyze")
def analyze(lake_uri: str, run_id: str, part: int, published: dict[str, batch.Publication],
            ctx: batch.AnalysisContext) -> tuple[list[batch.Draft], list[batch.Rejected]]:
    """The NLP of one staged batch (dates .. signatures): on a local NLP worker, or right here on
    whichever machine the task runner put this task (a Dask worker, which reads the staged batch
    from the lake)."""
    began = time.monotonic()
    # a large document's progress below file level, when the run reports progress (`flows.progress`)
    drafts, late = runners.in_local_pool(work.analyze_staged, lake_uri, run_id, part, published, ctx,
                                         progress.reporter.documents())
    # signed here, on the task runner's thread: an NLP worker then never loads the MinHash library
    drafts, unsigned = batch.signed_stage(drafts)
    late = late + unsigned
    get_run_logger().info("analyze: %d document(s), %d quarantined, in %.1f s", len(drafts), len(late),
                          time.monotonic() - began)
    return drafts, late


@stage(name="similar-documents", retries=2, retry_delay_seconds=1)
def similar_documents(settings: Settings, drafts: list[batch.Draft]) -> list[tuple]:
    """The warehouse's documents that share an LSH band with the batch (dedup candidates)."""
    con = _read_warehouse(settings)
    if con is None:
        return []
    try:
        return store.similar_documents(con, [list(d.minhash) for d in drafts], *lsh_bands())
    finally:
        con.close()


@stage(name="lake", retries=2, retry_delay_seconds=1)
def write_lake(drafts, rejected, lake_uri: str, run_id: str, version: str, ingested_at: dt.datetime,
               part: int = 0) -> dict:
    """One batch's tables into the lake; returns (rows per table, documents quarantined here:
    those whose rows cannot be built, found one by one when the batch's tables cannot)."""
    began = time.monotonic()
    broken: list[batch.Rejected] = []
    try:
        tables = build_tables(drafts, rejected, run_id, version, ingested_at)
    except Exception:  # noqa: BLE001 - find the document that breaks it, quarantine it alone
        def buildable(one):
            build_tables(one, [], run_id, version, ingested_at)
            return one

        drafts, broken = batch.isolated("tables", buildable, drafts)
        tables = build_tables(drafts, rejected + broken, run_id, version, ingested_at)
    lake.write_run(lake_uri, run_id, tables, part)
    rows = {name: t.num_rows for name, t in tables.items()}
    get_run_logger().info("lake: part %d written, rows %s, %d quarantined, in %.1f s", part, rows, len(broken),
                          time.monotonic() - began)
    return rows, broken


@stage(name="validate")
def validate(lake_uri: str, reports_dir: Path, run_id: str, today: dt.date, parts: int) -> ValidationReport:
    """Validate the run's batches, VALIDATION_PARTS at a time (one chunk for a usual run)."""
    firsts = range(0, max(parts, 1), VALIDATION_PARTS)
    chunks = ((run_id if parts <= VALIDATION_PARTS else f"{run_id}-parts-{first}",
               lake.read_run(lake_uri, run_id, parts=list(range(first, first + VALIDATION_PARTS))))
              for first in firsts)
    began = time.monotonic()
    report = validate_chunks(chunks, reports_dir, today)
    log = get_run_logger()
    log.info("validate: %s in %.1f s; Data Docs %s", "passed" if report.success else "FAILED",
             time.monotonic() - began, report.docs_url)
    for failure in ([] if report.success else report.failures):
        log.warning("validate: %s", failure)
    return report


@stage(name="load", retries=2, retry_delay_seconds=2)
def load(settings: Settings, run_id: str, run_row: dict, stamps) -> int:
    """Append the run's lake partition to the warehouse in one transaction, streamed."""
    began = time.monotonic()
    con = store.connect(settings.warehouse_path, memory_limit=store.LOAD_MEMORY_LIMIT)
    try:
        store.ensure_schema(con)
        tables = store.run_tables(con, settings.lake, run_id)
        superseded = store.superseded_quarantine(con, tables, stamps)
        written = store.load_run(con, tables, run_row, stamps)
    finally:
        con.close()
    # after the commit: the lake follows the warehouse (a crash in between is mended by the
    # next run's clean-lake, which writes missing manifests; superseded rows are then stale)
    lake.commit_run(settings.lake, run_id)
    _drop_quarantine_rows(settings.lake, superseded)
    get_run_logger().info("load: %d row(s) into %s in %.1f s", written, settings.warehouse_path,
                          time.monotonic() - began)
    return written


@stage(name="record-run", retries=2, retry_delay_seconds=2)
def record_run(settings: Settings, run_row: dict, stamps: list) -> None:
    con = store.connect(settings.warehouse_path)
    try:
        store.ensure_schema(con)
        resolved = store.superseded_quarantine(con, {}, stamps)  # files fixed or changed back to loaded content
        store.record_run(con, run_row, stamps)
    finally:
        con.close()
    _drop_quarantine_rows(settings.lake, resolved)


def _drop_quarantine_rows(lake_uri: str, rows: list[tuple[str, str]]) -> None:
    """Drop the quarantine rows the warehouse just released, (run_id, source_sha256), from
    those runs' lake partitions, so the lake still holds the warehouse's rows."""
    by_run: dict[str, list[str]] = {}
    for old_run, sha in rows:
        by_run.setdefault(old_run, []).append(sha)
    for old_run, hashes in by_run.items():
        lake.drop_rows(lake_uri, old_run, "quarantine", "source_sha256", hashes)


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
    # a no-op run (every minute under `serve`) must not push the last useful summary out of the
    # "latest" view: it publishes under a key of its own
    idle = summary.status == "nothing_new"
    create_markdown_artifact(key=NOOP_ARTIFACT if idle else SUMMARY_ARTIFACT, markdown="\n".join(lines),
                             description="sitrep run with nothing new" if idle else "sitrep run summary")
    if not idle and settings.warehouse_path.exists():
        rows = [{k: str(v) for k, v in r.items()} for r in weekly_counts(settings.warehouse_path).to_pylist()]
        if rows:
            create_table_artifact(key="sitrep-weekly-attack-counts", table=rows,
                                  description="Attack incidents per ISO week and country")

