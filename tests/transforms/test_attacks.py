import datetime as dt

from tests.helpers import attacks_in
from transforms.event_dates import Window

PUB = dt.date(2023, 11, 14)


def events(text, published=PUB):
    return attacks_in(text, published, Window(PUB, PUB))


def test_an_attack_report_yields_one_event_with_its_attributes():
    [e] = events("On Thursday, rockets struck Ain al-Asad air base in western Iraq, causing minor damage.")
    assert e.event_date == dt.date(2023, 11, 9)
    assert e.weapons == ("rocket",)
    assert (e.location_id, e.country_code, e.outcome) == ("fac:ain-al-asad", "IQ", "damage")


def test_evidence_is_the_exact_sentence_with_its_span():
    text = "Intro line here.\n\nA drone struck US forces in Syria on Monday, resulting in minor injuries."
    [e] = events(text)
    assert text[e.start_char:e.end_char] == e.evidence
    assert e.outcome == "injuries" and e.country_code == "SY"


def test_attacks_in_two_countries_of_one_sentence_are_two_events():
    got = events("Drones were launched at bases hosting US troops in Iraq and Syria on Monday.")
    assert sorted(e.country_code for e in got) == ["IQ", "SY"]


def test_attacks_on_two_named_bases_are_two_events():
    got = events("Drones targeted Ain al-Asad and Al-Harir on Monday, officials said.")
    assert sorted(e.location_id for e in got) == ["fac:ain-al-asad", "fac:al-harir"]


def test_hypotheticals_threats_and_histories_are_not_events():
    assert events("If they continue to attack US troops, we will respond.") == []
    assert events("Militias threatened to escalate attacks on American positions in Iraq.") == []
    assert events("The US has a history of conducting retaliatory airstrikes against groups in Iraq.") == []
    assert events("During a false alarm at Ain al-Asad airbase in Iraq, a contractor died.") == []


def test_us_retaliatory_strike_has_the_united_states_as_attacker():
    [e] = events("U.S. fighter jets struck a weapons depot near Abu Kamal in Syria on Wednesday.")
    assert e.attacker_id == "gpe:us" and e.location_id == "gpe:abu-kamal" and "airstrike" in e.weapons


def test_no_casualties_is_no_damage():
    [e] = events("A drone attack struck the Al-Harir air base late Tuesday, causing no casualties.")
    assert e.outcome == "no damage"


def test_maritime_attack_is_located_at_sea():
    [e] = events("A US warship in the Red Sea intercepted missiles fired by the Houthis near Yemen on Sunday.")
    assert e.location_id == "loc:red-sea" and e.country_code is None and e.attacker_id == "org:houthis"


def test_no_event_date_is_after_publication():
    for e in events("On Friday drones hit Erbil. On Monday rockets hit Baghdad airport, causing damage."):
        assert e.date_max <= PUB


def test_attacks_in_other_conflicts_are_found_with_their_weapons():
    text = ("Israeli airstrikes killed at least 30 people in Khan Younis on Tuesday, health officials said.\n\n"
            "A car bomb exploded near a checkpoint in Mogadishu on Sunday, killing five soldiers.\n\n"
            "A grenade attack on a market in Srinagar wounded 12 people on Monday.\n\n"
            "The army has vowed to hunt down the attackers.")
    got = events(text)
    assert [(e.weapons, e.outcome, e.event_date.isoformat()) for e in got] == [
        (("airstrike",), "deaths", "2023-11-14"), (("bomb",), "deaths", "2023-11-12"),
        (("grenade",), "injuries", "2023-11-13")]
    assert got[0].attacker_id == "gpe:il"  # "Israeli airstrikes killed": the demonym's country


def test_the_date_an_official_spoke_is_not_the_date_of_the_attack():
    [e] = events("Russia launched drones at Kherson overnight, officials said Saturday.", published=dt.date(2023, 11, 18))
    assert (e.date_min, e.date_max, e.event_date) == (dt.date(2023, 11, 17), dt.date(2023, 11, 18), None)


def test_a_paragraph_about_the_past_yields_no_event():
    text = ("In 2020, a U.S. drone strike in Baghdad killed a commander. "
            "Days later missiles hit Ain al-Asad and damaged hangars.")
    assert events(text) == []


