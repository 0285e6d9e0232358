"""Roundups and monitoring summaries (`transforms.roundup`): each item is its own report, placed at
its own place or its lead's, under the country of the heading above it, never at the place of the
item before it. Invented articles of several layouts, regions and outlets."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

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



# --- items under headings and labels of several layouts ---------------------------------------------

LATE = dt.date(2026, 11, 30)


def analyzed(text: str):
    data = text.encode()
    files = [batch.SourceFile("r.txt", hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, LATE, Window.of_run_day(LATE))
    assert not rejected
    return drafts[0]


def countries(text: str) -> list[str | None]:
    return [e.country_code for e in analyzed(text).events]


def test_bulleted_items_under_country_headings_in_capitals_take_their_headings_country():
    text = ("date 2026-11-20\nHorn of Africa security roundup\n\nSOMALIA\n"
            "- A car bomb killed five people at a market in Beledweyne on Monday.\n\nKENYA\n"
            "- Gunmen attacked a bus near Mandera on Tuesday, killing two passengers.\n")
    assert countries(text) == ["SO", "KE"]
    found = roundup.items(analyzed(text).body)
    assert [i.lead for i in found] == [None, None] and all(i.heading for i in found)


def test_paragraphs_under_markdown_headings_are_items_of_their_country():
    text = ("date 2026-11-20\nWeekly incident digest\n\n## Nigeria\nGunmen killed seven farmers in Gusau on Monday.\n\n"
            "## Niger\nSuspected jihadists ambushed a patrol near Tillaberi on Wednesday, killing three soldiers.\n")
    assert countries(text) == ["NG", "NE"]


def test_a_country_label_on_a_line_of_its_own_heads_the_item_under_it():
    text = ("date 2026-11-20\nConflict monitor\n\nMali:\nGunmen killed four traders near Gao on Monday.\n\n"
            "Niger:\nA landmine killed two soldiers near Ouallam on Tuesday.\n")
    events = analyzed(text).events
    assert [e.country_code for e in events] == ["ML", "NE"]
    assert all(e.location_id not in ("gpe:ml", "gpe:ne") for e in events)  # the label is no event's place


def test_a_country_label_bounds_the_reading_of_a_town_other_countries_share():
    # San Cristobal is a city of Venezuela and of Colombia's neighbours; the label says which
    text = ("date 2026-11-20\nAndes and Caribbean digest\n\nColombia: Dissidents attacked a police station in Cucuta "
            "on Monday, wounding four officers.\n\nVenezuela: Gunmen killed two soldiers in San Cristobal on Tuesday.\n")
    events = analyzed(text).events
    assert [e.country_code for e in events] == ["CO", "VE"]
    assert len({e.location_id for e in events}) == 2


@pytest.mark.parametrize("text, expected", [
    ("date 2026-11-20\nAfghanistan: a violent week\n1. Kandahar: A roadside bomb killed three policemen on Monday.\n"
     "2. Kunduz: Gunmen shot dead a district official on Thursday.\n", ["AF", "AF"]),
    ("date 2026-11-20\nSecurity brief\n1) Maiduguri - Boko Haram fighters attacked a camp on Monday, killing four "
     "people.\n2) Goma - An explosion wounded six people at a market on Wednesday.\n", ["NG", "CD"]),
])
def test_a_numbered_items_own_place_label_wins_over_the_item_before(text, expected):
    events = analyzed(text).events
    assert [e.country_code for e in events] == expected
    assert len({e.location_id for e in events}) == 2  # the second item is not placed at the first's town


def test_a_count_in_a_roundups_headline_is_the_newsrooms_not_an_official_tally():
    text = ("date 2026-11-20\nNigeria: four attacks in seven days\n1. Zamfara: Bandits killed six villagers on Monday.\n"
            "2. Kaduna: Gunmen killed two farmers on Sunday.\n")
    assert analyzed(text).tallies == ()
    # an official's count in the items still is one
    text = text + "3. Borno: The army said insurgents had carried out 40 attacks in the state since January.\n"
    assert [t.count for t in analyzed(text).tallies] == [40]


def test_a_count_in_the_headline_of_an_article_with_sections_stays_a_tally():
    text = ("date 2026-11-20\nMilitants staged 40 attacks in the region this year\n\nBACKGROUND\n\n"
            "Militants have been active in the region since 2019.\n\n"
            "OUTLOOK\n\nAnalysts expect more raids before the rains.\n")
    # sections under headings are no items of places: the headline's count is the article's own figure
    assert [(t.count, t.start_char) for t in analyzed(text).tallies] == [(40, 0)]
