"""A sentence that tells on the attack just reported without a scene of its own (component `attacks`).

"RSF shelling killed 15 in El Fasher on Saturday. Shells hit a crowded market and the South
Hospital.", "Fano militiamen attacked Bahir Dar on Sunday. Residents said heavy gunfire lasted
several hours.": the second sentence names no day, no place, no attacker and no weapon the
first did not (besides gunfire, what any attack of unknown weapon is made of), and does not say
it is another attack ("another", "a second": attack_words.json `anaphora.new_event`; "also",
"elsewhere": `new_scene_adverbs`): it is the same attack, told on, not a new event with a
wider date. A place, a day, another weapon or another attacker keeps it apart (a roundup of
attacks in three towns stays three events).

Some follow-ups name what would otherwise keep them apart (attack_words.json `_follow_up_marks`):
the day of the attack itself under a verb that confirms it ("The army confirmed that four soldiers
were wounded on Tuesday"), the town already named ('troops had "repelled" an attack on Marte'),
another name for a side of an exchange of fire already told when the sentence says who fired first
("Pakistan's military said Afghan forces opened fire first"), an attacker its words point back to
("its aircraft struck fuel tanks"), a witness's perception ("residents heard six explosions"), the
next item of a salvo's count ("a third drone was shot down" after "two drones fell"), or a part of
the weapons already told ("drones loaded with explosives" after "a drone attack").
"""

from __future__ import annotations

import json
import re
from functools import cache

from transforms.attack_detect import lemma_of
from transforms.attack_rules import Rules, _path
from transforms.resources import data_text

_ANY_ATTACK = frozenset({"unknown", "gunfire"})  # weapons any attack may be told with afterwards


@cache
def _words(key: str) -> frozenset[str]:
    """One word list of attack_words.json."""
    return frozenset(json.loads(data_text(_path("attack_words.json")))[key])


def _new_scene_adverbs() -> frozenset[str]:
    return _words("new_scene_adverbs")


def _governed_by(t, lemmas: frozenset[str]) -> bool:
    """Whether a verb of `lemmas` stands over token `t` in its parse ("confirmed that ... were wounded")."""
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") and (lemma_of(t) in lemmas or any(t.lower_.startswith(w) for w in lemmas)):
            return True  # the small model leaves "confirmed", "heard" as their own lemmas
    return False


def confirms(doc, clauses: list) -> bool:
    """Whether every attack clause of a sentence hangs under a verb that confirms or acknowledges a
    report (attack_words.json `confirm_verbs`: "The army confirmed that four soldiers were wounded")."""
    return bool(clauses) and all(_governed_by(doc[c.trigger], _words("confirm_verbs")) for c in clauses)


def _fresh_words(doc) -> set[str]:
    """The words of a sentence that say it tells another attack (`anaphora.new_event`, new-scene
    adverbs), less an ordinal that counts on a salvo ("a third device was shot down")."""
    out = set()
    for t in doc:
        for w in {lemma_of(t), t.lower_}:
            if t.dep_ == "amod" and lemma_of(t.head) in _words("munition_nouns") or t.pos_ == "PROPN":
                continue  # "a third device"; "the army's Second Division", a name
            out.add(w)
    return out


def _who_fired_first(doc, clauses: list, last) -> bool:
    """Whether the sentence says who opened an exchange of fire already told ("X opened fire first",
    attack_words.json `first_marks`): `last` is a battle, so its other name for a side is no new attacker."""
    return last.event_type == "Battles" and any(
        c.dep_ == "advmod" and lemma_of(c) in _words("first_marks")
        for cl in clauses for t in (doc[cl.trigger], doc[cl.trigger].head) for c in t.children)


def _points_back(doc, clauses: list) -> bool:
    """Whether each attack clause's doer is a possessive's noun ("its aircraft", "their fighters") or
    the attack is what a witness perceived ("residents heard six explosions")."""
    from transforms.attack_continuation import agents
    poss = frozenset(json.loads(data_text(_path("attack_words.json")))["anaphora"]["possessives"])
    return bool(clauses) and all(
        (by := agents(doc, c)) and all(any(k.dep_ == "poss" and k.lower_ in poss for k in x.children) for x in by)
        or _governed_by(doc[c.trigger], _words("perception_verbs")) for c in clauses)


