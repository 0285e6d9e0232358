"""A country's name inside a longer person's or place's name is no mention of the country (#s10 kind 1)."""

import pytest

from transforms import ner
from transforms.entities import default_matcher


def _mentions(text: str) -> dict[str, str]:
    spans = ner.find_names([text])[0]
    found, _ = default_matcher().resolve(text, spans)
    return {m.surface: m.entity_id for m in found}


@pytest.mark.parametrize("text, name, country", [
    ("Gunmen shot dead Jordan Mwangi, a teacher, in Mandera on Tuesday, police said.", "Jordan Mwangi", "Jordan"),
    ("Rebels attacked fishing boats on the Congo River near Mbandaka on Wednesday.", "Congo River", "Congo"),
    ("Militants blew up a pipeline in the Niger Delta, the company said.", "Niger Delta", "Niger"),
    ("Police said Chad Okafor, a councillor, was killed in Maiduguri.", "Chad Okafor", "Chad"),
])
def test_country_inside_a_longer_name_is_the_longer_name(text, name, country):
    found = _mentions(text)
    assert country not in found
    assert name in found


@pytest.mark.parametrize("text, country, code", [
    ("Gunmen killed two farmers in Northern Nigeria on Monday.", "Nigeria", "gpe:ng"),
    ("A bomb hit a market in Kabul, Afghanistan on Friday.", "Afghanistan", "gpe:af"),
    ("Troops repelled an attack in Mali on Sunday, the army said.", "Mali", "gpe:ml"),
])
def test_a_country_qualified_or_alone_stays_the_country(text, country, code):
    assert _mentions(text).get(country) == code


def test_the_true_place_is_kept_beside_a_persons_name():
    found = _mentions("Jordan Peterson, a Canadian aid worker, was shot dead by gunmen in Juba on Tuesday.")
    assert "Jordan" not in found and found.get("Jordan Peterson", "").startswith("person:")
    assert "Juba" in found
