"""The work local NLP worker processes run. Kept apart from the Prefect tasks so that a worker
imports only `transforms`, the inbox reader and the lake, not Prefect, DuckDB or Great Expectations."""

from __future__ import annotations

from dataclasses import dataclass

from flows.memory import release_memory
from transforms import batch, staged
from warehouse import inbox, lake


def read_sources(files: list[inbox.Candidate]) -> list[batch.SourceFile]:
    """The bytes of a batch of candidates; a file changed since the scan is left for a later run."""
    out = []
    for c in files:
        try:
            data = inbox.read_bytes(c.path, c.sha256)
        except OSError:
            data = None
        if data is not None:
            out.append(batch.SourceFile(inbox.stored_path(c.path), c.sha256, data))
    return out


@dataclass(frozen=True)
class StageJob:
    """One batch of the first pass: its files, where its parsed documents are staged."""
    files: list[inbox.Candidate]
    max_bytes: int
    lake: str
    run_id: str
    part: int


@dataclass(frozen=True)
class Staged:
    """What the first pass of a batch hands back: the header facts of each staged document
    (small: the parsed documents themselves stay in the staged part) and the rejected files."""
    part: int
    datings: list[tuple[str, str, str, batch.Dating]]  # (doc_id, source_path, sha256, dating)
    rejected: list[batch.Rejected]


def stage_batch(job: StageJob) -> Staged:
    """Read, decode and parse a batch of files once, stage the parsed documents in the run's
    staging partition and return their publication headers (dating the run needs them all)."""
    release_memory(collect=False)  # the previous batch's documents, freed since it was handed back
    drafts, undecodable = batch.decode_stage(read_sources(job.files), job.max_bytes)
    drafts, unparsed = batch.parse_stage(drafts)
    kept, datings, undatable = [], [], []
    for d in drafts:
        try:
            datings.append((d.doc_id, d.source_path, d.source_sha256, batch.dating_of(d)))
        except Exception as exc:  # one odd header costs its document alone
            undatable.append(batch.Rejected(d.source_path, d.source_sha256, batch.crash_reason("dates", exc), "dates"))
            continue
        kept.append(d)
    lake.write_staged(job.lake, job.run_id, job.part, staged.to_arrow(kept))
    return Staged(job.part, datings, undecodable + unparsed + undatable)


def analyze_staged(lake_uri: str, run_id: str, part: int, published: dict[str, batch.Publication],
                   ctx: batch.AnalysisContext, progress: batch.DocumentProgress | None = None
                   ) -> tuple[list[batch.Draft], list[batch.Rejected]]:
    """The analysis of one staged batch: its parsed documents, dated as the run dated them;
    `progress` hears how far its large documents are read."""
    release_memory(collect=False)  # the previous batch's drafts, freed once they were handed back
    drafts = staged.from_arrow(lake.read_staged(lake_uri, run_id, part))
    return batch.analysis_stage(drafts, published, ctx, sign=False, progress=progress)  # the run's process signs


def analyze_drafts(job: tuple[list[batch.Draft], dict[str, batch.Publication], batch.AnalysisContext,
                              batch.DocumentProgress | None]) -> tuple[list[batch.Draft], list[batch.Rejected]]:
    """The analysis of parsed drafts handed over whole (`sitrep reprocess`: stored documents),
    signatures left to the caller; the job's last item hears how far its large documents are read."""
    drafts, published, ctx, progress = job
    return batch.analysis_stage(drafts, published, ctx, sign=False, progress=progress)
