"""Evidence of a text's country that names no place: national forces, police and institutions,
armed groups of one country, currencies (data/country_evidence.csv).

A note often names no place the gazetteer knows ("Grenade attack on a KDF soldier", "a ransom of
two million naira"); such names still say which country it is about. They are evidence of *who*
and *with what money*, not of where: `transforms.geo` weighs them as an actor's country, so any
place the text names outweighs them ("Ethiopian National Defense Force troops in Baidoa").
"""

from __future__ import annotations

import re
from functools import cache

from transforms.resources import csv_rows
from transforms.wordtrie import trie_pattern

# a currency counts only after an amount ("two million naira", "500 kyats"), not as a word alone
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:hundred|thousand|million|billion|[a-z]+ty|one|two|three|four|five|six|seven|"
                            r"eight|nine|ten|eleven|twelve|dozen|[mb]n?))[\s,.]*$", re.I)


@cache
def _table() -> tuple[re.Pattern, dict[str, tuple[tuple[str, ...], str]]]:
    by_alias: dict[str, tuple[tuple[str, ...], str]] = {}
    for row in csv_rows("country_evidence.csv"):
        for alias in row["aliases"].split("|"):
            if alias:
                by_alias.setdefault(alias, (tuple(row["country_code"].split("|")), row["kind"]))
    # after the name a hyphen may follow ("M23-held"); a straight apostrophe matches a curly one too
    alternatives = trie_pattern(by_alias, {"'": "['’]"})
    return re.compile(rf"(?<![\w'’]){alternatives}(?![\w'’])"), by_alias


def evidence_weights(body: str) -> dict[str, float]:
    """Country -> weight (at most 1) of the article's evidence without a place: each distinct name
    counts once, shared among its countries ("JNIM": a third each to Mali, Burkina Faso, Niger)."""
    out: dict[str, float] = {}
    for countries in {(body[s:e], cc) for s, e, cc, _ in country_evidence(body)}:
        for cc in countries[1]:
            out[cc] = min(1.0, out.get(cc, 0.0) + 1.0 / len(countries[1]))
    return out


def country_evidence(body: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, tuple[str, ...], str]]:
    """(start, end, ISO2 country codes, kind) of each name of body[start:end] that says its country
    without naming a place (several codes for a group that fights in a few neighbouring
    countries); kind is data/country_evidence.csv's (forces, police, institution, group,
    currency). Matches are exact and case-sensitive."""
    pattern, by_alias = _table()
    out = []
    for m in pattern.finditer(body, start, len(body) if end is None else end):
        countries, kind = by_alias[m.group(0).replace("’", "'")]
        if kind == "currency" and not _AMOUNT_BEFORE.search(body[max(0, m.start() - 25):m.start()]):
            continue
        out.append((m.start(), m.end(), countries, kind))
    return out
