"""Staged documents (#16): parsed once, read back exactly as parsed."""

from __future__ import annotations

import dataclasses
import hashlib

from transforms import batch, staged

ARTICLES = [
    b"Rockets Hit Base Near Airport\n\nPublished: November 3, 2023 at 4:12 PM EST\n\n"
    b"Three rockets struck the base on Thursday, officials said. Nobody was hurt.\n",
    b"BAGHDAD, Nov. 14 (Reuters) - A drone attack targeted a convoy on Tuesday, police said.\n",
    b"05/11/2023\n\nA quiet day in the capital.\n",
    "Caf\u00e9 owners met the mayor. No date is stated here.\n".encode("cp1252"),
]


def parsed():
    files = [batch.SourceFile(f"{i}.txt", hashlib.sha256(data).hexdigest(), data) for i, data in enumerate(ARTICLES)]
    drafts, rejected = batch.decode_stage(files, 10 ** 6)
    drafts, unparsed = batch.parse_stage(drafts)
    assert not rejected and not unparsed
    return drafts


def test_staged_drafts_read_back_as_parsed_without_the_raw_text():
    drafts = parsed()
    back = staged.from_arrow(staged.to_arrow(drafts))
    assert back == [dataclasses.replace(d, text="") for d in drafts]
    assert any(d.article.published and d.article.published.year is None for d in back)  # a year-less dateline
    assert [batch.dating_of(d) for d in back] == [batch.dating_of(d) for d in drafts]


def test_stored_documents_give_the_drafts_and_dates_the_run_loaded():
    from transforms.tables import build_tables
    import datetime as dt

    today = dt.date(2026, 11, 22)
    drafts = batch.dates_stage(parsed(), today)
    docs = build_tables(drafts, [], "r1", "v", dt.datetime(2026, 11, 22))["documents"]
    back, published = staged.from_documents(docs)
    assert [d.body for d in back] == [d.body for d in drafts]
    assert [d.sentences for d in back] == [d.sentences for d in drafts]
    assert [published[d.doc_id][:2] for d in drafts] == [(d.published_date, d.published_at) for d in drafts]
    headers = [(d.article.published.month, d.article.published.day, d.article.published.numeric_order)
               if d.article.published else None for d in drafts if d.published_date]
    assert [(d.article.published.month, d.article.published.day, d.article.published.numeric_order)
            if d.article.published else None for d in back if published[d.doc_id][0]] == headers
    # a year-less dateline is stored as inferred and read again as a dateline
    assert "inferred" in [d.published_source for d in drafts]
    assert [d.article.published_source for d in back] == [d.published_source for d in drafts]
