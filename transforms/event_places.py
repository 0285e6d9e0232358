"""Where each attack event of an article is on the map (component `geo`, with `transforms.geo`).

`place_events` reads the events the extractor found, the article's mentions and the GeoNames
features `transforms.geo.resolve_article` chose, and gives each event its location, country and
`EventPlace` (first-level area, coordinates, ACLED's geo precision). The chain for an event whose
sentence names no place: the attack it continues, else the dateline, else the article's first
place, else the article's country (`_article_country`: its countries, demonyms, groups, national
forces and places, weighed; a group of several countries by its shares only when nothing
stronger speaks). The words and weights are data (data/geo_admin_affixes.json,
data/country_evidence.csv, data/en/armed_groups.jsonl, data/en/acled_subtypes.jsonl `stand_off`).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from functools import cache

from transforms import armed_groups, context, nested_names
from transforms.attack_rules import rules as attack_rules
from transforms.country_evidence import evidence_weights
from transforms.entities import Mention
from transforms.forces_abroad import abroad_forces
from transforms.geo import (BESIDE_BEFORE, NEAR_BEFORE, PLACE_TYPES, context_countries, national_noun, office_after,
                            stop_names)
from transforms.geonames import ADMIN1, ADMIN2, COUNTRY, PLACE, Feature, name_key
from transforms.resources import data_text


@dataclass(frozen=True)
class EventPlace:
    """Where an event is on the map: first-level area, coordinates, and ACLED's geo precision
    (1 the place itself, 2 near it / a district / the place of the attack it continues,
    3 a province or region / the article's dateline); None where only the country is known."""
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None



def place_events(body: str, events: list, mentions: list[Mention], features: dict[str, Feature], gazetteer,
                 dateline_end: int = 0) -> list[tuple[str | None, str | None, EventPlace]]:
    """(location_id, country_code, EventPlace) of each event of one article, in order.

    The location the event extractor chose is refined to the most specific place of the same
    sentence that lies inside it ("Jana Cabdalle" inside "Lower Juba"). A place with no country
    (a sea) takes the country of the place named beside it ("over the Red Sea near Eilat"). An
    event with no place takes the place of the attack it continues (the previous event of the
    article, precision 2), else the article's dateline place (3) or its first place (2; 3 for a province). The
    country is the location's country."""
    known = {**{m.entity_id: f for m in mentions if (f := _curated_feature(m.entity_id, gazetteer)) is not None},
             **features}
    places = sorted((m for m in mentions if m.entity_id in known and known[m.entity_id].level != COUNTRY),
                    key=lambda m: m.start)
    starts = [m.start for m in places]  # each event's sentence's places by bisection, not a scan of the article
    article_country, by_actors_only = _article_country(body, mentions, gazetteer, places, known, dateline_end)
    out: list[tuple[str | None, str | None, EventPlace]] = []
    for e in events:
        # "a Russian drone hit a bus": the attacker's own country, named only as an actor, is not where a strike
        # from afar hit ("Nigerian troops raided a camp" is still Nigeria: ground forces mostly fight at home);
        # a group of several countries the article names may still say ("a U.S. strike on Al Shabaab")
        fallback = article_country
        if by_actors_only and e.attacker_id == f"gpe:{(article_country or '').lower()}" \
                and e.sub_event_type in _stand_off_sub_events():
            fallback = _likeliest(evidence_weights(body, which="several"))
        loc = e.location_id
        feature = known.get(loc) if loc else None
        in_sentence = places[bisect.bisect_left(starts, e.start_char):bisect.bisect_left(starts, e.end_char)]
        unplaced = loc is None and e.country_code not in {known[m.entity_id].country_code for m in in_sentence}
        filed = [m for m in in_sentence if m.start >= dateline_end]
        if feature is not None and dateline_end and filed and len(filed) < len(in_sentence) \
                and not any(m.entity_id == loc for m in filed):
            # "BAMAKO, 5 May - ... a village in the Mopti region": the dateline says where the reporter
            # files from; the place the sentence names after it is where the attack was
            first = min(filed, key=lambda m: -1 if known[m.entity_id].level == PLACE else known[m.entity_id].level)
            loc, feature = first.entity_id, known[first.entity_id]  # (a curated place's id is its mention's)
        abroad = None if in_sentence else _national_place(body, e, mentions, gazetteer)
        if abroad is not None and abroad != (feature.country_code if feature is not None else e.country_code):
            # "Hezbollah later said it fired rockets at an Israeli army post": the sentence names no place, but a
            # country's post, town or soil, not the place of the attack before it (only the country is known)
            out.append((None, abroad, EventPlace(None, None, None, None)))
            continue
        if feature is None and in_sentence and (unplaced or loc and not (loc in gazetteer and gazetteer[loc].is_country)):
            # the place named is unknown to GeoNames, or the extractor kept only an actor's country
            # ("French forces struck ... (Tin-Akoff, Oudalan)"): the area that qualifies it, or the sentence's place
            feature = min((known[m.entity_id] for m in in_sentence), key=lambda f: -1 if f.level == PLACE else f.level)
            loc = next(m.entity_id for m in in_sentence if known[m.entity_id] is feature)
            out.append((loc, feature.country_code or e.country_code or None,
                        EventPlace(feature.admin1, feature.latitude, feature.longitude, max(2, _precision(feature, body, None)))))
            continue
        if feature is not None and not feature.country_code and feature.level != COUNTRY:
            # "in Port Sudan ..., the first attack on the Red Sea city": the sea names the city, not the attack's water
            land = _land_named_by_water(body, loc, in_sentence, known)
            if land is not None:
                loc, feature = land.entity_id, known[land.entity_id]
        water = _water_off(body, loc, [m for m in mentions if e.start_char <= m.start < e.end_char], places, known)
        if water is not None:
            # "attacked the bulk carrier off the port of Hodeidah ... in the Red Sea": at sea beside the place,
            # in no country (the gold's country is the sea: ../shared/gold/ANNOTATION.md)
            near = known.get(loc)
            lat, lon = (near.latitude, near.longitude) if near is not None and near.latitude is not None \
                else (known[water.entity_id].latitude, known[water.entity_id].longitude)
            out.append((water.entity_id, None, EventPlace(None, lat, lon, 2)))
            continue
        if feature is not None and feature.level != COUNTRY:
            inner = [known[m.entity_id] for m in in_sentence if feature.contains(known[m.entity_id])] \
                or _districts_of_its_province(feature, [known[m.entity_id] for m in in_sentence])
            if inner:
                feature = min(inner, key=lambda f: -1 if f.level == PLACE else f.level)
                loc = feature.entity_id
            mention = next((m for m in in_sentence if m.entity_id == loc), None)
            precision = _precision(feature, body, mention)
            if mention is not None and _qualifies_unknown(body, mention, mentions, known, gazetteer):
                precision = max(2, precision)  # "at Natan in Baringo": the place is inside it, not it
            if mention is not None and office_after().match(body, mention.end):
                precision = 3  # "Bungoma senator-elect": whose office, the area of the article rather than the scene
            if not feature.country_code:
                # "over the Red Sea near Eilat": the country of the place beside it; "in the Gulf of Aden off
                # Mukalla": at sea off it, in no country (placed at the place it is off)
                beside = next((m for m in in_sentence if known[m.entity_id].country_code
                               and BESIDE_BEFORE.search(body[max(0, m.start - 12):m.start])), None)
                if beside is not None and _water_words()[1].search(body, max(0, beside.start - 30), beside.start):
                    near = known[beside.entity_id]
                    out.append((loc, None, EventPlace(None, near.latitude, near.longitude, 2)))
                    continue
                out.append((loc, known[beside.entity_id].country_code if beside else e.country_code or None,
                            EventPlace(None, feature.latitude, feature.longitude, 2)))
                continue
        elif e.country_code is None or not _named_in_sentence(body, e, mentions, gazetteer):
            # the sentence names no place, not even a country, or its country is only an actor's
            # ("Somali police", "French forces"): the place of the attack it continues, or the article's
            actor_only = e.country_code is not None
            loc, feature, precision = _inherited(replace(e, country_code=None), out, places, known, dateline_end)
            if feature is None and actor_only:
                out.append((None, fallback, EventPlace(None, None, None, None)))
                continue
        if feature is None or feature.level == COUNTRY:
            country = e.country_code or (feature.country_code if feature else None) or fallback
            if feature is None and _only_a_group_says(body, e, mentions, gazetteer, dateline_end, country):
                country = None
            out.append((e.location_id, country, EventPlace(None, None, None, None)))
            continue
        out.append((loc, feature.country_code or e.country_code, EventPlace(feature.admin1, feature.latitude, feature.longitude, precision)))
    return out


@cache
def _water_words() -> tuple[re.Pattern, re.Pattern]:
    """(land_after, off_before) of data/en/waters.json: "the Red Sea city", "off the port of"."""
    raw = json.loads(data_text("en/waters.json"))
    alt = lambda ws: "|".join(sorted((r"\s+".join(map(re.escape, w.split())) for w in ws), key=len, reverse=True))  # noqa: E731
    return (re.compile(rf"\s+(?:{alt(raw['land_after'])})\b", re.I),
            re.compile(rf"\b(?:{alt(raw['off_before'])})\s+(?:the\s+)?$", re.I))


def _is_water(feature: Feature) -> bool:
    """A curated sea, gulf or strait: a place with coordinates and no country."""
    return not feature.country_code and feature.level == PLACE and feature.latitude is not None


def _land_named_by_water(body: str, loc: str, in_sentence: list[Mention], known: dict[str, Feature]) -> Mention | None:
    """The most specific place on land of the sentence when every mention of the water `loc` in it
    modifies a place noun ("the Red Sea city", "a Black Sea port"); None otherwise."""
    land_after, _ = _water_words()
    own = [m for m in in_sentence if m.entity_id == loc]
    land = [m for m in in_sentence if known[m.entity_id].country_code]
    if not own or not land or not all(land_after.match(body, m.end) for m in own):
        return None
    return min(land, key=lambda m: -1 if known[m.entity_id].level == PLACE else known[m.entity_id].level)


def _water_off(body: str, loc: str | None, in_sentence: list[Mention], places: list[Mention],
               known: dict[str, Feature]) -> Mention | None:
    """The water an event is in when its sentence puts it off a place on land ("off the port of
    Hodeidah", "off Eritrea") and the article names a sea: the water named in the sentence, else
    the article's first. None when the place is not named after "off" or the article names no
    water (then the coast's place and country stand, as ACLED codes "off the Benin coast")."""
    _, off_before = _water_words()
    if loc is None or not any(m.entity_id == loc and off_before.search(body, max(0, m.start - 30), m.start)
                              for m in in_sentence):
        return None
    waters = [m for m in in_sentence if m.entity_id in known and _is_water(known[m.entity_id])] \
        or [m for m in places if _is_water(known[m.entity_id])]
    return waters[0] if waters else None


def _districts_of_its_province(town: Feature, features: list[Feature]) -> list[Feature]:
    """ "In Al-Bayda, ... in Nati district": a town that shares its name with its first-level area
    (the province's seat) may be named for the province; the districts of that province among
    `features` that the town does not lie in are the more specific place ([] for any other town)."""
    if town.level != PLACE or not town.admin1 or name_key(town.name) != name_key(town.admin1):
        return []
    return [f for f in features if f.level == ADMIN2 and f.admin1_id == town.admin1_id and f.geonameid != town.admin2_id]


def _qualifies_unknown(body: str, mention: Mention, mentions: list[Mention], known: dict[str, Feature], gazetteer) -> bool:
    """Whether `mention` qualifies a place name just before it that GeoNames lacks ("Natan in
    Baringo", "Jamali hill of Qaifa district", "Hiilweyne village (Balcad, ...)")."""
    before = _UNKNOWN_BEFORE.search(body, max(0, mention.start - 50), mention.start) \
        or _UNKNOWN_COMMA_BEFORE.search(body, max(0, mention.start - 50), mention.start)
    if before is None or before.group(1).lower() in stop_names():
        return False
    s, e = before.span(1)
    # a name no mention covers (nobody knew it), or one only the model named, or a place GeoNames could not place
    return all(m.end <= s or e <= m.start or m.entity_id not in known and (g := gazetteer.get(m.entity_id)) is not None
               and (g.source == "ner" or g.entity_type in PLACE_TYPES and not g.is_country) for m in mentions)


# ("Kawangware, a suburb of Nairobi": an apposition names what the place is a part of)
_UNKNOWN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})(?:\s+[a-z]+){0,2}"
                             r"(?:\s*,\s*(?:a|an|the)\s+(?:[a-z]+\s+){1,2}(?:of|in)\s+(?:the\s+)?|"
                             r"\s*[(,]\s*|\s+(?:in|of|near)\s+(?:the\s+)?)$")
