"""The work local NLP worker processes run. Kept apart from the Prefect tasks so that a worker
imports only `transforms` and the inbox reader, not Prefect, DuckDB or Great Expectations."""

from __future__ import annotations

import datetime as dt

from transforms import batch
from transforms.event_dates import Window
from warehouse import inbox


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


def survey_chunk(job: tuple[list[inbox.Candidate], int]) -> tuple[list[bool], list[batch.Rejected], list[batch.Dating]]:
    """First pass over some files: which of them decode and parse (flags, so that no copy of
    the candidates comes back from a worker), the rejected, the datings of the good ones."""
    files, max_bytes = job
    drafts, undecodable = batch.decode_stage(read_sources(files), max_bytes)
    drafts, unparsed = batch.parse_stage(drafts)
    good, datings, undatable = set(), [], []
    for d in drafts:
        try:
            datings.append(batch.dating_of(d))
        except Exception as exc:  # one odd header costs its document alone
            undatable.append(batch.Rejected(d.source_path, d.source_sha256, batch.crash_reason("dates", exc), "dates"))
            continue
        good.add(d.source_sha256)
    return [c.sha256 in good for c in files], undecodable + unparsed + undatable, datings


def analyze_batch(files: list[batch.SourceFile], max_bytes: int, today: dt.date, reference: dt.date | None,
                  window: Window) -> tuple[list[batch.Draft], list[batch.Rejected]]:
    return batch.analyze_stage(files, max_bytes, today, reference, window)
