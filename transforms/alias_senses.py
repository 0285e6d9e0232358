"""Which organisation a shared acronym names in one article.

"ADF" is the Allied Democratic Forces in a DR Congo or Uganda story and the Ambazonia Defence
Forces in a Cameroon one. transforms/data/en/armed_groups.jsonl lists such an acronym under
each group (`exact`) with the countries each fights in; the gazetteer's matcher reads it as the
first line's group, and `settle` re-points each of its mentions in an article:

1. to the group the article itself spells out before it ("the Ambazonia Defence Forces (ADF)");
2. else to the group whose countries the article's other mentions lie in most (places, demonyms,
   national bodies with a country); a tie keeps the first line's (its usual sense).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Protocol

from transforms import armed_groups

# words an acronym skips: "Revolutionary Armed Forces of Colombia", "Forces Armées de la République"
_SMALL_WORDS = frozenset("of the and for in de del la le les des du al el wal".split())


class _Located(Protocol):
    entity_id: str
    surface: str
    start: int
    end: int


def initials_spell(acronym: str, name: str) -> bool:
    """Whether the initials of `name`'s words, small words left out, spell `acronym` (any case):
    "ADF" and "Ambazonia Defence Forces" -> True; "ADF" and "Allied Forces" -> False."""
    words = _name_words(name)
    return len(words) == len(acronym) and all(w[0].lower() == a.lower() for w, a in zip(words, acronym))


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐–]+", name) if w and w.lower() not in _SMALL_WORDS]


def defined_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is set out as one name: spelled out before its acronym ("United
    Kingdom Maritime Trade Operations (UKMTO)", "Revolutionary Armed Forces of Colombia (FARC)": an
    acronym of another language counts when the words' initials hold its letters), or alone in
    parentheses ("PORT SUDAN (Sahel Wire) -": a dateline's credit). A place inside such a name is
    part of it, no mention of its own (nested names are not split: ../shared/gold/ANNOTATION.md)."""
    acronym = re.match(r"\s*\(([A-Z][A-Z0-9&-]{1,9})\)", text[end:end + 14])
    if acronym:
        letters = acronym.group(1)
        initials = {w[0].upper() for w in _name_words(text[start:end])}
        if initials_spell(letters, text[start:end]) or set(c for c in letters if c.isalpha()) <= initials:
            return True
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def settle(text: str, mentions: list[_Located], country_of: Callable[[str], str | None]) -> list[_Located]:
    """`mentions` (Mention-like: entity_id, surface, start, end; rebuilt with their own type) with
    each shared acronym pointed at the group of this article (`text`, the mentions' offsets');
    `country_of` gives an entity id's ISO2 country code or None."""
    senses = armed_groups.shared_acronyms()
    shared = [m for m in mentions if m.surface in senses]
    if not shared:
        return mentions
    others = [country_of(m.entity_id) for m in mentions if m.surface not in senses]
    counts = Counter(c for c in others if c)
    chosen: dict[str, str] = {}
    for acronym in {m.surface for m in shared}:
        ids = senses[acronym]
        spelled = [m.entity_id for m in mentions if m.entity_id in ids and m.surface != acronym
                   and re.match(rf"\s*\(\s*{re.escape(acronym)}\s*\)", text[m.end:m.end + len(acronym) + 6])]
        if spelled:
            chosen[acronym] = spelled[0]
            continue
        weight = {gid: sum(counts[c] for c in armed_groups.countries().get(gid, ())) for gid in ids}
        chosen[acronym] = max(ids, key=lambda gid: weight[gid])  # max keeps the first on a tie
    return [type(m)(chosen[m.surface], m.surface, m.start, m.end) if m.surface in chosen else m for m in mentions]
