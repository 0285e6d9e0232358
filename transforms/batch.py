"""The per-document stages of a run, each a pure function over a batch of drafts.

A `Draft` is one document on its way through the stages; each stage returns new drafts
with its fields filled. The flow calls one stage per task, so every stage can be run,
timed and tested alone. No clock and no I/O: today's date and the prior state come in
as arguments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import ChainMap, Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from transforms import dates, roundup_places
from transforms.attacks import AttackEvent, candidate_sentences, extract_attacks, parse_candidates
from transforms.decode import decode_bytes
from transforms.dedup import DuplicateIndex, lsh_bands, minhash_signature
from transforms.entities import Mention, dateline_place_parts, default_matcher
from transforms.event_dates import Window, tag_article
from transforms.exceptions import RejectedInput
from transforms.gazetteer import Entity, load_gazetteer
from transforms.event_places import EventPlace, place_events
from transforms.roundup import place_by_item
from transforms.geo import candidate_spans, resolve_article
from transforms.geonames import ADMIN1, ADMIN2, lookup, lookup_romanized, lookup_variants, name_key
from transforms.ner import NerSpan, find_names
from transforms.ner_gate import ner_regions
from transforms.parse import FOOTER_NOTE, Article, parse_article
from transforms.read_progress import Progress
from transforms.sentences import split_sentences
from transforms.tallies import Tally, extract_tallies

DOC_ID_CHARS = 16

# A document this long (characters of its article body) reports its progress below file level and
# is named in the run's summary: about 9 CPU s of NLP per 100,000 characters on a loaded two-core
# machine (the session 9 breaker's measure: a 500 KB article took 52 CPU s, 5 min wall).
LARGE_DOCUMENT_CHARS = 100_000

# (the document's source path, its characters, the step: "names" or "parse", the percent of the
# step done). A pass reads only a part of the document (the sentences where a name could be missing,
# those with an attack word): its own characters would give the user another size for each pass,
# so the document's size is the one size told and each pass says how far it is in percent.
DocumentProgress = Callable[[str, int, str, int], None]


def _large_only(drafts: list["Draft"], step: str, progress: DocumentProgress | None) -> Progress | None:
    """`progress` for a model pass over `drafts`, told only of their large documents (by index)."""
    large = {k: d for k, d in enumerate(drafts) if len(d.body) >= LARGE_DOCUMENT_CHARS}
    if progress is None or not large:
        return None

    def told(k: int, done: int, total: int) -> None:
        if k in large:
            progress(large[k].source_path, len(large[k].body), step, 100 * done // max(total, 1))
    return told


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
    stage: str = "decode"  # where it was rejected: discover, decode, parse, dates, entities, events, ...


# Faults of the installation or the machine, not of any one document (a missing or broken package,
# memory exhausted): quarantining every file of the inbox for them would hide the fault behind a
# pile of quarantine rows. They stop the run instead (the CLI exits 2); the files stay in the inbox.
ENVIRONMENT_FAULTS = (ImportError, SyntaxError, MemoryError)


def crash_reason(stage: str, exc: BaseException) -> str:
    """The quarantine reason of a document whose processing raised: stage, error class, message.

    Raises `exc` itself when it is one of ENVIRONMENT_FAULTS (a missing package, memory
    exhausted, a package that does not compile): every per-document handler passes through here, so none quarantines a
    document for a fault that is not the document's."""
    if isinstance(exc, ENVIRONMENT_FAULTS):
        raise exc
    message = " ".join(str(exc).split())[:300]
    return f"{stage} failed: {type(exc).__name__}: {message}" if message else f"{stage} failed: {type(exc).__name__}"


