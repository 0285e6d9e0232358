"""A sentence that tells on the attack just reported without a scene of its own (component `attacks.v8`).

"RSF shelling killed 15 in El Fasher on Saturday. Shells hit a crowded market and the South
Hospital.", "Fano militiamen attacked Bahir Dar on Sunday. Residents said heavy gunfire lasted
several hours.": the second sentence names no day, no place, no attacker and no weapon the
first did not (besides gunfire, what any attack of unknown weapon is made of), and does not say
it is another attack ("another", "a second": attack_words.json `anaphora.new_event`; "also",
"elsewhere": `new_scene_adverbs`): it is the same attack, told on, not a new event with a
wider date. A place, a day, another weapon or another attacker keeps it apart (a roundup of
attacks in three towns stays three events).
"""

from __future__ import annotations

import json
from functools import cache

from transforms.attack_detect import lemma_of
from transforms.attack_rules import Rules, _path
from transforms.resources import data_text

_ANY_ATTACK = frozenset({"unknown", "gunfire"})  # weapons any attack may be told with afterwards


@cache
def _new_scene_adverbs() -> frozenset[str]:
    return frozenset(json.loads(data_text(_path("attack_words.json")))["new_scene_adverbs"])


def located(places: list, gazetteer) -> list:
    """The places that say where on the map a sentence is: not a building or spot the gazetteer
    lacks and no country holds ("the South Hospital", read by the NER model), which lies within
    the scene just told rather than opening a new one."""
    return [m for m in places if not (gazetteer[m.entity_id].source == "ner" and gazetteer[m.entity_id].entity_type != "GPE"
                                      and not gazetteer[m.entity_id].country_code)]


def tells_on(found: list, last, doc, r: Rules) -> bool:
    """Whether the rows `found` of a sentence with no day and no place of its own (the caller's
    to check) are the attack `last` told on: same attacker or none, no weapon `last` lacks but
    those of `_ANY_ATTACK`, and no word saying it is another attack."""
    if not found or any(e.attacker_id not in (None, last.attacker_id) for e in found):
        return False
    if any(not set(e.weapons) <= set(last.weapons) | _ANY_ATTACK for e in found):
        return False
    words = {lemma_of(t) for t in doc} | {t.lower_ for t in doc}
    return words.isdisjoint(r.new_event) and words.isdisjoint(_new_scene_adverbs())
