"""Years an article labels past events by: "the 2020 attack" (component `attacks`).

"A military court sentenced four men for their role in the 2020 attack on a school in Kumba.
... On 24 October 2020, gunmen stormed the school.": an article that names an event by its year
("the 2020 attack", "the 2019 Christmas Day bombing") was written after that year ended; news
says "this year's attack" or "the October attack" of its own year. For an undated article this
bounds the writing day below, as a day written with its year does
(`event_dates.Window.of_document`), so that the day of that attack is history, not news. Event
nouns in data/en/past_year_labels.txt.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from transforms.resources import word_list


@cache
def _label() -> re.Pattern:
    nouns = "|".join(sorted(word_list("en/past_year_labels.txt"), key=len, reverse=True))
    # "the 2020 attack", "the 2019 Christmas Day bombing", "the 2014 school massacre": up to two words between
    return re.compile(rf"\bthe\s+((?:19|20)\d\d)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})(?:s|es)?\b", re.I)


def years_over(body: str, today: dt.date) -> list[dt.date]:
    """The first day after each year `body` labels a past event by ("the 2020 attack" -> 2021-01-01),
    not after `today`."""
    out = []
    for m in _label().finditer(body):
        after = dt.date(int(m.group(1)) + 1, 1, 1)
        if after <= today:
            out.append(after)
    return out
