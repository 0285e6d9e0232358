"""Event dates: the TIMEX3 expressions of an article resolved to a day or a [min, max] range.

The tagger (transforms/timex.py) finds and normalizes the expressions against the
publication date; this module turns a normalized value into the range an event can lie in,
with the conventions of ../shared/gold/ANNOTATION.md: a weekday is the most recent such day on
or before publication; "over the weekend" the Saturday-Sunday before; "earlier this week"
Monday .. the day before publication; "in the past 24 hours" [pub-1, pub]; "last week" the
previous Monday-Sunday; "earlier this month" the 1st .. the day before; "since Oct. 17"
[Oct 17, pub]; a range the text states ("Nov. 2-4", "between Oct. 30 and Nov. 1") is that range,
not its first day. An event never ends after
publication. A report that names no time at all is no evidence of any day: its event has no
`date`, only the lookback window before publication as [date_min, date_max], marked `inferred`.
Undated articles: their events lie in the window of the article's own evidence of its period
(`Window.of_document`: a weekday written with a day, a day written with its year), else in
the window before the run day (`Window.of_run_day`), marked `unknown`; it depends on the
document and the run day alone, never on the other files of the run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache

from transforms import dates
from transforms.resources import data_text
from transforms.timex import Timex, tag_timexes
from transforms.timex_vocab import vocabulary
from transforms.year_labels import years_over

# How far back an attack reported without any time expression is assumed to lie.
DEFAULT_LOOKBACK_DAYS = 7
# "recently", "in recent days": as far back as an undated report.
RECENT_DAYS = DEFAULT_LOOKBACK_DAYS

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")
_DURATION = re.compile(r"^PT?(\d+(?:\.\d+)?)([YMWDH])$")
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b")  # "Oct. 7, 2023", "07/10/2023", "2023-10-07"
_EXPLICIT_DAY = re.compile(r"\b\d{1,2}\b")  # a month-day written out pins a day even without a year
_SINCE = re.compile(r"\b(since|from)\s+(?:last\s+)?$", re.I)
_PAST = re.compile(r"\b(past|last|previous|recent)\b", re.I)


@dataclass(frozen=True)
class EventDate:
    """When an event happened: a day (`date`, precision "day"), a range (`date` None, "range"),
    the window of an event the text does not date ("inferred": `date` None, [date_min, date_max]
    the lookback before publication) or the undated article's window ("unknown")."""

    date: dt.date | None
    date_min: dt.date
    date_max: dt.date
    text: str | None
    precision: str  # day | range | inferred | unknown


@dataclass(frozen=True)
class Window:
    """When an undated article was written, as far as the run knows: the lookback before the run
    day. `anchor` (its end) dates the article's expressions. A window depends on the run day
    alone: an undated article's event dates never change with the other files of its run."""

    start: dt.date
    end: dt.date

    @property
    def anchor(self) -> dt.date:
        return self.end

    @classmethod
    def of_run_day(cls, today: dt.date) -> "Window":
        """[today - DEFAULT_LOOKBACK_DAYS, today]: a file with no readable date is taken for recent
        news; its events are marked `unknown`, never dated after the run day."""
        return cls(today - dt.timedelta(days=DEFAULT_LOOKBACK_DAYS), today)

    @classmethod
    def of_document(cls, body: str, today: dt.date, timexes: list[Timex] | None = None) -> "Window":
        """The window of an undated article by its own evidence of its period, never by the other
        files of its run. A weekday written with a day ("Tuesday, Nov. 4": `dates.weekday_pairs`)
        fixes the latest such day not after `today`; news writes it of the days just past, so the
        window is that day and DEFAULT_LOOKBACK_DAYS after it. A day written with its year ("on
        Oct. 7, 2023") only bounds it below (news writes the year of older days too): from the
        latest such day to `today`; so does a year the text labels a past event by ("the 2020
        attack": written after 2020, `year_labels`). `of_run_day` when the text fixes no day. `timexes`: the body's
        expressions already tagged against `today` (the caller's, so the text is tagged once)."""
        paired = [d for d in (dates.pair_day(p, today) for p in dates.weekday_pairs(body)) if d]
        tagged = tag_timexes(body, today) if timexes is None else timexes
        written = [dt.date.fromisoformat(t.value) for t in tagged
                   if t.type == "DATE" and _FULL_DAY.fullmatch(t.value) and _YEAR_WRITTEN.search(t.text)]
        written = [d for d in written if d <= today]
        written += years_over(body, today)  # "the 2020 attack": written after 2020 ended
        if not paired and not written:
            return cls.of_run_day(today)
        start = max(paired + written)
        if paired and max(paired) == start:
            return cls(start, min(start + dt.timedelta(days=DEFAULT_LOOKBACK_DAYS), today))
        return cls(start, today)