def isolated(stage: str, fn, drafts: list[Draft], *args) -> tuple[list[Draft], list[Rejected]]:
    """fn(drafts, *args) for a batch-wise stage; when it raises, run it again document by
    document, so one document that breaks it is rejected (with the stage and the error) and
    the others go on. Only Exception: KeyboardInterrupt and SystemExit still stop the run."""
    try:
        return fn(drafts, *args), []
    except Exception:  # noqa: BLE001 - which document broke it is found below, one by one
        pass
    out, rejected = [], []
    for d in drafts:
        try:
            out += fn([d], *args)
        except Exception as exc:
            rejected.append(Rejected(d.source_path, d.source_sha256, crash_reason(stage, exc), stage))
    return out, rejected


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
    places: tuple[EventPlace, ...] = ()  # where each event is on the map, aligned with `events`
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
            rejected.append(Rejected(f.path, f.sha256, exc.reason, "decode"))
            continue
        except Exception as exc:  # a decoder bug costs this file alone
            rejected.append(Rejected(f.path, f.sha256, crash_reason("decode", exc), "decode"))
            continue
        drafts.append(Draft(doc_id_for(f.sha256), f.path, f.sha256, decoded.encoding, decoded.text, decoded.notes))
    return drafts, rejected


def parse_stage(drafts: list[Draft]) -> tuple[list[Draft], list[Rejected]]:
    out, rejected = [], []
    for d in drafts:
        try:
            article = parse_article(d.text)
            if not article.body.strip():
                rejected.append(Rejected(d.source_path, d.source_sha256,
                                         "no article text after removing header and boilerplate", "parse"))
                continue
            out.append(replace(d, article=article, sentences=tuple(split_sentences(article.body))))
        except Exception as exc:
            rejected.append(Rejected(d.source_path, d.source_sha256, crash_reason("parse", exc), "parse"))
    return out, rejected


@dataclass(frozen=True)
class Dating:
    """The little of a document that dating a run needs: kept for every file of the first pass.
    `weekday_pairs`: the body's weekdays written with a year-less day (`dates.weekday_pairs`), and
    `stated`: the full dates it states, its foot's date line included (`dates.stated_dates`): the
    document's own evidence for the year of a year-less dateline."""
    header: dates.HeaderDate | None
    weekday_pairs: tuple[tuple[int, int, int], ...]
    published_source: str
    stated: tuple[dt.date, ...] = ()


def dating_of(d: Draft) -> Dating:
    header = d.article.published
    if not header or header.year:
        return Dating(header, (), d.article.published_source)
    footer = [r.split(": ", 1)[1] for r in d.article.removed if r.startswith(f"{FOOTER_NOTE}: ")]
    return Dating(header, tuple(dates.weekday_pairs(d.body)), d.article.published_source,
                  tuple(dates.stated_dates("\n".join([d.body, *footer]))))


def publication(dating: Dating, today: dt.date) -> tuple[dt.date | None, dt.datetime | None, str | None]:
    """(date, timestamp, None) of a document, or (None, None, why) when it has none or an
    implausible one. A date after today (a typo, a wrong clock) is dropped, not kept. A
    year-less dateline takes its year from the document and the run day alone (`dates.choose_year`:
    a weekday written with a day, else the latest such day not after today), never from the
    other files of the run."""
    header = dating.header
    if header is None:
        return None, None, None
    year = header.year or dates.choose_year(header, today, list(dating.weekday_pairs), list(dating.stated))
    day = header.on_year(year)
    if day is None or day > today + dt.timedelta(days=1) or day.year < 1990:
        return None, None, f"implausible date '{header.text}'"
    return day, header.timestamp(year), None


Publication = tuple  # (date | None, timestamp | None, problem | None), as `publication` returns it


def dates_stage(drafts: list[Draft], today: dt.date) -> list[Draft]:
    """Publication dates (`publication`) of a batch on its own (tests, one-off use)."""
    return dated_stage(drafts, {d.doc_id: publication(dating_of(d), today) for d in drafts})


