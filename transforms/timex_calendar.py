"""The calendar and tense reasoning of the TIMEX3 normalizers (transforms/timex_norm.py).

`Context` is what a normalizer knows besides its match; `points_ahead` decides from the clause
around an expression whether it speaks of what lies ahead of the document creation time (dct),
from the cue lists of transforms/data/<lang>/timex/cues.json; the helpers place year-less days,
months and weekdays relative to the dct and spell TIMEX3 period and duration values.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from transforms.timex_vocab import cues, vocabulary


@dataclass
class Context:
    """What the normalizers know besides the match: the text, its creation time, the last
    fully specified day mentioned (for "the same day"), the last quarter mentioned (for "a year
    earlier" in results reports) and how to read 05/11/2023 (`numeric_order`)."""

    text: str
    dct: dt.date
    anchor: dt.date
    quarter: tuple[int, int] | None = None
    numeric_order: str | None = None
    month: tuple[int, int] | None = None  # the last month named on its own ("in January")
    last: str | None = None  # the value of the last year, month or day mentioned (any of them)
    country: str | None = None  # ISO2 of the article's country, for its national days

    def reference(self, unit: str) -> dt.date:
        """The narrative's reference time for "that year", "the following month": the last point
        the text mentioned when it is precise enough for `unit` (a year for "year", a month for
        "month" and "quarter"), else the last day mentioned."""
        v = self.last or ""
        if len(v) == 10 or (len(v) == 7 and unit in ("year", "month", "quarter")) or (len(v) == 4 and unit == "year"):
            return dt.date(int(v[:4]), int(v[5:7]) if len(v) >= 7 else 1, int(v[8:10]) if len(v) == 10 else 1)
        return self.anchor


# --- tense: does the clause before an expression point ahead of the document date? -----------

@cache
def _cue(name: str, before: str = r"\b", after: str = r"\b") -> re.Pattern:
    """The cue list `name` of cues.json as one case-insensitive alternation between two contexts."""
    return re.compile(before + "(?:" + "|".join(cues()[name]) + ")" + after, re.I)


# "by early June", "until mid-March", "until 5 p.m. EST, Nov. 6" (a clock time before its day)
_BEFORE_EXPRESSION = (r"\s+(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+(?-i:[A-Z]{2,4}))?,?\s+(?:on\s+)?)?"
                      r"(?:early\s+|mid-?|late\s+)?$")
# A future cue counts unless it is part of a compound ("lower-than-expected earnings") or a past
# auxiliary governs it ("had been scheduled to expire at midnight Friday": the Friday before).
_FUTURE_BEFORE = r"(?<!-)(?<!\bhad\s)(?<!\bhad\sbeen\s)\b"


# A sentence ends at . ! ? followed by a capital, unless the word before is an abbreviation
# ("Jan. 3", "P. Davison", "Mr. Smith": a capitalized word of up to four letters; "5 p.m. EST"), or at a line break.
_SENTENCE_END = re.compile(r"(?:(?<![A-Z])(?<![ap]\.m)(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})[.!?]['\"]?\s+(?=[A-Z\"'`])|;\s|\n)")


def _clause(ctx: Context, start: int) -> str:
    """The text from the start of the expression's sentence (at most 150 characters back) to it."""
    lo = max(0, start - 150)
    for m in _SENTENCE_END.finditer(ctx.text, lo, start + 1):  # +1: the lookahead sees the next capital
        if m.end() <= start:
            lo = m.end()
    return ctx.text[lo:start]


def points_ahead(ctx: Context, start: int, end: int | None = None) -> bool:
    """Whether the clause speaks of what lies ahead: "by"/"until" just before the expression
    ("until Friday", not "up until"), a future cue between the sentence start (at most 150
    characters back) and the expression not followed by a past-tense reporting verb ("would meet
    Thursday" yes, "will, he said Tuesday" no), or one just after it ("a June 3 hearing is
    scheduled"); never when a past-tense verb follows ("Saturday was canceled")."""
    window = _clause(ctx, start)
    after = ctx.text[end:end + 30] if end is not None else ""
    if _cue("never_ahead_before", after=_BEFORE_EXPRESSION).search(window) or _PAST_AFTER.match(after):
        return False
    past = [m.start() for m in _cue("not_future_before").finditer(window)]
    if _cue("ahead_before", before=r"(?<!\bup )\b", after=_BEFORE_EXPRESSION).search(window) and not re.search(r"\bhad\b", window, re.I):
        return True  # "extended until Tuesday"; not "had filed reports by Wednesday"
    if end is not None and _cue("future_after", before=r"^[^.;!?\n,]{0,25}?\b").search(after):
        return True
    # a cue a past perfect governs ("had been due to expire", "had planned to") looked ahead from a
    # time now past
    future = [m.end() for m in _cue("future", before=_FUTURE_BEFORE).finditer(window)
              if not _PAST_PERFECT_BEFORE.search(window, max(0, m.start() - 40), m.start())]
    if not future:
        return False
    return not any(p >= future[-1] for p in past)


@cache
def _tense_words() -> re.Pattern:
    """Future cues, past and present verbs of cues.json as one pattern with a group per tense;
    a word ending in -ed (not -eed: "proceed") is a past verb too, an infinitive ("to admit") a
    future one."""
    c = cues()
    infinitive = r"to\s+(?!(?:" + "|".join(c["infinitive_not_verb"]) + r")\b)(?-i:[a-z]{2,})(?<!ed)"
    return re.compile(r"\b(?:(?P<future>" + "|".join(c["future"]) + r")|(?P<prospective>" + infinitive + r")|(?P<present>" + "|".join(c["present_verb"]) +
                      r")|(?P<past>" + "|".join(c["past_verb"]) + r"|\w{2,}(?<!e)ed))\b", re.I)


def clause_tense(ctx: Context, start: int, end: int | None = None) -> str | None:
    """"future", "past", "present" or "prospective" (an infinitive: "decided to admit them in
    March", ahead of its clause but not necessarily of the document): the tense of the clause
    governing the expression at [start, end), HeidelTime-style: "future" by `points_ahead`, else
    the verb nearest before it in its sentence, else the first one in the few words after it
    ("Dec. 3 was ..."); None when no verb tells. Reads cue words, not a parse: fast enough for
    every expression of a corpus."""
    if points_ahead(ctx, start, end):
        return "future"
    clause = _clause(ctx, start)
    before = list(_tense_words().finditer(clause))
    if before:
        last = before[-1]
        if last.lastgroup == "past" and _PASSIVE_PRESENT.search(clause, 0, last.start()):
            return "present"  # "is heard", "are not expected": a participle, not a past tense
        return last.lastgroup
    if end is not None:
        after = _tense_words().search(re.split(r"[.;!?\n]", ctx.text[end:end + 40])[0])
        if after:
            return after.lastgroup
    return None


_PAST_PERFECT_BEFORE = re.compile(r"\bhad(?:[^\S\n]+[\w']+){0,3}[^\S\n]+$", re.I)
_PASSIVE_PRESENT = re.compile(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+|not\s+)?$", re.I)
_PAST_AFTER = re.compile(r"^[^.;!?\n]{0,15}?\b(?:had|was|were|did)\b", re.I)


# --- calendar helpers ----------------------------------------------------------------------

def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


MONTH_WORDS = "|".join(sorted(list(vocabulary()["month"]) + list(vocabulary()["month_abbr"]), key=len, reverse=True))


def year_of_month_day(ctx: Context, start: int, month: int, day: int, end: int | None = None) -> int | None:
    """The year of a year-less "Dec. 3": the dct's year, the year before when that day lies after
    the dct and nothing points ahead, the year after when the text points ahead past it."""
    this = safe_date(ctx.dct.year, month, day)
    if this is None:
        return ctx.dct.year - 1 if safe_date(ctx.dct.year - 1, month, day) else None
    tense = clause_tense(ctx, start, end)
    if this > ctx.dct:
        # a day a few months ahead in a present-tense clause ("The record date is Nov. 9") is
        # the coming one; in the past tense, or far ahead, the last one
        days = (this - ctx.dct).days
        soon = days <= NEAR_MONTHS * 31 and tense == "present" or days <= PROSPECTIVE_MONTHS * 31 and tense == "prospective"
        # a day a few weeks ahead that no past verb governs is the coming one ("by setting a Jan. 14
        # return date", said on Jan. 6): news writes the year of a day eleven months back
        soon = soon or days <= NEAR_DAYS and tense is None
        return ctx.dct.year if tense == "future" or soon else ctx.dct.year - 1
    if tense == "future" and (ctx.dct - this).days > 60:
        return ctx.dct.year + 1
    return ctx.dct.year


def year_of_month(ctx: Context, start: int, month: int, end: int | None = None) -> int:
    """The year of a bare month: a month a few ahead of the dct is the coming one ("heard in May"
    written in March; an event cannot be dated after publication by it, see event_dates), one
    further ahead (or said in the past tense: "were fired in December") the past one unless the
    text points ahead."""
    tense = clause_tense(ctx, start, end)
    ahead = tense == "future"
    if month > ctx.dct.month:
        near = month - ctx.dct.month <= NEAR_MONTHS and tense != "past" or \
            month - ctx.dct.month <= PROSPECTIVE_MONTHS and tense == "prospective"
        return ctx.dct.year if ahead or near else ctx.dct.year - 1
    if ahead and ctx.dct.month - month > 2:
        return ctx.dct.year + 1
    if tense == "prospective" and month + 12 - ctx.dct.month <= PROSPECTIVE_MONTHS:
        return ctx.dct.year + 1  # "agreed to buy the unit in February", said in October
    return ctx.dct.year


# How many months ahead a bare month name still means the coming one (in a clause that is not
# in the past tense), and how far ahead an infinitive's ("plans to open in May") still reaches.
NEAR_MONTHS = 2
PROSPECTIVE_MONTHS = 6
NEAR_DAYS = 31


def weekday_date(ctx: Context, target: int, rel: str, start: int, end: int | None = None) -> dt.date:
    """ISO weekday `target` relative to the dct: "last" strictly before (never the dct itself),
    "next" strictly after, "this" in the dct's ISO week, "the previous" strictly before the day
    the text last named (TimeML anchors it on the narrative's reference time), bare by the tense
    of the clause around [start, end) ("Saturday was canceled" is the one before)."""
    back = (ctx.dct.isoweekday() - target) % 7
    ahead_days = (target - ctx.dct.isoweekday()) % 7
    if rel in ("the previous", "previous", "the prior"):
        return ctx.anchor - dt.timedelta(days=(ctx.anchor.isoweekday() - target) % 7 or 7)
    if rel in ("last", "this past"):
        return ctx.dct - dt.timedelta(days=back or 7)
    if rel in ("next", "this coming"):
        return ctx.dct + dt.timedelta(days=ahead_days or 7)
    if rel == "this":  # HeidelTime: the day of the dct's (ISO) week, "this Sunday" said on a Wednesday is
        # ahead; but a past tense speaks of the one just gone ("clashes erupted this Sunday") and a
        # future of the coming one ("talks will be held this Monday")
        day = ctx.dct + dt.timedelta(days=target - ctx.dct.isoweekday())
        tense = clause_tense(ctx, start, end)
        if day > ctx.dct and tense == "past":
            return day - dt.timedelta(days=7)
        if day < ctx.dct and tense == "future":
            return day + dt.timedelta(days=7)
        return day
    # only a future cue moves a bare weekday ahead: read by the nearest verb's tense, present and
    # infinitive clauses ("meet Monday", "decided to meet Monday") lose more than they gain on TBAQ
    if end is not None and _PAST_VERB_NEXT.match(ctx.text, end) or _past_verb_before(ctx, start):
        return ctx.dct - dt.timedelta(days=back)
    if points_ahead(ctx, start) or end is not None and _leads_a_future_clause(ctx, start, end):
        return ctx.dct + dt.timedelta(days=ahead_days)
    return ctx.dct - dt.timedelta(days=back)


def _leads_a_future_clause(ctx: Context, start: int, end: int) -> bool:
    """"On Tuesday, the league plans to hold a news conference": no verb before the weekday in
    its sentence, and the first one after it looks ahead."""
    if _tense_words().search(_clause(ctx, start)):
        return False
    after = _tense_words().search(re.split(r"[.;!?\n]", ctx.text[end:end + 80])[0])
    return bool(after) and after.lastgroup == "future" and bool(_PLAIN_FUTURE.fullmatch(after.group()))


# The future cues that are never a past tense themselves ("planned to pay" may be past).
_PLAIN_FUTURE = re.compile(r"will|'ll|shall|(?:is|are)\s+to|plans?\s+to|intends?\s+to|going\s+to", re.I)


# A past auxiliary or verb right after a weekday makes it the subject of a past clause ("a service
# planned for Saturday was canceled", "Saddam Hussein on Friday tried"); a cue after it ("Friday
# as the deadline") moves nothing.
_PAST_VERB_NEXT = re.compile(r",?[^\S\n]+(?:had|was|were|did|[a-z]{2,}(?<!e)ed)\b")


@cache
def _past_verb_right_before() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a verb right before an expression, optionally "on" / "late" / "early" between; the helpers
    that make that verb a participle or an infinitive; the future cues of cues.json)."""
    c = cues()
    verb = r"(?:" + "|".join(c["past_verb"]) + r"|(?-i:[a-z]{2,})(?<!e)ed)"
    found = re.compile(r"(?:\b(?P<before>[\w']+)[^\S\n]+)?\b(?P<verb>" + verb +
                       r")[^\S\n]+(?:on[^\S\n]+)?(?:(?:late|early)[^\S\n]+)?$", re.I)
    helper = re.compile(r"(?:be|been|being|is|are|am|to|will|would|shall|should|could|can|may|might|must|'ll|'s|'re)",
                        re.I)
    future = re.compile(r"(?:" + "|".join(c["future"]) + r")", re.I)
    return found, helper, future


def _past_verb_before(ctx: Context, start: int) -> bool:
    """Whether a simple past verb governs the expression from right before it ("Cuba predicted
    Wednesday", "the king met on Monday", "police announced late Tuesday"): not a participle after
    "be", "to" or a modal ("is expected Tuesday", "to be released Friday"), nor a future cue itself
    ("scheduled Friday")."""
    found, helper, future = _past_verb_right_before()
    m = found.search(ctx.text, max(0, start - 40), start)
    if not m or future.fullmatch(m.group("verb")):
        return False
    if _TEMPORAL_CLAUSE.search(ctx.text, max(0, m.start("verb") - 30), m.start("verb")):
        return False  # "would buy as soon as trading opened Monday": a backshifted tense, not the past
    return not (m.group("before") and helper.fullmatch(m.group("before")))


_TEMPORAL_CLAUSE = re.compile(r"\b(?:as\s+soon\s+as|once|when|until|till|after|before|by\s+the\s+time|if|unless)\b[^.;!?\n]*$",
                              re.I)


def shift_period(day: dt.date, unit: str, shift: int) -> str:
    """The TIMEX3 value of the `unit` containing `day`, moved by `shift` units."""
    if unit == "year":
        return f"{day.year + shift}"
    if unit == "month":
        index = day.year * 12 + day.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit in ("week", "weekend"):
        iso = (day + dt.timedelta(weeks=shift)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "quarter":
        index = day.year * 4 + (day.month - 1) // 3 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return f"{day.year // 10 + shift}"
    if unit == "century":
        return f"{day.year // 100 + shift}"
    return (day + dt.timedelta(days=shift)).isoformat()


def duration_value(count, unit: str) -> str:
    """P3W, PT2H, P10Y for a decade, PXM for a vague count ("X")."""
    code = vocabulary()["unit"][unit]
    vague = count == "X"
    if code == "DE":  # TimeBank and MEANTIME write "decades" as years: PXY
        return "PXY" if vague else f"P{number_text(float(count) * 10)}Y"
    if not vague and code in _SUBUNIT and not float(count).is_integer():
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M: ISO 8601 has no fractions of these
        whole, fraction = int(float(count)), float(count) % 1
        sub, per = _SUBUNIT[code]
        head = f"{whole}{'M' if code == 'MIN' else code}" if whole else ""
        if code in ("H", "MIN"):
            return f"PT{head}{number_text(fraction * per)}{sub}"
        if code == "D":
            return f"P{head}T{number_text(fraction * per)}{sub}"
        return f"P{head}{number_text(fraction * per)}{sub}"
    if code == "CE":
        return "PXCE" if vague else f"P{number_text(count)}CE"
    if code == "FN":
        return "PXW" if vague else f"P{number_text(float(count) * 2)}W"
    if code in ("H", "MIN", "S"):
        return f"PT{'X' if vague else number_text(count)}{'M' if code == 'MIN' else code}"
    return f"P{'X' if vague else number_text(count)}{code}"


# The next smaller unit of a duration code and how many of it make one ("Y": 12 months).
_SUBUNIT = {"Y": ("M", 12), "H": ("M", 60), "MIN": ("S", 60), "D": ("H", 24)}


def number_text(count) -> str:
    count = float(count)
    return str(int(count)) if count.is_integer() else str(count)


def unit_name(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s") if word != "hours" else "hour"


def text_before(ctx: Context, m: re.Match, chars: int = 12) -> str:
    return ctx.text[max(0, m.start() - chars):m.start()].lower()
