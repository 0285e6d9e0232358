"""Holidays whose Gregorian day moves from year to year: Eid al-Fitr, Eid al-Adha, Ramadan,
Ashura (Islamic lunar calendar), Orthodox Easter, Nowruz, Diwali. The names and the calendar each
follows are data (vocabulary.json `moving_holiday`, how many days each lasts in
`moving_holiday_days`); the calendar arithmetic is left to maintained registry libraries, never
redone here:

- `hijri:MM-DD`: a day of the Hijri year in the Umm al-Qura calendar (`hijridate`, the Saudi
  official calendar, 1343-1500 AH = 1924-2077 CE); countries that sight the moon may keep it a day
  later.
- `orthodox_easter+N`: N days from Orthodox Easter Sunday (`dateutil.easter`, Julian computus).
- `country:CC:Name`: the day a country's public-holiday calendar names so (`holidays`, e.g. Nowruz
  as Iran keeps it, Diwali as India gazettes it; that library covers those only for some decades).
- `a|b`: whichever of two comes nearer (a bare "Eid" is either Eid).

`moving_holiday(m, ctx)` is the timex normalizer (rule `moving_holiday` in rules.jsonl): DATE, the
holiday's first day (TimeML values a named day as its date), "on the eve of Eid" the day before,
"the second day of Eid" the day after; a holiday of several days read as a period ("during Eid",
"the Eid holiday", every "Ramadan") carries its last day as `range_end`.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import cache

from transforms.timex_calendar import points_ahead
from transforms.timex_vocab import cues, value_of, vocabulary

Span = tuple[dt.date, dt.date]  # the holiday's first and last day


def occurrences(spec: str, year: int) -> tuple[Span, ...]:
    """The (first day, last day) of every occurrence of `spec` that begins in Gregorian `year`
    (a lunar holiday begins twice in a year about every 33 years, and in none never); empty when
    the library has no date for that year. ValueError for a spec of no known calendar."""
    out: list[Span] = []
    for one in spec.split("|"):
        days = vocabulary()["moving_holiday_days"].get(one, 1)
        out += [(first, first + dt.timedelta(days=n - 1)) for first, n in _firsts(one, year, days)]
    return tuple(sorted(out))


@cache
def _firsts(spec: str, year: int, days: int | str) -> tuple[tuple[dt.date, int], ...]:
    calendar, _, rest = spec.partition(":")
    if calendar == "hijri":
        return _hijri(rest, year, days)
    if spec.startswith("orthodox_easter"):
        from dateutil.easter import EASTER_ORTHODOX, easter
        offset = int(spec.partition("+")[2] or 0)
        return ((easter(year, EASTER_ORTHODOX) + dt.timedelta(days=offset), int(days)),)
    if calendar == "country":
        country, _, name = rest.partition(":")
        return tuple((d, int(days)) for d in _country_days(country, name, year))
    raise ValueError(f"moving holiday {spec!r}: unknown calendar")


def _hijri(month_day: str, year: int, days: int | str) -> tuple[tuple[dt.date, int], ...]:
    from hijridate import Gregorian, Hijri
    month, day = (int(p) for p in month_day.split("-"))
    out = []
    try:
        start = Gregorian(year, 1, 1).to_hijri().year
    except OverflowError:  # outside the Umm al-Qura table
        return ()
    for hyear in (start, start + 1, start + 2):  # a Gregorian year overlaps three Hijri years
        try:
            first = Hijri(hyear, month, day)
        except OverflowError:
            continue
        g = first.to_gregorian()
        if g.year == year:
            n = first.month_length() - day + 1 if days == "month" else int(days)
            out.append((dt.date(g.year, g.month, g.day), n))
    return tuple(out)


def _country_days(country: str, name: str, year: int) -> list[dt.date]:
    """The first days `holidays` names `name` in `country`'s calendar (Rosh Hashanah's two
    days are one holiday, begun on the first)."""
    import holidays
    with warnings.catch_warnings():  # a year outside the library's table: no day, not a warning
        warnings.simplefilter("ignore")
        table = holidays.country_holidays(country, years=year, language="en_US")
    days = {d for d, names in table.items() if name in names.split("; ")}
    return sorted(d for d in days if d - dt.timedelta(days=1) not in days)


@cache
def _cue(name: str, side: str) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in cues()[name])
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?$" if side == "before" else rf"^\s+(?:{words})\b", re.I)


def _pick(spec: str, ctx, m, rel: str) -> Span | None:
    """The occurrence the text means: the written year's; "last"/"next" the one before/after the
    document date; else the one under way on the document date, the coming one when the clause
    looks ahead ("ahead of Eid", "will fall during Ramadan"), or the latest one begun by then."""
    if m.group("year"):
        found = occurrences(spec, int(m.group("year")))
        return found[0] if found else None
    dct = ctx.dct
    spans = [s for y in (dct.year - 1, dct.year, dct.year + 1) for s in occurrences(spec, y)]
    if rel == "last":
        return max((s for s in spans if s[1] < dct), default=None)
    if rel == "next":
        return min((s for s in spans if s[0] > dct), default=None)
    current = [s for s in spans if s[0] <= dct <= s[1]]
    if current:
        return current[0]
    coming = min((s for s in spans if s[0] > dct), default=None)
    ahead = points_ahead(ctx, m.start("x"), m.end("x")) or _cue("holiday_ahead_before", "before").search(
        ctx.text, max(0, m.start("x") - 40), m.start("x"))
    if ahead and coming and (coming[0] - dct).days <= AHEAD_DAYS:
        return coming
    return max((s for s in spans if s[0] <= dct), default=None)


# How far ahead "ahead of Eid" may look: news speaks of the coming holiday in the weeks before it;
# further off, the words more likely report an earlier year's ("the attack came ahead of Eid").
AHEAD_DAYS = 60


def moving_holiday(m, ctx):
    """`moving_holiday` rule: see the module docstring. None when the calendar has no date."""
    if _a_persons_name(m, ctx.text):
        return None
    spec = value_of("moving_holiday", m.group("name"))
    rel = (m.group("rel") or "").lower()
    found = _pick(spec, ctx, m, rel)
    if found is None:
        return None
    first, last = found
    span = m.span("x")
    if m.group("eve") or m.group("eve2"):
        return [("DATE", (first - dt.timedelta(days=1)).isoformat(), span)]
    if m.group("nth"):
        n = value_of("ordinal", m.group("nth")) if m.group("nth").lower() not in ("last", "final") else None
        day = last if n is None else first + dt.timedelta(days=n - 1)
        return [("DATE", day.isoformat(), span)] if day <= last else None
    whole = (spec.split("|")[0] in _PERIODS() or _cue("holiday_whole_before", "before").search(
        ctx.text, max(0, span[0] - 30), span[0]) or _cue("holiday_whole_after", "after").match(ctx.text[span[1]:span[1] + 30]))
    return [("DATE", first.isoformat(), span, last.isoformat() if whole and last > first else None)]


@cache
def _PERIODS() -> frozenset[str]:
    """Holidays that are a season, always read as all their days (Ramadan: a month)."""
    return frozenset(s for s, n in vocabulary()["moving_holiday_days"].items() if n == "month")


_NAME_AFTER = re.compile(r"^[^\S\n]+(?-i:[A-Z][a-z]+)")
_NAME_BEFORE = re.compile(r"(?-i:[A-Z][a-z]+)[^\S\n]+$")


def _a_persons_name(m, text: str) -> bool:
    """"Tariq Ramadan", "Ramadan Shallah": the holiday's word as a given or family name, a
    capitalized word right before or after it, unless that word is a month, a weekday or one of
    cues.json holiday_name_neighbours ("Eve", "Muslim", "Holy", a sentence's first "During")."""
    s, e = m.span("x")
    after = _NAME_AFTER.match(text[e:e + 30])
    if after and after.group(0).strip().lower() not in _CALENDAR_WORDS():
        return True
    before = _NAME_BEFORE.search(text, max(0, s - 30), s)
    return bool(before) and before.group(0).strip().lower() not in _CALENDAR_WORDS()


@cache
def _CALENDAR_WORDS() -> frozenset[str]:
    v = vocabulary()
    return frozenset([*v["month"], *v["weekday"], *cues()["holiday_name_neighbours"]])
