"""Which attacks of one sentence stand apart, and whose toll a trailing clause is (component `attacks`).

Two coordinated attack clauses without weapons of their own are still two attacks when each names
its own place and the places differ ("a drone struck a market in A and another hit a checkpoint in
B"), or when the later one says it is another ("another", "a second drone": attack_words.json
`anaphora.new_event`); "another" then takes the weapons of the attack before it. A toll in a
participle clause ("..., killing 3") that trails two such attacks is tied to one only when it names
that one's place or target ("killing 3 at the checkpoint"); otherwise no row counts it, so that it
is never counted twice.
"""

from __future__ import annotations

import json
from functools import cache

from transforms.attack_detect import Clause, is_time, lemma_of
from transforms.attack_rules import Rules, _path
from transforms.attack_sequence import sequence_mark
from transforms.attack_weapons import weapons_of
from transforms.resources import data_text

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
    own even though it names no weapon the earlier one does not: it says it is another, it is a
    scene told beside the earlier one (`beside`) or before or after it ("a day after militants
    killed ...": `attack_sequence.sequence_mark`), or both name places and none is shared."""
    if says_another(doc, later, rules) or beside(doc, earlier, later) or sequence_mark(doc, later, rules) is not None:
        return True
    mine, theirs = own_places(doc, later), own_places(doc, earlier)
    return bool(mine and theirs and mine.isdisjoint(theirs))


def beside(doc, earlier: list[Clause], later: list[Clause]) -> bool:
    """Whether `later` is a clause with its own subject set beside the scene it hangs on by
    "while", "as", "whereas" (attack_words.json `apart_marks`): "fighting erupted in A, killing
    three, while the army bombed B". Not when it hangs on a trigger of `earlier` ("three were
    killed as gunmen attacked": how the harm came about)."""
    heads = {c.trigger for c in earlier}
    for c in later:
        t = doc[c.trigger]
        if t.dep_ == "advcl" and t.head.i not in heads and any(k.dep_ in _SUBJECTS for k in t.children) \
                and any(k.dep_ == "mark" and lemma_of(k) in _apart_marks() for k in t.children):
            return True
    return False


@cache
def _apart_marks() -> frozenset[str]:
    return frozenset(json.loads(data_text(_path("attack_words.json")))["apart_marks"])


def enumerated(doc, group: list[Clause], rules: Rules) -> list[list[Clause]]:
    """The attacks a list names one by one after a plural attack ("two blasts hit the city: one
    at a market in A and another at a bus station in B"; "three attacks on Sunday: a bomb at
    ..., a grenade at ... and a mortar strike on ..."; "two explosions rocked the town, one near
    the port and one outside a mosque"): one group per item, each its own words (its place,
    target, weapon and toll) with the plural attack's words (its trigger and their modifiers,
    for the weapon "one" stands for). `[group]` when the group names no such list: a list is
    two or more items after a colon, a comma or a dash, then after "and" or commas, each "one",
    "another", "the other", "a second" ... (attack_words.json `anaphora.new_event`) or an attack
    or weapon noun, with a preposition or clause of its own."""
    frames = [doc[c.trigger] for c in group if _plural(doc[c.trigger])]
    if not frames:
        return [group]
    frame = frames[0]
    own = {i for c in group for i in c.tokens}
    if frame.dep_ in _SUBJECTS and frame.head.i != frame.i:  # "two explosions rocked the town, one near ...": the verb's words
        own |= {t.i for t in frame.head.subtree}
    starts = []
    for t in doc:
        if t.i <= frame.i or t.i not in own or not _item_head(t, rules) or t.head.i == t.i:
            continue
        lead = t.left_edge.i
        before = doc[lead - 1] if lead > 0 else None
        if before is None:
            continue
        if not starts and before.text in (":", ",", ";", "-", "–", "—") and t.head.i < lead:
            starts.append(lead)
        elif starts and lead > starts[-1] and (before.lower_ in ("and", ",", ";") or before.text == ","):
            starts.append(lead)
    if len(starts) < 2:
        return [group]
    ends = starts[1:] + [len(doc)]
    items = [[i for i in range(lo, hi) if not doc[i].is_punct and not (doc[i].lower_ == "and" and i == hi - 1)
              and i in own] for lo, hi in zip(starts, ends)]
    if sum(any(doc[i].dep_ == "prep" or doc[i].dep_ == "relcl" for i in item) for item in items) < 2:
        return [group]
    # the plural's own words: "two car bombs", or the subject of "two car bombs exploded"
    nouns = [frame] + [c for c in frame.children if c.dep_ in _SUBJECTS and frame.pos_ == "VERB"]
    frame_words = [n.i for n in nouns] + [c.i for n in nouns for c in n.children if c.dep_ in ("compound", "amod", "nummod")]
    trigger = next(c for c in group if c.trigger == frame.i)
    out = []
    for item in items:
        head = next((doc[i] for i in item if doc[i].head.i not in item), doc[item[0]])
        inner = [c for c in group if c.trigger in item]
        out.append([Clause(head.i, (inner or [trigger])[0].lemma, (inner or [trigger])[0].kind,
                           tuple(sorted(set(item) | set(frame_words))))])
    return out


def _plural(token) -> bool:
    """ "two blasts", "attacks", "explosions": a plural or counted trigger noun, or the plural
    subject of a trigger verb ("two car bombs exploded")."""
    if token.tag_ == "NNS" or any(c.dep_ == "nummod" and not c.lower_ == "one" for c in token.children):
        return True
    return any(c.dep_ in _SUBJECTS and c.tag_ == "NNS" for c in token.children)


def _item_head(t, rules: Rules) -> bool:
    """Whether `t` heads one item of a list of attacks: "one", "another", "the other", or a noun
    of an attack or a weapon without a definite article ("a grenade", "a mortar strike")."""
    if t.dep_ not in ("appos", "conj", "npadvmod", "dep", "attr"):
        return False
    if lemma_of(t) not in rules.new_event and any(c.dep_ in ("det", "poss") and lemma_of(c) in rules.definite
                                                  for c in t.children):
        return False  # "a response to ..., the airstrikes and the killing": attacks known already, not a list of new ones
    return lemma_of(t) in rules.new_event or lemma_of(t) in rules.triggers and t.pos_ == "NOUN" or \
        t.pos_ == "NOUN" and any(p.fullmatch(t.text) or p.search(t.lower_) for p in rules.weapons.values())


def toll_owners(doc, attacks: list[list[Clause]], rules: Rules) -> dict[frozenset[int], int | None]:
    """The trailing tolls of a sentence of several attacks: token indices of the toll clause ->
    the index of the attack it is tied to, or None when the text ties it to none. A trailing toll
    is a participle harm clause ("killing 3", "leaving five wounded") that hangs on a trigger
    coordinated with a trigger of another attack told before it; it is tied to the one attack
    whose own words share a noun with it ("killing 3 soldiers at the checkpoint"), or to the one it
    hangs on when every other attack states a harm of its own ("X killed six civilians and Y
    ambushed a patrol, killing four": the four are Y's; the s10 testers' crossed roles)."""
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
            if all(any(d.lemma in rules.harm and d.trigger not in toll for d in g) for j, g in enumerate(attacks) if j != k):
                out[toll] = k  # "X killed six civilians and Y ambushed a patrol, killing four": the others told their own toll
                continue
            nouns = {lemma_of(x) for x in t.subtree if x.pos_ in _NOUN_POS and x.i != t.i and not x.like_num}
            tied = [j for j, g in enumerate(attacks) if nouns & {lemma_of(doc[i]) for d in g for i in d.tokens
                                                                 if i not in toll and doc[i].pos_ in _NOUN_POS}]
            out[toll] = tied[0] if len(tied) == 1 else None
    return out


def _coordinated(a, b) -> bool:
    """Whether two verbs are conjuncts of one coordination ("struck ... and hit ...")."""
    return a.dep_ == "conj" and a.head.i == b.i or b.dep_ == "conj" and b.head.i == a.i or \
        a.dep_ == b.dep_ == "conj" and a.head.i == b.head.i


def group_attacks(doc, clauses: list[Clause], r: Rules) -> list[list[Clause]]:
    """The attacks of a sentence: clauses inside one another are one attack ("opened fire,
    killing two"); a clause apart from the others is an attack of its own when it names
    weapons the others do not ("shelled the town and drones struck the market"; "carried out
    strikes ... hours after the group fired a missile"), another place, or says it is another
    ("a drone struck a market in A and another hit a checkpoint in B": `attack_groups.apart`)."""
    groups: list[list[Clause]] = []
    for c in clauses:
        home = next((g for g in groups if any(c.trigger in x.tokens or x.trigger in c.tokens
                                              or _tells_how(doc, c, x, r) or _one_act(doc, x, c) for x in g)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    merged: list[tuple[list[Clause], set[str]]] = []
    for g in groups:
        w = set(weapons_of(doc, g, r, borrow=False)) - {"gunfire"}
        if merged and (not w or w & merged[-1][1]) and not apart(doc, merged[-1][0], g, r):
            merged[-1] = (merged[-1][0] + g, merged[-1][1] | w)
        else:
            merged.append((g, w))
    attacks = [g for g, _ in merged]
    if len(attacks) > 1 and attacks[0] and _toll_only(doc, attacks[0], r):
        attacks = [attacks[0] + attacks[1]] + attacks[2:]  # "2 killed and 30 injured in a bomb blast"
    return attacks


def _toll_only(doc, group: list[Clause], r: Rules) -> bool:
    """Whether an attack is only a count of its victims ("2 killed and 30 injured in a bomb
    blast": the "2 killed"): harm words without a weapon or an object, whose subject, if any,
    is a number of people."""
    def toll(c: Clause) -> bool:
        t = doc[c.trigger]
        subjects = [k for k in t.children if k.dep_ == "nsubj"]
        return (c.lemma in r.harm and not any(k.dep_ == "dobj" for k in t.children)
                and all(k.like_num or any(n.dep_ == "nummod" for n in k.children) for k in subjects))
    return all(toll(c) for c in group) and not weapons_of(doc, group, r, borrow=False)


def _one_act(doc, first: Clause, then: Clause) -> bool:
    """Whether two coordinated trigger verbs share their subject and their object ("soldiers beat
    and stabbed a shopkeeper"): the first has no object of its own, the second no subject."""
    a, b = doc[first.trigger], doc[then.trigger]
    return (b.dep_ == "conj" and b.head.i == a.i and not any(k.dep_ in ("nsubj", "nsubjpass") for k in b.children)
            and not any(k.dep_ in ("dobj", "prep") for k in a.children))


def _tells_how(doc, c: Clause, x: Clause, r: Rules) -> bool:
    """Whether clause `c` says how the harm of clause `x` came about: "two farmers were killed
    when a landmine exploded" is one attack (`attack_words.json` same_event_marks)."""
    t = doc[c.trigger]
    return (t.dep_ == "advcl" and t.head.i == x.trigger and x.lemma in r.harm
            and any(k.dep_ == "advmod" or k.dep_ == "mark" for k in t.children if lemma_of(k) in r.same_event_marks))