def dated_stage(drafts: list[Draft], published: dict[str, Publication]) -> list[Draft]:
    """Drafts with the publication dates the run computed once (`publication`), by doc_id; a
    draft without one (its header could not be dated: quarantined by the caller) is left out."""
    out = []
    for d in drafts:
        if d.doc_id not in published:
            continue
        day, at, problem = published[d.doc_id]
        if day is None:
            out.append(replace(d, published_source="none", notes=d.notes + ((problem,) if problem else ())))
        else:
            header = d.article.published
            # a numeric header date nothing decided (05/11/2023) is read the language's way and noted
            ambiguous = (f"numeric date order ambiguous, read {header.numeric_order}: '{header.text}'",) \
                if header is not None and header.order_ambiguous else \
                (f"numeric date order read {header.numeric_order} by {header.order_evidence}: '{header.text}'",) \
                if header is not None and header.order_evidence else ()
            # a year-less dateline's year is the pipeline's inference, not the text's: marked so
            inferred = header is not None and header.year is None
            stated = dating_of(d).stated if inferred else ()
            why = "a full date the article states fixes it" if any(0 <= (day - s).days <= dates.PAIR_REACH_DAYS for s in stated) \
                else "a weekday written with a day fixes it" if inferred and dates.fixed_by_pair(day, dates.weekday_pairs(d.body)) \
                else "the latest such day not after the run day"
            guessed = (f"year of '{header.text}' inferred: {day.year} ({why})",) if inferred else ()
            out.append(replace(d, published_date=day, published_at=at,
                               published_source="inferred" if inferred else d.article.published_source,
                               notes=d.notes + ambiguous + guessed))
    return out


def entities_stage(drafts: list[Draft], progress: DocumentProgress | None = None) -> list[Draft]:
    """Gazetteer mentions, then the NER model's names the gazetteer lacks, batched over the
    drafts and read only in the sentences where a name could be missing (`ner_gate`). A Title
    Case headline is left to the gazetteer: the model reads it as one name. `progress` hears
    of the large documents' reading ("names")."""
    matcher = default_matcher()
    known = [matcher.gazetteer_mentions(d.body) for d in drafts]
    starts = [len(d.article.title or "") if _is_title_case(d.article.title or "") else 0 for d in drafts]
    regions = [ner_regions(d.body, list(d.sentences), [(m.start, m.end) for m in mentions], start)
               for d, mentions, start in zip(drafts, known, starts)]
    spans = find_names([d.body for d in drafts], regions, _large_only(drafts, "names", progress)) if any(regions) \
        else [[] for _ in drafts]
    out = []
    for d, ner_spans, mentions, ner_from in zip(drafts, spans, known, starts):
        ner_spans = _apart_from_dateline(d, ner_spans, mentions)
        mentions, new = matcher.resolve(d.body, ner_spans, ner_from, mentions)
        out.append(replace(d, mentions=tuple(mentions), entities=tuple(new.values())))
    return out


def _apart_from_dateline(d: Draft, spans: list[NerSpan], mentions: list[Mention]) -> list[NerSpan]:
    """The model's names with the wire dateline set apart: a name read across it ("DISHU - Al-Shabaab")
    starts after it, and its place ("DISHU") is a place name of its own unless the gazetteer has it."""
    end = _dateline_end(d)
    if not end:
        return spans
    at = d.body.find(d.article.dateline)
    out = [NerSpan(max(s.start, end), s.end, d.body[max(s.start, end):s.end], s.label) for s in spans
           if s.end > end and d.body[max(s.start, end):s.end].strip()]
    for start, stop in dateline_place_parts(d.article.dateline):  # "CAMP SIONGCO, Datu Odin Sinsuat": both
        if not any(m.start < at + stop and at + start < m.end for m in mentions):
            out.append(NerSpan(at + start, at + stop, d.article.dateline[start:stop], "GPE"))
    # "(Sahel Wire)": an outlet the agencies' list lacks is a name of its own, its words no place
    credit = re.search(r"\(([A-Z][\w .&'’-]{1,40})\)", d.article.dateline)
    if credit and credit.group(1).strip() not in dates.wire_services():
        out.append(NerSpan(at + credit.start(1), at + credit.end(1), credit.group(1), "ORG"))
    return sorted(out, key=lambda s: s.start)


