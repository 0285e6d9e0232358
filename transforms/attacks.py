"""Attack events: sentences that report an attack that happened, with its attributes.

Component `attacks.v8`. A sentence is an event report when the dependency parse of it holds an
attack clause (`attack_detect`: a trigger lemma not cancelled by negation, modality, a threat,
denial, commemoration or a non-violent sense), it is not an official tally, and it is anchored
in reality (a time expression, a place, a target, an outcome). Only sentences with a trigger's
surface form are parsed (`parse_candidates`). Each attack is typed the ACLED way
(`acled_types`). Two attacks of one sentence with their own weapons, attacks on two named
facilities, or attacks in two countries are separate events. A sentence that only adds to the attack just reported
("shot down 29 of the drones") is not a new event; one that points back ("the ship", "the
base", "responded") takes its place or date from it. Rules live in data/en/.

This module walks a document's sentences (dates of paragraphs, repeats, points back, claims
told later); the rows of one sentence are `attack_rows`, who attacked whom `attack_actors`,
where `attack_places`, the outcome `attack_outcome`, how a sentence stands to the attack just
told `attack_discourse`, the compiled lexicon `attack_lexicon`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from transforms import event_dates
from transforms.attack_actors import claimed_by
from transforms.attack_background import beside_the_news
from transforms.attack_continuation import (agreeing_outcome, dropped_from_aircraft, joined, named_before, retells,
                                           with_outcome)
from transforms.attack_detect import read_sentence, refers_back
from transforms.attack_discourse import (SHIP_ANAPHOR, anchored, contradicts, denies_last, only_toll, points_back,
                                         same_time, under_claim)
from transforms.attack_followup import follows_on
from transforms.attack_harm_after import harmed_after, told_after
from transforms.attack_headline import reparse_headlines
from transforms.attack_lexicon import lexicon
from transforms.attack_outcome import read_outcome
from transforms.attack_parse import parse_sentences, parse_stream
from transforms.attack_places import BASE_ANAPHOR, antecedent_facility, scene_places
from transforms.attack_rows import AttackEvent, events_of_sentence
from transforms.attack_rules import rules
from transforms.post_stamps import is_post_stamp
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.read_progress import Progress, reporting
from transforms.sentences import normalised
from transforms.timex import Timex

COMPONENT = "attacks.v9"
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|added|stated|confirmed|"
                               r"statement|press\s+conference|briefing)\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_COREFERENT = re.compile(r"\b(?:of\s+)?the\s+(?:drones|missiles|rockets|projectiles|attack|attacks|strike|strikes|barrage)\b", re.I)
_RESPONSE = re.compile(r"\b(?:respond(?:ed|ing)?|response|retaliat\w+)\b", re.I)

Parses = dict[tuple[int, int], object]  # (start, end) of a sentence -> its spaCy Doc


def candidate_sentences(body: str, sentences: list[tuple[int, int]], dateline_end: int = 0) -> list[tuple[int, int]]:
    """The sentences worth parsing: those holding a trigger's surface form (after a dateline)."""
    pattern = rules().candidate
    return [(s, e) for s, e in sentences if pattern.search(body, max(s, dateline_end) if s < dateline_end < e else s, e)]


def parse_candidates(texts: list[str], spans: list[list[tuple[int, int]]], datelines: list[int],
                     progress: Progress | None = None) -> list[Parses]:
    """Parse the candidate `spans` of every text in one batch: one {(start, end): Doc} per text.
    A sentence repeated in the batch (a wire story in several outlets, a stock paragraph) is
    parsed once and its Doc shared: the rules only read a Doc (and cache what they derive from it).
    `progress` (text index, characters parsed, characters to parse) is called as sentences are parsed."""
    jobs = [(k, span) for k, text_spans in enumerate(spans) for span in text_spans]
    sentences = [texts[k][max(s, datelines[k]) if s < datelines[k] < e else s:e] for k, (s, e) in jobs]
    distinct = list(dict.fromkeys(sentences))
    docs = list(reporting(distinct, parse_stream(distinct), [(k, s) for (k, _), s in zip(jobs, sentences)], progress))
    parsed = dict(zip(distinct, reparse_headlines(distinct, docs, parse_sentences, rules())))
    out: list[Parses] = [{} for _ in texts]
    for (k, span), sentence in zip(jobs, sentences):
        out[k][span] = parsed[sentence]
    return out


