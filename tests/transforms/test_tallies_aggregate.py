"""A tally is an aggregate figure over a period or a conflict, stated by its source (#s8 unseen2 kinds).

Invented sentences, other words than any article: one attack's dead are its outcome, a toll over
months is a tally, and `stated_by` is who says the figure, never who did what it counts.
"""

import datetime as dt

import pytest

from tests.helpers import tallies_in
from transforms.tallies import is_tally_sentence

PUB = dt.date(2023, 10, 25)


def tallies(text, published=PUB):
    return tallies_in(text, published)


@pytest.mark.parametrize("sentence", [
    "Five militiamen died in the fighting, the governor's office said.",            # "the fighting" points back
    "Two civilians were killed in the violence that followed, police said.",       # "the violence" too
    "Six soldiers have been killed in the attack, the army said.",                 # perfect tense, one attack
    "Nine people have been wounded in the bombing, hospital staff said.",          # one attack's wounded
    "The 2009 market bombing, which killed more than 40 shoppers in 2009, was never claimed.",  # a year, one attack
    "A roadside bomb killed four policemen near the border last month, officials said.",   # one weapon, one attack
    "A drone struck a wedding party in March, killing 11 guests, villagers said.",
])
def test_one_attacks_casualties_are_its_outcome_not_a_tally(sentence):
    assert not is_tally_sentence(sentence)
    assert tallies(sentence) == []


@pytest.mark.parametrize("sentence, count, start", [
    ("Rights groups say more than 800 people were killed in communal violence in the first six months of 2023.",
     800, dt.date(2023, 1, 1)),
    ("At least 120 civilians died in jihadist violence during the second quarter of 2023, aid workers said.",
     120, dt.date(2023, 4, 1)),
    ("Landmines killed 45 people in the province in March, according to a monitoring group.", 45, dt.date(2023, 3, 1)),
    ("Between January and June, 300 people were killed in bandit violence.", 300, dt.date(2023, 1, 1)),
])
def test_a_death_count_over_a_period_is_a_tally(sentence, count, start):
    assert is_tally_sentence(sentence)
    [t] = tallies(sentence)
    assert (t.count, t.unit, t.period_start, t.period_end) == (count, "deaths", start, PUB)


def test_a_period_that_began_after_publication_gives_no_start():
    [t] = tallies("More than 200 people were killed in gang violence in the first half of 2024.")
    assert (t.count, t.period_start) == (200, None)


@pytest.mark.parametrize("sentence, source", [
    # the group is the subject of what is counted; the one who says it comes first or last
    ("The United Nations said Islamic State attacks had killed at least 60 fighters since January.", "org:un"),
    ("Islamic State attacks have killed more than 200 soldiers this year, according to the United Nations.",
     "org:un"),
    ("Since 2020, 300 farmers have been killed by Boko Haram, the Pentagon said.", "org:pentagon"),
    # only the doer is named: nobody is credited with the figure
    ("Boko Haram fighters have killed 300 farmers since 2020.", None),
    ("Since 2020, 300 farmers have been killed by Boko Haram.", None),
])
def test_stated_by_is_who_says_the_figure_not_who_did_it(sentence, source):
    [t] = tallies(sentence)
    assert t.stated_by_id == source


@pytest.mark.parametrize("sentence, scope", [
    ("The United Nations said Islamic State attacks had killed at least 60 fighters in the Syrian desert since January.",
     "Syria"),
    ("At least 400 civilians have been killed across the Nigerian northeast this year, the UN said.", "Nigeria"),
    # a demonym that names who, not where, is no scope
    ("Syrian officials said 30 soldiers have been killed since January.", None),
])
def test_a_demonym_after_a_preposition_of_place_stands_for_its_country(sentence, scope):
    [t] = tallies(sentence)
    assert t.scope == scope


@pytest.mark.parametrize("sentence, count", [
    ("Two weeks of fighting have killed 200 people, medics said.", 200),          # the object is the count
    ("In all, 23 soldiers died in the ambushes, the army said.", 23),
    ("The number of people killed in attacks on schools this year rose to 75.", 75),
])
def test_other_wordings_of_a_running_toll(sentence, count):
    assert [(t.count, t.unit) for t in tallies(sentence)] == [(count, "deaths")]


def test_the_total_a_sentence_brings_a_toll_to_is_the_tally_not_the_attacks_dead():
    sentence = ("Police said 14 people were killed when gunmen attacked a bus on Friday, bringing to 60 the "
                "number killed in the state this month.")
    assert [(t.count, t.period_start) for t in tallies(sentence)] == [(60, dt.date(2023, 10, 1))]
    assert not is_tally_sentence(sentence)  # it reports Friday's attack as well
    [t] = tallies("Two more soldiers died in an ambush, bringing the death toll since January to 48, the army said.")
    assert (t.count, t.period_start) == (48, dt.date(2023, 1, 1))
    assert tallies("A wounded woman died in hospital, bringing the toll from the attack to 13.") == []


@pytest.mark.parametrize("sentence", [
    "A man was charged over the bombings of two hotels last year that killed 31 guests, police said.",
    "The fire at the depot this year, which killed 12 workers, was an accident.",
])
def test_a_relative_clause_tells_of_named_events_not_a_toll(sentence):
    assert not is_tally_sentence(sentence)


def test_a_simple_past_toll_over_a_year_is_a_tally():
    [t] = tallies("Bandit attacks killed 600 people in the state in 2022, according to the United Nations.")
    assert (t.count, t.period_start, t.stated_by_id) == (600, dt.date(2022, 1, 1), "org:un")


@pytest.mark.parametrize("sentence", [
    # dated to one day, no running total: that day's attack(s)
    "More than 60 people have been killed and 200 others wounded in the twin blasts at the stadium on Sunday.",
    "Some 40 people have died and over 150 been hurt since a car bomb exploded outside the court Thursday morning.",
])
def test_casualties_of_one_day_are_its_outcome(sentence):
    assert not is_tally_sentence(sentence)


@pytest.mark.parametrize("sentence, rows", [
    ("More than 500 civilians have been wounded in the conflict since January, aid workers said.",
     [(500, "injured personnel")]),
    ("The shelling has left at least 70 people dead and 300 wounded since Sunday, medics said.",
     [(300, "injured personnel"), (70, "deaths")]),  # the wounded are no second side of the dead
    ("The ministry said on Friday that 300 soldiers have been killed this year.", [(300, "deaths")]),
])
def test_injured_of_any_group_and_the_day_a_figure_was_said(sentence, rows):
    assert [(t.count, t.unit) for t in tallies(sentence)] == rows
