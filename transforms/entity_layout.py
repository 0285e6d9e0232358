"""What a name's place in the article's layout says it is (component `entities`).

A name that opens a line is read by what follows it there, not by the small NER model's guess:

- "CORRESPONDENT: Leila, ..." — a common noun in capitals before a colon is a transcript's speaker
  label, no entity (the model calls it an organisation);
- "CÚCUTA. The army said ..." / "Zamfara: no new abductions ..." — a dateline or an item heading: a name
  GeoNames knows as a city of some size or as an administrative area is that place (the model calls
  such names ORG or PERSON);
- "COLOMBIA" on a line of its own — a roundup's section heading in capitals names a place.

Rules from the layouts of press copy (wire datelines, monitoring summaries, radio transcripts);
MIT, written for sitrep 2026-12. The thresholds are judgement, not counts.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.gazetteer import geonames_city_by_name
from transforms.ner_gate import explained_words, is_common

# A line-opening name followed by one of these is a dateline or a heading ("CÚCUTA.", "Borno:", "GAO -").
_HEAD_END = re.compile(r"[ \t]*(?:[.,:]|[–—-](?=\s))")
# A city named at a line's head is a dateline when it is big enough to have a bureau or a stringer
# (the floor of transforms/dates.py's colon datelines; keeps out speakers GeoNames also lists as villages).
_HEAD_CITY_MIN_PEOPLE = 30_000
_CAPS_LINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})[ \t]*$")
_SMALL_WORDS = frozenset({"de", "del", "da", "do", "of", "the", "al"})  # "NORTE DE SANTANDER" -> "Norte de Santander"
_NAME_HEAD = re.compile(r"(?m)^[ \t]*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+| de| del| do| da){0,3}):[ \t]")


def opens_line(text: str, start: int) -> bool:
    """Whether text[start] is the first non-blank character of its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def layout_label(text: str, start: int, end: int, label: str) -> str | None:
    """The label the layout gives the name text[start:end] the model labelled `label`: None for a
    transcript's speaker label, "GPE" for a place opening a dateline or an item heading, else `label`."""
    if not opens_line(text, start):
        return label
    surface = text[start:end]
    head = _HEAD_END.match(text, end)
    if not head:
        return label
    if head.group(0).strip() == ":" and surface.isupper() and " " not in surface and is_common(surface.lower()) \
            and geonames_city_by_name(surface.capitalize()) is None:
        return None  # "ANCHOR:", "CORRESPONDENT:", "HOST:" (WordNet's common words name cities too: "PESHAWAR:")
    if label in ("ORG", "PERSON", "FAC", "NORP") and known_place(surface):
        return "GPE"
    return label


def known_place(name: str) -> bool:
    """Whether GeoNames knows `name` (any case: "CÚCUTA") by its own name as a city of at least
    `_HEAD_CITY_MIN_PEOPLE` people or as a first- or second-level administrative area."""
    words = name.split()
    if not words or any(w.rstrip(".") in explained_words() for w in words):
        return False
    titled = " ".join(w if not w.isupper() else w.capitalize() for w in words)
    city = geonames_city_by_name(titled)
    if city is not None and city["population"] >= _HEAD_CITY_MIN_PEOPLE:
        return True
    return _is_admin_area(titled)


@cache
def _is_admin_area(name: str) -> bool:
    from transforms import geonames

    found = geonames.lookup([name])
    return any(f.primary and f.level in (geonames.ADMIN1, geonames.ADMIN2) and f.name == name
               for features in found.values() for f in features)


def heading_places(text: str, taken: list[tuple[int, int]], known: callable) -> list[tuple[int, int, str]]:
    """Places that head a line the model may not read: a section heading in capitals on a line of its
    own ("NIGERIA", "NORTE DE SANTANDER") and an item's place before a colon ("Borno: ISWAP fighters
    ..."), where the gazetteer (`known`, called with the name as a gazetteer spells it) or GeoNames has
    it; (start, end, name as a gazetteer spells it), none overlapping the `taken` (start, end) spans."""
    out = []
    for pattern in (_CAPS_LINE, _NAME_HEAD):
        for m in pattern.finditer(text):
            start, end = m.span(1)
            name = m.group(1)
            if any(s < end and start < e for s, e in taken):
                continue
            titled = " ".join(w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() if w.isupper() else w
                              for w in name.split())
            if known(titled) or known_place(name):
                out.append((start, end, titled))
    return out