# Issue 12: each kind of fault, on sentences written for these tests.

def one(text, published=PUB):
    got = events(text, published)
    assert len(got) == 1, got
    return got[0]


def test_issue12_the_month_may_is_not_the_modal_verb():
    e = one("On 14 May 2023, gunmen shot dead two traders at a market in the town.", dt.date(2023, 5, 15))
    assert e.event_date == dt.date(2023, 5, 14) and e.sub_event_type == "Attack" and e.fatalities == 2


def test_issue12_plain_weapons_and_shootings_are_attacks():
    cases = {"A bomb exploded outside a bank in the capital on Monday.": "Remote explosive/landmine/IED",
             "A landmine killed three shepherds near the border on Sunday.": "Remote explosive/landmine/IED",
             "Shells fell on a crowded market on Sunday, killing four people.": "Shelling/artillery/missile attack",
             "Gunmen opened fire on a minibus on Friday, wounding six passengers.": "Attack",
             "A man stabbed two worshippers outside a church on Friday.": "Attack",
             "Attackers hurled a grenade into a bar on Saturday.": "Grenade",
             "The air force attacked fuel trucks near the border on Tuesday.": "Air/drone strike"}
    for text, sub_type in cases.items():
        assert one(text).sub_event_type == sub_type, text


def test_issue12_non_violent_senses_are_not_attacks():
    for text in ("The minister died of a heart attack on Monday.",
                 "A shark attack injured a swimmer off the beach on Sunday.",
                 "The striker led the attack and scored twice in Sunday's league match.",
                 "The opposition leader attacked the government's budget plan on Tuesday.",
                 "A cyber attack disrupted the port's computer systems on Monday."):
        assert events(text) == [], text


def test_issue12_negated_refuted_and_prevented_attacks_are_not_events():
    for text in ("No rockets struck the base on Monday, the army said.",
                 "Officials dismissed reports of a drone attack on the airport as false on Monday.",
                 "The ministry said reports of a rocket attack on the port on Monday were untrue.",
                 "Troops did not fire on the protesters on Sunday, police said.",
                 "Police foiled a plot to bomb a stadium in the city on Monday."):
        assert events(text) == [], text


def test_issue12_commemorations_of_old_attacks_are_not_new_attacks():
    assert events("Hundreds gathered on Monday to mark the tenth anniversary of the bombing of the station.") == []


def test_issue12_weapons_belong_to_the_attack_they_describe():
    e = one("U.S. aircraft struck a depot in Syria on Monday in retaliation for earlier drone and rocket attacks.")
    assert e.weapons == ("airstrike",)


def test_issue12_two_attacks_of_one_sentence_are_two_rows():
    got = events("On Monday artillery shelled the village of Amran while drones struck a market in the town of Saada.")
    assert sorted(e.sub_event_type for e in got) == ["Air/drone strike", "Shelling/artillery/missile attack"]


def test_issue12_targets_may_be_civilians_facilities_vessels_or_soldiers():
    assert one("A missile hit a hospital in the city on Monday.").target_kind == "facility"
    assert one("Gunmen killed five villagers in the district on Sunday.").target_kind == "civilian"
    assert one("A drone struck a cargo ship off the coast on Tuesday.").target_kind == "vessel"


def test_issue12_attacks_of_any_conflict_are_kept():
    e = one("A Hamas attack on an army post near the border on Monday killed two soldiers.")
    assert e.fatalities == 2 and e.target_kind == "military"


