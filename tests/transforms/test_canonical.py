from transforms.canonical import clean_span, person_key, place_entity, strip_title
from transforms.entities import default_matcher
from transforms.ner import NerSpan, find_names


def test_titles_are_stripped_from_the_canonical_name():
    assert strip_title("Brig. Gen. Pat Ryder") == "Pat Ryder"
    assert strip_title("President Joe Biden") == "Joe Biden"


def test_nicknames_share_the_key_of_the_formal_name():
    assert person_key("Pat Smith") == person_key("Patrick Smith") == "person:patrick-smith"


def test_leading_article_and_possessive_are_not_part_of_a_name():
    text = "the Rapid Support Forces's men"
    start, end = clean_span(text, 0, 26)
    assert text[start:end] == "Rapid Support Forces"


def test_unknown_places_get_country_and_coordinates_from_geonames():
    e = place_entity("Omdurman", "GPE")
    assert e.country_code == "SD" and e.latitude and e.entity_id.startswith("gpe:geonames-")
    assert place_entity("Kiryat Shmona", "GPE").country_code == "IL"  # a GeoNames alternate name


def test_countries_resolve_to_iso_codes():
    assert place_entity("Myanmar", "GPE").entity_id == "gpe:mm"


def test_ner_finds_names_the_gazetteer_lacks_and_links_their_surnames():
    text = "Regional governor Oleksandr Prokudin said on Friday. Prokudin added that Kherson was shelled."
    [spans] = find_names([text])
    mentions, new = default_matcher().resolve(text, spans)
    people = {(m.entity_id, m.surface) for m in mentions if m.entity_id.startswith("person:")}
    assert people == {("person:oleksandr-prokudin", "Oleksandr Prokudin"), ("person:oleksandr-prokudin", "Prokudin")}
    assert new["person:oleksandr-prokudin"].entity_type == "PERSON"


def test_an_acronym_defined_in_parentheses_is_the_same_organisation():
    """An organisation no data file knows (invented): its acronym, defined in parentheses, is it."""
    text = "The Coastal Defence Brigade (CDB) shelled the city. The CDB denied it."
    mentions, _ = default_matcher().resolve(text, [NerSpan(4, 27, "Coastal Defence Brigade", "ORG")])
    ids = {m.entity_id for m in mentions if m.surface in ("CDB", "Coastal Defence Brigade")}
    assert ids == {"org:coastal-defence-brigade"}
    assert sum(m.surface == "CDB" for m in mentions) == 2


def test_a_known_groups_name_and_acronym_are_one_entity():
    """transforms/data/en/armed_groups.jsonl names the group: the name and the acronym are its one id."""
    text = "The Rapid Support Forces (RSF) shelled the city. The RSF denied it."
    mentions, _ = default_matcher().resolve(text, [NerSpan(4, 24, "Rapid Support Forces", "ORG")])
    assert len({m.entity_id for m in mentions if m.surface in ("RSF", "Rapid Support Forces")}) == 1


def test_a_place_mislabelled_by_the_model_is_corrected_by_its_context():
    text = "Rockets hit the village of Aitaroun."
    mentions, new = default_matcher().resolve(text, [NerSpan(27, 35, "Aitaroun", "PERSON")])
    assert new[mentions[0].entity_id].entity_type == "GPE"


def test_a_dateline_city_in_capitals_is_a_mention():
    text = "BAGHDAD, Nov. 14 (Reuters) - Rockets hit."
    assert default_matcher().find(text)[0].surface == "BAGHDAD"


def test_weapons_the_model_calls_names_are_not_entities():
    text = "Katyusha rockets landed."
    mentions, new = default_matcher().resolve(text, [NerSpan(0, 8, "Katyusha", "GPE")])
    assert mentions == [] and new == {}


def test_groups_that_split_from_one_another_keep_their_own_ids():
    """The FARC, its dissidents and the dissident groups that took names of their own (Estado
    Mayor Central, Segunda Marquetalia) are different armed groups (armed_groups.jsonl), as the
    ELN is not the FARC: an alias of one never names another."""
    text = ("The ELN and the Estado Mayor Central (EMC) blamed each other; the FARC-EP signed the 2016 deal, "
            "FARC dissidents did not, and Segunda Marquetalia left it in 2019. The EMC denied it.")
    ids = {m.surface: m.entity_id for m in default_matcher().find(text)}
    assert ids == {"ELN": "org:eln", "Estado Mayor Central": "org:farc-emc", "EMC": "org:farc-emc",
                   "FARC-EP": "org:farc", "FARC dissidents": "org:farc-dissidents",
                   "Segunda Marquetalia": "org:segunda-marquetalia"}
