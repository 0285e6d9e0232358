"""Outcomes told in other words or in the sentence after the attack, and attackers named by a
province of the Islamic State, a Kashmir front or a reduced relative ("gunmen believed to be
members of ..."). Invented sentences of several regions (session 10, kinds found by tests/gold/unseen4)."""

import datetime as dt

import pytest

from tests.helpers import attacks_in
from transforms.attack_lexicon import lexicon
from transforms.attack_outcome import read_outcome

PUB = dt.date(2025, 6, 20)


def events(text, published=PUB):
    return attacks_in(text, published)


@pytest.mark.parametrize("sentence", [
    "Nine of our gendarmes fell on the field of honour.",
    "Four policemen were martyred in the ambush.",
    "Two of the wounded later succumbed to their injuries.",
    "Three rangers gave their lives defending the post.",
    "Five villagers perished when the house was set alight.",
])
def test_euphemisms_of_death_are_deaths(sentence):
    assert read_outcome(sentence, lexicon()) == "deaths"


@pytest.mark.parametrize("sentence, outcome", [
    ("Both drones were shot down and nobody on board was hurt.", "intercepted"),
    ("The rocket was intercepted and no one in the camp was injured.", "intercepted"),
    ("No one aboard the ferry was hurt.", "no damage"),
    ("No one knows how many were killed.", "deaths"),  # no statement that nobody was hurt
])
def test_nobody_with_a_place_between_is_no_harm(sentence, outcome):
    assert read_outcome(sentence, lexicon()) == outcome


def test_no_casualties_in_the_next_sentence_is_the_attacks_outcome():
    [e] = events("Gunmen fired on a police post in Tillaberi on Thursday. No casualties were reported.")
    assert e.outcome == "no damage"


@pytest.mark.parametrize("after", ["Four gendarmes were martyred, the ministry said.",
                                   "Two gendarmes later perished in hospital."])
def test_a_euphemism_of_death_after_the_attack_sentence_is_its_outcome(after):
    [e] = events("Gunmen attacked a gendarmerie post in Tillaberi on Thursday. " + after)
    assert e.outcome == "deaths"


@pytest.mark.parametrize("text, attacker", [
    ("Fighters of the Islamic State Mozambique Province raided the village of Nangade on Sunday, killing three men.",
     "org:islamic-state-mozambique"),
    ("Militants of the Islamic State Central Africa Province attacked a village near Beni on Monday, killing nine people.",
     "org:iscap"),
    ("Islamic State Somalia Province fighters attacked a Puntland army base on Tuesday, killing four soldiers.",
     "org:islamic-state-somalia"),
])
def test_a_province_of_the_islamic_state_is_its_own_attacker(text, attacker):
    [e] = events(text)
    assert e.attacker_id == attacker
    assert "org:islamic-state" != e.attacker_id


def test_gunmen_believed_to_be_members_of_a_group_are_that_group():
    [e] = events("About 30 gunmen believed to be members of the Abu Sayyaf attacked a marine outpost in Patikul "
                 "on Friday, killing two marines.")
    assert e.attacker_id == "org:abu-sayyaf"


def test_a_group_police_suspect_in_a_later_paragraph_is_the_attacker():
    text = ("Militants shot dead a policeman in Anantnag district on Sunday evening, police said.\n\n"
            "No group has claimed the attack. Police said they suspected fighters of The Resistance Front (TRF).")
    [e] = events(text)
    assert e.attacker_id == "org:the-resistance-front"
