"""Which literal strings a regular expression cannot match without: a cheap test before a scan.

A rule whose every match contains one of a few words ("quarter", "decade", a month name) need
not scan a text that holds none of them: `str.__contains__` over the text is much faster than
the regex engine trying the rule at every word. `required_literals` reads the pattern's parse
tree (the standard library's own parser) and returns such a set, or None when it finds none;
it errs only towards None (scan anyway), so skipping a text it rules out never loses a match.
The idea is the "prefilter" of RE2 and of trigram code search, on whole words.
"""

from __future__ import annotations

import re
from re import _constants as c  # noqa: PLC2701 - the documented parser's opcodes (CPython 3.11+)
from re import _parser

_MAX_STRINGS = 64  # exact alternatives kept while concatenating ("[12]\d" is not expanded)
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
# Non-ASCII characters that match an ASCII letter under re.IGNORECASE (found by testing every
# code point against a-z): folded to it before the test, as `str.lower` alone does not.
_IGNORECASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains (lower case under re.IGNORECASE,
    then compare with `fold(text, pattern)`), or None when the pattern names none (an optional or
    character-class start, a back-reference, inline flags, non-ASCII literals)."""
    kind, strings = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    if kind is None or "" in strings or not all(s.isascii() for s in strings):
        return None
    return frozenset(s.lower() for s in strings) if pattern.flags & re.IGNORECASE else frozenset(strings)


def fold(text: str, pattern: re.Pattern) -> str:
    """The text as `required_literals` compares it for this pattern."""
    return text.translate(_IGNORECASE_FOLD).lower() if pattern.flags & re.IGNORECASE else text


def may_match(needs: frozenset[str] | None, folded: str) -> bool:
    """Whether a pattern with these required literals can match the (folded) text."""
    return needs is None or any(s in folded for s in needs)


# How far a match may reach before or after the required literal it contains, in characters.
# A temporal expression is a few words; a match longer than this could be found differently.
MARGIN = 120


def scan_regions(needs: frozenset[str] | None, folded: str, text_length: int) -> list[tuple[int, int]]:
    """The (start, end) stretches of a text a pattern with these required literals has to be
    tried on: MARGIN characters around each occurrence of a literal, overlapping stretches merged;
    the whole text when the pattern has none (or the folded text is not aligned with the text).
    `pattern.finditer(text, start, end)` over them finds what a scan of the whole text finds for
    every match shorter than MARGIN, whose literal lies inside it by definition; the regex engine
    then tries a fraction of the positions ("days" and "years" are in most articles, a duration's
    optional words before them would be tried at every word)."""
    if needs is None or len(folded) != text_length:
        return [(0, text_length)]
    hits = sorted((i, i + len(word)) for word in needs for i in _occurrences(folded, word))
    regions: list[tuple[int, int]] = []
    for start, end in hits:
        start, end = max(0, start - MARGIN), min(text_length, end + MARGIN)
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], end))
        else:
            regions.append((start, end))
    return regions


def _occurrences(text: str, word: str):
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


# An item of a parsed pattern is ("exact", S): it matches exactly one string of S; ("needs", S):
# each of its matches contains a string of S; or (None, None): nothing is known.
def _sequence(items) -> tuple[str | None, frozenset[str] | None]:
    exact: set[str] = {""}  # the strings the current run of exact items can match, contiguous
    pure = True  # every item so far exact: the whole sequence is
    candidates: list[frozenset[str]] = []
    for op, av in items:
        kind, strings = _item(op, av)
        if kind == "exact" and len(exact) * len(strings) <= _MAX_STRINGS:
            exact = {a + b for a in exact for b in strings}
            continue
        pure = pure and kind == "exact"
        candidates.append(frozenset(exact))
        exact = set(strings) if kind == "exact" else {""}
        if kind == "needs":
            candidates.append(strings)
    if pure:
        return "exact", frozenset(exact)
    useful = [s for s in [*candidates, frozenset(exact)] if "" not in s]
    if not useful:
        return None, None
    return "needs", max(useful, key=lambda s: (min(map(len, s)), -len(s)))


def _item(op, av) -> tuple[str | None, frozenset[str] | None]:
    if op is c.LITERAL:
        return "exact", frozenset({chr(av)})
    if op in _ZERO_WIDTH:
        return "exact", frozenset({""})
    if op is c.IN:
        if av and all(o is c.LITERAL for o, _ in av) and len(av) <= 8:
            return "exact", frozenset(chr(v) for _, v in av)
        return None, None
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        return (None, None) if add_flags or del_flags else _sequence(inner.data)
    if op is c.ATOMIC_GROUP:
        return _sequence(av.data)
    if op is c.BRANCH:
        branches = [_sequence(b.data) for b in av[1]]
        if any(kind is None for kind, _ in branches):
            return None, None
        union = frozenset().union(*(s for _, s in branches))
        if all(kind == "exact" for kind, _ in branches) and len(union) <= _MAX_STRINGS:
            return "exact", union
        return ("needs", union) if "" not in union else (None, None)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, inner = av
        kind, strings = _sequence(inner.data)
        if kind is None:
            return None, None
        if low == high == 1:
            return kind, strings
        if low == 0 and high == 1 and kind == "exact":
            return "exact", strings | {""}
        return ("needs", strings) if low >= 1 and "" not in strings else (None, None)
    return None, None
