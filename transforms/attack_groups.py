"""Which attacks of one sentence stand apart, and whose toll a trailing clause is (component `attacks.v2`).

Two coordinated attack clauses without weapons of their own are still two attacks when each names
its own place and the places differ ("a drone struck a market in A and another hit a checkpoint in
B"), or when the later one says it is another ("another", "a second drone": attack_words.json
`anaphora.new_event`); "another" then takes the weapons of the attack before it. A toll in a
participle clause ("..., killing 3") that trails two such attacks is tied to one only when it names
that one's place or target ("killing 3 at the checkpoint"); otherwise no row counts it, so that it
is never counted twice.
"""

from __future__ import annotations

from transforms.acled_types import is_time
from transforms.attack_detect import Clause, lemma_of
from transforms.attack_rules import Rules

_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "on", "within", "around", "across"})
_NAMES = frozenset({"NNP", "NNPS"})
_PARTICIPLES = frozenset({"VBG", "VBN"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def own_places(doc, group: list[Clause]) -> frozenset[str]:
    """The proper names a group of clauses gives as where it struck: the object of a locative
    preposition ("in Marib") or of the trigger verb itself ("shelled Goma"), a time excepted;
    lower case."""
    triggers = {c.trigger for c in group}
    out = set()
    for i in {i for c in group for i in c.tokens}:
        t = doc[i]
        if t.tag_ not in _NAMES or is_time(t):
            continue
        if t.dep_ == "pobj" and lemma_of(t.head) in _LOCATIVE or t.dep_ == "dobj" and t.head.i in triggers:
            out.add(t.lower_)
    return frozenset(out)


def says_another(doc, group: list[Clause], rules: Rules) -> bool:
    """Whether the group's subject says it is one more attack: "another hit a checkpoint",
    "a second drone struck", "another strike hit the depot" (not "the other mortars")."""
    for c in group:
        t = doc[c.trigger]
        subjects = [k for k in t.children if k.dep_ in _SUBJECTS]
        if t.pos_ in _NOUN_POS and t.dep_ in _SUBJECTS:
            subjects.append(t)
        for s in subjects:
            if any(k.dep_ in ("det", "poss") and lemma_of(k) in rules.definite for k in s.children):
                continue  # "the other mortars hit ...": the rest of a barrage just told
            if lemma_of(s) in rules.new_event and s.pos_ not in _NOUN_POS or any(
                    k.dep_ in ("det", "amod") and lemma_of(k) in rules.new_event for k in s.children):
                return True
    return False


def apart(doc, earlier: list[Clause], later: list[Clause], rules: Rules) -> bool:
    """Whether `later`, a clause group apart from `earlier` in the parse, is an attack of its
    own even though it names no weapon the earlier one does not: it says it is another, or both
    name places and none is shared."""
    if says_another(doc, later, rules):
        return True
    mine, theirs = own_places(doc, later), own_places(doc, earlier)
    return bool(mine and theirs and mine.isdisjoint(theirs))


def toll_owners(doc, attacks: list[list[Clause]], rules: Rules) -> dict[frozenset[int], int | None]:
    """The trailing tolls of a sentence of several attacks: token indices of the toll clause ->
    the index of the attack it is tied to, or None when the text ties it to none. A trailing toll
    is a participle harm clause ("killing 3", "leaving five wounded") that hangs on a trigger
    coordinated with a trigger of another attack told before it; it is tied to the one attack
    whose own words share a noun with it ("killing 3 soldiers at the checkpoint")."""
    owner_of = {c.trigger: k for k, g in enumerate(attacks) for c in g}
    out: dict[frozenset[int], int | None] = {}
    for k, group in enumerate(attacks):
        for c in group:
            t = doc[c.trigger]
            if c.lemma not in rules.harm or t.dep_ != "advcl" or t.tag_ not in _PARTICIPLES:
                continue
            if not any(_coordinated(doc[x], doc[y]) for x in (t.head.i,) for y, j in owner_of.items()
                       if j != k and y < t.i):
                continue
            toll = frozenset(x.i for x in t.subtree)
            nouns = {lemma_of(x) for x in t.subtree if x.pos_ in _NOUN_POS and x.i != t.i and not x.like_num}
            tied = [j for j, g in enumerate(attacks) if nouns & {lemma_of(doc[i]) for d in g for i in d.tokens
                                                                 if i not in toll and doc[i].pos_ in _NOUN_POS}]
            out[toll] = tied[0] if len(tied) == 1 else None
    return out


def _coordinated(a, b) -> bool:
    """Whether two verbs are conjuncts of one coordination ("struck ... and hit ...")."""
    return a.dep_ == "conj" and a.head.i == b.i or b.dep_ == "conj" and b.head.i == a.i or \
        a.dep_ == b.dep_ == "conj" and a.head.i == b.head.i