def extract_attacks(body: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                    gazetteer: dict[str, Entity], published: dt.date | None, window: event_dates.Window,
                    timexes: list[Timex], title_end: int = 0, dateline_end: int = 0,
                    parses: Parses | None = None) -> list[AttackEvent]:
    """Events of one article. `timexes` are the article's temporal expressions (tagged against
    its publication date). Sentences before `title_end` (the headline) yield no event: a
    headline restates an attack the body reports; a wire dateline is not part of the evidence.
    A sentence without its own date takes the last date of its paragraph, or, when it points
    back ("the ship", "responded"), the date of the previous event. A candidate sentence that
    repeats one told before in the document (same words, case and white space aside) is one
    report: only its first telling yields events. `parses` are the parsed
    candidate sentences (`parse_candidates`); they are parsed here when not given."""
    lex = lexicon()
    if parses is None:
        parses = parse_candidates([body], [candidate_sentences(body, sentences, dateline_end)], [dateline_end])[0]
    events: list[AttackEvent] = []
    paragraph_date: event_dates.EventDate | None = None
    paragraph_is_history = after_mishap = labelled = False
    previous_end = paragraph_first = 0
    last_told = -1  # where a sentence last told on the last event (a follow-up counts as near as it)
    told_before: set[str] = set()
    for k, (start, end) in enumerate(sentences):
        doc = parses.get((start, end))
        if start < dateline_end < end:
            start = dateline_end
        sentence = body[start:end]
        if k == 0 or "\n" in body[previous_end:start]:
            # "When the jet left, ...": the scene of the paragraph before, told on; its day holds
            paragraph_date = paragraph_date if k and event_dates.goes_on(sentence) else None
            paragraph_is_history, after_mishap = False, False
            paragraph_first = len(events)
            labelled = bool(lex.note_label.match(sentence))
        previous_end = end
        if labelled:
            continue  # "Defusal: ... an IED planted after the ambush": a note on another kind of event
        if doc is not None:
            key = normalised(sentence)
            if key in told_before:
                continue  # the same sentence again in one document (a pasted or stuttering feed): one report
            told_before.add(key)
        own_timexes = [t for t in timexes if start <= t.start < end and not _REPORTING_BEFORE.search(body, start, t.start)
                       and not is_post_stamp(t, body)]  # "8:12 AM" above a live blog's post: when it was posted
        # "shot dead earlier that day": the narrative's last time, or no date at all
        own_timexes = [a for t in own_timexes
                       if (a := event_dates.antecedent(t, timexes) if event_dates.is_anaphoric(t) else t) is not None]
        # "the first attack since it moved there in 2023", "dug it in 2021, and on Sunday ...": not the
        # attack's time, nor history; a sentence that is no candidate is parsed for this alone
        if any(event_dates.is_history(t, published, window) for t in own_timexes):
            aside = beside_the_news(doc if doc is not None else parse_sentences([sentence])[0], start, own_timexes,
                                    published, window)
            own_timexes = [t for t in own_timexes if t not in aside]
        if any(event_dates.is_history(t, published, window) for t in own_timexes):
            paragraph_date, paragraph_is_history = None, True
            continue  # "In 2020, a U.S. drone strike ...": history, not news (not "since it moved there in 2023", this week)
        if own_timexes and all(event_dates.names_ahead(t, body) for t in own_timexes):
            continue  # "further attacks are likely in the coming weeks": a forecast, not news
        own_dated = [(t.start, r) for t in own_timexes if (r := event_dates.resolve(t, body, published, window)) is not None]
        own = own_dated[0][1] if own_dated else None
        if paragraph_is_history and own is None:
            continue  # the rest of a paragraph about the past
        if own is not None:
            paragraph_date = own
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        clauses, dropped = read_sentence(doc, rules()) if doc is not None and end > title_end else ([], [])
        if not clauses and dropped:  # "set fire to two houses. Three villagers were hurt.": arson that hurt people
            clauses = harmed_after(doc, dropped, read_outcome(told_after(body, sentences, k, parses, rules()), lex), rules())
        if not clauses and len(events) > paragraph_first and denies_last(doc, dropped):
            last = events[-1].start_char  # "The army denied carrying out the strike.": the attack just told
            events[paragraph_first:] = [replace(e, disputed=True) if e.start_char == last else e
                                        for e in events[paragraph_first:]]
        if events and (not clauses or refers_back(doc, clauses, rules())):
            # "Hamas claimed the attack.", "Police suspect M23 rebels.", in its paragraph or a later
            # one: who did the attack told last
            _credit_last(events, claimed_by(body, start, end, inside, gazetteer, lex, every_rule=True))
            if not clauses and doc is not None and points_back(doc, set(), rules()):  # "as a result of the aggression, ..."
                events[-1] = with_outcome(events[-1], read_outcome(sentence, lex))
        if not clauses and any(d.non_violent for d in dropped):
            after_mishap = True  # "a bomb exploded while they were planting it": what follows tells of it
            if points_back(doc, {d.lemma for d in dropped}, rules()):  # "the explosion took place in an arms depot"
                events[paragraph_first:] = [e for e in events[paragraph_first:] if e.weapons != ("unknown",)]
            continue
        if after_mishap and own is None and (only_toll(doc, clauses) or points_back(doc, set(), rules())):
            continue  # "... Two militants were killed.", "the incident": the mishap just told, no attack
        if clauses and (own is None or own.date is None) and any(event_dates.is_period(t) for t in own_timexes) \
                and only_toll(doc, clauses):
            continue  # "1,500 people were killed in gang violence in the first three months of 2024": a toll, no attack
        # "Three soldiers died in the fighting.": the toll of the attack it names back, however
        # a tally's words ("in the fighting") read it
        toll_back = bool(clauses) and bool(events) and own is None and only_toll(doc, clauses) \
            and points_back(doc, set(), rules())
        if not clauses or not (toll_back or anchored(body, start, end, inside, own_timexes, lex, doc, clauses)):
            continue
        if own is None and events and _COREFERENT.search(sentence) and not scene_places(body, start, inside, gazetteer, lex):
            events[-1] = with_outcome(events[-1], read_outcome(sentence, lex))
            continue  # "shot down 29 of the drones": more about the attack just reported
        said_when = None if under_claim(doc, clauses, rules()) else own  # "claimed the ambush on Wednesday": the claim's day
        if events and refers_back(doc, clauses, rules()) and not contradicts(
                events[-1], said_when, body, start, inside, gazetteer, lex, doc, clauses):
            events[-1] = with_outcome(events[-1], read_outcome(sentence, lex))
            continue  # "the blast in the district shook homes": the attack just reported, told again
        retold = retells(doc, clauses, rules(), events[-1].evidence) if events and same_time(own, events[-1]) else None
        continued = retold == "actor and target" or bool(retold) and not any(  # "the patrol was attacked", no new place
            not named_before(m.surface, m.entity_id, events[-1]) for m in scene_places(body, start, inside, gazetteer, lex))
        inside += antecedent_facility(body, start, end, mentions, gazetteer)
        when = own or paragraph_date
        if when is None and events and (_COREFERENT.search(sentence) or SHIP_ANAPHOR.search(sentence)
                                        or BASE_ANAPHOR.search(sentence)):
            last = events[-1]  # "the strikes", "the ship": the scene just reported, its date
            when = event_dates.EventDate(last.event_date, last.date_min, last.date_max, last.date_text, last.date_precision)
        elif when is None and events and _RESPONSE.search(sentence):
            when = event_dates.since(events[-1].date_min, published or window.end, events[-1].date_text)
        when = when or event_dates.day_told_later(timexes, body, end, published, window) or \
            event_dates.resolve(None, body, published, window)
        told = _told_with(body, sentences, k, parses)
        unharmed = bool(lex.no_harm.search(told))
        claimed = claimed_by(body, start, sentences[k][0] + len(told), mentions, gazetteer, lex)
        found = events_of_sentence(body, start, end, inside, gazetteer, when, lex, doc, clauses, unharmed, claimed,
                                    own_dated)
        # "Officials said three soldiers died.", "No casualties were reported.": told after it
        after = read_outcome(told[end - sentences[k][0]:], lex)
        found = [replace(e, outcome=after) if e.outcome == "unknown" and after != "unknown" else e for e in found]
        if not continued and events and follows_on(found, events[-1], own,
                                                   max(events[-1].start_char, last_told) >= sentences[max(0, k - 2)][0],
                                                   scene_places(body, start, inside, gazetteer, lex), gazetteer, doc,
                                                   clauses, rules()):
            continued = True  # "Shells hit a crowded market.": no day, place, weapon or actor of its own
        if continued:
            # "The attackers pounded the base with mortars.": no new place or day, an attacker
            # that points back: the attack just reported, told on ("the rockets caused no casualties")
            events[-1] = joined(events[-1], found) if found else with_outcome(events[-1], read_outcome(sentence, lex))
            paragraph_first = min(paragraph_first, len(events) - 1)  # its paragraph now tells of that attack
            last_told = start
            continue
        if found and own is None and (len(events) > paragraph_first or toll_back) \
                and only_toll(doc, clauses) and not scene_places(body, start, inside, gazetteer, lex):
            # "11 killed.", "The man holding the device was killed instantly.", "Three soldiers
            # died in the fighting.": the toll of the attack the paragraph (or the one it names
            # back) just told, with no day, place or weapon of its own
            events[-1] = joined(events[-1], found)
            continue
        if lex.disputed.search(told):
            found = [replace(e, disputed=True) for e in found]
        events.extend(found)
        after_mishap = False
    return _distinct_anchors(events)