def located(places: list, gazetteer) -> list:
    """The places that say where on the map a sentence is: not a building or spot the gazetteer
    lacks and no country holds ("the South Hospital", read by the NER model), which lies within
    the scene just told rather than opening a new one."""
    return [m for m in places if not (gazetteer[m.entity_id].source == "ner" and gazetteer[m.entity_id].entity_type != "GPE"
                                      and not gazetteer[m.entity_id].country_code)]


def tells_on(found: list, last, doc, r: Rules, clauses: list = ()) -> bool:
    """Whether the rows `found` of a sentence with no day and no place of its own (the caller's
    to check) are the attack `last` told on: same attacker or none (or one the words point back
    to, or a side of the exchange `last` told, `_who_fired_first`), no weapon `last` lacks but
    those of `_ANY_ATTACK` (or some weapon `last` has: "drones loaded with explosives" after "a
    drone attack"), and no word saying it is another attack."""
    if not found:
        return False
    waived = _points_back(doc, clauses) or _who_fired_first(doc, clauses, last)
    if not waived and any(e.attacker_id not in (None, last.attacker_id) for e in found):
        return False
    told = set(last.weapons) - {"unknown"}
    detail = _governed_by_perception(doc, clauses) or confirms(doc, clauses) and not told  # how it was done, confirmed
    if any(not (set(e.weapons) <= set(last.weapons) | _ANY_ATTACK or set(e.weapons) & told) for e in found) \
            and not detail:
        return False
    return not tells_another(doc, r)


def tells_another(doc, r: Rules) -> bool:
    """Whether a sentence holds a word saying it tells another attack or another scene
    (`anaphora.new_event`, new-scene adverbs: "Gunmen also attacked a clinic", "Elsewhere, ..."),
    a salvo's ordinal aside (`_fresh_words`)."""
    words = _fresh_words(doc)
    return not (words.isdisjoint(r.new_event) and words.isdisjoint(_new_scene_adverbs()))


def _governed_by_perception(doc, clauses: list) -> bool:
    return bool(clauses) and all(_governed_by(doc[c.trigger], _words("perception_verbs")) for c in clauses)


def follows_on(found: list, last, own, near: bool, places: list, gazetteer, doc, clauses: list, r: Rules) -> bool:
    """Whether a sentence's rows `found` are the attack `last` (an `attacks.AttackEvent`) told on:
    no day of its own, or the day of `last` under a confirming verb (`confirms`); no place but
    those `last`'s sentence named (`attack_continuation.named_before`); `last` told within the
    two sentences before (`near`), or its place named again; and `tells_on`."""
    from transforms.attack_continuation import named_before
    from transforms.attack_discourse import same_time
    if own is not None and not (confirms(doc, clauses) and same_time(own, last)
                                or _governed_by_perception(doc, clauses) and overlaps(own, last)):
        return False
    places = located(places, gazetteer)
    if any(not named_before(m.surface, m.entity_id, last) for m in places):
        return False
    again = bool(places) or own is not None or _names_target_again(doc, clauses, last)
    return (near or again) and tells_on(found, last, doc, r, clauses)


def overlaps(own, last) -> bool:
    """Whether a sentence's own date range ("late in the evening") meets the last event's."""
    return own.date_min <= last.date_max and last.date_min <= own.date_max


def _names_target_again(doc, clauses: list, last) -> bool:
    """Whether an attack clause's target is a proper name the last event's sentence gave (`last`,
    an `attacks.AttackEvent`): 'repelled an attack on Marte' after 'overran a base in Marte', a
    town the gazetteer may lack."""
    return any(g.pos_ == "PROPN" and re.search(rf"\b{re.escape(g.text)}\b", last.evidence)
               for c in clauses for p in doc[c.trigger].children if p.dep_ == "prep" and p.lower_ in ("on", "against", "at")
               for g in p.children if g.dep_ == "pobj")
