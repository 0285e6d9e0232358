"""Helpers the tests share: one text run through the attack or the tally rules, as the pipeline's
events stage runs them on an article (sentences, gazetteer mentions, time expressions); the NER
model's spans given by hand; a query of a run's warehouse.

Each test module keeps its own publication day and window (`Window(PUB, PUB)`: the day the
undated articles of its examples were written in); these helpers take them as arguments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from transforms.attacks import extract_attacks
from transforms.entities import Mention, default_matcher
from transforms.gazetteer import Entity
from transforms.event_dates import Window, tag_article
from transforms.gazetteer import load_gazetteer
from transforms.ner import NerSpan
from transforms.sentences import split_sentences
from transforms.tallies import extract_tallies


def attacks_in(text: str, published: dt.date | None, window: Window | None = None) -> list:
    """The attack events `extract_attacks` reads in `text` published on `published`, with the
    gazetteer's mentions and the time expressions tagged in `window` (default: the day published)."""
    window = window or Window(published, published)
    return extract_attacks(text, split_sentences(text), default_matcher().find(text), load_gazetteer(), published,
                           window, tag_article(text, published, window))


def tallies_in(text: str, published: dt.date | None, window: Window | None = None) -> list:
    """The tallies `extract_tallies` reads in `text`, as `attacks_in` reads its events."""
    window = window or Window(published, published)
    return extract_tallies(text, split_sentences(text), default_matcher().find(text), load_gazetteer(), published,
                           tag_article(text, published, window))


def ner_spans(text: str, given: tuple[tuple[str, str], ...]) -> list[NerSpan]:
    """The model's spans given as (surface, label), each where its surface first stands in `text`
    (ValueError when it does not)."""
    out = []
    for surface, label in given:
        at = text.index(surface)
        out.append(NerSpan(at, at + len(surface), surface, label))
    return out


def resolved_with(text: str, given: tuple[tuple[str, str], ...]) -> list[tuple[Mention, Entity]]:
    """Every mention `EntityMatcher.resolve` finds in `text` with the model's spans `given` (as
    `ner_spans`), and its entity: the gazetteer's or one the text itself names."""
    mentions, new = default_matcher().resolve(text, ner_spans(text, given))
    lookup = {**default_matcher().gazetteer, **new}
    return [(m, lookup[m.entity_id]) for m in mentions]


def warehouse_rows(data_dir: Path, sql: str) -> list[tuple]:
    """The rows of `sql` on the warehouse of the data directory `data_dir`, opened read-only."""
    import duckdb

    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
