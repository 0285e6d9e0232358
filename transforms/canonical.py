"""Canonical entities for names the gazetteer lacks (found by the NER model).

Rules, each general: titles are stripped from a person's canonical name but stay attached to
the mention; a nickname is read as its formal name for the key ("Pat" = "Patrick"); a surname
alone refers to the person named in full in the same article; "Name (ACRONYM)" makes the
acronym an alias; places are looked up in GeoNames (coordinates, country) and countries in
ISO 3166 (pycountry). Ids are content keys, so the same name gets the same id in every run.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from transforms.gazetteer import Entity, geonames_city_by_name
from transforms.resources import csv_rows, word_list

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")


@cache
def _nicknames() -> dict[str, str]:
    return {r["nickname"]: r["formal"] for r in csv_rows("nicknames.csv")}


@cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(word_list("titles.txt"), key=len, reverse=True))


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _article_spelled(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] opening with "The" is set out with an acronym that spells the
    article too ("The Resistance Front (TRF)"): the article is part of that name."""
    acronym = re.match(r"\s*\(([A-Z]{2,9})\)", text[end:end + 14])
    words = [w for w in re.split(r"[\s-]+", text[start:end]) if w[:1].isupper()]
    return bool(acronym) and words[:1] in (["The"], ["THE"]) and "".join(w[0] for w in words) == acronym.group(1)


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive from a proposed name span."""
    surface = text[start:end]
    lead = _LEADING.match(surface)
    if lead and not _article_spelled(text, start, end):
        start += lead.end()
    trail = _TRAILING.search(text[start:end])
    if trail:
        end -= len(trail.group(0))
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    return start, end


def strip_title(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for title in _titles():
            if name.startswith(title + " ") and len(name) > len(title) + 1:
                name = name[len(title) + 1:]
                changed = True
    return name


def surname(name: str) -> str | None:
    """The part of a full name an article uses alone: "Ryder", "von der Leyen"; None for one word."""
    parts = name.split()
    if len(parts) < 2:
        return None
    return " ".join(parts[1:]) if parts[1][0].islower() else parts[-1]


def person_key(name: str) -> str:
    parts = name.split()
    if len(parts) >= 2:
        parts[0] = _nicknames().get(parts[0], parts[0])
    return f"person:{slug(' '.join(parts))}"


def place_entity(name: str, label: str) -> Entity:
    """A place the gazetteer lacks: a country (ISO 3166), else a GeoNames city, else a bare name."""
    import pycountry

    if label == "GPE":
        try:
            country = pycountry.countries.lookup(name)
            # an ISO code is a country only in capitals ("USA", "DRC"'s "COD"): "Bol" in Chad, "Al" is no
            # Bolivia, no Albania
            if name.isupper() or name.casefold() not in {country.alpha_2.casefold(), country.alpha_3.casefold()}:
                return Entity(f"gpe:{country.alpha_2.lower()}", getattr(country, "common_name", country.name), "GPE",
                              country.alpha_2, None, None, (name,), "pycountry")
        except LookupError:
            pass
    city = geonames_city_by_name(name)
    if city is not None:
        return Entity(f"gpe:geonames-{city['geonameid']}", city["name"], "GPE", city["countrycode"],
                      city["latitude"], city["longitude"], (name,), "geonames")
    return Entity(f"{label.lower()}:{slug(name)}", name, label, None, None, None, (name,), "ner")


def named_entity(name: str, label: str) -> Entity:
    if label == "PERSON":
        return Entity(person_key(name), name, "PERSON", None, None, None, (name,), "ner")
    if label in ("GPE", "LOC", "FAC"):
        return place_entity(name, label)
    return Entity(f"{label.lower()}:{slug(name)}", name, label, None, None, None, (name,), "ner")
