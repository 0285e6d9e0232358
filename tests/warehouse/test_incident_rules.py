"""The incident and story SQL (warehouse/sql/incidents) against a plain event-by-event reading
of the same rules, on random warehouses dense enough that every rule decides some pairs.

The SQL pairs classes of interchangeable events to stay linear on dense warehouses; these
tests hold it to the pairwise definition the file's header states."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from importlib import resources

import duckdb
import pytest

from warehouse import incidents

FAMILIES = {"rocket": "projectile", "missile": "projectile", "mortar": "projectile", "drone": "drone",
            "bomb": "explosive", "grenade": "explosive"}
RUNS = ["r0", "r1", "r2"]
SEPARATE = "in a separate incident"  # a cue of transforms/data/en/distinct_incident_cues.txt


def _sql(name: str) -> str:
    return resources.files("warehouse").joinpath("sql", "incidents", name).read_text(encoding="utf-8")


def _warehouse(seed: int) -> tuple[duckdb.DuckDBPyConnection, list[dict], dict[str, dict]]:
    """Random documents and events: a few places (two of them 20 km apart, three beyond 60
    degrees north), short and vague date ranges, unknown weapons, near-duplicates and versions."""
    rng = random.Random(seed)
    con = duckdb.connect()
    con.execute("""create table documents (doc_id varchar, run_id varchar, ingested_at timestamp,
                   duplicate_of varchar, source_path varchar, published_date date, story_id varchar)""")
    con.execute("""create table attack_events (event_id varchar, doc_id varchar, run_id varchar,
                   incident_id varchar, country_code varchar, location_id varchar, latitude double,
                   longitude double, admin1 varchar, geo_precision integer, event_date date, date_min date,
                   date_max date, attacker_id varchar, target_id varchar, weapons varchar[], evidence varchar,
                   target_kind varchar, sub_event_type varchar)""")
    docs = {}
    for i in range(80):
        run = rng.randrange(len(RUNS))
        doc = f"d{i:03d}"
        docs[doc] = {"doc_id": doc, "run_id": RUNS[run], "ingested_at": dt.datetime(2024, 2, 1 + run),
                     "duplicate_of": rng.choice(sorted(docs)) if docs and rng.random() < 0.1 else None,
                     "source_path": f"f{rng.randrange(70)}.txt",
                     "published_date": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(9)), "story_id": doc}
    places = [(f"p{k}", 33 + rng.random(), 43 + rng.random(), f"a{k % 3}") for k in range(5)]
    places += [("q0", 34.0, 44.0, "a0"), ("q1", 34.18, 44.0, "a0")]  # 20 km apart
    places += [("q2", 34.0, 44.0, "a0")]  # q0's point: a district placed at its seat town
    places += [(f"n{k}", 61 + rng.random() / 5, 10 + rng.random() / 5, "an") for k in range(3)]
    events = []
    for j in range(220):
        doc = docs[rng.choice(sorted(docs))]
        place = rng.choice(places + [None])
        location, lat, lon, admin1 = place if place else (None, None, None, rng.choice([None, "a1"]))
        if place and rng.random() < 0.15:
            lat = lon = None
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(10))
        span = rng.choice([0, 0, 0, 1, 3, 4, 9])
        events.append({
            "event_id": f"e{j:04d}", "doc_id": doc["doc_id"], "run_id": doc["run_id"], "incident_id": f"e{j:04d}",
            "country_code": rng.choice(["IQ", "IQ", "IQ", "SY", None]), "location_id": location,
            "latitude": lat, "longitude": lon, "admin1": admin1, "geo_precision": rng.choice([1, 2, 3, None]),
            "event_date": start if span == 0 or rng.random() < 0.2 else None,
            "date_min": start, "date_max": start + dt.timedelta(days=span),
            "attacker_id": rng.choice([None, "g1", "g2"]), "target_id": rng.choice([None, "t1", "t2"]),
            "weapons": rng.choice([["rocket"], ["drone"], ["unknown"], ["mortar", "drone"], ["bomb"], ["missile"]]),
            "evidence": rng.choice(["Gunmen attacked the town.", f"{SEPARATE.capitalize()}, a drone struck.",
                                    "Shells hit the base separately from the convoy."]),
            "target_kind": rng.choice([None, "unknown", "civilian", "civilian", "military"]),
            "sub_event_type": rng.choice([None, "Attack", "Attack", "Air/drone strike"])})
    for table, rows in (("documents", list(docs.values())), ("attack_events", events)):
        cols = list(rows[0])
        con.executemany(f"insert into {table} ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
                        [[r[c] for c in cols] for r in rows])
    return con, events, docs


def _km(a: dict, b: dict) -> float:
    """Haversine distance, Earth radius 6,371 km (as the SQL)."""
    la, lb = math.radians(a["latitude"]), math.radians(b["latitude"])
    h = (math.sin((lb - la) / 2) ** 2
         + math.cos(la) * math.cos(lb) * math.sin(math.radians(b["longitude"] - a["longitude"]) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


def _families(e: dict) -> set[str]:
    return {FAMILIES.get(w, w) for w in e["weapons"]}


def _short(e: dict) -> bool:
    return (e["date_max"] - e["date_min"]).days <= 3


def _precise(e: dict) -> bool:
    """Placed finer than a province (a province, a country or a dateline is precision 3)."""
    return e["latitude"] is not None and (e["geo_precision"] or 1) < 3


def _specific(e: dict) -> bool:
    return _short(e) and _precise(e)


def _days(e: dict) -> set[dt.date]:
    return {e["date_min"] + dt.timedelta(days=k) for k in range((e["date_max"] - e["date_min"]).days + 1)}


def _agree(n: dict, c: dict) -> bool:
    """Country (or sea), actors and weapons that do not contradict; dates are the caller's."""
    country_n, country_c = n["country_code"] or n["location_id"], c["country_code"] or c["location_id"]
    if country_n is None or country_n != country_c:
        return False
    for role in ("attacker_id", "target_id"):
        if n[role] is not None and c[role] is not None and n[role] != c[role]:
            return False
    return bool(_families(n) & _families(c)) or "unknown" in n["weapons"] + c["weapons"]


