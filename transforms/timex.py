"""A rule-based TimeML TIMEX3 tagger: temporal expressions with type and normalized value.

Component `timex.v1`. `tag_timexes(text, dct)` finds DATE, TIME, DURATION and SET expressions
and normalizes them against the document creation time (dct), the way TimeML annotates news
("Wednesday" -> 2010-10-20, "the fourth quarter" -> 2006-Q4, "two years" -> P2Y, "weekly" -> P1W,
"recent years" -> PAST_REF). The pipeline resolves event dates from the same expressions
(transforms/event_dates.py); `sitrep timex` exposes it as JSONL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms.dates import MONTHS, WEEKDAYS

COMPONENT = "timex.v1"

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": 0.5,
}
_VAGUE_NUM = {"several", "few", "a few", "many", "some", "couple of", "a couple of", "numerous", "multiple"}
_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE", "quarter": "Q",
          "hour": "H", "minute": "MIN", "second": "S", "fortnight": "FN", "weekend": "WE"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
             "final": 4, "last": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# Capitalized only: "may" and "march" are also words.
_MONTH_FULL = (r"(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|"
               r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.))")
_DAYNAME = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMBER = r"(?P<n>\d+(?:\.\d+)?|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")(?P<half>\s+and\s+a\s+half)?"
_VAGUE = r"(?P<vague>" + "|".join(sorted(_VAGUE_NUM, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>year|month|week|day|decade|century|centurie|quarter|hour|minute|second|fortnight)"
# A weekday lies ahead only when the clause just before it says so ("will meet on Friday").
_LOCAL_FUTURE = re.compile(r"\b(will|to be|scheduled|expected|due|until|next)\b[^.,;]{0,30}$", re.I)
_FUTURE_CUE = re.compile(r"\b(will|shall|going to|plans? to|planned|scheduled|expected to|is to|are to|upcoming|due to)\b", re.I)


_CAPITALIZED_BEFORE_YEAR = {"In", "By", "Since", "Until", "From", "Of", "For", "During", "Before", "After", "Through",
                            "Fiscal", "Early", "Late", "Mid", "Summer", "Spring", "Autumn", "Winter", "Fall", "And", "The"}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}


@dataclass
class _Context:
    text: str
    dct: dt.date
    anchor: dt.date  # the last fully specified day mentioned, for "the same day"


def _rule(pattern: str, flags=re.I):
    def wrap(fn):
        _RULES.append((re.compile(pattern, flags), fn))
        return fn
    return wrap


_RULES: list = []


def tag_timexes(text: str, dct: dt.date) -> list[Timex]:
    """All temporal expressions of `text`, left to right, non-overlapping (longest wins)."""
    ctx = _Context(text, dct, dct)
    candidates = []
    for pattern, fn in _RULES:
        for m in pattern.finditer(text):
            candidates.append((m.start(), -(m.end() - m.start()), m, fn))
    candidates.sort(key=lambda c: (c[0], c[1]))
    out: list[Timex] = []
    last_end = -1
    for start, _, m, fn in candidates:
        if start < last_end:
            continue
        found = fn(m, ctx)
        if not found:
            continue
        span = m.span("x") if "x" in m.groupdict() and m.group("x") else m.span()
        for kind, value, (s, e) in (found if isinstance(found, list) else [(*found, span)]):
            out.append(Timex(s, e, text[s:e], kind, value))
            if kind == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                ctx.anchor = dt.date.fromisoformat(value)
        last_end = m.end()
    return out


# --- explicit dates -------------------------------------------------------------------------

@_rule(r"\b(?P<x>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4}))\b")
def _month_day_year(m, ctx):
    return _day(int(m.group("year")), _month(m), int(m.group("day")))


@_rule(r"\b(?P<x>(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4}))\b")
def _day_month_year(m, ctx):
    return _day(int(m.group("year")), _month(m), int(m.group("day")))


@_rule(r"\b(?P<x>(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))\b")
def _iso(m, ctx):
    return _day(int(m.group("year")), int(m.group("m")), int(m.group("d")))


@_rule(r"(?<![\d/])(?P<x>(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>\d{2}|\d{4}))(?![\d/])")
def _slashed(m, ctx):
    year = int(m.group("year"))
    year += 2000 if year < 50 else 1900 if year < 100 else 0
    return _day(year, int(m.group("m")), int(m.group("d")))


@_rule(r"\b(?P<x>" + _MONTH_FULL + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?)\b(?!,?\s*\d{4})(?!\s*(?:%|percent))")
def _month_day(m, ctx):
    month, day = _month(m), int(m.group("day"))
    year = _nearest_year(ctx.dct, month, day)
    return _day(year, month, day) if year else None


@_rule(r"\b(?P<x>(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_FULL + r")\b(?!,?\s*\d{4})")
def _day_month(m, ctx):
    month, day = _month(m), int(m.group("day"))
    year = _nearest_year(ctx.dct, month, day)
    return _day(year, month, day) if year else None


@_rule(r"\b(?P<x>(?:(?:early|mid|late)[- ])?" + _MONTH_FULL + r",?\s+(?:of\s+)?(?P<year>\d{4}))\b")
def _month_year(m, ctx):
    return "DATE", f"{int(m.group('year')):04d}-{_month(m):02d}"


@_rule(r"\b(?P<x>(?:(?:early|mid|late)[- ])?" + _MONTH_FULL + r")(?!\s+\d)\b")
def _month_only(m, ctx):
    """A month without a year: "last"/"next" decide, else the occurrence nearest the document date."""
    month = _month(m)
    before = ctx.text[max(0, m.start() - 6):m.start()].lower()
    if "next" in before:
        year = ctx.dct.year + (month <= ctx.dct.month)
    elif "last" in before:
        year = ctx.dct.year - (month >= ctx.dct.month)
    else:
        year = min((ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1),
                   key=lambda y: abs((y * 12 + month) - (ctx.dct.year * 12 + ctx.dct.month)))
    return "DATE", f"{year:04d}-{month:02d}"


@_rule(r"\b(?P<x>(?P<pos>early|mid|late)[- ](?P<year>(?:19|20)\d{2}))\b")
def _part_of_year(m, ctx):
    return "DATE", m.group("year") + ("-06-XX" if m.group("pos").lower() == "mid" else "")


@_rule(r"\b(?P<x>(?:from|between)\s+(?P<a>(?:19|20)\d{2})\s+(?:to|and|until|through)\s+(?P<b>(?:19|20)\d{2}))\b")
def _year_span(m, ctx):
    """A span of years is a duration that contains two dates (TimeML annotates all three)."""
    return [("DURATION", f"P{int(m.group('b')) - int(m.group('a'))}Y", m.span("x")),
            ("DATE", m.group("a"), m.span("a")), ("DATE", m.group("b"), m.span("b"))]


@_rule(r"\b(?P<x>the\s+(?:very\s+)?(?:start|beginning|end|middle)\s+of\s+(?P<rel>the|this|last|next)\s+(?P<unit>year|month))\b")
def _edge_of_period(m, ctx):
    shift = {"the": 0, "this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return "DATE", _shift_period(ctx.dct, m.group("unit").lower(), shift)


@_rule(r"\b(?:since|until|from|in)\s+(?P<x>'(?P<yy>\d{2}))\b(?!s)")
def _short_year(m, ctx):
    yy = int(m.group("yy"))
    return "DATE", str(1900 + yy if yy > 30 else 2000 + yy)


@_rule(r"\b(?P<x>(?:the|that)\s+(?:entire\s+|whole\s+)?day|late\s+in\s+the\s+day|the\s+start\s+of\s+the\s+day)\b")
def _the_day(m, ctx):
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    words = m.group("x").lower()
    if "late in" in words or "start of" in words or re.search(r"\b(end|ending|finish|finished|for|during|in)\s+$", before):
        return "DATE", ctx.anchor.isoformat()
    return None


@_rule(r"\b(?:by|at|until|since)\s+(?P<x>that\s+(?:time|date|day))\b")
def _that_time(m, ctx):
    return "DATE", ctx.anchor.isoformat()


@_rule(r"\b(?P<x>(?P<a>\d+)(?:\s+(?:and|to|or)\s+|-)(?P<b>\d+)\s+(?P<unit>years|months|weeks|days|hours|minutes))\b")
def _number_range(m, ctx):
    unit = m.group("unit").lower().rstrip("s")
    return [("DURATION", _duration_value(int(m.group("a")), unit), m.span("a")),
            ("DURATION", _duration_value(int(m.group("b")), unit), (m.start("b"), m.end("unit")))]


@_rule(r"\b(?P<x>(?:the\s+)?(?:remainder|rest)\s+of\s+the\s+(?P<unit>week|month|year|day))\b")
def _rest_of(m, ctx):
    return "DURATION", _duration_value(1, m.group("unit").lower())


@_rule(r"\b(?P<x>(?:(?:best|worst|busiest|quietest|strongest|weakest|biggest)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s+(?P<unit>week|month)(?:\s+in\s+a\s+row)?)\b")
def _this_period_superlative(m, ctx):
    return "DATE", _shift_period(ctx.dct, m.group("unit").lower(), 0)


@_rule(r"\b(?P<x>(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\s+(?:consecutive|straight)\s+(?:day|session|trading\s+day))\b")
def _nth_consecutive_day(m, ctx):
    return "DATE", ctx.dct.isoformat()


@_rule(r"\b(?P<x>the\s+same\s+(?P<unit>period|month|quarter|week)\s+(?:a\s+year|last\s+year|one\s+year)\s*(?:ago|earlier|before)?)\b")
def _same_period_last_year(m, ctx):
    unit = m.group("unit").lower()
    last_year = ctx.dct.replace(year=ctx.dct.year - 1) if not (ctx.dct.month == 2 and ctx.dct.day == 29) else ctx.dct - dt.timedelta(days=365)
    return "DATE", _shift_period(last_year, "month" if unit == "period" else unit, 0)


@_rule(r"\b(?P<x>the\s+year\s+(?:previous|before|earlier))\b")
def _year_before(m, ctx):
    return "DATE", str(ctx.dct.year - 1)


@_rule(r"\b(?P<x>single-day|one-day)\b(?=\s+\w)")
def _single_day(m, ctx):
    return "DURATION", "P1D"


@_rule(r"(?<![\d$£€#.,])\b(?P<x>(?:19|20)\d{2})\b(?![%]|[,.-]?\d|\s*(?:percent|people|jobs|units|cars|aircraft|planes|employees|shares|passengers|workers|tons|tonnes|barrels|miles|km|feet|metres|meters|dollars|euros|pounds|seats|vehicles|orders)\b)")
def _year(m, ctx):
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if re.search(r"(?:\$|US\$|#|£|€)\s*$|\bNo\.\s*$|\b(?:flight|model|route|A|B|Boeing|Airbus)\s*$", before):
        return None
    name = re.search(r"\b([A-Z][a-z]+)\s+$", before)
    if name and name.group(1) not in _CAPITALIZED_BEFORE_YEAR and name.group(1).lower() not in MONTHS:
        return None  # "Russell 2000", "Windows 2000": a name, not a year
    return "DATE", m.group("x")


@_rule(r"(?P<x>\b(?:the\s+)?(?:(?:19|20)\d0|'\d0|[2-9]0)s)\b")
def _decade(m, ctx):
    digits = re.search(r"(\d+)0s", m.group("x")).group(1)
    return "DATE", (digits if len(digits) == 3 else ("19" + digits if int(digits) > 2 else "20" + digits))


# --- quarters, halves, seasons -----------------------------------------------------------------

@_rule(r"\b(?P<x>(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ](?:fiscal\s+|calendar\s+)?quarter(?:\s+of\s+(?:(?P<year>\d{4})|(?P<rel>this|last|next)\s+year))?)\b")
def _quarter(m, ctx):
    q = _ORDINALS[m.group("ord").lower()]
    year = _rel_year(m, ctx)
    if year is None:  # the occurrence of that quarter nearest the document date
        current = ctx.dct.year * 4 + (ctx.dct.month - 1) // 3
        year = min((ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1), key=lambda y: abs(y * 4 + q - 1 - current))
    return "DATE", f"{year}-Q{q}"


@_rule(r"\b(?P<x>(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?:(?P<year>\d{4})|(?P<rel>this|last|next)\s+year))?)\b")
def _half(m, ctx):
    h = 1 if m.group("ord").lower() == "first" else 2
    year = _rel_year(m, ctx)
    if year is None:
        year = ctx.dct.year - (1 if h == 2 and ctx.dct.month <= 6 and not _future(ctx, m) else 0)
    return "DATE", f"{year}-H{h}"


@_rule(r"\b(?P<x>(?:(?:this|last|next|the)\s+)?(?P<season>spring|summer|autumn|winter)(?:\s+of)?(?:\s+(?P<year>\d{4}))?)\b")
def _season(m, ctx):
    season = _SEASONS[m.group("season").lower()]
    year = int(m.group("year")) if m.group("year") else ctx.dct.year
    words = m.group("x").lower()
    if "last" in words:
        year -= 1
    elif "next" in words:
        year += 1
    return "DATE", f"{year}-{season}"


# --- relative days --------------------------------------------------------------------------

@_rule(r"\b(?P<x>(?:earlier\s+|later\s+)?today|this\s+morning|this\s+afternoon|this\s+evening|tonight)\b")
def _today(m, ctx):
    words = m.group("x").lower()
    for part, code in _PARTS.items():
        if part in words:
            return "TIME", f"{ctx.dct.isoformat()}T{code}"
    if "tonight" in words:
        return "TIME", f"{ctx.dct.isoformat()}TNI"
    return "DATE", ctx.dct.isoformat()


@_rule(r"\b(?P<x>yesterday(?:\s+(?P<part>morning|afternoon|evening))?|last\s+night)\b")
def _yesterday(m, ctx):
    day = ctx.dct - dt.timedelta(days=1)
    if m.group("part") or "night" in m.group("x").lower():
        return "TIME", f"{day.isoformat()}T{_PARTS[(m.group('part') or 'night').lower()]}"
    return "DATE", day.isoformat()


@_rule(r"\b(?P<x>overnight)\b(?!\s+(?:stay|bag|flight|trip|train))")
def _overnight(m, ctx):
    """The night before the document date: TimeML's night of the previous day."""
    return "TIME", f"{(ctx.dct - dt.timedelta(days=1)).isoformat()}TNI"


