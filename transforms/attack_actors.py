"""Who attacked and whom: the attacker and target roles of one attack (component `attacks`).

An armed group named in the sentence, the subject or agent of the trigger, a state that possesses
the attack noun, a claim of responsibility (data/en/attack_roles.jsonl); a demonym stands for its
country unless it only gives a nationality or a make (data/en/attack_lexicon.json
`nationality_after`, `not_actor_after`). A name that stands where a place stands is no actor.
"""

from __future__ import annotations

import re

from transforms.attack_detect import Clause
from transforms.attack_lexicon import Lexicon, lexicon
from transforms.attack_places import PLACE_TYPES
from transforms.dates import wire_services
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.ner import common_words

_NOT_PERPETRATOR_BEFORE = re.compile(r"\b(against|fighting|on|targeting|at|to|with|from|of)\s+(the\s+)?$", re.I)
_SHIP_NAME = re.compile(r"^(?:USS|USNS|HMS|HMCS|INS|FS|ITS|MV|MT)\s")


def named_attacker(body: str, start: int, end: int, mentions: list[Mention], gazetteer, lex: Lexicon,
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
            return actor_id(body, m, gazetteer, lex, mentions)
    return None


def claimed_by(body: str, start: int, end: int, mentions: list[Mention], gazetteer, lex: Lexicon,
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
            if rule.names(body, start, m) and (actor := actor_id(body, m, gazetteer, lex, names)):
                return actor
    return None


def actor_id(body: str, m: Mention, gazetteer, lex: Lexicon, mentions: list[Mention] = ()) -> str | None:
    """The entity a name of an attacker stands for: itself, or a demonym's country. A demonym
    or a country's name names no actor in a compound adjective ("Iranian-made", "Iran-aligned"), the armed group named right after it
    when there is one ("Kenyan al-Shabaab recruits": the group's origin), and no state when it
    gives the nationality of people who are not a state's forces ("Somali militants", "Ethiopian
    herders": attack_lexicon.json `nationality_after`)."""
    e = gazetteer[m.entity_id]
    after = body[m.end:m.end + 60]
    if lex.not_actor_after.match(after) and e.entity_type in ("NORP", "GPE"):  # "Iran-aligned militias": not Iran
        return None
    if e.entity_type != "NORP":
        return m.entity_id
    group = next((n.entity_id for n in mentions if n.start > m.end and n.entity_id in lex.armed_groups
                  and body[m.end:n.start].strip() == ""), None)
    if group:
        return group
    return None if lex.nationality_after.match(after) else country_of_demonym(e, gazetteer)


def parsed_actor(doc, nouns: list, start: int, mentions: list[Mention], gazetteer, exclude: str | None = None,
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
                if e.entity_type == "NORP" and country_of_demonym(e, gazetteer) and not lex.not_actor_after.match(after) \
                        and not (attacker and lex.nationality_after.match(after)):
                    return country_of_demonym(e, gazetteer)
    return None


def agent_nouns(doc, group: list[Clause]) -> list:
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


def possessing_state(doc, start: int, group: list[Clause], mentions: list[Mention], gazetteer) -> str | None:
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


def phrase_starts(doc, start: int, nouns: list) -> frozenset[int]:
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


def may_act(body: str, floor: int, m: Mention, gazetteer) -> bool:
    """Whether mention `m` can fill an actor role (attacker or target): an organisation, a
    person, a group or nationality, or a state (a country name), unless it stands where a
    place stands ("near Djibo", "in the village of X", "Shaykh area": attack_lexicon.json
    `place_before_actor`, `place_after_actor`; for a country also "at", "into": `place_before_country`),
    whatever type the model gave it; nor is a news agency (data/wire_services.csv: "(Reuters)",
    "(PTI)"). A place below a country (a city, a district, a base, a
    sea) is never an actor: a named ship is a target of its own kind (`ship_target`); nor is a
    name the model found that is one ordinary word ("Bandits attacked ...": `ner.common_words`).
    `floor`: where the sentence starts (the text looked at before the name does not cross it)."""
    e = gazetteer[m.entity_id]
    if e.entity_type in PLACE_TYPES and not e.is_country:
        return False
    if m.surface in wire_services() or e.name in wire_services():
        return False  # "(Reuters)", "(PTI)": the news agency of a wire credit reports, it never acts
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


def country_of_demonym(demonym: Entity, gazetteer) -> str | None:
    """The country entity a demonym names ("Russian forces": gpe:ru), when the gazetteer has it:
    an event names no id that `entities` lacks."""
    entity_id = f"gpe:{demonym.country_code.lower()}" if demonym.country_code else None
    return entity_id if entity_id in gazetteer else None


def ship_target(mentions: list[Mention], gazetteer) -> str | None:
    """A named warship in the sentence is what was attacked ("USS Carney", "HMS Diamond")."""
    return next((m.entity_id for m in mentions if gazetteer[m.entity_id].entity_type == "FAC"
                 and _SHIP_NAME.match(gazetteer[m.entity_id].name)), None)
