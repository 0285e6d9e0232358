"""The date expectations of ../shared/cases (issue 13), checked through the pure batch stages.

Each case folder holds an inbox and an expected.md written before the pipeline was run; the
values asserted here are the dates that expected.md states. Skipped without ../shared.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from tests.conftest import SHARED
from transforms import batch
from transforms.event_dates import Window

CASES = SHARED / "cases"
RUN_DAY = dt.date(2026, 11, 29)  # the day the cases were run (expected.md)


def _run(case: str) -> dict[str, batch.Draft]:
    inbox = CASES / case / "inbox"
    if not inbox.is_dir():
        pytest.skip(f"../shared/cases/{case} is absent")
    files = [batch.SourceFile(str(p), hashlib.sha256(p.read_bytes()).hexdigest(), p.read_bytes())
             for p in sorted(inbox.iterdir()) if p.is_file() and p.suffix == ".txt"]
    drafts, _ = batch.decode_stage(files, 10_000_000)
    drafts, _ = batch.parse_stage(drafts)
    drafts = batch.dates_stage(drafts, RUN_DAY)
    window = Window.of_run_day(RUN_DAY)
    drafts = batch.events_stage(batch.entities_stage(drafts), window)
    return {p.split("/")[-1]: d for p, d in ((d.source_path, d) for d in drafts)}


def test_yearless_date_in_an_undated_article_is_never_after_the_run_day():
    docs = _run("yearless-date-undated-article")
    dated = docs["erbil_rockets_nov27.txt"]
    assert dated.published_date == dt.date(2026, 11, 27) and dated.published_source == "header"
    assert [e.event_date for e in dated.events] == [dt.date(2026, 11, 26)]
    undated = docs["undated_kirkuk_depot_blog.txt"]
    assert undated.published_date is None
    assert undated.events, "the undated article's attack is kept"
    for e in undated.events:
        assert e.date_max <= RUN_DAY and (e.event_date is None or e.event_date <= RUN_DAY)
        assert e.event_date in (dt.date(2025, 12, 3), None)


def test_two_digit_year_header_dates_the_article_and_its_weekday():
    doc = _run("two-digit-year-header")["two_digit_year_header.txt"]
    assert doc.published_date == dt.date(2023, 11, 25) and doc.published_source == "header"
    assert doc.published_at == dt.datetime(2023, 11, 25, 10, 43)
    assert [e.event_date for e in doc.events] == [dt.date(2023, 11, 24)]


def test_last_weekday_written_on_that_weekday_is_the_week_before():
    doc = _run("last-weekday-on-same-weekday")["asad_last_thursday.txt"]
    assert doc.published_date == dt.date(2023, 11, 9)
    assert sorted(e.event_date for e in doc.events) == [dt.date(2023, 11, 2), dt.date(2023, 11, 7)]


def test_leap_second_header_is_read_not_crashed_on():
    docs = _run("leap-second-header")
    doc = docs["baghdad_market_2016-12-31.txt"]
    assert doc.published_date == dt.date(2016, 12, 31) and doc.published_source == "header"
    assert doc.published_at in (dt.datetime(2016, 12, 31, 23, 59, 59), dt.datetime(2017, 1, 1))
    # the bombing ("on Saturday" = the publication day) is dated that day when attacks.py finds it
    assert all(e.event_date == dt.date(2016, 12, 31) for e in doc.events)
    assert len(docs["tanf_drone_nov06.txt"].events) == 1