@_rule(r"\b(?P<x>tomorrow(?:\s+(?P<part>morning|afternoon|evening|night))?)\b")
def _tomorrow(m, ctx):
    day = ctx.dct + dt.timedelta(days=1)
    if m.group("part"):
        return "TIME", f"{day.isoformat()}T{_PARTS[m.group('part').lower()]}"
    return "DATE", day.isoformat()


@_rule(r"\b(?P<x>(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?" + _DAYNAME +
       r"(?:\s+(?P<part>morning|afternoon|evening|night))?)\b")
def _weekday(m, ctx):
    target = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    future = rel in ("next", "this coming") or (not rel and _LOCAL_FUTURE.search(ctx.text[max(0, m.start() - 40):m.start()]))
    if future:
        day = ctx.dct + dt.timedelta(days=(target - ctx.dct.weekday()) % 7 or 7)
    else:
        day = ctx.dct - dt.timedelta(days=(ctx.dct.weekday() - target) % 7)
    if m.group("part"):
        return "TIME", f"{day.isoformat()}T{_PARTS[m.group('part').lower()]}"
    ctx.anchor = day
    return "DATE", day.isoformat()


@_rule(r"\b(?P<x>the\s+(?:same|following|next|previous|prior)\s+day|the\s+day\s+(?:before|after))\b")
def _relative_day(m, ctx):
    words = m.group("x").lower()
    shift = 0 if "same" in words else (1 if any(w in words for w in ("following", "next", "after")) else -1)
    return "DATE", (ctx.anchor + dt.timedelta(days=shift)).isoformat()


