"""Every rule of transforms/data/en/ runs its own example sentence (#12): knowledge as data,
each line checked by the engine that reads it."""

from __future__ import annotations

import pytest

from transforms.acled_types import target_kind, target_nouns, type_attack
from transforms.attack_detect import read_sentence
from transforms.attack_lexicon import lexicon
from transforms.attack_parse import parse_sentences
from transforms.attack_rules import rules
from transforms.attack_weapons import weapons_of
from transforms.attacks import parse_candidates
from transforms.resources import jsonl

from tests.transforms.test_attacks import events


def lines(name: str) -> list[dict]:
    return list(jsonl(f"en/{name}"))


def read(text: str):
    [doc] = parse_sentences([text])
    clauses, dropped = read_sentence(doc, rules())
    return doc, clauses, dropped


@pytest.mark.parametrize("rule", lines("attack_triggers.jsonl"), ids=lambda r: f"{r['lemma']}-{r['kind']}")
def test_each_trigger_finds_an_attack_in_its_example(rule):
    _, clauses, _ = read(rule["example"])
    assert any(c.lemma == rule["lemma"] and c.kind == rule["kind"] for c in clauses), clauses


@pytest.mark.parametrize("rule", lines("attack_cues.jsonl"), ids=lambda r: r["reason"])
def test_each_cue_cancels_the_attack_of_its_example(rule):
    _, clauses, dropped = read(rule["example"])
    assert clauses == [] and any(d.reason == rule["reason"] for d in dropped), dropped


@pytest.mark.parametrize("rule", [r for r in lines("attack_cues.jsonl") if r.get("kept_example")],
                         ids=lambda r: r["reason"])
def test_a_cue_on_the_outcome_keeps_the_attack_of_its_kept_example(rule):
    _, clauses, dropped = read(rule["kept_example"])
    assert clauses and not any(d.reason == rule["reason"] for d in dropped), dropped


@pytest.mark.parametrize("rule", lines("nonviolent_senses.jsonl"), ids=lambda r: f"{r['sense']}-{r['test']}")
def test_each_non_violent_sense_leaves_no_attack_in_its_example(rule):
    _, clauses, dropped = read(rule["example"])
    assert clauses == [] and any(d.reason.startswith("non-violent sense") for d in dropped), dropped


@pytest.mark.parametrize("rule", lines("attack_weapons.jsonl"), ids=lambda r: r["weapon"])
def test_each_weapon_pattern_matches_its_example(rule):
    assert rules().weapons[rule["weapon"]].search(rule["example"])
    if "not" in rule:  # a sentence whose look-alike word is no such weapon ("storage tanks")
        assert not rules().weapons[rule["weapon"]].search(rule["not"])


@pytest.mark.parametrize("rule", lines("acled_subtypes.jsonl"), ids=lambda r: r["example"][:30])
def test_each_acled_typing_rule_types_its_example(rule):
    doc, clauses, _ = read(rule["example"])
    unharmed = bool(lexicon().no_harm.search(rule["example"]))
    typing = type_attack(doc, clauses, weapons_of(doc, clauses, rules()), rules(), unharmed=unharmed)
    assert (typing.event_type, typing.sub_event_type, typing.attack) == \
        (rule["event_type"], rule["sub_event_type"], rule.get("attack", True))


@pytest.mark.parametrize("rule", lines("attack_targets.jsonl"), ids=lambda r: f"{r['kind']}-{r.get('test', 'head')}")
def test_each_target_kind_rule_reads_its_example(rule):
    doc, clauses, _ = read(rule["example"])
    assert target_kind(doc, clauses, rules()) == rule.get("example_kind", rule["kind"])


def test_the_pre_filter_lets_every_trigger_example_through():
    for rule in lines("attack_triggers.jsonl"):
        assert rules().candidate.search(rule["example"]), rule["example"]


@pytest.mark.parametrize("rule", lines("note_labels.jsonl"), ids=lambda r: r["kind"])
def test_a_note_labelled_with_another_kind_of_event_yields_no_attack(rule):
    label, _, note = rule["example"].partition(": ")
    assert label.lower() in rule["label"]
    assert events(rule["example"]) == []
    assert events(note), "without its label the note must report an attack, or the example tests nothing"


