"""Attack events: sentences that report an attack that happened, with its attributes.

Component `attacks.v6`. A sentence is an event report when the dependency parse of it holds an
attack clause (`attack_detect`: a trigger lemma not cancelled by negation, modality, a threat,
denial, commemoration or a non-violent sense), it is not an official tally, and it is anchored
in reality (a time expression, a place, a target, an outcome). Only sentences with a trigger's
surface form are parsed (`parse_candidates`). Each attack is typed the ACLED way
(`acled_types`). Two attacks of one sentence with their own weapons, attacks on two named
facilities, or attacks in two countries are separate events. A sentence that only adds to the attack just reported
("shot down 29 of the drones") is not a new event; one that points back ("the ship", "the
base", "responded") takes its place or date from it. Rules live in data/en/; the grammar of
names and anaphora is here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from transforms import armed_groups, context, event_dates
from transforms.acled_types import Typing, target_nouns, type_attack
from transforms.attack_continuation import agreeing_outcome, continues_attack, joined
from transforms.attack_detect import Clause, lemma_of, read_sentence, refers_back, victims
from transforms.attack_groups import apart, enumerated, own_places, says_another, toll_owners
from transforms.attack_headline import reparse_headlines
from transforms.attack_parse import parse_sentences
from transforms.attack_rules import Rules, rules
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.ner import common_words
from transforms.resources import data_text, jsonl
from transforms.sentences import normalised
from transforms.tallies import is_tally_sentence
from transforms.timex import Timex

COMPONENT = "attacks.v7"
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a dozen": 12}
_PLACE_TYPES = ("FAC", "GPE", "LOC")
_FINITE = frozenset({"VBD", "VBN", "VBZ", "VBP"})  # Penn tags of a verb that reports, not describes
_SPECIFICITY = {"FAC": 4, "GPE": 3, "LOC": 2}
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|added|stated|confirmed|"
                               r"statement|press\s+conference|briefing)\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_COREFERENT = re.compile(r"\b(?:of\s+)?the\s+(?:drones|missiles|rockets|projectiles|attack|attacks|strike|strikes|barrage)\b", re.I)
_RESPONSE = re.compile(r"\b(?:respond(?:ed|ing)?|response|retaliat\w+)\b", re.I)
_SHIP_ANAPHOR = re.compile(r"\b(?:the|a)\s+(?:ship|vessel|warship|destroyer|tanker|cargo\s+ship)\b", re.I)
_STRIKES = re.compile(r"\bstrikes?\b", re.I)
_BASE_ANAPHOR = re.compile(r"\bthe\s+(?:same\s+)?(?:air\s?base|base|garrison|installation|facility|outpost|camp)\b", re.I)
_PLACE_NOUN = re.compile(r"\s+(?:(?:military|air|army|naval|border)\s+)?(?:bases?|airbases?|airports?|territory|soil|"
                         r"cities|city|towns?|villages?|provinces?|border|waters|coast|installations?|facilit(?:y|ies))\b")
_SHIP_NAME = re.compile(r"^(?:USS|USNS|HMS|HMCS|INS|FS|ITS|MV|MT)\s")
_MARITIME = re.compile(r"\b(warships?|ships?|vessels?|destroyers?|tankers?|navy|naval|carrier|sea)\b", re.I)
_DENIED = "denied or refuted"  # the reason of the attack_cues.jsonl rules on denials
_NOT_PERPETRATOR_BEFORE = re.compile(r"\b(against|fighting|on|targeting|at|to|with|from|of)\s+(the\s+)?$", re.I)


@dataclass(frozen=True)
class RoleRule:
    """One way the text names who attacked (data/en/attack_roles.jsonl)."""

    rule: str
    within: str  # sentence | told
    before: re.Pattern | None
    after: re.Pattern | None

    def names(self, body: str, lo: int, m: Mention) -> bool:
        """Whether the words around mention `m` (the scope starting at `lo`) tie it to the attack."""
        return ((self.before is None or bool(self.before.search(body[max(lo, m.start - 60):m.start])))
                and (self.after is None or bool(self.after.match(body[m.end:m.end + 200]))))


@dataclass(frozen=True)
class Lexicon:
    specific: re.Pattern
    outcomes: tuple[tuple[str, re.Pattern], ...]
    no_damage: re.Pattern
    no_harm: re.Pattern
    target_us: re.Pattern
    us_attacker: re.Pattern
    origin_before: re.Pattern
    target_before: re.Pattern
    armed_groups: frozenset[str]  # ids of data/en/armed_groups.jsonl
    disputed: re.Pattern  # a party denied or rejected the report ("..., but the army denied it")
    roles: tuple[RoleRule, ...]  # who attacked: "Islamic State claimed responsibility", "blamed on ..."
    not_actor_after: re.Pattern  # "Greek-flagged", "Iranian-made": a demonym in a compound adjective is no actor
    nationality_after: re.Pattern  # "Somali militants", "Ethiopian herders": a demonym of non-state people is no state actor
    place_before_actor: re.Pattern  # "near Djibo", "in the village of X": a name where a place stands is no actor
    place_before_country: re.Pattern  # "fired into Mali": a country there is the place, not the state
    place_after_actor: re.Pattern  # "Shaykh area", "West Sub County": a name before a place noun is a place
    note_label: re.Pattern  # "Looting: ...": a paragraph that opens with the kind of a non-attack event


@cache
def lexicon() -> Lexicon:
    import json

    raw = json.loads(data_text("en/attack_lexicon.json"))
    rx = lambda p: re.compile(p, re.I)  # noqa: E731
    return Lexicon(
        specific=rx(raw["specific"]),
        outcomes=tuple((o["outcome"], rx(o["pattern"])) for o in raw["outcomes"]),
        no_damage=rx(raw["no_damage"]),
        no_harm=rx(raw["no_harm"]),
        target_us=re.compile(raw["target_us"]),
        us_attacker=re.compile(raw["us_attacker"]),
        origin_before=rx(raw["origin_before_place"]),
        target_before=rx(raw["target_before_place"]),
        armed_groups=frozenset(armed_groups.kinds()),
        disputed=rx(raw["disputed"]),
        roles=tuple(RoleRule(r["rule"], r["within"], rx(r["before"]) if r.get("before") else None,
                             rx(r["after"]) if r.get("after") else None) for r in jsonl("en/attack_roles.jsonl")),
        not_actor_after=rx(raw["not_actor_after"]),
        nationality_after=rx(raw["nationality_after"]),
        place_before_actor=rx(raw["place_before_actor"]),
        place_before_country=rx(raw["place_before_country"]),
        place_after_actor=rx(raw["place_after_actor"]),
        note_label=_labels([w for r in jsonl("en/note_labels.jsonl") for w in r["label"]]),
    )


def _labels(labels: list[str]) -> re.Pattern:
    """A paragraph's opening label ("Property destruction: On 3 May, ..."), any of `labels`."""
    alternatives = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in labels), key=len, reverse=True))
    return re.compile(rf"\s*(?:{alternatives})\s*:\s", re.I)