# "a base at Moqokori, in the Hiiraan region": after a comma only a name in a locative position (not
# "the house of Governor X, in Ataq city", "Y's inauguration, in Kabul city")
_UNKNOWN_COMMA_BEFORE = re.compile(r"\b(?:at|in|near|outside)\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3}),\s*"
                                   r"(?:in|near)\s+(?:the\s+)?$")


def _named_in_sentence(body: str, event, mentions: list[Mention], gazetteer) -> bool:
    """Whether the event's sentence names its country as a place ("in Somalia", "a Saudi town"),
    not only as an actor ("Somali forces", "Iran-backed")."""
    for m in mentions:
        e = gazetteer.get(m.entity_id)
        if (event.start_char <= m.start < event.end_char and e is not None and e.country_code == event.country_code
                and (e.entity_type in PLACE_TYPES and not context.is_modifier(body, m) and not context.is_affiliation(body, m)
                     or e.entity_type == "NORP" and national_noun().match(body, m.end))):
            return True
    return False


def _national_place(body: str, event, mentions: list[Mention], gazetteer) -> str | None:
    """The country of a demonym the event's sentence uses of a place ("an Israeli army post", "a Saudi
    town", `geo.national_noun`), if one country is so named; else None."""
    named = {e.country_code for m in mentions if event.start_char <= m.start < event.end_char
             and (e := gazetteer.get(m.entity_id)) is not None and e.entity_type == "NORP" and e.country_code
             and national_noun().match(body, m.end)}
    return next(iter(named)) if len(named) == 1 else None


