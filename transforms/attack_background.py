"""A past time told beside the news, not as its time (component `attacks`).

A sentence that names a time well before the article (`event_dates.is_history`) is history ("In
2020, a U.S. drone strike ..."), unless that time dates something told beside the news, which the
dependency parse shows by what the time hangs on:

- "since" on its way to its verb: the baseline the news is measured against ("the first attack on
  the city since the government moved there in 2023", "the deadliest since 2019");
- another verb than an attack trigger, in a sentence that also names a time that is not past:
  background of its own ("the family dug the shelter in 2021, and on Sunday a jet bombed the
  village", "the air base, which the army built in 2015, was struck by drones on Monday");
- another verb than an attack trigger, in a clause apart from every attack the sentence reports,
  when it names no time of the news ("mortar shells hit the town, and he accused them of breaking
  the truce agreed in October 2025"; not "the war, which began in 2011, has killed ...").

A past time whose nearest verb or attack word above it is an attack trigger, kept or dropped by
`attack_detect.read_sentence` ("over the 2015 bombing", "the villagers massacred by rebels in
2009"), dates what the sentence tells, and the sentence stays history. One rule for both ways a
past time can stand beside the news (it replaces the word rules "since" in the clause and a
clause break before a current time, of an earlier version).
"""

from __future__ import annotations

import datetime as dt
import re

from transforms.attack_detect import read_sentence
from transforms.attack_rules import rules
from transforms.event_dates import Window, is_history
from transforms.timex import Timex

_VERBAL = ("VERB", "AUX")


def beside_the_news(doc, start: int, timexes: list[Timex], published: dt.date | None, window: Window) -> list[Timex]:
    """The past expressions among a sentence's own `timexes` (body offsets; `is_history` against
    `published` or the undated article's `window`) that stand beside its news, by the parse of
    the sentence `doc` (a spaCy Doc of the body from offset `start`): those that date nothing of
    the sentence and do not make it history. [] when `doc` is None (no parse: none is beside)."""
    past = [t for t in timexes if is_history(t, published, window)]
    if doc is None or not past:
        return []
    current = any(t not in past and t.type in ("DATE", "TIME") for t in timexes)
    clauses, dropped = read_sentence(doc, rules())
    triggers = {c.trigger for c in clauses} | {d.trigger for d in dropped}
    attacks = {c.trigger for c in clauses}
    return [t for t in past if _beside(doc, t.start - start, t.end - start, triggers, attacks, current)]


def _beside(doc, begin: int, end: int, triggers: set[int], attacks: set[int], current: bool) -> bool:
    span = doc.char_span(begin, end, alignment_mode="expand") if 0 <= begin < end <= len(doc.text) else None
    if span is None:
        return False  # a time outside the sentence (what "that day" points back to): not this sentence's to judge
    for a in [span.root, *span.root.ancestors]:
        if a.lower_ == "since" or a.pos_ in _VERBAL and any(c.lower_ == "since" and c.dep_ == "mark" for c in a.children):
            return True  # "since 2019", "since it moved there in 2023": the baseline, not the news
        if a.i in triggers:
            return False  # "the 2015 bombing", "massacred in 2009": the attack's own date
        if a.pos_ in _VERBAL:
            # "dug it in 2021, and on Sunday ...": another verb's, beside a time of the news; or, with no
            # time of the news, a verb in a clause apart from every attack ("mortar shells hit the town,
            # and he accused them of breaking the truce agreed in October 2025": the truce's year)
            return current or bool(attacks) and not any(
                a.i == k or doc[k].is_ancestor(a) or a.is_ancestor(doc[k]) for k in attacks)
    return False


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:last\s+)?$", re.I)


def told_as_baseline(timex: Timex, body: str) -> bool:
    """Whether an expression is a baseline after "since" ("at war with the army since April 2023"):
    the start of a period, never what "the same day" of a later sentence points back to."""
    return bool(_SINCE_BEFORE.search(body, max(0, timex.start - 12), timex.start))
