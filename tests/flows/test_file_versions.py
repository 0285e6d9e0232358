"""A changed inbox file, end to end (#17): the real flow into a real DuckDB file. Its new content
is a new document that supersedes the old one (`documents.superseded_by`); sums over current
documents and the weekly views count the attack once, with the current toll; the file changed
back makes the first version current again; re-running changes nothing; reprocessing keeps the
marks. The article is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.flows.test_ingest_flow import query as _query

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]

TODAY = dt.date(2025, 3, 20)
ARTICLE = """Roadside bomb kills police officers near Kismayo
Published: March 12, 2025 at 9:00 AM EST

KISMAYO, Somalia - A roadside bomb struck a police vehicle near Kismayo on Tuesday, killing {dead} police officers, regional officials said.

The officials said the vehicle was on its way to a checkpoint outside the town.
"""
V1, V2 = ARTICLE.format(dead="four"), ARTICLE.format(dead="five")
CURRENT = "doc_id in (select doc_id from documents where superseded_by is null)"


def _ingest(inbox, data_dir):
    from flows.ingest import ingest_inbox

    return ingest_inbox(inbox=str(inbox), data_dir=str(data_dir), today=TODAY)


def _state(data_dir) -> dict:
    return {
        "versions": _query(data_dir, "select source_sha256, superseded_by is null from documents order by 1"),
        "current_fatalities": _query(data_dir, f"select sum(fatalities) from attack_events where {CURRENT}")[0][0],
        "all_fatalities": _query(data_dir, "select sum(fatalities) from attack_events")[0][0],
        "weekly": _query(data_dir, "select sum(incidents), sum(event_mentions), sum(documents) from weekly_attack_counts"),
    }


def _touch_later(path, text: str) -> None:
    """Write new content with a later modification time (a same-second rewrite keeps its size)."""
    import os

    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, max(path.stat().st_mtime_ns, before + 10**9)))


def test_a_changed_file_is_a_new_version_that_supersedes_the_old_one(tmp_path, inbox):
    import hashlib

    sha = {v: hashlib.sha256(v.encode()).hexdigest() for v in (V1, V2)}
    data = tmp_path / "data"
    story = inbox / "story.txt"
    _touch_later(story, V1)
    assert _ingest(inbox, data).files_new == 1
    first = _state(data)
    assert first["versions"] == [(sha[V1], True)]
    assert first["current_fatalities"] == 4 and first["weekly"] == [(1, 1, 1)]

    _touch_later(story, V2)
    assert _ingest(inbox, data).files_new == 1
    second = _state(data)
    assert sorted(second["versions"]) == sorted([(sha[V1], False), (sha[V2], True)])
    assert _query(data, "select count(distinct source_path) from documents") == [(1,)]
    assert second["current_fatalities"] == 5, "the current version's toll, once"
    assert second["all_fatalities"] == 9, "both versions stay in the warehouse"
    assert second["weekly"] == [(1, 1, 1)], "one incident, one mention, one article"
    old, new = (_query(data, f"select doc_id from documents where source_sha256 = '{sha[v]}'")[0][0] for v in (V1, V2))
    assert _query(data, f"select superseded_by from documents where doc_id = '{old}'") == [(new,)]
    assert _query(data, f"select duplicate_of from documents where doc_id = '{new}'") == [(None,)]
    assert len({i for (i,) in _query(data, "select incident_id from attack_events")}) == 1, "one attack, one incident"

    again = _ingest(inbox, data)
    assert again.status == "nothing_new" and _state(data) == second, "a re-run changes nothing"

    _touch_later(story, V1)  # changed back: nothing new to load, the first version is current again
    back = _ingest(inbox, data)
    assert back.files_new == 0
    third = _state(data)
    assert sorted(third["versions"]) == sorted([(sha[V1], True), (sha[V2], False)])
    assert third["current_fatalities"] == 4 and third["weekly"] == [(1, 1, 1)]

    from flows.reprocess import reprocess

    assert reprocess(data_dir=str(data), everything=True, workers=1, today=TODAY).status == "succeeded"
    assert _state(data) == third, "reprocessing keeps which version is current"


def test_a_quarantined_version_is_resolved_when_the_file_changes_back(tmp_path, inbox):
    """A quarantine row describes the content its file held: once the file holds loaded content
    again (here its earlier version, so nothing new loads), the row leaves the warehouse and the
    lake, and the data-quality listing no longer names the file."""
    import hashlib

    import pyarrow.parquet as pq

    data = tmp_path / "data"
    story = inbox / "story.txt"
    _touch_later(story, V1)
    assert _ingest(inbox, data).files_new == 1
    _touch_later(story, "")  # emptied by a failed upload: quarantined
    assert _ingest(inbox, data).files_quarantined == 1
    assert _query(data, "select count(*) from quarantine") == [(1,)]
    assert _ingest(inbox, data).status == "nothing_new"
    assert _query(data, "select count(*) from quarantine") == [(1,)], "still empty: the row stays"

    _touch_later(story, V1)  # restored: nothing new to load, the quarantine row is resolved
    back = _ingest(inbox, data)
    assert back.status == "nothing_new" and back.files_quarantined == 0
    assert _query(data, "select count(*) from quarantine") == [(0,)]
    lake_rows = sum(pq.read_metadata(f).num_rows for f in (data / "lake" / "quarantine").rglob("*.parquet"))
    assert lake_rows == 0, "the lake drops the row too"
    assert _ingest(inbox, data).status == "nothing_new"
    assert _query(data, "select count(*) from quarantine") == [(0,)]
    assert _state(data)["versions"] == [(hashlib.sha256(V1.encode()).hexdigest(), True)]
