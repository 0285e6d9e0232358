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
from functools import cache, lru_cache

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
# a match with the share of each of its countries (a group's `country_shares`; equal for a row of
# country_evidence.csv that names several, unless its `shares` column says otherwise)
_Weighed = tuple[int, int, tuple[str, ...], str, tuple[float, ...]]


@cache
def _table() -> tuple[re.Pattern, dict[str, tuple[tuple[str, ...], str, tuple[float, ...]]]]:
    by_alias: dict[str, tuple[tuple[str, ...], str, tuple[float, ...]]] = {}
    for row in csv_rows("country_evidence.csv"):
        codes = tuple(row["country_code"].split("|"))
        shares = tuple(float(x) for x in row["shares"].split("|")) if row.get("shares") else (1.0 / len(codes),) * len(codes)
        for alias in row["aliases"].split("|"):
            if alias:
                by_alias.setdefault(alias, (codes, row["kind"], shares))
    alternatives = trie_pattern(by_alias, _APOSTROPHE)
    return re.compile(rf"{_BEFORE}{alternatives}{_AFTER}"), by_alias


@cache
def _group_patterns() -> tuple[re.Pattern | None, re.Pattern | None]:
    """(caseless, exact) patterns of the armed groups' names, as armed_groups matches them."""
    caseless = armed_groups.caseless_alternatives()
    exact = [alias for alias, gid in armed_groups.exact_aliases().items() if gid in armed_groups.countries()]
    return (re.compile(rf"{_BEFORE}{caseless}{_AFTER}", re.I) if caseless else None,
            re.compile(rf"{_BEFORE}{trie_pattern(exact, _APOSTROPHE)}{_AFTER}") if exact else None)


def _groups(body: str, start: int, end: int) -> list[_Weighed]:
    caseless, exact = _group_patterns()
    by_id = armed_groups.countries()
    shares = armed_groups.country_shares()

    def weighed(s: int, e: int, gid: str) -> _Weighed:
        return s, e, by_id[gid], "group", tuple(shares[gid][cc] for cc in by_id[gid])

    out = []
    for m in caseless.finditer(body, start, end) if caseless else ():
        gid = armed_groups.caseless_aliases().get(armed_groups.caseless_key(m.group(0)))
        if gid in by_id:  # a group of many countries ("Islamic State") is no evidence of one
            out.append(weighed(m.start(), m.end(), gid))
    for m in exact.finditer(body, start, end) if exact else ():
        out.append(weighed(m.start(), m.end(), armed_groups.exact_aliases()[m.group(0).replace("’", "'")]))
    return out


def evidence_weights(body: str, which: str = "all") -> dict[str, float]:
    """Country -> weight (at most 1) of the article's evidence without a place: each distinct name
    counts once. `which`: "all" names, a name of several countries divided equally among them
    (each country a group fights in is as possible a home for a place the text names); "one": only
    the names of one country (a national force, a currency, a group of one country); "several":
    only the names of several countries, divided by their shares ("Al Shabaab": 0.96 to Somalia,
    0.04 to Kenya, armed_groups.jsonl `country_shares`; a people's `shares` in
    country_evidence.csv): the likeliest country of a text that names nothing stronger."""
    out: dict[str, float] = {}
    for _, codes, shares in _distinct(body):
        if which == "one" and len(codes) > 1 or which == "several" and len(codes) == 1:
            continue
        for cc, share in zip(codes, shares if which == "several" else (1.0 / len(codes),) * len(codes)):
            out[cc] = min(1.0, out.get(cc, 0.0) + share)
    return out


@lru_cache(maxsize=8)  # geo asks for one article's weights a few times ("all", "one", "several")
def _distinct(body: str) -> frozenset[tuple[str, tuple[str, ...], tuple[float, ...]]]:
    """(surface, countries, shares) of each distinct name of the body that says a country."""
    return frozenset((body[s:e], cc, sh) for s, e, cc, _, sh in _evidence(body))


def country_evidence(body: str, start: int = 0, end: int | None = None) -> list[Match]:
    """(start, end, ISO2 country codes, kind) of each name of body[start:end] that says its country
    without naming a place, in text order, none overlapping another (the longer wins). kind is
    data/country_evidence.csv's (forces, police, institution, currency), matched exactly and
    case-sensitively, or "group": an armed group of armed_groups.jsonl that has `countries`
    (several codes for one that fights in a few neighbouring countries), its aliases matched
    regardless of case, its `exact` aliases as written."""
    return [match[:4] for match in _evidence(body, start, end)]


def _evidence(body: str, start: int = 0, end: int | None = None) -> list[_Weighed]:
    """`country_evidence` with the share of each match's countries."""
    pattern, by_alias = _table()
    end = len(body) if end is None else end
    found = []
    for m in pattern.finditer(body, start, end):
        countries, kind, shares = by_alias[m.group(0).replace("’", "'")]
        if kind == "currency" and not _AMOUNT_BEFORE.search(body[max(0, m.start() - 25):m.start()]):
            continue
        found.append((m.start(), m.end(), countries, kind, shares))
    found += _groups(body, start, end)
    out: list[_Weighed] = []
    for match in sorted(found, key=lambda f: (f[0], f[0] - f[1])):  # stable: the table's first on a tie
        if not out or match[0] >= out[-1][1]:
            out.append(match)
    return out