@dataclass(frozen=True)
class AttackEvent:
    event_date: dt.date | None
    date_min: dt.date
    date_max: dt.date
    date_text: str | None
    date_precision: str
    weapons: tuple[str, ...]
    attacker_id: str | None
    target_id: str | None
    location_id: str | None
    country_code: str | None
    outcome: str
    attack_count: int | None
    evidence: str
    start_char: int
    end_char: int
    confidence: float
    event_type: str = "Violence against civilians"
    sub_event_type: str = "Attack"
    target_kind: str = "unknown"
    fatalities: int | None = None
    injured: int | None = None
    anchor_char: int | None = None  # where in the body the event is read from: distinct within a document
    disputed: bool = False  # the text says a party denied or rejected the report of it


Parses = dict[tuple[int, int], object]  # (start, end) of a sentence -> its spaCy Doc


def candidate_sentences(body: str, sentences: list[tuple[int, int]], dateline_end: int = 0) -> list[tuple[int, int]]:
    """The sentences worth parsing: those holding a trigger's surface form (after a dateline)."""
    pattern = rules().candidate
    return [(s, e) for s, e in sentences if pattern.search(body, max(s, dateline_end) if s < dateline_end < e else s, e)]


def parse_candidates(texts: list[str], spans: list[list[tuple[int, int]]], datelines: list[int]) -> list[Parses]:
    """Parse the candidate `spans` of every text in one batch: one {(start, end): Doc} per text.
    A sentence repeated in the batch (a wire story in several outlets, a stock paragraph) is
    parsed once and its Doc shared: the rules only read a Doc (and cache what they derive from it)."""
    jobs = [(k, span) for k, text_spans in enumerate(spans) for span in text_spans]
    sentences = [texts[k][max(s, datelines[k]) if s < datelines[k] < e else s:e] for k, (s, e) in jobs]
    distinct = list(dict.fromkeys(sentences))
    parsed = dict(zip(distinct, reparse_headlines(distinct, parse_sentences(distinct), parse_sentences, rules())))
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
        own_timexes = [t for t in timexes if start <= t.start < end and not _REPORTING_BEFORE.search(body, start, t.start)]
        # "shot dead earlier that day": the narrative's last time, or no date at all
        own_timexes = [a for t in own_timexes
                       if (a := event_dates.antecedent(t, timexes) if event_dates.is_anaphoric(t) else t) is not None]
        # "the first attack since it moved there in 2023", "dug it in 2023, and on Sunday ...": not the attack's time
        own_timexes = [t for t in own_timexes if not event_dates.is_history_aside(t, body, published, window, own_timexes)]
        if any(event_dates.is_history(t, published, window) for t in own_timexes):
            paragraph_date, paragraph_is_history = None, True
            continue  # "In 2020, a U.S. drone strike ...": history, not news
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
        if not clauses and len(events) > paragraph_first and _denies_last(doc, dropped):
            last = events[-1].start_char  # "The army denied carrying out the strike.": the attack just told
            events[paragraph_first:] = [replace(e, disputed=True) if e.start_char == last else e
                                        for e in events[paragraph_first:]]
        if events and (not clauses or refers_back(doc, clauses, rules())):
            # "Hamas claimed the attack.", "Police suspect M23 rebels.", in its paragraph or a later
            # one: who did the attack told last
            _credit_last(events, _claimed(body, start, end, inside, gazetteer, lex, every_rule=True))
        if not clauses and any(d.non_violent for d in dropped):
            after_mishap = True  # "a bomb exploded while they were planting it": what follows tells of it
            if _points_back(doc, {d.lemma for d in dropped}, rules()):  # "the explosion took place in an arms depot"
                events[paragraph_first:] = [e for e in events[paragraph_first:] if e.weapons != ("unknown",)]
            continue
        if after_mishap and own is None and (_only_toll(doc, clauses) or _points_back(doc, set(), rules())):
            continue  # "... Two militants were killed.", "the incident": the mishap just told, no attack
        if clauses and (own is None or own.date is None) and any(event_dates.is_period(t) for t in own_timexes) \
                and _only_toll(doc, clauses):
            continue  # "1,500 people were killed in gang violence in the first three months of 2024": a toll, no attack
        # "Three soldiers died in the fighting.": the toll of the attack it names back, however
        # a tally's words ("in the fighting") read it
        toll_back = bool(clauses) and bool(events) and own is None and _only_toll(doc, clauses) \
            and _points_back(doc, set(), rules())
        if not clauses or not (toll_back or _anchored(body, start, end, inside, own_timexes, lex, doc, clauses)):
            continue
        if own is None and events and _COREFERENT.search(sentence) and not _places(body, start, inside, gazetteer, lex):
            continue  # "shot down 29 of the drones": more about the attack just reported
        said_when = None if _under_claim(doc, clauses, rules()) else own  # "claimed the ambush on Wednesday": the claim's day
        if events and refers_back(doc, clauses, rules()) and not _contradicts(
                events[-1], said_when, body, start, inside, gazetteer, lex, doc, clauses):
            continue  # "the blast in the district shook homes": the attack just reported, told again
        continued = bool(events) and continues_attack(doc, clauses, rules()) and _same_time(own, events[-1]) \
            and not _places(body, start, inside, gazetteer, lex)
        inside += _antecedent_facility(body, start, end, mentions, gazetteer)
        when = own or paragraph_date
        if when is None and events and (_COREFERENT.search(sentence) or _SHIP_ANAPHOR.search(sentence)
                                        or _BASE_ANAPHOR.search(sentence)):
            last = events[-1]  # "the strikes", "the ship": the scene just reported, its date
            when = event_dates.EventDate(last.event_date, last.date_min, last.date_max, last.date_text, last.date_precision)
        elif when is None and events and _RESPONSE.search(sentence):
            when = event_dates.since(events[-1].date_min, published or window.end, events[-1].date_text)
        when = when or event_dates.day_told_later(timexes, body, end, published, window) or \
            event_dates.resolve(None, body, published, window)
        told = _told_with(body, sentences, k, parses)
        unharmed = bool(lex.no_harm.search(told))
        claimed = _claimed(body, start, sentences[k][0] + len(told), mentions, gazetteer, lex)
        found = _events_of_sentence(body, start, end, inside, gazetteer, when, lex, doc, clauses, unharmed, claimed,
                                    own_dated)
        after = _outcome(told[end - sentences[k][0]:], lex)  # "Officials said three soldiers died.": told after it
        found = [replace(e, outcome=after) if e.outcome == "unknown" and after not in ("unknown", "no damage") else e
                 for e in found]
        if found and continued:
            # "The attackers pounded the base with mortars.": no new place or day, an attacker
            # that points back: the attack just reported, told on
            events[-1] = joined(events[-1], found)
            continue
        if found and own is None and (len(events) > paragraph_first or toll_back) \
                and _only_toll(doc, clauses) and not _places(body, start, inside, gazetteer, lex):
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


