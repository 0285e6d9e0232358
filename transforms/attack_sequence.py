"""Attacks told in sequence in one sentence, and who only reports them (component `attacks`).

"Pakistan struck A on Monday, a day after militants killed seven soldiers in B" tells two
attacks: a clause with its own subject hung on the sentence by a sequence mark ("after",
"before": attack_words.json `sequence_marks`) is another act at another time, with its own
place and toll, unless it hangs on a harm word ("two soldiers died after gunmen opened fire":
how they died). Its day is that of the attack it hangs on, shifted by the measure before the
mark ("a day after": one day earlier; "two days before": two days later; "hours after": the
same day; `sequence_units`); without a measure it is the range of days up to that day.

"..., the Taliban government said", "according to X": the speaker of a reporting clause is a
source, not the attacker (`speakers`), unless the attack's own subject points back at it ("X
said it attacked": attack_roles.jsonl "said it attacked").
"""

from __future__ import annotations

import datetime as dt

from transforms.attack_detect import Clause, lemma_of
from transforms.attack_rules import Rules
from transforms.event_dates import DEFAULT_LOOKBACK_DAYS, EventDate

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def sequence_mark(doc, group: list[Clause], rules: Rules):
    """The mark token ("after", "before") of the group's clause told in sequence with the act it
    hangs on, or None: a clause with its own subject and the mark, not adverbial to a harm word."""
    for c in group:
        t = doc[c.trigger]
        # an adverbial clause, or one the parser hung on the clause before by "conj" (its mark says it is none)
        if t.dep_ not in ("advcl", "conj") or t.dep_ == "advcl" and lemma_of(t.head) in rules.harm \
                or not any(k.dep_ in _SUBJECTS for k in t.children):
            continue
        mark = next((k for k in t.children if k.dep_ == "mark" and lemma_of(k) in rules.sequence_marks), None)
        if mark is not None:
            return mark
    return None


def sequence_days(mark, rules: Rules) -> int | None:
    """The signed shift in days that the measure before `mark` states ("a day after": -1, "two
    days before": +2, "hours after": 0), or None when it states none ("after militants killed")."""
    measures = [k for x in (mark.head, mark) for k in x.children if k.dep_ == "npadvmod" and k.i < mark.i]
    for m in measures:  # on the verb ("a day after"), or on the mark itself ("two days before")
        unit = rules.sequence_units.get(m.lower_)
        if unit is None:
            continue
        count = next((rules.number_words.get(k.lower_) or (int(k.text) if k.text.isdigit() else None)
                      for k in m.children if k.dep_ in ("nummod", "det")), 1)
        return rules.sequence_marks[lemma_of(mark)] * unit * (count or 1)
    return None


def shifted(when: EventDate, days: int | None, sign: int, text: str) -> EventDate:
    """The date of an attack told `days` away from one dated `when`; without a measure, an earlier
    act ("after ...") is the lookback's range up to that day, a later one keeps `when`."""
    if days is not None:
        step = dt.timedelta(days=days)
        return EventDate(when.date + step if when.date else None, when.date_min + step, when.date_max + step,
                         text, when.precision)
    if sign < 0:
        return EventDate(None, when.date_min - dt.timedelta(days=DEFAULT_LOOKBACK_DAYS), when.date_max, text, "range")
    return when


def speakers(doc, start: int, group: list[Clause], rules: Rules) -> frozenset[int]:
    """The body offsets of the words naming who reports the sentence ("the army said", "according
    to local officials"), none of them the attacker; empty when the attack's own subject is a
    pronoun that points back at the speaker ("X said it attacked", "X said its fighters ...")."""
    for c in group:
        t = doc[c.trigger]
        verbs = [t, t.head] if t.pos_ == "NOUN" and t.head.i != t.i else [t]  # "it carried out strikes"
        for s in (k for v in verbs for k in v.children if k.dep_ in _SUBJECTS):
            if s.tag_ in ("PRP", "PRP$") or any(k.tag_ == "PRP$" for k in s.children):
                return frozenset()
    out: set[int] = set()
    for t in doc:
        if t.pos_ in ("VERB", "AUX") and lemma_of(t) in rules.reporting_verbs:
            out |= {start + x.idx for k in t.children if k.dep_ in _SUBJECTS for x in k.subtree}
        elif lemma_of(t) in rules.source_marks:
            out |= {start + x.idx for x in t.subtree if x.i != t.i}
    return frozenset(out)


def objects(doc, start: int, group: list[Clause], rules: Rules) -> frozenset[int]:
    """The body offsets of the words right after an attack verb, across only articles, numbers and
    modifiers that say nothing of a side (attack_words.json `vague_modifiers`), up to the first noun:
    its object ("Pakistani jets struck suspected TTP hideouts": the group is what was hit, however
    the parse hangs the phrase)."""
    out: set[int] = set()
    for c in group:
        t = doc[c.trigger]
        if t.pos_ not in ("VERB", "AUX"):
            continue
        for x in doc[t.i + 1:]:
            if x.pos_ in ("DET", "NUM") or x.lower_ in rules.vague:
                continue
            for y in doc[x.i:]:  # the run of names and nouns of that phrase
                if y.pos_ not in ("PROPN", "NOUN", "ADJ"):
                    break
                out.add(start + y.idx)
            break
    return frozenset(out)
