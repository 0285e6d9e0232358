"""An event's country comes from a place, the dateline or the article's places, not from a name
that only contains a country's ("Chad Okafor", "the Niger Delta": #s10 kind 1) nor from the
nationality of what was hit ("a U.S. MQ-9", "a U.S. patrol": #s10 kind 3).
Invented articles of several regions and wordings, through every per-document stage."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from transforms import batch
from transforms.event_dates import Window
from transforms.tables import build_tables

TODAY = dt.date(2026, 11, 30)


def rows(text: str) -> list[tuple[str | None, str | None]]:
    data = text.encode()
    files = [batch.SourceFile("a.txt", hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
    assert not rejected
    events = build_tables(drafts, [], "r1", "v", dt.datetime(2026, 11, 30))["attack_events"].to_pylist()
    return [(e["country_code"], e["location_id"]) for e in events]


@pytest.mark.parametrize("text, country", [
    ("Published: June 12, 2026\n\nMilitants killed Jordan Mwangi, a teacher, in an attack on a school in Mandera "
     "on Tuesday, police said.\n", "KE"),
    ("Published: April 10, 2026\n\nRebels attacked fishing boats on the Congo River near Mbandaka on Wednesday, "
     "killing four fishermen, local officials said.\n", "CD"),
    ("Published: November 26, 2026\n\nGunmen shot dead Chad Okafor, a local councillor, in Maiduguri on Tuesday.\n", "NG"),
    # "the Jordan Valley town of X": no town named Jordan abroad (Jordan, Minnesota) is looked up
    ("Published: November 10, 2026\n\nAn explosion at a checkpoint near the Jordan Valley town of Jericho on Monday "
     "wounded two police officers.\n", "PS"),
    # a lake or river near a town the gazetteer places: one scene, the town's
    ("Published: April 10, 2026\n\nGunmen attacked a boat on Lake Victoria near Kisumu on Wednesday, killing four "
     "fishermen, police said.\n", "KE"),
])
def test_a_country_inside_a_name_is_no_place_of_the_event(text, country):
    assert [cc for cc, _ in rows(text)] == [country]


def test_a_demonym_before_people_does_not_give_the_country_of_the_place_after_them():
    # "a convoy of American soldiers near the village of X": whose soldiers, not whose village (the
    # article's country, when only actors' demonyms name it, is another rule: test_geo #14)
    found = rows("Published: May 4, 2026\n\nGunmen ambushed a bus carrying Ugandan traders near the village of "
                 "Kiwumu in Kenya on Monday, killing two of them, police said.\n")
    assert [cc for cc, _ in found] == ["KE"]


def test_a_possession_of_a_country_makes_no_row_beside_the_place():
    found = rows("Published: September 9, 2026\n\nHouthi fighters shot down a U.S. MQ-9 Reaper drone over Marib "
                 "province on Thursday, the group said.\n")
    assert [cc for cc, _ in found] == ["YE"]


def test_a_place_in_the_country_stays():
    found = rows("Published: March 2, 2026\n\nA roadside bomb hit a patrol of Malian soldiers near Gao on Monday, "
                 "killing three, the army said.\n")
    assert [cc for cc, _ in found] == ["ML"]
