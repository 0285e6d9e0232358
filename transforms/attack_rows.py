"""The event rows of one reporting sentence: one per attack, and per attack one per place
(component `attacks`).

Each row takes its attack's weapons, attacker and target (`attack_actors`), places
(`attack_places`), outcome (`attack_outcome`) and ACLED typing (`acled_types`); a toll that
names one of several places counts for that row only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from transforms import armed_groups, country_in_names, event_dates
from transforms.acled_types import Typing, target_nouns, type_attack
from transforms.attack_actors import (agent_nouns, may_act, named_attacker, parsed_actor, phrase_starts,
                                      possessing_state, ship_target)
from transforms.attack_continuation import dropped_from_aircraft
from transforms.attack_denial import deniers
from transforms.attack_detect import Clause, victims
from transforms.attack_fired import hit_nouns, victims_group
from transforms.attack_groups import enumerated, group_attacks, own_places, says_another, toll_owners
from transforms.attack_outcome import count_attacks, read_outcome
from transforms.attack_respective import respective_tolls
from transforms.attack_places import (coordinated_places, country_from_context, mention_owners, own_places_first,
                                      place_groups, scene_places)
from transforms.attack_rules import Rules, rules
from transforms.attack_sequence import objects, sequence_days, sequence_mark, shifted, speakers
from transforms.attack_weapons import weapons_of
from transforms.entities import Mention

_STRIKES = re.compile(r"\bstrikes?\b", re.I)
_PLACE_NOUN = re.compile(r"\s+(?:(?:military|air|army|naval|border)\s+)?(?:bases?|airbases?|airports?|territory|soil|"
                         r"cities|city|towns?|villages?|provinces?|border|waters|coast|installations?|facilit(?:y|ies))\b")
_MARITIME = re.compile(r"\b(warships?|ships?|vessels?|destroyers?|tankers?|navy|naval|carrier|sea)\b", re.I)


@dataclass(frozen=True)
class AttackEvent:
    """One attack event, a row of `attack_events` (../shared/DESIGN.md): dates as `datetime.date`,
    `start_char`/`end_char`/`anchor_char` character offsets into the article body."""

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


def events_of_sentence(body, start, end, mentions, gazetteer, when, lex, doc, clauses,
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
    for k, group in enumerate(attacks[1:], 1):
        mark = sequence_mark(doc, group, r)  # "a day after militants killed ...": the day of the act it follows
        base = own_whens[0] or when
        mine = own_whens[k]  # "a day after" may itself read as a time: no day of its own unless it differs
        if mark is not None and (mine is None or (mine.date, mine.date_min, mine.date_max) == (base.date, base.date_min, base.date_max)):
            own_whens[k] = shifted(base, sequence_days(mark, r), r.sequence_marks[mark.lemma_.lower()], base.text)
    tolls = respective_tolls(doc, attacks, toll_owners(doc, attacks, r), r.harm) if len(attacks) > 1 else {}
    events: list[AttackEvent] = []
    previous: tuple[str, ...] = ()
    owners = mention_owners(doc, start, attacks, mentions)
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
            # the others' first, then its own: parts of one toll share its harm word ("killing ... respectively")
            own = own.difference(*[toll for toll, owner in tolls.items() if owner != k])
            own = own.union(*[toll for toll, owner in tolls.items() if owner == k])
            counted = tuple(sorted(own))
        inherited = previous if says_another(doc, group, r) else ()  # "and another hit ...": the same weapon
        found = _events_of_attack(body, start, end, inside, gazetteer, own_when or when, lex, doc, group, counted,
                                  single=len(attacks) == 1, unharmed=unharmed, inherited=inherited, claimed=claimed)
        previous = found[0].weapons if found else weapons_of(doc, group, r)
        events += found
    return events


def _events_of_attack(body, start, end, mentions, gazetteer, when, lex, doc, group: list[Clause],
                      counted, single: bool, unharmed: bool = False,
                      inherited: tuple[str, ...] = (), claimed: str | None = None) -> list[AttackEvent]:
    sentence = body[start:end]
    r = rules()
    weapons = weapons_of(doc, group, r) or tuple(w for w in inherited if w != "unknown")
    weapons = dropped_from_aircraft(body, start, weapons, r.weapons["airstrike"])  # "the jet ... The bomb hit"
    hit_first = objects(doc, start, group, r)  # "struck suspected TTP hideouts": the group was hit
    hit = phrase_starts(doc, start, target_nouns(doc, group) + victims(doc, r)) | speakers(doc, start, group, r) | hit_first \
        | deniers(doc, start, group, r)  # "X denied carrying out the bombing": X is not named its attacker
    attacker = named_attacker(body, start, end, mentions, gazetteer, lex, hit) or parsed_actor(
        doc, agent_nouns(doc, group), start, mentions, gazetteer, body=body, attacker=True) or possessing_state(
        doc, start, group, mentions, gazetteer) or claimed
    if attacker and gazetteer[attacker].entity_type == "GPE" and not weapons and _STRIKES.search(sentence):
        weapons = ("airstrike",)  # a state "carried out strikes": from the air unless said otherwise
    if attacker == "gpe:us":
        target = next((m.entity_id for m in mentions if m.entity_id in lex.armed_groups
                       and may_act(body, start, m, gazetteer)), None)
    else:
        target = "gpe:us" if lex.target_us.search(sentence) else ship_target(mentions, gazetteer)
    hit_phrases = hit_nouns(target_nouns(doc, group), r)  # not "an Iskander-M" fired at the port
    target = target or parsed_actor(doc, hit_phrases, start, mentions, gazetteer, exclude=attacker,
                                     body=body) or next((m.entity_id for m in mentions if m.start in hit_first
                                                         and m.entity_id in lex.armed_groups and m.entity_id != attacker), None)
    target = target or victims_group(doc, start, mentions, attacker, r)  # "a Hamas commander killed in a strike"
    typing = type_attack(doc, group, weapons, r, counted, unharmed)
    if not typing.attack:
        return []
    if typing.target_kind == "unknown" and target in armed_groups.kinds():  # "attacked ISWAP": what the group is
        typing = replace(typing, target_kind="military" if armed_groups.kinds()[target] == "State forces" else "armed group")
    named = scene_places(body, start, mentions, gazetteer, lex, exclude=(attacker, target))
    # "shot down a U.S. MQ-9 over Marib": a country that only says whose the thing is makes no row beside a place
    kept = [m for m in named if not (gazetteer[m.entity_id].is_country and country_in_names.attributive(doc, start, m))]
    named = kept if kept else named
    places = own_places_first(doc, start, end, group, named) if single else named
    # "on the Congo River near Mbandaka", "on Lake Chad near Baga": a feature known only by the country
    # its name gives (no coordinates) is where the town lies, not a second scene in another country
    # (a town the gazetteer places; an unplaced one leaves the feature's country as the evidence)
    towns = [m for m in places if gazetteer[m.entity_id].entity_type == "GPE" and not gazetteer[m.entity_id].is_country
             and gazetteer[m.entity_id].latitude is not None]
    if towns:
        places = [m for m in places if not (gazetteer[m.entity_id].entity_type == "LOC" and gazetteer[m.entity_id].country_code
                                            and gazetteer[m.entity_id].latitude is None)]
    seas = [m for m in named if gazetteer[m.entity_id].entity_type == "LOC" and not gazetteer[m.entity_id].country_code]
    if seas and _MARITIME.search(re.sub("|".join(re.escape(m.surface) for m in seas), " ", sentence)):  # not "Red Sea state"
        places = seas[:1]  # an attack on shipping happens at sea, whatever coast is named beside it
    by_country: dict[str | None, list[Mention]] = {}
    for m in places:
        by_country.setdefault(gazetteer[m.entity_id].country_code or country_from_context(body, start, m, mentions, gazetteer), []).append(m)
    if not places:
        # "Iraqi military bases": a demonym on a place noun says the country, not the place
        for m in mentions:
            e = gazetteer[m.entity_id]
            if e.entity_type == "NORP" and e.country_code and e.country_code != "US" and _PLACE_NOUN.match(body, m.end):
                by_country.setdefault(e.country_code, [])
    outcome = read_outcome(sentence, lex)
    count = count_attacks(sentence) if single else 1
    groups = place_groups(by_country, gazetteer, coordinated_places(doc, start, places))
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
