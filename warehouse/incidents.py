"""Incidents across articles: the same attack reported by several documents shares one incident_id.

Runs inside the load's transaction, after the run's events are inserted (`store.load_run`):
each new event is linked to the earliest compatible event of the whole warehouse (the rules are
in sql/incidents/link_incidents.sql) and takes its incident_id. Ids are stable: rows of earlier
runs are never rewritten, so an incident keeps the id of its first reported event (the content
key `transforms.dedup.incident_key` gave it), and a later run's report of it joins that id.
Loading the same lake again in the same order gives the same ids. Rewrites of a story by
another outlet then take the story's `documents.story_id` (sql/incidents/link_stories.sql).
"""

from __future__ import annotations

from importlib import resources

import duckdb

# chains inside one run resolve one link per pass; a run's chain is never this long in practice
_MAX_PASSES = 64


def link_incidents(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Give the events of run `run_id` the incident_id of the earliest compatible event before
    them; returns how many events joined an earlier incident."""
    sql = resources.files("warehouse").joinpath("sql", "incidents", "link_incidents.sql").read_text(encoding="utf-8")
    con.execute(sql, {"run_id": run_id})
    linked = con.execute("select count(*) from incident_links").fetchone()[0]
    for _ in range(_MAX_PASSES):
        changed = con.execute("""
            update attack_events set incident_id = p.incident_id
            from incident_links l join attack_events p on p.event_id = l.parent
            where attack_events.event_id = l.event_id and attack_events.incident_id <> p.incident_id
        """).fetchone()[0]
        if not changed:
            break
    con.execute("drop table incident_links")
    _link_stories(con, run_id)
    return linked


def _link_stories(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """A rewrite by another outlet (its attacks all in incidents one earlier article reported,
    within 3 days) takes that article's story_id; chains inside the run resolve as incidents do."""
    sql = resources.files("warehouse").joinpath("sql", "incidents", "link_stories.sql").read_text(encoding="utf-8")
    con.execute(sql, {"run_id": run_id})
    for _ in range(_MAX_PASSES):
        changed = con.execute("""
            update documents set story_id = p.story_id
            from story_links l join documents p on p.doc_id = l.parent
            where documents.doc_id = l.doc_id and documents.story_id is distinct from p.story_id
        """).fetchone()[0]
        if not changed:
            break
    con.execute("drop table story_links")
