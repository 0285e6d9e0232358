"""The normalizers of the TIMEX3 tagger: from a rule's match to a TIMEX3 type and value.

A rule in transforms/data/<lang>/timex/rules.jsonl names its normalizer (`norm`); each one
reads the match's named groups, the document creation time (dct) and the running context
(the last day and quarter the text mentioned) and returns (TYPE, VALUE), a list of
(TYPE, VALUE, (start, end)), or None to reject the match. Values follow the TimeML TIMEX3
guidelines (ISO-TimeML, TempEval-3): 2023-11-09, 2023-W45, 2023-Q4, 2023-SU, 199 (a decade),
P3W, XXXX-WXX-4 (a set), PAST_REF. A date without a year or a bare weekday lies on or before
the dct unless the clause points ahead ("will", "scheduled", "next"), so news never dates an
event after it was written.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from transforms import dates
from transforms.timex_calendar import (MONTH_WORDS, duration_value, points_ahead, safe_date, shift_period,
                                       text_before, unit_name, weekday_date, year_of_month, year_of_month_day)
from transforms.timex_holidays import moving_holiday
from transforms.timex_national import PREFIX as NATIONAL, national_day
from transforms.timex_vocab import cues, month_value, number_value, value_of, vocabulary, weekday_value


# --- normalizers ---------------------------------------------------------------------------

def date_ymd(m, ctx):
    month = int(m.group("mon")) if "mon" in m.re.groupindex else month_value(m.group("month"))
    day = safe_date(int(m.group("year")), month, int(re.match(r"\d+", m.group("day")).group()))
    return ("DATE", day.isoformat()) if day else None


def iso_datetime(m, ctx):
    """"2023-11-08T14:05:00Z": a clock time on its day, to the minute (TIMEX3 TIME; Z for UTC)."""
    day = safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    if day is None:
        return None
    return "TIME", f"{day.isoformat()}T{m.group('hh')}:{m.group('mm')}" + ("Z" if m.group("z") else "")


def date_numeric(m, ctx):
    """05/11/2023 in the article's order; a dotted 05.11.2023 is day-first wherever it stands
    (dates.DAY_FIRST_SEPARATOR), as the header reader takes it."""
    order = "day-first" if m.group("sep") == dates.DAY_FIRST_SEPARATOR else ctx.numeric_order
    day = dates.read_numeric(int(m.group("a")), int(m.group("b")), m.group("year"), order, ctx.dct.year)
    return ("DATE", day.isoformat()) if day else None


def date_numeric_yearless(m, ctx):
    """"on 01/07": day and month in the article's order when known or decided by a part over 12;
    else the reading nearest before the dct (a report speaks of the days just past)."""
    a, b = int(m.group("a")), int(m.group("b"))
    order, ambiguous = dates.numeric_order(a, b, ctx.numeric_order)
    readings = [("day-first", a, b), ("month-first", b, a)] if ambiguous else \
        [(order, a, b) if order == "day-first" else (order, b, a)]
    found = []
    for _, day, month in readings:
        year_ = year_of_month_day(ctx, m.start(), month, day, m.end()) if 1 <= month <= 12 else None
        when = safe_date(year_, month, day) if year_ else None
        if when:
            found.append(when)
    if not found:
        return None
    return "DATE", min(found, key=lambda d: abs((ctx.dct - d).days)).isoformat()


def day_of_month(m, ctx):
    """"on the 14th": that day of the dct's month when it is not after the dct (or the text points
    ahead), else of the month before."""
    day = int(m.group("day"))
    index = ctx.dct.year * 12 + ctx.dct.month - 1
    if day > ctx.dct.day:
        index += 1 if points_ahead(ctx, m.start(), m.end()) else -1
    elif points_ahead(ctx, m.start(), m.end()) and day < ctx.dct.day:
        index += 1
    found = safe_date(index // 12, index % 12 + 1, day)
    return ("DATE", found.isoformat()) if found else None


def date_md_ordinal(m, ctx):
    """"March eighth": a spelled ordinal day."""
    return _month_day(m, ctx, month_value(m.group("month")), value_of("ordinal", m.group("ord")))


def _month_day(m, ctx, month: int, day: int):
    """A year-less day; a weekday written with it ("Saturday, April 25") picks the year in which
    that day is that weekday, nearest the dct."""
    if m.groupdict().get("wd"):
        target = weekday_value(m.group("wd"))
        fits = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
                if (d := safe_date(y, month, day)) and d.isoweekday() == target]
        if fits:
            return "DATE", min(fits, key=lambda d: abs((d - ctx.dct).days)).isoformat()
    year_ = year_of_month_day(ctx, m.start(), month, day, m.end())
    found = safe_date(year_, month, day) if year_ else None
    return ("DATE", found.isoformat()) if found else None


def the_period(m, ctx):
    """"the year ended June 30" -> P1Y (a fiscal span); "for the year", "the latest quarter" ->
    the dct's year, the quarter the text last spoke of (else the last one completed), the dct's week;
    "the current fiscal year" the dct's year, "the latest fiscal year" the one before."""
    unit = m.group("unit").lower()
    mod = (m.group("mod") or "").lower()
    if unit == "period":  # "the latest period" of a results report: the quarter it reports
        if mod != "latest" or m.group("ended"):
            return None
        unit = "quarter"
    if m.group("ended"):
        if unit == "quarter":  # "the quarter ended Sept. 30" is that quarter
            month = re.match(r"\W*(" + MONTH_WORDS + r")", ctx.text[m.end():m.end() + 20], re.I)
            if month:
                # the three months up to the end month; most of them lie in the quarter of the month
                # before it ("ended July 31": May-July, mostly Q2; "ended Sept. 30": Q3)
                q = (month_value(month.group(1)) - 2) % 12 // 3 + 1
                y = ctx.dct.year - ((q - 1) * 3 + 1 > ctx.dct.month)
                ctx.quarter = (y, q)
                return [("DATE", f"{y}-Q{q}", m.span("x"))]
        return [("DURATION", duration_value(1, unit), m.span("x"))]
    if unit == "quarter":
        if mod in ("current", "this"):
            return "DATE", shift_period(ctx.dct, "quarter", 0)
        completed = shift_period(ctx.dct, "quarter", -1)
        if ctx.quarter:
            named = f"{ctx.quarter[0]}-Q{ctx.quarter[1]}"
            # "the latest quarter" has ended: never one after the last completed quarter
            return "DATE", min(named, completed) if mod == "latest" else named
        return "DATE", completed
    if unit == "year" and mod == "latest":  # "the latest fiscal year": the last one completed
        return "DATE", shift_period(ctx.dct, unit, -1)
    if unit == "year" and mod != "current" and _recent_quarter(ctx, m):
        # "a loss in the fourth quarter of 2005 and for the entire year": the year of that quarter
        return "DATE", str(ctx.quarter[0])
    return "DATE", shift_period(ctx.dct, unit, 0)


