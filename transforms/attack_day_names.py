"""An attack named by its day: "Saturday's ambush", "yesterday's bombing" (component `attacks`).

"Saturday's ambush was the deadliest on central forces since militants attacked a camp in
another district last year.": a weekday's (or "yesterday's", "today's") possessive before an
attack noun names the attack the article has told, as "the ambush" does; it is no new one. The
event builder still keeps it apart when its day or place contradicts the attack just told
(`attack_discourse.contradicts`). Weekdays are the timex vocabulary's (data/en/timex/vocabulary.json).
"""

from __future__ import annotations

from functools import cache

from transforms.timex_vocab import vocabulary

_DEICTIC_DAYS = frozenset({"yesterday", "today", "tonight"})


@cache
def _day_words() -> frozenset[str]:
    v = vocabulary()
    return frozenset(v["weekday"]) | frozenset(v["weekday_abbr"]) | _DEICTIC_DAYS


def names_its_day(token) -> bool:
    """Whether `token` (a spaCy token) is a day's possessive before its head ("Saturday's", "Sunday's")."""
    return token.dep_ == "poss" and token.lower_ in _day_words() and any(c.dep_ == "case" for c in token.children)
