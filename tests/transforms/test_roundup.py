"""Roundups and monitoring summaries (`transforms.roundup`): each item is its own report, placed at
its own place or its lead's, under the country of the heading above it, never at the place of the
item before it. Invented articles of several layouts, regions and outlets."""

from __future__ import annotations

import datetime as dt
import hashlib

from transforms import batch, roundup
from transforms.entities import default_matcher
from transforms.event_dates import Window
from transforms.ner import NerSpan

TODAY = dt.date(2026, 11, 1)

HEADED = """East Africa security digest: Somalia and Kenya

6 March 2026

SOMALIA

Lower Shabelle: Al-Shabaab fighters attacked an army base near Afgooye on Monday, killing four soldiers.

KENYA

Coast: gunmen attacked a police post at Kwa Omollo on Wednesday, wounding three officers.
"""

LED = """Sahel weekly: Burkina Faso and Mali

20 March 2026

This week's digest covers two attacks.

- Djibo. Suspected jihadists attacked a gendarmerie post in the town on Monday, killing six gendarmes.

- Mopti. Gunmen on motorbikes attacked a checkpoint on Wednesday, killing five soldiers.
"""

TRANSCRIPT = """Evening bulletin (transcript)

2 April 2026

Presenter: Good evening. Fighting continued in the north.

Correspondent: Thank you. Gunmen attacked a convoy on Monday.

Presenter: What do officials say?

Correspondent: They say the army is pursuing the attackers.
"""

DATELINED = """Blast in Quetta

QUETTA: A bomb exploded near a police van on Tuesday, killing two officers.

Police said the device had been planted on a motorbike.
"""


def placed(text: str) -> list[tuple[str | None, str | None, str]]:
    data = text.encode()
    files = [batch.SourceFile("r.txt", hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
    assert not rejected
    return [(e.location_id, e.country_code, e.evidence) for e in drafts[0].events]


def test_items_of_a_summary_stand_under_their_headings():
    found = roundup.items(HEADED)
    assert [HEADED[i.lead[0]:i.lead[1]] for i in found] == ["Lower Shabelle", "Coast"]
    assert [HEADED[i.heading[0]:i.heading[1]] for i in found] == ["SOMALIA", "KENYA"]
    assert HEADED[found[0].start:found[0].end].rstrip().endswith("four soldiers.")  # up to the next heading


def test_bulleted_items_with_a_full_stop_after_the_lead():
    found = roundup.items(LED)
    assert [LED[i.lead[0]:i.lead[1]] for i in found] == ["Djibo", "Mopti"]
    assert all(i.heading is None for i in found)


def test_speakers_and_a_single_dateline_make_no_roundup():
    assert roundup.items(TRANSCRIPT) == []  # the same leads again: a transcript's turns
    assert roundup.items(DATELINED) == []  # one lead: a dateline
    assert roundup.items("ANCHOR: Good morning.\n\nREPORTER: Gunmen attacked a bus.\n") == []  # capitals


def test_an_item_under_a_heading_takes_the_headings_country_not_the_previous_items_place():
    rows = placed(HEADED)
    assert [cc for _, cc, _ in rows] == ["SO", "KE"]


def test_an_item_with_no_place_in_its_sentence_takes_its_lead():
    rows = placed(LED)
    assert [cc for _, cc, _ in rows] == ["BF", "ML"]
    assert rows[0][0] != rows[1][0]


def test_a_lead_is_a_place_name_unless_it_is_a_common_word():
    text = "Digest\n\nKebbi: bandits attacked a village on Monday.\n\nOutlook: more raids are likely.\n\n" \
           "Sokoto: gunmen killed two farmers on Tuesday.\n"
    sokoto = text.index("Sokoto")
    spans = roundup.lead_places(text, [NerSpan(sokoto, sokoto + 6, "Sokoto", "PERSON")], [])
    assert [(s.text, s.label) for s in spans] == [("Kebbi", "GPE"), ("Sokoto", "GPE")]  # not "Outlook"


def test_a_heading_in_capitals_names_its_country():
    mentions = default_matcher().gazetteer_mentions(HEADED)
    assert {(m.surface, m.entity_id) for m in mentions} >= {("SOMALIA", "gpe:so"), ("KENYA", "gpe:ke")}
    plain = "Report\n\nKENYA\n\nGunmen attacked a police post on Monday.\n"  # no items: no heading scope
    assert not any(m.surface == "KENYA" for m in default_matcher().gazetteer_mentions(plain))


def test_a_full_name_leading_an_item_stays_a_person():
    text = "Who is who\n\nAmina Yusuf: the commander of the northern brigade since 2024.\n\n" \
           "Musa Bello: the group's spokesman, based in Niamey.\n"
    start = text.index("Amina Yusuf")
    spans = roundup.lead_places(text, [NerSpan(start, start + 11, "Amina Yusuf", "PERSON")], [])
    assert [(s.text, s.label) for s in spans] == [("Amina Yusuf", "PERSON")]  # and no place "Musa Bello"

