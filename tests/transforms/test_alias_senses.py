"""Shared acronyms, names set out as one, peoples and armed groups' compounds (transforms/alias_senses.py,
transforms/entities.py, data/en/armed_groups.jsonl, data/gazetteer.csv): invented sentences."""

import pytest

from tests.helpers import ner_spans
from transforms import armed_groups
from transforms.alias_senses import defined_name, initials_spell
from transforms.entities import default_matcher
from transforms.ner import NerSpan


def ids(text, *given):
    return [(m.surface, m.entity_id) for m in default_matcher().resolve(text, ner_spans(text, given))[0]]


def test_a_shared_acronym_is_listed_under_each_group_first_its_usual_sense():
    assert armed_groups.shared_acronyms()["ADF"][0] == "org:adf"
    assert "org:ambazonia-defence-forces" in armed_groups.shared_acronyms()["ADF"]
    assert armed_groups.exact_aliases()["ADF"] == "org:adf"  # country evidence reads the usual sense


def test_a_shared_acronym_is_the_group_of_the_articles_countries():
    cameroon = "ADF fighters burned a school in Bamenda, Cameroon, on Thursday."
    assert ("ADF", "org:ambazonia-defence-forces") in ids(cameroon)
    uganda = "The ADF attacked a village in Uganda's Kasese district, officials in Uganda said."
    assert ("ADF", "org:adf") in ids(uganda)
    # nothing to tell: the usual sense
    assert ("ADF", "org:adf") in ids("ADF rebels killed 14 villagers with machetes on Friday.")


def test_an_acronym_spelled_out_in_the_article_is_that_group_whatever_the_countries():
    text = "A faction of the Ambazonia Defence Forces (ADF) is accused; ADF commanders deny it, a lawyer in Uganda said."
    got = ids(text)
    assert [g for s, g in got if s == "ADF"] == ["org:ambazonia-defence-forces"] * 2


@pytest.mark.parametrize("acronym, name, spelled", [
    ("ADF", "Ambazonia Defence Forces", True),
    ("OHCHR", "Office of the High Commissioner for Human Rights", True),
    ("MSF", "Medecins Sans Frontieres", True),
    ("ADF", "Allied Forces", False),
])
def test_initials_spell_an_acronym(acronym, name, spelled):
    assert initials_spell(acronym, name) is spelled


def test_a_country_inside_a_name_set_out_with_its_acronym_is_no_mention_of_the_country():
    text = "The Armed Forces of Liberia Veterans Association (AFLVA) held a march in Monrovia."
    got = ids(text, ("The Armed Forces of Liberia Veterans Association", "ORG"))
    assert "gpe:lr" not in [g for _, g in got]
    text = "Former fighters of the National Liberation Front of Angola (FNLA) were disarmed."
    assert "gpe:ao" not in [g for _, g in ids(text, ("the National Liberation Front of Angola", "ORG"))]
    # without its acronym a place inside an organisation's name stays a place: where it happened
    text = "A reporter of Radio Mogadishu Voice was shot."
    assert defined_name(text, text.index("Radio"), text.index(" was")) is False


def test_an_outlet_credited_in_parentheses_is_one_name_wherever_it_is_named_again():
    text = "GAO, Mali (Sahel Courier) - Gunmen attacked a bus.\n\n(Reporting by Sahel Courier staff)"
    assert ("Sahel", "loc:sahel") in ids("Gunmen roam the Sahel.")
    at = text.rindex("Sahel Courier")
    ner = [NerSpan(text.index("Sahel Courier"), text.index("Sahel Courier") + 13, "Sahel Courier", "ORG"),
           NerSpan(at, at + 13, "Sahel Courier", "PERSON")]  # the model's reading of the sign-off
    got = [(m.surface, m.entity_id) for m in default_matcher().resolve(text, ner)[0]]
    assert "loc:sahel" not in [g for _, g in got]
    assert [s for s, g in got if g == "org:sahel-courier"] == ["Sahel Courier", "Sahel Courier"]


@pytest.mark.parametrize("text, group", [
    ("An al-Qaeda-linked cell claimed the bombing.", "org:al-qaeda"),
    ("The al-Shabaab-run court sentenced two men.", "org:al-shabaab"),
    ("Comandos de la Frontera gunmen attacked a river patrol near Puerto Leguízamo.", "org:comandos-de-la-frontera"),
])
def test_a_group_named_in_an_affiliation_compound_or_newly_listed_is_found(text, group):
    assert group in [g for _, g in ids(text)]


def test_a_group_inside_a_longer_hyphenated_name_is_not_found_alone():
    assert "org:al-shabaab" not in [g for _, g in ids("Pro-shabaab voices and an al-shabaab-kenya faction.")]


@pytest.mark.parametrize("text, people", [
    ("Clashes between Meitei and Kuki villagers left three dead.", ["norp:meitei", "norp:kuki"]),
    ("Fulani herders and Dogon hunters clashed near Bankass.", ["norp:fulani"]),
    ("Hazara shopkeepers were targeted in Quetta.", ["norp:hazara"]),
])
def test_a_people_is_a_norp(text, people):
    got = [g for _, g in ids(text)]
    assert all(p in got for p in people)


def test_a_media_arm_of_an_armed_group_is_an_organisation():
    got = ids("The claim was published by Amaq News Agency and relayed by az-Zallaqa.")
    assert [g for _, g in got] == ["org:amaq", "org:az-zallaqa"]
