"""`sitrep reprocess`: rebuild the derived rows of stored documents with the current components.

After an upgrade (new rules, a new component version) the documents already loaded keep the
events the old rules found, and their inbox files may be long gone; `documents.body` holds every
text. This reads the selected documents back in batches, runs the stages after parsing on them
(dates as stored, entities, events, tallies, signatures, duplicates), validates each batch with
the run's Great Expectations suites and replaces the batch's rows in one transaction
(`warehouse.reprocess`); it is recorded in `runs` as a run of kind `reprocess`, with its
components. A batch whose rows break an expectation keeps its old rows (named in the summary).
"""

from __future__ import annotations

import datetime as dt
import math
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from expectations.validate import validate_chunks
from flows import progress, work
from flows.runners import analysis_pool, cpu_workers, map_local
from sitrep import PIPELINE_VERSION
from sitrep.settings import Settings
from transforms import batch, components, staged
from transforms.dedup import DuplicateIndex
from transforms.event_dates import Window
from transforms.tables import build_tables
from warehouse import reprocess as stored, store
from warehouse.lock import run_lock

# Documents rebuilt, validated and committed together.
BATCH = 500


@dataclass
class ReprocessSummary:
    run_id: str
    status: str
    documents: int = 0  # documents selected
    rebuilt: int = 0  # documents whose rows were replaced
    kept: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, why) of documents left as they were
    versions: dict[str, int] = field(default_factory=dict)  # pipeline_version -> selected documents
    components: list[str] = field(default_factory=list)
    rows_before: dict[str, int] = field(default_factory=dict)
    rows_after: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def reprocess(data_dir=None, since_version: str | None = None, everything: bool = False, dry_run: bool = False,
              workers: int | None = None, batch_size: int = BATCH, wait_seconds: float = 0.0,
              today: dt.date | None = None) -> ReprocessSummary:
    """Rebuild the derived rows of every stored document (`everything`) or of those made by a
    sitrep older than `since_version`; `dry_run` only counts them. ValueError when neither or
    both selections are given."""
    from flows.ingest import new_run_id

    if everything == (since_version is not None):
        raise ValueError("choose the documents: --all, or --since-version VERSION")
    settings = Settings.resolve(data_dir=data_dir)
    began = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    summary = ReprocessSummary(new_run_id(began), "dry_run" if dry_run else "running", components=components.names())
    with run_lock(settings.data_dir, wait_seconds, writes=() if dry_run else (settings.warehouse_path,)):
        con = store.connect(settings.warehouse_path, read_only=dry_run)
        try:
            if not dry_run:
                store.ensure_schema(con)
            else:
                store.check_schema(con)
            ids = stored.selected_ids(con, None if everything else since_version)
            summary.documents, summary.versions = len(ids), stored.versions_of(con, ids)
            summary.rows_before = _counts(con)
            if not dry_run and ids:
                _rebuild(con, settings, ids, everything, summary, workers or cpu_workers(), batch_size,
                         today or began.date(), began)
            summary.rows_after = _counts(con)
        finally:
            con.close()
    summary.seconds = (dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) - began).total_seconds()
    return summary


