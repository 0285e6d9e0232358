"""Entity mentions: every surface in a body resolved to a canonical entity id.

Matching is exact and case-sensitive on gazetteer aliases, longest alias first, so
"Islamic Resistance in Iraq" is one ORG and adds no Iraq, and "US" never matches "us".
Two rules extend it: a formal title attached to a person joins the mention ("Brig. Gen.
Pat Ryder"), and a surname alone refers to the person named in full earlier in the same
article ("Ryder" after "Patrick Ryder").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from transforms import armed_groups, canonical
from transforms.gazetteer import Entity, geonames_city_by_name, load_gazetteer
from transforms.ner import NerSpan
from transforms.resources import word_list
from transforms.wordtrie import trie_pattern

_WORD = r"[\w'’]"
# After an alias: no word character, no apostrophe unless it is a possessive ('s), and no
# hyphen + capital ("Iran-Iraq" is not "Iran"); "Iran-backed" and "Biden’s" do match.
_ALIAS_END = r"(?![\w]|['’](?!s\b)|-[A-Z])"
# An alias written with a straight apostrophe matches a curly one too.
_APOSTROPHES = {"'": "['’]"}


@dataclass(frozen=True)
class Mention:
    entity_id: str
    surface: str
    start: int
    end: int


class EntityMatcher:
    """Finds gazetteer mentions in text. Build once (it compiles the alias pattern), reuse."""

    def __init__(self, gazetteer: dict[str, Entity]):
        self.gazetteer = gazetteer
        self._by_alias: dict[str, str] = {}
        for e in gazetteer.values():
            for alias in e.aliases:
                self._by_alias.setdefault(_plain_quotes(alias), e.entity_id)
        self._pattern = re.compile(rf"(?<!{_WORD}){trie_pattern(self._by_alias, _APOSTROPHES)}{_ALIAS_END}")
        titles = sorted(word_list("titles.txt"), key=len, reverse=True)
        self._title_before = re.compile(rf"(?:{'|'.join(map(re.escape, titles))})\s+$")

    def find(self, text: str) -> list[Mention]:
        """Gazetteer mentions (with attached titles and surnames) of `text`."""
        return self.resolve(text)[0]

    def gazetteer_mentions(self, text: str) -> list[Mention]:
        """The mentions of gazetteer entries alone (aliases, titles, dateline places, and the
        armed groups' names whatever their case: `armed_groups.caseless_pattern`)."""
        mentions = [self._mention(m.start(), m.end(), text) for m in self._pattern.finditer(text)]
        # the longer name wins: "al-Shabaab" over its "Shabaab" as written
        mentions = _without_overlaps(mentions + self._caseless_mentions(text))
        return mentions + self._dateline_places(text, mentions)

    def _caseless_mentions(self, text: str) -> list[Mention]:
        """ "al-Shabaab", "BOKO HARAM": an armed group's alias in any case."""
        pattern = armed_groups.caseless_pattern()
        if pattern is None:
            return []
        aliases = armed_groups.caseless_aliases()
        out = []
        for m in pattern.finditer(text):
            entity_id = aliases.get(armed_groups.caseless_key(m.group(0)))
            if entity_id in self.gazetteer:
                out.append(Mention(entity_id, m.group(0), m.start(), m.end()))
        return out

    def resolve(self, text: str, ner_spans: list[NerSpan] = (), ner_from: int = 0,
                known: list[Mention] | None = None) -> tuple[list[Mention], dict[str, Entity]]:
        """All mentions of `text`: the gazetteer's (`known`, if already found), then the NER
        model's names it lacks (from offset `ner_from` on), canonicalized; returns the mentions
        and the new entities."""
        mentions = list(self.gazetteer_mentions(text) if known is None else known)
        new: dict[str, Entity] = {}
        pending_surnames: list[tuple[int, int, str]] = []
        taken = [(m.start, m.end) for m in mentions]
        stop = _ner_stoplist()
        # surnames of everyone named in full: the model sometimes calls a lone surname an ORG
        surnames = {canonical.surname(self.gazetteer[m.entity_id].name) for m in mentions
                    if self.gazetteer[m.entity_id].entity_type == "PERSON"}
        surnames |= {canonical.surname(canonical.strip_title(s.text)) for s in ner_spans if s.label == "PERSON"}
        surnames.discard(None)
        for span in ner_spans:
            start, end = canonical.clean_span(text, span.start, span.end)
            surface = text[start:end]
            if start < ner_from or end - start < 2 or surface in stop or not surface[0].isupper() \
                    or any(s < end and start < e for s, e in taken) or surface in self._by_alias \
                    or surface in surnames:
                continue
            label = _corrected_label(text, start, end, span.label)
            if label == "PERSON":
                name = canonical.strip_title(surface)
                if len(name.split()) == 1:
                    pending_surnames.append((start + len(surface) - len(name), end, name))
                    continue
                entity = canonical.named_entity(name, "PERSON")
                title = self._title_before.search(text, max(0, start - 40), start)
                start = title.start() if title else start
            else:
                entity = canonical.named_entity(surface, label)
            entity = self.gazetteer.get(entity.entity_id) or new.get(entity.entity_id) or entity
            if entity.entity_id not in self.gazetteer:
                new[entity.entity_id] = entity
            mentions.append(Mention(entity.entity_id, text[start:end], start, end))
            taken.append((start, end))
        lookup = {**self.gazetteer, **new}
        mentions += _repeated_mentions(text, mentions, new)
        mentions += self._surname_mentions(text, mentions, lookup, pending_surnames)
        mentions += self._acronym_mentions(text, mentions, lookup)
        mentions = _without_overlaps(mentions)
        new = {m.entity_id: lookup[m.entity_id] for m in mentions if m.entity_id not in self.gazetteer}
        return mentions, new

    def _mention(self, start: int, end: int, text: str) -> Mention:
        entity_id = self._by_alias[_plain_quotes(text[start:end])]
        if self.gazetteer[entity_id].entity_type == "PERSON":
            title = self._title_before.search(text, max(0, start - 40), start)
            if title:
                start = title.start()
        return Mention(entity_id, text[start:end], start, end)

    def _surname_mentions(self, text: str, found: list[Mention], lookup: dict[str, Entity],
                          pending: list[tuple[int, int, str]]) -> list[Mention]:
        """A surname alone, anywhere in the article, refers to the person named in full in it."""
        surnames: dict[str, str] = {}
        for m in found:
            entity = lookup[m.entity_id]
            last = canonical.surname(entity.name) if entity.entity_type == "PERSON" else None
            if last:
                surnames.setdefault(last, m.entity_id)
        taken = [(m.start, m.end) for m in found]
        extra = []
        if surnames:
            for start, end, word in _word_matches(text, list(surnames)):
                if not any(s < end and start < e for s, e in taken):
                    extra.append(Mention(surnames[word], word, start, end))
                    taken.append((start, end))
        for start, end, name in pending:  # single names the model saw that no full name explains
            if not any(s < end and start < e for s, e in taken) and name not in surnames:
                entity_id = canonical.person_key(name)
                lookup.setdefault(entity_id, canonical.named_entity(name, "PERSON"))
                extra.append(Mention(entity_id, text[start:end], start, end))
        return extra

    def _acronym_mentions(self, text: str, found: list[Mention], lookup: dict[str, Entity]) -> list[Mention]:
        """ "the Rapid Support Forces (RSF) ... the RSF": the acronym is that organisation,
        wherever it stands (mentions the model gave the acronym on its own are re-pointed)."""
        acronyms: dict[str, str] = {}
        for m in found:
            if lookup[m.entity_id].entity_type == "ORG":
                paren = re.match(r"\s*\(([A-Z][A-Z0-9&-]{1,7})\)", text[m.end:m.end + 12])
                if paren and paren.group(1) not in self._by_alias:
                    acronyms.setdefault(paren.group(1), m.entity_id)
        if not acronyms:
            return []
        for i, m in enumerate(found):
            if m.surface in acronyms and m.entity_id != acronyms[m.surface]:
                found[i] = Mention(acronyms[m.surface], m.surface, m.start, m.end)
        extra = []
        taken = [(m.start, m.end) for m in found]
        for acronym, entity_id in acronyms.items():
            for a in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
                if not any(s < a.end() and a.start() < e for s, e in taken):
                    extra.append(Mention(entity_id, a.group(0), a.start(), a.end()))
                    taken.append(a.span())
        return extra

    def _dateline_places(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "KYIV, Ukraine (AP) —": a dateline writes its city in capitals."""
        out = []
        for m in _DATELINE_PLACE.finditer(text):
            name = " ".join(w.capitalize() for w in m.group(1).split())
            if any(f.start < m.end(1) and m.start(1) < f.end for f in found):
                continue
            entity_id = self._by_alias.get(name)
            if entity_id is None:
                city = geonames_city_by_name(name)
                entity_id = self._by_alias.get(city["name"]) if city else None
                if city and entity_id is None:
                    continue  # a GeoNames-only city is created from the NER path, not here
            if entity_id:
                out.append(Mention(entity_id, m.group(1), m.start(1), m.end(1)))
        return out


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text, in text order: where spans overlap or nest (a title
    joined to a name can swallow a place the gazetteer found in it: "Sheikh" in "Sheikh X Y"),
    the longest wins, the earlier on a tie. The warehouse keys mentions by (doc_id, start_char)."""
    starts: list[int] = []  # the kept spans, disjoint, ordered by start (bisect keeps this O(n log n))
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        at = bisect.bisect_left(starts, m.start)
        if (at == 0 or kept[at - 1].end <= m.start) and (at == len(kept) or m.end <= kept[at].start):
            starts.insert(at, m.start)
            kept.insert(at, m)
    return kept


def _repeated_mentions(text: str, found: list[Mention], new: dict[str, Entity]) -> list[Mention]:
    """A name the model found once is that name wherever it repeats, read by the model or not."""
    surfaces = {m.surface: m.entity_id for m in found if m.entity_id in new and " " in m.surface}
    if not surfaces:
        return []
    taken = [(m.start, m.end) for m in found]
    extra = []
    for start, end, surface in _word_matches(text, sorted(surfaces, key=len, reverse=True)):
        if not any(s < end and start < e for s, e in taken):
            extra.append(Mention(surfaces[surface], surface, start, end))
            taken.append((start, end))
    return extra


_WORD_BEFORE = re.compile(_WORD)
_END = re.compile(_ALIAS_END)


def _word_matches(text: str, words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of the whole-word occurrences of `words` (non-empty), left to right and
    not overlapping, the earlier word of the list first where several start at one place: what
    `re.finditer` of "(?<!WORD)(?:w1|w2|...)ALIAS_END" finds, without compiling a pattern for
    each article's own names (the compile cost more than the search)."""
    found = []
    for rank, word in enumerate(words):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _WORD_BEFORE.match(text, at - 1)) and _END.match(text, end):
                found.append((at, rank, end, word))
            at = text.find(word, at + 1)
    out, last_end = [], -1
    for start, _, end, word in sorted(found):
        if start >= last_end:
            out.append((start, end, word))
            last_end = end
    return out


_DATELINE_PLACE = re.compile(r"(?m)^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}),\s")
# Context that settles what the small model often mislabels: "the village of Aitaroun" is a
# place, "the Sagaing region" is a place, "writer Hanna Arhirova" is a person.
_PLACE_BEFORE = re.compile(r"\b(?:town|city|village|region|province|district|port|camp|capital|suburb|neighbou?rhood)"
                           r"\s+of\s+$|\b(?:in|near|outside)\s+$", re.I)
_PLACE_AFTER = re.compile(r"\s+(?:region|province|state|district|governorate|oblast|village|city|town)\b", re.I)
_PERSON_BEFORE = re.compile(r"\b(?:writer|reporter|correspondent|spokesman|spokeswoman|spokesperson|governor|"
                            r"mayor|minister|commander|official|analyst|researcher|editor|leader)\s+$", re.I)


_BIG_CITY = 50_000


def _corrected_label(text: str, start: int, end: int, label: str) -> str:
    before = text[max(0, start - 30):start]
    if label in ("PERSON", "ORG", "NORP") and (_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(text, end)):
        return "GPE"
    if label in ("ORG", "NORP") and geonames_city_by_name(text[start:end]) and re.search(r"\b(?:in|at|of|near)\s+$", before):
        return "GPE"
    if label == "ORG" and _PERSON_BEFORE.search(before) and len(text[start:end].split()) >= 2:
        return "PERSON"
    if label == "PERSON" and " " not in text[start:end]:
        city = geonames_city_by_name(text[start:end])
        if city and city["population"] >= _BIG_CITY and not _PERSON_BEFORE.search(before):
            return "GPE"  # "Kherson was shelled": a lone word that names a big city is the city
    return label


def _plain_quotes(text: str) -> str:
    return text.replace("’", "'")


@cache
def _ner_stoplist() -> frozenset[str]:
    return frozenset(word_list("ner_stoplist.txt"))


@cache
def default_matcher() -> EntityMatcher:
    return EntityMatcher(load_gazetteer())
