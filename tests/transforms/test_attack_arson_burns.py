"""Arson whose harm is told as burns, and the toll told after an arson (`attack_harm_after`,
attack_words.json `burn_harm`; the s10 testers' kind 5). Invented sentences."""

import pytest

from transforms.attack_harm_after import toll_after
from transforms.attack_rules import rules

from tests.transforms.test_attack_followup_marks import events  # one window a week back, published 2024-05-09


@pytest.mark.parametrize("text, toll", [
    ("Two officers were treated for burns.", (None, 2)),
    ("A policeman sustained burns to his face.", (None, 1)),
    ("Four passengers were seriously burned.", (None, 4)),
    ("Two others died of their burns in hospital.", (2, None)),
    ("Three villagers were injured.", (None, 3)),
    # a building badly burned is damage, burns nobody suffered
    ("The building was badly burned.", (None, None)),
    ("Several shops were burned.", (None, None)),
])
def test_the_toll_told_after_an_arson_counts_burns_as_harm_to_people(text, toll):
    assert toll_after(text, rules()) == toll


def test_arson_whose_victims_were_burned_is_an_attack_with_its_toll():
    [e] = events("Rioters torched a bus in Mombasa on Friday. Four passengers were seriously burned and "
                 "two others died of their burns.")
    assert (e.fatalities, e.injured, e.outcome) == (2, 4, "deaths")
    [e] = events("A mob set fire to a police station in Sylhet on Tuesday. Two officers were treated for burns.")
    assert (e.injured, e.outcome) == (2, "injuries")
    [e] = events("Youths set fire to a school in Gao on Sunday. Three pupils were hurt.")
    assert e.injured == 3


def test_arson_that_burned_only_buildings_stays_no_attack():
    assert events("Youths set fire to a church in Kaduna on Monday. The building was badly burned.") == []
    assert events("Settlers torched two houses in Hebron on Sunday.") == []