def _denies_last(doc, dropped: list) -> bool:
    """Whether a sentence that reports no attack denies the one just told: a trigger dropped as
    denied that names it with a definite noun ("denied carrying out the strike")."""
    denied = {d.lemma for d in dropped if d.reason == _DENIED}
    return bool(denied) and _points_back(doc, denied, rules())


def _told_with(body: str, sentences: list[tuple[int, int]], k: int, parses: Parses) -> str:
    """Sentence `k` and those after it in its paragraph that hold no trigger ("No one was hurt.")."""
    end = sentences[k][1]
    for s, e in sentences[k + 1:]:
        if (s, e) in parses or "\n" in body[end:s]:
            break
        end = e
    return body[sentences[k][0]:end]


def _points_back(doc, lemmas: set[str], r: Rules) -> bool:
    """Whether the sentence names the event just told with a definite noun ("the incident", or
    "the explosion" among `lemmas`): a sentence whose triggers all have a non-violent sense and
    does so says that the blast told before was no attack; one after a non-violent event that
    does so tells more of it."""
    nouns = lemmas | r.event_nouns
    return any(lemma_of(t) in nouns and any(c.dep_ == "det" and lemma_of(c) in r.definite for c in t.children)
               and not any(lemma_of(c) in r.new_event for c in t.children) for t in doc)


def _under_claim(doc, clauses: list[Clause], r: Rules) -> bool:
    """Whether every attack word of the sentence hangs on a verb of claiming or blaming
    (attack_words.json `claim_verbs`: "JNIM claimed the ambush on Wednesday", "claimed
    responsibility for the attack"): a day the sentence names is the claim's, not the attack's."""
    def verb_above(token):
        return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return bool(clauses) and all((v := verb_above(doc[c.trigger])) is not None and lemma_of(v) in r.claim_verbs
                                 for c in clauses)


def _same_time(own: event_dates.EventDate | None, last: AttackEvent) -> bool:
    """Whether a sentence's own date names no new day: none, or one inside the last event's range."""
    return own is None or (last.date_min <= own.date_min and own.date_max <= last.date_max)


def _only_toll(doc, clauses: list[Clause]) -> bool:
    """Whether the sentence's attacks are only harm words ("were killed and wounded") with no
    weapon of their own: a toll, which tells of whatever event was just reported."""
    r = rules()
    return all(c.lemma in r.harm for c in clauses) and not weapons_of(doc, clauses, r)


def _contradicts(last: AttackEvent, own: event_dates.EventDate | None, body: str, start: int,
                 mentions: list[Mention], gazetteer: dict[str, Entity], lex: Lexicon, doc, clauses: list[Clause]) -> bool:
    """Whether a sentence that points back ("the strike") names what the attack just reported
    cannot be: a date outside its range, a weapon none of its own, a facility other than its
    place or a place in another country. A district or village of the same country is taken
    for a closer description of the same scene."""
    if own is not None and (own.date_max < last.date_min or own.date_min > last.date_max):
        return True
    weapons = set(weapons_of(doc, clauses, rules()))
    if weapons and last.weapons and not weapons & set(last.weapons):
        return True
    for m in _places(body, start, mentions, gazetteer, lex):
        e = gazetteer[m.entity_id]
        if e.country_code and last.country_code and e.country_code != last.country_code:
            return True
        if e.entity_type == "FAC" and m.entity_id != last.location_id:
            return True
    return False


