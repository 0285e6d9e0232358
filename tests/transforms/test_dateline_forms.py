"""Datelines of other presses: "QUETTA: " (a city and a colon, the South Asian press) and "Cúcuta, 3 May
2024.- " (a place, its region and a date before the dash, the Spanish-language press's order); each is the
dateline, its place a place, and no part of an event's evidence; translators' and syndication notes are no
article text. Invented articles."""

from __future__ import annotations

import pytest

from tests.transforms.test_dateline_names import _run
from transforms.dates import parse_dateline
from transforms.parse import parse_article


@pytest.mark.parametrize("paragraph, label", [
    ("QUETTA: Gunmen on motorcycles shot dead two policemen on Monday.", "QUETTA"),
    ("DERA ISMAIL KHAN: A roadside bomb hit a police van.", "DERA ISMAIL KHAN"),
    ("SRINAGAR: Militants hurled a grenade at a patrol.", "SRINAGAR"),
])
def test_a_city_and_a_colon_open_a_dateline(paragraph, label):
    assert parse_dateline(paragraph) == (label, None)


@pytest.mark.parametrize("paragraph", [
    "UPDATE: The toll rose to nine.",  # a wire label
    "KHAN: We will not negotiate.",  # a speaker of a transcript (GeoNames' Khan is a village)
    "NOTE: Figures are provisional.",
])
def test_a_label_or_a_speaker_and_a_colon_is_no_dateline(paragraph):
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize("paragraph, label, date", [
    ("Cúcuta, Norte de Santander, 3 May 2024.- Two soldiers were killed", "Cúcuta, Norte de Santander, 3 May 2024",
     (2024, 5, 3)),
    ("Culiacán, Sinaloa, 12 de marzo de 2025 (EFE) — Gunmen attacked", "Culiacán, Sinaloa, 12 de marzo de 2025 (EFE)",
     (2025, 3, 12)),
    ("Tumaco, 8 August 2024 - A car bomb exploded", "Tumaco, 8 August 2024", (2024, 8, 8)),
])
def test_a_title_case_place_and_a_date_before_the_dash_are_a_dateline(paragraph, label, date):
    found = parse_dateline(paragraph)
    assert found is not None and found[0] == label
    assert (found[1].year, found[1].month, found[1].day) == date


def test_a_sentence_opening_with_places_and_commas_is_no_dateline():
    assert parse_dateline("Kyiv, Kharkiv and Odesa were hit - officials said.") is None
    assert parse_dateline("Tumaco, a port city, was calm - residents said.") is None


@pytest.mark.parametrize("text, place, first_words", [
    ("Police post attacked\n\n14 March 2026\n\nQUETTA: Gunmen on motorcycles attacked a police post on Friday, "
     "killing two policemen, officials said.\n", "QUETTA", "Gunmen on motorcycles"),
    ("Convoy hit by drones\n\n14/03/2026\n\nCúcuta, Norte de Santander, 13 March 2026.- Drones dropped explosives on "
     "an army convoy on Friday, killing two soldiers, the army said.\n", "Cúcuta", "Drones dropped explosives"),
])
def test_a_dateline_is_no_part_of_the_evidence_and_its_place_is_a_place(text, place, first_words):
    d = _run(text)
    assert d.events and all(e.evidence.startswith(first_words) for e in d.events)
    assert any(m.surface == place and m.entity_id.startswith("gpe:") for m in d.mentions)


def test_an_outlet_credited_in_a_dateline_is_an_organisation_and_no_place():
    d = _run("Bus attacked\n\n14 March 2026\n\nGAO, Mali (Sahel Courier) - Gunmen attacked a bus on Friday, "
             "killing three passengers, officials said.\n\n(Reporting by Sahel Courier staff)\n")
    names = {e.entity_id: e for e in d.entities}
    got = [(m.surface, m.entity_id) for m in d.mentions]
    assert "loc:sahel" not in [g for _, g in got]
    assert [s for s, g in got if g in names and names[g].entity_type == "ORG" and s == "Sahel Courier"]


def test_a_translators_and_a_syndication_note_are_no_article_text():
    text = ("Market bombed\n\n5 May 2026\n\nA bomb exploded in a market in Gao on Sunday, police said.\n\n"
            "Translated from the French by our newsroom.\n\n"
            "This article first appeared on a partner website and is republished with permission.\n")
    body = parse_article(text).body
    assert "French" not in body and "partner website" not in body and body.endswith("police said.")