def test_issue12_armed_clashes_are_battles():
    e = one("Soldiers clashed with militants near the town on Friday, leaving six fighters dead.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_issue12_casualties_are_null_unless_stated():
    e = one("A car bomb exploded near the ministry on Sunday.")
    assert e.fatalities is None and e.injured is None
    e = one("A roadside bomb killed three soldiers and wounded five others on Sunday.")
    assert (e.fatalities, e.injured) == (3, 5)


def test_issue12_a_negated_outcome_does_not_cancel_the_attack():
    for text in ("A rocket attack on the airport on Monday caused no casualties, officials said.",
                 "A drone attack on the base on Tuesday did not hurt anyone."):
        assert one(text).outcome == "no damage", text
    assert events("No rockets struck the base on Monday.") == []


def test_issue12_a_definite_attack_that_points_back_is_no_new_event():
    from transforms.attack_rules import LANGUAGE
    from transforms.resources import data_text
    import json
    text = " ".join(json.loads(data_text(f"{LANGUAGE}/attack_words.json"))["anaphora"]["example"])
    one(text)
    one("Gunmen attacked a checkpoint near the town on Monday. Officials said the attack lasted an hour.")
    # a new time, place or weapon makes "the" attack another one
    assert len(events("Gunmen attacked a checkpoint near Mosul on Monday. The bombing of a market in Aden "
                      "on Friday killed four.")) == 2
    assert len(events("Gunmen attacked a checkpoint near the town on Monday. "
                      "Another attack hit a market on Tuesday.")) == 2


def test_issue12_an_attack_that_began_a_period_is_background_and_the_month_march_is_no_protest():
    assert events("Fuel prices have doubled since March 3, when rebels attacked the port.") == []
    assert events("The rise in prices coincides with the outbreak of the war in March, when rebels attacked the capital.") == []
    one("Two soldiers died on Monday when gunmen attacked their convoy.")
    one("On March 3, gunmen attacked a checkpoint near the town, killing two soldiers.", dt.date(2023, 3, 4))


def test_issue12_the_toll_of_a_mishap_with_explosives_is_no_attack():
    assert events("A bomb exploded on Monday while militants were planting it near the road. "
                  "Three militants were killed.") == []
    assert len(events("A car crash on Monday blocked the road. Later, gunmen killed three travellers with rifles.")) == 1


def test_issue12_a_device_of_the_victims_own_side_is_no_attack():
    assert events("On Monday, four fighters were killed when they stepped on a mine they had laid in the valley.") == []
    assert events("On Monday, one pro-government fighter was killed when a landmine planted by pro-government "
                  "forces exploded near the village.") == []
    one("On Monday, two farmers were killed when a landmine planted by rebels exploded near the village.")


def test_issue12_a_blast_explained_later_as_a_mishap_is_no_attack():
    assert events("Five soldiers were killed in a blast at an army camp on Monday. "
                  "The explosion happened inside an ammunition depot, officials said.") == []
    one("A drone strike hit a weapons depot near the port on Monday, causing a huge explosion.")


def test_issue12_storming_and_looting_with_nobody_hurt_is_no_attack():
    assert events("On Monday, armed men stormed and looted a grain store in the town, with no injuries reported.") == []
    one("On Monday, armed men stormed and looted a grain store in the town, killing the guard.")
    one("On Monday, gunmen assaulted and robbed two traders near the market.")


def test_issue12_shots_at_an_empty_vehicle_with_nobody_hurt_are_property_destruction():
    assert events("On Monday, gunmen fired at three fuel trucks on the highway. No one was hurt.") == []
    one("On Monday, gunmen fired at three fuel trucks on the highway, wounding a driver.")
    one("On Monday, rebels fired rockets at a school in the town. No one was hurt.")  # a remote weapon stays an attack


def test_issue12_no_one_hurt_counts_no_casualty():
    [e] = events("On Monday, rebels fired rockets at a school in the town and no one was hurt.")
    assert e.injured in (0, None) and e.fatalities in (0, None)


def test_hyphenated_number_words_count_whole():
    [e] = events("A drone struck a market in Syria on Monday, killing twenty-one people and wounding thirty-four.")
    assert (e.fatalities, e.injured) == (21, 34)


def test_no_casualties_is_zero_dead_and_zero_injured_but_a_count_of_casualties_is_neither():
    [none] = events("A rocket struck a base in Syria on Monday, causing no casualties.")
    [some] = events("A rocket struck a base in Syria on Monday, causing 12 casualties.")
    assert (none.fatalities, none.injured) == (0, 0) and (some.fatalities, some.injured) == (None, None)


def test_petrol_bombs_and_molotov_cocktails_are_incendiary_not_explosive_devices():
    # ACLED's Remote explosive/landmine/IED is for explosive devices; a thrown petrol bomb or
    # Molotov cocktail is an attack of its own kind (ACLED: an Attack, or Riots when a crowd throws it)
    cases = ["Youths threw petrol bombs at a bus depot in the town on Monday, injuring two guards.",
             "A man hurled a Molotov cocktail at a minibus on Tuesday, injuring four passengers.",
             "Assailants threw a petrol bomb into a house in the village on Monday, killing a woman.",
             "Unknown attackers firebombed a shop in the market on Sunday, killing its owner.",
             "A gasoline bomb thrown into a cafe on Friday wounded three customers."]
    for text in cases:
        e = one(text)
        assert e.weapons == ("incendiary",), text
        assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack"), text


def test_other_bombs_stay_explosive_devices():
    for text in ("A roadside bomb struck a bus near the town on Monday, killing four passengers.",
                 "A bomb exploded outside a petrol station in the town on Monday, killing two people.",
                 "A fire broke out after a bomb exploded in the market on Monday, killing three traders."):
        e = one(text)
        assert "incendiary" not in e.weapons and e.sub_event_type == "Remote explosive/landmine/IED", text


def test_issue12_a_sentence_whose_attacker_points_back_goes_on_telling_the_attack():
    text = ("Gunmen stormed the village of Kaboré on Monday, killing four farmers.\n\n"
            "The assailants then battled a police patrol for an hour before fleeing into the bush.")
    [e] = events(text)
    assert e.event_date == dt.date(2023, 11, 13) and e.fatalities == 4
    from transforms.attack_rules import LANGUAGE
    from transforms.resources import data_text
    import json
    one(" ".join(json.loads(data_text(f"{LANGUAGE}/attack_words.json"))["anaphora"]["actor_example"]))
    text = ("Rebels attacked an army camp near the river on Sunday. They shelled the camp with mortars for hours, "
            "and several soldiers lost their lives.")
    [e] = events(text)
    assert "mortar" in e.weapons and e.outcome == "deaths"


def test_issue12_other_attackers_or_a_new_place_or_day_are_a_new_attack():
    assert len(events("Gunmen killed two traders in a market on Monday. "
                      "Other militants ambushed a convoy on the same road, wounding three soldiers.")) == 2
    assert len(events("Gunmen killed two traders in Mogadishu on Monday.\n\n"
                      "The militants also attacked a police post in Kismayo on Saturday, killing a guard.")) == 2


def test_issue12_a_toll_in_the_next_paragraph_that_names_the_attack_back_is_its_toll():
    text = ("Insurgents attacked positions of the army in the district earlier this week.\n\n"
            "Two soldiers died in the fighting and five others were wounded, the ministry said.")
    [e] = events(text)
    assert (e.fatalities, e.injured, e.outcome) == (2, 5, "deaths")


def test_issue12_a_death_count_over_a_period_is_no_attack():
    assert events("More than 900 people were killed in communal violence in the region in the first half of 2023, "
                  "the agency said.") == []
    assert events("Some 200 civilians were killed in the district in October, according to a rights group.") == []


def test_issue12_an_anaphoric_day_takes_the_narrative_time():
    text = ("A court on Monday jailed three men over the 2015 bombing of a bus station. "
            "The bomb went off as travellers queued for tickets, hours after a police officer was shot dead "
            "earlier that day.")
    assert events(text) == []


def test_issue12_a_count_belongs_to_the_victims_not_to_who_tells_it():
    [e] = events("Militants fired rockets into the town on Friday, killing at least nine people, "
                 "three police sources and a resident said.")
    assert e.fatalities == 9


def test_issue12_the_outcome_agrees_with_the_counts_and_damage_without_injuries_is_damage():
    [e] = events("On Sunday, gunmen attacked a checkpoint in the district. Police said two officers died "
                 "and three were wounded.")
    assert (e.fatalities, e.injured, e.outcome) == (2, 3, "deaths")
    assert one("On Sunday, gunmen attacked a checkpoint in the district. Police said two officers died.").outcome == "deaths"
    [e] = events("A car bomb exploded outside a bank on Saturday, damaging several shops but causing no injuries.")
    assert e.outcome == "damage"


def test_issue12_a_participle_without_its_auxiliary_counts_its_subject_as_victims():
    [e] = events("Four policemen were killed and two others injured when bandits ambushed a convoy on Sunday.")
    assert (e.fatalities, e.injured) == (4, 2)
