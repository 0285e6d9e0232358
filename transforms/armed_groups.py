"""Armed groups and forces as gazetteer entities, named regardless of case (component `attacks`).

The NER model misses or mistypes the names of many armed groups: lower-case ("al-Shabaab"),
acronyms ("JNIM", "ISWAP"), names with digits ("M23") or Arabic particles ("Hayat Tahrir
al-Sham" read as the place "Sham"). transforms/data/<lang>/armed_groups.jsonl lists them, with
their ACLED actor category, for many conflicts: an EntityRuler-style addition to the
gazetteer, so that they are organisations, and actors, whatever the model makes of them.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.gazetteer import Entity
from transforms.resources import jsonl, word_list
from transforms.wordtrie import trie_pattern

LANGUAGE = "en"
_SEPARATOR = re.compile(r"[\s\-‐‑–]+")
# a space or a hyphen of an alias matches either in the text; either apostrophe matches
_SPELLED = {" ": r"[\s\-‐‑–]+", "'": "['’]"}


def caseless_key(surface: str) -> str:
    """How a caseless alias and a surface that matches it compare: lower case, one space for
    each run of spaces and hyphens, straight apostrophes ("Al-Shabaab" -> "al shabaab")."""
    return _SEPARATOR.sub(" ", surface.replace("’", "'")).lower()


@cache
def _lines() -> tuple[dict, ...]:
    return jsonl(f"{LANGUAGE}/armed_groups.jsonl")


def entities() -> list[Entity]:
    """One ORG entity per line, with its `exact` aliases (matched as written; its name matches
    only as one of its aliases: "National Liberation Army" is more than one group);
    source "armed_groups"; no country (an organisation's country hints where the article's
    places lie, and armed groups cross borders). Its caseless aliases are `caseless_aliases`' business."""
    return [Entity(r["id"], r["name"], "ORG", None, None, None, tuple(r.get("exact", [])), "armed_groups")
            for r in _lines()]


@cache
def kinds() -> dict[str, str]:
    """entity id -> ACLED actor category (State forces, Rebel group, Political militia,
    Identity militia, External/Other forces)."""
    return {r["id"]: r["kind"] for r in _lines()}


@cache
def caseless_aliases() -> dict[str, str]:
    """`caseless_key` of each alias matched regardless of case -> entity id."""
    out: dict[str, str] = {}
    for r in _lines():
        for alias in r.get("aliases", []):
            out.setdefault(caseless_key(alias), r["id"])
    return out


@cache
def caseless_alternatives() -> str | None:
    """The regex, without flags or word boundaries, of every caseless alias as `caseless_key`
    spells it (a space or hyphen for either, either apostrophe); to be compiled with re.I;
    None when there is none. Its match's `caseless_key` is a key of `caseless_aliases`."""
    keys = caseless_aliases()
    return trie_pattern(keys, _SPELLED) if keys else None


@cache
def caseless_pattern() -> re.Pattern | None:
    """One case-insensitive pattern of every caseless alias (whole words), or None when none."""
    alternatives = caseless_alternatives()
    if alternatives is None:
        return None
    # "al-Qaeda-linked", "Hamas-run": a hyphen and a word of affiliation (data/en/affiliation_suffixes.txt) end the name
    affiliation = "|".join(sorted(set(word_list(f"{LANGUAGE}/affiliation_suffixes.txt")), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-]){alternatives}(?![\w]|['’](?!s\b)|-(?!(?-i:{affiliation})\b)[A-Za-z])", re.I)


@cache
def exact_aliases() -> dict[str, str]:
    """Each `exact` alias, as written (straight apostrophes) -> entity id."""
    out: dict[str, str] = {}
    for r in _lines():
        for alias in r.get("exact", []):
            out.setdefault(alias, r["id"])
    return out


@cache
def shared_acronyms() -> dict[str, tuple[str, ...]]:
    """Each `exact` alias that several lines list ("ADF") -> their ids, in file order (the first is
    its usual sense, the one `exact_aliases` and country evidence read; transforms/alias_senses.py
    picks an article's)."""
    ids: dict[str, list[str]] = {}
    for r in _lines():
        for alias in r.get("exact", []):
            ids.setdefault(alias, []).append(r["id"])
    return {alias: tuple(v) for alias, v in ids.items() if len(v) > 1}


@cache
def countries() -> dict[str, tuple[str, ...]]:
    """entity id -> the ISO2 codes of the countries the group fights in (`countries` of
    armed_groups.jsonl), for each group that has them (they are few)."""
    return {r["id"]: tuple(r["countries"]) for r in _lines() if r.get("countries")}


@cache
def country_shares() -> dict[str, dict[str, float]]:
    """entity id -> ISO2 code -> the share of the group's activity in that country
    (`country_shares` of armed_groups.jsonl, from the public counts its `shares_source` cites),
    for each group of several countries that has them; equal shares for one that has none."""
    return {r["id"]: dict(r.get("country_shares") or {cc: 1.0 / len(r["countries"]) for cc in r["countries"]})
            for r in _lines() if r.get("countries")}


@cache
def country_evidence() -> dict[str, tuple[str, ...]]:
    """Surface -> the ISO2 codes of the countries the group fights in (`countries` of
    armed_groups.jsonl), for every name, alias and exact alias of a group that has them: a
    group's name in a text that names no place is evidence of the event's country ("JNIM":
    Mali, Burkina Faso, Niger). The one source of that knowledge: transforms/country_evidence.py
    finds it in a text through `caseless_alternatives` and `exact_aliases`."""
    out: dict[str, tuple[str, ...]] = {}
    for r in _lines():
        if r.get("countries"):
            for surface in [r["name"], *r.get("aliases", []), *r.get("exact", [])]:
                out.setdefault(surface, tuple(r["countries"]))
    return out