def tag_article(body: str, published: dt.date | None, window: Window,
                numeric_order: str | None = None, country: str | None = None) -> list[Timex]:
    """The article's expressions, normalized against its publication date (else the window's end);
    `numeric_order` reads 05/11/2023 the way the header's numeric date was read, `country` (ISO2)
    places its national days."""
    return tag_timexes(body, published or window.anchor, numeric_order=numeric_order, country=country)


# "early", "late", "mid-" before a part of the day ("in the early morning") name no day either.
_PART_EDGE = re.compile(r"^(?:mid-?\s?|early\s+|late\s+)")


def resolve(timex: Timex | None, body: str, published: dt.date | None, window: Window) -> EventDate | None:
    """The range an event dated by `timex` lies in; None when the expression dates nothing
    an event could have happened on (a duration without "past", a future reference)."""
    if published is None:
        return _resolve_undated(timex, window)
    if timex is None:
        return default_range(published, until=min(published, window.end) if published > window.end else None)
    pub = published
    value, text = timex.value, timex.text
    since = _SINCE.search(body[max(0, timex.start - 12):timex.start])
    day = _DAY.match(value)
    if day and value.endswith("TNI") and text.lower() == "overnight":
        into = _night_into(body, timex.end, pub)
        if into is not None:  # "overnight into Sunday", "overnight to Tuesday": the night before that day
            morning, until = into
            return _range(morning - dt.timedelta(days=1), morning, pub, body[timex.start:until])
        night = dt.date.fromisoformat(day.group(1))
        return _range(night, night + dt.timedelta(days=1), pub, text)
    if day and timex.type == "TIME" and _PART_EDGE.sub("", text.lower()) in vocabulary()["part_of_day"]:
        # "in the (early) evening" with no day named: the evening of publication or the one before
        # (a report is often written the next morning)
        d = dt.date.fromisoformat(day.group(1))
        return _range(d - dt.timedelta(days=1), d, pub, text)
    if day:
        d = dt.date.fromisoformat(day.group(1))
        if d > pub:
            return None
        if timex.range_end and _DAY.match(timex.range_end):
            return _range(d, dt.date.fromisoformat(timex.range_end[:10]), pub, text)
        if since:
            return EventDate(None, d, pub, f"{since.group(1)} {text}", "range")
        return EventDate(d, d, d, text, "day")
    week = _WEEK.match(value)
    if week:
        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        lo, hi = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if week.group(3) else \
                 (monday, monday + dt.timedelta(days=6))
        if text.lower().startswith("earlier"):
            hi = max(lo, pub - dt.timedelta(days=1))
        return _range(lo, hi, pub, text)
    year = _YEAR.match(value)
    if year and timex.range_end and _YEAR.match(timex.range_end):
        return _range(dt.date(int(value), 1, 1), dt.date(int(timex.range_end), 12, 31), pub, text)
    month = _MONTH.match(value)
    if month:
        lo = dt.date(int(month.group(1)), int(month.group(2)), 1)
        hi = dt.date(lo.year + (lo.month == 12), lo.month % 12 + 1, 1) - dt.timedelta(days=1)
        if text.lower().startswith("earlier"):  # "earlier this month": the 1st .. the day before publication
            hi = max(lo, pub - dt.timedelta(days=1))
        return _range(lo, hi, pub, text)
    duration = _DURATION.match(value)
    if duration and (_PAST.search(text) or since or "overnight" in text.lower()):
        n, unit = float(duration.group(1)), duration.group(2)
        days = {"Y": 365, "M": 30, "W": 7, "D": 1, "H": 1 / 24}[unit] * n
        if timex.value.startswith("PT"):
            days = max(1.0, days)
        return _range(pub - dt.timedelta(days=round(days)), pub, pub, text)
    if value == "PAST_REF":
        return _range(pub - dt.timedelta(days=RECENT_DAYS), pub, pub, text)
    return None


