"""What kind of name a span is by what sitrep knows of it (component `entities`).

The small NER model types a name by its shape and its neighbours; where it errs, the kind is
read from knowledge and from the words that set the name out:
- a newspaper's rubric opening a headline ("Analysis: ...") and a reference number
  ("PR-112/2026-ISPR") are no names at all;
- a demonym naming a language ("translated from Spanish", "the trial was held in French.") is no people;
- the name after "the militant outfit", "the Iranian proxy", and a Spanish article's plural name
  ("Los Zetas") that GeoNames knows as no place are armed groups;
- a name GeoNames knows as a first-level area or a populated place of some size is a place where
  the model called it an organisation or a person ("the Novorossiysk terminal"), unless it is an
  English word, a news agency or the opening of a longer name;
- names before a plural area noun ("the Borno and Yobe states") are places each, one name before
  it ("the three Darfur states") a region over several areas (LOC).
The word lists are data/en/name_kinds.json; GeoNames is `transforms.geonames` (cities500, admin1).
"""

from __future__ import annotations

import json
import re
from functools import cache

from transforms.ner_gate import is_common
from transforms.resources import data_text, word_list

# Letters that mark an ayn or a hamza before or inside a romanized Arabic name ("ʿAynata", "Maʾrib"):
# no case of their own, so a name's capital is the letter after them.
NAME_MARKS = "ʿʾʻʼ‘’'`"
_MODEL_CODE = re.compile(r"[A-Za-z]-[A-Z0-9]|\d")  # "Kh-59", "Iskander-M", "TB2"
_GROUP_LABELS = ("PERSON", "GPE", "LOC", "FAC", "NORP")
_PLACE_LABELS = ("ORG", "PERSON")  # not NORP: a people is often named as its land ("Kachin", "Afar", "Naga")


@cache
def _data() -> dict:
    return json.loads(data_text("en/name_kinds.json"))


@cache
def _labels() -> frozenset[str]:
    return frozenset(word_list("en/wire_labels.txt"))


@cache
def _patterns() -> dict[str, re.Pattern]:
    d = _data()

    def words(key: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(d[key], key=len, reverse=True))

    name = r"[A-Z\u00c0-\u00de][\w'’-]*(?:\s+[A-Z\u00c0-\u00de][\w'’-]*){0,2}"
    return {
        "language_before": re.compile(rf"\b(?:{words('language_before')})\s+$", re.I),
        "in_before": re.compile(r"\b(?:in|into|from)\s+$"),
        # the language ends its clause, or another language follows ("in French and English.")
        "clause_end": re.compile(rf"\s*(?:[.,;:)\"”]|$|\s+(?:and|or)\s+(?:{words('languages')})\s*(?:[.,;:)]|$))"),
        "group_before": re.compile(rf"\b(?:{words('group_before')})\s+$"),
        "plural_after": re.compile(rf"\s+(?:{words('admin_plurals')})\b"),
        # "Borno| and Yobe states": the first of two names before a plural area noun
        "pair_after": re.compile(rf"\s+(?:and|or|&)\s+{name}\s+(?:{words('admin_plurals')})\b"),
        # "the Borno and |Yobe| states": the second
        "pair_before": re.compile(rf"{name}\s+(?:and|or|&)\s+$"),
        "admin_after": re.compile(rf"\s+(?:{words('admin_nouns')})\b"),
        "clause_after": re.compile(rf"(?:{words('place_clause_after')})\b"),
        "pairs": re.compile(rf"(?<![\w'’-])({name})\s+(?:and|or|&)\s+({name})\s+(?:{words('admin_plurals')})\b"),
        "next_name": re.compile(r"\s+[A-Z]"),
        "weapon_after": re.compile(rf"\s+(?:{words('weapon_after')})\b"),
        "area_tail": re.compile(rf"\s+(?:{words('admin_nouns')})$"),
    }


def first_letter(surface: str) -> str:
    """The first letter of a name past its ayn or hamza mark ("ʿAynata" -> "A"); "" for none."""
    stripped = surface.lstrip(NAME_MARKS)
    return stripped[:1]


def is_rubric(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a rubric or a document's label (data/en/wire_labels.txt, in any
    case) opening a line before a colon ("Explainer: Why ...") or standing alone on it ("PRESS RELEASE")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end].strip()
    return text[start:end].upper() in _labels() and not text[line_start:start].strip() \
        and (rest.startswith(":") or not rest)


def is_reference(surface: str) -> bool:
    """Whether a span the model called a person holds a digit: a document's number, no one's name."""
    return any(c.isdigit() for c in surface)


