"""Country and location on event notes from regions the dev notes lack (tests/gold/notes2: 90
invented ACLED-style notes from 15 countries, written without reading the extractor; its README).
Scored by `sitrep eval`'s dev-events scorer, the same rules as ../shared/tools/score_events.py, so
the test runs without ../shared (#14: "unseen real notes from other regions")."""

from __future__ import annotations

import pytest

from flows.evaluate import evaluate
from tests.conftest import REPO

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]
NOTES2 = REPO / "tests" / "gold" / "notes2"
# #14's targets for notes (country 0.97, location within 50 km 0.85; 0.11.0 measures 1.00 and 0.88)
# and detection a little under the figure measured when the set was written (F1 0.98)
FLOORS = {"f1": 0.95, "country": 0.97, "location_50km": 0.85, "date_range": 0.97}


def test_notes_from_other_regions_meet_the_country_and_location_targets(tmp_path):
    report = evaluate(NOTES2 / "gold.jsonl", NOTES2 / "inbox", tmp_path)
    short = {k: report[k] for k, v in FLOORS.items() if report[k] < v}
    assert not short, short
