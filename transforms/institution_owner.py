"""A country named as the owner of an institution: "Ukraine's Security Service" (component `attacks`).

"A source in Ukraine's Security Service told reporters that its drones had carried out the
strike": the country's possessive before a capitalised name whose last word is an institution's
head noun (data/en/institution_heads.txt: "Service", "Ministry", "Agency", "Forces") says who
speaks or acts, not where the attack was; reading it as the scene makes a claim of an attack
already told a new attack in another country. "Russia's Krasnodar region", "Nigeria's Sokoto
state" (a place noun at the end) stay places.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.entities import Mention
from transforms.resources import word_list


@cache
def _owned_name() -> re.Pattern:
    heads = "|".join(sorted(word_list("en/institution_heads.txt"), key=len, reverse=True))
    # 's, then one to four capitalised words (with "of", "and", "for" between) ending in a head noun
    return re.compile(r"['’]s\s+(?:(?-i:[A-Z])[\w'’-]*\s+(?:(?:of|and|for|the)\s+)*){0,3}(?=(?-i:[A-Z]))(?:" + heads + r")s?\b",
                      re.I)


def owns_institution(text: str, m: Mention) -> bool:
    """Whether the place mention `m` of `text` is the possessive owner of an institution's name
    ("Ukraine's Security Service", "Russia's Defence Ministry", "Kenya's Defence Forces")."""
    return bool(_owned_name().match(text, m.end))