def _only_a_group_says(body: str, event, mentions: list[Mention], gazetteer, dateline_end: int, country: str | None) -> bool:
    """Whether an event at a place GeoNames lacks beside a feature several countries share
    (`nested_names.is_shared`: "on Lake Chad near Baga Sola") has `country` from nothing but an armed
    group of several countries ("Boko Haram": Nigeria, Niger, Cameroon, Chad): no country, a place,
    a people or a force of one country names it, so no one country is known ("..., Nigerian officials
    said" names it)."""
    if country is None or not any(event.start_char <= m.start < event.end_char and (g := gazetteer.get(m.entity_id)) is not None
                                  and g.entity_type in PLACE_TYPES and nested_names.is_shared(m.surface) for m in mentions):
        return False
    return country not in context_countries(body, mentions, gazetteer, dateline_end) \
        and country not in evidence_weights(body, which="one")


@cache
def _stand_off_sub_events() -> frozenset[str]:
    """The ACLED sub-event types struck from afar (acled_subtypes.jsonl `stand_off`)."""
    return frozenset(r.sub_event_type for r in attack_rules().types if r.stand_off)


def _likeliest(weights: dict[str, float]) -> str | None:
    """The country of the highest weight, None on a tie or when there is none."""
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    return None if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1] else ranked[0][0]


