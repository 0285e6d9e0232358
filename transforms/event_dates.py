"""Event dates: relative time expressions resolved against the publication date.

Conventions (../shared/gold/ANNOTATION.md): a weekday is the most recent such day on or
before publication; "over the weekend" the Saturday-Sunday before; "earlier this week"
Monday .. the day before publication; "in the past 24 hours" [pub-1, pub]; "last week" the
previous Monday-Sunday; "since Oct. 17" [Oct 17, pub]. An event never ends after publication.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms.dates import MONTHS, WEEKDAYS

# How far back an attack reported without any time expression is assumed to lie.
DEFAULT_LOOKBACK_DAYS = 7
# Without a publication date: the window around the batch's reference date.
UNDATED_LOOKBACK_DAYS = 60

_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (kind, re.compile(p, re.I)) for kind, p in [
        ("since_date", rf"\bsince (?:{_MON}) (?P<day>\d{{1,2}})\b"),
        ("since_weekday", rf"\bsince (?:last )?{_WD}\b"),
        ("month_day", rf"\b(?:on |late |early )?{_MON} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"),
        ("day_month", rf"\b(?:on )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MON}\b"),
        ("weekday", rf"\b(?:(?:on|late|early|last|this past|this) )?(?:(?:late|early) )?{_WD}(?: (?:night|morning|evening|afternoon))?\b"),
        ("day_before", r"\b(?:the (?:day before|previous day|prior day)|a day (?:earlier|before))\b"),
        ("yesterday", r"\byesterday\b"),
        ("today", r"\b(?:today|this morning|tonight|this evening)\b"),
        ("past_24h", r"\b(?:in the (?:past|last) 24 hours|overnight)\b"),
        ("weekend", r"\b(?:over|at|during) the weekend\b|\bthis weekend\b|\blast weekend\b"),
        ("earlier_this_week", r"\bearlier (?:this|in the) week\b"),
        ("this_week", r"\bthis week\b"),
        ("last_week", r"\blast week\b"),
        ("past_week", r"\b(?:in|over|during) the (?:past|last) (?P<n>\w+ )?weeks?\b"),
        ("last_month", r"\blast month\b"),
        ("in_month", rf"\bin {_MON}\b"),
        ("recent", r"\b(?:recently|in recent days|in recent weeks)\b"),
    ]
]
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 3, "few": 3}


@dataclass(frozen=True)
class EventDate:
    date: dt.date | None
    date_min: dt.date
    date_max: dt.date
    text: str | None
    precision: str  # day | range | unknown


@dataclass(frozen=True)
class TimeExpression:
    kind: str
    text: str
    start: int
    end: int
    groups: dict


def find_time_expressions(sentence: str) -> list[TimeExpression]:
    """Non-overlapping expressions, most specific pattern first, in text order."""
    found: list[TimeExpression] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            found.append(TimeExpression(kind, m.group(0), m.start(), m.end(), m.groupdict()))
    return sorted(found, key=lambda f: f.start)


def resolve(expr: TimeExpression | None, published: dt.date | None, anchor: dt.date | None = None,
            reference: dt.date | None = None) -> EventDate:
    """The day or range `expr` denotes. `anchor` is the last day resolved earlier in the article
    (for "the day before"); `reference` stands in for a missing publication date."""
    if published is None:
        return _resolve_undated(expr, reference)
    if expr is None:
        return EventDate(None, published - dt.timedelta(DEFAULT_LOOKBACK_DAYS), published, None, "range")
    pub = published
    k, g = expr.kind, expr.groups
    day = None
    lo = hi = None
    if k == "weekday":
        day = _last_weekday(pub, WEEKDAYS[g["wd"].lower()])
    elif k == "since_weekday":
        lo, hi = _last_weekday(pub, WEEKDAYS[g["wd"].lower()]), pub
    elif k in ("month_day", "day_month"):
        day = _month_day(pub, g["mon"], int(g["day"]))
    elif k == "since_date":
        start = _month_day(pub, g["mon"], int(g["day"]))
        lo, hi = (start, pub) if start else (None, None)
    elif k == "day_before":
        day = (anchor or pub) - dt.timedelta(1)
    elif k == "yesterday":
        day = pub - dt.timedelta(1)
    elif k == "today":
        day = pub
    elif k == "past_24h":
        lo, hi = pub - dt.timedelta(1), pub
    elif k == "weekend":
        sunday = _last_weekday(pub, 6)
        lo, hi = sunday - dt.timedelta(1), sunday
    elif k == "earlier_this_week":
        monday = pub - dt.timedelta(pub.weekday())
        lo, hi = monday, max(monday, pub - dt.timedelta(1))
    elif k == "this_week":
        lo, hi = pub - dt.timedelta(pub.weekday()), pub
    elif k == "last_week":
        monday = pub - dt.timedelta(pub.weekday() + 7)
        lo, hi = monday, monday + dt.timedelta(6)
    elif k == "past_week":
        n = _NUMBER_WORDS.get((g.get("n") or "").strip().lower(), 1)
        lo, hi = pub - dt.timedelta(7 * n), pub
    elif k == "last_month":
        first = pub.replace(day=1)
        hi = first - dt.timedelta(1)
        lo = hi.replace(day=1)
    elif k == "in_month":
        lo, hi = _month_range(pub, g["mon"])
    elif k == "recent":
        lo, hi = pub - dt.timedelta(14), pub
    if day is not None:
        return EventDate(day, day, day, expr.text, "day")
    if lo is not None:
        return EventDate(None, lo, min(hi, pub), expr.text, "range")
    return resolve(None, pub)


def _resolve_undated(expr: TimeExpression | None, reference: dt.date | None) -> EventDate:
    """No publication date: only an explicit month-day pins a day (its year from the reference)."""
    ref = reference or dt.date.today()
    if expr is not None and expr.kind in ("month_day", "day_month"):
        day = _month_day(ref, expr.groups["mon"], int(expr.groups["day"]))
        if day:
            return EventDate(day, day, day, expr.text, "day")
    return EventDate(None, ref - dt.timedelta(UNDATED_LOOKBACK_DAYS), ref, expr.text if expr else None, "unknown")


def _last_weekday(pub: dt.date, weekday: int) -> dt.date:
    return pub - dt.timedelta((pub.weekday() - weekday) % 7)


def _month_day(pub: dt.date, month_name: str, day: int) -> dt.date | None:
    month = MONTHS[month_name.lower().rstrip(".")]
    for year in (pub.year, pub.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate <= pub:
            return candidate
    return None


def _month_range(pub: dt.date, month_name: str) -> tuple[dt.date, dt.date]:
    month = MONTHS[month_name.lower().rstrip(".")]
    year = pub.year if month <= pub.month else pub.year - 1
    lo = dt.date(year, month, 1)
    hi = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(1))
    return lo, hi