def _antecedent_facility(body: str, start: int, end: int, mentions: list[Mention],
                         gazetteer: dict[str, Entity]) -> list[Mention]:
    """ "targeted the base": the facility named last before it in the same paragraph."""
    if not _BASE_ANAPHOR.search(body, start, end):
        return []
    if any(start <= m.start < end and gazetteer[m.entity_id].entity_type == "FAC" for m in mentions):
        return []
    paragraph_start = body.rfind("\n", 0, start) + 1
    before = [m for m in mentions if paragraph_start <= m.start < start and gazetteer[m.entity_id].entity_type == "FAC"]
    return before[-1:]


def _anchored(body: str, start: int, end: int, mentions: list[Mention], timexes: list[Timex], lex: Lexicon,
              doc, clauses: list[Clause]) -> bool:
    """An attack report is about a real scene: a trigger verb in a finite or past form ("gunmen
    attacked", "raiders attack civilians" in a headline), a time, a place, a target or an
    outcome (not "drone attacks are a growing threat"); an official tally is not one attack."""
    sentence = body[start:end]
    if is_tally_sentence(sentence):
        return False
    return bool(any(doc[c.trigger].tag_ in _FINITE or _under_past_verb(doc[c.trigger]) for c in clauses) or timexes or lex.specific.search(sentence) or lex.target_us.search(sentence)
                or any(m.entity_id.startswith(("fac:", "gpe:geonames-")) or m.entity_id.count(":") and
                       context.is_locative(body, m, start) for m in mentions)
                or _SHIP_ANAPHOR.search(sentence) or any(p.search(sentence) for _, p in lex.outcomes))


