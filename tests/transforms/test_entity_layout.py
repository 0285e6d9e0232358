"""A name's place in the layout (transforms/entity_layout.py, transforms/nested_names.py, the issued-at
line of transforms/parse.py): invented articles of other outlets, regions and wordings than any gold set."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from tests.helpers import resolved_with
from transforms import batch
from transforms.entities import default_matcher
from transforms.parse import parse_article


def resolved(text, *spans):
    """(surface, type) of every mention, the model's spans given as (surface, label)."""
    return [(m.surface, e.entity_type) for m, e in resolved_with(text, spans)]


# --- speaker labels, datelines and headings -------------------------------------------------------

def test_a_transcripts_speaker_label_in_capitals_is_no_organisation():
    text = ("PRESENTER: Good evening. Our reporter is in Goma.\n\n"
            "REPORTER: The governor says the road to Sake is closed again tonight.\n")
    got = resolved(text, ("PRESENTER", "ORG"), ("Goma", "GPE"), ("REPORTER", "ORG"))
    assert [s for s, _ in got if s in ("PRESENTER", "REPORTER")] == []
    assert ("Goma", "GPE") in got


@pytest.mark.parametrize("city", ["LAHORE", "KANDAHAR", "MOMBASA"])
def test_a_colon_dateline_naming_a_city_is_no_speaker_label(city):
    # WordNet's common words name cities too: the label rule must not take the city for a speaker
    text = f"Blast at a bus stand\n\n{city}: A bomb went off at a bus stand on Sunday, police said.\n"
    assert (city, "GPE") in resolved(text, (city, "GPE"))


@pytest.mark.parametrize("text, name", [
    ("Flood of displaced\n\nQUETTA. Gunmen fired on a bus carrying labourers, police said.\n", "QUETTA"),
    ("Market raid\n\nBUKAVU - Armed men looted the central market overnight, residents said.\n", "BUKAVU"),
])
def test_a_dateline_city_in_capitals_the_model_calls_an_organisation_is_the_place(text, name):
    assert (name, "GPE") in resolved(text, (name, "ORG"))


def test_an_items_place_before_a_colon_is_a_place_though_the_model_reads_nothing_there():
    text = ("Weekly digest\n\nKaduna: bandits raided two villages and abducted 14 people.\n\n"
            "Antioquia: a landmine wounded two soldiers near a coca field.\n")
    got = resolved(text)
    assert ("Kaduna", "GPE") in got
    assert ("Antioquia", "GPE") in got


def test_an_items_place_the_model_calls_a_person_is_the_place():
    text = "Weekly digest\n\nKatsina: no new attacks were reported this week.\n"
    assert ("Katsina", "GPE") in resolved(text, ("Katsina", "PERSON"))


def test_a_section_heading_in_capitals_names_the_country_but_a_section_word_names_nothing():
    text = ("Sahel weekly\n\nBURKINA FASO\n\nDjibo: gunmen attacked a water point on Monday.\n\n"
            "ASSESSMENT\n\nThe attacks are likely to continue.\n")
    got = resolved(text)
    assert ("BURKINA FASO", "GPE") in got
    assert "ASSESSMENT" not in [s for s, _ in got]


def test_a_speaker_named_by_name_is_not_made_a_place():
    text = "HOST: Welcome back.\n\nFARIDA: Thank you. The shelling went on all night.\n"
    got = resolved(text, ("FARIDA", "PERSON"))
    assert ("FARIDA", "GPE") not in got


@pytest.mark.parametrize("text, name", [
    ("Weekly digest\n\n1. Kandahar: a roadside bomb killed three policemen.\n\n2. Herat: calm.\n", "Kandahar"),
    ("Weekly digest\n\n- Antioquia: a landmine wounded two soldiers.\n\n- Cauca: calm.\n", "Antioquia"),
    ("Weekly digest\n\n## Borno: insurgents raided a camp.\n\n## Yobe: calm.\n", "Borno"),
])
def test_an_items_place_after_a_list_mark_is_a_place(text, name):
    assert (name, "GPE") in resolved(text)


def test_a_heading_and_an_items_lead_are_judged_places_by_one_rule():
    from transforms import entity_layout
    # a city of note is a place though WordNet lists its name; a district named like a common word is none
    assert entity_layout.names_place("Goma") and entity_layout.names_place("GOMA")
    assert not entity_layout.names_place("Outlook") and not entity_layout.names_place("Outlook", lead_of_items=True)
    # a village: only as one of several items' leads
    assert not entity_layout.names_place("Diapaga") and entity_layout.names_place("Diapaga", lead_of_items=True)
    assert not entity_layout.names_place("Amina Yusuf", lead_of_items=True)


# --- nested names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Lake Malawi. Two fishing boats were seized by armed men on Friday.", "Lake Malawi"),
    ("The gunmen escaped by canoe along the Congo River after the raid.", "Congo River"),
])
def test_a_natural_feature_holding_a_country_s_name_is_one_location(text, name):
    got = resolved(text)
    assert (name, "LOC") in got
    assert [s for s, _ in got if s != name and s in name] == []