@pytest.mark.parametrize("headline", [
    "Suspected militants target police post with a roadside bomb near the border",
    "Bandits attack herders at a watering point, killing two",
    "Rocket attack on refinery wounds three workers",
    "Gunmen fire on a minibus outside the capital; one dead",
    "Rebels throw grenade into crowded bar in the port city",
    "Armed group fire mortar rounds towards army base in the north",
    "Suspected bandit gang target police with an IED near the border",
])
def test_a_headline_in_the_present_tense_reports_an_attack(headline):
    assert events(headline), headline


def test_a_headline_is_read_on_its_own_words():
    text = "Suspected bandit gang target police with an IED near the border"
    [doc] = parse_candidates([text], [[(0, len(text))]], [0])[0].values()
    assert doc.text == text and doc[3].tag_ == "VBD" and doc[3].lemma_ == "target" and doc[3].head.i == 3


@pytest.mark.parametrize("text, target", [
    ("Militants attacked the village on Monday, killing two farmers.", "village"),
    ("Gunmen opened fire at dawn on a minibus near the town.", "minibus"),
    ("Rebels shelled on 3 May the army post at the bridge.", "post"),
    ("Bandits attacked at night a school in the district.", "school"),
])
def test_a_time_is_no_target(text, target):
    doc, clauses, _ = read(text)
    assert [t.text for t in target_nouns(doc, clauses)][:1] == [target]


@pytest.mark.parametrize("rule", lines("attack_roles.jsonl"), ids=lambda r: r["rule"])
def test_each_role_rule_names_the_attacker_of_its_example(rule):
    from transforms.entities import default_matcher

    text = rule["example"]
    [role] = [r for r in lexicon().roles if r.rule == rule["rule"]]
    assert [m.entity_id for m in default_matcher().find(text) if role.names(text, 0, m)][:1] == [rule["attacker"]]
    assert events(text)[0].attacker_id == rule["attacker"]


@pytest.mark.parametrize("rule", lines("armed_groups.jsonl"), ids=lambda r: r["id"])
def test_each_armed_group_is_the_attacker_of_its_example(rule):
    assert rule["id"] in [e.attacker_id for e in events(rule["example"])]


@pytest.mark.parametrize("surface", ["al-Shabaab", "Al Shabaab", "AL-SHABAAB", "al shabaab", "Al-Shabab"])
def test_an_armed_group_is_named_whatever_its_case_and_hyphens(surface):
    from transforms.entities import default_matcher

    text = f"Fighters of {surface} attacked the town."
    assert [(m.entity_id, m.surface) for m in default_matcher().find(text)] == [("org:al-shabaab", surface)]


def test_an_armed_groups_acronym_matches_only_as_written():
    from transforms.entities import default_matcher

    assert [m.entity_id for m in default_matcher().find("RSF fighters shelled the market.")] == ["org:rsf"]
    assert default_matcher().find("The rsf value was low.") == []
    # "pro-Shabaab", "anti-boko haram": a stance, not the group
    assert [m.entity_id for m in default_matcher().find("Pro-shabaab and anti-boko haram voices.")] == []


def test_a_groups_name_that_is_also_a_surname_needs_the_noun_news_puts_after_it():
    from transforms.entities import default_matcher

    assert [m.entity_id for m in default_matcher().find("Wagner mercenaries killed 12 villagers.")] == ["org:wagner"]
    assert "org:wagner" not in [m.entity_id for m in default_matcher().find("Senator Ann Wagner said on Monday.")]


def test_armed_groups_countries_have_one_source_armed_groups_jsonl():
    """data/country_evidence.csv lists no armed group: no row of kind group and no alias that
    armed_groups matches (their countries are armed_groups.jsonl's); a group's name it matches only
    with a noun after it ("Fano") may stay, with the same countries."""
    from transforms import armed_groups
    from transforms.armed_groups import caseless_key
    from transforms.resources import csv_rows

    known = {caseless_key(k): v for k, v in armed_groups.country_evidence().items()}
    assert known
    rows = csv_rows("country_evidence.csv")
    assert [r["aliases"] for r in rows if r["kind"] == "group"] == []
    aliases = [(a, r["country_code"]) for r in rows for a in r["aliases"].split("|")]
    assert [a for a, _ in aliases if caseless_key(a) in armed_groups.caseless_aliases()
            or a in armed_groups.exact_aliases()] == []
    for alias, codes in aliases:
        if caseless_key(alias) in known:
            assert set(known[caseless_key(alias)]) == set(codes.split("|")), alias