def date_md(m, ctx):
    return _month_day(m, ctx, month_value(m.group("month")), int(re.match(r"\d+", m.group("day")).group()))


def day_range(m, ctx):
    """"Nov. 2-4", "13-14 March", "between 3 and 5 March": two days, as TimeML tags them; the
    engine links them into a range."""
    month = month_value(m.group("month"))
    first, last = (int(re.match(r"\d+", m.group(g)).group()) for g in ("day", "day2"))
    if last <= first:
        return None
    year = int(m.group("year")) if m.group("year") else year_of_month_day(ctx, m.start(), month, first)
    a, b = (safe_date(year, month, first), safe_date(year, month, last)) if year else (None, None)
    if not (a and b):
        return None
    if m.start("month") > m.start("day"):  # day first: "13-14 March" -> "13", "14 March"
        return [("DATE", a.isoformat(), m.span("day")), ("DATE", b.isoformat(), (m.start("day2"), m.end("x")))]
    return [("DATE", a.isoformat(), (m.start("x"), m.end("day"))), ("DATE", b.isoformat(), m.span("day2"))]


def month_of_year(m, ctx):
    month = month_value(m.group("month"))
    groups = m.re.groupindex
    if _written_year(m):
        return "DATE", f"{_written_year(m):04d}-{month:02d}"
    rel = re.sub(r"\s+", " ", m.group("rel").lower()) if "rel" in groups and m.group("rel") else ""
    if rel and "year" in m.group("x").lower():
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif rel in ("last", "this past"):  # the latest such month before the current one
        year = ctx.dct.year - (month >= ctx.dct.month)
    elif rel in ("next", "this coming"):
        year = ctx.dct.year + (month <= ctx.dct.month)
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = year_of_month(ctx, m.start(), month, m.end())
    ctx.month = (year, month)
    return "DATE", f"{year:04d}-{month:02d}"


def month_span_quarter(m, ctx):
    """"the April-June quarter", "the July-September quarter of 2023": the calendar quarter the
    three months make (2023-Q3), its year read as a bare month's (`year_of_month`). None when the
    months are not one calendar quarter (a fiscal quarter: the months stay dates)."""
    first, last = month_value(m.group("month")), month_value(m.group("month2"))
    if first % 3 != 1 or last != first + 2:
        return None
    year = _written_year(m) or year_of_month(ctx, m.start(), first, m.end())
    quarter = (first - 1) // 3 + 1
    ctx.quarter = (year, quarter)
    return "DATE", f"{year:04d}-Q{quarter}"


def year_of_x(m, ctx):
    """"in 1898": a year before 1900 after a preposition that dates."""
    return "DATE", m.group("x")


def year(m, ctx):
    return "DATE", m.group("year")


def fiscal_year(m, ctx):
    """"FY2024", "FY 24": the fiscal year, written as its year (TimeBank: "fiscal 1989" is 1989)."""
    if m.group("year"):
        return "DATE", m.group("year")
    return "DATE", str(dates.two_digit_year(int(m.group("yy")), ctx.dct.year))


def quarter_code(m, ctx):
    """"Q3 2023", "3Q 2023", "Q3 FY2023": results news' shorthand for the quarter of a written year."""
    q, y = int(m.group("q") or m.group("q2")), int(m.group("year"))
    ctx.quarter = (y, q)
    return "DATE", f"{y}-Q{q}"


def spelled_year(m, ctx):
    found = _spelled_year_value(m.group("words"))
    return ("DATE", str(found)) if found else None


def _spelled_year_value(words: str) -> int | None:
    """"nineteen ninety-one" -> 1991, "two thousand and one" -> 2001; None when unreadable."""
    words = re.sub(r"\b(?:hundred|and)\b", " ", words.lower())
    parts = re.split(r"[-\s]+", words.strip())
    if parts[0] == "nineteen":
        rest = number_value(" ".join(parts[1:]))
        return 1900 + int(rest) if rest is not None and rest < 100 else None
    value = number_value(" ".join(parts))
    return int(value) if value else None


