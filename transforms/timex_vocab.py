"""The vocabularies of the TIMEX3 tagger, read from transforms/data/<lang>/timex/, and the
`%name%` placeholders that rule patterns use to refer to them (HeidelTime's `%reMonthLong`).

Every month, weekday, number word, unit and season is spelled once, in `vocabulary.json`;
this module turns a vocabulary into a regex alternation and a matched word back into its
value. Pure and cached: the files are read once per process per language.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from transforms.resources import data_text
from transforms.wordtrie import trie_pattern

LANGUAGE = "en"


@cache
def vocabulary(lang: str = LANGUAGE) -> dict[str, Any]:
    """`vocabulary.json` of a language: {name: {word: value}} or {name: [words]}."""
    return json.loads(data_text(f"{lang}/timex/vocabulary.json"))


@cache
def cues(lang: str = LANGUAGE) -> dict[str, list[str]]:
    """`cues.json` of a language: context word lists (future cues, count nouns after a year, ...)."""
    return json.loads(data_text(f"{lang}/timex/cues.json"))


def _alternation(words) -> str:
    """Longest first, so "a couple of" wins over "a"; spaces match any run of whitespace. Written
    as a trie ("seven(?:t(?:een|y))?"): the same matches, tried in the same order, but the engine
    follows one branch per letter instead of trying every word at every position (the tagger
    runs each rule over whole articles)."""
    return trie_pattern(words, _SPACE)


_SPACE = {" ": r"\s+"}


@cache
def placeholders(lang: str = LANGUAGE) -> dict[str, str]:
    """The regex of every `%name%` a rule pattern may use (non-capturing groups)."""
    v = vocabulary(lang)
    months = list(v["month"])
    abbr = list(v["month_abbr"])
    simple = {w: n for w, n in v["number"].items() if " " not in w and w not in ("a", "an")}
    units = _alternation([w for w, n in simple.items() if 1 <= n <= 9])
    tens = _alternation([w for w, n in simple.items() if n >= 20 and n % 10 == 0])
    below_100 = rf"(?:(?:{tens})[-\s](?:{units})|{_alternation(simple)})"
    scale = _alternation(v["number_scale"])
    # "twenty-four", "two thousand", "a hundred and fifty"; never "a four" (an article and a number)
    compound = rf"(?:(?:{below_100}|a)[-\s](?:{scale})(?:[-\s](?:and[-\s])?{below_100})?|{below_100})"
    out = {
        # case-insensitive month names, abbreviations with an optional period
        "month": rf"(?:{_alternation(months)}|(?:{_alternation(abbr)})\.?)",
        # capitalized only: "may", "march" and "sun" are also common words
        "Month": "(?-i:" + "|".join([m.capitalize() for m in months] +
                                    [re.escape(a.capitalize()) + r"\." for a in abbr]) + ")",
        # before a day number an abbreviation needs no period ("Oct 18", "Aug 25")
        "MonthD": "(?-i:" + "|".join([m.capitalize() for m in months] +
                                     [re.escape(a.capitalize()) + r"\.?(?=\s*\d)" for a in abbr]) + ")",
        "weekday": rf"(?:{_alternation(v['weekday'])})",
        "weekday_abbr": rf"(?:{_alternation(v['weekday_abbr'])})\.?",
        # "2 1/2": a whole number and a half, as news writes it
        "number": rf"(?:\d+(?:\.\d+)?(?:[^\S\n]+1/2)?|{compound}|{_alternation(v['number'])})",
        # a number written in words, never "a"/"an" ("two to three weeks", "twenty-four")
        "number_word": compound,
        "vague": rf"(?:{_alternation(v['vague_number'])})",
        "ordinal": rf"(?:{_alternation(v['ordinal'])})",
        "quarter_ordinal": rf"(?:{_alternation(v['quarter_ordinal'])})",
        "unit": rf"(?:{_alternation(v['unit'])})",
        "set_adverb": rf"(?:{_alternation(v['set_adverb'])})",
        "season": rf"(?:{_alternation(v['season'])})",
        "part_of_day": rf"(?:{_alternation(v['part_of_day'])})",
        # "dawn", "dusk": a part of the day named by the light; its own table, so that a day's
        # bare part ("in the evening", read as that day or the one before) stays "part_of_day"
        "twilight": rf"(?:{_alternation(v['twilight'])})",
        "relative": rf"(?:{_alternation(v['relative'])})",
        "holiday": rf"(?:{_alternation(v['holiday'])})",
        "moving_holiday": rf"(?:{_alternation(v['moving_holiday'])})",
        "tz": rf"(?-i:{_alternation(v['time_zone'])})",
        "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "year4": r"(?:1[5-9]\d\d|20\d\d)",
        # a year as broadcast transcripts spell it: "nineteen ninety-four", "two thousand and one"
        "spelled_year": r"(?:nineteen[- ](?:hundred(?:[- ]and)?[- ])?(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                        r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                        r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two[- ]thousand"
                        r"(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)",
    }
    return out


def expand(pattern: str, lang: str = LANGUAGE) -> str:
    """A rule pattern with its `%name%` placeholders replaced; an unknown name is an error."""
    table = dict(placeholders(lang))
    table.update({name: "(?:" + "|".join(words) + ")" for name, words in cues(lang).items() if isinstance(words, list)})

    def sub(m: re.Match) -> str:
        if m.group(1) not in table:
            raise KeyError(f"unknown placeholder %{m.group(1)}% in timex rule pattern")
        return table[m.group(1)]
    return re.sub(r"%(\w+)%", sub, pattern)


def month_words(lang: str = LANGUAGE) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(names, abbreviations) of the months of `lang`'s vocabulary, capitalized, in the
    vocabulary's order: (("January", ...), ("Jan", ..., "Sep", "Sept", ...)). For other modules
    that read dates, so that months are spelled once, in the data."""
    v = vocabulary(lang)
    return tuple(w.capitalize() for w in v["month"]), tuple(w.capitalize() for w in v["month_abbr"])


