"""One rule for a past time told beside the news (`attack_background.beside_the_news`): by the
parse, a past time under "since" is a baseline, one hanging on another verb than an attack
trigger is background when the sentence also names a time of the news, and one hanging on an
attack trigger dates what the sentence tells. Invented sentences of other regions and wordings."""

import datetime as dt

import pytest

from transforms.attack_background import beside_the_news
from transforms.attack_parse import parse_sentences
from transforms.event_dates import Window, tag_article

PUB = dt.date(2024, 6, 12)  # a Wednesday


def aside(sentence):
    """The texts of the sentence's past times that stand beside its news."""
    timexes = tag_article(sentence, PUB, Window(PUB, PUB))
    return [t.text for t in beside_the_news(parse_sentences([sentence])[0], 0, timexes, PUB, Window(PUB, PUB))]


@pytest.mark.parametrize("sentence, year", [
    # "since" before its verb: the baseline an attack is compared with, with or without a day of the news
    ("Militia fighters shelled the market in Goma on Monday, the heaviest shelling there since the rebels took it "
     "in 2012.", "2012"),
    ("It was the deadliest ambush on the highway since 2017.", "2017"),
    ("The bombing was the first in the valley since the ceasefire was signed in 2019.", "2019"),
    # another verb than an attack trigger, beside a day of the news
    ("The clinic, which a charity opened in 2016, was hit by two rockets on Tuesday.", "2016"),
    ("Her father planted the orchard in 2008, and on Sunday a drone struck the farmhouse.", "2008"),
])
def test_a_past_time_beside_the_news_is_found(sentence, year):
    assert aside(sentence) == [year]


@pytest.mark.parametrize("sentence", [
    # the attack's own time: the sentence is history
    ("In 2015, gunmen stormed the hotel, killing 20 guests."),
    ("Villagers gathered on Sunday to remember the 30 herders massacred by raiders in 2011."),
    # another verb's, but no time of the news beside it: nothing says the sentence is news
    ("The clinic, which a charity opened in 2016, was hit by two rockets."),
])
def test_a_past_time_that_dates_the_sentence_is_not_beside_it(sentence):
    assert aside(sentence) == []


def test_without_a_parse_nothing_is_beside():
    sentence = "It was the deadliest ambush on the highway since 2017."
    timexes = tag_article(sentence, PUB, Window(PUB, PUB))
    assert beside_the_news(None, 0, timexes, PUB, Window(PUB, PUB)) == []