def test_a_body_of_a_country_is_one_organisation_not_the_country():
    text = "The Armed Forces of Liberia said the border post was reinforced on Tuesday."
    got = resolved(text, ("The Armed Forces of Liberia", "ORG"))
    assert got == [("Armed Forces of Liberia", "ORG")]


def test_an_organisation_cut_before_its_place_and_acronym_takes_them_back():
    text = "Peacekeepers of the United Nations Mission in South Sudan (UNMISS) patrolled the camp."
    got = resolved(text, ("the United Nations Mission", "ORG"), ("South Sudan", "GPE"))
    assert ("United Nations Mission in South Sudan", "ORG") in got
    assert ("South Sudan", "GPE") not in got


def test_a_province_of_an_armed_group_is_one_name():
    text = "Fighters of the Islamic State Somalia Province attacked a checkpoint in Bosaso."
    got = resolved(text, ("the Islamic State Somalia Province", "ORG"), ("Bosaso", "GPE"))
    assert ("Islamic State Somalia Province", "ORG") in got
    assert ("Somalia", "GPE") not in got
    assert ("Bosaso", "GPE") in got


def test_an_office_of_a_place_leaves_the_place_a_place():
    text = "The Governor of Kano visited the wounded on Sunday."
    got = resolved(text, ("Governor of Kano", "ORG"))
    assert ("Kano", "GPE") in got


# --- spans and kinds by context -------------------------------------------------------------------

def test_a_contraction_before_a_name_is_not_its_first_name():
    text = "PRESENTER: Good evening, I'm Amina Yusuf, and this is the news at six."
    assert ("Amina Yusuf", "PERSON") in resolved(text, ("Amina Yusuf", "PERSON"))


def test_a_facility_reading_of_a_name_where_a_place_stands_is_the_place_unless_it_names_a_site():
    text = "The patrol was ambushed near Tangi Sayedan before dawn."
    assert ("Tangi Sayedan", "GPE") in resolved(text, ("Tangi Sayedan", "FAC"))
    text = "Traders queued near the Torkham Gate for a second day."
    assert ("Torkham Gate", "FAC") in resolved(text, ("the Torkham Gate", "FAC"))


def test_a_peninsula_after_a_name_makes_it_a_location():
    text = "Work on the Bakassi peninsula stopped after the kidnapping."
    assert ("Bakassi", "LOC") in resolved(text, ("Bakassi", "PERSON"))


# --- a statement's issued-at line -----------------------------------------------------------------

def test_a_statements_place_and_date_line_stays_in_the_body_but_is_no_wire_dateline():
    a = parse_article("Statement on the attack in Kidal\n\nBamako, 12 March 2025\n\n"
                      "The ministry condemns the attack on a convoy near Kidal on Monday.\n")
    assert a.published.date.isoformat() == "2025-03-12"
    assert a.dateline is None
    assert a.body.split("\n\n")[1] == "Bamako, 12 March 2025"


@pytest.mark.parametrize("line", ["Saturday, 15 March 2025", "Updated Monday, 17 March 2025", "Posted, 12 March 2025"])
def test_a_weekday_or_a_label_before_the_date_names_no_place(line):
    a = parse_article(f"Convoy attacked near Kidal\n\n{line}\n\nGunmen attacked a convoy near Kidal on Monday.\n")
    assert line not in a.body


def test_the_place_a_statement_was_issued_at_is_an_entity_but_not_where_the_attack_was():
    text = ("Statement by the Special Envoy on Sudan\n\nGeneva, 9 June 2025\n\n"
            "The Special Envoy condemns the shelling of a market in El Fasher on Saturday, "
            "which killed at least 20 civilians.\n")
    files = [batch.SourceFile("doc.txt", hashlib.sha256(text.encode()).hexdigest(), text.encode())]
    drafts, _ = batch.decode_stage(files, 10 ** 6)
    drafts, _ = batch.parse_stage(drafts)
    drafts = batch.dates_stage(drafts, dt.date(2025, 6, 30))
    draft, _ = batch.geo_stage(batch.entities_stage(drafts))[0]
    assert "Geneva" in [m.surface for m in draft.mentions]
    assert "El Fasher" in [m.surface for m in draft.mentions]


def test_a_natural_feature_named_after_a_country_lies_in_that_country():
    text = "Lake Malawi. Two fishing boats were seized by armed men on Friday."
    mentions, new = default_matcher().resolve(text, [])
    lake = next(new[m.entity_id] for m in mentions if m.surface == "Lake Malawi")
    assert (lake.entity_type, lake.country_code) == ("LOC", "MW")


def test_the_article_is_part_of_a_name_whose_acronym_spells_it():
    text = "Officials blamed The Mountain Brigade (TMB) for the raid on the depot."
    assert ("The Mountain Brigade", "ORG") in resolved(text, ("The Mountain Brigade", "ORG"))
    text = "The Northern Shield Front (NSF) claimed the raid on the depot."
    assert ("Northern Shield Front", "ORG") in resolved(text, ("The Northern Shield Front", "ORG"))
