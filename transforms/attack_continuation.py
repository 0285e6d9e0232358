"""Sentences that go on telling the attack just reported (component `attacks`).

"ISWAP fighters shelled the town on Wednesday, killing 12. The militants fought soldiers for two
hours before withdrawing.": the second sentence is no second attack. Its attacker points back
(a pronoun or a definite noun of an armed actor: attack_words.json `anaphora.actor_pronouns`,
`anaphora.actor_kinds` over attack_targets.jsonl), and what it adds (a toll, a weapon) belongs to
the attack told before. Whether it names a new place or day is the event builder's to judge.

A sentence may also retell the attack, or a part of it, by what it hit or by a partitive ("The
patrol was attacked with rifles", "one of the attackers blew himself up", "air defences downed 18
of the 20 missiles": `retells`), the words it points back with in attack_words.json `anaphora`
(`possessives`, `patient_pronouns`, `relative_pronouns`) and the last event's own sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache

from transforms.attack_detect import Clause, lemma_of
from transforms.attack_rules import Rules, _path, rules
from transforms.resources import data_text

_SUBJECTS = ("nsubj", "nsubjpass")
_OUTCOME_RANK = ("deaths", "injuries", "damage", "intercepted", "no damage", "unknown")


@cache
def _anaphoric_actors() -> tuple[frozenset[str], frozenset[str]]:
    """(pronouns, nouns) that name an attacker already told: the nouns are the head lemmas of the
    target kinds listed in `anaphora.actor_kinds` ("the militants", "the assailants")."""
    raw = json.loads(data_text(_path("attack_words.json")))["anaphora"]
    kinds = set(raw["actor_kinds"])
    nouns = {w for t in rules().targets if t.test == "head" and t.kind in kinds for w in t.lemmas}
    return frozenset(raw["actor_pronouns"]), frozenset(nouns)


@cache
def _pointing_words() -> tuple[frozenset[str], ...]:
    """(possessives, patient pronouns, relative pronouns, repeat adverbs, actor kinds) of
    attack_words.json `anaphora`."""
    raw = json.loads(data_text(_path("attack_words.json")))["anaphora"]
    return tuple(frozenset(raw[k]) for k in ("possessives", "patient_pronouns", "relative_pronouns", "repeat_adverbs",
                                             "actor_kinds"))


@cache
def _target_kinds() -> dict[str, frozenset[str]]:
    """lemma -> the target kinds whose head nouns it is among (attack_targets.jsonl, test "head")."""
    out: dict[str, set[str]] = {}
    for t in rules().targets:
        if t.test == "head":
            for w in t.lemmas:
                out.setdefault(w, set()).add(t.kind)
    return {w: frozenset(k) for w, k in out.items()}


def agents(doc, clause: Clause) -> list:
    """Who does the attack of a clause: the subject of its trigger (or of the verb a subjectless
    coordinated or adverbial trigger hangs on), or "by ..." of a passive one."""
    t = doc[clause.trigger]
    out = [c for c in t.children if c.dep_ == "nsubj"]
    out += [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not out and not any(c.dep_ in _SUBJECTS for c in t.children) and t.dep_ in ("conj", "advcl", "xcomp") \
            and t.head.i != t.i:
        out = [c for c in t.head.children if c.dep_ == "nsubj"]
    return out


def retells(doc, clauses: list[Clause], r: Rules, told: str) -> str | None:
    """How the sentence's attack clauses point back at the attack whose sentence is `told`:
    "actor and target" when one names both again ("the group had targeted the ship"), "yes" when
    each points back by its attacker ("its fighters had killed dozens", "one of the attackers
    blew himself up"), by what it hit ("it was attacked with rifles", "downed 18 of the 20
    missiles": a pronoun or a definite noun `told` already used) or by the noun it describes
    ("the missiles launched at the capital") or the definite attack noun it tells of ("the
    assault began at dawn, when fighters attacked the base"); else None (a new attack: "gunmen
    attacked a second village", "another convoy was ambushed")."""
    pronouns, nouns = _anaphoric_actors()
    possessives, patients, relatives, repeats, actors = _pointing_words()
    words = {w.lower() for w in re.findall(r"\w+", told)}
    words |= {w[:-1] for w in words if w.endswith("s")}
    kinds = _target_kinds()
    told_kinds = {k for w in words for k in kinds.get(w, ())}

    def definite(t) -> bool:
        kids = list(t.children)
        return (any(c.dep_ in ("det", "poss") and (lemma_of(c) in r.definite or c.lower_ in possessives) for c in kids)
                and not any(lemma_of(c) in r.new_event for c in kids if c.dep_ in ("det", "amod", "nummod", "advmod")))

    def back(t, actor: bool) -> bool:
        if t.lower_ in relatives and t.head.dep_ == "relcl":
            return back(t.head.head, actor)  # "the militia that fights ...": the noun it stands for
        if t.lower_ in (pronouns if actor else patients):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) and (t.like_num or t.pos_ in ("NUM", "PRON", "DET")):
            return any(back(g, actor) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj")  # "one of the attackers", "18 of the 20 missiles"
        said = lemma_of(t) in words or t.lower_ in words
        if actor:  # not "the army" after "attacked army positions": who was hit, now hitting back
            known = lemma_of(t) in nouns or t.lower_ in nouns or said and not kinds.get(lemma_of(t), frozenset()) - actors
        else:  # "the patrol", "the ship" after "a tanker"
            known = said or bool(kinds.get(lemma_of(t), frozenset()) & told_kinds)
        return t.pos_ in ("NOUN", "PROPN") and known and definite(t)

    def hit(t) -> list:
        out = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        return out + [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
                      for g in c.children if g.dep_ == "pobj"]

    events = {c.trigger for c in clauses if doc[c.trigger].pos_ == "NOUN" and definite(doc[c.trigger])
              and lemma_of(doc[c.trigger]) in r.event_nouns | {x.lemma for x in clauses}}
    strong = False
    for c in clauses:
        t = doc[c.trigger]
        by, on = agents(doc, c), hit(t)
        actor = bool(by) and all(back(x, True) for x in by)
        target = bool(on) and any(back(x, False) for x in on)
        strong = strong or actor and target
        told_of = t.i in events or any(k.dep_ in _SUBJECTS and k.i in events for k in t.children) or (
            t.dep_ in ("advcl", "relcl") and any(k.dep_ in _SUBJECTS and k.i in events for k in t.head.children)) or (
            t.dep_ in ("acl", "relcl") and back(t.head, False))
        fresh = any(lemma_of(k) in r.new_event for x in by for k in x.children) \
            or any(k.dep_ == "advmod" and lemma_of(k) in repeats for k in t.children)  # "was attacked again"
        if fresh:
            return None
        if not (actor or told_of or target):
            return None
    return "actor and target" if strong else ("yes" if clauses else None)


def named_before(surface: str, entity_id: str, last) -> bool:
    """Whether a place of a retelling sentence is no new place: the last event's (`last`, an
    `attacks.AttackEvent`), or a name its sentence already gave ("a police station in Bannu
    district" ... "the Bannu police")."""
    return entity_id == last.location_id or re.search(rf"\b{re.escape(surface)}\b", last.evidence, re.I) is not None


def agreeing_outcome(outcome: str, fatalities: int | None, injured: int | None) -> str:
    """The outcome a row's counts allow: deaths when someone died, injuries when someone was
    hurt and nobody is said dead; else the outcome the words gave."""
    if fatalities:
        return "deaths"
    if injured and outcome != "deaths":
        return "injuries"
    return outcome


def dropped_from_aircraft(body: str, start: int, weapons: tuple[str, ...], air) -> tuple[str, ...]:
    """The weapons of an attack whose sentence (from body offset `start`) names "the bomb" and no
    other weapon, after its paragraph told of an aircraft over the scene (`air`, the "airstrike"
    weapon pattern: "a military jet circled over the village ... The bomb had hit a house"): the
    bomb fell from it, an airstrike."""
    if weapons != ("bomb",) or not re.match(r"(?:[^.!?]*\s)?the\s+bombs?\b", body[start:], re.I):
        return weapons
    return ("airstrike",) if air.search(body, body.rfind("\n", 0, start) + 1, start) else weapons


def with_outcome(last, outcome: str):
    """`last` (an `attacks.AttackEvent`) with the outcome a later sentence that speaks of it tells
    ("As a result of the aggression, two officers lost their lives", "the rockets caused no
    casualties"), where its own words told none."""
    return replace(last, outcome=outcome) if last.outcome == "unknown" and outcome != "unknown" else last


def joined(last, found: list):
    """`last` (an `attacks.AttackEvent`) with what a sentence that goes on telling it adds: the
    dead and injured it states where `last` states none, the graver outcome, and, where `last`
    names no weapon, the weapons and typing of the continuation ("the attackers pounded the base
    with mortars"). The outcome is squared with the counts later, once for every row
    (`attacks._distinct_anchors`, `agreeing_outcome`): counts once set are kept, so doing it here
    too gave the same rows."""
    dead = next((e.fatalities for e in found if e.fatalities is not None), None)
    hurt = next((e.injured for e in found if e.injured is not None), None)
    fatalities = last.fatalities if last.fatalities is not None else dead
    injured = last.injured if last.injured is not None else hurt
    outcome = min([last.outcome] + [e.outcome for e in found if e.outcome != "no damage" or last.outcome == "unknown"],
                  key=lambda o: _OUTCOME_RANK.index(o) if o in _OUTCOME_RANK else len(_OUTCOME_RANK))
    out = replace(last, fatalities=fatalities, injured=injured, outcome=outcome)
    armed = next((e for e in found if e.weapons != ("unknown",)), None)
    if last.weapons == ("unknown",) and armed is not None:  # a battle stays one ("who fired first": still the clash)
        out = replace(out, weapons=armed.weapons) if last.event_type == "Battles" else \
            replace(out, weapons=armed.weapons, event_type=armed.event_type, sub_event_type=armed.sub_event_type)
    return out
