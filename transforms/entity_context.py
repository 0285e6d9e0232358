"""What the words around a name say it is, where the small NER model often errs (component `entities`).

"the Gran Grif gang" is no facility, "Dawlah Islamiyah terrorists" and "members of Jamaat-ul-Ahrar"
are no persons, "the Bangsamoro people" is a people, not an organisation, "the city's Civil Hospital"
is a facility, "the village of Aitaroun" and "the Sagaing region" are places, "writer Hanna Arhirova"
is a person, and "they spoke Kimwani" names a language, no entity of the annotated kinds. The word
lists are data, by language (data/<lang>/entity_context.json); this module compiles them and
applies them in order.
"""

from __future__ import annotations

import json
import re
from functools import cache

from transforms import name_kinds
from transforms.entity_layout import layout_label
from transforms.gazetteer import geonames_city_by_name
from transforms.name_spans import names_a_site
from transforms.ner_gate import is_common
from transforms.resources import data_text

_BIG_CITY = 50_000  # people: a lone word naming a city this big is the city, not a person
_BEFORE_CHARS = 30  # how far before a name its cue words are looked for


@cache
def cues(lang: str = "en") -> dict[str, re.Pattern]:
    """cue name -> its compiled pattern, from data/<lang>/entity_context.json (see its `_about`):
    `before` cues end at the end of the text searched, `after` cues match at its start,
    `name_end`/`name_start` cues at the end/start of a name; a cue's `words_from` ("FILE KEY")
    adds the list KEY of data/<lang>/FILE, which owns it. KeyError on a cue of unknown `where`
    or a list FILE lacks."""
    raw = json.loads(data_text(f"{lang}/entity_context.json"))["cues"]
    return {name: _compiled({**cue, "words": cue["words"] + _words_from(lang, cue.get("words_from"))})
            for name, cue in raw.items()}


def _words_from(lang: str, source: str | None) -> list[str]:
    """The word list a cue shares with another data file ("name_spans.json facility_heads")."""
    if not source:
        return []
    file, key = source.split()
    return json.loads(data_text(f"{lang}/{file}"))[key]


def _alternatives(words: list[str]) -> str:
    """Words or phrases as one regex alternation, longest first; a space matches any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _compiled(cue: dict) -> re.Pattern:
    words = _alternatives(cue["words"])
    then = rf"(?:{_alternatives(cue['then'])})\s+" if cue.get("then") else ""
    optional = rf"(?:(?:{_alternatives(cue['optional'])})\s+)?" if cue.get("optional") else ""
    pattern = {"before": rf"\b(?:{words})\s+{then}{optional}$",
               "after": rf"\s+(?:{words})\b",
               "name_end": rf"\b(?:{words})$",
               "name_start": rf"^(?:{words})\s"}[cue["where"]]
    return re.compile(pattern, re.I if cue.get("ignore_case") else 0)


def corrected_label(text: str, start: int, end: int, label: str, lang: str = "en") -> str | None:
    """The model's label of text[start:end] corrected by the words around it; None for a name of no
    kind sitrep keeps (a language), or an office's generic sign-off closing the text."""
    c = cues(lang)
    before = text[max(0, start - _BEFORE_CHARS):start]
    surface = text[start:end]
    if " " not in surface and (c["language_before"].search(before) or c["language_after"].match(text, end)):
        return None
    known = name_kinds.relabel(text, start, end, label)  # a rubric, a reference number, a language, a group
    if known != label:
        return known
    if label == "ORG" and not text[end:].strip() and _generic_words(surface):
        return None  # "Division Public Affairs Office" signing off a statement: a description, no name
    if len(surface.split()) >= 2 and c["operation_start"].search(surface):
        return None  # "Operation Hadin Kai": a named military operation, an event, no organisation
    placed = layout_label(text, start, end, label)  # a speaker label, a dateline's or a heading's place
    if placed != label:
        return placed
    if label in ("ORG", "GPE", "PERSON", "FAC", "NORP") and natural_feature(surface, lang):
        return "LOC"  # "Lake Chad", "the Liguasan Marsh": a natural feature named by its head noun
    if label in ("ORG", "PERSON") and c["people_after"].match(text, end):
        return "NORP"
    if label in ("PERSON", "FAC", "LOC") and c["group_after"].match(text, end):
        return "ORG"
    if label in ("PERSON", "FAC") and (c["members_after"].match(text, end) or c["members_before"].search(before)):
        return "ORG"
    if label in ("ORG", "GPE") and (c["facility_end"].search(surface) or c["facility_start"].search(surface)):
        return "FAC"
    if label == "FAC" and len(surface.split()) <= 3 and not names_a_site(surface) \
            and (c["place_noun_before"].search(before) or c["locative_before"].search(before)):
        return "GPE"  # "a camp near Damhal Hanji Pora": a name with no facility's noun, where a place stands
    if label in ("PERSON", "ORG", "NORP") and (c["place_noun_before"].search(before) or c["locative_before"].search(before)
                                               or c["place_after"].match(text, end)):
        return "GPE"
    if label in ("ORG", "NORP") and geonames_city_by_name(surface) and c["city_locative_before"].search(before):
        return "GPE"
    if label == "ORG" and c["person_before"].search(before) and len(surface.split()) >= 2:
        return "PERSON"
    if label == "PERSON" and " " not in surface:
        city = geonames_city_by_name(surface)
        if city and city["population"] >= _BIG_CITY and not c["person_before"].search(before):
            return "GPE"  # "Kherson was shelled": a lone word that names a big city is the city
    if label == "PERSON" and c["person_before"].search(before):
        return label
    return name_kinds.place_label(text, start, end, label)  # "the Tuapse refinery": a town GeoNames knows


def natural_feature(surface: str, lang: str = "en") -> bool:
    """Whether a name of two to four words is a natural feature's by its head noun ("Lake Chad",
    "Liguasan Marsh"): the `natural_start` and `natural_end` cues of data/<lang>/entity_context.json."""
    c = cues(lang)
    return 2 <= len(surface.split()) <= 4 and bool(c["natural_start"].search(surface) or c["natural_end"].search(surface))


def _generic_words(surface: str) -> bool:
    """Whether every word of a name is an English common word ("Office of the Minister")."""
    words = [w for w in re.split(r"[\s-]+", surface) if w]
    return all(w.lower() in ("of", "the", "and", "for") or is_common(w.lower()) for w in words)
