"""A day's count of attacks on a place that tells its own toll is that day's attack (component `attacks.v9`).

"Russian forces shelled Kherson 43 times over the past day, killing one woman", "Troops shelled
Nikopol 12 times on Saturday, killing two men": the usual form of a daily shelling report. It is
an official count (`tallies`: kept there as a tally of attacks) and also the report of the
shelling of one place on one day with its dead, which ACLED codes as an event. A count over a
longer period ("400 strikes on the region over the past week, killing 12") stays a tally only:
its toll sums days the text does not tell apart. Source: the session 11 break report, kind 4.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

from transforms import event_dates
from transforms.attack_rules import Rules, _path
from transforms.resources import data_text

MAX_DAYS = 1  # the widest range of the sentence's own date that is still one day's report (a night spans two)


def days_attacks_with_toll(doc, clauses: list, own, r: Rules) -> bool:
    """Whether a sentence that counts attacks is one day's attacks with a toll of their own: its own
    date `own` (an `event_dates.EventDate`, or None) spans at most `MAX_DAYS` after its first day,
    or, with no date of its own, its words bound it to a day (data/en/day_tally.json `one_day`:
    "over the past day", which the time engine leaves undated); and a harm clause ("killing one woman") hangs on an attack
    trigger that is no harm word ("shelled"), in its parse `doc`."""
    if own is None and not _one_day().search(doc.text) or own is not None and (own.date_max - own.date_min).days > MAX_DAYS:
        return False
    attacks = {c.trigger for c in clauses if c.lemma not in r.harm}
    return any(c.lemma in r.harm and any(a.i in attacks for a in doc[c.trigger].ancestors) for c in clauses)


def past_day(sentence: str, end: dt.date | None) -> event_dates.EventDate | None:
    """The range [day before `end`, `end`] (`end`: the publication day, else the window's end)
    that a sentence's own words give ("over the past day", data/en/day_tally.json `one_day`),
    for a sentence the time engine dates no day; None without such words or an `end`."""
    m = _one_day().search(sentence)
    return None if m is None or end is None else event_dates.since(end - dt.timedelta(days=1), end, m.group(0))


@cache
def _one_day() -> re.Pattern:
    words = json.loads(data_text(_path("day_tally.json")))["one_day"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)