def _written_year(m) -> int | None:
    """The year a rule's match writes, in digits (group `year`) or words (group `year_words`)."""
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    return _spelled_year_value(groups["year_words"]) if groups.get("year_words") else None


def period(m, ctx):
    shift = {"the": 0, "this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return "DATE", shift_period(ctx.dct, m.group("unit").lower(), shift)


def short_year(m, ctx):
    return "DATE", str(dates.two_digit_year(int(m.group("yy")), ctx.dct.year))


def anchor_period(m, ctx):
    """"earlier that day", "later that year": the day, month or year the text last named (`Context.reference`)."""
    unit = (m.group("unit") or "day").lower()
    if unit == "quarter" and ctx.quarter:  # "that quarter": the one the text last named
        return "DATE", f"{ctx.quarter[0]}-Q{ctx.quarter[1]}"
    return "DATE", shift_period(ctx.reference(unit), unit, 0)


def anchor_day(m, ctx):
    return "DATE", ctx.anchor.isoformat()


def dct_day(m, ctx):
    """"Today is the eighth day of the blockade", "it's the second day of an offensive": the
    speaker's present day, the creation time's."""
    return "DATE", ctx.dct.isoformat()


def duration_pair(m, ctx):
    """"10 to 12 days", "two to three weeks": two durations, the first without its unit (TimeML)."""
    unit = unit_name(m.group("unit"))
    a, b = number_value(m.group("a")), number_value(m.group("b"))
    if a is None or b is None or b <= a:
        return None
    return [("DURATION", duration_value(a, unit), m.span("a")),
            ("DURATION", duration_value(b, unit), (m.start("b"), m.end("unit")))]


def duration_one_day(m, ctx):
    return "DURATION", "P1D"


def this_period(m, ctx):
    return "DATE", shift_period(ctx.dct, m.group("unit").lower(), 0)


def duration_one(m, ctx):
    return "DURATION", duration_value(1, m.group("unit").lower())


def same_period_last_year(m, ctx):
    """"the same month a year ago": the month (or quarter) the text last spoke of, a year back."""
    unit = m.group("unit").lower()
    unit = "month" if unit == "period" else unit
    if unit == "quarter" and ctx.quarter:
        return "DATE", f"{ctx.quarter[0] - 1}-Q{ctx.quarter[1]}"
    if unit == "month" and ctx.month:
        return "DATE", f"{ctx.month[0] - 1}-{ctx.month[1]:02d}"
    return "DATE", shift_period(ctx.dct - dt.timedelta(days=365), unit, 0)


def year_end(m, ctx):
    """"by year-end" -> the dct's year (TimeBank writes the year more often than its last day);
    "since year-end" -> the year before, the last year-end passed."""
    back = re.search(r"\b(?:since|from)\s+$", text_before(ctx, m, 8))
    return "DATE", str(ctx.dct.year - (1 if back else 0))


def period_before(m, ctx):
    """"the year before": the year before the one the text last spoke of ("$118 billion last
    year, $19.8 billion less than the year previous" -> two years back), else before the dct's;
    "the month before", "the week before" likewise (TimeML anchors them on the narrative's
    reference time). Not "the week before the vote": an event's week is not known."""
    unit = m.group("unit").lower()
    return "DATE", shift_period(ctx.reference(unit), unit, -1)


@cache
def _year_blockers() -> tuple[re.Pattern, set[str]]:
    c = cues()
    before = re.compile(r"(?:" + "|".join(c["year_not_before"]) + r")\s*$")
    return before, set(c["name_before_year_ok"])


def bare_year(m, ctx):
    """A four-digit year, unless a price, a count or a name ("Windows 2000") is meant."""
    before = ctx.text[max(0, m.start() - 15):m.start()]
    blocked, names_ok = _year_blockers()
    if blocked.search(before.rstrip()) and not re.search(r"\b(?:in|of|since|by|until|from)\s*$", before, re.I):
        return None
    name = re.search(r"\b([A-Z][a-z]+)\s+$", before)
    if name and name.group(1) not in names_ok and name.group(1).lower() not in dates.MONTHS:
        return None
    return "DATE", m.group("x")


def decade(m, ctx):
    if m.group("digits"):
        digits = m.group("digits").lstrip("'")[:-1]
        if len(digits) == 3:
            return "DATE", digits
        return "DATE", ("19" + digits[0] if int(digits) > 2 else "20" + digits[0]) if len(digits) == 1 else \
            ("19" + digits[0] if int(digits[0]) > 2 else "20" + digits[0])
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
            "eighties": 8, "nineties": 9}[m.group("tens").lower()]
    return "DATE", f"19{tens}"


def century(m, ctx):
    n = value_of("ordinal", m.group("ord"))
    return "DATE", f"{n - 1:02d}"


def _rel_year(m, ctx, year_group="year", rel_group="rel") -> int | None:
    groups = m.re.groupindex
    if year_group in groups and m.group(year_group):
        return int(m.group(year_group))
    rel = (m.group(rel_group) or "").lower() if rel_group in groups else ""
    return {"this": ctx.dct.year, "last": ctx.dct.year - 1, "next": ctx.dct.year + 1}.get(rel)


def quarter(m, ctx):
    q = value_of("quarter_ordinal", m.group("ord"))
    found = _rel_year(m, ctx) or _rel_year(m, ctx, "year1", "rel1")
    if m.group("ago"):  # "the year-ago third quarter"
        found = ctx.dct.year - 1
    if found is None and m.group("fiscal"):
        found = ctx.dct.year  # fiscal quarters are named by the fiscal year under way
    if found is None:  # the occurrence nearest the dct: results news speaks of the coming quarter too
        current = ctx.dct.year * 4 + (ctx.dct.month - 1) // 3
        found = min((ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1), key=lambda y: abs(y * 4 + q - 1 - current))
    ctx.quarter = (found, q)
    return "DATE", f"{found}-Q{q}"


