"""Interceptions told after an attack are that attack's, not a second incident (component `attacks`).

Two readings, from two kinds of fault:

1. `same_salvo`: "Houthi drones struck a power station in Marib on Tuesday night, killing two guards. The
coalition said its air defences had intercepted several other drones over the city.": the
second sentence is no attack of its own. What it reports was intercepted, with a weapon of the
attack just told, and it names no day and no place of its own: the rest of the same salvo, which
ACLED codes with the attack it belongs to. Its "other" says other munitions, not another attack
(which is how `attack_followup` reads "other"). An interception with a day or a town of its own
("Air defences in Port Sudan intercepted three drones on 4 March") stays an event.

2. `defends_against`: "A missile strike damaged a power plant in X on Sunday evening. The air force said it intercepted
9 of 12 cruise missiles.", "A drone hit a substation in Y on Thursday night. Air defences shot
down 40 of 55 drones overnight.": the interceptions are how the same night's attack went, told
by the defender. A sentence whose every attack word is an interception (attack_triggers.jsonl
kind `intercept`, or rows whose outcome is only that) right after an attack was told (`near`), with no day outside that attack's
range, no place that attack's sentence did not name but its country (whose air force, whose
air defences), no other attacker and no word saying it is another attack or another scene, is
that attack told on. Source: the session 11 break report, kind 5 (daily air-force summaries
doubled the incidents of an article).
"""

from __future__ import annotations

from transforms.attack_continuation import named_before
from transforms.attack_followup import located, overlaps, tells_another
from transforms.attack_rules import Rules

_ANY = frozenset({"unknown"})


def same_salvo(found: list, events: list, own, places: list) -> int | None:
    """The index in `events` of the attack the intercepted rows `found` belong to, or None: every
    row of `found` intercepted, `own` (the sentence's own date) None, every place of `places`
    (the sentence's scene mentions) named by that attack's sentence, and a weapon in common with
    that attack; among the rows of the last reporting sentence (`events[-1]`'s), the first that
    shares a weapon."""
    if not found or not events or own is not None or any(e.outcome != "intercepted" for e in found):
        return None
    last = events[-1].start_char
    weapons = {w for e in found for w in e.weapons} - _ANY
    for i, e in enumerate(events):
        if e.start_char != last or not weapons & (set(e.weapons) - _ANY):
            continue
        if all(named_before(m.surface, m.entity_id, e) for m in places):
            return i
    return None


def defends_against(found: list, last, own, near: bool, places: list, gazetteer, doc, clauses: list, r: Rules) -> bool:
    """Whether a sentence's rows `found` (`attacks.AttackEvent`) are the interceptions of the attack
    `last` just told: every clause of kind `intercept`, or every row's outcome "intercepted"; `last` told within the two sentences before
    (`near`); its own date `own` (an `event_dates.EventDate` or None) meeting `last`'s range;
    its `places` (mentions) named by `last`'s sentence or the country `last` lies in; no attacker
    but `last`'s; no word of another attack or scene."""
    if not (found and clauses and near):
        return False
    # "shot down 40 of 55 drones": the parser may not take "down" for the verb's particle, so the
    # rows' outcome (interceptions, nothing worse) says it too
    if any(c.kind != "intercept" for c in clauses) and any(e.outcome != "intercepted" for e in found):
        return False
    if own is not None and not overlaps(own, last):
        return False
    for m in located(places, gazetteer):
        entity = gazetteer[m.entity_id]
        if not (named_before(m.surface, m.entity_id, last) or entity.is_country and entity.country_code == last.country_code):
            return False
    if any(e.attacker_id not in (None, last.attacker_id) for e in found):
        return False
    return not tells_another(doc, r)
