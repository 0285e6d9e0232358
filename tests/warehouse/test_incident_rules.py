"""The incident and story SQL (warehouse/sql/incidents) against a plain event-by-event reading
of the same rules, on random warehouses dense enough that every rule decides some pairs.

The SQL pairs classes of interchangeable events to stay linear on dense warehouses; these
tests hold it to the pairwise definition the file's header states."""

from __future__ import annotations

import datetime as dt
import math
import random
from importlib import resources

import duckdb
import pytest

FAMILIES = {"rocket": "projectile", "missile": "projectile", "mortar": "projectile", "drone": "drone",
            "bomb": "explosive", "grenade": "explosive"}
RUNS = ["r0", "r1", "r2"]


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
                   date_max date, attacker_id varchar, target_id varchar, weapons varchar[])""")
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
            "weapons": rng.choice([["rocket"], ["drone"], ["unknown"], ["mortar", "drone"], ["bomb"], ["missile"]])})
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


def _compatible(n: dict, c: dict, docs: dict) -> bool:
    """The rules of link_incidents.sql's header, one pair at a time."""
    # (an event in no country, at sea, has its sea for one)
    country_n, country_c = n["country_code"] or n["location_id"], c["country_code"] or c["location_id"]
    if country_n is None or country_n != country_c or n["doc_id"] == c["doc_id"]:
        return False
    if not (c["date_min"] <= n["date_max"] and n["date_min"] <= c["date_max"]):
        return False
    for role in ("attacker_id", "target_id"):
        if n[role] is not None and c[role] is not None and n[role] != c[role]:
            return False
    fn, fc = ({FAMILIES.get(w, w) for w in e["weapons"]} for e in (n, c))
    unknown = "unknown" in n["weapons"] or "unknown" in c["weapons"]
    if not (fn & fc or unknown):
        return False
    short = (n["date_max"] - n["date_min"]).days <= 3 and (c["date_max"] - c["date_min"]).days <= 3
    same_point = n["latitude"] is not None and (n["latitude"], n["longitude"]) == (c["latitude"], c["longitude"])
    if n["location_id"] is not None and c["location_id"] is not None \
            and (n["location_id"] == c["location_id"] or same_point) and (short or fn & fc):
        return True
    if not short:
        return False
    dn, dc = docs[n["doc_id"]], docs[c["doc_id"]]
    placed = n["latitude"] is not None and c["latitude"] is not None
    return bool(
        placed and _km(n, c) <= 40
        or n["admin1"] is not None and n["admin1"] == c["admin1"] and 3 in (n["geo_precision"], c["geo_precision"])
        or not placed and n["event_date"] is not None and n["event_date"] == c["event_date"] and fn & fc and not unknown
        or dn["duplicate_of"] == c["doc_id"] or dc["duplicate_of"] == n["doc_id"]
        or dn["source_path"] == dc["source_path"])


@pytest.mark.parametrize("seed", range(8))
def test_each_event_links_to_the_earliest_compatible_event_before_it(seed):
    con, events, docs = _warehouse(seed)
    for run in RUNS:
        def order(e):
            return (e["run_id"] == run, docs[e["doc_id"]]["ingested_at"], e["event_id"])
        expected = {}
        for n in (e for e in events if e["run_id"] == run):
            before = [c for c in events if order(c) < order(n) and _compatible(n, c, docs)]
            if before:
                expected[n["event_id"]] = min(before, key=order)["event_id"]
        con.execute(_sql("link_incidents.sql"), {"run_id": run})
        links = dict(con.execute("select event_id, parent from incident_links").fetchall())
        assert links == expected
        assert len(expected) > 5, "the random warehouse exercises the rules"


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
                   null::varchar as target_id, ['rocket'] as weapons from range(2000) t(i)""")
    con.execute(_sql("link_incidents.sql"), {"run_id": "r1"})
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