def half(m, ctx):
    h = 1 if m.group("ord").lower() == "first" else 2  # "second" or "last"
    found = _rel_year(m, ctx) or _rel_year(m, ctx, "year1", "rel1")
    if found is None:
        found = ctx.dct.year - (h == 2 and ctx.dct.month <= 6 and not points_ahead(ctx, m.start()))
    return "DATE", f"{found}-H{h}"


def season(m, ctx):
    code = value_of("season", m.group("season"))
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    word = m.group("season").lower()
    if word == "fall" and not rel and not _written_year(m):
        return None  # "fall" alone is the verb
    if _written_year(m):
        return "DATE", f"{_written_year(m)}-{code}"
    order = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year_ = ctx.dct.year
    if rel == "last":  # TimeBank: "last spring" said in October is the spring of the year before
        year_ -= 1
    elif rel == "this past":
        year_ -= 1 if order >= ctx.dct.month else 0
    elif rel == "next":
        year_ += 1 if order <= ctx.dct.month else 0
    elif order > ctx.dct.month + 2 and not points_ahead(ctx, m.start()) and rel != "this":
        year_ -= 1
    return "DATE", f"{year_}-{code}"


def holiday(m, ctx):
    """Fixed days (12-25), nth weekdays (11-4-4: fourth Thursday of November), last weekdays
    (05-last-1), offsets (11-1-1+1: the day after the first Monday) and days from Easter
    (easter+-2: Good Friday), from vocabulary.json."""
    rule = value_of("holiday", m.group("name"))

    def on(year_: int) -> dt.date | None:
        if rule.startswith(NATIONAL):  # "Independence Day": the article's country's (timex_national)
            return national_day(rule, ctx.country, year_)
        spec, _, offset = rule.partition("+")
        if spec == "easter":
            return _easter(year_) + dt.timedelta(days=int(offset or 0))
        parts = spec.split("-")
        month = int(parts[0])
        if len(parts) == 2:
            return safe_date(year_, month, int(parts[1]))
        nth, weekday = parts[1], int(parts[2])
        first = dt.date(year_, month, 1)
        if nth == "last":
            last = dt.date(year_ + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            day = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
        else:
            day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(nth) - 1))
        return day + dt.timedelta(days=int(offset or 0))
    rel = (m.group("rel") or "").lower()
    this = on(ctx.dct.year)
    if m.group("year"):
        found = on(int(m.group("year")))
    elif this is None:
        found = None
    elif rel == "last":
        found = this if this < ctx.dct else on(ctx.dct.year - 1)
    elif rel == "next":
        found = this if this > ctx.dct else on(ctx.dct.year + 1)
    else:
        found = this if this <= ctx.dct or points_ahead(ctx, m.start()) else on(ctx.dct.year - 1)
    return ("DATE", found.isoformat()) if found else None


