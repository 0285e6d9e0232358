"""Variants of the ../shared/cases that ../shared holds no inbox for (#17), at the inbox level: the
real flow on an invented article into a real DuckDB file. They run without ../shared.

historic-tally-period-start, variant: a toll counted over "the past four decades" is a tally of
40,000 deaths whose period starts about four decades before publication (or is NULL); a start
that far back must not make validation reject the document or the run.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.flows.test_ingest_flow import query

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]

DECADES_TOLL = """Jets strike militant shelters in the northern mountains
Published: November 6, 2023

ANKARA - Warplanes struck shelters of Kurdish militants in the mountains of northern Iraq on Sunday, destroying several caves used as depots, the defence ministry said.

More than 40,000 people have been killed in the conflict in the past four decades, according to official figures.
"""


def test_a_toll_over_the_past_four_decades_loads_with_its_period(tmp_path, inbox):
    from flows.ingest import ingest_inbox

    (inbox / "decades_toll.txt").write_text(DECADES_TOLL, encoding="utf-8")
    summary = ingest_inbox(inbox=str(inbox), data_dir=str(tmp_path / "data"), today=dt.date(2023, 11, 10))
    assert summary.status == "succeeded" and summary.exit_code == 0, summary.quarantined
    data = tmp_path / "data"
    tallies = query(data, "select count, qualifier, unit, period_start, period_end from tallies")
    assert len(tallies) == 1, tallies
    count, qualifier, unit, start, end = tallies[0]
    assert (count, qualifier, unit, end) == (40000, "more than", "deaths", dt.date(2023, 11, 6))
    assert start is None or dt.date(1983, 10, 1) <= start <= dt.date(1983, 12, 31), start
    assert query(data, "select country_code from attack_events") == [("IQ",)]
