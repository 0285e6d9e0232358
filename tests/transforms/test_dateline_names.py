"""The name of a place a wire dateline writes in capitals is the place's name, not its typography (#13, D1)."""

from __future__ import annotations

import datetime as dt
import hashlib

from transforms import batch
from transforms.event_dates import Window

TODAY = dt.date(2026, 11, 1)


def _run(text: str) -> batch.Draft:
    files = [batch.SourceFile("doc.txt", hashlib.sha256(text.encode()).hexdigest(), text.encode())]
    drafts, _ = batch.decode_stage(files, 10 ** 6)
    drafts, _ = batch.parse_stage(drafts)
    drafts = batch.dates_stage(drafts, TODAY)
    return batch.events_stage(batch.entities_stage(drafts), Window.of_run_day(TODAY))[0]


def test_a_dateline_place_in_capitals_is_named_as_the_gazetteer_names_it():
    # invented: a capitals dateline the curated gazetteer does not hold, resolved through GeoNames
    d = _run("Market blast\n\nKASSALA, Oct. 3, 2026 (Reuters) - A bomb went off in a crowded market on Friday, "
             "wounding six people, police said.\n")
    place = next(e for e in d.entities if "KASSALA" in e.aliases)
    assert place.name == "Kassala"
    assert place.entity_id.startswith("gpe:")
