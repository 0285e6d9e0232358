"""Parsed documents as an Arrow table and back: what the first pass of a run stages for the
analysis, and what `sitrep reprocess` rebuilds from the warehouse's `documents` rows.

A staged row is a draft after decoding and parsing: its identity, decode notes, the parsed
article (header fields, the publication header as the parser read it, the body) and the
sentence spans of the body. The raw text is not kept: nothing after parsing reads it. Staging
it once lets the analysis skip a second read, decode and parse of every file (dlt's extract /
normalize split: each stage re-runnable from the staged table).
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from transforms import credit_lines, dates
from transforms.batch import Draft
from transforms.parse import Article

_HEADER = pa.struct([("text", pa.string()), ("month", pa.int8()), ("day", pa.int8()), ("year", pa.int16()),
                     ("time", pa.time64("us")), ("utc_offset_hours", pa.float64()),
                     ("numeric_order", pa.string()), ("order_ambiguous", pa.bool_()),
                     ("order_evidence", pa.string())])

SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("source_path", pa.string()), ("source_sha256", pa.string()),
    ("encoding", pa.string()), ("decode_notes", pa.list_(pa.string())),
    ("title", pa.string()), ("publisher", pa.string()), ("section", pa.string()), ("dateline", pa.string()),
    ("published_text", pa.string()), ("published", _HEADER), ("published_source", pa.string()),
    ("body", pa.string()), ("removed", pa.list_(pa.string())),
    ("sentence_starts", pa.list_(pa.int32())), ("sentence_ends", pa.list_(pa.int32())),
])


def to_arrow(drafts: list[Draft]) -> pa.Table:
    """Parsed drafts (after `parse_stage`) -> a table of `SCHEMA`, one row per draft, in order.
    ValueError when a draft has no parsed article."""
    if any(d.article is None for d in drafts):
        raise ValueError("only parsed drafts can be staged")
    rows = [{
        "doc_id": d.doc_id, "source_path": d.source_path, "source_sha256": d.source_sha256, "encoding": d.encoding,
        "decode_notes": list(d.decode_notes), "title": d.article.title, "publisher": d.article.publisher,
        "section": d.article.section, "dateline": d.article.dateline, "published_text": d.article.published_text,
        "published": _header_row(d.article.published), "published_source": d.article.published_source,
        "body": d.article.body, "removed": list(d.article.removed),
        "sentence_starts": [s for s, _ in d.sentences], "sentence_ends": [e for _, e in d.sentences],
    } for d in drafts]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def from_arrow(table: pa.Table) -> list[Draft]:
    """A table of `SCHEMA` -> parsed drafts, exactly as `to_arrow` received them (less the raw text)."""
    out = []
    for r in table.to_pylist():
        article = Article(r["title"], r["publisher"], r["section"], r["dateline"], r["published_text"],
                          _header(r["published"]), r["published_source"], r["body"], tuple(r["removed"] or ()))
        out.append(Draft(r["doc_id"], r["source_path"], r["source_sha256"], r["encoding"], "",
                         tuple(r["decode_notes"] or ()), article=article,
                         sentences=tuple(zip(r["sentence_starts"], r["sentence_ends"]))))
    return out


def _header_row(h: dates.HeaderDate | None) -> dict | None:
    if h is None:
        return None
    return {"text": h.text, "month": h.month, "day": h.day, "year": h.year, "time": h.time,
            "utc_offset_hours": h.utc_offset_hours, "numeric_order": h.numeric_order,
            "order_ambiguous": h.order_ambiguous, "order_evidence": h.order_evidence}


def _header(r: dict | None) -> dates.HeaderDate | None:
    if r is None:
        return None
    time = r["time"]
    if time is not None and not isinstance(time, dt.time):
        raise ValueError(f"staged header time {time!r} is not a time of day")
    return dates.HeaderDate(r["text"], r["month"], r["day"], r["year"], time, r["utc_offset_hours"],
                            r["numeric_order"], bool(r["order_ambiguous"]), r.get("order_evidence"))


def from_documents(table: pa.Table) -> tuple[list[Draft], dict[str, tuple]]:
    """Stored `documents` rows -> parsed drafts and their publications (doc_id -> (date,
    timestamp, None), as the run that loaded them dated them), for rebuilding their derived rows
    (`sitrep reprocess`). The body is kept as stored (every offset points into it); the sentences
    are split again and the publication header is read again from `published_text` (a numeric
    header's day/month order dates the body's numeric dates)."""
    from transforms.sentences import split_sentences

    drafts, published = [], {}
    for r in table.to_pylist():
        header = _stored_header(r["published_text"], r["published_source"])
        article = Article(r["title"], r["publisher"], r["section"], r["dateline"], r["published_text"], header,
                          r["published_source"], r["body"])
        notes = tuple(n for n in (r["decode_notes"] or "").split("; ") if n)
        drafts.append(Draft(r["doc_id"], r["source_path"], r["source_sha256"], r["encoding"], "", notes,
                            article=article, sentences=tuple(split_sentences(r["body"]))))
        published[r["doc_id"]] = (r["published_date"], r["published_at"], None)
    return drafts, published


def _stored_header(text: str | None, source: str) -> dates.HeaderDate | None:
    if not text:
        return None
    if source in ("dateline", "inferred"):  # "inferred": a year-less dateline, its year the run's
        # the stored dateline lacks the dash that ends it in the body, and a dateline is read
        # only with its dash ("BAGHDAD, Nov. 14 (Reuters) - ...": dates.parse_dateline)
        # (a story word after it: a dash ends a bare or inline-dated dateline only before its text)
        found = dates.parse_dateline(text) or dates.parse_dateline(f"{text} - Text")
        return found[1] if found else None
    if source != "header":
        return None
    credit = credit_lines.credit_date(text)  # "Sudan Tribune, 06/11/2026": the outlet's name tells the order
    return credit[2] if credit else dates.parse_header_date(text)
