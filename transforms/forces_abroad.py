"""Forces that serve abroad: whose they are is no evidence of where they fought (component `geo`).

"Jihadists ambushed French soldiers near the hamlet of X", "a US drone strike near Y": the
demonym says whose the force is; France's, the United States' or Rwanda's forces are reported
above all away from home (data/forces_abroad.json), so the demonym gives neither the event's
country (`event_places`) nor backing to a homonym of the hamlet in that country (`geo`). A local
force's demonym ("Somali police") and the same demonym before other nouns ("Russian officials
said") stay evidence.
"""

from __future__ import annotations

import json
import re
from functools import cache

from transforms.resources import data_text


@cache
def _rules() -> tuple[frozenset[str], re.Pattern]:
    raw = json.loads(data_text("forces_abroad.json"))
    nouns = "|".join(sorted(map(re.escape, raw["force_nouns"]), key=len, reverse=True))
    # ("French and Burkinabe forces", "French Barkhane forces", "US-led strikes": a word or a partner may stand between)
    return frozenset(raw["countries"]), re.compile(
        rf"(?:-led|\s+and\s+[A-Z][\w'’-]*|\s+[A-Z][\w'’-]*)?\s+(?:{nouns})\b", re.I)


def abroad_forces(body: str, mentions: list, gazetteer) -> frozenset[str]:
    """The countries of data/forces_abroad.json whose demonym or name the article uses only before a
    force's or a weapon's noun ("French soldiers", "US drone strike", "Russian troops"): each such
    country's evidence in the article is who acted, never where. `mentions`: objects with
    entity_id, start, end; `gazetteer`: entity id -> Entity."""
    countries, force = _rules()
    used: dict[str, bool] = {}
    for m in mentions:
        e = gazetteer.get(m.entity_id)
        if e is None or e.country_code not in countries or e.entity_type not in ("NORP", "GPE"):
            continue
        as_force = bool(force.match(body, m.end))
        used[e.country_code] = used.get(e.country_code, True) and as_force
    return frozenset(cc for cc, only_forces in used.items() if only_forces)
