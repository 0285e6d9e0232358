"""Repairs of the dependency parse that the attack rules depend on (component `attacks`).

A stranded subject: in "Al-Shabaab fighters killed six civilians in Afgoye and ISIS militants
ambushed a patrol near Bosaso", the small English model hangs "ISIS militants" on "Afgoye" as a
conjunct and leaves "ambushed" without a subject; the first attack then "hit" the militants and
the second shares the first one's attacker. A finite verb coordinated with another, with no
subject of its own, right after a noun that is a conjunct inside the first verb's phrase and names
an armed actor (attack_words.json `armed_actors` kinds) or a name, has that noun as its subject.
Source: the s10 testers' crossed roles of two attacks in one sentence.
"""

from __future__ import annotations

_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def repair_stranded_subjects(doc, actors: frozenset[str]):
    """`doc` with each stranded subject (see the module) re-hung as the subject of its verb, and
    the conjunction before it on the first verb. Returns the same Doc."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.tag_ not in _FINITE or verb.dep_ != "conj" or verb.i == 0 \
                or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        first = verb.head
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.i >= noun.i \
                or noun.head.i == first.i or first.i not in {a.i for a in noun.ancestors} \
                or not (noun.lemma_.lower() in actors or noun.lower_ in actors or noun.pos_ == "PROPN"):
            continue
        cc = [c for c in noun.head.children if c.dep_ == "cc" and noun.head.i < c.i < noun.i]
        noun.head, noun.dep_ = verb, "nsubj"
        for c in cc:
            c.head = first
    return doc
