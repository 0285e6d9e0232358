"""The NER model's name spans, cut and typed by the words in and around them.

The small model reads "Aguililla" closing a headline and "Aguililla" opening the next paragraph
as one name, "the Assam Rifles at Nambol" as one facility, "Daw Khin Myint" as an organisation,
the ship "Amber Crest" and the base "Osman Digna" (of "Osman Digna Air Base") as persons, and
"Debris" opening a sentence as a name. `refine` corrects such spans before `EntityMatcher.resolve`
canonicalizes them; the words it reads are in transforms/data/en/name_spans.json.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from transforms.gazetteer import geonames_city_by_name
from transforms.ner import NerSpan
from transforms.ner_gate import explained_words, is_common
from transforms.resources import data_text
from transforms.wordtrie import trie_pattern

_NAME_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w'’.-]*")


@cache
def _words() -> dict:
    import json

    data = json.loads(data_text("en/name_spans.json"))
    geo = json.loads(data_text("geo_admin_affixes.json"))
    natural = geo["natural_nouns"]
    alternatives = trie_pattern
    return {
        "honorifics": frozenset(data["honorifics"]),
        # "the Liberia-flagged bulk carrier ", "the tanker ", "MV ": the name after it is the ship
        "vessel_before": re.compile(rf"(?<![\w-])(?:{alternatives(data['vessel_nouns'])})\s+$"),
        "facility_after": re.compile(rf"\s+(?:{alternatives(data['facility_heads'])})\b"),
        "force_heads": frozenset(data["force_heads"]),
        # "Imam Ali Mosque", "Sheikh Zayed Hospital": a site named after a person is no person
        "site_heads": frozenset(w.lower() for w in geo["facility_nouns"] + natural + data["facility_heads"]),
        "site_words": frozenset(data["site_words"]),
        "region_after": re.compile(rf"\s+(?:{alternatives(data['region_nouns'] + natural)})\b", re.I),
        # "Pazigyi village", "Kidal town": the lower-case noun after a place's name is no part of it
        "place_tail": re.compile(rf"\s+(?:{alternatives(geo['village_nouns'] + geo['town_nouns'] + geo['area_nouns'])})$"),
        "office_tails": frozenset(data["office_tails"]),
        "document_heads": frozenset(data["document_heads"]),
        "joiner": re.compile(rf"\s+(?:{'|'.join(map(re.escape, data['place_joiners']))})\s+(?=[A-Z])"),
        # "United Nations Support Mission| in |Libya": a body's mission named with its country
        "mission": re.compile(rf"(?:the\s+)?(?:{alternatives(data['mission_bodies'])})\s+(?:[A-Z][\w'’-]*\s+){{0,3}}?"
                              rf"(?:{alternatives(data['mission_heads'])})$"),
        # "the monitoring group |Deep South Watch|": the capitalised words after a noun that describes a body
        "described": re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}?(?:{alternatives(data['organisation_descriptors'])})"
                                rf"\s+((?:[A-Z][\w'’&-]*)(?:\s+(?:for|of|on|and|the|de|[A-Z][\w'’&-]*)){{0,5}}(?<=[\w]))"),
        "mission_in": re.compile(rf"\s+(?:{'|'.join(map(re.escape, data['mission_joiners']))})\s+(?:the\s+)?(?=[A-Z][^\s]*(?:\s+[A-Z][^\s]*)*$)"),
        "mission_joiner": re.compile(rf"\s+(?:{'|'.join(map(re.escape, data['mission_joiners']))})\s+(?:the\s+)?$"),
    }


def names_a_site(surface: str) -> bool:
    """Whether a name holds a facility's or a natural feature's noun ("Gate", "Air Base", "Hills"):
    geo_admin_affixes.json's facility and natural nouns and name_spans.json's facility heads, any case."""
    words = surface.lower().split()
    heads = _words()["site_heads"] | _words()["site_words"]
    return any(w in heads for w in words) or any(f"{a} {b}" in heads for a, b in zip(words, words[1:]))


def refine(text: str, spans: list[NerSpan], known: Callable[[str], bool] = lambda name: False) -> list[NerSpan]:
    """`spans` (offsets into `text`) cut at paragraph breaks and at a lower-case joiner between two
    names ("Assam Rifles at Nambol" -> ORG "Assam Rifles" + GPE "Nambol"), widened over a facility's
    head noun ("Osman Digna" + " Air Base" -> FAC), relabelled by honorifics (PERSON), the noun of a
    ship before them (FAC) and the noun of a region or a natural feature after them (LOC); a lone
    common word that only opens a sentence ("Debris fell on ...") is dropped; a person's name the
    model cut after its first name ("lawyer Agbor [Nkongho Tambe]") takes it back, unless that word
    is a title, a common word or a name `known` to the gazetteer ("Israeli Benjamin Netanyahu")."""
    out: list[NerSpan] = []
    for span in spans:
        span = _first_name_back(text, span, known)
        for piece in _paragraph_pieces(text, span):
            out.extend(_joined_names(text, piece))
    out = _missions_with_country(text, [_to_acronym(text, _without_office(text, s)) for s in out])
    return [refined for span in out if span and (refined := _relabelled(text, span)) is not None]


def with_described_organisations(text: str, spans: list[NerSpan]) -> list[NerSpan]:
    """ "according to the monitoring group Deep South Watch", "the rights group Human Rights
    Watch": `spans` with the capitalised name right after a noun that describes a body
    (name_spans.json `organisation_descriptors`) as an organisation, in place of the model's
    shorter names inside it ("Sahel" of "Sahel Conflict Watch"); not where a model's name runs
    past it. A name of small words only at its end loses them ("the Office for")."""
    out = list(spans)
    for m in _words()["described"].finditer(text):
        start, end = m.span(1)
        while text[start:end].split()[-1] in ("for", "of", "on", "and", "the", "de"):
            end = start + text[start:end].rstrip().rfind(" ")
        overlapping = [s for s in out if s.start < end and start < s.end]
        if len(text[start:end].split()) >= 2 and all(start <= s.start and s.end <= end for s in overlapping) \
                and not any((s.start, s.end, s.label) == (start, end, "ORG") for s in overlapping):
            out = [s for s in out if s not in overlapping] + [NerSpan(start, end, text[start:end], "ORG")]
    return out


def named_as_one(text: str, start: int, end: int) -> bool:
    """Whether the organisation's name at `text[start:end]` is set out as one name, places inside
    it included: a mission named with its country (`is_mission_name`) or a name right after a
    noun that describes a body ("the monitoring group Sahel Conflict Watch")."""
    if is_mission_name(text[start:end]):
        return True
    return any(m.span(1) == (start, end) or m.start(1) == start and text[m.start(1):m.end(1)].startswith(text[start:end])
               for m in _words()["described"].finditer(text, max(0, start - 80), end + 40))


def is_mission_name(surface: str) -> bool:
    """Whether `surface` is an international body's mission or office named with its country
    ("United Nations Support Mission in Libya", "EU Training Mission in Mali")."""
    head = _words()["mission_in"].search(surface)
    return bool(head) and bool(_words()["mission"].fullmatch(surface[:head.start()]))


def _missions_with_country(text: str, spans: list[NerSpan | None]) -> list[NerSpan | None]:
    """ "United Nations Support Mission" + " in " + "Libya": an international body's mission or
    office and the country the model read as the next name, joined into one organisation (the
    country is part of the name, no mention of its own)."""
    out: list[NerSpan | None] = []
    for span in spans:
        prev = out[-1] if out else None
        if span is not None and prev is not None and prev.label == "ORG" and span.label in ("GPE", "LOC") \
                and prev.end < span.start and _words()["mission"].fullmatch(prev.text) \
                and _words()["mission_joiner"].fullmatch(text, prev.end, span.start):
            out[-1] = NerSpan(prev.start, span.end, text[prev.start:span.end], "ORG")
            continue
        out.append(span)
    return out


def _without_office(text: str, span: NerSpan) -> NerSpan | None:
    """An organisation's span without the office words closing it ("United Nations Resident" ->
    "United Nations"); None for an office with one word before it ("Humanitarian Coordinator",
    "Special Envoy") or a document's name ("Response Plan")."""
    if span.label != "ORG":
        return span
    words = list(re.finditer(r"\S+", span.text))
    if words[-1].group(0) in _words()["document_heads"]:
        return None
    keep = len(words)
    while keep and words[keep - 1].group(0) in _words()["office_tails"]:
        keep -= 1
    if keep == len(words):
        return span
    if keep == 0 or keep == 1 and is_common(words[0].group(0).lower()):
        return None
    end = span.start + words[keep - 1].end()
    return NerSpan(span.start, end, text[span.start:end], span.label)


