"""A day's count of shelling of one place with its own toll is that day's attack, kept as an
event beside the tally (session 11 break report, kind 4); a count over a longer period, or
with no toll of its own, stays a tally only. Invented sentences of other regions and wordings."""

import datetime as dt

import pytest

from transforms.attack_day_tally import past_day
from transforms.tallies import is_tally_sentence

from tests.transforms.test_attacks import PUB, events


@pytest.mark.parametrize("text, country", [
    ("Russian forces shelled Kyiv 43 times over the past day, killing one man, officials said.", "UA"),
    ("Syrian government forces shelled Idlib 25 times in the past 24 hours, killing two children, rescuers said.", "SY"),
])
def test_a_days_count_of_shelling_with_its_toll_is_an_event_of_that_day(text, country):
    assert is_tally_sentence(text)  # the tally stays one too
    [e] = events(text)
    assert (e.country_code, e.date_min, e.date_max) == (country, PUB - dt.timedelta(days=1), PUB)
    assert e.fatalities is not None


@pytest.mark.parametrize("text", [
    "Russian forces carried out 400 strikes on Kyiv over the past week, killing 12 people.",
    "Militants shelled Kabul 12 times over the past day.",
])
def test_a_longer_count_or_one_without_a_toll_stays_a_tally(text):
    assert events(text) == []


def test_the_past_day_is_the_day_before_publication_and_publication_day():
    got = past_day("Drones struck the port 14 times over the past day.", PUB)
    assert (got.date_min, got.date_max, got.text) == (PUB - dt.timedelta(days=1), PUB, "the past day")
    assert past_day("Drones struck the port a day earlier.", PUB) is None