def _easter(year_: int) -> dt.date:
    """Western Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year_ % 19, year_ // 100, year_ % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m_ = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m_ + 90) // 25
    return dt.date(year_, month, (h + l_ - 7 * m_ + 33 * month + 19) % 32)


# An upper-case abbreviation right before a capitalized "Today" makes it a newspaper's or a
# programme's name ("USA Today"), not the day.
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,5}[^\S\n]+$")


def _part_code(word: str) -> str:
    return value_of("part_of_day", word)


def today(m, ctx):
    words = m.group("x").lower()
    if m.group("x") in ("Today", "Tonight") and _ACRONYM_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None  # "USA Today", "This is VOA Today": a proper name (TIDES: names are not TIMEX)
    if m.group("part"):
        return "TIME", f"{ctx.dct.isoformat()}T{_part_code(m.group('part'))}"
    if "tonight" in words:
        return "TIME", f"{ctx.dct.isoformat()}TNI"
    return "DATE", ctx.dct.isoformat()


def yesterday(m, ctx):
    day = ctx.dct - dt.timedelta(days=1)
    part = m.group("part") or m.group("part_before") or ("night" if "night" in m.group("x").lower() else None)
    if part:
        return "TIME", f"{day.isoformat()}T{_part_code(part)}"
    return "DATE", day.isoformat()


def overnight(m, ctx):
    return "TIME", f"{(ctx.dct - dt.timedelta(days=1)).isoformat()}TNI"


def night_between_weekdays(m, ctx):
    """"overnight from Sunday to Monday", "the night between Tuesday and Wednesday", "the
    Friday-Saturday night": the night of the first day (TimeML TIME, 2026-11-01TNI) with the
    second as `range_end`. The pair is the latest whose second day is on or before the document
    date (news reports a night just gone), the coming one only when a future cue precedes it
    ("will close overnight from Sunday to Monday"; "through the night" is the night's length, not
    "through Monday": cues.json night_length_before); two days that do not follow each other are no
    night (None). "the night of Friday to Saturday" is left to `_link_ranges` (the same range)."""
    first, second = (weekday_value(m.group(g) or m.group(h)) for g, h in (("wd", "wd3"), ("wd2", "wd4")))
    if second != first % 7 + 1:
        return None
    back = (ctx.dct.isoweekday() - second) % 7
    ahead = (second - ctx.dct.isoweekday()) % 7
    morning = ctx.dct + dt.timedelta(days=ahead) if ahead and _ahead_not_through(ctx, m.start("x")) else \
        ctx.dct - dt.timedelta(days=back)
    night = morning - dt.timedelta(days=1)
    ctx.anchor = night
    return [("TIME", f"{night.isoformat()}TNI", m.span("x"), morning.isoformat())]


def _ahead_not_through(ctx, start: int) -> bool:
    """`points_ahead`, unless the word before is one of cues.json night_length_before."""
    before = re.search(rf"\b(?:{'|'.join(cues()['night_length_before'])})[^\S\n]+$", ctx.text[max(0, start - 20):start], re.I)
    return not before and points_ahead(ctx, start)


def tomorrow(m, ctx):
    day = ctx.dct + dt.timedelta(days=1)
    if m.group("part"):
        return "TIME", f"{day.isoformat()}T{_part_code(m.group('part'))}"
    return "DATE", day.isoformat()


def season_set(m, ctx):
    """"every summer": the season of every year (TimeML SET XXXX-SU)."""
    return "SET", f"XXXX-{value_of('season', m.group('season'))}"


def every_n(m, ctx):
    """"every three days" P3D, "every other week" P2W, "every few days" PXD: a SET whose period is
    that many units."""
    count = "X" if m.group("vague") else 2 if m.group("other") else number_value(m.group("n"))
    if count is None or count != "X" and count <= 0:
        return None
    return "SET", duration_value(count, unit_name(m.group("unit")))


def month_set(m, ctx):
    """"each July": the month of every year."""
    return "SET", f"XXXX-{month_value(m.group('month')):02d}"


def week_of(m, ctx):
    """"the week of March 6": the ISO week holding that day."""
    month, d = month_value(m.group("month")), int(re.match(r"\d+", m.group("day")).group())
    y = int(m.group("year")) if m.group("year") else year_of_month_day(ctx, m.start(), month, d, m.end())
    day = safe_date(y, month, d) if y else None
    return ("DATE", shift_period(day, "week", 0)) if day else None


def week_of_month(m, ctx):
    """"the last week of January", "the first week of February 2023": the ISO week that holds
    the middle of those seven days (the 4th, 11th, 18th, 25th, or three days before the month's
    end); a year-less month is placed as a bare month is (`year_of_month`)."""
    month = month_value(m.group("month"))
    y = int(m.group("year")) if m.group("year") else year_of_month(ctx, m.start(), month, m.end())
    ordinal = m.group("ord").lower()
    if ordinal in ("last", "final"):
        middle = dt.date(y + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=4)
    else:
        middle = dt.date(y, month, 4 + 7 * ("first", "second", "third", "fourth").index(ordinal))
    ctx.month = (y, month)
    return "DATE", shift_period(middle, "week", 0)


def weekday_set(m, ctx):
    return "SET", f"XXXX-WXX-{weekday_value(m.group('wd') or m.group('wd2'))}"


def weekday(m, ctx):
    if not m.group("rel") and _named_day_before().search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "Bloody Sunday", "Black Monday": a named day of history, not this week's
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    day = weekday_date(ctx, weekday_value(m.group("wd")), rel, m.start(), m.end())
    ctx.anchor = day
    part = m.group("part") or m.group("pre")  # "Saturday night", "overnight Saturday"
    if part:
        return "TIME", f"{day.isoformat()}T{_part_code(part)}"
    return "DATE", day.isoformat()


def twilight(m, ctx):
    """"at dawn", "after dusk", "at first light on Friday": the part of the day the light names
    (vocabulary.json twilight: dawn MO, dusk EV), on the weekday written with it, else on the day
    the text last named (TimeML: a TIME at the day's granularity, 2024-03-08TMO)."""
    day = ctx.anchor
    if m.groupdict().get("wd"):
        rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
        day = weekday_date(ctx, weekday_value(m.group("wd")), rel, m.start(), m.end())
        ctx.anchor = day
    code = value_of("twilight", m.group("tw"))
    return "TIME", f"{day.isoformat()}T{code}"


def weekday_in_week(m, ctx):
    """"Monday last week", "Friday of next week", "Tuesday night this week": one TIMEX3 (TimeML
    tags the weekday with the week that places it), the day of that ISO week; "the previous
    week", "the following week", "of that week" count from the week the text last spoke of (not
    "said Thursday that week-long talks ...": "that" alone opens a clause)."""
    rel = "that" if m.group("that") else re.sub(r"\s+", " ", m.group("rel").lower())
    base = ctx.dct if rel in ("last", "this", "next") else ctx.reference("week")
    shift = {"last": -1, "this": 0, "next": 1, "the previous": -1, "the following": 1, "that": 0}[rel]
    monday = base - dt.timedelta(days=base.isoweekday() - 1) + dt.timedelta(weeks=shift)
    day = monday + dt.timedelta(days=weekday_value(m.group("wd")) - 1)
    ctx.anchor = day
    if m.group("part"):
        return "TIME", f"{day.isoformat()}T{_part_code(m.group('part'))}"
    return "DATE", day.isoformat()


@cache
def _named_day_before() -> re.Pattern:
    """The capitalized words that make a weekday after them a name (cues.json weekday_not_after)."""
    return re.compile(r"\b(?:" + "|".join(cues()["weekday_not_after"]) + r")[^\S\n]+$")


def two_days_off(m, ctx):
    """"the day before yesterday", "the day after tomorrow": two days from the dct."""
    return "DATE", (ctx.dct + dt.timedelta(days=-2 if m.group("back") else 2)).isoformat()


def relative_day(m, ctx):
    words = m.group("x").lower()
    if re.match(r"the\s+day\s+(?:before|after)$", words) and _APPOSITION.search(text_before(ctx, m, 24)):
        return "DATE", ctx.anchor.isoformat()  # "on Oct. 12, the day before the crash": that same day, described
    shift = 0 if "same" in words else (1 if any(w in words for w in ("following", "next", "after")) else -1)
    return "DATE", (ctx.anchor + dt.timedelta(days=shift)).isoformat()


# A day written just before, then a comma: what follows is an apposition to that day.
_APPOSITION = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?:,\s+\d{4})?,\s+$")