def _is_title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def geo_stage(drafts: list[Draft]) -> list[Draft]:
    """Place names resolved to GeoNames features in the context of each article (`transforms.geo`),
    with one GeoNames look-up for the whole batch."""
    gazetteer = load_gazetteer()
    lookups = [ChainMap({e.entity_id: e for e in d.entities}, gazetteer) for d in drafts]
    spans = [candidate_spans(d.body, list(d.mentions), known) for d, known in zip(drafts, lookups)]
    # where a statement was issued ("New York, 7 April 2026") is a name of it, no evidence of where it is about
    spans = [[sp for sp in article if not _in_issued_line(d, sp[0])] for d, article in zip(drafts, spans)]
    names = [d.body[s:e] for d, article in zip(drafts, spans) for s, e, _ in article]
    found = lookup(names)
    # other romanizations of the names GeoNames lacks, or knows as no area ("Matun district": `geo.resolve_article`)
    romanized = lookup_romanized([n for n in names if not any(f.level in (ADMIN1, ADMIN2) for f in found.get(name_key(n), ()))])
    variants = lookup_variants([n for n in names if name_key(n) not in found and name_key(n) not in romanized])
    out = []
    for d, known, article in zip(drafts, lookups, spans):
        resolved = resolve_article(d.body, list(d.mentions), {}, known, found, _dateline_end(d), article, variants,
                                   romanized)
        # a roundup item's places in the country its own label or heading names ("Mali: ... in Gao")
        resolved = roundup_places.bounded(d.body, resolved, found, lambda i: _country_code(known.get(i)), d.mentions)
        entities = {e.entity_id: e for e in d.entities}
        entities.update({e.entity_id: e for e in resolved.entities if e.entity_id not in gazetteer})
        used = {m.entity_id for m in resolved.mentions}
        out.append((replace(d, mentions=resolved.mentions,
                            entities=tuple(e for e in entities.values() if e.entity_id in used)), resolved.features))
    return out


def _headline_end(d: Draft) -> int:
    """Where the headline ends in the body: its sentences yield no event, because the body
    restates its attack with more detail. A flash that is only a headline has no body to
    restate it: 0, so the headline is read."""
    title = len(d.article.title or "")
    return title if d.body[title:].strip() else 0


def events_stage(drafts: list[Draft], window: Window, progress: DocumentProgress | None = None) -> list[Draft]:
    """Attack events and tallies of each article, every event placed on the map (`geo.place_events`).
    `progress` hears of the large documents' dependency parse ("parse")."""
    gazetteer = load_gazetteer()
    datelines = [_dateline_end(d) for d in drafts]
    # the dependency parse of the sentences that hold an attack trigger, all drafts in one batch;
    # not the headline's, when a body follows it: `extract_attacks` reads no event from it
    titles = [_headline_end(d) for d in drafts]
    parses = parse_candidates([d.body for d in drafts],
                              [candidate_sentences(d.body, [s for s in d.sentences if s[1] > title], n)
                               for d, n, title in zip(drafts, datelines, titles)], datelines,
                              _large_only(drafts, "parse", progress))
    out = []
    for (d, features), parsed in zip(geo_stage(drafts), parses):
        known = ChainMap({e.entity_id: e for e in d.entities}, gazetteer)
        sentences = list(d.sentences)
        header = d.article.published
        # an undated article's period: its own evidence, else the run day's lookback
        # 05/11/2023 in the body is read by the document's evidence, as its header is
        order = dates.document_numeric_order(header, d.body, d.article.publisher, _urls(d.article), d.article.dateline)
        country = _places_country([known.get(m.entity_id) for m in d.mentions])
        if d.published_date:
            own = window
            timexes = tag_article(d.body, d.published_date, own, order, country)
        else:  # tagged against the run day once; again only when the article's own window ends earlier
            timexes = tag_article(d.body, None, window, order, country)
            own = Window.of_document(d.body, window.end, timexes)
            if own.anchor != window.anchor:
                timexes = tag_article(d.body, None, own, order, country)
        title_end = _headline_end(d)
        dateline_end = _dateline_end(d)
        events = extract_attacks(d.body, sentences, list(d.mentions), known, d.published_date, own,
                                 timexes, title_end, dateline_end, parsed)
        # a roundup's items each in their own place and under their heading's country (`roundup`)
        placed = place_by_item(d.body, events, list(d.mentions), lambda m: _is_place(known.get(m.entity_id)),
                               lambda evs, ms: place_events(d.body, evs, ms, features, known, dateline_end))
        events = [replace(e, location_id=loc, country_code=cc) for e, (loc, cc, _) in zip(events, placed)]
        tallies = extract_tallies(d.body, sentences, list(d.mentions), known, d.published_date, timexes)
        # an undated article's events lie in its window: say so beside the document
        whence = "the run day's lookback" if own == Window.of_run_day(window.end) else "the days the article itself fixes"
        undated = (f"no publication date: events placed in {own.start}..{own.end} ({whence})",) \
            if d.published_date is None and events else ()
        out.append(replace(d, events=tuple(events), places=tuple(p for _, _, p in placed), tallies=tuple(tallies),
                           notes=d.notes + undated))
    return out


