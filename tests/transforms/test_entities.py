import datetime as dt

import pytest

from tests.helpers import attacks_in, tallies_in
from transforms.entities import default_matcher
from transforms.gazetteer import load_gazetteer


def found(text):
    return [(m.entity_id, m.surface) for m in default_matcher().find(text)]


def test_aliases_resolve_to_one_canonical_entity():
    ids = {e for e, _ in found("The U.S., the US and the United States of America said.")}
    assert ids == {"gpe:us"}


def test_matching_is_case_sensitive_so_us_the_pronoun_is_not_a_country():
    assert found("Tell us about it.") == []


def test_longest_alias_wins_and_nested_names_are_not_split():
    assert found("the Islamic Resistance in Iraq claimed it") == [("org:islamic-resistance-in-iraq", "Islamic Resistance in Iraq")]


def test_formal_titles_attach_to_person_mentions():
    assert found("Brig. Gen. Pat Ryder spoke.") == [("person:patrick-ryder", "Brig. Gen. Pat Ryder")]


def test_surname_alone_refers_to_the_person_named_earlier_in_the_article():
    assert found("Patrick Ryder spoke. Later Ryder added more.")[-1] == ("person:patrick-ryder", "Ryder")


def test_surname_alone_without_the_full_name_is_not_linked():
    assert found("Ryder added more.") == []


def test_hyphen_compounds_and_possessives_match_the_place():
    assert found("Iran-backed groups near Baghdad’s airport") == [("gpe:ir", "Iran"), ("gpe:baghdad", "Baghdad")]


def test_demonyms_are_norp_not_the_country():
    assert found("American troops") == [("norp:american", "American")]


def test_every_mention_offset_points_at_its_surface():
    text = "President Joe Biden met Kirby. John Kirby said IRGC and Kataib Hezbollah (KH) attacked Ain al-Asad."
    for m in default_matcher().find(text):
        assert text[m.start:m.end] == m.surface


def test_gazetteer_aliases_are_unique_across_curated_entities():
    from transforms.resources import csv_rows

    seen = {}
    for row in csv_rows("gazetteer.csv"):
        for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
            assert seen.setdefault(alias, row["entity_id"]) == row["entity_id"], alias


@pytest.mark.parametrize("entity_id", ["fac:ain-al-asad", "fac:al-tanf", "gpe:erbil", "fac:al-harir",
                                       "fac:victory-base", "fac:shaddadi", "fac:rumalyn", "fac:mss-euphrates"])
def test_places_of_the_conflict_carry_country_and_coordinates(entity_id):
    e = load_gazetteer()[entity_id]
    assert e.country_code and e.latitude is not None and e.longitude is not None


def test_every_curated_entity_type_is_in_the_contract_vocabulary():
    from sitrep.schema import contract

    assert {e.entity_type for e in load_gazetteer().values()} <= set(contract().vocabularies["entity_type"])


def test_a_title_joined_to_a_name_never_leaves_two_mentions_at_one_offset():
    from transforms.entities import Mention, _without_overlaps

    found = [Mention("gpe:a", "Sheikh", 10, 16), Mention("person:b", "Sheikh Omar Tarek", 10, 27),
             Mention("gpe:c", "Omar", 17, 21), Mention("org:d", "Tarek Group", 22, 33), Mention("gpe:e", "Aden", 40, 44)]
    kept = _without_overlaps(found)
    assert [(m.entity_id, m.start) for m in kept] == [("person:b", 10), ("gpe:e", 40)]
    assert len({m.start for m in kept}) == len(kept)


def test_word_matches_finds_what_the_whole_word_regex_finds():
    """`_word_matches` stands in for a per-article regex of the article's own names."""
    import random
    import re

    from transforms.entities import _ALIAS_END, _WORD, _word_matches

    rng = random.Random(5)
    pieces = ["Ali", "Ali Hassan", "Hassan", "al", "-", " ", "'", "’s", "s", "X", "Al-", "Hassan-Ali", ".", "Bob"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        words = rng.sample(["Ali", "Ali Hassan", "Hassan", "Bo", "Bob", "Al", "s"], rng.randint(1, 4))
        pattern = re.compile(rf"(?<!{_WORD})(?:{'|'.join(map(re.escape, words))}){_ALIAS_END}")
        assert _word_matches(text, words) == [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "Dosso: Gunmen on motorbikes killed four villagers on Saturday.",
    "Kayes: A bomb wounded two people at a market on Friday.",
    "The war monitor Kivu Security Barometer counted 41 attacks on schools since January.",
    "At least 900 civilians were killed last year, the Bangkok-based rights group Patani Peace Forum said.",
])
def test_find_returns_only_mentions_of_the_gazetteers_entities(text):
    # the text makes an entity of its own (a place heading a line, a described group's name): `resolve`
    # returns it with its mentions; `find` leaves it out, for its caller looks mentions up in the gazetteer
    matcher = default_matcher()
    mentions, new = matcher.resolve(text)
    assert new
    found = matcher.find(text)
    assert found == [m for m in mentions if m.entity_id not in new]
    assert all(m.entity_id in matcher.gazetteer for m in found)
    # so the rules read the text with the gazetteer alone, as the tests' callers of `find` do
    attacks_in(text, dt.date(2024, 5, 13))
    tallies_in(text, dt.date(2024, 5, 13))
