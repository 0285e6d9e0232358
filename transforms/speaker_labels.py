"""Speaker labels of a transcript that are countries' names (component `entities`).

"UKRAINE: Russian missiles struck Odesa ... / RUSSIA: Our forces hit only military targets." In a
transcript of a Security Council briefing the labels in capitals before a colon are the delegations
that speak: a country so named is who speaks, not a place of the article (it would give the strike
on Odesa Russia's country). A text is a transcript when it has at least `min_labels` labels in
capitals opening a line before a colon and one of their statements is in the first person
(data/en/speaker_labels.json); a dateline's or a roundup's lead in capitals has none.
"""

from __future__ import annotations

import json
import re
from functools import cache

from transforms.resources import data_text

# a label: one to four words in capitals opening a line, a colon, the statement to the line's end
_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})[ \t]*:[ \t]*(.*)$")
_WORD = re.compile(r"[A-Za-z]+")


@cache
def _rules() -> tuple[int, frozenset[str]]:
    raw = json.loads(data_text("en/speaker_labels.json"))
    return int(raw["min_labels"]), frozenset(w.lower() for w in raw["first_person"])


def speaker_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker label of `text` when it is a transcript (see the module's
    docstring), in text order; [] otherwise."""
    min_labels, first_person = _rules()
    labels = list(_LABEL.finditer(text))
    if len(labels) < min_labels:
        return []
    if not any(w.group(0).lower() in first_person for m in labels for w in _WORD.finditer(m.group(2))):
        return []
    return [m.span(1) for m in labels]


def without_speakers(text: str, mentions: list, is_country) -> list:
    """`mentions` (objects with start, end, entity_id) without the countries' mentions
    (`is_country(entity_id)`) that are a speaker label of a transcript (`speaker_spans`)."""
    labels = set(speaker_spans(text))
    if not labels:
        return mentions
    return [m for m in mentions if not ((m.start, m.end) in labels and is_country(m.entity_id))]
