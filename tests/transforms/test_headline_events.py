"""A headline restates the body's attack and yields no event of its own; a flash that is only a
headline is all the report there is, and it is read."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms import batch
from transforms.event_dates import Window

TODAY = dt.date(2026, 11, 1)


def _events(text: str):
    drafts, _ = batch.decode_stage([batch.SourceFile("flash.txt", "f" * 64, text.encode())], 10 ** 6)
    drafts, _ = batch.parse_stage(drafts)
    drafts = batch.dates_stage(drafts, TODAY)
    (draft,) = batch.events_stage(batch.entities_stage(drafts), Window.of_run_day(TODAY))
    return draft.events


@pytest.mark.parametrize("flash", [
    "FLASH: Suicide bomber kills 12 at checkpoint in Kabul\n",
    "Suicide bomber kills 12 at checkpoint in Kabul\nPublished: October 30, 2026\n",
])
def test_a_flash_that_is_only_a_headline_yields_its_attack(flash):
    [event] = _events(flash)
    assert event.sub_event_type == "Suicide bomb" and event.fatalities == 12


def test_a_headline_over_a_body_yields_no_second_event():
    text = ("Suicide bomber kills 12 at checkpoint in Kabul\nPublished: October 30, 2026\n\n"
            "A suicide bomber killed 12 people at a police checkpoint in Kabul on Thursday, officials said.\n")
    [event] = _events(text)
    assert event.evidence.startswith("A suicide bomber")
