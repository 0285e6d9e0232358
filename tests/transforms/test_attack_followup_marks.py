"""Follow-up sentences that name what would otherwise keep them apart: a confirmed day, a town
told again, who fired first, a possessive doer, a witness's perception, the next item of a salvo
(`transforms.attack_followup`, attack_words.json `_follow_up_marks`). Invented sentences."""

import datetime as dt

from tests.helpers import attacks_in
from transforms.event_dates import Window

PUB = dt.date(2024, 5, 9)


def events(text):
    return attacks_in(text, PUB, Window(PUB - dt.timedelta(days=7), PUB))


def test_a_confirmation_of_the_same_day_is_the_attack_told():
    [e] = events("Al-Shabaab fighters attacked an army base in Beledweyne on Monday, killing three soldiers.\n\n"
                 "The Somali army confirmed that three soldiers were killed and that a car bomb exploded at the gate "
                 "on Monday.")
    assert e.fatalities == 3 and "bomb" in e.weapons
    # another day under the same verb is another attack
    assert len(events("Al-Shabaab fighters attacked an army base in Beledweyne on Monday, killing three soldiers.\n\n"
                      "The army confirmed that militants attacked a checkpoint in Jowhar on Tuesday.")) == 2


def test_the_next_item_of_a_salvo_is_no_new_attack():
    [e] = events("Houthi forces fired three rockets at the port of Jizan on Sunday.\n\n"
                 "Saudi air defences intercepted two of them. A third rocket was shot down over the sea, the coalition said.")
    assert e.event_date == dt.date(2024, 5, 5)
    # an ordinal on the attack itself is another attack
    assert len(events("Gunmen attacked a police station in Kandahar on Monday, killing two officers. "
                      "A second attack hit a checkpoint nearby, killing one.")) == 2


def test_who_fired_first_in_an_exchange_already_told():
    rows = events("Indian and Pakistani troops exchanged fire along the Line of Control near Uri on Friday, "
                  "killing two soldiers.\n\nThe Indian army said Pakistani troops opened fire first on a post near Uri.")
    assert len(rows) == 1 and rows[0].event_type == "Battles"


def test_a_possessive_doer_and_a_witness_point_back():
    [e] = events("The United States carried out air strikes on the port of Saleef on Sunday night.\n\n"
                 "Central Command said its jets hit radar sites and a fuel depot at Saleef, which the rebels use. "
                 "Residents said they heard at least ten explosions.")
    assert e.weapons == ("airstrike",)


def test_the_town_named_again_is_the_attack_told():
    rows = events("Jihadists overran an army base in the town of Malam Fatori on Sunday, killing six soldiers.\n\n"
                  "The fighters arrived in trucks at dusk. Several vehicles were burned.\n\n"
                  "The army said in a statement that troops had repelled an attack on Malam Fatori.")
    assert len(rows) == 1 and rows[0].fatalities == 6


def test_both_munitions_of_the_attack_told():
    [e] = events("Rebels fired two missiles at a cargo ship off Mokha on Tuesday. Both missiles were shot down.")
    assert e.event_date == dt.date(2024, 5, 7)


def test_separate_attacks_stay_separate():
    rows = events("Gunmen killed four farmers in Bokkos on Monday.\n\nGunmen attacked Mangu on Tuesday, killing two.\n\n"
                  "Gunmen also raided Riyom on Wednesday, killing three.")
    assert len(rows) == 3


def test_a_similar_attack_told_with_its_own_victims_is_another_attack():
    # s11 (attack_cues.jsonl `unless_harms`, "similar" in `anaphora.new_event`): another day's or place's
    # attack told with its toll is an event of its own, not a reference to the one just told
    rows = events("A landmine killed two children in Kandahar on Friday. A day earlier, a similar blast had "
                  "wounded a farmer in Helmand.")
    assert [(e.event_date, e.fatalities, e.injured) for e in rows] == [
        (dt.date(2024, 5, 3), 2, None), (dt.date(2024, 5, 2), None, 1)]
    rows = events("Bandits shot dead two farmers near Gusau on Sunday. On Saturday, two herders were killed in a "
                  "similar attack in Zamfara.")
    assert [(e.event_date, e.fatalities) for e in rows] == [(dt.date(2024, 5, 5), 2), (dt.date(2024, 5, 4), 2)]
    rows = events("A roadside bomb killed three soldiers near Gao on Monday. A similar blast had wounded two "
                  "soldiers in the same area, officials said.")
    assert [(e.fatalities, e.injured) for e in rows] == [(3, None), (None, 2)]


def test_similar_attacks_named_without_victims_of_their_own_stay_a_reference():
    rows = events("A roadside bomb killed three soldiers near Gao on Monday. Similar attacks have been reported "
                  "in the region.")
    assert [(e.fatalities, e.injured) for e in rows] == [(3, None)]
    rows = events("A roadside bomb killed three soldiers near Gao on Monday. A similar blast was reported in Mopti.")
    assert len(rows) == 1
