"""ACLED-style typing, target kind and casualty counts of one attack (component `attacks`).

Rules are data: transforms/data/en/acled_subtypes.jsonl (ordered typing rules, ACLED codebook
vocabulary), attack_targets.jsonl (what a target noun is) and attack_words.json (harm words,
number words). Everything here reads one parsed sentence and the clauses of one attack.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from transforms.attack_detect import Clause, arguments, is_time, lemma_of, sentence_lemmas
from transforms.attack_rules import Rules, _path, rules
from transforms.resources import data_text

UNKNOWN = "unknown"
_TARGET_ROLES = ("dobj", "pobj_on")


@dataclass(frozen=True)
class Typing:
    event_type: str
    sub_event_type: str
    target_kind: str
    fatalities: int | None
    injured: int | None
    attack: bool = True  # false: typed as another kind of event (property destruction), not an attack


@cache
def _casualty_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(killed, injured, casualties) lemmas of attack_words.json."""
    raw = json.loads(data_text(_path("attack_words.json")))
    return frozenset(raw["killed"]), frozenset(raw["injured"]), frozenset(raw["casualties"])


@cache
def _speaker_words() -> tuple[frozenset[str], frozenset[str]]:
    """(speaker nouns, reporting verbs) of attack_words.json: who tells a count is no victim."""
    raw = json.loads(data_text(_path("attack_words.json")))
    return frozenset(raw["speaker_nouns"]), frozenset(raw["reporting_verbs"])


def _speaks(word) -> bool:
    """Whether a noun coordinated with a count of victims names who tells it ("killing 12 people,
    two security sources said"): a speaker noun, or a phrase right before a reporting verb."""
    nouns, verbs = _speaker_words()
    after = max(t.i for t in word.subtree) + 1
    return (lemma_of(word) in nouns or word.lower_ in nouns
            or after < len(word.doc) and lemma_of(word.doc[after]) in verbs)


def type_attack(doc, clauses: list[Clause], weapons: tuple[str, ...], rules: Rules,
                counted: tuple[int, ...] | None = None, unharmed: bool = False) -> Typing:
    """Event type, sub-event type and target kind of the attack made of `clauses`, with the
    dead and injured the sentence states (`counted`: the token indices to count in; the whole
    sentence when None). `unharmed`: the text says nobody was hurt. The first rule of
    acled_subtypes.jsonl whose conditions hold wins; a rule marked `"attack": false` (gunmen
    who fired at an empty truck, nobody hurt: ACLED's property destruction) says it is no attack."""
    target = target_kind(doc, clauses, rules)
    nouns = {lemma_of(n) for n in target_nouns(doc, clauses)}
    fatalities, injured = casualties(doc, rules, counted)
    text = " ".join(c.text(doc) for c in clauses)
    lemmas = {c.lemma for c in clauses}
    kinds = {c.kind for c in clauses}
    for rule in rules.types:
        if rule.weapons and not rule.weapons & set(weapons):
            continue
        if rule.pattern is not None and not rule.pattern.search(text):
            continue
        if rule.triggers and not rule.triggers & lemmas:
            continue
        if rule.kinds and not rule.kinds & kinds:
            continue
        if (rule.targets or rule.target_words) and target not in rule.targets and rule.target_words.isdisjoint(nouns):
            continue
        if rule.unharmed and (not unharmed or fatalities or injured):
            continue
        return Typing(rule.event_type, rule.sub_event_type, target, fatalities, injured, rule.attack)
    raise ValueError("acled_subtypes.jsonl needs a last rule without conditions")


def target_kind(doc, clauses: list[Clause], rules: Rules) -> str:
    """military / civilian / facility / vessel / armed group / government / unknown: the kind
    of the first target noun of the attack (its object, "on/at/against ...", passive subject,
    or the object of "targeting")."""
    for noun in target_nouns(doc, clauses):
        kind = kind_of(noun, rules)
        if kind:
            return kind
    return UNKNOWN


def target_nouns(doc, clauses: list[Clause]) -> list:
    """The head nouns of what the attack's clauses hit: objects, "on/at/against ...", passive
    subjects, objects of "targeting", "killing". Not a time ("attacked the village on Monday",
    "opened fire at dawn": a date, a weekday, a part of the day, a bare number) nor the attack
    word itself ("opened fire", "launched an attack on ...")."""
    out = []
    for clause in clauses:
        trigger = doc[clause.trigger]
        for verb in [trigger] + [c for c in trigger.children if c.dep_ == "conj"]:  # "attacked and injured"
            out += arguments(verb, _TARGET_ROLES)
            out += [c for c in verb.children if c.dep_ == "nsubjpass"]
        for t in (doc[i] for i in clause.tokens):  # "..., targeting soldiers at a checkpoint"
            if lemma_of(t) in ("target", "kill", "injure", "wound", "hit") and t.i != trigger.i:
                out += arguments(t, ("dobj",)) + [c for c in t.children if c.dep_ == "nsubjpass"]
    return [n for n in out if not is_time(n) and lemma_of(n) not in rules().triggers]