def month_value(word: str, lang: str = LANGUAGE) -> int:
    """"Sept." -> 9. KeyError for a word that is no month."""
    v = vocabulary(lang)
    key = word.lower().rstrip(".")
    return v["month"].get(key) or v["month_abbr"][key]


def weekday_value(word: str, lang: str = LANGUAGE) -> int:
    """"Thursday" / "Thu." -> 4 (ISO weekday, Monday 1)."""
    v = vocabulary(lang)
    key = word.lower().rstrip(".")
    return v["weekday"].get(key) or v["weekday_abbr"][key]


def number_value(words: str, lang: str = LANGUAGE) -> float | None:
    """"24", "2 1/2", "twenty-four", "two thousand", "a couple of" -> the number; None when unreadable
    or written with a leading zero ("0600")."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    if re.fullmatch(r"0\d+", text):
        return None  # "0600 (hours)": a clock time or a code; no count is written with a leading zero
    if text.endswith(" 1/2") and text[:-4].isdigit():
        return float(text[:-4]) + 0.5
    try:
        return float(text)
    except ValueError:
        pass
    v = vocabulary(lang)
    if text in v["number"]:
        return float(v["number"][text])
    total, current = 0.0, 0.0
    for token in re.split(r"[-\s]+", text):
        if token == "and":
            continue
        if token in v["number_scale"]:
            current = max(current, 1.0) * v["number_scale"][token]
            if v["number_scale"][token] >= 1000:
                total, current = total + current, 0.0
        elif token in v["number"]:
            current += v["number"][token]
        else:
            return None
    return total + current


def value_of(name: str, word: str, lang: str = LANGUAGE):
    """The value of `word` in vocabulary `name` (case- and whitespace-insensitive)."""
    return vocabulary(lang)[name][re.sub(r"\s+", " ", word.strip().lower())]
