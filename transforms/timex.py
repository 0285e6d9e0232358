"""A rule-based TimeML TIMEX3 tagger: temporal expressions with type and normalized value.

Component `timex` (its version: `COMPONENT`). `tag_timexes(text, dct)` finds DATE, TIME, DURATION and SET expressions
and normalizes them against the document creation time (dct), the way TimeML annotates news
("Wednesday" -> 2010-10-20, "the fourth quarter" -> 2006-Q4, "two years" -> P2Y, "weekly" -> P1W,
"two years ago" -> 2008, "recent years" -> PAST_REF). HeidelTime-style, this module is only the
engine: the vocabularies and rules are data (transforms/data/<lang>/timex/: vocabulary.json,
cues.json, rules.jsonl with an example per rule), the value arithmetic is in
transforms/timex_norm.py. Two day expressions joined as a range ("Nov. 2-4", "between Oct. 30
and Nov. 1", "from 1991 to 1997") are linked: the first carries `range_end`. The pipeline
resolves event dates from the same expressions (transforms/event_dates.py); `sitrep timex`
exposes it as JSONL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from transforms.regex_gate import fold, may_match, required_literals, scan_regions
from transforms.resources import jsonl
from transforms.timex_calendar import Context
from transforms.timex_norm import NORMALIZERS
from transforms.timex_vocab import LANGUAGE, cues, expand

COMPONENT = "timex.v8"


@dataclass(frozen=True)
class Timex:
    """One TIMEX3: character offsets into the text, the span's text, type and value.
    `range_end` is the value of the expression that closes a range this one opens."""

    start: int
    end: int
    text: str
    type: str
    value: str
    range_end: str | None = None

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}
        if self.range_end:
            out["range_end"] = self.range_end
        return out


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    norm: str
    example: dict
    needs: frozenset[str] | None = None  # words one of which every match contains (`regex_gate`)


@cache
def rules(lang: str = LANGUAGE) -> tuple[Rule, ...]:
    """The compiled rules of a language, in file order (the tie-break between equal matches).
    A rule naming an unknown normalizer or placeholder is an error at load time."""
    out = []
    for row in jsonl(f"{lang}/timex/rules.jsonl"):
        if row["norm"] not in NORMALIZERS:
            raise KeyError(f"timex rule {row['name']}: unknown normalizer {row['norm']!r}")
        flags = 0 if row.get("cased") else re.I
        pattern = re.compile(expand(row["pattern"], lang), flags)
        out.append(Rule(row["name"], pattern, row["norm"], row["example"], required_literals(pattern)))
    return tuple(out)


def tag_timexes(text: str, dct: dt.date, numeric_order: str | None = None, lang: str = LANGUAGE,
                country: str | None = None) -> list[Timex]:
    """All temporal expressions of `text`, left to right, non-overlapping (the longest match at a
    position wins, then the earlier rule). `numeric_order` ("day-first" / "month-first") reads
    ambiguous numeric dates like 05/11/2023 the way the article's header was read; `country`
    (ISO2, the article's) places a national day ("Independence Day"), which is no day without it."""
    ctx = Context(text, dct, dct, numeric_order=numeric_order, country=country)
    candidates = []
    folded = {}  # the text as each rule's gate compares it (as written; lower case for re.I rules)
    for index, rule in enumerate(rules(lang)):
        # most rules need a word most texts lack (a month, "quarter", "decade"): testing for it is
        # far cheaper than letting the rule's regex try every word of the text
        flags = rule.pattern.flags & re.IGNORECASE
        if flags not in folded:
            folded[flags] = fold(text, rule.pattern)
        if not may_match(rule.needs, folded[flags]):
            continue
        for start, end in scan_regions(rule.needs, folded[flags], len(text)):
            for m in rule.pattern.finditer(text, start, end):
                candidates.append((m.start(), -(m.end() - m.start()), index, m, rule))
    candidates.sort(key=lambda c: c[:3])
    out: list[Timex] = []
    last_end = -1
    for start, _, _, m, rule in candidates:
        if start < last_end:
            continue
        found = NORMALIZERS[rule.norm](m, ctx)
        if not found:
            continue
        span = m.span("x") if "x" in m.re.groupindex and m.group("x") else m.span()
        # a normalizer returns (TYPE, VALUE) or a list of (TYPE, VALUE, SPAN[, RANGE_END])
        for kind, value, (s, e), *range_end in (found if isinstance(found, list) else [(*found, span)]):
            cut = _preposition(lang).match(text, s, e)
            s = cut.end() if cut and cut.end() < e else s
            cut = _MODIFIER_ARTICLE.match(text, s, e)
            s = cut.end() if cut and re.fullmatch(r"\w+(?:-\w+)+", text[cut.end():e]) else s
            s = _with_its_modifier(text, s, last_end, lang)
            out.append(Timex(s, e, text[s:e], kind, value, range_end[0] if range_end else None))
            if kind == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                ctx.anchor = dt.date.fromisoformat(value)
            if kind == "DATE" and re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
                ctx.last = value
        last_end = m.end()
    out = [t for t in out if not _in_a_quoted_title(text, t)]
    return _link_ranges(text, _times_on_the_day_after(text, out), lang)


# "the [eight-year] sentence", "the [30-day] period": before a hyphenated modifier the article belongs
# to the noun phrase, not to the TIMEX3 (TimeML extents); "[the year-ago quarter]" is all time, the article in it.
_MODIFIER_ARTICLE = re.compile(r"the\s+(?=\w+(?:-\w+)+\b)", re.I)


@cache
def _modifier(lang: str) -> re.Pattern:
    """A quantity or approximation word right before an expression (cues.json modifier_before)."""
    words = "|".join(w.replace(" ", r"[^\S\n]+") for w in cues(lang)["modifier_before"])
    return re.compile(rf"(?<![\w-])(?:{words})[^\S\n]+$", re.I)


def _with_its_modifier(text: str, start: int, last_end: int, lang: str) -> int:
    """Where the extent starts with the modifier before it: TimeML puts "at least", "nearly",
    "around" inside the TIMEX3 ("[at least 30 days]", "[around 7:15 p.m.]"; its MOD attribute)."""
    m = _modifier(lang).search(text, max(0, last_end, start - 24), start)
    return m.start() if m else start


@cache
def _preposition(lang: str) -> re.Pattern:
    """A preposition TimeML leaves outside the extent ("for [three years]", cues.json extent_not_before)."""
    words = "|".join(re.escape(w) for w in cues(lang)["extent_not_before"])
    return re.compile(rf"(?:{words})\s+", re.I)


_OPEN_QUOTE = re.compile(r"(?:``|''|\"|“)([^\"“”`'\n]{0,40})$")
_CLOSE_QUOTE = re.compile(r"^([^\"“”`'\n]{0,40}?)[,.!?]?(?:''|\"|”)")


def _in_a_quoted_title(text: str, t: Timex) -> bool:
    """"ABC's ``This Week''", "CBS's ''60 Minutes''", "the ``Spring of Life'' protests": an
    expression inside a short quoted Title Case name is part of a title, not a time."""
    before = _OPEN_QUOTE.search(text, max(0, t.start - 42), t.start)
    after = _CLOSE_QUOTE.match(text[t.end:t.end + 42])
    if not (before and after):
        return False
    words = re.findall(r"[A-Za-z]+", before.group(1) + t.text + after.group(1))
    return 0 < len(words) <= 6 and all(w[0].isupper() or len(w) <= 3 for w in words) and words[0][0].isupper()


# What may stand between a clock time and the day it is on: "10:30 a.m. local time (0730 GMT) on Tuesday".
_TIME_TO_DAY = re.compile(r"(?:[\s,()]|\bon\b|\blocal\s+time\b)*", re.I)
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
# a clock time or a part of a day ("dawn", 2024-03-08TMO) on a day
_TIME_OF_A_DAY = re.compile(r"\d{4}-\d{2}-\d{2}T(?:\d|[A-Z]{2}$)")


def _times_on_the_day_after(text: str, timexes: list[Timex]) -> list[Timex]:
    """A clock time or a part of the day written before its day ("at 05:45 on 3 March", "10:30
    a.m. (0730 GMT) on Tuesday", "at dawn on the 14th") is on that day, not on the day the text
    named before it."""
    out = list(timexes)
    for i in range(len(out) - 1, -1, -1):
        t = out[i]
        if t.type != "TIME" or not _TIME_OF_A_DAY.match(t.value):
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is None or not _TIME_TO_DAY.fullmatch(text[t.end:nxt.start]):
            continue
        day = nxt.value[:10] if _DAY_VALUE.match(nxt.value) and (nxt.type == "DATE" or nxt.type == "TIME") else None
        if day and day != t.value[:10]:
            out[i] = Timex(t.start, t.end, t.text, t.type, day + t.value[10:], t.range_end)
    return out


@cache
def _joiner(lang: str) -> re.Pattern:
    words = "|".join(re.escape(w) for w in cues(lang)["range_joiner"])
    return re.compile(rf"\s*(?:{words})\s*", re.I)


_RANGEABLE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _link_ranges(text: str, timexes: list[Timex], lang: str) -> list[Timex]:
    """"A-B", "A to B", "from A until B", "between A and B": A opens a range that B closes
    (both dates of the same granularity; "A and B" only after "between"); a B the year-less
    reading put before A follows A (`_end_after_the_start`)."""
    out = list(timexes)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.type != "DATE" or b.type != "DATE" or not _RANGEABLE.match(a.value) or len(a.value) != len(b.value):
            continue
        gap = text[a.end:b.start]
        if not _joiner(lang).fullmatch(gap):
            continue
        if gap.strip().lower() == "and" and not re.search(r"\bbetween\s+$", text[max(0, a.start - 9):a.start], re.I):
            continue
        if b.value <= a.value:
            b = _end_after_the_start(a, b)
            if b is None:
                continue
            out[i + 1] = b
        out[i] = Timex(a.start, a.end, a.text, a.type, a.value, range_end=b.value)
    return out


_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")


def _end_after_the_start(a: Timex, b: Timex) -> Timex | None:
    """"from Nov. 10 to Nov. 20" read on Nov. 14: placed alone, the start is this year's and the
    end, in a past-tense clause and after the dct, last year's; a range runs forward, so an end
    whose year the text does not write follows the start ("from Dec. 28 to Jan. 3": the next
    year). Event dates then cap it at publication (transforms/event_dates.py). None when the
    end's year is written or both ends already share a year ("from Tuesday to Monday")."""
    if _WRITTEN_YEAR.search(b.text) or len(b.value) < 7 or a.value[:4] == b.value[:4]:
        return None
    year = int(a.value[:4])
    for y in (year, year + 1):
        value = f"{y}{b.value[4:]}"
        if value > a.value:
            return Timex(b.start, b.end, b.text, b.type, value, b.range_end)
    return None


_NUMERIC_DCT = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def parse_dct(value: str) -> dt.date:
    """The document creation time: ISO (2009-02-03, 2009-02-03T10:00Z) or a numeric date whose
    order a part over 12 decides (13-02-2009 day-first, 02/13/2009 month-first); one that either
    order reads (03-02-2009, as a MEANTIME document gives it) is read day-first, the corpora's
    convention, and `dct_order_ambiguous` says so. ValueError for anything else."""
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC_DCT.fullmatch(value)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (b, a) if b > 12 else (a, b)
        return dt.date(year, month, day)
    raise ValueError(f"unreadable document creation time {value!r}: use YYYY-MM-DD")


def dct_order_ambiguous(value: str) -> bool:
    """Whether `value` is a numeric date both day-first and month-first read, as different days
    (03/04/2024: 3 April or 4 March); `parse_dct` reads it day-first."""
    m = _NUMERIC_DCT.fullmatch(value.strip())
    return bool(m) and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1).lstrip("0") != m.group(2).lstrip("0")
