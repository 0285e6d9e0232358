"""Attacks told beside the news (session 11 break report, kinds 6 and 14): the cause of people's
displacement ("displaced by militia attacks", "who fled gang attacks") is no new attack, and the
names in the reason given for a strike ("in response to a rocket attack on troops in X") make no
row of the strike and take none of its toll. Invented sentences of other regions and wordings."""

import pytest

from transforms.attack_aside import told_aside
from transforms.attack_detect import read_sentence
from transforms.attack_parse import parse_sentences
from transforms.attack_rules import rules
from transforms.entities import default_matcher

from tests.transforms.test_attacks import events


@pytest.mark.parametrize("text", [
    "Relief agencies handed out blankets on Tuesday to 8,000 villagers displaced by bandit attacks last spring in "
    "Zamfara state.",
    "The UN said on Monday that 40,000 people had been uprooted by gang attacks in the Artibonite valley.",
    "Families who fled militia attacks around Djugu received cash transfers on Wednesday, the IOM said.",
    "A convoy carrying seeds for households displaced by rebel raids with mortars earlier this year reached Kaga "
    "Bandoro on Thursday.",
])
def test_the_cause_of_displacement_is_no_attack(text):
    assert events(text) == []


@pytest.mark.parametrize("text", [
    "Hundreds of villagers fled the airstrike on the market in Kafranbel on Monday, which killed six.",
    "About 3,000 people were displaced by Sunday's attack on the camp near Kaga Bandoro.",
    "The shelling of Kharkiv on Monday displaced 300 residents.",
    "Thousands fled after gunmen attacked the village of Dogon Noma on Sunday.",
])
def test_one_attack_that_drove_people_out_is_still_told(text):
    assert len(events(text)) == 1


@pytest.mark.parametrize("text, country", [
    ("The United States carried out airstrikes on three sites used by a militia near Al-Qaim in western Iraq on "
     "Friday, officials said, in response to a drone attack on American soldiers in Syria last week.", "IQ"),
    ("Pakistani jets carried out airstrikes on militant hideouts near Khost in Afghanistan on Saturday, officials "
     "said, in response to a suicide attack on soldiers in Pakistan's North Waziristan.", "AF"),
    ("Israel carried out airstrikes on weapons depots near Homs in Syria on Sunday, the army said, in response to a "
     "drone attack on a naval base in Eilat in Israel.", "SY"),
])
def test_a_place_inside_the_stated_reason_makes_no_row_of_the_strike(text, country):
    assert [e.country_code for e in events(text)] == [country]


def test_the_toll_told_after_the_strike_is_the_strikes_not_the_reasons():
    got = events("The United States carried out airstrikes on three sites used by a militia near Al-Qaim in western "
                 "Iraq on Friday, officials said, in response to a drone attack on American soldiers in Syria last "
                 "week. Local officials said two guards were killed.")
    assert [(e.country_code, e.fatalities) for e in got] == [("IQ", 2)], got


def test_names_aside_are_those_of_the_earlier_attack_only():
    sentence = "The army bombed Kafr Nabl on Monday in retaliation for a mortar attack on a checkpoint near Idlib."
    [doc] = parse_sentences([sentence])
    clauses, dropped = read_sentence(doc, rules())
    names = [m.surface for m in told_aside(doc, 0, clauses, dropped, default_matcher().find(sentence))]
    assert clauses and "Idlib" in names and "Kafr Nabl" not in names, (clauses, dropped, names)
