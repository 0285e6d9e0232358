"""A later sentence that retells the attack just reported is no second event; separate attacks stay separate.

Invented articles of several regions and wordings (attack_continuation.retells)."""

import datetime as dt

from tests.helpers import attacks_in
from transforms.event_dates import Window

PUB = dt.date(2024, 3, 15)


def events(text, published=PUB):
    return attacks_in(text, published, Window(PUB, PUB))


def test_a_target_told_again_by_a_pronoun_is_the_same_attack():
    got = events("Gunmen ambushed a police convoy near Lokichar in Turkana county on Tuesday, killing four officers.\n\n"
                 "The convoy was returning to base when it was attacked with rifles and grenades, police said.")
    assert len(got) == 1 and got[0].fatalities == 4


def test_a_definite_target_already_named_is_the_same_attack():
    got = events("Suspected rebels attacked an army patrol outside Kirkuk on Thursday, killing two soldiers. "
                 "The patrol was ambushed with machine guns while crossing a bridge, a spokesman said.")
    assert len(got) == 1


def test_one_of_the_attackers_points_back():
    got = events("Militants stormed an army post in the Tillaberi region on Sunday, killing seven soldiers.\n\n"
                 "An army spokesman said that one of the attackers blew himself up at the entrance.")
    assert len(got) == 1 and got[0].fatalities == 7


def test_an_interception_count_of_the_same_missiles_belongs_to_the_attack():
    got = events("Russia fired ballistic missiles and drones at Odesa overnight, killing one man, the governor said. "
                 "Air defences destroyed 35 of the 40 drones launched against the region, the navy said.")
    assert len(got) == 1 and got[0].outcome == "deaths"


def test_a_claim_of_its_fighters_is_the_attack_claimed():
    got = events("Al-Shabaab said it attacked a military base in Lower Shabelle on Friday.\n\n"
                 "The group said its fighters had killed 20 soldiers and seized weapons and vehicles.")
    assert len(got) == 1 and got[0].outcome == "deaths"


def test_how_the_assault_began_is_the_assault():
    got = events("ISWAP fighters attacked a military base in Borno state on Monday, the army said.\n\n"
                 "Residents said the assault began at night, when dozens of fighters in trucks attacked the base "
                 "from two sides. One resident said 11 soldiers were killed.")
    assert len(got) == 1 and got[0].outcome == "deaths"


def test_attacks_in_three_towns_stay_three_events():
    got = events("Gunmen killed five farmers in Kirkuk on Monday.\n\n"
                 "In Mosul, gunmen attacked a market, killing three traders.\n\n"
                 "Near Basra, the attackers opened fire on a bus, wounding two passengers.")
    assert sorted(e.location_id for e in got) == ["gpe:basra", "gpe:kirkuk", "gpe:mosul"]


def test_the_same_target_attacked_elsewhere_or_another_day_is_another_attack():
    assert len(events("Rebels attacked a convoy near Mayadin on Monday, killing three drivers. "
                      "The convoy was attacked near Abu Kamal with rockets, the army said.")) == 2
    assert len(events("Rebels attacked a convoy in the north on Monday, killing three drivers. "
                      "The convoy was attacked again with rockets, the army said.")) == 2
    assert len(events("Jihadists ambushed a patrol near Kidal on Monday, killing two soldiers. "
                      "On Wednesday the patrol was attacked with mortars, the army said.")) == 2


def test_a_ships_flag_is_no_place_of_the_attack():
    for flag in ("Panama-flagged", "Marshall Islands-flagged", "Liberian-flagged", "Malta-registered"):
        got = events(f"Pirates fired on a {flag} tanker off the coast of Somalia on Sunday, wounding a sailor.")
        assert got and all(e.country_code not in ("PA", "MH", "LR", "MT") for e in got), flag


def test_why_a_group_says_it_attacked_a_ship_names_no_new_place():
    got = events("The Houthis fired a missile at a Greek-owned tanker in the Gulf of Aden on Friday, setting it ablaze.\n\n"
                 "A Houthi spokesman said the group had attacked the ship because its owner traded with ports in "
                 "Israel, and warned that it would target more ships.")
    assert len(got) == 1 and got[0].country_code != "IL"