def _near(n: dict, c: dict) -> bool:
    """Places that may agree: one place, within 40 km, one inside the other's province, or
    one unplaced and the same named day."""
    placed = n["latitude"] is not None and c["latitude"] is not None
    return bool(
        n["location_id"] is not None and n["location_id"] == c["location_id"]
        or placed and _km(n, c) <= 40
        or n["admin1"] is not None and n["admin1"] == c["admin1"] and 3 in (n["geo_precision"], c["geo_precision"])
        or not placed and n["event_date"] is not None and n["event_date"] == c["event_date"])


def _separate(e: dict) -> bool:
    """The sentence tells of another attack (a cue of transforms/data/en/distinct_incident_cues.txt)."""
    return re.search(incidents.link_parameters("")["separate"], e["evidence"].lower()) is not None


def _fits(n: dict, c: dict) -> bool:
    """Neither sentence tells of another attack; target kinds and attack sub-types agree."""
    kinds = {n["target_kind"] or "unknown", c["target_kind"] or "unknown"}
    types = {n["sub_event_type"], c["sub_event_type"]}
    return (not _separate(n) and not _separate(c)
            and (len(kinds) == 1 or "unknown" in kinds) and (len(types) == 1 or None in types))


def _same_weapon(n: dict, c: dict) -> bool:
    return bool(_families(n) & _families(c)) and "unknown" not in n["weapons"] + c["weapons"]


def _ambiguous(x: dict, day: dt.date, events: list[dict]) -> bool:
    """A vague event whose weapon fits short attacks at more than one other place on `day`."""
    places = {y["location_id"] for y in events
              if y["location_id"] is not None and y["location_id"] != x["location_id"] and _short(y)
              and day in _days(y) and _agree(x, y) and _near(x, y) and _same_weapon(x, y) and _fits(x, y)}
    return not _precise(x) and len(places) > 1


def _kin(n: dict, c: dict, docs: dict) -> bool:
    dn, dc = docs[n["doc_id"]], docs[c["doc_id"]]
    return bool(dn["duplicate_of"] == c["doc_id"] or dc["duplicate_of"] == n["doc_id"]
                or dn["source_path"] == dc["source_path"])