def _granular(day: dt.date, unit: str) -> str:
    if unit in ("year", "decade", "century"):
        return str(day.year)
    if unit == "quarter":
        return shift_period(day, "quarter", 0)
    if unit == "month":
        return shift_period(day, "month", 0)
    return day.isoformat()  # TimeBank and MEANTIME: "two weeks ago" is the day, not the week


def ago(m, ctx):
    """"two years ago" -> the year two years before the dct (TimeML: a DATE at the unit's
    granularity); "a year earlier" in a results report -> the reported quarter a year before;
    "two days later" -> two days after the last day mentioned; a vague count -> PAST_REF."""
    unit = unit_name(m.group("unit"))
    direction = m.group("dir").lower()
    forward = direction in ("later", "hence") or direction.startswith("from")
    if m.group("vague"):
        if direction in ("later", "before", "after"):  # "a few days later": a duration, as "three days later"
            return [("DURATION", duration_value("X", unit), (m.start("x"), m.end("unit") + (ctx.text[m.end("unit"):m.end("unit") + 1].lower() == "s")))]
        return "DATE", "FUTURE_REF" if forward else "PAST_REF"
    n = number_value(m.group("n"))
    if n is None or n <= 0:
        return None
    if direction in ("later", "before", "after") and not m.group("x").lower().startswith(("a ", "an ")):
        # TimeML: "three days later" is a duration anchored on the event before it
        return [("DURATION", duration_value(n, unit), (m.start("x"), m.end("unit") + (ctx.text[m.end("unit"):m.end("unit") + 1].lower() == "s")))]
    if unit == "year" and n == 1 and _recent_quarter(ctx, m) and not forward:
        y, q = ctx.quarter
        return "DATE", f"{y - 1}-Q{q}"
    # "ago" counts from the dct; "a year later" from the point the narrative last named, at the
    # unit's grain ("arrested in 2019 ... a year later": 2020, not a year after the last full day);
    # "a year earlier" from the last day named (results news compares with the period reported)
    base = ctx.dct if direction == "ago" or direction.startswith("from") or direction == "hence" else \
        ctx.reference(unit) if forward else ctx.anchor
    days = {"year": 365.25, "month": 30.44, "week": 7, "day": 1, "decade": 3652.5, "century": 36525,
            "quarter": 91.3, "fortnight": 14, "hour": 1 / 24, "minute": 1 / 1440, "second": 0}[unit] * n
    if unit == "month":
        index = base.year * 12 + base.month - 1 + (int(n) if forward else -int(n))
        return "DATE", f"{index // 12}-{index % 12 + 1:02d}"
    if unit in ("year", "decade", "century"):
        years = int(round(days / 365.25))
        return "DATE", str(base.year + (years if forward else -years))
    day = base + dt.timedelta(days=round(days)) if forward else base - dt.timedelta(days=round(days))
    return "DATE", _granular(day, unit)


def _recent_quarter(ctx, m) -> bool:
    """A quarter named in the last few sentences: "a year ago" then compares that quarter."""
    return bool(ctx.quarter) and re.search(r"\bquarter", ctx.text[max(0, m.start() - QUARTER_REACH):m.start()], re.I) is not None


# How far back (characters) a named quarter makes "a year ago" mean that quarter a year back.
QUARTER_REACH = 400


def year_ago(m, ctx):
    if _recent_quarter(ctx, m):
        y, q = ctx.quarter
        return "DATE", f"{y - 1}-Q{q}"
    return "DATE", str(ctx.dct.year - 1)


def relative_period(m, ctx):
    rel = m.group("rel").lower().replace("the ", "")
    rel = re.sub(r"\s+", " ", rel)
    unit = m.group("unit").lower()
    shift = value_of("relative", rel)
    if rel == "past" and unit in ("year", "decade"):
        return "DATE", shift_period(ctx.dct, unit, -1)  # TimeBank: "the past year" said in 1998 is 1997
    if rel == "past" and unit in ("week", "month"):
        return "DURATION", duration_value(1, unit)  # the days just before: event dates read it so
    if unit == "quarter" and shift == 0 and ctx.quarter:
        return "DATE", f"{ctx.quarter[0]}-Q{ctx.quarter[1]}"
    if unit == "weekend":
        return weekend(m, ctx)
    # "the following month", "the previous year": after/before the time the text speaks of
    base = ctx.reference(unit) if rel in ("following", "previous") else ctx.dct
    return "DATE", shift_period(base, unit, shift)


def earlier_this(m, ctx):
    words = m.group("x").lower()
    shift = 1 if " next " in words else (-1 if " last " in words else 0)
    return "DATE", shift_period(ctx.dct, m.group("unit").lower(), shift)