def kind_of(noun, rules: Rules, depth: int = 0) -> str | None:
    """The kind of a target noun, of a noun coordinated or in apposition with it, or, for a
    partitive head ("four members of the security forces"), of its "of" complement; a noun of no
    kind takes that of a noun compounded with it ("the tanker Sounion")."""
    words = [noun] + [c for c in noun.children if c.dep_ in ("conj", "appos")]
    for word in words:
        if depth < 2 and any(r.test == "partitive" and _is(word, r) for r in rules.targets):
            kind = next((k for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj" and (k := kind_of(g, rules, depth + 1))), None)
            if kind:
                return kind
        modifiers = {lemma_of(c) for c in word.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        for rule in rules.targets:
            if rule.test == "modifier" and modifiers & rule.lemmas and (not rule.heads or _is(word, rule, rule.heads)):
                return rule.kind
        # the word itself, else a noun compounded with it ("tanker" in "the tanker Sounion")
        for name in [word] + [c for c in word.children if c.dep_ == "compound"]:
            for rule in rules.targets:
                if rule.test == "head" and _is(name, rule):
                    return rule.kind
    return None


def _is(word, rule, lemmas: frozenset[str] | None = None) -> bool:
    lemmas = rule.lemmas if lemmas is None else lemmas
    return lemma_of(word) in lemmas or word.lower_ in lemmas


def casualties(doc, rules: Rules, within: tuple[int, ...] | None = None) -> tuple[int | None, int | None]:
    """(dead, injured) as the sentence states them: "killing three soldiers", "two people were
    wounded", "leaving five dead". None when no number is stated; 0 for "no casualties"."""
    killed_words, injured_words, both_words = _casualty_words()
    allowed = set(within) if within is not None else None
    dead = hurt = None
    seen: set[int] = set()
    for i, lemma in enumerate(sentence_lemmas(doc)):
        if allowed is not None and i not in allowed:
            continue
        group = "dead" if lemma in killed_words else "hurt" if lemma in injured_words else \
            "both" if lemma in both_words else None
        if group is None:
            continue
        n = _count_for(doc[i], rules, seen, allowed)
        if n is None:
            continue
        if group == "both":  # "no casualties": none dead, none hurt; "12 casualties" says neither
            if n == 0:
                dead, hurt = dead or 0, hurt or 0
            continue
        if group == "dead":
            dead = (dead or 0) + n
        else:
            hurt = (hurt or 0) + n
    return dead, hurt


def _count_for(token, rules: Rules, seen: set[int], allowed: set[int] | None = None) -> int | None:
    """The number of people a harm word is about, each noun counted once; only the victims among
    `allowed` (token indices) when given ("killing five policemen and three soldiers
    respectively": the second attack's are the soldiers alone, `attack_respective`)."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children) or \
            any(c.dep_ == "neg" for c in token.children):
        return 0
    # the victims: the passive subject or the object; the subject only of "died", "dead"
    candidates = [c for dep in ("nsubjpass", "dobj") for c in token.children if c.dep_ == dep]
    # "three others wounded" after "two were killed": a participle without its auxiliary is a passive
    elliptic = token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    if token.pos_ not in ("VERB",) or lemma_of(token) == "die" or elliptic:
        candidates += [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ in ("amod", "acl", "oprd", "acomp", "xcomp") or token.pos_ in ("ADJ",):
        candidates.append(token.head)  # "three killed", "leaving five dead"
        candidates += [c for c in token.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i != token.i]
    if token.dep_ == "pobj" or token.dep_ == "dobj":  # "resulting in the death of two", "caused casualties"
        candidates += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in candidates:
        if noun.i in seen:
            continue
        n = number_of(noun, rules, allowed)
        if n is not None:
            seen.add(noun.i)
            return n
    return None


def number_of(noun, rules: Rules, allowed: set[int] | None = None) -> int | None:
    total = None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return 0  # "no one was hurt", "no civilians were killed"
    # a conjunct with a harm word of its own is counted by that word ("four killed and 11 injured")
    # and one that names who tells the count is none of its victims
    conjuncts = [c for c in noun.children if c.dep_ == "conj" and not any(lemma_of(g) in rules.harm for g in c.children)
                 and not _speaks(c)]
    words = [noun] + conjuncts
    if allowed is not None and any(c.i in allowed for c in conjuncts) and noun.i not in allowed:
        words = [c for c in conjuncts if c.i in allowed]  # another attack's victims come first ("respectively")
    elif allowed is not None and conjuncts and noun.i in allowed:
        words = [noun] + [c for c in conjuncts if c.i in allowed]
    for word in words:
        n = _value(word, rules)
        if n is None:
            for c in word.children:
                if c.dep_ in ("nummod", "det", "quantmod") or (c.dep_ == "amod" and c.like_num):
                    n = _value(c, rules)
                    if n is not None:
                        break
        if n is None and word.tag_ in ("NN", "NNP") and word.pos_ in ("NOUN", "PROPN") and word is not noun:
            n = 1
        if n is not None:
            total = (total or 0) + n
    if total is None and noun.tag_ == "NN" and any(c.dep_ == "det" for c in noun.children):
        return 1  # "a civilian", "the driver"
    return total


def _value(token, rules: Rules) -> int | None:
    text = token.lower_.replace(",", "")
    tens = [c for c in token.children if c.dep_ == "compound" and c.lower_ in rules.number_words
            and c.i == token.i - 2 and token.doc[token.i - 1].text == "-"]
    if tens and text in rules.number_words:  # "twenty-one": the parser splits it in three tokens
        return rules.number_words[tens[0].lower_] + rules.number_words[text]
    if text.isdigit():
        return int(text) if int(text) < 100_000 else None
    if token.dep_ == "det" and text not in ("a", "an"):
        return 0 if text == "no" else None
    return rules.number_words.get(text)