def _compatible(n: dict, c: dict, docs: dict, events: list[dict]) -> bool:
    """The rules of link_incidents.sql's header, one pair at a time."""
    if n["doc_id"] == c["doc_id"] or not _agree(n, c):
        return False
    if not (c["date_min"] <= n["date_max"] and n["date_min"] <= c["date_max"]):
        return False
    if not (_short(n) and _short(c)):
        # a vague (long) event: the same place or point, a weapon family in common, nothing against
        same_point = n["latitude"] is not None and (n["latitude"], n["longitude"]) == (c["latitude"], c["longitude"])
        return bool(n["location_id"] is not None and c["location_id"] is not None
                    and (n["location_id"] == c["location_id"] or same_point) and _families(n) & _families(c)
                    and not _separate(n) and not _separate(c))
    if _kin(n, c, docs):
        return True
    if not _near(n, c):
        return False
    if _precise(n) and _precise(c) and (n["location_id"] == c["location_id"] is not None
                                        or n["latitude"] is not None and _km(n, c) <= 40):
        return True
    same_actor = any(n[r] is not None and n[r] == c[r] for r in ("attacker_id", "target_id"))
    return _fits(n, c) and (same_actor or _same_weapon(n, c) and any(
        not _ambiguous(n, day, events) and not _ambiguous(c, day, events) for day in _days(n) & _days(c)))


@pytest.mark.parametrize("seed", range(8))
def test_each_event_links_to_the_earliest_compatible_event_before_it(seed):
    con, events, docs = _warehouse(seed)
    kinds = set()
    for run in RUNS:
        def order(e):
            return (e["run_id"] == run, docs[e["doc_id"]]["ingested_at"], e["event_id"])
        expected = {}
        for n in (e for e in events if e["run_id"] == run):
            before = [c for c in events if order(c) < order(n) and _compatible(n, c, docs, events)]
            # a specific event takes a specific one (or its near-duplicate's, its file's) first;
            # only a vague one left, the link is tentative
            firm = [c for c in before if _specific(c) or _short(n) and _short(c) and _kin(n, c, docs)]
            if _specific(n) and firm:
                expected[n["event_id"]] = (min(firm, key=order)["event_id"], False)
            elif before:
                expected[n["event_id"]] = (min(before, key=order)["event_id"], _specific(n))
        con.execute(_sql("link_incidents.sql"), incidents.link_parameters(run))
        links = {e: (p, t) for e, p, t in con.execute("select event_id, parent, tentative from incident_links").fetchall()}
        assert links == expected
        assert len(expected) > 5, "the random warehouse exercises the rules"
        kinds |= {t for _, t in expected.values()}
    # (most seeds give tentative links too: a specific event whose only candidates are vague)
    assert seed in (4, 7) or kinds == {True, False}, "some links are firm, some tentative"


def test_reports_of_one_place_day_after_day_make_one_incident():
    """2,000 reports of one place over ten days, each of two days overlapping the next: the
    dense case the classes exist for (benchmarks/ times it at 100,000 articles)."""
    con = duckdb.connect()
    con.execute("""create table documents as select 'd' || i as doc_id, 'r1' as run_id,
                   timestamp '2024-02-01' as ingested_at, null::varchar as duplicate_of, 'f' || i as source_path,
                   date '2024-01-01' + (i % 10)::integer as published_date, 'd' || i as story_id
                   from range(2000) t(i)""")
    con.execute("""create table attack_events as select 'e' || lpad(i::varchar, 5, '0') as event_id, 'd' || i as doc_id,
                   'r1' as run_id, 'e' || lpad(i::varchar, 5, '0') as incident_id, 'IQ' as country_code, 'p1' as location_id,
                   34.0 as latitude, 44.0 as longitude, 'a1' as admin1, 1 as geo_precision,
                   date '2024-01-01' + (i % 10)::integer as event_date, date '2024-01-01' + (i % 10)::integer as date_min,
                   date '2024-01-01' + (i % 10)::integer + 1 as date_max, null::varchar as attacker_id,
                   null::varchar as target_id, ['rocket'] as weapons, 'Rockets hit the base.' as evidence,
                   'military' as target_kind, 'Shelling/artillery/missile attack' as sub_event_type
                   from range(2000) t(i)""")
    con.execute(_sql("link_incidents.sql"), incidents.link_parameters("r1"))
    pairs = con.execute("select count(*), count(distinct parent) from incident_links").fetchone()
    assert pairs[0] == 1999
    while con.execute("""update attack_events set incident_id = p.incident_id from incident_links l
                         join attack_events p on p.event_id = l.parent
                         where attack_events.event_id = l.event_id and attack_events.incident_id <> p.incident_id""").fetchone()[0]:
        pass
    assert con.execute("select count(distinct incident_id) from attack_events").fetchone()[0] == 1
    con.execute(_sql("link_stories.sql"), {"run_id": "r1"})
    # every document but the first reports only that incident and has an earlier report of it
    # published within 3 days
    assert con.execute("select count(*) from story_links").fetchone()[0] == 1999
