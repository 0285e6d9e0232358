"""Two attacks told in sequence in one sentence, and the speaker of a report who is no attacker
(`transforms.attack_sequence`, kinds F and E of the session-9 break report). Invented sentences."""

import datetime as dt

from tests.helpers import attacks_in
from transforms.entities import default_matcher
from transforms.event_dates import Window
from transforms.gazetteer import load_gazetteer

PUB = dt.date(2024, 5, 9)  # a Thursday


def events(text, published=PUB):
    return attacks_in(text, published, Window(PUB, PUB))


def test_an_attack_a_day_after_another_is_two_events_each_with_its_day_and_toll():
    got = events("Israeli jets struck a village in southern Lebanon on Wednesday, killing four people, a day after "
                 "Hezbollah fighters killed two soldiers in an attack on a post in northern Israel.")
    assert len(got) == 2
    first, second = sorted(got, key=lambda e: e.anchor_char)
    assert (first.event_date, first.fatalities, first.country_code) == (dt.date(2024, 5, 8), 4, "LB")
    assert (second.event_date, second.fatalities) == (dt.date(2024, 5, 7), 2)
    assert second.attacker_id == "org:hezbollah" and first.attacker_id == "gpe:il"


def test_days_before_and_hours_after_shift_the_second_attack_by_their_measure():
    [a, b] = sorted(events("Gunmen ambushed a convoy in Zamfara on Monday, two days before bandits stormed a "
                           "village in Katsina, killing nine."), key=lambda e: e.anchor_char)
    assert (a.event_date, b.event_date) == (dt.date(2024, 5, 6), dt.date(2024, 5, 8))
    assert b.fatalities == 9 and a.fatalities is None
    [c, d] = sorted(events("Air force jets bombed a camp in Borno on Tuesday, hours after insurgents killed five "
                           "farmers in Yobe."), key=lambda e: e.anchor_char)
    assert c.event_date == d.event_date == dt.date(2024, 5, 7)
    assert d.fatalities == 5


def test_harm_that_follows_an_attack_is_that_attack():
    [e] = events("Two soldiers died after gunmen opened fire on their patrol near Kidal on Monday.")
    assert e.fatalities == 2


def test_the_speaker_of_a_report_is_a_source_not_the_attacker():
    [e] = events("Russian forces shelled Kherson on Sunday, killing three civilians, the Ukrainian military said.")
    assert e.attacker_id == "gpe:ru"
    got = events("Israeli aircraft struck a house in Rafah on Monday, killing six people, according to Hamas.")
    assert got and all(e.attacker_id != "org:hamas" for e in got)
    got = events("A roadside bomb hit an army truck near Mogadishu on Tuesday, the al-Shabaab group said.")
    assert got and all(e.attacker_id != "org:al-shabaab" for e in got)


def test_a_speaker_who_says_it_attacked_is_the_attacker():
    [e] = events("Al-Shabaab said its fighters attacked a military base in Lower Shabelle on Tuesday.")
    assert e.attacker_id == "org:al-shabaab"
    [e] = events("Hezbollah said it fired rockets at an army post in northern Israel on Monday.")
    assert e.attacker_id == "org:hezbollah"


def test_a_news_agency_of_a_wire_credit_is_never_an_actor():
    import dataclasses

    from transforms.attack_actors import may_act
    from transforms.entities import Mention
    gazetteer = load_gazetteer()
    body = "KABUL (Reuters) - Taliban fighters attacked a checkpoint, PTI said."
    found = {m.surface: m for m in default_matcher().find(body)}
    assert not may_act(body, 0, found["Reuters"], gazetteer)
    assert may_act(body, 0, found["Taliban"], gazetteer)
    # a name the NER model read, as an organisation the gazetteer lacks: the agency's alias says it
    pti = dataclasses.replace(gazetteer["org:reuters"], entity_id="org:ner-pti", name="PTI")
    at = body.index("PTI")
    assert not may_act(body, 0, Mention("org:ner-pti", "PTI", at, at + 3), {"org:ner-pti": pti})