def _rebuild(con, settings: Settings, ids: list[str], everything: bool, summary: ReprocessSummary, workers: int,
             batch_size: int, today: dt.date, began: dt.datetime) -> None:
    run_row = {"run_id": summary.run_id, "started_at": began, "status": "interrupted", "files_seen": 0, "files_new": 0,
               "files_quarantined": 0, "rows_written": 0, "validation_passed": None, "pipeline_version": PIPELINE_VERSION,
               "kind": "reprocess", "components": summary.components}
    stored.start(con, run_row)
    dating = stored.run_dating(con)
    duplicates = DuplicateIndex()
    if not everything:
        for doc_id, signature, loaded_at in stored.prior_signatures(con, ids):
            duplicates.add_prior(doc_id, signature, loaded_at)
    written, passed = 0, True
    # as a run reports: documents done, and a large document's NLP below that (`flows.progress`)
    progress.reporter.start(len(ids), f"reprocess {summary.run_id}", "documents")
    with analysis_pool(workers if len(ids) > batch_size else 1), _reporting():
        for first in range(0, len(ids), batch_size):
            docs = stored.documents(con, ids[first:first + batch_size])
            drafts, late = _analyze(docs, dating, today, workers, progress.reporter.documents())
            summary.kept += [(batch.doc_id_for(r.sha256), r.reason) for r in late]
            drafts = batch.dedup_stage(drafts, duplicates)
            tables = build_tables(drafts, [], summary.run_id, PIPELINE_VERSION, began)
            report = validate_chunks([(f"{summary.run_id}-{first // batch_size}", tables)], settings.reports_dir, today)
            if report.rejected_docs or not report.success:
                passed = False
                bad = set(report.rejected_docs) if report.success else {d.doc_id for d in drafts}
                why = report.rejected_docs or {d: "; ".join(report.failures)[:500] for d in bad}
                summary.kept += [(d, why[d]) for d in sorted(bad)]
                drafts = [d for d in drafts if d.doc_id not in bad]
                tables = build_tables(drafts, [], summary.run_id, PIPELINE_VERSION, began)
            written += stored.load_batch(con, tables, summary.run_id)
            summary.rebuilt += len(drafts)
            progress.reporter.advance(docs.num_rows)
    summary.status = "succeeded_with_quarantine" if summary.kept else "succeeded"
    run_row.update(status=summary.status, finished_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                   rows_written=written, validation_passed=passed, message=_message(summary))
    stored.finish(con, run_row, everything and not summary.kept)
    # the lake follows the warehouse (as after a load); a crash before this leaves the lake with
    # the rows the documents had before: `sitrep reprocess` again mends it
    kept = {doc_id for doc_id, _ in summary.kept}
    stored.sync_lake(con, settings.lake, summary.run_id, [i for i in ids if i not in kept], everything and not kept)


@contextmanager
def _reporting():
    """The progress report closed however the rebuild ends (a bar left open would hold the terminal)."""
    try:
        yield
    finally:
        progress.reporter.finish()


def _analyze(docs, dating: dict, today: dt.date, workers: int, documents: batch.DocumentProgress | None = None
             ) -> tuple[list[batch.Draft], list[batch.Rejected]]:
    """The stages after parsing for stored documents, run by run: each loading run's window of
    undated articles, as that run computed it (the lookback before its start day); `documents`
    hears how far the large ones are read."""
    drafts, published = staged.from_documents(docs)
    by_run: dict[str, list[batch.Draft]] = {}
    for d, run_id in zip(drafts, docs.column("run_id").to_pylist()):
        by_run.setdefault(run_id, []).append(d)
    jobs = []
    for run_id, group in by_run.items():
        started = dating.get(run_id, today)
        ctx = batch.AnalysisContext(started, Window.of_run_day(started))
        step = max(1, math.ceil(len(group) / workers))  # every worker busy on a batch
        jobs += [(part, {d.doc_id: published[d.doc_id] for d in part}, ctx, documents)
                 for part in (group[i:i + step] for i in range(0, len(group), step))]
    out, late = [], []
    for done, failed in map_local(work.analyze_drafts, jobs):
        out += done
        late += failed
    out, unsigned = batch.signed_stage(out)  # here, not on the workers (see `batch.analysis_stage`)
    late += unsigned
    order = {d.doc_id: at for at, d in enumerate(drafts)}
    return sorted(out, key=lambda d: order[d.doc_id]), late


def _message(summary: ReprocessSummary) -> str | None:
    if not summary.kept:
        return None
    return f"{len(summary.kept)} document(s) kept their earlier rows: " + "; ".join(
        f"{doc}: {why}" for doc, why in summary.kept[:5])[:1000]


def _counts(con) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("entities", "mentions", "attack_events", "tallies")}
