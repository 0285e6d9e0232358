"""Arson that hurts people is an attack; "killed scores of villagers" is a toll, no sports score
(attack_triggers.jsonl "set fire", "torch"; `attack_detect._quantity`; break report s10 kind 9).
Abductions stay out. Invented sentences."""

from tests.transforms.test_attack_followup_marks import events  # one window a week back, published 2024-05-09


def test_arson_that_injures_is_an_attack():
    [e] = events("Armed herders torched homes in Bassa on Sunday, wounding two residents.")
    assert e.injured == 2 and e.event_type == "Violence against civilians"
    [e] = events("Attackers set fire to a school in the village of Kutama on Monday, injuring four pupils.")
    assert e.injured == 4


def test_fire_without_harm_or_attacker_is_no_attack():
    assert events("Protesters set fire to tyres on the main road in Nairobi on Monday.") == []
    assert events("Soldiers raided the village of Kuna on Monday and torched twenty houses.") == []  # property alone
    assert events("The farmers set fire to the dry grass before the rains on Monday.") == []


def test_scores_of_is_a_toll_not_a_sport():
    [e] = events("Militiamen killed scores of herders in Bassa on Tuesday, residents said.")
    assert e.outcome == "deaths"
    assert events("The striker scored twice as the visitors attacked down the left wing on Sunday.") == []


def test_an_abduction_is_no_attack():
    assert events("Gunmen abducted 30 travellers on the road near Birnin Gwari on Monday.") == []
