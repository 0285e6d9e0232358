"""Names told beside the attacks of a sentence, not of them (component `attacks.v9`).

A trigger a cue word above it sets aside (`attack_detect`: "in response to a drone attack on
U.S. troops in Syria", "in retaliation for a mortar attack near Idlib", "a week after the
shelling of Kharkiv") is the reason or the earlier event the sentence gives beside the attack it
reports. The names inside its words are that other event's: they are no place, actor
or target of the attack reported, so they make no row of it and take none of its toll. Source:
the session 11 break report, kind 14 (a strike's stated reason became a second row in another
country and carried the toll).
"""

from __future__ import annotations

from transforms.attack_detect import Clause, Dropped
from transforms.entities import Mention


def told_aside(doc, start: int, clauses: list[Clause], dropped: list[Dropped], mentions: list[Mention]) -> list[Mention]:
    """The `mentions` (body offsets; `start` is the sentence's offset in the body, `doc` its parse)
    whose words all lie under the cue word (a noun or preposition) above a trigger it dropped,
    outside the words of every attack the sentence reports (`clauses`). A trigger dropped by its
    own words (weak, non-violent, a cue on its verb) sets nothing aside: its words may be the
    attack's own scene ("intercepted three missiles launched in the Red Sea", "a bomb went off
    early in Gao, killing two")."""
    cued = [d for d in dropped if d.cut != d.trigger]
    if not cued or not clauses:
        return []
    aside: set[int] = set()
    for d in cued:
        cut = {t.i for t in doc[d.cut].subtree}
        # an attack reported inside the phrase set aside keeps its words ("after the raid, troops shelled X")
        aside |= cut - {t.i for c in clauses if c.trigger in cut for t in doc[c.trigger].subtree}
    out = []
    for m in mentions:
        span = doc.char_span(m.start - start, m.end - start, alignment_mode="expand")
        if span is not None and len(span) and all(t.i in aside for t in span):
            out.append(m)
    return out
