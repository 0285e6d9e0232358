"""A sentence with no day, place, weapon or attacker of its own tells on the attack just reported
(`transforms.attack_followup`, kind I of the session-9 break report). Invented sentences."""

import datetime as dt
from tests.helpers import attacks_in


PUB = dt.date(2024, 5, 9)


def events(text):
    return attacks_in(text, PUB)


def test_a_follow_up_without_day_or_place_is_the_attack_just_told():
    [e] = events("Militants shelled Goma on Tuesday, killing four people.\n\n"
                 "Shells hit a crowded market and a school, witnesses said.")
    assert e.event_date == dt.date(2024, 5, 7)
    [e] = events("Gunmen attacked a police station in Kandahar on Monday. Residents said heavy gunfire lasted for hours.")
    assert e.event_date == dt.date(2024, 5, 6)


def test_another_attack_a_new_weapon_or_a_new_place_stays_apart():
    assert len(events("Militants shelled Goma on Tuesday, killing four people. "
                      "Another shell hit a school, witnesses said.")) == 2
    assert len(events("Gunmen attacked a police station in Kandahar on Monday. "
                      "A suicide bomber also struck a checkpoint.")) == 2
    assert len(events("Militants shelled a village near Mosul on Tuesday, killing four people. "
                      "Shells hit a market in Kinshasa, witnesses said.")) == 2


def _coordinated(sentence, names):
    from transforms.attack_parse import parse_sentences
    from transforms.attack_places import coordinated_places
    from transforms.entities import Mention
    places = [Mention(f"gpe:{n.lower()}", n, sentence.index(n), sentence.index(n) + len(n)) for n in names]
    return coordinated_places(parse_sentences([sentence])[0], 0, places)


def test_names_joined_after_of_on_a_singular_place_noun_are_one_region_not_two_places():
    # one row, so the toll "1 + 2" is that row's (kind I: two identical rows, toll lost)
    assert _coordinated("A soldier was killed in a gunfight in the Kupwara district of Jammu and Kashmir on Sunday.",
                        ["Jammu", "Kashmir"]) == frozenset()
    assert _coordinated("Gunmen shot dead two men in the Penal district of Trinidad and Tobago on Monday.",
                        ["Trinidad", "Tobago"]) == frozenset()
    assert _coordinated("Jets bombed the provinces of Idlib and Hama on Monday.", ["Idlib", "Hama"]) == {"gpe:idlib", "gpe:hama"}
    assert _coordinated("Missiles struck Erbil and Baghdad on Monday.", ["Erbil", "Baghdad"]) == {"gpe:erbil", "gpe:baghdad"}


def test_two_coordinated_objects_each_with_its_own_town_are_two_places():
    # s11: "attacked a base in A and a checkpoint in B" is two scenes however the parser hangs "in A"
    assert _coordinated("Gunmen attacked a police station in Erbil and an army post in Mosul on Monday.",
                        ["Erbil", "Mosul"]) == {"gpe:erbil", "gpe:mosul"}
    assert _coordinated("Bandits raided a clinic near Zaria and a school outside Kaduna overnight.",
                        ["Zaria", "Kaduna"]) == {"gpe:zaria", "gpe:kaduna"}
    # one town after both objects is one scene; a town and an object without one is one scene
    assert _coordinated("Militants burned a church and a school in Gao on Sunday.", ["Gao"]) == frozenset()
    assert _coordinated("Rebels shelled a market in Goma and the road to the airport on Friday.",
                        ["Goma"]) == frozenset()


def test_two_objects_each_in_its_own_town_give_a_row_each_and_the_toll_its_own():
    got = events("Drones hit an oil refinery in Erbil and a market in Baghdad on Monday, killing two people in Baghdad.")
    assert [(e.location_id, e.fatalities) for e in got] == [("gpe:erbil", None), ("gpe:baghdad", 2)]
    got = events("Gunmen attacked a police station in Erbil and an army post in Mosul on Monday, killing four.")
    assert [(e.location_id, e.fatalities) for e in got] == [("gpe:erbil", None), ("gpe:mosul", None)]
