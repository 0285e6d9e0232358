"""Sentence boundaries with character offsets, rule-based and fast.

News prose is regular enough that a splitter aware of abbreviations ("U.S.", "Brig. Gen.",
"Nov. 14"), initials and quotes beats a parser on speed by orders of magnitude, and its
offsets are exact, which every span in the warehouse depends on.
"""

from __future__ import annotations

import re
from functools import cache

from transforms import line_heads
from transforms.resources import word_list

# A candidate end: . ! or ? , then optional closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*([A-Z0-9])")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(word_list("abbreviations.txt"))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of text[start:end]; paragraphs always end one."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text[start:end]):
        _split_paragraph(text, start + para.start(), start + para.end(), spans)
    return spans


def _split_paragraph(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    abbreviations = _abbreviations()
    s = lo
    while s < hi and text[s].isspace():
        s += 1
    s += line_heads.list_mark(text[s:hi])  # "- Gunmen killed ...", "2. Quetta: ...": the item, not its mark
    for m in _END.finditer(text, s, hi):
        stop = m.end()
        token_start = text.rfind(" ", s, m.start()) + 1 or s
        token = text[max(token_start, s):m.start() + 1]
        nxt = _NEXT_START.match(text, stop, hi)
        if not nxt:
            continue  # next word lower-case or punctuation: not a boundary
        if text[m.start()] == "." and (token in abbreviations or re.fullmatch(r"[A-Z]\.", token)):
            continue
        out.append((s, _rstrip(text, s, stop)))
        s = _lstrip(text, stop, hi)
    if s < hi:
        out.append((s, _rstrip(text, s, hi)))


def _lstrip(text: str, i: int, hi: int) -> int:
    while i < hi and text[i].isspace():
        i += 1
    return i


def _rstrip(text: str, lo: int, i: int) -> int:
    while i > lo and text[i - 1].isspace():
        i -= 1
    return i


def normalised(sentence: str) -> str:
    """A sentence as compared for verbatim repeats within a document (#12): case and runs of
    white space do not count. The event and tally readers read a repeated sentence once."""
    return " ".join(sentence.split()).casefold()
