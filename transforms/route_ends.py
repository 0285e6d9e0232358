"""A place named as where a road leads: "the road that connects with Apatzingan" (component `attacks`).

"Five officers were killed on Monday when gunmen ambushed their convoy near Tepalcatepec. The
officers were on patrol on the highway that leads to Uruapan when they were attacked with
rifles.": the town at the road's end says which road, not a new scene; the sentence that retells
the ambush is the ambush. Only the test of whether a retelling names a new place reads this
(`attacks.extract_attacks`); where the attack itself was is read as before. Words in
data/en/route_ends.txt.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.entities import Mention
from transforms.resources import word_list


@cache
def _route_end() -> re.Pattern:
    section, words = None, {"roads": [], "ends": []}
    for line in word_list("en/route_ends.txt"):
        if line.startswith("["):
            section = line.strip("[]")
        else:
            words[section].append(re.escape(line).replace(r"\ ", r"\s+"))
    roads = "|".join(words["roads"])
    ends = "|".join(sorted(words["ends"], key=len, reverse=True))
    return re.compile(rf"\b(?:{roads})s?\s+(?:(?:that|which)\s+)?(?:{ends})\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$", re.I)


def is_route_end(text: str, m: Mention, floor: int = 0) -> bool:
    """Whether the place mention `m` of `text` is named as where a road leads (not before `floor`)."""
    return bool(_route_end().search(text[max(floor, m.start - 60):m.start]))
