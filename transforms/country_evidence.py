"""Evidence of a text's country that names no place: national forces, police and institutions,
currencies (data/country_evidence.csv), and armed groups of a few countries
(data/en/armed_groups.jsonl `countries`, through `transforms.armed_groups`).

A note often names no place the gazetteer knows ("Grenade attack on a KDF soldier", "a ransom of
two million naira"); such names still say which country it is about. They are evidence of *who*
and *with what money*, not of where: `transforms.geo` weighs them as an actor's country, so any
place the text names outweighs them ("Ethiopian National Defense Force troops in Baidoa").
"""

from __future__ import annotations

import re
from functools import cache

from transforms import armed_groups
from transforms.resources import csv_rows
from transforms.wordtrie import trie_pattern

# a currency counts only after an amount ("two million naira", "500 kyats"), not as a word alone
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:hundred|thousand|million|billion|[a-z]+ty|one|two|three|four|five|six|seven|"
                            r"eight|nine|ten|eleven|twelve|dozen|[mb]n?))[\s,.]*$", re.I)
# Whole words; a hyphen may join them to another word and a possessive may follow: "M23-held",
# "anti-Boko Haram operations", "KDF's camp" still say the country (unlike an actor's name,
# armed_groups.caseless_pattern, for which "pro-Shabaab" is a stance, not the group).
_BEFORE = r"(?<![\w'’])"
_AFTER = r"(?![\w]|['’](?!s\b))"
_APOSTROPHE = {"'": "['’]"}  # a straight apostrophe matches a curly one too

Match = tuple[int, int, tuple[str, ...], str]


@cache
def _table() -> tuple[re.Pattern, dict[str, tuple[tuple[str, ...], str]]]:
    by_alias: dict[str, tuple[tuple[str, ...], str]] = {}
    for row in csv_rows("country_evidence.csv"):
        for alias in row["aliases"].split("|"):
            if alias:
                by_alias.setdefault(alias, (tuple(row["country_code"].split("|")), row["kind"]))
    alternatives = trie_pattern(by_alias, _APOSTROPHE)
    return re.compile(rf"{_BEFORE}{alternatives}{_AFTER}"), by_alias


@cache
def _group_patterns() -> tuple[re.Pattern | None, re.Pattern | None]:
    """(caseless, exact) patterns of the armed groups' names, as armed_groups matches them."""
    caseless = armed_groups.caseless_alternatives()
    exact = [alias for alias, gid in armed_groups.exact_aliases().items() if gid in armed_groups.countries()]
    return (re.compile(rf"{_BEFORE}{caseless}{_AFTER}", re.I) if caseless else None,
            re.compile(rf"{_BEFORE}{trie_pattern(exact, _APOSTROPHE)}{_AFTER}") if exact else None)


def _groups(body: str, start: int, end: int) -> list[Match]:
    caseless, exact = _group_patterns()
    by_id = armed_groups.countries()
    out = []
    for m in caseless.finditer(body, start, end) if caseless else ():
        gid = armed_groups.caseless_aliases().get(armed_groups.caseless_key(m.group(0)))
        if gid in by_id:  # a group of many countries ("Islamic State") is no evidence of one
            out.append((m.start(), m.end(), by_id[gid], "group"))
    for m in exact.finditer(body, start, end) if exact else ():
        out.append((m.start(), m.end(), by_id[armed_groups.exact_aliases()[m.group(0).replace("’", "'")]], "group"))
    return out


def evidence_weights(body: str) -> dict[str, float]:
    """Country -> weight (at most 1) of the article's evidence without a place: each distinct name
    counts once, shared among its countries ("JNIM": a third each to Mali, Burkina Faso, Niger)."""
    out: dict[str, float] = {}
    for countries in {(body[s:e], cc) for s, e, cc, _ in country_evidence(body)}:
        for cc in countries[1]:
            out[cc] = min(1.0, out.get(cc, 0.0) + 1.0 / len(countries[1]))
    return out


def country_evidence(body: str, start: int = 0, end: int | None = None) -> list[Match]:
    """(start, end, ISO2 country codes, kind) of each name of body[start:end] that says its country
    without naming a place, in text order, none overlapping another (the longer wins). kind is
    data/country_evidence.csv's (forces, police, institution, currency), matched exactly and
    case-sensitively, or "group": an armed group of armed_groups.jsonl that has `countries`
    (several codes for one that fights in a few neighbouring countries), its aliases matched
    regardless of case, its `exact` aliases as written."""
    pattern, by_alias = _table()
    end = len(body) if end is None else end
    found = []
    for m in pattern.finditer(body, start, end):
        countries, kind = by_alias[m.group(0).replace("’", "'")]
        if kind == "currency" and not _AMOUNT_BEFORE.search(body[max(0, m.start() - 25):m.start()]):
            continue
        found.append((m.start(), m.end(), countries, kind))
    found += _groups(body, start, end)
    out: list[Match] = []
    for match in sorted(found, key=lambda f: (f[0], f[0] - f[1])):  # stable: the table's first on a tie
        if not out or match[0] >= out[-1][1]:
            out.append(match)
    return out
