"""Air defences that shot down more of the salvo just told (component `attacks`).

"Houthi drones struck a power station in Marib on Tuesday night, killing two guards. The
coalition said its air defences had intercepted several other drones over the city.": the
second sentence is no attack of its own. What it reports was intercepted, with a weapon of the
attack just told, and it names no day and no place of its own: the rest of the same salvo, which
ACLED codes with the attack it belongs to. Its "other" says other munitions, not another attack
(which is how `attack_followup` reads "other"). An interception with a day or a town of its own
("Air defences in Port Sudan intercepted three drones on 4 March") stays an event.
"""

from __future__ import annotations

from transforms.attack_continuation import named_before

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
