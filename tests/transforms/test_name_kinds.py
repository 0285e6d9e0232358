"""What kind of name a span is by what sitrep knows of it (transforms/name_kinds.py through the
entity resolver): invented sentences, other names, places and wordings than any gold article."""

import json

import pytest

from tests.transforms.test_entity_context import resolved
from transforms import name_kinds
from transforms.ner import NerSpan
from transforms.parse import parse_article
from transforms.resources import data_text

KINDS = json.loads(data_text("en/name_kinds.json"))


@pytest.mark.parametrize("example", KINDS["examples"], ids=lambda e: e["name"])
def test_each_example_of_the_data_file_ends_as_its_kind(example):
    """data/en/name_kinds.json: each example's name, given the model's label, ends as its kind."""
    got = resolved(example["text"], (example["name"], example["model"]))
    assert [g[2] for g in got if g[1] == example["name"]] == ([example["kind"]] if example["kind"] else [])


def test_a_rubric_only_opens_a_headline_or_stands_alone():
    assert name_kinds.is_rubric("Analysis: the port", 0, 8)
    assert name_kinds.is_rubric("MINISTRY OF DEFENCE\n\nPRESS RELEASE\n\nTwo were hurt.", 21, 34)
    text = "The Analysis of the blast was published."
    assert not name_kinds.is_rubric(text, 4, 12)


@pytest.mark.parametrize("text, language", [
    ("Translated from Portuguese.", "Portuguese"),
    ("The hearing was conducted in Arabic, and the men had no interpreter.", "Arabic"),
    ("Leaflets were printed in Somali and English.", "Somali"),
])
def test_a_demonym_that_names_a_language_is_no_people(text, language):
    at = text.index(language)
    assert name_kinds.names_language(text, at, at + len(language))
    assert language not in [g[1] for g in resolved(text)]


@pytest.mark.parametrize("text, people", [
    ("Two soldiers were killed in Russian shelling of the town.", "Russian"),
    ("Spanish police arrested three men in Ceuta.", "Spanish"),
    ("The convoy was hit near the border in Turkish territory.", "Turkish"),
])
def test_a_demonym_before_its_noun_stays_a_people(text, people):
    assert (people, "NORP") in [(g[1], g[2]) for g in resolved(text)]


def test_a_gazetteer_sea_before_a_state_noun_is_the_state_of_its_country():
    text = "Shelling was reported in Red Sea state on Monday, officials said."
    got = resolved(text)
    assert [(g[1], g[2]) for g in got if g[1] == "Red Sea"] == [("Red Sea", "GPE")]
    text = "A tanker was seized in the Red Sea on Monday."
    assert [(g[1], g[2]) for g in resolved(text) if g[1] == "Red Sea"] == [("Red Sea", "LOC")]


def test_two_names_before_a_plural_area_noun_are_places_even_where_the_model_read_none():
    text = "Militants crossed into the Tillaberi and Dosso regions last week."
    got = [(g[1], g[2]) for g in resolved(text)]
    assert ("Tillaberi", "GPE") in got and ("Dosso", "GPE") in got


def test_a_town_the_model_called_an_organisation_is_a_place_unless_it_opens_a_longer_name_or_is_a_word():
    text = "A drone hit the Novorossiysk oil terminal overnight."
    assert [g[2] for g in resolved(text, ("Novorossiysk", "ORG"))] == ["GPE"]
    text = "Novorossiysk Commercial Sea Port said loading resumed."
    assert [g[2] for g in resolved(text, ("Novorossiysk Commercial Sea Port", "ORG"))] == ["ORG"]
    text = "The Union said its members would strike."
    assert [g[2] for g in resolved(text, ("Union", "ORG"))] == ["ORG"]


def test_a_model_organisation_at_one_end_of_a_route_whose_other_end_is_a_place_is_a_place():
    text = "Troops cleared the road between Goma and Kibumba on Friday."
    got = [(g[1], g[2]) for g in resolved(text, ("Goma", "GPE"), ("Kibumba", "ORG"))]
    assert ("Kibumba", "GPE") in got