def _country_code(entity) -> str | None:
    return entity.country_code if entity is not None and entity.is_country else None


def _is_place(entity) -> bool:
    return entity is not None and entity.entity_type in ("GPE", "LOC")


def _places_country(entities) -> str | None:
    """The ISO2 country most of the article's place mentions lie in (the country whose national
    days its "Independence Day" means); None with no place or a tie."""
    counts = Counter(e.country_code for e in entities if _is_place(e) and e.country_code)
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _urls(article: Article) -> list[str]:
    """The URLs the header parser set aside ("url: https://..." in `Article.removed`)."""
    return [r.removeprefix("url: ") for r in article.removed if r.startswith("url: ")]


def warm_up() -> None:
    """Load what the NLP stages share (the NER model, the parser, the gazetteer and its matcher,
    the GeoNames table): a worker does it while the run starts, not in its first batch."""
    from transforms.attack_parse import parser
    from transforms.geonames import table
    from transforms.ner import model

    model()
    parser()
    default_matcher()
    table()


def warm_up_run_side() -> None:
    """Load what the run's own process needs for each analysed batch: the gazetteer (the entity
    rows of `tables`), the MinHash library (`signed_stage`) and the LSH index's bands (the run's
    `DuplicateIndex`), once, before its first batch."""
    load_gazetteer()
    minhash_signature("")
    lsh_bands()


def sign_stage(drafts: list[Draft]) -> list[Draft]:
    """The MinHash signature of each body (what near-duplicate detection compares)."""
    return [replace(d, minhash=tuple(minhash_signature(d.body))) for d in drafts]


def dedup_stage(drafts: list[Draft], index: DuplicateIndex) -> list[Draft]:
    """Link signed drafts to the earlier documents they nearly duplicate: those in `index` (the
    warehouse's candidates and the run's documents so far), which the drafts then join."""
    return [replace(d, duplicate_of=index.link(d.doc_id, list(d.minhash))) for d in drafts]


@dataclass(frozen=True)
class AnalysisContext:
    """What the analysis of a batch needs besides its documents: the run day (no date after it
    is believed) and the window in which the run's undated articles were written."""
    today: dt.date
    window: Window


def analysis_stage(drafts: list[Draft], published: dict[str, Publication], ctx: AnalysisContext,
                   sign: bool = True, progress: DocumentProgress | None = None) -> tuple[list[Draft], list[Rejected]]:
    """The stages after parsing, for parsed drafts (staged by the run's first pass, or rebuilt
    from stored documents): dates (computed once by the run, `published`), entities, events,
    and, with `sign`, signatures (`signed_stage`). A document that breaks a stage is rejected
    alone. An NLP worker passes sign=False and the run's process signs: the MinHash library
    then loads in that process only (with SciPy, ~55 MiB a process). `progress` hears how far
    the model passes have read each document of `LARGE_DOCUMENT_CHARS` or more."""
    drafts, undated = isolated("dates", dated_stage, drafts, published)
    drafts, no_entities = isolated("entities", entities_stage, drafts, progress)
    drafts, no_events = isolated("events", events_stage, drafts, ctx.window, progress)
    if not sign:
        return drafts, undated + no_entities + no_events
    drafts, unsigned = signed_stage(drafts)
    return drafts, undated + no_entities + no_events + unsigned


