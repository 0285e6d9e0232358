"""Sentences that go on telling the attack just reported (component `attacks.v7`).

"ISWAP fighters shelled the town on Wednesday, killing 12. The militants fought soldiers for two
hours before withdrawing.": the second sentence is no second attack. Its attacker points back
(a pronoun or a definite noun of an armed actor: attack_words.json `anaphora.actor_pronouns`,
`anaphora.actor_kinds` over attack_targets.jsonl), and what it adds (a toll, a weapon) belongs to
the attack told before. Whether it names a new place or day is the event builder's to judge.
"""

from __future__ import annotations

import json
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


def continues_attack(doc, clauses: list[Clause], r: Rules) -> bool:
    """Whether every attack clause of the sentence has an attacker that points back ("they",
    "the attackers", "these militants"; not "other militants", "a second group of gunmen"):
    the sentence goes on telling the attack just reported."""
    pronouns, nouns = _anaphoric_actors()

    def anaphoric(token) -> bool:
        if token.lower_ in pronouns:
            return True
        kids = list(token.children)
        return ((lemma_of(token) in nouns or token.lower_ in nouns)
                and any(c.dep_ in ("det", "poss") and lemma_of(c) in r.definite for c in kids)
                and not any(lemma_of(c) in r.new_event for c in kids))

    found = [agents(doc, c) for c in clauses]
    return bool(clauses) and all(a and all(anaphoric(x) for x in a) for a in found)


def agreeing_outcome(outcome: str, fatalities: int | None, injured: int | None) -> str:
    """The outcome a row's counts allow: deaths when someone died, injuries when someone was
    hurt and nobody is said dead; else the outcome the words gave."""
    if fatalities:
        return "deaths"
    if injured and outcome != "deaths":
        return "injuries"
    return outcome


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
    outcome = min([last.outcome] + [e.outcome for e in found if e.outcome != "no damage"],
                  key=lambda o: _OUTCOME_RANK.index(o) if o in _OUTCOME_RANK else len(_OUTCOME_RANK))
    out = replace(last, fatalities=fatalities, injured=injured, outcome=outcome)
    armed = next((e for e in found if e.weapons != ("unknown",)), None)
    if last.weapons == ("unknown",) and armed is not None:
        out = replace(out, weapons=armed.weapons, event_type=armed.event_type, sub_event_type=armed.sub_event_type)
    return out