def _under_past_verb(token) -> bool:
    """ "kidnapped a driver after assaulting him": a participle or gerund trigger whose nearest
    verb above it is in the past tense tells of a scene, as a finite trigger does."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBG", "VBN"):
        return False
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and verb.tag_ == "VBD"


def _places(body: str, start: int, mentions: list[Mention], gazetteer, lex: Lexicon,
            exclude: tuple = ()) -> list[Mention]:
    """The mentions that say where the attack happened (not who did it, whom it targeted,
    where it came from, or what war it belongs to)."""
    return [m for m in mentions if gazetteer[m.entity_id].entity_type in _PLACE_TYPES
            and not _is_origin_or_target(body, start, m, lex)
            and not context.is_background(body, m, start)
            and not (gazetteer[m.entity_id].entity_type == "GPE" and context.is_modifier(body, m))
            and not (gazetteer[m.entity_id].is_country and context.is_border(body, m))
            and (m.entity_id not in exclude or context.is_locative(body, m, start))]


def _events_of_sentence(body, start, end, mentions, gazetteer, when, lex, doc, clauses,
                        unharmed: bool = False, claimed: str | None = None,
                        own_dated: list | None = None) -> list[AttackEvent]:
    """The rows of one reporting sentence: one per attack (`group_attacks`), and per attack one
    per named facility or country; none for an attack typed as another kind of event (`unharmed`:
    the text says nobody was hurt). `claimed`: who the text says did it ("X claimed
    responsibility"), the attacker of an attack whose own words name none. Each attack takes the
    date of its own clause (`event_dates.clause_dates` over `own_dated`, the sentence's resolved
    expressions), else `when`."""
    r = rules()
    attacks = [item for g in group_attacks(doc, clauses, r) for item in enumerated(doc, g, r)]
    spans = [(start + min(c.span(doc)[0] for c in g), start + max(c.span(doc)[1] for c in g)) for g in attacks]
    if own_dated and len(attacks) > 1:
        own_whens = event_dates.clause_dates(spans, own_dated, start)
    elif own_dated and len(own_dated) > 1:  # "X on Tuesday condemned the bombing on Monday": the trigger's own words date it
        words = [t for c in attacks[0] for t in doc[c.trigger].subtree]
        own_whens = event_dates.clause_dates([(start + min(t.idx for t in words),
                                               start + max(t.idx + len(t) for t in words))], own_dated, start)
    else:
        own_whens = [None] * len(attacks)
    tolls = toll_owners(doc, attacks, r) if len(attacks) > 1 else {}
    events: list[AttackEvent] = []
    previous: tuple[str, ...] = ()
    owners = _mention_owners(doc, start, attacks, mentions)
    shared = [m for m, k in zip(mentions, owners) if k is None]
    for k, (group, own_when) in enumerate(zip(attacks, own_whens)):
        if len(attacks) == 1:
            inside, counted = mentions, None
        else:
            # its own names, else those no attack of the sentence holds ("In Yemen on Monday, ...")
            inside = [m for m, j in zip(mentions, owners) if j == k] or shared or (
                [] if own_places(doc, group) else mentions)  # a place of its own the gazetteer lacks is none of theirs
            # a toll that trails two attacks counts for the one it names, else for none
            own = {i for c in group for i in c.tokens}
            for toll, owner in tolls.items():
                own = own | toll if owner == k else own - toll
            counted = tuple(sorted(own))
        inherited = previous if says_another(doc, group, r) else ()  # "and another hit ...": the same weapon
        found = _events_of_attack(body, start, end, inside, gazetteer, own_when or when, lex, doc, group, counted,
                                  single=len(attacks) == 1, unharmed=unharmed, inherited=inherited, claimed=claimed)
        previous = found[0].weapons if found else weapons_of(doc, group, r)
        events += found
    return events


def _own_places_first(doc, start: int, end: int, group: list[Clause], places: list[Mention]) -> list[Mention]:
    """The places of the sentence's one attack: those its own clause names ("fighting erupted in
    A while the army bombed B": B), else, when its clause names a place of its own the
    gazetteer lacks ("bombed Tessalit"), none, else every place of the sentence ("the attack
    took place in A"). A place from before the sentence ("targeted the base": the base named
    before it) stays one of them."""
    inside = [m for m in places if start <= m.start < end]
    before = [m for m in places if not start <= m.start < end]
    owned = [m for m, k in zip(inside, _mention_owners(doc, start, [group], inside)) if k == 0]
    if owned:
        return owned + before
    return before if own_places(doc, group) else places


def _mention_owners(doc, start: int, attacks: list[list[Clause]], mentions: list[Mention]) -> list[int | None]:
    """For each mention, the attack of the sentence whose own words hold it, or None (a word of
    none of them, or of several: "On Monday in Yemen, ...")."""
    tokens = [{i for c in g for i in c.tokens} for g in attacks]
    out: list[int | None] = []
    for m in mentions:
        span = doc.char_span(m.start - start, m.end - start, alignment_mode="expand")
        ids = {t.i for t in span} if span is not None else set()
        holders = [k for k, own in enumerate(tokens) if ids and ids <= own]
        out.append(holders[0] if len(holders) == 1 else None)
    return out


def _events_of_attack(body, start, end, mentions, gazetteer, when, lex, doc, group: list[Clause],
                      counted, single: bool, unharmed: bool = False,
                      inherited: tuple[str, ...] = (), claimed: str | None = None) -> list[AttackEvent]:
    sentence = body[start:end]
    r = rules()
    weapons = weapons_of(doc, group, r) or tuple(w for w in inherited if w != "unknown")
    hit = _phrase_starts(doc, start, target_nouns(doc, group) + victims(doc, r))
    attacker = _attacker(body, start, end, mentions, gazetteer, lex, hit) or _parsed_actor(
        doc, _agent_nouns(doc, group), start, mentions, gazetteer, body=body, attacker=True) or _possessing_state(
        doc, start, group, mentions, gazetteer) or claimed
    if attacker and gazetteer[attacker].entity_type == "GPE" and not weapons and _STRIKES.search(sentence):
        weapons = ("airstrike",)  # a state "carried out strikes": from the air unless said otherwise
    if attacker == "gpe:us":
        target = next((m.entity_id for m in mentions if m.entity_id in lex.armed_groups
                       and may_act(body, start, m, gazetteer)), None)
    else:
        target = "gpe:us" if lex.target_us.search(sentence) else _ship_target(mentions, gazetteer)
    target = target or _parsed_actor(doc, target_nouns(doc, group), start, mentions, gazetteer, exclude=attacker,
                                     body=body)
    typing = type_attack(doc, group, weapons, r, counted, unharmed)
    if not typing.attack:
        return []
    if typing.target_kind == "unknown" and target in armed_groups.kinds():  # "attacked ISWAP": what the group is
        typing = replace(typing, target_kind="military" if armed_groups.kinds()[target] == "State forces" else "armed group")
    named = _places(body, start, mentions, gazetteer, lex, exclude=(attacker, target))
    places = _own_places_first(doc, start, end, group, named) if single else named
    seas = [m for m in named if gazetteer[m.entity_id].entity_type == "LOC" and not gazetteer[m.entity_id].country_code]
    if seas and _MARITIME.search(sentence):
        places = seas[:1]  # an attack on shipping happens at sea, whatever coast is named beside it
    by_country: dict[str | None, list[Mention]] = {}
    for m in places:
        by_country.setdefault(gazetteer[m.entity_id].country_code or _country_from_context(body, start, m, mentions, gazetteer), []).append(m)
    if not places:
        # "Iraqi military bases": a demonym on a place noun says the country, not the place
        for m in mentions:
            e = gazetteer[m.entity_id]
            if e.entity_type == "NORP" and e.country_code and e.country_code != "US" and _PLACE_NOUN.match(body, m.end):
                by_country.setdefault(e.country_code, [])
    outcome = _outcome(sentence, lex)
    count = _count(sentence) if single else 1
    groups = _event_places(by_country, gazetteer, _coordinated_places(doc, start, places))
    tolled = [j for j, (_, location) in enumerate(groups) if _toll_names(doc, start, group, location, r)]
    anchor = start + min(doc[c.trigger].idx for c in group)  # the attack's first trigger word
    confidence = round(min(0.95, 0.5 + 0.1 * sum(map(bool, (when.text, weapons, places, outcome != "unknown")))), 2)
    return [AttackEvent(
        when.date, when.date_min, when.date_max, when.text, when.precision, weapons or ("unknown",),
        attacker, target, location.entity_id if location else None, cc, outcome,
        count if len(groups) == 1 else None, sentence, start, end, confidence,
        *_typing_fields(typing, len(groups) == 1 or tolled[:1] == [j]),
        anchor_char=anchor if j == 0 or location is None else location.start)  # a row per place: at its name
        for j, (cc, location) in enumerate(groups)]


def _typing_fields(t: Typing, counts: bool = True) -> tuple:
    """The typing columns of a row; `counts`: whether the dead and injured are this row's."""
    return t.event_type, t.sub_event_type, t.target_kind, t.fatalities if counts else None, t.injured if counts else None


def _toll_names(doc, start: int, group: list[Clause], location: Mention | None, r: Rules) -> bool:
    """Whether a harm clause of the attack holds the row's place ("killing three in Aden"): when
    one attack gives a row per place, its toll is that of the first row whose place its harm
    clause names ("five killed in Mandera, near the border"), else no row's: never counted twice."""
    if location is None:
        return False
    return any(lo <= location.start - start and location.end - start <= hi
               for c in group if c.lemma in r.harm for lo, hi in [c.span(doc)])


def weapons_of(doc, group: list[Clause], r: Rules, borrow: bool = True) -> tuple[str, ...]:
    """The weapons named in the attack's own clauses (not elsewhere in its sentence); with
    `borrow`, when they name none, those of the subject a subjectless trigger shares."""
    text = " ".join(c.text(doc) for c in group)
    weapons = tuple(w for w, p in r.weapons.items() if p.search(text))
    if not weapons and borrow:  # "a bomb was in the morning hurled at a school": the subject of the verb it hangs on
        text = " ".join(x.text for c in group for x in _borrowed_subject(doc[c.trigger]))
        weapons = tuple(w for w, p in r.weapons.items() if p.search(text))
    if "one-way attack drone" in weapons and "drone" not in weapons:
        weapons += ("drone",)
    return weapons


def _borrowed_subject(trigger) -> list:
    """The words of the subject a subjectless trigger verb shares with the verb it hangs on
    ("a bomb was ... hurled", "gunmen stormed the hotel and shot ..."); none when it has its own."""
    if trigger.dep_ not in ("advcl", "xcomp", "conj") or any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return []
    return [x for s in trigger.head.children if s.dep_ in ("nsubj", "nsubjpass") for x in s.subtree]


def _toll_only(doc, group: list[Clause], r: Rules) -> bool:
    """Whether an attack is only a count of its victims ("2 killed and 30 injured in a bomb
    blast": the "2 killed"): harm words without a weapon or an object, whose subject, if any,
    is a number of people."""
    def toll(c: Clause) -> bool:
        t = doc[c.trigger]
        subjects = [k for k in t.children if k.dep_ == "nsubj"]
        return (c.lemma in r.harm and not any(k.dep_ == "dobj" for k in t.children)
                and all(k.like_num or any(n.dep_ == "nummod" for n in k.children) for k in subjects))
    return all(toll(c) for c in group) and not weapons_of(doc, group, r, borrow=False)


def group_attacks(doc, clauses: list[Clause], r: Rules) -> list[list[Clause]]:
    """The attacks of a sentence: clauses inside one another are one attack ("opened fire,
    killing two"); a clause apart from the others is an attack of its own when it names
    weapons the others do not ("shelled the town and drones struck the market"; "carried out
    strikes ... hours after the group fired a missile"), another place, or says it is another
    ("a drone struck a market in A and another hit a checkpoint in B": `attack_groups.apart`)."""
    groups: list[list[Clause]] = []
    for c in clauses:
        home = next((g for g in groups if any(c.trigger in x.tokens or x.trigger in c.tokens
                                              or _tells_how(doc, c, x, r) or _one_act(doc, x, c) for x in g)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    merged: list[tuple[list[Clause], set[str]]] = []
    for g in groups:
        w = set(weapons_of(doc, g, r, borrow=False)) - {"gunfire"}
        if merged and (not w or w & merged[-1][1]) and not apart(doc, merged[-1][0], g, r):
            merged[-1] = (merged[-1][0] + g, merged[-1][1] | w)
        else:
            merged.append((g, w))
    attacks = [g for g, _ in merged]
    if len(attacks) > 1 and attacks[0] and _toll_only(doc, attacks[0], r):
        attacks = [attacks[0] + attacks[1]] + attacks[2:]  # "2 killed and 30 injured in a bomb blast"
    return attacks


def _one_act(doc, first: Clause, then: Clause) -> bool:
    """Whether two coordinated trigger verbs share their subject and their object ("soldiers beat
    and stabbed a shopkeeper"): the first has no object of its own, the second no subject."""
    a, b = doc[first.trigger], doc[then.trigger]
    return (b.dep_ == "conj" and b.head.i == a.i and not any(k.dep_ in ("nsubj", "nsubjpass") for k in b.children)
            and not any(k.dep_ in ("dobj", "prep") for k in a.children))


def _tells_how(doc, c: Clause, x: Clause, r: Rules) -> bool:
    """Whether clause `c` says how the harm of clause `x` came about: "two farmers were killed
    when a landmine exploded" is one attack (`attack_words.json` same_event_marks)."""
    t = doc[c.trigger]
    return (t.dep_ == "advcl" and t.head.i == x.trigger and x.lemma in r.harm
            and any(k.dep_ == "advmod" or k.dep_ == "mark" for k in t.children if lemma_of(k) in r.same_event_marks))


def _possessing_state(doc, start: int, group: list[Clause], mentions: list[Mention], gazetteer) -> str | None:
    """ "Russia's missile attack on Kyiv": a state named as the possessor of an attack noun made
    the attack (it is no place of it)."""
    for c in group:
        t = doc[c.trigger]
        if t.pos_ != "NOUN":
            continue
        for p in (x for x in t.children if x.dep_ == "poss"):
            lo = start + min(x.idx for x in p.subtree)
            found = next((m.entity_id for m in mentions if m.start == lo and gazetteer[m.entity_id].is_country), None)
            if found:
                return found
    return None


def _phrase_starts(doc, start: int, nouns: list) -> frozenset[int]:
    """The body offsets of the words of each noun's phrase, without the clauses that describe it
    ("missiles fired by the Houthis": the Houthis fired them, they were not hit)."""
    out: set[int] = set()

    def walk(t):
        out.add(start + t.idx)
        for c in t.children:
            if c.dep_ not in ("acl", "relcl", "agent"):
                walk(c)
    for n in nouns:
        walk(n)
    return frozenset(out)


def _agent_nouns(doc, group: list[Clause]) -> list:
    """Who did it: the subject of an active trigger, "by ..." of a passive one or of a noun, the
    name or demonym a trigger noun is modified by ("an Israeli strike", "Russia's attack", "a
    Hamas attack"); a coordinated trigger or a participle clause without a subject of its own
    shares its head's."""
    out = []
    for c in group:
        t = doc[c.trigger]
        out += [x for x in t.children if x.dep_ == "nsubj"]
        if t.pos_ == "NOUN":
            out += [x for x in t.children if x.dep_ in ("poss", "amod", "compound", "nmod") and x.pos_ in ("PROPN", "ADJ")
                    and x.i < t.i]
        out += [g for x in t.children if x.dep_ in ("agent", "prep") and x.lower_ == "by" for g in x.children]
        if (t.dep_ == "conj" or t.dep_ == "advcl" and t.tag_ == "VBG") and \
                not any(x.dep_ in ("nsubj", "nsubjpass") for x in t.children):
            out += [x for x in t.head.children if x.dep_ == "nsubj"]  # "militiamen torched a village, killing five"
    return out


def _parsed_actor(doc, nouns: list, start: int, mentions: list[Mention], gazetteer, exclude: str | None = None,
                  body: str = "", attacker: bool = False) -> str | None:
    """The named actor inside one of `nouns`' phrases ("Al Shabaab militants", "a Saudi border
    guard"): an organisation, a person, or a demonym's country (not "the Greek-flagged tanker";
    for an `attacker` not "Somali pirates" either, people of a nationality who are no state's
    forces: attack_lexicon.json `nationality_after`)."""
    lex = lexicon()
    for noun in nouns:
        lo, hi = start + min(t.idx for t in noun.subtree), start + max(t.idx + len(t) for t in noun.subtree)
        for m in mentions:
            if lo <= m.start and m.end <= hi and m.entity_id != exclude and may_act(body, start, m, gazetteer):
                e = gazetteer[m.entity_id]
                if e.entity_type in ("ORG", "PERSON"):
                    return m.entity_id
                after = body[m.end:m.end + 60]
                if e.entity_type == "NORP" and _country_id(e, gazetteer) and not lex.not_actor_after.match(after) \
                        and not (attacker and lex.nationality_after.match(after)):
                    return _country_id(e, gazetteer)
    return None


def may_act(body: str, floor: int, m: Mention, gazetteer) -> bool:
    """Whether mention `m` can fill an actor role (attacker or target): an organisation, a
    person, a group or nationality, or a state (a country name), unless it stands where a
    place stands ("near Djibo", "in the village of X", "Shaykh area": attack_lexicon.json
    `place_before_actor`, `place_after_actor`; for a country also "at", "into": `place_before_country`),
    whatever type the model gave it. A place below a country (a city, a district, a base, a
    sea) is never an actor: a named ship is a target of its own kind (`_ship_target`); nor is a
    name the model found that is one ordinary word ("Bandits attacked ...": `ner.common_words`).
    `floor`: where the sentence starts (the text looked at before the name does not cross it)."""
    e = gazetteer[m.entity_id]
    if e.entity_type in _PLACE_TYPES and not e.is_country:
        return False
    lex = lexicon()
    before = body[max(floor, m.start - 40):m.start]
    if lex.place_before_actor.search(before) or lex.place_after_actor.match(body[m.end:m.end + 40]):
        return False
    if e.source == "ner" and " " in m.surface and lex.place_after_actor.match(" " + m.surface.split()[-1]):
        return False  # "Nyeri Town", "Samburu West Sub County": a name the model read with its place noun
    if e.source == "ner" and " " not in m.surface and _common_word(m.surface):
        return False  # "Bandits attacked ...", "a Toyota": a common word the model took for a name
    return not (e.is_country and lex.place_before_country.search(before))


def _common_word(word: str) -> bool:
    """Whether a word, or its singular, is an ordinary English word (`ner.common_words`)."""
    lower = word.lower()
    return lower in common_words() or lower.endswith("s") and lower[:-1] in common_words()


def _country_id(demonym: Entity, gazetteer) -> str | None:
    """The country entity a demonym names ("Russian forces": gpe:ru), when the gazetteer has it:
    an event names no id that `entities` lacks."""
    entity_id = f"gpe:{demonym.country_code.lower()}" if demonym.country_code else None
    return entity_id if entity_id in gazetteer else None


def _event_places(by_country: dict[str | None, list[Mention]], gazetteer: dict[str, Entity],
                  apart: frozenset[str] = frozenset()):
    """(country, location) of each event of a sentence: one per named facility (attacks on two
    bases are two events) or place named apart (`apart`: "struck Erbil and Baghdad"), else one
    per country at its most specific place."""
    groups: list[tuple[str | None, Mention | None]] = []
    for cc, mentions in by_country.items():
        if cc is None and any(c for c in by_country):
            continue  # a sea or region beside named countries adds no event of its own
        # a country "apart" from a place of its own ("in Sennar, Sudan": the parser may read the
        # comma as a conjunction) is where that place lies, not a second place
        wider = {m.entity_id for m in mentions if gazetteer[m.entity_id].is_country} \
            if any(not gazetteer[m.entity_id].is_country for m in mentions) else set()
        facilities = list({m.entity_id: m for m in mentions if gazetteer[m.entity_id].entity_type == "FAC"
                           or m.entity_id in apart and m.entity_id not in wider}.values())
        if facilities:
            groups.extend((cc or gazetteer[f.entity_id].country_code, f) for f in facilities)
        else:
            best = max(mentions, key=lambda m: _specificity(gazetteer[m.entity_id]), default=None)
            groups.append((cc, best))
    return groups or [(None, None)]


def _coordinated_places(doc, start: int, places: list[Mention]) -> frozenset[str]:
    """The places of one attack named as conjuncts of one another ("missiles struck Erbil and
    Baghdad", "shelled villages in A, B and C"): places apart, each an event of its own (ACLED
    codes an event per location). A place and the wider one it lies in are never coordinated so."""
    roots = []
    for m in places:
        span = doc.char_span(m.start - start, m.end - start, alignment_mode="expand")
        if span is not None:
            roots.append((m.entity_id, span.root))
    out: set[str] = set()
    for a, x in roots:
        for b, y in roots:
            if a != b and y.dep_ == "conj" and y.head.i == x.i and not any(t.lower_ == "between" for t in x.ancestors):
                out |= {a, b}  # not "the road between A and B", "the border between A and B governorates": one place
    return frozenset(out)


def _specificity(entity: Entity) -> int:
    return 1 if entity.is_country else _SPECIFICITY[entity.entity_type]


def _is_origin_or_target(body: str, sentence_start: int, m: Mention, lex: Lexicon) -> bool:
    before = body[max(sentence_start, m.start - 20):m.start]  # ("tribesmen of the ": 17)
    return bool(lex.origin_before.search(before) or context.is_affiliation(body, m)
                or lex.target_before.search(before) and m.entity_id.startswith("gpe:il"))


def _attacker(body: str, start: int, end: int, mentions: list[Mention], gazetteer, lex: Lexicon,
              hit: frozenset[int] = frozenset()) -> str | None:
    """Who attacked: the U.S. when it "carried out strikes"; an armed group named in the
    sentence (not as a target, nor starting at one of `hit`, the body offsets of the words naming
    what the attack hit or who it hurt: "killed two Hezbollah members"); else the actor named
    just before the attack verb ("Russia launched", "Russian artillery shelling", "The Sudanese
    army carried out"), or another way of attack_roles.jsonl `within` "sentence" ("X said its
    fighters ambushed ...")."""
    if lex.us_attacker.search(body, start, end):
        return "gpe:us"
    groups = [m.entity_id for m in mentions if m.entity_id in lex.armed_groups
              and not _NOT_PERPETRATOR_BEFORE.search(body[max(start, m.start - 20):m.start])
              and m.start not in hit
              and may_act(body, start, m, gazetteer)]
    if groups:
        return groups[0]
    for m in mentions:
        e = gazetteer[m.entity_id]
        if e.entity_type not in ("ORG", "GPE", "NORP") or _NOT_PERPETRATOR_BEFORE.search(body[max(start, m.start - 20):m.start]) \
                or not may_act(body, start, m, gazetteer):
            continue
        if any(r.names(body, start, m) for r in lex.roles if r.within == "sentence"):
            return _actor_id(body, m, gazetteer, lex, mentions)
    return None


def _claimed(body: str, start: int, end: int, mentions: list[Mention], gazetteer, lex: Lexicon,
             every_rule: bool = False) -> str | None:
    """Who the text says did the attack told in body[start:end] (its sentence and the sentences
    after it that report no attack): "Islamic State claimed responsibility", "was blamed on ...",
    "claimed by ...", "police suspect ..." (attack_roles.jsonl rules `within` "told"); the first
    rule that finds a name wins. `every_rule`: body[start:end] is a later sentence that reports
    no attack of its own, where the rules of an attack's own sentence count too ("X said its
    fighters carried out the attack"), after those of "told"."""
    names = [m for m in mentions if start <= m.start and m.end <= end
             and gazetteer[m.entity_id].entity_type in ("ORG", "PERSON", "GPE", "NORP") and may_act(body, start, m, gazetteer)]
    if not names:
        return None
    for rule in sorted(lex.roles, key=lambda r: r.within != "told"):
        if rule.within != "told" and not every_rule:
            continue
        for m in names:
            if rule.names(body, start, m) and (actor := _actor_id(body, m, gazetteer, lex, names)):
                return actor
    return None


def _actor_id(body: str, m: Mention, gazetteer, lex: Lexicon, mentions: list[Mention] = ()) -> str | None:
    """The entity a name of an attacker stands for: itself, or a demonym's country. A demonym
    names no actor in a compound adjective ("Iranian-made"), the armed group named right after it
    when there is one ("Kenyan al-Shabaab recruits": the group's origin), and no state when it
    gives the nationality of people who are not a state's forces ("Somali militants", "Ethiopian
    herders": attack_lexicon.json `nationality_after`)."""
    e = gazetteer[m.entity_id]
    if e.entity_type != "NORP":
        return m.entity_id
    after = body[m.end:m.end + 60]
    if lex.not_actor_after.match(after):
        return None
    group = next((n.entity_id for n in mentions if n.start > m.end and n.entity_id in lex.armed_groups
                  and body[m.end:n.start].strip() == ""), None)
    if group:
        return group
    return None if lex.nationality_after.match(after) else _country_id(e, gazetteer)


def _country_from_context(body: str, start: int, m: Mention, mentions: list[Mention], gazetteer) -> str | None:
    """ "the northern Israeli town of Kiryat Shmona": the demonym before the place noun."""
    for n in mentions:
        e = gazetteer[n.entity_id]
        if e.entity_type == "NORP" and e.country_code and start <= n.end <= m.start and m.start - n.end < 30 \
                and re.match(r"\s+(?:\w+\s+){0,3}?(?:(?:town|city|village|region|province|port|area|district|base|border)"
                             r"\s+of|near|outside)\s+$", body[n.end:m.start]):
            return e.country_code
    return None


def _ship_target(mentions: list[Mention], gazetteer) -> str | None:
    """A named warship in the sentence is what was attacked ("USS Carney", "HMS Diamond")."""
    return next((m.entity_id for m in mentions if gazetteer[m.entity_id].entity_type == "FAC"
                 and _SHIP_NAME.match(gazetteer[m.entity_id].name)), None)


def _outcome(sentence: str, lex: Lexicon) -> str:
    """Precedence deaths > injuries > damage > intercepted > no damage; "no casualties" is no damage."""
    affirmed = lex.no_damage.sub(" ", sentence)
    for outcome, pattern in lex.outcomes:
        if pattern.search(affirmed):
            return outcome
    return "no damage" if affirmed != sentence else "unknown"


def _count(sentence: str) -> int | None:
    """How many attacks: "two drone attacks" -> 2; one weapon named singly ("a drone struck") -> 1."""
    m = re.search(r"\b(a dozen|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+){0,2}?"
                  r"(attacks?|strikes?|drones?|rockets?|missiles?)\b", sentence, re.I)
    if not m:
        return None
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else _COUNT_WORDS[word]
    return n if m.group(2).lower().startswith(("attack", "strike")) or n == 1 else 1
