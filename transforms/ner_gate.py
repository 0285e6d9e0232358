"""Where the NER model can change an answer, so that it runs only there.

The model only adds names the gazetteer lacks (`EntityMatcher.resolve` drops its spans that
overlap a gazetteer mention, start in lower case, or are stoplisted). A sentence whose every
capitalised word is already explained — inside a gazetteer mention, a month or weekday, a
title, a stoplisted name, a common word opening the sentence, or a word the model already read
earlier in the article (a surname repeated after the full name, which surname linking
resolves) — gives the model nothing to add, so it is not sent. Consecutive sentences that need the model go as one piece, so it
keeps the context it had on the whole text.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from transforms.ner import common_words
from transforms.resources import word_list

_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
_RUN = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")
_TRAILING = re.compile(r"(?:['’]s?|[.'’-])+$")
_OPENING = re.compile(r"[A-Za-z0-9]")


@cache
def explained_words() -> frozenset[str]:
    """Capitalised words that are never a name the model could add."""
    calendar_words = {*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr,
                      "Sept"}
    titles = {t.rstrip(".") for t in word_list("titles.txt")}
    return frozenset(calendar_words | titles | set(word_list("ner_stoplist.txt")))


def ner_regions(text: str, sentences: list[tuple[int, int]], covered: list[tuple[int, int]],
                start_at: int = 0) -> list[tuple[int, int]]:
    """(start, end) pieces of `text`, whole sentences, that the model should read; `covered`
    holds the spans the gazetteer already matched, sorted or not."""
    covered = sorted(covered)
    regions: list[tuple[int, int]] = []
    seen: set[str] = set()  # capitalised runs ("Dmytro Kovalenko") and their words, already sent
    for start, end in sentences:
        start = max(start, start_at)
        if end <= start or not _needs_model(text, start, end, covered, seen):
            continue
        for run in _RUN.finditer(text, start, end):
            seen.add(_bare(run.group(0)))
            seen.update(_bare(w) for w in run.group(0).split())
        if regions and not text[regions[-1][1]:start].strip():
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    return regions


def _needs_model(text: str, start: int, end: int, covered: list[tuple[int, int]], seen: set[str]) -> bool:
    explained = explained_words()
    for run in _RUN.finditer(text, start, end):
        if _bare(run.group(0)) in seen:
            continue  # read already in this article: "Kovalenko added" after "Dmytro Kovalenko"
        for word in _CAPITALISED.finditer(text, run.start(), run.end()):
            if any(s < word.end() and word.start() < e for s, e in covered):
                continue
            bare = _bare(word.group(0))
            if bare in explained:
                continue
            if not _OPENING.search(text, start, word.start()) and is_common(bare.lower()):
                continue  # "Analysts said ..." opens with a capital because it opens the sentence
            return True
    return False


def _bare(word: str) -> str:
    """Without a trailing full stop or possessive: "Obeidi." and "Obeidi's" are "Obeidi"."""
    return _TRAILING.sub("", word)


def is_common(word: str) -> bool:
    """Whether a lower-case word (or its plural, or its -ly adverb's stem) is an English common word."""
    words = common_words()
    return word in words or (word.endswith("s") and word[:-1] in words) \
        or (word.endswith("es") and word[:-2] in words) or (word.endswith("ies") and word[:-3] + "y" in words) \
        or (word.endswith("ly") and word[:-2] in words)