@_rule(r"\b(?P<x>(?P<rel>last|this|next|the\s+previous|the\s+past|the\s+following|the\s+coming)\s+(?P<unit>week|month|year|weekend|quarter|decade|century))\b")
def _relative_period(m, ctx):
    rel = m.group("rel").lower().replace("the ", "")
    unit = m.group("unit").lower()
    shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "following": 1, "coming": 1}[rel]
    if rel == "past" and unit in ("week", "month", "year", "decade"):
        return "DURATION", "P10Y" if unit == "decade" else f"P1{_UNITS[unit]}"
    return "DATE", _shift_period(ctx.dct, unit, shift)


@_rule(r"\b(?P<x>(?:earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year))\b")
def _earlier_this(m, ctx):
    return "DATE", _shift_period(ctx.dct, m.group("unit").lower(), 0)


@_rule(r"\b(?P<x>(?:over|at|during)\s+the\s+weekend|this\s+weekend|the\s+weekend)\b")
def _weekend(m, ctx):
    iso = ctx.dct.isocalendar()
    week = iso.week if ctx.dct.weekday() >= 5 or _future(ctx, m) else (ctx.dct - dt.timedelta(days=7)).isocalendar().week
    year = iso.year if week == iso.week else (ctx.dct - dt.timedelta(days=7)).isocalendar().year
    return "DATE", f"{year}-W{week:02d}-WE"


