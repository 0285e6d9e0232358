"""The day of a narrated scene (#s9 kinds): a feature tells an attack over several sentences and
paragraphs; the day named where the scene begins dates the attack told later; a past time after
"since" or in a clause of its own does not make the news history; a sentence dated only ahead is a
forecast. Invented texts of other regions and outlets."""

import datetime as dt

import pytest

from tests.helpers import attacks_in
from transforms.event_dates import Window, goes_on

PUB = dt.date(2023, 11, 14)  # a Tuesday


def events(text, published=PUB):
    return attacks_in(text, published, Window(PUB, PUB))


def test_a_paragraph_that_goes_on_with_the_scene_keeps_its_day():
    text = ("On Sunday the farmers hid in a ditch while a helicopter circled over the valley.\n\n"
            "When the helicopter turned away, two of them were dead. A rocket had hit the grain store, "
            "a relative said.")
    [e] = events(text)
    assert (e.event_date, e.date_text) == (dt.date(2023, 11, 12), "Sunday")


def test_a_paragraph_that_opens_otherwise_starts_undated():
    text = ("On Sunday the farmers hid in a ditch while a helicopter circled over the valley.\n\n"
            "Prices at the market have doubled. A rocket had hit the grain store, a relative said.")
    [e] = events(text)
    assert e.event_date is None and e.date_precision == "inferred"


@pytest.mark.parametrize("text, day", [
    ("Gunmen attacked the checkpoint on Monday, the first attack on the town since the army retook it in 2019.",
     dt.date(2023, 11, 13)),
    ("Rebel drones hit the airport earlier this week, the first strike on the city since it became the capital "
     "in 2021.", None),
])
def test_a_past_time_after_since_is_a_baseline_not_history(text, day):
    [e] = events(text)
    assert e.event_date == day and e.date_min >= dt.date(2023, 11, 13)


def test_a_past_time_in_a_clause_of_its_own_is_beside_the_news():
    text = ("The family dug the shelter in 2021, and on Sunday they hid in it while a jet bombed the village, "
            "killing two neighbours.")
    [e] = events(text)
    assert e.event_date == dt.date(2023, 11, 12)


def test_a_past_time_that_dates_what_is_told_is_still_history():
    assert events("A memorial was held in the town on Sunday for the 40 villagers massacred by rebels in 2009.") == []


def test_a_sentence_of_past_times_only_is_still_history():
    assert events("In 2019, gunmen attacked the checkpoint, killing two guards.") == []


def test_goes_on_needs_a_subordinator_of_the_same_scene_before_a_definite_noun():
    assert goes_on("When the jets left, the village was burning.")
    assert goes_on("As the drones turned back, medics reached the school.")
    assert not goes_on("When asked, the governor declined to comment.")
    assert not goes_on("The jets left at noon.")


@pytest.mark.parametrize("forecast", [
    "Further drone attacks on the capital are likely in the coming weeks, analysts said.",
    "More raids on the border towns are expected over the next few days.",
    "More raids on the border towns are expected in the days ahead.",
])
def test_a_sentence_dated_only_ahead_is_a_forecast_not_an_event(forecast):
    [e] = events("Drones struck the airport last week.\n\n" + forecast)
    assert e.evidence == "Drones struck the airport last week."


def test_a_day_of_news_beside_a_forecast_still_dates_the_attack():
    [e] = events("Gunmen attacked a bus on Monday, and more attacks are feared in the coming days.")
    assert e.event_date == dt.date(2023, 11, 13)


def test_a_background_past_time_dates_nothing():
    # the year of another verb beside the day of the news: neither history nor the attack's date
    [e] = events("The clinic, which a charity opened in 2016, was hit by two rockets on Monday, killing a nurse.")
    assert e.event_date == dt.date(2023, 11, 13)


def test_a_sentence_without_an_attack_word_beside_a_day_is_no_history():
    # no trigger in the first sentence (it is parsed for the past time alone): its Sunday dates the scene
    text = ("Her father planted the orchard in 2008, and on Sunday the family picked apples there. "
            "A mortar round hit the farmhouse, killing two of them.")
    [e] = events(text)
    assert e.event_date == dt.date(2023, 11, 12)
