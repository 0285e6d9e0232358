"""How a tally sentence's words bound its figure: comparisons that sum nothing, the day the figure
was stated on, and the place a noun names back ("in the country", "in the province").

Part of component `tallies` (transforms/tallies.py). The words are data
(data/en/tally_words.json); this module only reads them. Source of the conventions:
../shared/gold/ANNOTATION.md (tallies: period_end is the day the figure was stated, "said on Monday").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

from transforms import geonames
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.resources import data_text
from transforms.timex import Timex

_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@cache
def words() -> dict:
    return json.loads(data_text("en/tally_words.json"))


def _alternatives(items: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(items, key=len, reverse=True))


@cache
def _comparison() -> re.Pattern:
    """ "one of the deadliest single attacks since the coup", "the worst bombing in the city since
    2019", "the first deadly attack on shipping since ...": up to and including its "since"."""
    w = words()
    return re.compile(r"\b(?:one\s+of\s+)?the\s+(?:" + _alternatives(w["superlatives"]) + r")\s+(?:[\w-]+\s+){0,2}?(?:"
                      + _alternatives(w["attack_nouns"]) + r")\b[^.;:]{0,90}?\bsince\b", re.I)


# Where a clause of its own begins inside a sentence: what comes before it is not compared.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\b|\.\s")


def without_comparisons(sentence: str) -> str:
    """The sentence with each superlative comparison and the clause before it blanked out (same
    length, so offsets hold): "an air strike killed 160 people in one of the deadliest attacks
    since the coup" tells one attack, compared with a period; its dead are that attack's and its
    "attacks ... since" sums nothing. What follows the comparison stays: "the deadliest attack
    since the violence broke out in May 2023, in which 250 people have been killed" keeps the
    running total; so does a clause of its own before it ("300 have been killed since January,
    and Monday's blast was the worst attack since 2019")."""
    out = sentence
    for m in _comparison().finditer(sentence):
        begin = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, m.start())), default=0)
        out = out[:begin] + " " * (m.end() - begin) + out[m.end():]
    return out


@cache
def _own_items() -> re.Pattern:
    w = words()
    return re.compile(r"\b(?:" + _alternatives(w["own_determiners"]) + r")\s+(?:[\w-]+\s+){0,2}?(?:"
                      + _alternatives(w["own_pieces"]) + r")\b[^.;:]{0,60}?\b(?:" + _alternatives(w["own_verbs"]) + r")\b", re.I)


def counts_own_items(sentence: str) -> bool:
    """Whether the sentence is a publication counting its own items ("This week's roundup covers
    five attacks reported between Monday and Thursday", "Today's briefing lists 12 incidents"):
    those attacks are told one by one in the text, so its figures sum nothing of their own
    (../shared/gold/ANNOTATION.md: summaries whose attacks are itemised elsewhere are neutral).
    The words are data/en/tally_words.json `own_determiners`, `own_pieces`, `own_verbs`."""
    return bool(_own_items().search(sentence))


@cache
def _state_speaker() -> re.Pattern:
    return re.compile(r"\s+(?:" + _alternatives(words()["state_speakers"]) + r")\b", re.I)


def state_speaker_after(body: str, at: int) -> int | None:
    """Where a body of a state named right after a demonym ends ("Pakistani| military says"):
    the offset after the noun (data/en/tally_words.json `state_speakers`), or None."""
    m = _state_speaker().match(body, at)
    return m.end() if m else None


@cache
def _stated_on() -> re.Pattern:
    return re.compile(r"\b(?:" + _alternatives(words()["stated_on"]) + r")\s+(?:on\s+)?$", re.I)


def stated_day(body: str, start: int, end: int, timexes: list[Timex], published: dt.date | None) -> dt.date | None:
    """The day the figure of `body[start:end]` was stated on: a day right after a verb of saying
    ("the ministry said on Thursday", "as of Tuesday"), not after publication; None when the
    sentence names none (then the figure is as of publication) or the article has no date."""
    if published is None:
        return None
    for t in timexes:
        day = _DAY_VALUE.match(t.value or "")
        if start <= t.start < end and day and t.type == "DATE" and _stated_on().search(body, max(start, t.start - 30), t.start):
            d = dt.date.fromisoformat(day.group(1))
            if d <= published:
                return d
    return None


@cache
def _anaphor() -> re.Pattern:
    nouns = words()["place_anaphors"]
    return re.compile(r"\b(?:in|across|throughout|within)\s+the\s+(?P<noun>" + "|".join(map(re.escape, nouns)) + r")\b(?!\s+of\b)",
                      re.I)