def weekend(m, ctx):
    """The weekend before the dct (or the one under way), the coming one when the text says so."""
    words = m.group("x").lower()
    saturday = ctx.dct - dt.timedelta(days=(ctx.dct.isoweekday() - 6) % 7)
    if "last" in words or "past" in words:  # "last weekend", "this past weekend": the one before
        if ctx.dct.isoweekday() >= 6:
            saturday -= dt.timedelta(days=7)
    elif "next" in words or "coming" in words or ("this" in words or "the" in words) and points_ahead(ctx, m.start()):
        saturday = saturday + dt.timedelta(days=7) if saturday < ctx.dct - dt.timedelta(days=1) else saturday
    iso = saturday.isocalendar()
    return "DATE", f"{iso.year}-W{iso.week:02d}-WE"


# The words after which "a year", "a day" is a span of time: prepositions, hedges and the verbs
# whose object is a duration ("lasted a week", "spent a year in prison", "took a month").
_TAKES_A = re.compile(r"\b(for|in|within|over|about|nearly|almost|than|just|after|of|only|least|most|by|"
                      r"last(?:s|ed|ing)?|sp[ea]nt|spends?|spending|t[ao]ok|takes?|taking)\s+$")


def duration(m, ctx):
    unit = unit_name(m.group("unit"))
    words = m.group("x").lower()
    if unit == "quarter" and "-" in words and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return None  # "three-quarters of the vote": a fraction
    n = m.group("n")
    if unit == "hour" and re.search(r"\b(?:early|small|late|wee)(?:\s+morning)?\s+$", text_before(ctx, m, 16)):
        return None  # "in the early (morning) hours of Thursday": a part of the night, not a duration
    if n is None and m.group("vague") is None:
        plural = re.search(r"s(?:[- ]long)?$", words) and not words.endswith("ss")
        if not plural:
            # "the year", "last year": references, dated by other rules
            # "the past year" is a date (TimeBank: 1997 said in 1998), dated by relative_period;
            # "a month-long siege" is one month
            if not re.search(r"\b(first|following|coming)\b|[- ]long$", words) or unit in ("second", "quarter"):
                return None
            n = "1"
        elif unit == "quarter" and not re.search(r"\b(?:past|last|next|coming|first|previous|following)\b", words) \
                and not re.search(r"\b(?:first|second|third|fourth)\s+(?:and\s+)?$", text_before(ctx, m, 16)):
            return None  # "living quarters", "such quarters": lodging; a span of quarters is counted
        else:
            return "DURATION", duration_value("X", unit)
    if m.group("vague"):
        return "DURATION", duration_value("X", unit)
    adjectival = "-" in words and not words.endswith("-long")
    if n.lower() in ("a", "an") and words.endswith("-long"):  # "a month-long siege": the article is not in it
        return [("DURATION", duration_value(1, unit), (m.start("unit"), m.end("x")))]
    relative = re.match(r"\s+(?:after|before|later|earlier)\b", ctx.text[m.end():m.end() + 10], re.I)
    if n.lower() in ("a", "an", "one") and not adjectival and not relative and (unit in ("second", "quarter") or not _TAKES_A.search(
            text_before(ctx, m)) and not words.startswith(("for ", "in ", "over ", "within "))):
        return None  # "a second attack", "not a day anybody ...": not spans of time
    count = number_value(n)
    if count is None or (re.fullmatch(r"(?:1[5-9]|20)\d\d", n) and unit != "year"):
        return None  # "the 1988 second quarter": a year, not 1988 seconds
    if m.group("half") or m.group("half2"):  # "two and a half years", "a year and a half"
        count += 0.5
    return "DURATION", duration_value(count, unit)


def set_(m, ctx):
    """"every week", "twice a week", "50,000 discs a year", "daily": a rate (TimeML SET). "a year"
    needs a count before it (else "a year" is a duration or nothing) that is no sum of money
    (cues.json money_before_rate); "daily" before a capitalized name is a newspaper ("the party
    daily Granma")."""
    words = m.group("x").lower()
    if words.startswith(("a ", "an ")):
        before = ctx.text[max(0, m.start() - 40):m.start()]
        if not _RATE_BEFORE.search(before) or _money_before().search(before):
            return None  # TimeBank leaves a price or a sum per period untagged ("$1.76 a year", "save $500 million a year")
    if m.group("adverb") and (_NAME_AFTER.match(ctx.text, m.end()) or re.search(r"\b(?:the|a)\s+$", text_before(ctx, m, 6))
                              and not re.match(r"[^\S\n]+[a-z]", ctx.text[m.end():m.end() + 3])):
        return None  # "the party daily Granma", "a daily." (a newspaper), not "the daily tally"
    unit = m.group("unit") or m.group("unit2") or value_of("set_adverb", m.group("adverb"))
    if unit == "night":
        return "SET", "XXXX-XX-XXTNI"
    return "SET", duration_value(1, unit.lower())


def part_set(m, ctx):
    """"every night", "each morning", "every weekend": a part of every day or every week's weekend
    (TimeML SET, written as "nightly" is: XXXX-XX-XXTNI; XXXX-WXX-WE)."""
    if m.group("part"):
        return "SET", f"XXXX-XX-XXT{_part_code(m.group('part'))}"
    return "SET", "XXXX-WXX-WE"


# A count or an amount, and at most two words after it, before "a year": "twice a week", "$1.76 a
# share a year", "$1 billion a year", "50,000 discs a year".
_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*%?|\b(?:times|twice|once|hundred|thousand|million|billion|trillion|dozen)s?)"
                          r"(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*$", re.I)