def _distinct_anchors(events: list[AttackEvent]) -> list[AttackEvent]:
    """The events with `anchor_char` set and distinct within the document: an event without one
    takes its sentence's start, and one whose offset another event holds takes the next free
    offset, so that ordering a document's events by it is total and stable. An outcome that
    its row's counts contradict takes theirs (`attack_continuation.agreeing_outcome`)."""
    used: set[int] = set()
    out = []
    for e in events:
        if (outcome := agreeing_outcome(e.outcome, e.fatalities, e.injured)) != e.outcome:
            e = replace(e, outcome=outcome)  # "three soldiers died": the counts and the outcome agree
        anchor = e.start_char if e.anchor_char is None else e.anchor_char
        while anchor in used:
            anchor += 1
        used.add(anchor)
        out.append(e if anchor == e.anchor_char else replace(e, anchor_char=anchor))
    return out


def _credit_last(events: list[AttackEvent], attacker: str | None) -> None:
    """Give the events of the last reporting sentence that name no attacker the one a later
    sentence, of its paragraph or of one after it, names ("Hamas claimed the attack.": the
    nearest attack told before the claim)."""
    if attacker is None:
        return
    last = events[-1].start_char
    for i in range(len(events)):
        if events[i].start_char == last and events[i].attacker_id is None and events[i].target_id != attacker:
            events[i] = replace(events[i], attacker_id=attacker)


def _told_with(body: str, sentences: list[tuple[int, int]], k: int, parses: Parses) -> str:
    """Sentence `k` and those after it in its paragraph that hold no trigger ("No one was hurt.")."""
    end = sentences[k][1]
    for s, e in sentences[k + 1:]:
        if (s, e) in parses or "\n" in body[end:s]:
            break
        end = e
    return body[sentences[k][0]:end]
