"""An air-defence summary after an attack is that attack's, not a second incident (component `attacks.v9`).

"A missile strike damaged a power plant in X on Sunday evening. The air force said it intercepted
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
from transforms.attack_followup import _fresh_words, _new_scene_adverbs, _overlaps, located
from transforms.attack_rules import Rules


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
    if own is not None and not _overlaps(own, last):
        return False
    for m in located(places, gazetteer):
        entity = gazetteer[m.entity_id]
        if not (named_before(m.surface, m.entity_id, last) or entity.is_country and entity.country_code == last.country_code):
            return False
    if any(e.attacker_id not in (None, last.attacker_id) for e in found):
        return False
    words = _fresh_words(doc)
    return words.isdisjoint(r.new_event) and words.isdisjoint(_new_scene_adverbs())
