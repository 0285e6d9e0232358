"""Tallies: a publication counting its own items is no tally; who states a figure (the speaker, not
the group named after it; an international mission named with its country, whole). Invented
sentences of several outlets and regions (session 10, kinds found by tests/gold/unseen4)."""

import datetime as dt

import pytest

from tests.helpers import attacks_in
from transforms.entities import default_matcher
from transforms.event_dates import Window, tag_article
from transforms.gazetteer import load_gazetteer
from transforms.sentences import split_sentences
from transforms.tallies import extract_tallies, is_tally_sentence
from transforms.tally_reading import counts_own_items

PUB = dt.date(2025, 3, 14)


def tallies(text, published=PUB):
    # the document's own entities too ("Lake Chad", a name the patterns find): as the pipeline passes them
    mentions, new = default_matcher().resolve(text)
    return extract_tallies(text, split_sentences(text), mentions, {**load_gazetteer(), **new}, published,
                           tag_article(text, published, Window(published, published)))


def read_tallies(text, published=PUB):
    """The tallies of `text` with the names the NER model finds in it too (places it alone knows)."""
    from transforms.ner import find_names

    mentions, new = default_matcher().resolve(text, find_names([text])[0])
    return extract_tallies(text, split_sentences(text), mentions, {**load_gazetteer(), **new}, published,
                           tag_article(text, published, Window(published, published)))


@pytest.mark.parametrize("sentence", [
    "Today's briefing lists 12 incidents recorded across the Sahel since Friday.",
    "This month's digest covers 40 attacks reported in Somalia and Kenya since 1 February.",
    "Our weekly bulletin includes nine separate attacks in Cabo Delgado this week.",
    "This edition of the newsletter looks at six attacks on aid convoys in Darfur since Monday.",
])
def test_a_publication_counting_its_own_items_is_no_tally(sentence):
    assert counts_own_items(sentence)
    assert not is_tally_sentence(sentence)
    assert tallies(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The monitor recorded 37 drone attacks by armed groups across Colombia since the start of January.",
    "Militants have carried out more than 120 attacks across Burkina Faso this year, the army said.",
    "The report by Human Rights Watch documents 300 attacks on schools since 2022.",
])
def test_a_count_by_someone_else_is_still_a_tally(sentence):
    assert not counts_own_items(sentence)
    assert tallies(sentence)


def test_the_speaker_of_a_figure_not_the_group_blamed_after_it():
    text = ("The Nigerian army says at least 450 soldiers have been killed in attacks in Borno and Yobe since January, "
            "most of them by the Islamic State West Africa Province (ISWAP), which it says has bases on Lake Chad.")
    [t] = tallies(text)
    assert t.count == 450
    assert t.stated_by_id == "gpe:ng"  # the Nigerian army: Nigeria's, not ISWAP


def test_an_acronym_in_brackets_takes_the_role_of_the_name_before_it():
    text = ("More than 2,000 civilians have been killed since 2019, many of them by the Allied Democratic Forces (ADF), "
            "according to the Kivu Security Tracker.")
    [t] = tallies(text)
    assert t.stated_by_id != "org:adf"


@pytest.mark.parametrize("text, body, country", [
    ("According to the United Nations Support Mission in Libya, at least 130 people were killed in clashes in Tripoli "
     "since January.", "United Nations Support Mission", "Libya"),
    ("The UN Assistance Mission in Afghanistan said at least 2,000 civilians were killed in the first half of the year.",
     "UN Assistance Mission", "Afghanistan"),
    ("An EU Training Mission in Mali convoy was not hit.", "EU Training Mission", "Mali"),
])
def test_a_missions_name_keeps_its_country(text, body, country):
    from tests.transforms.test_entity_context import resolved

    got = resolved(text, (body, "ORG"), (country, "GPE"))
    assert (f"{body} in {country}", "ORG") in [(surface, kind) for _, surface, kind in got]
    assert country not in [surface for _, surface, _ in got]  # nested names are not split


def test_a_body_that_only_meets_in_a_country_keeps_the_country_apart():
    from tests.transforms.test_entity_context import resolved

    text = "The Human Rights Council in Geneva heard the report on Sudan."
    got = [surface for _, surface, _ in resolved(text, ("Human Rights Council", "ORG"), ("Geneva", "GPE"))]
    assert "Geneva" in got


def test_a_roundups_count_of_its_own_items_is_no_attack_either():
    text = ("This week's digest covers six attacks reported between Monday and Friday.\n\n"
            "Gunmen killed four farmers in the village of Kauru on Tuesday, police said.")
    got = attacks_in(text, PUB)
    assert [e.evidence for e in got] == ["Gunmen killed four farmers in the village of Kauru on Tuesday, police said."]


@pytest.mark.parametrize("text, name", [
    ("More than 3,000 people have been killed since 2012, according to the monitoring group Sahel Conflict Watch.",
     "Sahel Conflict Watch"),
    ("At least 900 civilians were killed in the province last year, the Bangkok-based rights group Patani Peace Forum said.",
     "Patani Peace Forum"),
    ("The war monitor Kivu Security Barometer counted 41 attacks on schools since January.", "Kivu Security Barometer"),
])
def test_a_body_named_after_the_noun_that_describes_it_states_the_figure(text, name):
    from tests.transforms.test_entity_context import resolved

    mentions, new = default_matcher().resolve(text, [])
    entities = {**load_gazetteer(), **new}
    assert (name, "ORG") in [(surface, kind) for _, surface, kind in resolved(text)]
    [t] = extract_tallies(text, split_sentences(text), mentions, entities, PUB,
                          tag_article(text, PUB, Window(PUB, PUB)))
    assert entities[t.stated_by_id].name == name


@pytest.mark.parametrize("text, scope", [
    ("Fighters raided a village in Borno on Monday. The group is active in the north-eastern states of Borno, Yobe "
     "and Adamawa.\n\nMore than 35,000 people have been killed since the insurgency began in 2009, according to the "
     "monitoring group Sahel Conflict Watch.", "Borno, Yobe and Adamawa"),
    ("The militia operates in Ituri and North Kivu, officials said. More than 600 civilians have been killed in the two "
     "provinces since January.", "Ituri and North Kivu"),
])
def test_a_figure_with_no_place_counts_over_the_areas_named_together_before(text, scope):
    [t] = read_tallies(text)
    assert t.scope == scope


def test_a_figure_with_no_conflict_or_area_noun_takes_no_list_from_before():
    text = ("The rebels are active in the provinces of Lanao del Sur and Basilan.\n\n"
            "At least 40 attacks were recorded across the country since January.")
    [t] = read_tallies(text)
    assert t.scope != "Lanao del Sur and Basilan"


def test_the_customers_convention_for_us_officials_holds_for_a_demonym_too():
    [t] = tallies("The American military said there had been at least 60 attacks on its troops since Oct. 17, "
                  "according to defense officials.")
    assert t.stated_by_id == "org:pentagon"
    [t] = tallies("The Kenyan military says at least 90 attacks by militants were recorded in Lamu since January.")
    assert t.stated_by_id == "gpe:ke"