def signed_stage(drafts: list[Draft]) -> tuple[list[Draft], list[Rejected]]:
    """`sign_stage` with a document whose signature cannot be made rejected alone."""
    return isolated("signatures", sign_stage, drafts)


def analyze_stage(files: list[SourceFile], max_bytes: int, today: dt.date, window: Window) -> tuple[list[Draft], list[Rejected]]:
    """Every per-document stage of one batch on its own, decode to signatures (tests, one-off
    use; a run stages the parsed documents first and dates them once, before the NLP).
    Linking duplicates needs the documents before the batch, so it is left to the caller."""
    drafts, rejected = decode_stage(files, max_bytes)
    drafts, unparsed = parse_stage(drafts)
    published, undated = {}, []
    for d in drafts:
        try:
            published[d.doc_id] = publication(dating_of(d), today)
        except Exception as exc:  # one odd header costs its document alone
            undated.append(Rejected(d.source_path, d.source_sha256, crash_reason("dates", exc), "dates"))
    drafts, late = analysis_stage(drafts, published, AnalysisContext(today, window))
    return drafts, rejected + unparsed + undated + late


def _in_issued_line(d: Draft, at: int) -> bool:
    """Whether body offset `at` lies in the header's place-and-date line that `parse_article` keeps
    in the body ("Niamey, 4 October 2026": a statement's, not a wire dateline)."""
    line = d.article.published_text
    if not line or d.article.dateline or d.article.published_source != "header":
        return False
    start = d.body.find(f"\n\n{line}\n")
    return 0 <= start and start + 2 <= at < start + 2 + len(line)


def _dateline_end(d: Draft) -> int:
    """Where the text after a wire dateline ("BAGHDAD, Nov. 14 (Reuters) - ") begins in the body."""
    if not d.article.dateline:
        return 0
    at = d.body.find(d.article.dateline)
    if at < 0:
        return 0
    end = at + len(d.article.dateline)
    while end < len(d.body) and d.body[end] in " -–—:.":  # the dash or the colon ("PESHAWAR: ...", "2025.- ") after it
        end += 1
    return end


# The components of a run, in pipeline order, with the Draft fields each reads and fills
# (`transforms.components`). Rule components take their name and version from their module's
# COMPONENT, so bumping it there is what `runs.components` records.
def _register_components() -> None:
    from transforms import attacks, dedup, geo, tallies, timex
    from transforms.components import register

    register("decode.v2", decode_stage, (), ("encoding", "text", "decode_notes"))
    register("parse.v6", parse_stage, ("text",), ("article", "sentences"))
    register("dates.v6", dated_stage, ("article",), ("published_date", "published_at", "published_source"))
    register("entities.v7", entities_stage, ("article", "sentences"), ("mentions", "entities"))
    register(timex.COMPONENT, timex.tag_timexes, ("article", "published_date"), ())
    register(attacks.COMPONENT, attacks.extract_attacks,
             ("article", "sentences", "mentions", "entities", "published_date"), ("events",))
    register(geo.COMPONENT, geo.resolve_article, ("article", "mentions", "entities", "events"),
             ("mentions", "entities", "places"))
    register(tallies.COMPONENT, tallies.extract_tallies, ("article", "sentences", "mentions", "published_date"),
             ("tallies",))
    register("signatures.v1", sign_stage, ("article",), ("minhash",))
    register(dedup.COMPONENT, dedup_stage, ("minhash",), ("duplicate_of",))


_register_components()