# --- durations, sets, references --------------------------------------------------------------

@_rule(r"\b(?P<x>(?:(?:over|for|in|during|within)\s+)?(?:the\s+)?(?:(?:past|last|next|coming|first|previous|following)\s+)?(?:(?:" + _NUMBER + r"|" + _VAGUE + r")[- ](?:(?:straight|consecutive|trading|full|more|additional|whole|long)\s+)?)?" + _UNIT + r"s?(?:[- ]long)?)\b(?P<ago>\s+(?:ago|earlier|before|after|later))?")
def _duration(m, ctx):
    unit = m.group("unit").lower()
    unit = "century" if unit.startswith("centur") else unit
    words = m.group("x").lower()
    if m.group("ago"):
        pass  # TimeML news annotation keeps "two years ago" a duration (P2Y) anchored by "ago"
    n = m.group("n")
    if n is None and m.group("vague") is None:
        plural = words.endswith("s") and not words.endswith("ss")
        if not plural:
            # "the year", "last year", "next month": references, handled as dates elsewhere
            if not re.search(r"\b(past|first|following|coming)\b", words) or unit in ("second", "quarter"):
                return None
            n = "1"
        else:
            return "DURATION", _duration_value("X", unit)
    if m.group("vague"):
        return "DURATION", _duration_value("X", unit)
    adjectival = "-" in words and not words.endswith("-long")
    if n.lower() in ("a", "an", "one") and not adjectival and not m.group("ago") and (unit in ("second", "quarter") or not re.search(
            r"\b(for|in|within|over|about|nearly|almost|than|just|after|of|only|least|most)\s+$",
            ctx.text[max(0, m.start() - 12):m.start()].lower()) and not words.startswith(("for ", "in ", "over ", "within "))):
        return None  # "a second A380", "not a day anybody ...": not spans of time
    count = _NUM_WORDS.get(n.lower()) if not n[0].isdigit() else float(n)
    if count is None:
        return None
    if m.group("half"):
        count += 0.5
    return "DURATION", _duration_value(count, unit)


