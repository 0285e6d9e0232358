"""Kinds of fault of the unseen5 measurement (session 11), on invented articles of other regions,
outlets and wordings:

- a bulleted or terse line the tagger reads as one noun phrase ("Al-Shabaab fired mortar rounds
  at ...") is still a report (`transforms.attack_misread`);
- a country named as the owner of an institution ("Ukraine's Security Service") is no place of
  the attack, so a claim of the strike just told is no attack in that country
  (`transforms.institution_owner`);
- air defences that shot down more of the salvo just told, with no day or place of their own,
  are that attack, not another (`transforms.attack_interceptions`)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.transforms.test_missed_attacks import events
from transforms.entities import Mention
from transforms.institution_owner import owns_institution


@pytest.mark.parametrize("body, weapon", [
    ("SECURITY UPDATE\n\n- Lower Shabelle: Al-Shabaab fired mortar rounds at an army base near Afgoye on 9 September, "
     "wounding three soldiers.\n- Gedo: Aid convoys resumed on Wednesday.", "mortar"),
    ("Incidents\n\n- Hiran: Al-Shabaab fired mortar rounds at a police station in Beledweyne on 8 September, injuring "
     "four officers.", "mortar"),
])
def test_a_line_read_as_one_noun_phrase_is_still_a_report(body, weapon):
    [e] = events(body)
    assert weapon in e.weapons and e.country_code in ("SO", "NG")


@pytest.mark.parametrize("sentence, misread", [
    ("Hiran: Al-Shabaab fired mortar shells at a police station in Beledweyne on 8 September.", "fired"),
    ("Militants fired mortar rounds at an army base near Afgoye on 9 September.", None),
    ("The dismissed workers protested outside the factory in Lagos.", None),
])
def test_the_misread_participle_is_found_only_where_the_sentence_has_no_verb(sentence, misread):
    from transforms.attack_misread import misread_participle
    from transforms.attack_parse import parse_sentences
    from transforms.attack_rules import rules
    doc = parse_sentences([sentence])[0]
    i = misread_participle(doc, rules())
    assert (doc[i].text if i is not None else None) == misread


@pytest.mark.parametrize("text, name, owner", [
    ("A source in Ukraine's Security Service said its drones hit the depot.", "Ukraine", True),
    ("Russia's Defence Ministry said 40 drones were destroyed.", "Russia", True),
    ("Nigeria's Department of State Services arrested two men.", "Nigeria", True),
    ("Kenya's Defence Forces said the camp was shelled.", "Kenya", True),
    ("Drones struck a refinery in Russia's Krasnodar region.", "Russia", False),
    ("Gunmen abducted farmers in Nigeria's Sokoto state.", "Nigeria", False),
])
def test_a_country_owning_an_institution_is_not_a_place(text, name, owner):
    i = text.index(name)
    assert owns_institution(text, Mention("gpe:x", name, i, i + len(name))) is owner


def test_a_claim_naming_the_attackers_country_institution_is_no_new_attack():
    [e] = events("Ukrainian drones struck an oil depot in Russia's Bryansk region early on Sunday, starting a fire, "
                 "the regional governor said.\n\n"
                 "An official in Ukraine's Main Intelligence Directorate said the agency's drones had carried out the strike.")
    assert e.country_code == "RU"


@pytest.mark.parametrize("body", [
    "Houthi drones struck a power station in Marib on Tuesday night, killing two guards.\n\n"
    "The Saudi-led coalition said its air defences had intercepted several other drones over the city.",
    "Russian drones hit an apartment block in Sumy on Friday, wounding five people. Ukraine's Air Force said "
    "air defences had shot down more drones over the region.",
])
def test_air_defences_downing_more_of_the_salvo_are_the_same_attack(body):
    [e] = events(body)
    assert e.outcome in ("deaths", "injuries") and "drone" in e.weapons


def test_an_interception_with_its_own_day_and_town_stays_an_event():
    assert len(events("Houthi drones struck a power station in Marib on Tuesday night, killing two guards.\n\n"
                      "Air defences in Jazan intercepted three drones aimed at the airport on Thursday.")) == 2


def test_an_attack_named_by_its_day_is_the_one_told_not_the_one_it_is_compared_with():
    [e] = events("Gunmen killed four farmers near Mopti on Saturday, local officials said.\n\n"
                 "Saturday's attack was the deadliest in the region since jihadists raided a market in Djenne "
                 "in the spring of last year.")
    assert e.location_id != "gpe:djenne" and e.outcome == "deaths"


def test_an_attack_named_by_another_day_stays_apart():
    assert len(events("Gunmen killed four farmers near Mopti on Friday.\n\n"
                      "Sunday's bombing of a bus station in Gao killed six people.")) == 2


@pytest.mark.parametrize("sentence", [
    "According to figures compiled by the state police, 412 soldiers and police officers have been killed in "
    "militant attacks in the region since January.",
    "Some 95 herders or farmers have been killed in communal clashes in the state this year, officials said.",
])
def test_a_toll_of_two_kinds_of_dead_since_a_day_is_a_tally(sentence):
    from transforms.tallies import is_tally_sentence
    assert is_tally_sentence(sentence)
    assert events("Gunmen killed two soldiers at a checkpoint near Bannu on Monday.\n\n" + sentence +
                  " The governor chaired a security meeting in Peshawar on Wednesday.")[1:] == []


def test_a_retelling_that_names_the_town_a_road_leads_to_is_the_attack_told():
    [e] = events("Five police officers were killed on Monday when gunmen ambushed their convoy near Tepalcatepec, "
                 "in Michoacan state.\n\n"
                 "The officers were on patrol on the highway that leads to Uruapan when they were attacked with rifles "
                 "from a ridge. The aggressors also dropped explosives from a drone on the vehicles.")
    assert e.outcome == "deaths"


def test_a_place_after_community_of_is_never_the_attacker():
    [e] = events("Two soldiers were killed on Tuesday after being ambushed by an armed group in the community of "
                 "El Alcalde, in the municipality of Coalcoman.")
    assert e.attacker_id is None or "alcalde" not in e.attacker_id


@pytest.mark.parametrize("body", [
    "Al-Shabaab fighters stormed a police post in Jowhar on Monday, killing three officers.\n\n"
    "The group, which has fought the government since 2007, did not comment. In a statement on its radio station, "
    "it accused the army of shelling a village near Balcad on the same day.",
    "Ukraine accused Russia of shelling a hospital in Kherson on Tuesday.",
])
def test_an_attack_told_as_one_sides_accusation_is_a_disputed_event(body):
    alleged = [e for e in events(body) if e.evidence.startswith(("In a statement", "Ukraine accused"))]
    assert len(alleged) == 1 and alleged[0].disputed


@pytest.mark.parametrize("body", [
    "Police accused two men of the bombing of the market.",
    "Police accused two men of bombing churches.",
])
def test_an_accusation_of_no_placed_or_dated_attack_is_no_event(body):
    assert events(body) == []


def _undated(body: str) -> list:
    import hashlib

    from transforms import batch
    from transforms.event_dates import Window
    today = dt.date(2026, 11, 1)
    data = f"Court report\n\n{body}\n".encode()
    files = [batch.SourceFile("u.txt", hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, today, Window.of_run_day(today))
    assert not rejected
    return list(drafts[0].events)


def test_an_undated_story_that_labels_an_attack_by_its_year_tells_it_as_history():
    body = ("A high court in Abuja on Thursday convicted three men over the 2019 bombing of a mosque in Mubi.\n\n"
            "On 12 March 2019, a suicide bomber blew himself up in the mosque during prayers, killing 14 worshippers.\n\n"
            "Relatives of the victims said the verdict came too late.")
    assert _undated(body) == []


def test_a_year_label_bounds_an_undated_window_below():
    from transforms.year_labels import years_over
    assert years_over("over the 2019 bombing of a mosque", dt.date(2026, 1, 1)) == [dt.date(2020, 1, 1)]
    assert years_over("the 2014 Chibok school kidnapping", dt.date(2026, 1, 1)) == [dt.date(2015, 1, 1)]
    assert years_over("the 2026 budget and the 2030 attack plans", dt.date(2026, 1, 1)) == []


def test_a_state_term_for_a_group_names_that_group():
    [e] = events("On 3 October, khwarij of Fitna al Khawarij attacked a police post in Lakki Marwat district.")
    assert e.attacker_id == "org:ttp"


def test_a_military_press_release_death_wording_is_deaths():
    [e] = events("On 3 October, terrorists attacked a checkpoint in Bannu district. Two soldiers embraced shahadat.")
    assert e.outcome == "deaths"


def test_a_group_blamed_with_a_ban_adjective_is_the_attacker():
    [e] = events("Gunmen attacked a police station in Dera Ismail Khan on Monday, killing two officers. No group claimed "
                 "the attack, but police blamed the outlawed Baloch Liberation Army.")
    assert e.attacker_id == "org:bla"


def test_an_attack_carried_out_by_cells_of_a_group_is_that_groups():
    [e] = events("Police officers were ambushed near Aguililla on Tuesday, killing three. The attack was carried out by "
                 "cells of the CJNG, officials said.")
    assert e.attacker_id == "org:cjng"


@pytest.mark.parametrize("sentence, kept", [
    ("On 3 March, a Russian missile hit the regional children's hospital in Kharkiv, as part of a wider strike on the "
     "city.", True),
    ("The opposition leader attacked the minister as weak and out of touch.", False),
])
def test_a_missile_that_hit_a_target_as_part_of_a_strike_is_no_criticism(sentence, kept):
    from transforms.attack_detect import read_sentence
    from transforms.attack_parse import parse_sentences
    from transforms.attack_rules import rules
    clauses, _ = read_sentence(parse_sentences([sentence])[0], rules())
    assert bool(clauses) is kept


@pytest.mark.parametrize("body, attacker", [
    ("A roadside bomb struck an army convoy near Kidal on Monday, killing four soldiers. JNIM, the Sahel branch of "
     "al-Qaeda, claimed responsibility for the attack.", "org:jnim"),
    ("Drones struck a base near Erbil on Sunday. The Islamic Resistance in Iraq, an alliance of armed factions, claimed "
     "the attack.", "org:islamic-resistance-in-iraq"),
])
def test_a_claim_with_an_apposition_after_the_group_names_the_attacker(body, attacker):
    [e] = events(body)
    assert e.attacker_id == attacker


def test_the_same_day_points_back_past_a_duration_and_a_baseline_to_the_news_day():
    alleged = [e for e in events(
        "Al-Shabaab fighters stormed a police post in Jowhar on Monday, a day after a truce ended, killing three "
        "officers.\n\nThe group, which has fought the government since 2007, did not comment. In a statement on its "
        "radio station, it accused the army of shelling a village near Balcad on the same day.")
        if e.evidence.startswith("In a statement")]
    assert [(e.date_min, e.date_max) for e in alleged] == [(dt.date(2026, 10, 12), dt.date(2026, 10, 12))]
