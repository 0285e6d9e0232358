"""Where the attacks of one sentence happened, and how many rows their places make (component `attacks`).

A name is a place of the attack unless it says who did it, whom it targeted, where it came from
or what war it belongs to (data/en/attack_lexicon.json `origin_before_place`,
`target_before_place`; `transforms.context`). Attacks on two named facilities, on places named as
conjuncts of one another, or in two countries are a row each (ACLED codes an event per location).
"""

from __future__ import annotations

import re

from transforms import context
from transforms.attack_detect import Clause
from transforms.attack_groups import own_places
from transforms.attack_lexicon import Lexicon
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.institution_owner import owns_institution

PLACE_TYPES = ("FAC", "GPE", "LOC")
_SPECIFICITY = {"FAC": 4, "GPE": 3, "LOC": 2}
BASE_ANAPHOR = re.compile(r"\bthe\s+(?:same\s+)?(?:air\s?base|base|garrison|installation|facility|outpost|camp)\b", re.I)


def scene_places(body: str, start: int, mentions: list[Mention], gazetteer, lex: Lexicon,
                 exclude: tuple = ()) -> list[Mention]:
    """The mentions that say where the attack happened (not who did it, whom it targeted,
    where it came from, or what war it belongs to)."""
    return [m for m in mentions if gazetteer[m.entity_id].entity_type in PLACE_TYPES
            and not _is_origin_or_target(body, start, m, lex)
            and not lex.not_actor_after.match(body[m.end:m.end + 40])  # "a Liberia-flagged ship": its flag, not its place
            and not context.is_background(body, m, start)
            and not (gazetteer[m.entity_id].entity_type == "GPE" and context.is_modifier(body, m))
            and not (gazetteer[m.entity_id].is_country and owns_institution(body, m))  # "Ukraine's Security Service"
            and not (gazetteer[m.entity_id].is_country and context.is_border(body, m))
            and (m.entity_id not in exclude or context.is_locative(body, m, start))]


def _is_origin_or_target(body: str, sentence_start: int, m: Mention, lex: Lexicon) -> bool:
    before = body[max(sentence_start, m.start - 20):m.start]  # ("tribesmen of the ": 17)
    return bool(lex.origin_before.search(before) or context.is_affiliation(body, m)
                or lex.target_before.search(before) and m.entity_id.startswith("gpe:il"))


def own_places_first(doc, start: int, end: int, group: list[Clause], places: list[Mention]) -> list[Mention]:
    """The places of the sentence's one attack: those its own clause names ("fighting erupted in
    A while the army bombed B": B), else, when its clause names a place of its own the
    gazetteer lacks ("bombed Tessalit"), none, else every place of the sentence ("the attack
    took place in A"). A place from before the sentence ("targeted the base": the base named
    before it) stays one of them."""
    inside = [m for m in places if start <= m.start < end]
    before = [m for m in places if not start <= m.start < end]
    owned = [m for m, k in zip(inside, mention_owners(doc, start, [group], inside)) if k == 0]
    if owned:
        return owned + before
    return before if own_places(doc, group) else places


def mention_owners(doc, start: int, attacks: list[list[Clause]], mentions: list[Mention]) -> list[int | None]:
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


def antecedent_facility(body: str, start: int, end: int, mentions: list[Mention],
                        gazetteer: dict[str, Entity]) -> list[Mention]:
    """ "targeted the base": the facility named last before it in the same paragraph."""
    if not BASE_ANAPHOR.search(body, start, end):
        return []
    if any(start <= m.start < end and gazetteer[m.entity_id].entity_type == "FAC" for m in mentions):
        return []
    paragraph_start = body.rfind("\n", 0, start) + 1
    before = [m for m in mentions if paragraph_start <= m.start < start and gazetteer[m.entity_id].entity_type == "FAC"]
    return before[-1:]

_OBJECT_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})  # where an object of an attack lies

def place_groups(by_country: dict[str | None, list[Mention]], gazetteer: dict[str, Entity],
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


def coordinated_places(doc, start: int, places: list[Mention]) -> frozenset[str]:
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
            if a != b and y.dep_ == "conj" and y.head.i == x.i and not any(t.lower_ == "between" for t in x.ancestors) \
                    and not _one_region(x):
                out |= {a, b}  # not "the road between A and B", "the border between A and B governorates": one place
            elif a != b and _places_of_conjoined_objects(x, y):
                out |= {a, b}  # "an army base in Bannu and a police checkpoint in Lakki Marwat": two scenes
    return frozenset(out)


def _places_of_conjoined_objects(x, y) -> bool:
    """Whether place name `y` is the place of an object coordinated after the phrase that holds
    place name `x` ("attacked a church in A and a mosque in B", however the parser hangs the
    first "in A": on the church, on the verb, with the mosque as a conjunct of A, of the church or
    of the verb): each object with its own town, two scenes. One town after both nouns ("a church
    and a mosque in A") is one scene. Source: the s10 testers' two attacks of one sentence."""
    if not x.i < y.i or not all(p.dep_ == "pobj" and p.head.dep_ == "prep"
                                and p.head.lower_ in _OBJECT_PLACE_PREPOSITIONS for p in (x, y)):
        return False
    second = y.head.head  # the noun "in B" describes
    first = x.head.head  # the noun, or the verb, "in A" hangs on
    return second.pos_ in ("NOUN", "PROPN") and second.dep_ == "conj" and x.i < second.i < y.i \
        and second.head.i in (x.i, first.i)


def _one_region(x) -> bool:
    """ "Kulgam district of Jammu and Kashmir": conjoined names after "of" on a singular noun
    ("district", "state", "region") name the one place it lies in, not two places ("the provinces
    of Khost and Paktika" are two)."""
    return x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.tag_ == "NN"


def _specificity(entity: Entity) -> int:
    return 1 if entity.is_country else _SPECIFICITY[entity.entity_type]


def country_from_context(body: str, start: int, m: Mention, mentions: list[Mention], gazetteer) -> str | None:
    """ "the northern Israeli town of Kiryat Shmona", "a Malian army base near X": the demonym before
    the place noun."""
    for n in mentions:
        e = gazetteer[n.entity_id]
        if e.entity_type == "NORP" and e.country_code and start <= n.end <= m.start and m.start - n.end < 30 \
                and re.match(r"\s+(?:(?!(?:near|outside|of|in|at)\b)\w+\s+){0,3}?(?:town|city|village|region|province|port|area|district|base|border)"
                             r"\s+(?:of|near|outside)\s+$", body[n.end:m.start]):
            # (the demonym's noun is the place's: not "a convoy of American soldiers near the village of X", #s10 kind 3)
            return e.country_code
    return None