def place_named_back(body: str, start: int, end: int, mentions: list[Mention], gazetteer: dict[str, Entity]) -> str | None:
    """The place "in the country" / "in the province" of the sentence `body[start:end]` names back:
    the nearest country (for "country", "nation") or first-level area (for "province", "state",
    "region"; GeoNames level) named before the noun in the article, its name; None when the
    sentence has no such noun or no such place was named before."""
    found = _anaphor().search(body, start, end)
    if not found:
        return None
    level = words()["place_anaphors"][found.group("noun").lower()]
    before = sorted((m for m in mentions if m.end <= found.start() and m.entity_id in gazetteer
                     and gazetteer[m.entity_id].entity_type == "GPE"), key=lambda m: m.start, reverse=True)
    for m in before:
        entity = gazetteer[m.entity_id]
        if level == "country" and entity.is_country:
            return entity.name
        if level == "admin1" and not entity.is_country and _is_first_level_area(entity.name, entity.country_code):
            return entity.name
    return None


@cache
def _conflict_back() -> re.Pattern:
    w = words()
    return re.compile(r"\b(?:since|in|during|of|throughout)\s+the\s+(?:[\w-]+\s+)?(?:" + _alternatives(w["conflict_nouns"])
                      + r")\b(?!\s+(?:in|on|of|between|against)\s+(?:the\s+)?[A-Z])|\b(?:in|across|throughout|within)\s+the\s+"
                      r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:[\w-]+\s+)?(?:"
                      + _alternatives(w["area_plurals"]) + r")\b(?!\s+of\b)", re.I)


_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def areas_named_back(body: str, start: int, end: int, mentions: list[Mention], gazetteer: dict[str, Entity]) -> str | None:
    """The first-level areas a figure with no place of its own names back: "More than 7,000 people
    have been killed since the insurgency flared in 2004", "in the three southern provinces" after
    "the provinces of Pattani, Yala and Narathiwat": the last list of two or more first-level areas
    (GeoNames level, of any country) the article named together before the sentence, as written ("Pattani, Yala
    and Narathiwat"); None when the sentence names no conflict or plural area noun (data/en/
    tally_words.json `conflict_nouns`, `area_plurals`) or no such list was named before."""
    if not _conflict_back().search(body, start, end):
        return None
    before = sorted((m for m in mentions if m.end <= start and m.entity_id in gazetteer
                     and gazetteer[m.entity_id].entity_type in ("GPE", "LOC", "ORG")), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    for m in before:
        if runs and _LIST_JOIN.fullmatch(body, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in reversed(runs):
        # any country's: the model may have read a province of the list as an organisation, or
        # resolved it to a namesake elsewhere ("Adamawa" ORG, "Borno" as Germany's "Borna"): its name as written counts too
        if len(run) >= 2 and all(not gazetteer[m.entity_id].is_country and (_is_first_level_area(
                gazetteer[m.entity_id].name, None) or _is_first_level_area(m.surface, None)) for m in run):
            return body[run[0].start:run[-1].end]
    return None


def _is_first_level_area(name: str, country_code: str | None) -> bool:
    """Whether GeoNames knows `name` as a first-level admin area (of `country_code` when known)."""
    features = geonames.lookup([name]).get(geonames.name_key(name), [])
    return any(f.level == geonames.ADMIN1 and f.primary and (country_code is None or f.country_code == country_code)
               for f in features)


@cache
def _since_event() -> re.Pattern:
    nouns = words()["since_events"]
    return re.compile(r"\bsince\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?P<noun>" + "|".join(map(re.escape, nouns))
                      + r")\b(?!\s+(?:in|on|of)\s+\S*\d)", re.I)


_WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_NEAR = 60  # characters between an event's words and the date told with it (in one sentence)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def since_event_start(body: str, start: int, end: int, timexes: list[Timex], published: dt.date | None) -> dt.date | None:
    """ "more than 1,100 air strikes since the coup": the first day of the date the article told
    that event with before ("the military, which seized power in February 2021": 2021-02-01),
    the latest such telling before the sentence's end; the date must have its year written
    and not lie after publication. None when the sentence runs from no such event or the
    article never dates it."""
    found = _since_event().search(body, start, end)
    if not found:
        return None
    cues = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, c.split()))
                                          for c in words()["since_events"][found.group("noun").lower()]) + r")\b", re.I)
    for cue in sorted(cues.finditer(body, 0, found.start()), key=lambda c: c.start(), reverse=True):
        if _SINCE_BEFORE.search(body, max(0, cue.start() - 30), cue.start()):
            continue  # "the deadliest attack since the coup": another reference, not its telling
        near = [t for t in timexes if t.type == "DATE" and _WRITTEN_YEAR.search(t.text)
                and cue.start() - _NEAR <= t.start and t.end <= cue.end() + _NEAR
                and not _SENTENCE_END.search(body, min(t.end, cue.end()), max(t.start, cue.start()))]
        for t in sorted(near, key=lambda t: abs(t.start - cue.end())):
            m = _CALENDAR.match(t.value or "")
            if m:
                first = dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
                if published is None or first <= published:
                    return first
    return None