def _article_country(body, mentions, gazetteer, places, known, dateline_end) -> tuple[str | None, bool]:
    """The country an article is about, for an event that names no place: the one its countries,
    demonyms, organisations and resolved places name most (None on a tie or when none is named);
    and whether only actors' demonyms name it ("a Russian drone", "French forces"): then it is no
    evidence of where an attack by that country's forces was (`place_events`)."""
    actors: dict[str, float] = {}
    votes = context_countries(body, mentions, gazetteer, dateline_end, actors, nationals=False)
    for cc in {e.country_code for m in mentions if m.entity_id in armed_groups.kinds()
               and (e := gazetteer.get(m.entity_id)) is not None and e.country_code}:
        # an armed group of the article ("Houthi forces") says where it fights as a demonym does, once,
        # more than a sponsor's or a target's demonym ("Saudi-affiliated troops"); a news agency does not
        votes[cc] = votes.get(cc, 0.0) + 0.5
    for cc, w in evidence_weights(body, which="one").items():
        votes[cc] = votes.get(cc, 0.0) + 0.5 * w  # a national force or currency ("KDF", "naira"), once, as an armed group
    for m in places:
        if known[m.entity_id].country_code:
            votes[known[m.entity_id].country_code] = votes.get(known[m.entity_id].country_code, 0.0) + 1.0
    for cc in abroad_forces(body, mentions, gazetteer) & votes.keys():
        if votes[cc] - actors.get(cc, 0.0) < 1e-9:
            # "French soldiers near the hamlet of X": forces that serve abroad say whose they are, not where
            del votes[cc]
    top = _likeliest(votes)
    if top is None:
        # nothing stronger speaks: a group or people of several countries, by its share in each (#14)
        for cc, w in evidence_weights(body, which="several").items():
            votes[cc] = votes.get(cc, 0.0) + 0.5 * w
        top = _likeliest(votes)
    if top is None:
        return None, False
    weight = votes[top]
    # (the dateline counts among `actors` too, but where the reporter files from is no attacker's country)
    by_actors = actors.get(top, 0.0) - (2.0 if any(m.start < dateline_end and (g := gazetteer.get(m.entity_id)) is not None
                                                   and g.country_code == top for m in mentions) else 0.0)
    # (a group that fights there says so too: "Somali forces struck Al Shabaab")
    return top, weight - by_actors < 1e-9 and top not in evidence_weights(body, which="several")