@_rule(r"\b(?P<x>(?:every|each|per)\s+(?P<unit>year|month|week|day|hour|quarter)|(?:a|an)\s+(?P<unit2>year|month|week|day|hour)(?=\W)|annual(?:ly)?|yearly|monthly|weekly|daily|hourly|quarterly)\b")
def _set(m, ctx):
    words = m.group("x").lower()
    if words.startswith(("a ", "an ")):
        before = ctx.text[max(0, m.start() - 20):m.start()]
        if not re.search(r"(\d|\b(?:times|twice|once))\s*$", before):
            return None
    unit = m.group("unit") or m.group("unit2") or {"annual": "year", "annually": "year", "yearly": "year",
                                                   "monthly": "month", "weekly": "week", "daily": "day",
                                                   "hourly": "hour", "quarterly": "quarter"}[words]
    return "SET", _duration_value(1, unit.lower())


@_rule(r"(?<!-)\b(?P<x>now|at\s+present|at\s+the\s+moment|nowadays|the\s+present|the\s+time\s+being|current)\b(?!-)")
def _present(m, ctx):
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if m.group("x").lower() == "now" and re.search(r"\b(will|would|can|could|must)\s+$", before):
        return None
    if m.group("x").lower() == "current" and not re.search(r"\bthe\s+$", before):
        return None
    return "DATE", "PRESENT_REF"


@_rule(r"\b(?P<x>recently|(?:in\s+)?recent\s+(?:years|months|weeks|days|decades|times)|recent(?=\s+[a-z])|(?:in\s+)?the\s+past|(?:in\s+)?(?:recent\s+(?:\w+\s+)?)?history)\b")
def _past(m, ctx):
    words = m.group("x").lower()
    before = ctx.text[max(0, m.start() - 10):m.start()].lower()
    if words.endswith("history") and not ("recent" in words or re.search(r"\bis\s+$", before)):
        return None
    return "DATE", "PAST_REF"


