"""The model's name spans cut and typed by the words in and around them (transforms/name_spans.py,
used by `EntityMatcher.resolve`): invented sentences of several regions and wordings."""

import pytest

from tests.helpers import ner_spans
from tests.transforms import test_entity_context as entity_context
from transforms.entities import default_matcher
from transforms.name_spans import refine
from transforms.ner import NerSpan


def spans(text, *given):
    """The refined spans, as (text, label), of the model's spans given as (surface, label)."""
    return [(s.text, s.label) for s in refine(text, ner_spans(text, given), default_matcher()._by_alias.__contains__)]


def resolved(text, *given):
    """(surface, entity type) of every mention `resolve` makes of the model's spans (surface, label)."""
    return [(surface, kind) for _, surface, kind in entity_context.resolved(text, *given)]


@pytest.mark.parametrize("text, surface, want", [
    ("Police said Ma Nang Seng and Daw Aye Aye Win were detained in Lashio.", "Daw Aye Aye Win", "Daw Aye Aye Win"),
    ("Mullah Abdul Ghani Baradar met the delegation in Doha.", "Mullah Abdul Ghani Baradar", "Mullah Abdul Ghani Baradar"),
    ("Alhaji Musa Danladi, a community leader, said the gunmen came at night.", "Alhaji Musa Danladi", "Alhaji Musa Danladi"),
])
def test_an_honorific_makes_a_person(text, surface, want):
    assert spans(text, (surface, "ORG")) == [(want, "PERSON")]


def test_a_site_named_after_a_person_stays_a_site():
    text = "Mortars fell near the Imam Hussein Hospital on Friday."
    assert spans(text, ("Imam Hussein Hospital", "ORG")) == [("Imam Hussein Hospital", "ORG")]


def test_a_person_canonical_name_drops_the_honorific():
    text = "Residents said Mullah Akhtar Jan had ordered the closure of the schools."
    assert resolved(text, ("Mullah Akhtar Jan", "ORG")) == [("Mullah Akhtar Jan", "PERSON")]
    mentions, new = default_matcher().resolve(text, [NerSpan(15, 32, "Mullah Akhtar Jan", "ORG")])
    assert [e.name for e in new.values()] == ["Akhtar Jan"]


@pytest.mark.parametrize("text, surface", [
    ("A missile struck the Panama-flagged oil tanker Sea Harmony off Aden.", "Sea Harmony"),
    ("The crew of the container ship Orient Pearl abandoned it.", "Orient Pearl"),
    ("Pirates boarded the MV Blue Falcon at anchor.", "Blue Falcon"),
])
def test_a_ships_name_after_its_noun_is_a_facility(text, surface):
    assert spans(text, (surface, "PERSON")) == [(surface, "FAC")]


def test_an_air_base_name_takes_its_head_noun_and_is_a_facility():
    text = "Drones hit Wadi Seidna Air Base north of Omdurman on Friday."
    assert spans(text, ("Wadi Seidna", "PERSON")) == [("Wadi Seidna Air Base", "FAC")]
    text = "Flights were cancelled at Goma International Airport after the shelling."
    assert spans(text, ("Goma", "GPE")) == [("Goma International Airport", "FAC")]


def test_a_region_or_natural_feature_named_by_the_noun_after_it_is_a_location():
    assert spans("Fighting spread across the Bajío region last week.", ("Bajío", "FAC")) == [("Bajío", "LOC")]
    assert spans("Bodies were found on the banks of the Kwilu river.", ("Kwilu", "NORP")) == [("Kwilu", "LOC")]


def test_a_force_named_at_a_place_is_an_organisation_and_a_place():
    text = "A grenade was thrown at a post of the Frontier Corps at Turbat on Monday."
    assert spans(text, ("the Frontier Corps at Turbat", "FAC")) == [("Frontier Corps", "ORG"), ("Turbat", "GPE")]


