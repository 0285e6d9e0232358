"""Incidents across articles (#14): rewrites of one story by other outlets share incident ids,
across runs, and ids of earlier runs never change. The articles are invented (cases/rewrites)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from tests.warehouse.test_store import run_row
from transforms import batch
from transforms.dedup import DuplicateIndex
from transforms.event_dates import Window
from transforms.tables import build_tables
from warehouse import store

CASES = Path(__file__).parent / "cases" / "rewrites"
TODAY = dt.date(2026, 11, 1)


def _tables(names: list[str], run_id: str) -> dict:
    files = [batch.SourceFile(n, hashlib.sha256((CASES / n).read_bytes()).hexdigest(), (CASES / n).read_bytes())
             for n in names]
    # every case article states its date: the window for undated ones does not matter
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
    drafts = batch.dedup_stage(drafts, DuplicateIndex())
    return build_tables(drafts, rejected, run_id, "test", dt.datetime(2026, 1, 1))


@pytest.mark.parametrize("pair", ["a", "b", "c"])
def test_a_rewrite_by_another_outlet_joins_the_incident_of_the_first_report(con, pair):
    first, second = sorted(p.name for p in CASES.glob(f"{pair}?_*.txt"))
    store.load_run(con, _tables([first], "r1"), run_row("r1"))
    before = con.execute("select event_id, incident_id from attack_events order by event_id").fetchall()
    store.load_run(con, _tables([second], "r2"), run_row("r2"))
    incidents = con.execute("""select d.source_path, list(distinct e.incident_id) from attack_events e
                               join documents d using (doc_id) group by 1""").fetchall()
    ids = {path: set(i) for path, i in incidents}
    assert set(ids) == {first, second}, "each article reports the attack"
    assert ids[second] <= ids[first], "the rewrite's events belong to the first report's incident"
    after = dict(con.execute("select event_id, incident_id from attack_events").fetchall())
    assert all(after[e] == i for e, i in before), "an earlier run's incident ids never change"
    assert len(ids[first]) == 1, "one attack, one incident"
    week = con.execute("select sum(incidents) from weekly_attack_counts").fetchone()[0]
    assert week == 1


def test_the_same_pairs_in_one_run_count_three_incidents(con):
    names = sorted(p.name for p in CASES.glob("*.txt"))
    store.load_run(con, _tables(names, "r1"), run_row("r1"))
    assert con.execute("select count(distinct incident_id) from attack_events").fetchone() == (3,)


def test_attacks_on_different_days_or_places_stay_apart(con):
    # Kismayo (Somalia) and Gao (Mali) the same week: different countries, different incidents
    store.load_run(con, _tables(["a1_harbor_post.txt", "b1_valley_herald.txt"], "r1"), run_row("r1"))
    assert con.execute("select count(distinct incident_id) from attack_events").fetchone()[0] >= 2


def test_attacks_on_us_forces_per_week_is_one_query_and_leaves_out_us_strikes(con):
    # the README's query; the U.S. strike on an armed group is not an attack on U.S. forces
    names = ["../targets/desert_ledger.txt"]
    store.load_run(con, _tables(names, "r1"), run_row("r1"))
    rows = con.execute("""select week_start, sum(incidents) as incidents from weekly_attacks_by_target
                          where target_country = 'US' group by week_start order by week_start""").fetchall()
    assert rows == [(dt.date(2025, 11, 3), 1)]
    total = con.execute("select sum(incidents) from weekly_attack_counts").fetchone()[0]
    assert total == 2, "both attacks are still in the weekly counts"


@pytest.mark.parametrize("pair", ["a", "b", "c"])
def test_a_rewrite_by_another_outlet_shares_the_first_reports_story(con, pair):
    first, second = sorted(p.name for p in CASES.glob(f"{pair}?_*.txt"))
    store.load_run(con, _tables([first], "r1"), run_row("r1"))
    store.load_run(con, _tables([second], "r2"), run_row("r2"))
    stories = dict(con.execute("select source_path, story_id from documents").fetchall())
    first_id = con.execute("select doc_id from documents where source_path = ?", [first]).fetchone()[0]
    assert stories == {first: first_id, second: first_id}


def test_different_attacks_are_different_stories(con):
    store.load_run(con, _tables(["a1_harbor_post.txt", "b1_valley_herald.txt", "c1_border_times.txt"], "r1"), run_row("r1"))
    assert con.execute("select count(distinct story_id) from documents").fetchone() == (3,)


def test_an_attack_the_text_does_not_date_counts_in_the_week_it_was_reported(con):
    # published on Monday 2025-03-10: the lookback window reaches into the week before, the
    # report belongs to the week of publication
    store.load_run(con, _tables(["../undated/river_gazette.txt"], "r1"), run_row("r1"))
    events = con.execute("select event_date, date_precision, date_max from attack_events").fetchall()
    assert events == [(None, "inferred", dt.date(2025, 3, 10))]
    assert con.execute("select week_start, sum(incidents) from weekly_attack_counts group by 1").fetchall() == \
        [(dt.date(2025, 3, 10), 1)]


def test_an_overnight_attack_reported_on_monday_counts_once_in_the_week_of_its_last_day(con):
    # published Monday 2025-10-06: "overnight" is Sunday to Monday, across the ISO week boundary;
    # a short range counts in the week of its last day (README, weekly_attack_counts)
    store.load_run(con, _tables(["../weeks/overnight_monday.txt"], "r1"), run_row("r1"))
    events = con.execute("select event_date, date_min, date_max from attack_events").fetchall()
    assert events == [(None, dt.date(2025, 10, 5), dt.date(2025, 10, 6))]
    assert con.execute("select week_start, country_code, incidents from weekly_attack_counts").fetchall() == \
        [(dt.date(2025, 10, 6), "UA", 1)]
    assert con.execute("select week_start, sum(incidents) from weekly_attacks_by_target group by 1").fetchall() == \
        [(dt.date(2025, 10, 6), 1)]


@pytest.mark.parametrize("date_min, date_max, week", [
    ("2025-10-04", "2025-10-06", "2025-10-06"),  # Saturday to Monday: 3 days, the week of Monday
    ("2025-10-03", "2025-10-06", None),  # Friday to Monday: 4 days, too vague to place
    ("2025-10-07", "2025-10-12", "2025-10-06"),  # inside one week: that week
    ("2025-09-22", "2025-10-06", None),  # two weeks back: not counted
])
def test_a_range_across_weeks_counts_in_its_last_days_week_only_when_it_spans_at_most_3_days(con, date_min, date_max, week):
    store.load_run(con, _tables(["../weeks/overnight_monday.txt"], "r1"), run_row("r1"))
    con.execute("update attack_events set date_min = ?, date_max = ?, date_precision = 'range'", [date_min, date_max])
    assert con.execute("select week_start from stg_attack_events").fetchall() == \
        [(dt.date.fromisoformat(week) if week else None,)]
    assert con.execute("select count(*) from weekly_attack_counts").fetchone() == (1 if week else 0,)


def _version(name: str, extra: str, run_id: str) -> dict:
    """A new version of case file `name` (same path, the text plus `extra`), as a run's tables."""
    data = (CASES / name).read_bytes() + extra.encode()
    files = [batch.SourceFile(name, hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
    drafts = batch.dedup_stage(drafts, DuplicateIndex())
    return build_tables(drafts, rejected, run_id, "test", dt.datetime(2026, 1, int(run_id[1:])))


# an update that adds a second attack: the new version's incidents are no subset of the first's
SECOND_ATTACK = ("\nLater on Tuesday, gunmen shot dead three soldiers at a checkpoint in Afmadow, "
                 "a district official said.\n")


def _stories(con) -> dict[str, str]:
    return dict(con.execute("select doc_id, story_id from documents").fetchall())


def test_a_new_version_of_the_first_report_keeps_its_story_when_a_rewrite_came_between(con):
    store.load_run(con, _tables(["a1_harbor_post.txt"], "r1"), run_row("r1"))
    first = con.execute("select doc_id from documents").fetchone()[0]
    store.load_run(con, _tables(["a2_coastline_daily.txt"], "r2"), run_row("r2"))
    store.load_run(con, _version("a1_harbor_post.txt", SECOND_ATTACK, "r3"), run_row("r3"))
    assert con.execute("select count(*) from documents where superseded_by = ?", [first]).fetchone() == (0,)
    assert con.execute("select count(*) from documents where superseded_by is not null").fetchone() == (1,), \
        "the first report is superseded by its new version"
    assert set(_stories(con).values()) == {first}, "the story keeps its id: every version and the rewrite"


def test_a_rewrite_loaded_after_the_first_report_changed_joins_the_same_story(con):
    store.load_run(con, _tables(["a1_harbor_post.txt"], "r1"), run_row("r1"))
    first = con.execute("select doc_id from documents").fetchone()[0]
    store.load_run(con, _version("a1_harbor_post.txt", SECOND_ATTACK, "r2"), run_row("r2"))
    store.load_run(con, _tables(["a2_coastline_daily.txt"], "r3"), run_row("r3"))
    assert set(_stories(con).values()) == {first}
    current = con.execute("select doc_id from documents where superseded_by is null and story_id = ? "
                          "order by ingested_at", [first]).fetchall()
    assert len(current) == 2, "the story's current documents: the new version and the rewrite"


def test_a_new_version_with_the_same_attack_keeps_the_story(con):
    store.load_run(con, _tables(["a1_harbor_post.txt"], "r1"), run_row("r1"))
    first = con.execute("select doc_id from documents").fetchone()[0]
    store.load_run(con, _tables(["a2_coastline_daily.txt"], "r2"), run_row("r2"))
    store.load_run(con, _version("a1_harbor_post.txt", "\nThe depot belonged to a local trader.\n", "r3"), run_row("r3"))
    assert set(_stories(con).values()) == {first}