def test_a_name_opening_with_an_ayn_mark_is_kept():
    text = "Rockets fell between Marjayoun and ʿAdaisseh on Friday."
    got = [(g[1], g[2]) for g in resolved(text, ("Marjayoun", "GPE"), ("ʿAdaisseh", "ORG"))]
    assert ("ʿAdaisseh", "GPE") in got
    assert name_kinds.first_letter("ʾIbb") == "I"


def test_a_unit_named_as_part_of_a_force_is_one_name():
    text = "The Navy of the Armed Forces of the Philippines said two boats were hit."
    spans = [_span(text, "Navy", "ORG"), _span(text, "the Armed Forces of the Philippines", "ORG")]
    joined = name_kinds.joined_organisations(text, spans)
    assert [(s.text, s.label) for s in joined] == [("Navy of the Armed Forces of the Philippines", "ORG")]
    text = "Hamas of Gaza and the Red Cross of Geneva met."  # two names on either side of "and" stay apart
    spans = [_span(text, "Hamas", "ORG"), _span(text, "Red Cross", "ORG")]
    assert len(name_kinds.joined_organisations(text, spans)) == 2


def _span(text, surface, label):
    at = text.index(surface)
    return NerSpan(at, at + len(surface), surface, label)


def test_a_date_line_under_a_letterhead_dates_the_statement():
    text = ("MINISTRY OF DEFENCE\nPRESS STATEMENT\nRef 77/2025\n\nMaiduguri - 3 May 2025\n\n"
            "Troops repelled an attack on a base in Borno State on Friday, the ministry said.")
    article = parse_article(text)
    assert (article.published.year, article.published.month, article.published.day) == (2025, 5, 3)
    assert "Maiduguri - 3 May 2025" in article.body
    assert "MINISTRY OF DEFENCE\n\nPRESS STATEMENT\n\n" in article.body  # a letterhead's lines are no wrapped prose


def test_wrapped_prose_in_capitals_is_still_joined():
    text = "Title of the story here\n\nTHE ARMY SAID ON MONDAY THAT ITS TROOPS\nHAD REPELLED AN ATTACK.\n\nMore text follows here."
    assert "THE ARMY SAID ON MONDAY THAT ITS TROOPS HAD REPELLED AN ATTACK." in parse_article(text).body


def test_a_dated_sentence_in_the_story_is_no_publication_date():
    text = ("Fighting in the north\n\nOn 3 May 2025 troops repelled a dawn attack on a base near the river crossing "
            "north of the town, the ministry said in a statement.")
    assert parse_article(text).published is None


def test_a_gazetteer_alias_with_a_lower_case_area_noun_names_the_area_without_it():
    got = resolved("Curfews were imposed in Anbar province and later across the Kurdistan region.")
    assert [g[1] for g in got] == ["Anbar", "Kurdistan"]


def test_a_title_case_dateline_opening_a_paragraph_names_the_town_and_its_region():
    text = "Culiacán, Sinaloa.- Two police officers were shot dead on Monday.\n\nBeni, North Kivu - Rebels struck."
    assert [text[a:b] for a, b in name_kinds.opening_places(text)] == ["Culiacán", "Sinaloa", "Beni", "North Kivu"]
    assert not name_kinds.opening_places("Monday, March 3 - Rebels struck.")


def test_the_model_reads_accented_names_folded_as_well_as_written():
    from transforms.ner import find_names, fold_accents

    assert fold_accents("Tél Abyad, Şırnak, ʿAyn") == "Tel Abyad, Sırnak, ʿAyn"
    text = "Troops clashed with rebels near Şırnak and in Hakkâri province, the ministry in Ankara said."
    names = [s.text for s in find_names([text])[0]]
    assert "Şırnak" in names and "Hakkâri" in names  # as written the model reads neither (spaCy 3.8 small model)


def test_a_people_named_as_its_land_stays_a_people():
    text = "Ethnic Kachin fighters and Naga elders met on Friday."
    got = [(g[1], g[2]) for g in resolved(text, ("Kachin", "NORP"), ("Naga", "NORP"))]
    assert got == [("Kachin", "NORP"), ("Naga", "NORP")]
