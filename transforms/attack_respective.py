"""Counts paired in order with the attacks of a sentence (component `attacks.v9`).

"A car bomb hit a police station in A and gunmen attacked a bus near B on Tuesday, killing four
officers and six passengers respectively": a trailing toll with a mark of order
(data/en/respective_marks.txt) and as many coordinated counts as the sentence tells attacks gives
each attack its own count, in order, not one summed toll (nor none). Source: the session 11
break report, kind 17 (s9 F, s10 kind 5: two attacks merged and their tolls summed).
"""

from __future__ import annotations

import re
from functools import cache

from transforms.resources import data_text
from transforms.attack_rules import _path


def respective_tolls(doc, attacks: list, tolls: dict[frozenset[int], int | None],
                     harm: frozenset[str] = frozenset()) -> dict[frozenset[int], int | None]:
    """`tolls` (`attack_groups.toll_owners`: token indices of a trailing toll clause -> the attack
    it is tied to, or None) with each toll that pairs its counts with the `attacks` in order split
    into one part per attack: the words of its k-th coordinated count ("four officers") with the
    words the counts share (the harm verb), tied to attack k. A harm clause of one attack (a
    lemma of `harm`) with a mark of order is such a toll too, wherever the parser hung it. Other
    tolls are unchanged."""
    out: dict[frozenset[int], int | None] = {}
    marked = {frozenset(t.i for t in doc[c.trigger].subtree) for g in attacks for c in g if c.lemma in harm}
    marked = {t for t in marked if _marks().search(_words(doc, t)) and not any(t <= old or old <= t for old in tolls)}
    for toll, owner in {**{t: None for t in marked}, **tolls}.items():
        items = _counted_items(doc, toll) if _marks().search(_words(doc, toll)) else []
        if len(items) != len(attacks) or len(attacks) < 2:
            if toll in tolls:  # a marked harm clause that pairs nothing stays its attack's own words
                out[toll] = owner
            continue
        own = [frozenset(_item_words(x)) for x in items]
        shared = toll - frozenset().union(*own)
        out.update({shared | part: k for k, part in enumerate(own)})
    return out


def _words(doc, tokens: frozenset[int]) -> str:
    return " ".join(doc[i].lower_ for i in sorted(tokens))


def _counted_items(doc, toll: frozenset[int]) -> list:
    """The first coordination inside the toll whose conjuncts are counts or counted nouns
    ("five policemen and three soldiers", "seven and three"): its conjuncts, in order."""
    for i in sorted(toll):
        t = doc[i]
        if t.dep_ == "conj" or not any(c.dep_ == "conj" for c in t.children):
            continue
        chain = [t]
        while (nxt := next((c for c in chain[-1].children if c.dep_ == "conj"), None)) is not None:
            chain.append(nxt)
        if all(x.like_num or any(c.dep_ == "nummod" for c in x.children) for x in chain):
            return chain
    return []


def _item_words(x) -> set[int]:
    """A conjunct's own words, without the conjuncts and conjunctions that hang on it."""
    out = {x.i}
    for c in x.children:
        if c.dep_ not in ("conj", "cc", "punct"):
            out |= {t.i for t in c.subtree}
    return out


@cache
def _marks() -> re.Pattern:
    lines = [ln.strip() for ln in data_text(_path("respective_marks.txt")).splitlines()]
    words = [ln for ln in lines if ln and not ln.startswith("#")]
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")