def _curated_feature(entity_id: str, gazetteer) -> Feature | None:
    """A place of the curated gazetteer (a base, a sea, a city) as a feature of its own coordinates."""
    e = gazetteer.get(entity_id)
    if e is None or e.entity_type not in PLACE_TYPES or e.latitude is None or e.is_country:
        return None
    return Feature(0, e.name, e.country_code or "", PLACE, None, None, None, e.latitude, e.longitude, 0)


def _precision(feature: Feature, body: str, mention: Mention | None) -> int:
    if feature.level == ADMIN1:
        return 3
    if feature.level == ADMIN2 or (mention and NEAR_BEFORE.search(body[max(0, mention.start - 25):mention.start])):
        return 2
    return 1


def _inherited(event, done, places, features: dict[str, Feature], dateline_end: int):
    """The place of the attack this event continues, else of the dateline, else the article's first place."""
    for loc, cc, where in reversed(done):
        if loc in features and where.geo_precision and (event.country_code in (None, cc)):
            return loc, features[loc], max(2, where.geo_precision)
    same_country = [m for m in places if event.country_code in (None, features[m.entity_id].country_code)]
    dateline = [m for m in same_country if m.start < dateline_end]
    pick = (dateline or same_country)[:1]
    if not pick:
        return event.location_id, None, None
    loc, feature = pick[0].entity_id, features[pick[0].entity_id]  # (a curated place's id is its mention's)
    if not dateline:  # ("In Al-Bayda, ... in Nati district. Two were killed.": the district, as in its sentence)
        district = next(iter(_districts_of_its_province(feature, [features[m.entity_id] for m in same_country])), None)
        loc, feature = (district.entity_id, district) if district is not None else (loc, feature)
    # (a province stands in for the place as a province does anywhere: precision 3, "Fighting in Lower Shabelle ...")
    return loc, feature, 3 if dateline or feature.level == ADMIN1 else 2
