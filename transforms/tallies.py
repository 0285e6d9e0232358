"""Officially reported tallies: "at least 13 attacks in the past week", "almost a dozen times".

Component `tallies.v1`. One row per number; an Iraq/Syria split ("61 attacks, 29 in Iraq and
32 in Syria") adds one row per part with the same evidence. period_end is the publication
date (the day the figure was stated); period_start comes from the period the sentence names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms import context, event_dates
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.timex import Timex

COMPONENT = "tallies.v1"
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozen": 12, "two dozen": 24,
                 "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a hundred": 100}
_QUALIFIERS = {"at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
               "nearly": "almost", "almost": "almost", "close to": "almost", "about": "about", "approximately": "about",
               "around": "about", "roughly": "about", "some": "about", "an estimated": "about", "up to": "up to"}
_NUM = r"(?P<n>\d[\d,]*|a dozen|two dozen|a hundred|" + "|".join(k for k in _NUMBER_WORDS if " " not in k) + ")"
_QUAL = r"(?:(?P<q>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
_ATTACKS = re.compile(_QUAL + _NUM + r"\s+(?:(?:separate|different|drone|rocket|missile|and|or|,)\s+){0,4}"
                      r"(?P<unit>attacks|strikes|incidents|times)\b", re.I)
_INJURED = re.compile(_QUAL + _NUM + r"\s+(?:U\.S\.\s+|US\s+|American\s+|coalition\s+)?"
                      r"(?:service\s?members|troops|personnel|soldiers|sailors|people)\s+(?:have\s+|had\s+|were\s+)?"
                      r"(?:been\s+)?(?:sustained|suffered|injured|wounded|hurt)", re.I)
_KILLED = re.compile(_QUAL + _NUM + r"\s+(?:people|civilians|persons|soldiers|troops|fighters|militants|children)\s+"
                     r"(?:have\s+|had\s+)?(?:been\s+|were\s+)?(?:killed|dead)\b", re.I)
# Words the patterns above cannot match without: a cheap test before the expensive search.
_ATTACK_WORDS = re.compile(r"attacks|strikes|incidents|times", re.I)
_INJURY_WORDS = re.compile(r"sustained|suffered|injured|wounded|hurt", re.I)
_DEATH_WORDS = re.compile(r"killed|dead", re.I)
_CUMULATIVE = re.compile(r"\b(?:in\s+the\s+(?:conflict|war|fighting)|since|so\s+far|in\s+total|toll|altogether|to\s+date)\b", re.I)
_SPLIT = re.compile(r"(?P<n>\d+|" + "|".join(k for k in _NUMBER_WORDS if " " not in k) + r")\s+(?:\w+\s+)?in\s+"
                    r"(?P<place>Iraq|Syria|Yemen|Jordan|the Red Sea)\b", re.I)
_REPORTERS = ("PERSON", "ORG")
_PENTAGON = "org:pentagon"
_UNNAMED_DEFENSE = re.compile(r"\b(defen[sc]e|military|Pentagon) officials?\b|\bthe military said\b", re.I)


@dataclass(frozen=True)
class Tally:
    count: int
    qualifier: str
    unit: str
    period_start: dt.date | None
    period_end: dt.date | None
    scope: str | None
    stated_by_id: str | None
    evidence: str
    start_char: int
    end_char: int


def is_tally_sentence(sentence: str) -> bool:
    m = _ATTACKS.search(sentence)
    return bool((m and _number(m.group("n")) >= 2) or _INJURED.search(sentence) or _is_toll(sentence))


def _finditer(pattern: re.Pattern, required: re.Pattern, sentence: str):
    return pattern.finditer(sentence) if required.search(sentence) else ()


def _is_toll(sentence: str) -> bool:
    """A cumulative death toll ("9,000 people have been killed in the conflict"), not one attack's dead."""
    return bool(_DEATH_WORDS.search(sentence) and _KILLED.search(sentence) and _CUMULATIVE.search(sentence))


def extract_tallies(body: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                    gazetteer: dict[str, Entity], published: dt.date | None, timexes: list[Timex]) -> list[Tally]:
    out: list[Tally] = []
    for start, end in sentences:
        sentence = body[start:end]
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        for m, unit in [(m, "attacks") for m in _finditer(_ATTACKS, _ATTACK_WORDS, sentence)] + \
                       [(m, "injured personnel") for m in _finditer(_INJURED, _INJURY_WORDS, sentence)] + \
                       [(m, "deaths") for m in (_KILLED.finditer(sentence) if _is_toll(sentence) else ())]:
            count = _number(m.group("n"))
            if count < 2 or (unit == "attacks" and _is_split_part(sentence, m)):
                continue
            qualifier = _QUALIFIERS.get((m.group("q") or "").lower(), "exact")
            period_start = _period_start(body, start, end, timexes, published)
            scope = _scope(body, inside, gazetteer)
            stated_by = _stated_by(sentence, inside, gazetteer)
            out.append(Tally(count, qualifier, unit, period_start, published, scope, stated_by, sentence, start, end))
            if unit == "attacks":
                for part in _SPLIT.finditer(sentence, m.end()):
                    out.append(Tally(_number(part.group("n")), "exact", unit, period_start, published,
                                     part.group("place").removeprefix("the "), stated_by, sentence, start, end))
    return out


def _is_split_part(sentence: str, m: re.Match) -> bool:
    return bool(re.match(r"\s+in\s+(Iraq|Syria|Yemen|Jordan)", sentence[m.end():]))


def _number(word: str) -> int:
    word = word.lower().replace(",", "")
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)


def _period_start(body: str, start: int, end: int, timexes: list[Timex], published: dt.date | None) -> dt.date | None:
    """The start of the period a figure covers: "since Oct. 17", "in the past week"."""
    if published is None:
        return None
    for t in timexes:
        if start <= t.start < end:
            r = event_dates.resolve(t, body, published, event_dates.Window(published, published))
            if r is not None and r.date is None:
                return r.date_min
    return None


def _scope(body: str, mentions: list[Mention], gazetteer: dict[str, Entity]) -> str | None:
    names = [gazetteer[m.entity_id].name for m in mentions
             if gazetteer[m.entity_id].entity_type in ("GPE", "LOC")
             and not context.is_affiliation(body, m) and not context.is_modifier(body, m)]
    names = list(dict.fromkeys(names))
    return " and ".join(names) if names else None


def _stated_by(sentence: str, mentions: list[Mention], gazetteer: dict[str, Entity]) -> str | None:
    """The person who gave the figure ("press secretary Pat Ryder told reporters"), else the body."""
    for kind in _REPORTERS:
        for m in mentions:
            if gazetteer[m.entity_id].entity_type == kind:
                return m.entity_id
    # the convention for figures from unnamed officials: "defense officials" speak for the Pentagon
    return _PENTAGON if _UNNAMED_DEFENSE.search(sentence) else None