_INTO = re.compile(r"\s*(?:into|to|until|till)\s+(?=\S)", re.I)


def _night_into(body: str, after: int, published: dt.date) -> tuple[dt.date, int] | None:
    """The day a night ends on when the text names it right after "overnight" ("overnight into
    Sunday", "overnight to 3 May"): that day as the tagger reads it against publication, and the
    body offset where its name ends; None
    when no day follows. The night is then [that day - 1, that day] (the "Saturday night" =
    [Sat, Sun] convention of tests/gold/unseen2 and unseen3)."""
    joined = _INTO.match(body, after)
    if not joined:
        return None
    following = tag_timexes(body[joined.end():joined.end() + 40], published)
    first = following[0] if following else None
    day = _DAY.match(first.value) if first is not None and first.start == 0 and first.type == "DATE" else None
    return (dt.date.fromisoformat(day.group(1)), joined.end() + first.end) if day else None


# An expression dating more than this before the article (or its batch) is history, not news.
HISTORY_DAYS = 60
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def is_history(timex: Timex, published: dt.date | None, window: Window) -> bool:
    """A year, month or day that ended well before the article was written ("In 2020, ...")."""
    m = _PERIOD.match(timex.value)
    if not m or timex.type != "DATE":
        return False
    if published is None and not _WRITTEN_YEAR.search(timex.text):
        return False  # an undated article's "Dec. 3" got its year by guess: no evidence of history
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        end = dt.date(year, int(month), int(day))
    elif month:
        end = dt.date(year + (month == "12"), int(month) % 12 + 1, 1) - dt.timedelta(days=1)
    else:
        end = dt.date(year, 12, 31)
    return end < (published or window.start) - dt.timedelta(days=HISTORY_DAYS)


_MONTH_OR_YEAR = re.compile(r"^\d{4}(?:-(?:\d{2}|[HQ]\d|SP|SU|FA|WI))?$")  # TIMEX3: a month, half, quarter, season, year


def is_period(timex: Timex) -> bool:
    """Whether an expression names a stretch of time, not a day: a duration ("the first three
    months", "two years") or a whole month, half, quarter, season or year ("in March", "in the
    first half of 2023", "of 2024"). A count of dead over
    one is a toll, not one attack's."""
    return timex.type == "DURATION" or timex.type == "DATE" and bool(_MONTH_OR_YEAR.match(timex.value))


# "earlier that day", "the same night": a time told by an earlier one of the narrative
_ANAPHORIC = re.compile(r"\b(?:that|the\s+same)\s+(?:day|night|morning|afternoon|evening|week|month|year)\b", re.I)


def is_anaphoric(timex: Timex) -> bool:
    """Whether an expression names its time by pointing back ("earlier that day", "the same
    night"): the tagger anchors it to publication, the narrative to its last time."""
    return bool(_ANAPHORIC.search(timex.text))


def antecedent(timex: Timex, timexes: list[Timex]) -> Timex | None:
    """The time an anaphoric expression points back to: the last expression before it that does
    not point back itself; None when the text names none (then it dates nothing)."""
    before = [t for t in timexes if t.start < timex.start and not is_anaphoric(t)]
    return max(before, key=lambda t: t.start, default=None)


def day_told_later(timexes: list[Timex], body: str, after: int, published: dt.date | None,
                   window: Window) -> EventDate | None:
    """The first day named later in the paragraph (from offset `after` to the next line break),
    for an event its own sentence does not date ("An IED exploded near a checkpoint ... The
    attack took place early on 14 November"): only a day inside the window an undated event
    could lie in anyway (the lookback before publication), so it narrows that window, never
    moves an event out of it. None when no such day is named."""
    end = body.find("\n", after)
    end = len(body) if end < 0 else end
    fallback = resolve(None, body, published, window)
    for timex in timexes:
        if after <= timex.start < end:
            found = resolve(timex, body, published, window)
            if found is not None and found.precision == "day" and fallback.date_min <= found.date <= fallback.date_max:
                return found
    return None


