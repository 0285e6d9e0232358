"""Entity mentions: every surface in a body resolved to a canonical entity id.

Matching is exact and case-sensitive on gazetteer aliases, longest alias first, so
"Islamic Resistance in Iraq" is one ORG and adds no Iraq, and "US" never matches "us".
Two rules extend it: a formal title attached to a person joins the mention ("Brig. Gen.
Pat Ryder"), and a surname alone refers to the person named in full earlier in the same
article ("Ryder" after "Patrick Ryder").
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from functools import cache

from transforms import (alias_senses, armed_groups, canonical, country_in_names, entity_layout, name_kinds,
                        name_spans, nested_names, roundup, speaker_labels)
from transforms.entity_context import corrected_label
from transforms.gazetteer import Entity, geonames_city_by_name, load_gazetteer
from transforms.ner import NerSpan
from transforms.ner_gate import explained_words, is_common
from transforms.resources import data_text, word_list
from transforms.timex_vocab import month_words
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
        # a portfolio before "Minister" is part of the title: "Interior Minister", "Mining Minister"
        self._title_before = re.compile(rf"(?:{_PORTFOLIO_TITLE}|{'|'.join(map(re.escape, titles))})\s+$")

    def find(self, text: str) -> list[Mention]:
        """The mentions of `text` whose entities are the gazetteer's (`self.gazetteer`, where the
        caller looks them up), with attached titles and surnames, resolved without the NER model.
        A name the text alone makes an entity of (the place of a dated line, a heading, an
        institution's or a described group's name) is left out: its entity exists only in the
        article, and `resolve` returns it with its mentions."""
        return [m for m in self.resolve(text)[0] if m.entity_id in self.gazetteer]

    def gazetteer_mentions(self, text: str) -> list[Mention]:
        """The mentions of gazetteer entries alone (aliases, titles, dateline places, and the
        armed groups' names whatever their case: `armed_groups.caseless_pattern`)."""
        mentions = [self._mention(m.start(), m.end(), text) for m in self._pattern.finditer(text)]
        # the longer name wins: "al-Shabaab" over its "Shabaab" as written
        mentions = _without_overlaps(mentions + self._caseless_mentions(text))
        return mentions + self._dateline_places(text, mentions) + self._heading_places(text, mentions)

    def _heading_places(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "NIGERIA" alone on a line above a roundup's items: a heading writes its country in capitals."""
        if not roundup.items(text):
            return []
        out = []
        for start, end in roundup.headings(text):
            entity_id = self._by_alias.get(" ".join(w.capitalize() for w in text[start:end].split()))
            entity = self.gazetteer.get(entity_id) if entity_id else None
            if entity is not None and entity.entity_type in ("GPE", "LOC") \
                    and not any(f.start < end and start < f.end for f in found):
                out.append(Mention(entity_id, text[start:end], start, end))
        return out

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
        ner_spans = [*name_spans.refine(text, list(ner_spans), self._by_alias.__contains__),
                     *dated_line_places(text, mentions)]
        ner_spans = name_kinds.joined_organisations(text, ner_spans)  # "Air Force" of "the Armed Forces of Ukraine"
        ner_spans += _area_pair_spans(text, ner_spans, mentions)  # "the Belgorod and Kursk regions", "Culiacán, Sinaloa.-"
        ner_spans = name_kinds.between_places(text, ner_spans, [(m.start, m.end) for m in mentions  # "between X and Y"
                                                                if self.gazetteer[m.entity_id].entity_type in ("GPE", "LOC")])
        name_kinds.prefetch([s.text for s in ner_spans if s.label in ("ORG", "PERSON", "NORP", "GPE", "LOC", "FAC")])
        ner_spans = roundup.lead_places(text, ner_spans, mentions)  # "Borno: ISWAP fighters ...": a place
        ner_spans += institution_names(text, ner_spans, mentions)
        ner_spans = name_spans.with_described_organisations(text, ner_spans)  # "the monitoring group Deep South Watch"
        countries = nested_names.feature_countries(text, ner_spans + nested_names.feature_names(text, ner_spans), mentions,
                                                   lambda i: self.gazetteer[i].country_code if self.gazetteer[i].is_country else None)
        mentions, ner_spans = self._layout_and_nesting(text, ner_spans, ner_from, mentions)
        mentions = self._outside_longer_names(text, ner_spans, ner_from, mentions)
        # "Jordan Peterson", "Puerto Jordan", "the Niger Delta": a country inside a longer name is none
        nested = country_in_names.inside_longer_names(text, ner_spans, mentions, self._is_country, ner_from)
        mentions = [m for m in mentions if m not in nested]
        ner_spans = country_in_names.after_countries(text, ner_spans, mentions, self._is_country)
        labels = _consistent_labels(text, ner_spans)
        # a one-word name its context makes a place once ("the town of Djibo") is that place where it opens a sentence
        for s in ner_spans:
            if s.label in ("ORG", "PERSON", "NORP") and " " not in s.text:
                a, b = canonical.clean_span(text, s.start, s.end)
                if corrected_label(text, a, b, s.label) == "GPE":
                    labels[text[a:b]] = "GPE"
        # a name set out as one ("(Sahel Wire)", "X (XYZ)") is an organisation wherever it is named again
        labels.update({s.text: "ORG" for s in ner_spans if s.label == "ORG" and alias_senses.defined_name(text, s.start, s.end)})
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
            if start < ner_from or end - start < 2 or surface in stop \
                    or not (name_kinds.first_letter(surface).isupper() or _ORDINAL_NAME.match(surface)) \
                    or any(s < end and start < e for s, e in taken) or surface in self._by_alias \
                    or surface in surnames:
                continue
            label = corrected_label(text, start, end, labels.get(surface, span.label))
            if label is None:
                continue
            if label == "PERSON":
                name = canonical.strip_title(surface)
                if len(name.split()) == 1:
                    pending_surnames.append((start + len(surface) - len(name), end, name))
                    continue
                entity = canonical.named_entity(name, "PERSON")
                start = self._title_start(text, start)
            else:
                entity = canonical.named_entity(surface, label)
            entity = self.gazetteer.get(entity.entity_id) or new.get(entity.entity_id) or entity
            if entity.entity_id not in self.gazetteer:
                new[entity.entity_id] = entity
            mentions.append(Mention(entity.entity_id, text[start:end], start, end))
            taken.append((start, end))
        for m in mentions:  # "Lake Chad": in the country it is named after
            if (m.start, m.end) in countries and m.entity_id in new and new[m.entity_id].country_code is None:
                new[m.entity_id] = replace(new[m.entity_id], country_code=countries[(m.start, m.end)])
        lookup = {**self.gazetteer, **new}
        mentions += _repeated_mentions(text, mentions, new)
        mentions += self._surname_mentions(text, mentions, lookup, pending_surnames)
        mentions += self._acronym_mentions(text, mentions, lookup)
        mentions = _without_overlaps(mentions)
        mentions = alias_senses.settle(text, mentions, lambda entity_id: lookup[entity_id].country_code)  # "ADF"
        # "RUSSIA: Our forces ...": a transcript's delegation, no place
        mentions = speaker_labels.without_speakers(text, mentions, lambda entity_id: lookup[entity_id].is_country)
        mentions = _known_kinds(text, mentions, lookup)
        new = {m.entity_id: lookup[m.entity_id] for m in mentions if m.entity_id not in self.gazetteer}
        return mentions, new

    def _layout_and_nesting(self, text: str, spans: list[NerSpan], ner_from: int,
                            mentions: list[Mention]) -> tuple[list[Mention], list[NerSpan]]:
        """The mentions and model spans with the places heading a line added (`entity_layout`: a
        section heading in capitals, "Borno:") and the gazetteer's places inside a longer name the
        model read dropped (`nested_names`: "Lake Chad", "Armed Forces of Niger")."""
        spans = nested_names.with_place_of_name(text, spans)
        spans += nested_names.feature_names(text, spans)
        taken = [(m.start, m.end) for m in mentions] + [(s.start, s.end) for s in spans]
        for start, end, name in entity_layout.heading_places(text, taken, self._by_alias.__contains__):
            if start < ner_from:
                continue
            if name in self._by_alias:
                mentions.append(Mention(self._by_alias[name], text[start:end], start, end))
            else:
                spans.append(NerSpan(start, end, text[start:end], "GPE"))
        inside = nested_names.inside_longer_names(text, spans, mentions,
                                                  lambda entity_id: self.gazetteer[entity_id].entity_type)
        return [m for m in mentions if m not in inside], sorted(spans, key=lambda s: s.start)

    def _outside_longer_names(self, text: str, spans: list[NerSpan], ner_from: int,
                              mentions: list[Mention]) -> list[Mention]:
        """The gazetteer's mentions without those inside a longer organisation name the model read
        whole: "the African Union's Peace and Security Council" is no United Nations ("Security
        Council"), "the Syrian Observatory for Human Rights" adds no "Syrian" (nested names are not
        split: ../shared/gold/ANNOTATION.md). The longer name must add a capitalised word of its own
        that does not merely open the sentence ("Suspected Allied Democratic Forces" stays the ADF)."""
        explained = explained_words()
        inside: set[Mention] = set()
        for span in spans:
            if span.label != "ORG" or span.start < ner_from:
                continue
            start, end = canonical.clean_span(text, span.start, span.end)
            if any(c in text[start:end] for c in "\n/"):  # "Houthi/Saleh forces" are two
                continue
            inner = [m for m in mentions if start <= m.start and m.end <= end and (m.start, m.end) != (start, end)]
            # a place inside stays a place ("Al-Hudaydah Radio", "Islamic State Somalia Province"): where it happened,
            # unless the name is set out as one (its acronym after it, a credit in parentheses: "UKMTO")
            # or a name set out as one ("United Nations Support Mission in Libya", "the monitoring group Sahel
            # Conflict Watch": name_spans)
            defined = alias_senses.defined_name(text, start, end) or name_spans.named_as_one(text, start, end)
            if not inner or any(m.start < end and start < m.end and m not in inner for m in mentions) \
                    or not defined and any(self.gazetteer[m.entity_id].entity_type not in ("ORG", "NORP") for m in inner):
                continue
            # a participle describes the actor, no name has it: "Presumed JNIM", "Suspected ADF"
            own = [w for w in _CAPITALISED_WORD.finditer(text, start, end)
                   if not any(m.start <= w.start() < m.end for m in inner) and not w.group(0).endswith("ed")
                   and w.group(0).rstrip(".") not in explained and not _opens_sentence(text, w.start())]
            if own:
                inside.update(inner)
                for at, stop, _ in _word_matches(text, [text[start:end]]) if defined else ():
                    inside.update(m for m in mentions if at <= m.start and m.end <= stop)  # "Sahel Wire" again
        return [m for m in mentions if m not in inside]

    def _is_country(self, entity_id: str) -> bool:
        entity = self.gazetteer.get(entity_id)
        return entity is not None and entity.is_country

    def _mention(self, start: int, end: int, text: str) -> Mention:
        entity_id = self._by_alias[_plain_quotes(text[start:end])]
        if self.gazetteer[entity_id].entity_type == "PERSON":
            start = self._title_start(text, start)
        # an alias with a lower-case area noun ("Anbar province") names the area without it, as the
        # annotation does ("the Sagaing region" is "Sagaing": ../shared/gold/ANNOTATION.md)
        end -= name_kinds.area_noun_tail(text[start:end])
        return Mention(entity_id, text[start:end], start, end)

    def _title_start(self, text: str, start: int) -> int:
        """Where a person's name at `start` begins with its formal title ("Maj. Gen. Antonio
        Nafarrete", "Interior Minister Kithure Kindiki"); a known name before "Minister" is no
        portfolio ("Kenyan Minister X": the Kenyan stays a NORP mention)."""
        title = self._title_before.search(text, max(0, start - 40), start)
        if not title:
            return start
        first = title.group(0).split()[0]
        return title.start() + len(first) + 1 if first in self._by_alias and len(title.group(0).split()) > 1 \
            and title.group(0).split()[1] == "Minister" else title.start()

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


def dateline_place_parts(dateline: str) -> list[tuple[int, int]]:
    """(start, end) of each place of a dateline's comma-separated parts, before its agency or date:
    "CAMP SIONGCO, Datu Odin Sinsuat" gives both names, "MAIDUGURI, Nigeria, 14 March 2024
    (Reuters)" the city and the country; a date, a weekday or a lower-case part is no place."""
    out = []
    explained = explained_words()
    for part in re.finditer(r"[^,(—–]+", dateline.split("(")[0]):
        name = part.group(0).strip(" -:")  # "PESHAWAR:"
        words = name.split()
        if not words or not name[0].isupper() or any(w.rstrip(".") in explained or w[0].isdigit() for w in words):
            continue
        start = part.start() + part.group(0).index(name)
        out.append((start, start + len(name)))
    return out


def dated_line_places(text: str, found: list[Mention]) -> list[NerSpan]:
    """ "Maputo, 31 May 2024" on a line of its own (a statement's dateline or sign-off): the name
    before the date is where it was issued, a place (a NerSpan labelled GPE for `resolve`)."""
    explained = explained_words()
    out = []
    for m in _DATED_LINE.finditer(text):
        words = m.group(1).split()
        if any(w.rstrip(".") in explained for w in words) \
                or (len(words) == 1 and is_common(words[0].lower()) and not geonames_city_by_name(words[0])) \
                or any(f.start < m.end(1) and m.start(1) < f.end for f in found):
            continue
        out.append(NerSpan(m.start(1), m.end(1), m.group(1), "GPE"))
    return out


def institution_names(text: str, spans: list[NerSpan], found: list[Mention]) -> list[NerSpan]:
    """ "the Balochistan High Court", "the Kivu Provincial Assembly": a capitalised name after "the"
    that ends in the noun of a public body is an organisation, where the model proposed nothing
    there (it misses such names beside a place name); NerSpans labelled ORG for `resolve`."""
    out = []
    for m in _institution().finditer(text):
        start, end = m.span(1)
        if not any(s.start < end and start < s.end for s in spans) and not any(f.start < end and start < f.end for f in found):
            out.append(NerSpan(start, end, m.group(1), "ORG"))
    return out


def _area_pair_spans(text: str, spans: list[NerSpan], found: list[Mention]) -> list[NerSpan]:
    """GPE NerSpans for the names before a plural area noun ("the Donetsk and Luhansk regions",
    `name_kinds.area_pairs`) and of a Title Case dateline ("Culiacán, Sinaloa.-": `name_kinds.opening_places`)
    that neither the model nor the gazetteer read."""
    taken = [(s.start, s.end) for s in spans] + [(m.start, m.end) for m in found]
    return [NerSpan(a, b, text[a:b], "GPE") for a, b in name_kinds.area_pairs(text) + name_kinds.opening_places(text)
            if not any(s < b and a < e for s, e in taken)]


def _known_kinds(text: str, mentions: list[Mention], lookup: dict[str, Entity]) -> list[Mention]:
    """The mentions with the gazetteer's demonyms that name a language dropped ("translated from
    Spanish") and a sea's or feature's name before an area noun that GeoNames has as a first-level
    area made that area ("Red Sea state": the Sudanese state, a GPE of its country); `lookup`
    gains the new areas."""
    out = []
    for m in mentions:
        entity = lookup[m.entity_id]
        if entity.entity_type == "NORP" and name_kinds.names_language(text, m.start, m.end):
            continue
        area = name_kinds.admin_area(text, m.start, m.end) if entity.entity_type in ("LOC", "ORG") else None
        if area is not None:
            place = replace(canonical.named_entity(m.surface, "GPE"), country_code=area.country_code)
            lookup.setdefault(place.entity_id, place)
            m = Mention(place.entity_id, m.surface, m.start, m.end)
        out.append(m)
    return out


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` is the first of its sentence, line or dateline-led paragraph."""
    before = text[:at].rstrip(" \t\"“‘'(")
    return not before or before[-1] in "\n.!?:;—–-"


def _consistent_labels(text: str, spans: list[NerSpan]) -> dict[str, str]:
    """surface -> "GPE" for a name the model reads as a place somewhere in the article and
    as an organisation or person elsewhere ("Residents flee Nganzai" after "Nganzai local government
    area"): one name of one article is one thing, and the place reading is the one its context
    supports (the model guesses ORG for an unknown word in a headline)."""
    out: dict[str, str] = {}
    for span in spans:
        if span.label == "GPE" and "\n" not in span.text:
            start, end = canonical.clean_span(text, span.start, span.end)
            # one word, or a town GeoNames knows: "the Southern Resistance" read once as a place is no place
            if " " not in text[start:end] or geonames_city_by_name(text[start:end]):
                out[text[start:end]] = "GPE"
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
_PORTFOLIO_TITLE = r"(?<![\w.])[A-Z][a-z]+ Minister"
_ORDINAL_NAME = re.compile(r"\d+(?:st|nd|rd|th) [A-Z]")  # "6th Infantry Division", "101st Airborne Division"
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’.-]*")
_MONTHS = "|".join(w for words in month_words() for w in words)  # "January" ... "Dec", "Sept"
_DATED_LINE = re.compile(rf"(?m)^([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){{0,3}}),[ \t]+"
                         rf"(?=\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})\b|(?:{_MONTHS})\.? \d{{1,2}}\b)")


@cache
def _institution() -> re.Pattern:
    """ "the " and up to three capitalised words ending in a public body's noun (name_spans.json
    institution_heads), not before "of"."""
    heads = "|".join(map(re.escape, json.loads(data_text("en/name_spans.json"))["institution_heads"]))
    return re.compile(rf"\bthe ((?:[A-Z][\w'’-]+ ){{1,3}}(?:{heads}))\b(?! of\b)")


def _plain_quotes(text: str) -> str:
    return text.replace("’", "'")


@cache
def _ner_stoplist() -> frozenset[str]:
    return frozenset(word_list("ner_stoplist.txt"))


@cache
def default_matcher() -> EntityMatcher:
    return EntityMatcher(load_gazetteer())