@_rule(r"(?<!-)\b(?P<x>(?:in\s+)?the\s+(?:near\s+)?future|soon(?!-)|shortly|short-term|long-term|the\s+(?:near|long|short)\s+term|later(?=\s+(?:in\s+the\s+day|revealing|recovered|on\b)))\b")
def _future_ref(m, ctx):
    return "DATE", "FUTURE_REF"


@_rule(r"\b(?P<x>(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)(?:\s*\((?:GMT|UTC)\s*[+-]\d+\))?|(?P<h2>\d{1,2}):?(?P<min2>\d{2})\s*(?:UTC|GMT|Z)(?:\s+(?:today|" + _DAYNAME + r"))?)")
def _clock(m, ctx):
    if m.group("h2"):
        hour, minute, zone = int(m.group("h2")), int(m.group("min2")), "Z"
    else:
        hour, minute, zone = int(m.group("h")), int(m.group("min") or 0), ""
        ampm = m.group("ampm").lower().replace(".", "")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    day = ctx.anchor
    if m.groupdict().get("wd") and m.group("wd"):
        target = WEEKDAYS[m.group("wd").lower()]
        day = ctx.dct - dt.timedelta(days=(ctx.dct.weekday() - target) % 7)
    return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"


@_rule(r"\b(?:in|during|on)\s+(?:the\s+)?(?P<x>(?P<part>morning|afternoon|evening))(?:\s+trading|\s+session)?\b")
def _part_of_day(m, ctx):
    return "TIME", f"{ctx.anchor.isoformat()}T{_PARTS[m.group('part').lower()]}"


# --- helpers ----------------------------------------------------------------------------------

def _month(m) -> int:
    return MONTHS[m.group("month").lower().rstrip(".")]


def _day(year: int, month: int, day: int):
    try:
        return "DATE", dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _nearest_year(dct: dt.date, month: int, day: int) -> int | None:
    best = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - dct).days) < abs((best - dct).days):
            best = d
    return best.year if best else None


def _rel_year(m, ctx) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    rel = (m.groupdict().get("rel") or "").lower()
    return {"this": ctx.dct.year, "last": ctx.dct.year - 1, "next": ctx.dct.year + 1}.get(rel)


def _future(ctx: _Context, m) -> bool:
    """Whether the sentence around the expression speaks of the future (then a bare weekday,
    month or quarter lies ahead of the document date, not behind it)."""
    start = max(ctx.text.rfind(". ", 0, m.start()), ctx.text.rfind("\n", 0, m.start())) + 1
    stop = min((i for i in (ctx.text.find(". ", m.end()), ctx.text.find("\n", m.end())) if i >= 0), default=len(ctx.text))
    return bool(_FUTURE_CUE.search(ctx.text, start, stop))


def _shift_period(dct: dt.date, unit: str, shift: int) -> str:
    if unit == "year":
        return f"{dct.year + shift}"
    if unit == "month":
        index = dct.year * 12 + dct.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit in ("week", "weekend"):
        iso = (dct + dt.timedelta(weeks=shift)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "quarter":
        index = dct.year * 4 + (dct.month - 1) // 3 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return f"{(dct.year // 10 + shift)}"
    if unit == "century":
        return f"{(dct.year // 100 + shift)}"
    return dct.isoformat()


def _duration_value(count, unit: str) -> str:
    code = _UNITS[unit]
    if code == "DE":
        return "PXDE" if count == "X" else f"P{int(float(count) * 10)}Y"
    if code == "CE":
        return f"P{count}CE" if count != "X" else "PXCE"
    if code == "FN":
        return f"P{count * 2 if count != 'X' else 'X'}W"
    if code == "Q":
        return f"P{count}Q" if count != "X" else "PXQ"
    n = ("X" if count == "X" else (int(count) if float(count).is_integer() else count))
    if code in ("H", "MIN", "S"):
        return f"PT{n}{'M' if code == 'MIN' else code}"
    return f"P{n}{code}"


def parse_dct(value: str) -> dt.date:
    """The document creation time: ISO (2009-02-03, 2009-02-03T10:00Z) or day-first 03-02-2009."""
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", value)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (a, b) if a > 12 or b <= 12 else (b, a)
        return dt.date(year, month, day)
    raise ValueError(f"unreadable document creation time {value!r}: use YYYY-MM-DD")
