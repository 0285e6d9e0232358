"""Arson that hurts people (component `attacks`): a weak trigger marked `harm_after` in
data/en/attack_triggers.jsonl ("set fire to", "torched") whose clause names no weapon or harm is
an attack when the sentences after it in its paragraph, which report no attack of their own,
tell of people killed or hurt ("Settlers set fire to cars and two houses in the village overnight.
Three villagers were treated for injuries."), burns among them ("Two traders suffered severe
burns", "were badly burned": attack_words.json `burn_harm`); their toll is the arson's. With no
one hurt it stays property destruction, as ACLED codes it (Strategic developments:
Looting/property destruction; the dev notes)."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

from transforms.acled_types import kind_of, number_of, casualties
from transforms.attack_detect import Clause, Dropped, lemma_of, read_sentence
from transforms.attack_parse import parse_sentences
from transforms.attack_rules import Rules, _inflections, _path
from transforms.resources import data_text

_UNSUPPORTED = "weak trigger without weapon or harm"
_HARM = ("deaths", "injuries")
_NOT_PEOPLE = frozenset({"facility", "vessel"})  # attack_targets.jsonl kinds of things, not people


def told_after(body: str, sentences: list[tuple[int, int]], k: int, parses: dict, rules: Rules) -> str:
    """The sentences after sentence `k` in its paragraph up to the first that reports an attack of
    its own ("Three villagers were treated for injuries from beatings.": no attack, the toll of the
    arson told before it). `parses` maps a candidate sentence's (start, end) to its parse."""
    end = sentences[k][1]
    for s, e in sentences[k + 1:]:
        if "\n" in body[end:s] or (s, e) in parses and read_sentence(parses[(s, e)], rules)[0]:
            break
        end = e
    return body[sentences[k][1]:end]


def toll_after(text: str, rules: Rules) -> tuple[int | None, int | None]:
    """(dead, injured) the sentences told after an arson state ("Three worshippers were injured.",
    "A man died of his burns.", "Two traders suffered severe burns."): None where none is stated."""
    if not text.strip():
        return None, None
    [doc] = parse_sentences([text.strip()])
    dead, hurt = casualties(doc, rules)
    burned = _burned(doc, rules)
    if burned:
        hurt = (hurt or 0) + burned
    return dead, hurt


def _burned(doc, rules: Rules) -> int:
    """How many people the text says were burned, not killed: the subject of "suffered burns",
    "was treated for burns" (attack_words.json `burn_harm` verbs), or of a passive "burned" with a
    word of degree ("three worshippers were badly burned") that names people, not a building."""
    words = _burn_words()
    total = 0
    for t in doc:
        if not t.lower_.startswith("burn") or lemma_of(t) not in ("burn", "burns", "burned", "burnt"):
            continue
        if t.pos_ == "NOUN":
            verb = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" else None
            if verb is None or lemma_of(verb) not in words["verbs"]:
                continue  # "died of his burns" is counted as a death
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif any(c.dep_ == "advmod" and lemma_of(c) in words["degree"] for c in t.children):
            subjects = [c for c in t.children if c.dep_ == "nsubjpass"]
        else:
            continue
        for s in subjects:
            if s.tag_ != "PRP" and kind_of(s, rules) in _NOT_PEOPLE:
                continue  # "the mosque was badly burned": damage
            n = number_of(s, rules) if s.tag_ != "PRP" else 1
            total += n or 0
    return total


@cache
def _burn_words() -> dict[str, frozenset[str]]:
    raw = json.loads(data_text(_path("attack_words.json")))["burn_harm"]
    # the parser's lemmatizer is not run: a verb is matched in its regular forms ("suffered")
    return {"verbs": frozenset(f for v in raw["verbs"] for f in _inflections(v)) | {"had", "has"},
            "degree": frozenset(raw["degree"])}


def harmed_after(doc, dropped: list[Dropped], after_outcome: str, rules: Rules,
                 toll: tuple[int | None, int | None] = (None, None)) -> list[Clause]:
    """The attack clauses of the dropped `harm_after` triggers of the sentence parsed as `doc`
    when `after_outcome` (`attack_outcome.read_outcome` of the sentences told after it) is
    deaths or injuries, or `toll` (`toll_after`) counts someone hurt; [] otherwise. A clause's
    words are its trigger's subtree."""
    if after_outcome not in _HARM and not any(toll):
        return []
    return [Clause(d.trigger, d.lemma, "attack", tuple(sorted(t.i for t in doc[d.trigger].subtree)))
            for d in arson_dropped(dropped, rules)]


def arson_dropped(dropped: list[Dropped], rules: Rules) -> list[Dropped]:
    """The triggers of `dropped` that are `harm_after` ones dropped for want of a weapon or harm."""
    return [d for d in dropped
            if d.reason == _UNSUPPORTED and any(r.harm_after for r in rules.triggers.get(d.lemma, ()))]


def with_toll(found: list, toll: tuple[int | None, int | None]) -> list:
    """The rows of an arson with the toll told after it (`toll_after`) on its first row, where
    that row states none: counted once, whatever rows the arson's places make."""
    dead, hurt = toll
    if not found or (dead is None and hurt is None):
        return found
    first = found[0]
    first = replace(first, fatalities=first.fatalities if first.fatalities is not None else dead,
                    injured=first.injured if first.injured is not None else hurt)
    return [first] + found[1:]
