"""Every entity id an attack event names is a row of `entities` (#12): an actor read from a
demonym ("Russian forces": the country) has no mention of its own. Invented articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from transforms import batch
from transforms.event_dates import Window
from transforms.tables import build_tables

TODAY = dt.date(2026, 11, 1)
ARTICLES = [
    b"Published: October 27, 2026\n\nRussian forces shelled a hospital in the city on Monday, killing two patients.\n",
    b"Published: October 27, 2026\n\nAfghan soldiers fired mortars at a village on Sunday, wounding four farmers.\n",
]


def tables(drafts=None):
    if drafts is None:
        files = [batch.SourceFile(f"{i}.txt", hashlib.sha256(data).hexdigest(), data) for i, data in enumerate(ARTICLES)]
        drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
        assert not rejected
    return drafts, build_tables(drafts, [], "r1", "v", dt.datetime(2026, 11, 1))


def test_every_id_an_event_names_has_an_entity_row():
    _, t = tables()
    entities = set(t["entities"].column("entity_id").to_pylist())
    events = t["attack_events"].to_pylist()
    named = {e[k] for e in events for k in ("attacker_id", "target_id", "location_id")} - {None}
    assert {"gpe:ru", "gpe:af"} <= named  # the demonyms' countries, named by no mention
    assert named <= entities


def test_an_id_no_gazetteer_knows_is_left_null():
    drafts, _ = tables()
    broken = [dataclasses.replace(d, events=tuple(dataclasses.replace(e, attacker_id="org:nobody-knows-it")
                                                  for e in d.events)) for d in drafts]
    _, t = tables(broken)
    assert t["attack_events"].column("attacker_id").to_pylist() == [None] * t["attack_events"].num_rows
    assert "org:nobody-knows-it" not in t["entities"].column("entity_id").to_pylist()