_NAME_AFTER = re.compile(r"[^\S\n]+(?-i:[A-Z])")


@cache
def _money_before() -> re.Pattern:
    """A sum of money ending right before "a year" ("$1.76", "#500 million", "20 cents a share"),
    cues.json money_before_rate: a currency sign before the number or a currency word after it."""
    c = cues()
    signs, words = "|".join(c["currency_sign"]), "|".join(c["currency_word"])
    return re.compile(rf"(?:(?:{signs})[^\S\n]*\d[\d,.]*(?:[^\S\n]+(?:million|billion|trillion))?"
                      rf"|\b(?:{words}))(?:[^\S\n]+(?:a|per)[^\S\n]+share)?[^\S\n]*$", re.I)


def present(m, ctx):
    before = text_before(ctx, m)
    word = m.group("x").lower()
    if word == "now" and re.search(r"\b(can|could|must|from)\s+$", before):
        return None  # "from now on", "could now": not a reference to the present moment
    if word == "now" and ctx.text[m.end():m.end() + 1] == "," and re.search(r"(?:^|[.!?\"'`]\s*)$", before):
        return None  # "Now, he says, ...": a discourse marker, not the present
    return "DATE", "PRESENT_REF"


def past(m, ctx):
    words = m.group("x").lower()
    if words.endswith("history") and not ("recent" in words or re.search(r"\bis\s+$", text_before(ctx, m, 10))):
        return None
    return "DATE", "PAST_REF"


def vague_duration(m, ctx):
    """"recent months": an unstated number of the unit (TimeBank: DURATION PXM)."""
    return "DURATION", duration_value("X", unit_name(m.group("unit")))


def future(m, ctx):
    return "DATE", "FUTURE_REF"


def vague_reference(m, ctx):
    """"future quarters", "in past years": no count and no anchor, so no span of time is measured
    (not PXQ, PXY); TimeML's reference to the future or the past."""
    return "DATE", "FUTURE_REF" if m.group("rel").lower() == "future" else "PAST_REF"


def part_of_day(m, ctx):
    if m.groupdict().get("mid"):
        return "TIME", f"{ctx.anchor.isoformat()}T12:00"
    return "TIME", f"{ctx.anchor.isoformat()}T{_part_code(m.group('part'))}"


def _clock(m) -> tuple[int, int, str] | None:
    if m.groupdict().get("pod"):
        code = _part_code(m.group("pod"))
        hour, minute = (int(p) for p in code.split(":")) if ":" in code else (12, 0)
        return hour % 24, minute, ""
    groups = m.groupdict()
    if groups.get("h24"):
        return int(m.group("h24")), int(m.group("min24")), "Z"
    for hour, minute in (("h24l", "min24l"), ("h24y", "min24y")):
        if groups.get(hour):  # "at 14:00", "14:00 local time": a wall clock, no zone
            return int(groups[hour]), int(groups[minute]), ""
    hour, minute = int(m.group("h")), int(m.group("min") or 0)
    if hour > 12 or hour == 0:
        return None
    hour = hour % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
    return hour, minute, ""


_DAY_AFTER = re.compile(r",?[^\S\n]+(?:on[^\S\n]+)?(" + "|".join(sorted(MONTH_WORDS.split("|"), key=len, reverse=True)) +
                        r")\.?[^\S\n]+(\d{1,2})(?:st|nd|rd|th)?\b", re.I)


def time_of_day(m, ctx):
    """A clock time on the day the text last named, or on the day written right after it
    ("16:15 UTC, June 1")."""
    clock = _clock(m)
    if clock is None:
        return None
    hour, minute, zone = clock
    day = ctx.anchor
    after = _DAY_AFTER.match(ctx.text, m.end())
    if after:  # the tense is read from the clock time on: "until 5 p.m. EST, Nov. 6" points ahead
        month, d = month_value(after.group(1)), int(after.group(2))
        y = year_of_month_day(ctx, m.start(), month, d, after.end())
        day = safe_date(y, month, d) if y else None
        day = day or ctx.anchor
    return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"


def clock_words(m, ctx):
    """"eight o'clock", "at 10 in the evening", "8:30 in the morning": a clock time on the day
    the text last named, the part of the day telling a.m. from p.m. ("2 in the night" is 02:00)."""
    hour = int(m.group("hw")) if m.group("hw").isdigit() else number_value(m.group("hw"))
    minute = int(m.groupdict().get("mw") or 0)
    if hour is None or not 1 <= hour <= 12:
        return None
    part = (m.group("part") or "").lower()
    if part in ("afternoon", "evening") or part == "night" and 6 <= hour < 12:
        hour = hour % 12 + 12
    elif part:
        hour %= 12
    return "TIME", f"{ctx.anchor.isoformat()}T{int(hour):02d}:{minute:02d}"


def time_on_day(m, ctx):
    clock = _clock(m)
    if clock is None:
        return None
    if m.group("wd"):
        day = weekday_date(ctx, weekday_value(m.group("wd")), "", m.start())
    else:
        month, d = month_value(m.group("month")), int(re.match(r"\d+", m.group("day")).group())
        y = year_of_month_day(ctx, m.start(), month, d)
        day = safe_date(y, month, d) if y else None
        if day is None:
            return None
    hour, minute, zone = clock
    return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"


NORMALIZERS = {name: fn for name, fn in globals().items()
               if callable(fn) and not name.startswith("_") and getattr(fn, "__module__", None) == __name__}
NORMALIZERS["set"] = set_
NORMALIZERS["moving_holiday"] = moving_holiday