def clause_dates(clauses: list[tuple[int, int]], dated: list[tuple[int, EventDate]], start: int) -> list[EventDate | None]:
    """The date each attack of one sentence takes from its own clause: in "rockets hit the airport
    on Monday, and a drone struck the base on Wednesday" the second attack is Wednesday's, not
    the first date twice. `clauses` are the attacks' (start, end) offsets in the body, in text
    order; `dated` the sentence's own resolved expressions as (offset, EventDate); `start` the
    sentence's offset. An attack owns the stretch from its clause's start (the sentence's start
    for the first) to the next clause's start; an expression inside the clause itself wins, else
    the first one of the stretch. None where the stretch dates nothing: that attack keeps the
    sentence's date ("On Monday, rockets hit X and a drone struck Y": both Monday)."""
    out: list[EventDate | None] = []
    for k, (lo, hi) in enumerate(clauses):
        begin = start if k == 0 else lo
        stop = clauses[k + 1][0] if k + 1 < len(clauses) else float("inf")
        inside = [d for at, d in dated if lo <= at < hi]
        stretch = [d for at, d in dated if begin <= at < stop]
        out.append((inside or stretch or [None])[0])
    return out


def since(start: dt.date, published: dt.date, text: str | None) -> EventDate:
    """From an earlier event's day to publication: what "responded", "the ship" can say."""
    if start >= published:
        return EventDate(published, published, published, text, "day")
    return EventDate(None, start, published, text, "range")


def default_range(published: dt.date, until: dt.date | None = None) -> EventDate:
    """An event the text does not date: no day (guessing the day before publication would be
    right for wire copy and wrong for everything else), the lookback window ending on publication,
    or on `until` (the run day) when the header states a later date. Precision "inferred"."""
    hi = min(published, until) if until else published
    return EventDate(None, hi - dt.timedelta(days=DEFAULT_LOOKBACK_DAYS), hi, None, "inferred")


def _resolve_undated(timex: Timex | None, window: Window) -> EventDate:
    """No publication date: only a written-out month and day pins a day (the tagger placed a
    year-less one on or before the window's end, `Window.of_document`); anything vaguer leaves
    the wide window."""
    if timex is not None:
        day = _DAY.match(timex.value)
        if day and timex.type == "DATE" and _EXPLICIT_DAY.search(timex.text):
            d = dt.date.fromisoformat(day.group(1))
            if d <= window.end:  # never after the run day
                end = dt.date.fromisoformat(timex.range_end[:10]) if timex.range_end and _DAY.match(timex.range_end) else d
                if end > d:
                    return EventDate(None, d, min(end, window.end), timex.text, "range")
                return EventDate(d, d, d, timex.text, "day")
    return EventDate(None, window.start, window.end, timex.text if timex else None, "unknown")


def _range(lo: dt.date, hi: dt.date, pub: dt.date, text: str) -> EventDate | None:
    """A period: no single event day even where it collapses to one ("earlier this week" on a Tuesday)."""
    hi = min(hi, pub)
    if lo > hi:
        return None
    return EventDate(None, lo, hi, text, "range")


@cache
def _goes_on() -> re.Pattern:
    """ "When the jet left", "As the drones turned back": a subordinator of the same scene
    (`same_event_marks`) before a definite noun (`anaphora.definite`), data/en/attack_words.json."""
    raw = json.loads(data_text("en/attack_words.json"))
    marks, definite = raw["same_event_marks"], raw["anaphora"]["definite"]
    return re.compile(r"^\W*(?:" + "|".join(marks) + r")\s+(?:" + "|".join(definite) + r")\s+[\w-]+", re.I)


def goes_on(sentence: str) -> bool:
    """Whether a paragraph's first sentence goes on with the scene of the paragraph before
    ("When the jet left, three neighbours were dead."): its sentences keep that paragraph's
    day (a feature tells one scene over several paragraphs); a paragraph that opens otherwise
    starts undated."""
    return bool(_goes_on().match(sentence))


@cache
def _ahead() -> re.Pattern:
    words = json.loads(data_text("en/narrative_time.json"))["ahead_words"]
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\b", re.I)


def names_ahead(timex: Timex, body: str) -> bool:
    """Whether an expression points past publication by its words ("in the coming weeks", "the
    next few days", "in the days ahead": data/en/narrative_time.json): a sentence dated only by
    such expressions is a forecast, not a report of an attack."""
    return bool(_ahead().search(timex.text) or _ahead().match(body, timex.end, timex.end + 7)
                or re.match(r"\s+ahead\b", body[timex.end:timex.end + 7], re.I))
