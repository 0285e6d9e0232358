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

import re
from importlib import resources

import duckdb

from transforms.resources import word_list

# chains inside one run resolve one link per pass; a run's chain is never this long in practice
_MAX_PASSES = 64

# an event placed finer than a province (geo_precision 1 or 2, or unstated) on a range of at most
# 3 days: the rule link_incidents.sql names `specific`
_SPECIFIC = "latitude is not null and coalesce(geo_precision, 1) < 3 and date_max - date_min <= 3"


def link_parameters(run_id: str) -> dict[str, str]:
    """The parameters of sql/incidents/link_incidents.sql: the run, and `separate`, a regular
    expression (RE2) of the cues by which a sentence tells of another attack than the one
    reported before it (transforms/data/en/distinct_incident_cues.txt), matched as whole words."""
    cues = "|".join(re.escape(c) for c in word_list("en/distinct_incident_cues.txt"))
    return {"run_id": run_id, "separate": rf"\b({cues})\b"}


def link_incidents(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Give the events of run `run_id` the incident_id of the earliest compatible event before
    them; returns how many events joined an earlier incident.

    A specific event whose only candidates are vague (placed at a province or not at all, or on a
    range of days) joins the vague event's incident only while that incident holds no specific
    event, taking such links in event order: a vague report never bridges two specific attacks
    that do not link on their own (issue #14, part 2)."""
    sql = resources.files("warehouse").joinpath("sql", "incidents", "link_incidents.sql").read_text(encoding="utf-8")
    con.execute(sql, link_parameters(run_id))
    con.execute("create or replace temporary table incident_applied as select * from incident_links where not tentative")
    _resolve(con)
    tentative = con.execute("""
        select l.event_id, l.parent from incident_links l join attack_events e using (event_id)
        join documents d using (doc_id) where l.tentative order by d.ingested_at, l.event_id
    """).fetchall()
    for event_id, parent in tentative:
        # the vague parent's incident as it stands now, with the links taken so far
        taken = con.execute(f"""
            select count(*) from attack_events
            where incident_id = (select incident_id from attack_events where event_id = $parent)
              and {_SPECIFIC}
        """, {"parent": parent}).fetchone()[0]
        if taken:
            continue
        con.execute("insert into incident_applied values ($e, $p, true)", {"e": event_id, "p": parent})
        _resolve(con)
    linked = con.execute("select count(*) from incident_applied").fetchone()[0]
    con.execute("drop table incident_links")
    con.execute("drop table incident_applied")
    _link_stories(con, run_id)
    return linked


def _resolve(con: duckdb.DuckDBPyConnection) -> None:
    """Copy the incident of each applied link's parent to its event until no id changes (a chain
    inside one run resolves one link per pass)."""
    for _ in range(_MAX_PASSES):
        changed = con.execute("""
            update attack_events set incident_id = p.incident_id
            from incident_applied l join attack_events p on p.event_id = l.parent
            where attack_events.event_id = l.event_id and attack_events.incident_id <> p.incident_id
        """).fetchone()[0]
        if not changed:
            break


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