# What a later sentence tells of the attack just reported: its outcome, who did it.

def test_the_toll_of_the_aggression_in_the_next_paragraph_is_the_attacks_outcome():
    got = events("On Saturday night, officers of the municipal police patrolling near Kirkuk were attacked by armed men.\n\n"
                 "As a result of the aggression, three of our colleagues lost their lives and one more was wounded.")
    assert len(got) == 1 and got[0].outcome == "deaths"


def test_no_casualties_told_of_the_same_rockets_is_no_damage():
    got = events("Two rockets were fired overnight at a base near Erbil that hosts coalition troops. "
                 "A security source said the rockets fell in an empty field and caused no casualties.")
    assert len(got) == 1 and got[0].outcome == "no damage"


def test_a_fire_the_strike_started_is_damage():
    for wording in ("causing a large fire", "starting a blaze", "sparking fires", "setting off a huge fire"):
        [e] = events(f"Drones hit a fuel depot in Basra on Monday, {wording}, the governor said.")
        assert e.outcome == "damage", wording


def test_a_claim_or_blame_that_spells_out_an_acronym_names_the_attacker():
    [e] = events("Militants stormed a checkpoint in Kirkuk on Sunday, killing three policemen. "
                 "The Islamic State (ISIS) claimed responsibility in a statement.")
    assert e.attacker_id == "org:islamic-state"
    [e] = events("A bomb exploded at a market in Mosul on Friday, wounding nine people.\n\n"
                 "Police blamed the Islamic State (ISIS), the group that once held the city.")
    assert e.attacker_id == "org:islamic-state"


# Whether a sentence reports an attack at all.

def test_a_past_year_in_a_background_clause_beside_this_weeks_date_is_no_history():
    got = events("Drones struck an air base near Baghdad earlier this week, the first attack on the capital since "
                 "the government moved its forces there in 2019.")
    assert len(got) == 1


def test_an_old_year_alone_is_still_history():
    assert events("In 2019, drones struck an air base near Baghdad, killing two guards.") == []


def test_fighters_overrunning_a_post_is_an_attack():
    got = events("Insurgents overran an army outpost near Mosul on Tuesday and seized weapons, the ministry said.")
    assert len(got) == 1 and got[0].event_type != "Violence against civilians"


def test_attacks_forecast_as_likely_are_no_event():
    assert events("Analysts say further drone attacks on the port are likely in the coming weeks.") == []
    assert events("More rocket strikes on the capital are expected before the talks.") == []


def test_fighting_that_has_gone_on_for_months_is_no_event():
    assert events("Residents told reporters that the militia has been fighting rival clans for months for "
                  "control of the area around Kirkuk.") == []
    assert events("The army has been shelling villages near Mosul for weeks, residents say.") == []
    assert len(events("Rebels attacked the town of Mosul for two hours on Monday, killing four soldiers.")) == 1


def test_the_bomb_after_a_jet_over_the_village_is_an_airstrike():
    [e] = events("On Tuesday a fighter jet circled over a village near Mosul for an hour. "
                 "The bomb hit a school, killing four children, a teacher said.")
    assert e.weapons == ("airstrike",) and e.sub_event_type == "Air/drone strike"
    [e] = events("Helicopters flew over Mosul on Monday. A car bomb exploded at a market there, killing three.")
    assert e.weapons == ("bomb",)
    [e] = events("The bomb exploded at a bus stop in Kirkuk on Sunday, killing two people.")
    assert e.weapons == ("bomb",)


def test_a_city_named_after_its_sea_is_no_attack_at_sea():
    [e] = events("Missiles struck the port of Hodeidah, the Red Sea city, on Monday, killing three dock workers.")
    assert (e.location_id, e.country_code) == ("gpe:hodeidah", "YE")
    [e] = events("Houthi missiles struck a tanker in the Red Sea off Hodeidah on Monday, wounding two sailors.")
    assert (e.location_id, e.country_code) == ("loc:red-sea", None)