def names_language(text: str, start: int, end: int) -> bool:
    """Whether the demonym at text[start:end] names a language: after a verb of speech or writing
    ("translated from Spanish") or after "in" where its clause ends ("the trial was held in French.")."""
    if text[start:end] not in _data()["languages"]:
        return False
    p = _patterns()
    before = text[max(0, start - 40):start]
    return bool(p["language_before"].search(before)
                or p["in_before"].search(before) and p["clause_end"].match(text, end))


def relabel(text: str, start: int, end: int, label: str) -> str | None:
    """The kind of the model's name text[start:end] (labelled `label`) by its form and the words
    that set it out (a rubric, a reference number, a language, an area noun's plural, a group's
    noun or article): None for no entity, `label` where none applies."""
    surface = text[start:end]
    p = _patterns()
    if is_rubric(text, start, end) or label == "PERSON" and is_reference(surface):
        return None
    if _MODEL_CODE.search(surface) and p["weapon_after"].match(text, end):
        return None  # "Iskander-M ballistic missiles": a weapon's model
    if label == "NORP" and names_language(text, start, end):
        return None
    plural = _area_plural_label(text, start, end)
    if plural and label != "NORP":
        return plural
    if label in _GROUP_LABELS and (p["group_before"].search(text, max(0, start - 40), start) or _article_group(surface)):
        return "ORG"
    return label


def place_label(text: str, start: int, end: int, label: str) -> str:
    """"GPE" for the model's organisation or person at text[start:end] that is a place sitrep knows
    (`_known_place`), else `label`: the last reading, after the words around the name had their say."""
    return "GPE" if label in _PLACE_LABELS and _known_place(text, start, end, label) else label


def _area_plural_label(text: str, start: int, end: int) -> str | None:
    """ "GPE" for one of two names before a plural area noun ("the Alibori and Atacora departments"),
    "LOC" for one name alone before it ("the three Kordofan states": a region of several areas)."""
    p = _patterns()
    if p["pair_after"].match(text, end) or p["plural_after"].match(text, end) \
            and p["pair_before"].search(text, max(0, start - 60), start):
        return "GPE"
    if p["plural_after"].match(text, end):
        return "LOC"
    return None


def _article_group(surface: str) -> bool:
    """ "Los Zetas", "Las Flacas": a Spanish article and a plural word, no place GeoNames knows."""
    words = surface.split()
    return 2 <= len(words) <= 3 and words[0] in _data()["group_articles"] and words[-1].endswith("s") \
        and place_feature(surface) is None


def _known_place(text: str, start: int, end: int, label: str) -> bool:
    """Whether the model's organisation or person at text[start:end] is a place: GeoNames knows
    it (a first-level area, or a populated place of `min_population` people, `min_population_person`
    for a person), it is one to three words of no English common word, no agency's name, and no
    longer name goes on after it; or one word a place's clause follows ("Mopti, where ...")."""
    from transforms.dates import wire_services

    surface = text[start:end]
    words = surface.split()
    if not 1 <= len(words) <= 3 or _patterns()["next_name"].match(text, end) or surface in wire_services() \
            or any(is_common(w.lower()) for w in words if w[:1].isupper()):
        return False
    if len(words) == 1 and _patterns()["clause_after"].match(text, end):
        return True
    feature = place_feature(surface)
    if feature is None:
        return False
    floor = _data()["min_population_person" if label == "PERSON" else "min_population"]
    return feature.level == 1 or feature.population >= floor


_FEATURES: dict[str, object] = {}


def prefetch(names: list[str]) -> None:
    """Look the GeoNames features of `names` up at once (one semi-join), for `place_feature`."""
    from transforms.geonames import lookup, name_key

    todo = [n for n in dict.fromkeys(names) if n not in _FEATURES]
    if not todo:
        return
    found = lookup(todo)
    for n in todo:
        _FEATURES[n] = _best(n, found.get(name_key(n), []))
    if len(_FEATURES) > 1 << 16:  # bounded: a long run names ever new places
        _FEATURES.clear()


def place_feature(name: str):
    """The GeoNames first-level area or most populous place named `name` itself (its ASCII
    spelling, not a doubled-letter variant: "Saba" is no "Saaba"), or None."""
    if name not in _FEATURES:
        prefetch([name])
    return _FEATURES.get(name)


def _best(name: str, features: list):
    from transforms.geonames import ADMIN1, PLACE

    key = _ascii(name)
    for f in features:  # most populous first
        if f.primary and f.level in (PLACE, ADMIN1) and _ascii(f.name) == key:
            return f
    return None