# capitalised words and the small words of a name, then the acronym in parentheses
_TO_ACRONYM = re.compile(r"((?:\s+(?:[A-Z][\w'’-]*|of|for|the|and|on|de|la|du|des))+?)\s*\(([A-Z][A-Z0-9&-]{1,9})\)")


def _to_acronym(text: str, span: NerSpan | None) -> NerSpan | None:
    """ "Office of the United Nations" + " High Commissioner for Human Rights (OHCHR)": an organisation
    the model cut short before the rest of its name and its acronym reaches the acronym, when the
    initials of the whole hold the acronym's letters."""
    if span is None or span.label != "ORG":
        return span
    m = _TO_ACRONYM.match(text, span.end)
    if not m:
        return span
    from transforms.alias_senses import defined_name

    end = m.start(2) - 1
    while text[end - 1].isspace():
        end -= 1
    if not defined_name(text, span.start, end):
        return span
    return NerSpan(span.start, end, text[span.start:end], span.label)


# an apostrophe inside a first name comes before a capital ("D'Souza"); "I'm", "I'd" are contractions
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z](?:[a-z\u00e0-\u00ff-]|['’](?=[A-Z]))+) $")


def _first_name_back(text: str, span: NerSpan, known: Callable[[str], bool]) -> NerSpan:
    """ "Chief Secretary [Puneet] Kumar Goel": a capitalised word right before a person's name that
    is no title, no common word, no known name and does not open a sentence is its first name."""
    if span.label != "PERSON":
        return span
    m = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    if not m:
        return span
    word = m.group(1)
    if word in explained_words() or is_common(word.lower()) or known(word) or _opens_sentence(text, m.start(1)):
        return span
    return NerSpan(m.start(1), span.end, text[m.start(1):span.end], span.label)


def _paragraph_pieces(text: str, span: NerSpan) -> list[NerSpan]:
    """A name never runs over a line break: "Aguililla\\n\\nAguililla" is two mentions."""
    if "\n" not in text[span.start:span.end]:
        return [span]
    out, at = [], span.start
    for line in text[span.start:span.end].split("\n"):
        stripped = line.strip()
        if stripped:
            start = at + line.index(stripped)
            out.append(NerSpan(start, start + len(stripped), stripped, span.label))
        at += len(line) + 1
    return out


def _joined_names(text: str, span: NerSpan) -> list[NerSpan]:
    """ "the Assam Rifles at Nambol": the model's one span of two names joined by "at", "in", "near"
    or "outside"; the second is where the first is (a place), the first an organisation when its
    last word names a force ("Rifles", "Police"), else keeps the model's label."""
    m = _words()["joiner"].search(text, span.start, span.end)
    start = span.start + 4 if text.startswith(("the ", "The "), span.start) else span.start
    # a name of two words or more before the joiner: "Police in Union" is a misread phrase, not two names
    if not m or not _NAME_WORD.match(text, start) or len(text[start:m.start()].split()) < 2:
        return [span]
    first = NerSpan(start, m.start(), text[start:m.start()], span.label)
    second = NerSpan(m.end(), span.end, text[m.end():span.end], "GPE")
    if first.text.split()[-1] in _words()["force_heads"]:
        first = NerSpan(first.start, first.end, first.text, "ORG")
    return [first, second]


def _relabelled(text: str, span: NerSpan) -> NerSpan | None:
    words = _words()
    tail = words["place_tail"].search(span.text) if span.label in ("GPE", "LOC") else None
    if tail and tail.start() > 0:
        span = NerSpan(span.start, span.start + tail.start(), span.text[:tail.start()], span.label)
    surface = span.text
    # "Burkina Faso's Djibo": a town the model calls an organisation, after a name's possessive, is the town
    if span.label == "ORG" and " " not in surface and re.search(r"[A-Z][\w-]*['’]s $", text[max(0, span.start - 30):span.start]) \
            and geonames_city_by_name(surface) is not None:
        return NerSpan(span.start, span.end, surface, "GPE")
    head = words["facility_after"].match(text, span.end)
    if head and span.label in ("PERSON", "ORG", "GPE", "NORP"):
        return NerSpan(span.start, head.end(), text[span.start:head.end()], "FAC")
    parts = surface.split()
    if len(parts) >= 2 and parts[0] in words["honorifics"] and all(_NAME_WORD.fullmatch(p) for p in parts[1:]) \
            and parts[-1] not in words["force_heads"] and parts[-1].lower() not in words["site_heads"]:
        return NerSpan(span.start, span.end, surface, "PERSON")
    if span.label in ("PERSON", "ORG", "GPE") and words["vessel_before"].search(text, max(0, span.start - 30), span.start):
        return NerSpan(span.start, span.end, surface, "FAC")
    if span.label in ("FAC", "NORP", "PERSON") and words["region_after"].match(text, span.end):
        return NerSpan(span.start, span.end, surface, "LOC")
    # "Debris fell on ...": a person of one common word (WordNet's, which names cities too) opening a sentence
    if len(parts) == 1 and span.label == "PERSON" and _opens_sentence(text, span.start) \
            and is_common(surface.lower()) and geonames_city_by_name(surface) is None:
        return None
    return span


def _opens_sentence(text: str, at: int) -> bool:
    """Whether `at` begins a line or follows a sentence's end ("... on Monday. Debris fell")."""
    before = text[:at].rstrip(" \t\"“‘'(")
    return not before or before[-1] in "\n.!?"
