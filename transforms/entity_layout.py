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

from functools import cache

from transforms import line_heads
from transforms.gazetteer import geonames_city_by_name
from transforms.ner_gate import explained_words, is_common

# A city named at a line's head is a dateline when it is big enough to have a bureau or a stringer
# (the floor of transforms/dates.py's colon datelines; keeps out speakers GeoNames also lists as villages).
_HEAD_CITY_MIN_PEOPLE = 30_000
_PARTICLES = frozenset({"de", "del", "do", "da"})  # "Norte de Santander:"


def layout_label(text: str, start: int, end: int, label: str) -> str | None:
    """The label the layout gives the name text[start:end] the model labelled `label`: None for a
    transcript's speaker label, "GPE" for a place opening a dateline or an item heading, else `label`.
    What heads a line is `line_heads.head_at`'s reading, the one the roundup reader shares."""
    head = line_heads.head_at(text, start, end)
    if head is None:
        return label
    surface = text[start:end]
    if head.end_mark == ":" and surface.isupper() and " " not in surface and is_common(surface.lower()) \
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
    """Places that head a line the model may not read (`line_heads.heads`): a section heading in
    capitals on a line of its own ("NIGERIA", "NORTE DE SANTANDER") and an item's place before a
    colon ("Borno: ISWAP fighters ...", "2. Quetta: ..."), where the gazetteer (`known`, called with
    the name as a gazetteer spells it) or GeoNames has it; (start, end, name as a gazetteer spells
    it), none overlapping the `taken` (start, end) spans."""
    out = []
    for head in line_heads.heads(text):
        start, end = head.start, head.end
        name = text[start:end]
        if not _names_a_place_head(head, name) or any(s < end and start < e for s, e in taken):
            continue
        titled = line_heads.titled(name)
        if names_place(name, known):
            out.append((start, end, titled))
    return out


def names_place(name: str, known: callable = None, lead_of_items: bool = False) -> bool:
    """Whether a name heading a line (`line_heads`) names a place: the gazetteer has it (`known`,
    called with the name as a gazetteer spells it), or GeoNames knows it as a city of some size or an
    administrative area (`known_place`); a lead of a roundup's items (`lead_of_items`: several lines
    open with one) may name any place GeoNames knows, a village too (not "Amina Yusuf" in a list of
    profiles). A name whose capitalised words are all common English words ("Outlook", "Key Points";
    "Lower Shabelle" is a place) is a place only as a city of that size ("Goma", though WordNet lists "goma")."""
    if known is not None and known(line_heads.titled(name)):
        return True
    if all(is_common(w.lower()) for w in name.split() if w[0].isupper()):
        # a common word names a place only as a city of note: "Goma", not "Outlook" (a Canadian district)
        city = geonames_city_by_name(line_heads.titled(name))
        return city is not None and city["population"] >= _HEAD_CITY_MIN_PEOPLE
    return known_place(name) or lead_of_items and _in_geonames(name)


@cache
def _in_geonames(name: str) -> bool:
    from transforms import geonames

    return bool(geonames.lookup([name]).get(geonames.name_key(name)))


def _names_a_place_head(head: line_heads.Head, name: str) -> bool:
    """A heading in capitals alone on its line, or a name in title case before a colon (its
    words capitalised but the particles of place names: "Norte de Santander")."""
    words = name.split()
    if head.kind == "heading" and not head.end_mark:
        return name.isupper() and len(words) <= 4
    return head.end_mark == ":" and len(words) <= 4 and words[0][0].isupper() \
        and all(w[0].isupper() or w in _PARTICLES for w in words[1:])
