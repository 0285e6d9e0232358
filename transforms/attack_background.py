"""A past date told beside the attack, not of it (component `attacks.v8`).

"RSF drones struck the air base earlier this week, the first attack on the city since the
government moved there in 2023": the year belongs to the verb "moved", a clause of background,
while the sentence dates its attack this week. Such a sentence is news, not history. A past date
whose nearest verb or attack word above it is an attack trigger, kept or dropped ("over the 2015
bombing", "the villagers massacred by rebels in 2009"), still makes the sentence history.
"""

from __future__ import annotations

from transforms.attack_detect import read_sentence
from transforms.attack_rules import rules
from transforms.timex import Timex

_VERBAL = ("VERB", "AUX")


def only_background_past(doc, start: int, past: list[Timex], current: list[Timex]) -> bool:
    """Whether every past expression of the sentence parsed as `doc` (starting at body offset
    `start`) hangs on a verb that is no attack trigger (kept or dropped by
    `attack_detect.read_sentence`), and the sentence names a day of its own that is not past
    (`current`) or each such verb stands in a clause apart from every attack ("mortar shells hit
    houses in the town, and he accused them of breaking the truce agreed in October 2025": the
    truce's year, not the shelling's; not "the war, which began in 2011, has killed ...")."""
    if doc is None or not past:
        return False
    clauses, dropped = read_sentence(doc, rules())
    triggers = {c.trigger for c in clauses} | {d.trigger for d in dropped}
    attacks = {c.trigger for c in clauses}

    def background(t: Timex) -> bool:
        span = doc.char_span(t.start - start, t.end - start, alignment_mode="expand")
        if span is None:
            return False
        for a in [span.root, *span.root.ancestors]:
            if a.i in triggers:
                return False  # "the 2015 bombing", "massacred in 2009": the attack's own date
            if a.pos_ in _VERBAL:  # "since it moved there in 2023": another verb's
                return bool(current) or not any(
                    a.i == k or doc[k].is_ancestor(a) or a.is_ancestor(doc[k]) for k in attacks)
        return False
    return bool(clauses) and all(background(t) for t in past)