def test_a_name_never_runs_over_a_paragraph_break():
    text = "Curfew in Kidal\n\nKidal, where the army arrived last year, is calm."
    assert spans(text, ("Kidal\n\nKidal", "GPE")) == [("Kidal", "GPE"), ("Kidal", "GPE")]


def test_a_lone_common_word_opening_a_sentence_is_no_person():
    text = "Shells hit the market on Monday. Rubble blocked the road for hours."
    assert spans(text, ("Rubble", "PERSON")) == []
    # a person named by one word in the middle of a sentence is left to the surname rules
    assert spans("The commander, known as Tiger, was killed.", ("Tiger", "PERSON")) == [("Tiger", "PERSON")]


def test_an_office_closing_an_organisations_span_is_cut_off():
    text = "The African Union Envoy for the Sahel, Hans Lindqvist, arrived in Niamey."
    assert spans(text, ("African Union Envoy", "ORG")) == [("African Union", "ORG")]
    text = "The United Nations Resident Coordinator in Libya, Ana Ruiz, condemned the shelling."
    assert resolved(text, ("United Nations Resident Coordinator", "ORG"), ("Ana Ruiz", "PERSON"))[:1] == \
        [("United Nations", "ORG")]
    assert spans("The Deputy Humanitarian Coordinator, Ana Ruiz, said", ("Humanitarian Coordinator", "ORG")) == []


def test_a_plans_name_is_no_organisation():
    assert spans("The 2024 Flash Appeal for Haiti is 20 per cent funded.", ("Flash Appeal", "ORG")) == []


def test_a_name_cut_before_its_acronym_reaches_it():
    text = "according to the Office for the Coordination of Humanitarian Affairs (OCHA) in Juba."
    assert spans(text, ("Office for the Coordination", "ORG")) == \
        [("Office for the Coordination of Humanitarian Affairs", "ORG")]


def test_a_first_name_the_model_left_out_is_taken_back():
    text = "Defence counsel Kwabena Asante Mensah said the verdict would be appealed."
    assert spans(text, ("Asante Mensah", "PERSON")) == [("Kwabena Asante Mensah", "PERSON")]
    # a title, a common word or a known name before it is no first name
    assert spans("Deputy Governor Mary Wanjiru said", ("Mary Wanjiru", "PERSON")) == [("Mary Wanjiru", "PERSON")]
    assert spans("The Kenyan Mary Wanjiru said", ("Mary Wanjiru", "PERSON")) == [("Mary Wanjiru", "PERSON")]


def test_a_place_noun_after_a_places_name_is_no_part_of_it():
    assert spans("Troops burned Tiyagon village on Monday.", ("Tiyagon village", "GPE")) == [("Tiyagon", "GPE")]
    assert spans("Gunmen raided the Gedo Region offices.", ("Gedo Region", "GPE")) == [("Gedo Region", "GPE")]


def test_a_town_after_a_countrys_possessive_is_a_town():
    assert spans("Gunmen attacked Mali's Gao on Friday.", ("Gao", "ORG")) == [("Gao", "GPE")]


def test_a_name_its_context_makes_a_place_once_is_that_place_where_it_opens_a_sentence():
    text = "Gunmen attacked the town of Kaya on Friday. Kaya, the capital of Sanmatenga province, was calm."
    at = text.rindex("Kaya")
    mentions, new = default_matcher().resolve(text, [NerSpan(28, 32, "Kaya", "ORG"), NerSpan(at, at + 4, "Kaya", "ORG")])
    lookup = {**default_matcher().gazetteer, **new}
    assert [(m.surface, lookup[m.entity_id].entity_type) for m in mentions if m.surface == "Kaya"] == [("Kaya", "GPE")] * 2


def test_one_word_and_a_joiner_are_no_two_names():
    text = "The figures came from Police in Union offices."
    assert spans(text, ("Police in Union", "ORG")) == [("Police in Union", "ORG")]
