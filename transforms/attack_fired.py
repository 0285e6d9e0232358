"""What was fired is not what was hit: the object of "fired", "launched", "dropped" names the weapon.

"Russia fired two cruise missiles and an Iskander-M at the port": the make of a missile the model
reads as a name ("Iskander-M", "Kalibr", "Shahed") stands in the object of a verb whose object is
the weapon (attack_words.json `weapon_object_verbs`, attack_rules `conduct_verbs`), so it is never
the target; the target is what the "at/on/against" phrase names; else the armed group of those the
sentence says were hurt (component `attacks.v9`).
"""

from __future__ import annotations

from transforms.attack_actors import phrase_starts
from transforms.attack_detect import lemma_of, victims
from transforms.attack_lexicon import lexicon
from transforms.attack_rules import Rules
from transforms.attack_weapons import weapon_object_verbs  # one reader of the list


def hit_nouns(nouns: list, r: Rules) -> list:
    """`nouns` (spaCy tokens, heads of target phrases) less the direct objects of a verb whose
    object is the weapon fired ("fired missiles at a ship": not "missiles"). Order kept."""
    firing = r.conduct_verbs | weapon_object_verbs()
    return [n for n in nouns if not (n.dep_ == "dobj" and lemma_of(n.head) in firing)]


def victims_group(doc, start: int, mentions: list, attacker: str | None, r: Rules) -> str | None:
    """The armed group a phrase of those hurt starts with ("a Hezbollah commander killed in an
    Israeli strike", "killing two al-Shabaab fighters"): the target when nothing else named one;
    None when there is none, or it is the `attacker`. `start` is the sentence's body offset."""
    starts = phrase_starts(doc, start, victims(doc, r))
    return next((m.entity_id for m in mentions if m.start in starts and m.entity_id in lexicon().armed_groups
                 and m.entity_id != attacker), None)
