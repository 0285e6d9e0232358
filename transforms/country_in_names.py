"""A country's name inside a longer proper name is no mention of the country (#s10 kind 1).

"Jordan Peterson was shot dead in Juba", "Militants shot dead Chad Okafor", "in Puerto Jordan,
Arauca", "in the Niger Delta", "along the Congo River": the gazetteer finds the country's alias
("Jordan", "Chad", "Niger", "Congo"), and a country's mention would make the event's country (and
send the article's other places to that country's namesakes). When the NER model reads a longer
person's or place's name around it (data/en/country_in_names.json `span_labels`) that adds a
capitalised word of its own, the longer name is the mention instead (nested names are not split:
../shared/gold/ANNOTATION.md). A word that only qualifies the country ("Northern Nigeria", "the
Republic of Mali": geo_admin_affixes.json `compass_words`, country_in_names.json
`qualifying_words`) or another mention ("Afghanistan Pakistan") adds no name of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache

from transforms.resources import data_text

_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(span labels, qualifying words, given names, words before a country that leave it be) of
    data/en/country_in_names.json and geo_admin_affixes.json."""
    raw = json.loads(data_text("en/country_in_names.json"))
    compass = json.loads(data_text("geo_admin_affixes.json"))["compass_words"]
    return (frozenset(raw["span_labels"]), frozenset(w.lower() for w in [*raw["qualifying_words"], *compass]),
            frozenset(raw["given_names"]), frozenset(raw["not_before"]))


def inside_longer_names(text: str, spans, mentions: list, is_country, ner_from: int = 0) -> set:
    """The mentions of `mentions` (objects with start, end, entity_id) that name a country
    (`is_country(entity_id)`) inside a longer name of `spans` (NER spans with start, end, label,
    from offset `ner_from` on) that adds a capitalised word of its own; an empty set if none.
    A span across a line or a comma ("Kabul, Afghanistan") is two names, not one."""
    labels, qualifying, given, not_before = _rules()
    out: set = set()
    for span in spans:
        if span.label not in labels or span.start < ner_from or any(c in text[span.start:span.end] for c in "\n,"):
            continue
        inner = [m for m in mentions if span.start <= m.start and m.end <= span.end and (m.start, m.end) != (span.start, span.end)]
        countries = [m for m in inner if is_country(m.entity_id)
                     and (span.label != "PERSON" or m.start == span.start and m.surface in given)  # "Chad Okafor"
                     and text[max(span.start, m.start - 5):m.start].strip() not in not_before]  # "Lake Chad"
        if not countries:
            continue
        own = [w for w in _WORD.finditer(text, span.start, span.end)
               if not any(m.start <= w.start() < m.end for m in inner)]
        if any(w.group(0)[0].isupper() and w.group(0).lower() not in qualifying for w in own) \
                and not any(text.startswith(("'s", "’s"), m.end) or _bare_possessive(m, span) for m in countries):
            # "Nigeria's Borno State", "Kenyas Lamu county"
            out.update(countries)
    return out


_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?[ \t]+(?=[A-Z])")


def after_countries(text: str, spans, mentions: list, is_country) -> list:
    """`spans` (NER spans with start, end, text, label) with each span that opens with a country's
    mention of `mentions` followed by a name of its own ("Kenyas Lamu", "Nigeria's Borno") starting
    at that name: the country is kept (`inside_longer_names`), so the name after it is read on its
    own, not lost with the longer span."""
    starts = {m.start: m for m in mentions if is_country(m.entity_id)}
    out = []
    for span in spans:
        m = starts.get(span.start)
        gap = _POSSESSIVE_GAP.match(text, m.end) if m is not None and m.end < span.end else None
        if gap is not None and gap.end() < span.end:
            span = replace(span, start=gap.end(), text=text[gap.end():span.end])
        out.append(span)
    return out


def _bare_possessive(m, span) -> bool:
    """ "Kenyas Lamu": a country's possessive written without its apostrophe (the gazetteer's alias
    "Kenyas", `gazetteer._possessives_without_apostrophe`) opening the longer name: the country, then a
    name of its own. (A country's name that is a plural, "Philippines Mindanao", is read so too: the
    country it names is the same.)"""
    return m.start == span.start and m.surface.endswith("s") and len(m.surface) > 2


@cache
def _place_nouns() -> frozenset[str]:
    raw = json.loads(data_text("geo_admin_affixes.json"))
    return frozenset(w.lower() for w in raw["place_nouns"] + raw["area_nouns"])


def attributive(doc, start: int, m) -> bool:
    """Whether the mention `m` (character offsets in the body; `doc` the parse of the sentence
    that begins at `start`) modifies a noun after it that is no place ("a U.S. MQ-9 Reaper drone",
    "a U.S. patrol", "Chinese workers"): whose the thing or the people are, not where the attack
    was (ANNOTATION.md: a demonym or an actor's country is no place); "the Kenya border town",
    "a Mali army base" name a place noun and are not read so here."""
    span = doc.char_span(m.start - start, m.end - start, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i:  # "U.S. MQ-9 Reaper drone": up to "drone"
        head = head.head
    return root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end and head.pos_ in ("NOUN", "PROPN") \
        and head.lower_ not in _place_nouns() and not any(t.lower_ in _place_nouns() for t in doc[span.end:head.i])
