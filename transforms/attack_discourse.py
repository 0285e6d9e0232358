"""How a sentence stands to the attack just told: whether it points back at it, contradicts it,
denies it or only gives its toll, and whether it reports a real scene at all (component `attacks`).
"""

from __future__ import annotations

import re

from transforms import context, event_dates
from transforms.attack_detect import Clause, lemma_of
from transforms.attack_lexicon import Lexicon
from transforms.attack_places import scene_places
from transforms.attack_rows import AttackEvent
from transforms.attack_rules import Rules, rules
from transforms.attack_weapons import weapons_of
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.tallies import is_tally_sentence
from transforms.tally_reading import counts_own_items
from transforms.timex import Timex

_FINITE = frozenset({"VBD", "VBN", "VBZ", "VBP"})  # Penn tags of a verb that reports, not describes
SHIP_ANAPHOR = re.compile(r"\b(?:the|a)\s+(?:ship|vessel|warship|destroyer|tanker|cargo\s+ship)\b", re.I)
_DENIED = "denied or refuted"  # the reason of the attack_cues.jsonl rules on denials


def denies_last(doc, dropped: list) -> bool:
    """Whether a sentence that reports no attack denies the one just told: a trigger dropped as
    denied that names it with a definite noun ("denied carrying out the strike"), or whose attack
    noun or patient denies there was any ("denied that any attack had taken place", "denied that
    the vessel had been attacked"), or a negated attack verb whose munition or attack noun says
    there was none ("said no rockets had been fired"): attack_words.json `denial_determiners`."""
    r = rules()
    denied = {d.lemma for d in dropped if d.reason == _DENIED}
    if denied and points_back(doc, denied, r):
        return True
    none = _denial_determiners()

    def marked(t, words) -> bool:
        return any(c.dep_ == "det" and lemma_of(c) in words for c in t.children)

    for d in dropped:
        t = doc[d.trigger]
        said = [t] + [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if d.reason == _DENIED and any(marked(x, none | r.definite) for x in said):
            return True  # "denied that any attack took place", "denied that the vessel had been attacked"
        if d.reason == "negated" and d.lemma not in r.harm and any(marked(x, none) for x in said):
            return True  # "no rockets had been fired"; not "no one was killed"
    return False


def _denial_determiners() -> frozenset[str]:
    import json
    from transforms.attack_rules import _path
    from transforms.resources import data_text
    return frozenset(json.loads(data_text(_path("attack_words.json")))["denial_determiners"])


def points_back(doc, lemmas: set[str], r: Rules) -> bool:
    """Whether the sentence names the event just told with a definite noun ("the incident", or
    "the explosion" among `lemmas`): a sentence whose triggers all have a non-violent sense and
    does so says that the blast told before was no attack; one after a non-violent event that
    does so tells more of it."""
    nouns = lemmas | r.event_nouns
    return any(lemma_of(t) in nouns and any(c.dep_ == "det" and lemma_of(c) in r.definite for c in t.children)
               and not any(lemma_of(c) in r.new_event for c in t.children) for t in doc)


def under_claim(doc, clauses: list[Clause], r: Rules) -> bool:
    """Whether every attack word of the sentence hangs on a verb of claiming or blaming
    (attack_words.json `claim_verbs`: "JNIM claimed the ambush on Wednesday", "claimed
    responsibility for the attack"): a day the sentence names is the claim's, not the attack's."""
    def verb_above(token):
        return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return bool(clauses) and all((v := verb_above(doc[c.trigger])) is not None and lemma_of(v) in r.claim_verbs
                                 for c in clauses)


def same_time(own: event_dates.EventDate | None, last: AttackEvent) -> bool:
    """Whether a sentence's own date names no new day: none, or one inside the last event's range."""
    return own is None or (last.date_min <= own.date_min and own.date_max <= last.date_max)


def only_toll(doc, clauses: list[Clause]) -> bool:
    """Whether the sentence's attacks are only harm words ("were killed and wounded") with no
    weapon of their own: a toll, which tells of whatever event was just reported."""
    r = rules()
    return all(c.lemma in r.harm for c in clauses) and not weapons_of(doc, clauses, r)


def contradicts(last: AttackEvent, own: event_dates.EventDate | None, body: str, start: int,
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
    for m in scene_places(body, start, mentions, gazetteer, lex):
        e = gazetteer[m.entity_id]
        if e.country_code and last.country_code and e.country_code != last.country_code:
            return True
        if e.entity_type == "FAC" and m.entity_id != last.location_id:
            return True
    return False


def anchored(body: str, start: int, end: int, mentions: list[Mention], timexes: list[Timex], lex: Lexicon,
             doc, clauses: list[Clause]) -> bool:
    """An attack report is about a real scene: a trigger verb in a finite or past form ("gunmen
    attacked", "raiders attack civilians" in a headline), a time, a place, a target or an
    outcome (not "drone attacks are a growing threat"); an official tally is not one attack, nor is
    a roundup's count of the attacks it goes on to tell one by one ("This week's roundup covers five attacks")."""
    sentence = body[start:end]
    if is_tally_sentence(sentence) or counts_own_items(sentence):
        return False
    return bool(any(doc[c.trigger].tag_ in _FINITE or _under_past_verb(doc[c.trigger]) for c in clauses) or timexes or lex.specific.search(sentence) or lex.target_us.search(sentence)
                or any(m.entity_id.startswith(("fac:", "gpe:geonames-")) or m.entity_id.count(":") and
                       context.is_locative(body, m, start) for m in mentions)
                or SHIP_ANAPHOR.search(sentence) or any(p.search(sentence) for _, p in lex.outcomes))


def _under_past_verb(token) -> bool:
    """ "kidnapped a driver after assaulting him": a participle or gerund trigger whose nearest
    verb above it is in the past tense tells of a scene, as a finite trigger does."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBG", "VBN"):
        return False
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and verb.tag_ == "VBD"
