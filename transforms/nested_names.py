"""Names with a place inside them are one name (component `entities`).

../shared/gold/ANNOTATION.md: "nested names are not split". The gazetteer matches "Chad" in "Lake
Chad", "Niger" in "the Armed Forces of Niger" and "Mozambique" in "Islamic State Mozambique Province";
the NER model reads the whole name. `inside_longer_names` finds the gazetteer's places that such a
whole name holds, so the resolver keeps the whole name and drops the place:

- a natural feature named with its head noun ("Lake Chad", "the Liguasan Marsh", "Congo River":
  entity_context.json's `natural_start`/`natural_end` cues);
- a body whose name ends "<Head> of|in <Place>" ("Armed Forces of Niger", "United Nations Support
  Mission in Libya"), the head a capitalised word that is no title ("Governor of Borno" is a person's
  office and a place);
- a "province" of an armed group ("Islamic State Mozambique Province"): the group's name, the place,
  then "Province".

`with_place_of_name` first gives an organisation the model cut before "in <Place> (ACRONYM)" its
place back ("the United Nations Integrated Office" + " in Haiti (BINUH)").
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from typing import Protocol

from transforms import canonical
from transforms.entity_context import natural_feature
from transforms.ner import NerSpan
from transforms.ner_gate import explained_words
from transforms.resources import data_text, word_list

_PLACE_TYPES = ("GPE", "LOC")
_PLACE_OF = re.compile(r"[ \t]+(?:in|of)[ \t]+((?:[A-Z][\w'’-]+)(?:[ \t][A-Z][\w'’-]+){0,2})[ \t]*\(([A-Z][A-Z0-9&-]{1,9})\)")
_JOINED_AT_END = re.compile(r"(?:^|\s)([A-Z][\w'’-]*)\s+(?:of|in)\s+(?:the\s+)?$")
_PROVINCE = "Province"


class _Located(Protocol):
    entity_id: str
    start: int
    end: int


def with_place_of_name(text: str, spans: list[NerSpan]) -> list[NerSpan]:
    """`spans` with each organisation the model cut before " in|of <Place> (ACRONYM)" reaching the
    place, where the acronym holds the place's initial ("Support Mission in Libya (UNSMIL)")."""
    out = []
    for span in spans:
        m = _PLACE_OF.match(text, span.end) if span.label == "ORG" else None
        if m and m.group(1)[0] in m.group(2) and span.text.split()[-1][:1].isupper():
            end = m.end(1)
            span = NerSpan(span.start, end, text[span.start:end], "ORG")
        out.append(span)
    return out


@cache
def _feature_pattern(lang: str = "en") -> re.Pattern:
    """ "Lake Chad", "Liguasan Marsh": one or two capitalised words after a `natural_start` word or
    before a `natural_end` word of data/<lang>/entity_context.json."""
    raw = json.loads(data_text(f"{lang}/entity_context.json"))["cues"]
    alternatives = lambda key: "|".join(map(re.escape, sorted(raw[key]["words"], key=len, reverse=True)))  # noqa: E731
    name = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
    return re.compile(rf"(?<![\w'’-])(?:(?:{alternatives('natural_start')}) {name}|{name} (?:{alternatives('natural_end')}))(?![\w'’-])")


def feature_names(text: str, spans: list[NerSpan]) -> list[NerSpan]:
    """Natural features named by their head noun that the model left unread ("Lake Chad." opening a
    paragraph), where no span of `spans` touches them: NerSpans labelled LOC."""
    out = []
    for m in _feature_pattern().finditer(text):
        start, end = m.span()
        if m.group(0).split()[0] in explained_words() or any(s.start < end and start < s.end for s in spans):
            continue
        out.append(NerSpan(start, end, m.group(0), "LOC"))
    return out


def inside_longer_names(text: str, spans: list[NerSpan], mentions: list[_Located],
                        type_of: Callable[[str], str]) -> set:
    """The `mentions` of places (`type_of(entity_id)` GPE or LOC) that lie inside a longer name of
    `spans` (the model's, offsets into `text`) of one of the module's three forms."""
    inside = set()
    for span in spans:
        start, end = canonical.clean_span(text, span.start, span.end)
        if "\n" in text[start:end]:
            continue
        surface = text[start:end]
        inner = [m for m in mentions if start <= m.start and m.end <= end and (m.start, m.end) != (start, end)]
        places = [m for m in inner if type_of(m.entity_id) in _PLACE_TYPES]
        if not places:
            continue
        if natural_feature(surface):
            inside.update(places)
        elif span.label == "ORG":
            for m in places:
                head = _JOINED_AT_END.search(text, start, m.start)
                if m.end == end and head and head.group(1).rstrip(".") not in explained_words():
                    inside.add(m)  # "Armed Forces of Niger"
                elif text[m.end:end].strip() == _PROVINCE and any(
                        o.start == start and type_of(o.entity_id) == "ORG" for o in inner):
                    inside.add(m)  # "Islamic State Mozambique Province"
    return inside


@cache
def _shared_features() -> frozenset[str]:
    """The lower-case names of data/shared_features.txt: features several countries share."""
    return frozenset(name.lower() for name in word_list("shared_features.txt"))


def is_shared(name: str) -> bool:
    """Whether `name` ("Lake Chad", "the Sahel") is a feature several countries share (data/shared_features.txt)."""
    return re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.I).lower() in _shared_features()


def feature_countries(text: str, spans: list[NerSpan], mentions: list[_Located],
                      country_of: Callable[[str], str | None]) -> dict[tuple[int, int], str]:
    """(start, end) of each natural feature's name of `spans` (cut as the resolver cuts it) -> the
    country named inside it: the feature lies, at least in part, in the country it
    is named after, which the article's places are then read against (`country_of`: an entity id's
    ISO2 code for a country, else None). A feature several countries share (data/shared_features.txt:
    "Lake Chad", "Lake Victoria") is named after none of them: the article's other evidence decides."""
    out = {}
    for span in spans:
        start, end = canonical.clean_span(text, span.start, span.end)
        if not natural_feature(text[start:end]) or is_shared(text[start:end]):
            continue
        codes = {cc for m in mentions if start <= m.start and m.end <= end and (cc := country_of(m.entity_id))}
        if len(codes) == 1:
            out[(start, end)] = codes.pop()
    return out