def _ascii(name: str) -> str:
    import unicodedata

    return re.sub(r"[^a-z0-9]+", " ", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()).strip()


def area_pairs(text: str) -> list[tuple[int, int]]:
    """(start, end) of both names before a plural area noun ("the Donetsk and Luhansk regions"),
    which the model often reads as one name or not at all."""
    out = []
    for m in _patterns()["pairs"].finditer(text):
        out += [m.span(1), m.span(2)]
    return out


def area_noun_tail(surface: str) -> int:
    """How many characters of a name are a lower-case area noun closing it ("Anbar province": 9)."""
    m = _patterns()["area_tail"].search(surface)
    return len(m.group(0)) if m and m.start() > 0 else 0


def admin_area(text: str, start: int, end: int):
    """The GeoNames first-level area a known name before an area noun names ("Red Sea state",
    "Lakes State"), or None: a sea's or a feature's name that is also a state's."""
    if not _patterns()["admin_after"].match(text, end):
        return None
    feature = place_feature(text[start:end])
    return feature if feature is not None and feature.level == 1 else None



def joined_organisations(text: str, spans: list) -> list:
    """ "Air Force" + " of the " + "Armed Forces of Ukraine": two organisations the model read apart
    where one is a part of the other and the text names them as one ("X of the Y"), joined into one
    ORG span (nested names are one name: ../shared/gold/ANNOTATION.md). The first must be short
    (at most three words), both on one line."""
    from transforms.ner import NerSpan

    out: list = []
    for span in sorted(spans, key=lambda s: s.start):
        last = out[-1] if out else None
        gap = text[last.end:span.start] if last else ""
        if last and last.label == span.label == "ORG" and _JOIN.fullmatch(gap) and len(last.text.split()) <= 3 \
                and "\n" not in text[last.start:span.end]:
            out[-1] = NerSpan(last.start, span.end, text[last.start:span.end], "ORG")
        else:
            out.append(span)
    return out


_JOIN = re.compile(r" of(?: the)? ")


def between_places(text: str, spans: list, places: list[tuple[int, int]]) -> list:
    """ "the road between Bint Jbeil and ʿAynata", "from Goma to Sake": where one end of a route is a
    place (a model's GPE or LOC, or one of `places`, the gazetteer's), the other, a short name the
    model called an organisation or a person, is a place too (GPE); `spans` relabelled."""
    from transforms.ner import NerSpan

    ends = sorted([(s.start, s.end, s.label, s) for s in spans] + [(a, b, "GPE", None) for a, b in places],
                  key=lambda e: e[0])
    relabelled: dict[int, str] = {}
    for (a1, b1, l1, s1), (a2, b2, l2, s2) in zip(ends, ends[1:]):
        joint = _ROUTE.fullmatch(text[max(0, a1 - 8):a1] + "|" + text[b1:a2])
        if not joint:
            continue
        for (label, span), (other, _) in (((l1, s1), (l2, s2)), ((l2, s2), (l1, s1))):
            if span is not None and label in _PLACE_LABELS and other in ("GPE", "LOC") and len(span.text.split()) <= 3:
                relabelled[span.start] = "GPE"
    return [NerSpan(s.start, s.end, s.text, relabelled[s.start]) if s.start in relabelled else s for s in spans]


_ROUTE = re.compile(r".*\b(?:[Bb]etween (?:the )?\|(?: and )|[Ff]rom \|(?: to ))", re.S)


def opening_places(text: str) -> list[tuple[int, int]]:
    """(start, end) of the town and its region of a dateline in Title Case opening a paragraph
    ("Culiacán, Sinaloa.- ", "Beni, North Kivu - "), as Spanish and Latin American papers write it;
    words the header reader explains (months, weekdays, labels) make no dateline."""
    from transforms.ner_gate import explained_words

    explained = explained_words()
    out = []
    for m in _OPENING_PLACES.finditer(text):
        if not any(w.rstrip(".") in explained for w in (m.group(1) + " " + m.group(2)).split()):
            out += [m.span(1), m.span(2)]
    return out


# Title Case words (a capital, then a small letter): a dateline in capitals is the wire dateline's (dates.py)
_TITLE_WORDS = r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff][\w'’-]*(?: [A-Z\u00c0-\u00de][a-z\u00df-\u00ff][\w'’-]*){0,2}"
_OPENING_PLACES = re.compile(rf"(?m)^({_TITLE_WORDS}), ({_TITLE_WORDS})(?:\.-|\.?\s[-–—])\s")

