"""The per-document stages of a run, each a pure function over a batch of drafts.

A `Draft` is one document on its way through the stages; each stage returns new drafts
with its fields filled. The flow calls one stage per task, so every stage can be run,
timed and tested alone. No clock and no I/O: today's date and the prior state come in
as arguments.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import ChainMap
from dataclasses import dataclass, field, replace

from transforms import dates
from transforms.attacks import AttackEvent, extract_attacks
from transforms.decode import decode_bytes
from transforms.dedup import link_duplicates, minhash_signature
from transforms.entities import Mention, default_matcher
from transforms.event_dates import Window, tag_article
from transforms.exceptions import RejectedInput
from transforms.gazetteer import Entity, load_gazetteer
from transforms.ner import find_names
from transforms.ner_gate import ner_regions
from transforms.parse import Article, parse_article
from transforms.sentences import split_sentences
from transforms.tallies import Tally, extract_tallies

DOC_ID_CHARS = 16


@dataclass(frozen=True)
class SourceFile:
    path: str
    sha256: str
    data: bytes


@dataclass(frozen=True)
class Rejected:
    path: str
    sha256: str
    reason: str


@dataclass(frozen=True)
class Draft:
    doc_id: str
    source_path: str
    source_sha256: str
    encoding: str
    text: str
    decode_notes: tuple[str, ...] = ()
    article: Article | None = None
    published_date: dt.date | None = None
    published_at: dt.datetime | None = None
    published_source: str = "none"
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()  # entities of this document that the gazetteer lacks
    sentences: tuple[tuple[int, int], ...] = ()
    events: tuple[AttackEvent, ...] = ()
    tallies: tuple[Tally, ...] = ()
    minhash: tuple[int, ...] = ()
    duplicate_of: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def body(self) -> str:
        return self.article.body if self.article else ""


def doc_id_for(sha256: str) -> str:
    return sha256[:DOC_ID_CHARS]


def decode_stage(files: list[SourceFile], max_bytes: int) -> tuple[list[Draft], list[Rejected]]:
    drafts, rejected = [], []
    for f in files:
        try:
            decoded = decode_bytes(f.data, max_bytes)
        except RejectedInput as exc:
            rejected.append(Rejected(f.path, f.sha256, exc.reason))
            continue
        drafts.append(Draft(doc_id_for(f.sha256), f.path, f.sha256, decoded.encoding, decoded.text, decoded.notes))
    return drafts, rejected


def parse_stage(drafts: list[Draft]) -> tuple[list[Draft], list[Rejected]]:
    out, rejected = [], []
    for d in drafts:
        article = parse_article(d.text)
        if not article.body.strip():
            rejected.append(Rejected(d.source_path, d.source_sha256, "no article text after removing header and boilerplate"))
            continue
        out.append(replace(d, article=article, sentences=tuple(split_sentences(article.body))))
    return out, rejected


def dates_stage(drafts: list[Draft], today: dt.date, prior_dates: list[dt.date] = ()) -> list[Draft]:
    """Publication dates. A year-less dateline takes the year that puts it nearest the batch's
    other publication dates; a date after today (a typo, a wrong clock) is dropped, not kept."""
    full = [h.date for d in drafts if (h := d.article.published) and h.date] + list(prior_dates)
    reference = _median_date(full)
    out = []
    for d in drafts:
        header = d.article.published
        if header is None:
            out.append(replace(d, published_source="none"))
            continue
        year = header.year or dates.choose_year(header, dates.years_in(d.body), reference, today)
        day = header.on_year(year)
        if day is None or day > today + dt.timedelta(days=1) or day.year < 1990:
            out.append(replace(d, published_source="none", notes=d.notes + (f"implausible date '{header.text}'",)))
            continue
        out.append(replace(d, published_date=day, published_at=header.timestamp(year),
                           published_source=d.article.published_source))
    return out


def undated_window(drafts: list[Draft], today: dt.date) -> Window:
    """When the batch's undated articles were written, judged by its dated ones."""
    return Window.of([d.published_date for d in drafts if d.published_date], today)


def entities_stage(drafts: list[Draft]) -> list[Draft]:
    """Gazetteer mentions, then the NER model's names the gazetteer lacks, batched over the
    drafts and read only in the sentences where a name could be missing (`ner_gate`). A Title
    Case headline is left to the gazetteer: the model reads it as one name."""
    matcher = default_matcher()
    known = [matcher.gazetteer_mentions(d.body) for d in drafts]
    starts = [len(d.article.title or "") if _is_title_case(d.article.title or "") else 0 for d in drafts]
    regions = [ner_regions(d.body, list(d.sentences), [(m.start, m.end) for m in mentions], start)
               for d, mentions, start in zip(drafts, known, starts)]
    spans = find_names([d.body for d in drafts], regions) if any(regions) else [[] for _ in drafts]
    out = []
    for d, ner_spans, mentions, ner_from in zip(drafts, spans, known, starts):
        mentions, new = matcher.resolve(d.body, ner_spans, ner_from, mentions)
        out.append(replace(d, mentions=tuple(mentions), entities=tuple(new.values())))
    return out


def _is_title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def events_stage(drafts: list[Draft], window: Window) -> list[Draft]:
    gazetteer = load_gazetteer()
    out = []
    for d in drafts:
        lookup = ChainMap({e.entity_id: e for e in d.entities}, gazetteer)
        sentences = list(d.sentences)
        timexes = tag_article(d.body, d.published_date, window)
        title_end = len(d.article.title or "")
        dateline_end = _dateline_end(d)
        events = extract_attacks(d.body, sentences, list(d.mentions), lookup, d.published_date, window,
                                 timexes, title_end, dateline_end)
        tallies = extract_tallies(d.body, sentences, list(d.mentions), lookup, d.published_date, timexes)
        out.append(replace(d, events=tuple(events), tallies=tuple(tallies)))
    return out


def dedup_stage(drafts: list[Draft], prior: list[tuple[str, list[int]]]) -> list[Draft]:
    signed = [replace(d, minhash=tuple(minhash_signature(d.body))) for d in drafts]
    links = link_duplicates([(d.doc_id, list(d.minhash)) for d in signed], prior)
    return [replace(d, duplicate_of=links.get(d.doc_id)) for d in signed]


def _dateline_end(d: Draft) -> int:
    """Where the text after a wire dateline ("BAGHDAD, Nov. 14 (Reuters) - ") begins in the body."""
    if not d.article.dateline:
        return 0
    at = d.body.find(d.article.dateline)
    if at < 0:
        return 0
    end = at + len(d.article.dateline)
    while end < len(d.body) and d.body[end] in " -–—":
        end += 1
    return end


def _median_date(days: list[dt.date]) -> dt.date | None:
    if not days:
        return None
    return dt.date.fromordinal(int(statistics.median(d.toordinal() for d in days)))
