"""Drafts -> one Arrow table per warehouse table, exactly in the contract's column order."""

from __future__ import annotations

import datetime as dt
from collections import ChainMap

import pyarrow as pa

from sitrep.schema import contract
from transforms.batch import Draft, Rejected
from transforms.dedup import incident_key
from transforms.gazetteer import Entity, load_gazetteer


def build_tables(drafts: list[Draft], rejected: list[Rejected], run_id: str, version: str,
                 ingested_at: dt.datetime) -> dict[str, pa.Table]:
    stamp = {"run_id": run_id, "pipeline_version": version}
    docs = [{
        "doc_id": d.doc_id, "source_path": d.source_path, "source_sha256": d.source_sha256, "encoding": d.encoding,
        "title": d.article.title, "publisher": d.article.publisher, "section": d.article.section,
        "dateline": d.article.dateline, "published_at": d.published_at, "published_date": d.published_date,
        "published_source": d.published_source,
        "published_text": d.article.published_text if d.published_date else None,
        "body": d.body, "word_count": len(d.body.split()), "duplicate_of": d.duplicate_of,
        "story_id": d.duplicate_of or d.doc_id,  # provisional: the load links rewrites (warehouse/incidents.py)
        "decode_notes": "; ".join(d.decode_notes + d.notes) or None, "minhash": list(d.minhash),
        "ingested_at": ingested_at, **stamp,
    } for d in drafts]
    mentions = [{"doc_id": d.doc_id, "entity_id": m.entity_id, "surface": m.surface, "start_char": m.start,
                 "end_char": m.end, **stamp} for d in drafts for m in d.mentions]
    entities = _entity_rows(drafts, stamp)
    named = {r["entity_id"] for r in entities}
    known = named.__contains__
    events = []
    for d in drafts:
        for i, e in enumerate(d.events):
            event_id = f"{d.doc_id}-e{i:03d}"
            place = d.places[i] if i < len(d.places) else None
            events.append({
                "event_id": event_id, "doc_id": d.doc_id,
                # (placed finer than a province: the rule warehouse/incidents.py names `specific`)
                "incident_id": incident_key(e.event_date, e.country_code, e.location_id, event_id,
                                            precise=bool(place and place.latitude is not None
                                                         and (place.geo_precision or 1) < 3)),
                "event_date": e.event_date, "date_min": e.date_min, "date_max": e.date_max, "date_text": e.date_text,
                "date_precision": e.date_precision, "weapons": list(e.weapons),
                # every id an event names is a row of `entities` (`_entity_rows`); one that is none is NULL
                "attacker_id": e.attacker_id if known(e.attacker_id) else None,
                "target_id": e.target_id if known(e.target_id) else None,
                "location_id": e.location_id if known(e.location_id) else None, "country_code": e.country_code,
                "outcome": e.outcome, "attack_count": e.attack_count, "evidence": e.evidence,
                "start_char": e.start_char, "end_char": e.end_char, "confidence": e.confidence,
                "event_type": e.event_type, "sub_event_type": e.sub_event_type, "target_kind": e.target_kind,
                "fatalities": e.fatalities, "injured": e.injured,
                "admin1": place and place.admin1, "latitude": place and place.latitude,
                "longitude": place and place.longitude, "geo_precision": place and place.geo_precision,
                "anchor_char": e.anchor_char, "disputed": e.disputed, **stamp,
            })
    tallies = [{
        "tally_id": f"{d.doc_id}-t{i:03d}", "doc_id": d.doc_id, "count": t.count, "qualifier": t.qualifier,
        "unit": t.unit, "period_start": t.period_start, "period_end": t.period_end, "scope": t.scope,
        "stated_by_id": t.stated_by_id, "evidence": t.evidence, "start_char": t.start_char, "end_char": t.end_char,
        **stamp,
    } for d in drafts for i, t in enumerate(d.tallies)]
    quarantine = [{"source_path": r.path, "source_sha256": r.sha256, "reason": r.reason, "run_id": run_id,
                   "pipeline_version": version, "quarantined_at": ingested_at, "stage": r.stage} for r in rejected]
    return {
        "documents": _table("documents", docs),
        "entities": _table("entities", entities),
        "mentions": _table("mentions", mentions),
        "attack_events": _table("attack_events", events),
        "tallies": _table("tallies", tallies),
        "quarantine": _table("quarantine", quarantine),
    }


def _entity_rows(drafts: list[Draft], stamp: dict) -> list[dict]:
    """One row per entity the drafts name: by a mention (its surfaces join its aliases), or as
    the attacker, target or place of an event or the source of a tally, when the gazetteer or the
    NER path knows it."""
    found: dict[str, Entity] = {}  # never gazetteer ids: the NER path only creates what the gazetteer lacks
    known = ChainMap(found, load_gazetteer())
    surfaces: dict[str, set[str]] = {}
    for d in drafts:
        for e in d.entities:
            found.setdefault(e.entity_id, e)
        for m in d.mentions:
            surfaces.setdefault(m.entity_id, set()).add(m.surface)
        # an actor or place an event or tally names without a mention of it ("Russian forces": gpe:ru)
        for entity_id in [i for e in d.events for i in (e.attacker_id, e.target_id, e.location_id)] + \
                [t.stated_by_id for t in d.tallies]:
            if entity_id is not None and entity_id in known:
                surfaces.setdefault(entity_id, set())
    rows = []
    for entity_id in sorted(surfaces):
        e = known[entity_id]
        rows.append({"entity_id": e.entity_id, "name": e.name, "entity_type": e.entity_type,
                     "country_code": e.country_code, "latitude": e.latitude, "longitude": e.longitude,
                     "aliases": sorted(set(e.aliases) | surfaces[entity_id]), "source": e.source, **stamp})
    return rows


def _table(name: str, rows: list[dict]) -> pa.Table:
    schema = contract()[name].arrow_schema()
    return pa.Table.from_pylist(rows, schema=schema)
