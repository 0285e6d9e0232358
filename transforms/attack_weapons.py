"""The weapons an attack's own clauses name (data/en/attack_weapons.jsonl, component `attacks`)."""

from __future__ import annotations

import json
from functools import cache

from transforms.attack_detect import Clause, lemma_of
from transforms.attack_rules import Rules, _path
from transforms.resources import data_text

def weapons_of(doc, group: list[Clause], r: Rules, borrow: bool = True) -> tuple[str, ...]:
    """The weapons named in the attack's own clauses (not elsewhere in its sentence); with
    `borrow`, when they name none, those of the subject a subjectless trigger shares."""
    text = " ".join(c.text(doc) for c in group)
    weapons = tuple(w for w, p in r.weapons.items() if p.search(text))
    if "airstrike" in weapons and not r.weapons["airstrike"].search(_without_hit(doc, group, r)):
        weapons = tuple(w for w in weapons if w != "airstrike")  # "shot down an F-16", "fired on a helicopter": the target
    if not weapons and borrow:  # "a bomb was in the morning hurled at a school": the subject of the verb it hangs on
        text = " ".join(x.text for c in group for x in _borrowed_subject(doc[c.trigger]))
        weapons = tuple(w for w, p in r.weapons.items() if p.search(text))
    if "one-way attack drone" in weapons and "drone" not in weapons:
        weapons += ("drone",)
    return weapons


def _borrowed_subject(trigger) -> list:
    """The words of the subject a subjectless trigger verb shares with the verb it hangs on
    ("a bomb was ... hurled", "gunmen stormed the hotel and shot ..."); none when it has its own."""
    if trigger.dep_ not in ("advcl", "xcomp", "conj") or any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return []
    return [x for s in trigger.head.children if s.dep_ in ("nsubj", "nsubjpass") for x in s.subtree]


def _without_hit(doc, group: list[Clause], r: Rules) -> str:
    """The words of the attack's clauses less what it hit or downed (the object, the subject of a
    passive, "on"/"at"/"against" ...): an aircraft named there was the target, not the weapon."""
    hit: set[int] = set()
    for c in group:
        t = doc[c.trigger]  # and the verbs coordinated with it ("a crew member was wounded and the aircraft damaged")
        verbs = [t] + [v for v in t.children if v.dep_ == "conj" and v.pos_ == "VERB" and lemma_of(v) not in r.conduct_verbs]
        for k in (k for v in verbs for k in v.children):
            if k.dep_ == "dobj" and lemma_of(k.head) in r.conduct_verbs | weapon_object_verbs():
                continue  # "launched air strikes", "fired missiles at": the object is the weapon
            if k.dep_ in ("dobj", "nsubjpass") or k.dep_ == "prep" and k.lower_ in ("on", "at", "against", "upon") \
                    and not any(g.ent_type_ in ("DATE", "TIME") for g in k.children):
                hit |= _phrase(k)
    return " ".join(" ".join(doc[i].text for i in c.tokens if i not in hit) for c in group)


def _phrase(t) -> set[int]:
    """Token indices of `t`'s phrase without the clauses that describe it ("on Friday when a
    cluster bomb went off": the bomb is no part of the day)."""
    out = {t.i}
    for c in t.children:
        if c.dep_ not in ("acl", "relcl", "advcl"):
            out |= _phrase(c)
    return out


@cache
def weapon_object_verbs() -> frozenset[str]:
    """Verbs whose object is the weapon, not the target (attack_words.json `weapon_object_verbs`)."""
    return frozenset(json.loads(data_text(_path("attack_words.json")))["weapon_object_verbs"])
