"""Places and event countries, session 11 kinds (#14): spellings and exonyms of cities, a country's
possessive without its apostrophe, features several countries share, a transcript's country speaker
labels, forces that serve abroad, and the "Town (District, Province)" convention with homonyms.
Invented sentences of several regions, outlets and wordings, through every per-document stage."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from transforms import batch, speaker_labels
from transforms.event_dates import Window
from transforms.gazetteer import load_gazetteer
from transforms.geonames import spells_its_name
from transforms.nested_names import is_shared
from transforms.tables import build_tables

TODAY = dt.date(2026, 11, 30)


def rows(text: str) -> list[dict]:
    data = f"Published: November 26, 2026\n\n{text}\n".encode()
    files = [batch.SourceFile("a.txt", hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
    assert not rejected
    return build_tables(drafts, [], "r1", "v", dt.datetime(2026, 11, 30))["attack_events"].to_pylist()


def test_a_spelling_or_an_exonym_of_a_city_is_that_city_even_beside_an_attackers_demonym():
    # kind 1: "Kharkov", "Kiev" are GeoNames alternate names of Kharkiv and Kyiv that spell the same name
    assert spells_its_name("Kharkiv", "Kharkov") and spells_its_name("Kyiv", "Kiev")
    assert spells_its_name("Mykolayiv", "Mykolaiv") and not spells_its_name("Mykolayiv", "Nikolaev")
    for text, admin1 in [
        ("Russian artillery killed three people in Kharkov on Tuesday, the regional governor said.", "Kharkivska oblast"),
        ("A Russian drone hit a power station in Zaporizhia on Sunday, local officials said.", "Zaporizka oblast"),
        ("Russian missiles struck Odesa overnight, wounding six people, the mayor said.", "Odeska oblast"),
    ]:
        found = rows(text)
        assert [(e["country_code"], e["admin1"]) for e in found] == [("UA", admin1)], text


@pytest.mark.parametrize("text, country, admin1", [
    ("Bandits killed four herders in Nigerias Katsina state on Wednesday, police said.", "NG", "Katsina"),
    ("A roadside bomb wounded two soldiers in Malis Mopti region on Friday.", "ML", "Mopti"),
    ("Gunmen torched a bus and shot dead its driver in Kenyas Marsabit county on Tuesday.", "KE", "Marsabit"),
])
def test_a_countrys_possessive_without_apostrophe_is_the_country_and_the_name_after_it_stays(text, country, admin1):
    # kind 4: hasty copy and event notes drop the apostrophe
    found = rows(text)
    assert [(e["country_code"], e["admin1"]) for e in found] == [(country, admin1)]


def test_no_possessive_alias_is_made_of_a_plural_or_an_acronym():
    aliases = {a for e in load_gazetteer().values() if e.is_country for a in e.aliases}
    assert {"Kenyas", "Nigerias", "Somalias"} <= aliases
    assert "Philippiness" not in aliases and "UAEs" not in aliases


def test_a_feature_several_countries_share_gives_no_country_by_its_name():
    # kind 3: the lake is no evidence; the officials' demonym, or nothing, decides
    assert is_shared("Lake Chad") and is_shared("the Sahel") and not is_shared("Lake Toba")
    assert [e["country_code"] for e in rows(
        "Jihadists raided a fishing camp on Lake Chad near Kangarwa on Thursday, killing seven fishermen, "
        "Nigerien officials said.")] == ["NE"]
    assert [e["country_code"] for e in rows(
        "Gunmen attacked a ferry on Lake Victoria near Bukakata on Monday, killing two, Ugandan police said.")] == ["UG"]
    # a group of four countries at the lake names none of them
    assert [e["country_code"] for e in rows(
        "Boko Haram fighters overran an army post on an island of Lake Chad near Kaiga Kindjiria on Sunday, "
        "killing five soldiers.")] == [None]


def test_a_transcripts_country_labels_are_speakers_not_places():
    # kind 2: the delegations of a Security Council record; the statement line is no place of the strike
    text = ("Record of the Security Council meeting\n\n"
            "SUDAN: Militia fighters shelled El Obeid on Sunday, killing nine civilians.\n"
            "UNITED KINGDOM: We condemn these attacks and call for a ceasefire.\n")
    assert len(speaker_labels.speaker_spans(text)) == 2
    found = rows(text)
    assert [e["country_code"] for e in found] == ["SD"]
    assert found[0]["location_id"] != "gpe:gb"
    # a roundup's or dateline's lead in capitals (no first person) is no transcript
    assert speaker_labels.speaker_spans("QUETTA: A bomb killed two.\nKARACHI: Police said three died.\n") == []


@pytest.mark.parametrize("text, country", [
    ("Jihadists ambushed French soldiers near the hamlet of Inwelane on Monday, killing one.", None),
    ("Insurgents fired on a convoy of Rwandan troops near the village of Ntchinga Sede on Monday.", None),
    ("A US drone strike killed three militants near the hamlet of Bulo Fulaay Dheere on Sunday.", None),
    # a local force's demonym stays the country
    ("Militants ambushed Burkinabe soldiers near the hamlet of Inwelane on Monday, killing one.", "BF"),
    ("Gunmen attacked Somali police near the hamlet of Bulo Fulaay Dheere on Sunday, killing two officers.", "SO"),
])
def test_the_demonym_of_forces_serving_abroad_is_not_the_country_of_the_place(text, country):
    # kind 5
    assert [e["country_code"] for e in rows(text)] == [country]


def test_a_village_beside_forces_serving_abroad_is_placed_in_its_own_country():
    found = rows("Russian troops shelled the village of Vovchansk on Monday, killing two residents.")
    assert [(e["country_code"], e["admin1"]) for e in found] == [("UA", "Kharkivska oblast")]


@pytest.mark.parametrize("text, country, admin1", [
    # kind 6: the bracketed district and province choose among homonyms; an unknown town takes its area
    ("Unknown gunmen killed three farmers in San Miguel (Tumaco, Narino) on Monday.", "CO", "Nariño"),
    ("Armed men abducted and killed a teacher in Kalaymyo (Kale, Sagaing) on Tuesday.", "MM", "Sagaing"),
    ("Gunmen shot dead two traders in Maliya village (Gao, Gao) on Friday.", "ML", "Gao"),
])
def test_a_town_with_its_district_and_province_lies_in_them(text, country, admin1):
    found = rows(text)
    assert [(e["country_code"], e["admin1"]) for e in found] == [(country, admin1)]
    assert found[0]["geo_precision"] in (1, 2)
