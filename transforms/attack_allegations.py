"""An attack told as one party's accusation (component `attacks`).

"In a statement, the RSF accused the army of bombing a village near Bara on the same day.": an
attack that hangs on a verb of accusing (attack_words.json `allegation_verbs`) is reported only by
one side of the conflict. When its words tell it as an event (a target with a named place, a day
of its own: attack_cues.jsonl `unless_stated`) it is an event, marked `disputed` as an account
that only one party gives.
"""

from __future__ import annotations

import json
from functools import cache

from transforms.attack_detect import lemma_of
from transforms.attack_rules import _path
from transforms.resources import data_text


@cache
def _verbs() -> frozenset[str]:
    return frozenset(json.loads(data_text(_path("attack_words.json")))["allegation_verbs"])


def alleged(doc, clauses: list) -> bool:
    """Whether every attack clause of the sentence (`doc`, a spaCy Doc) hangs on a verb of accusing."""
    return bool(clauses) and all(any(lemma_of(a) in _verbs() for a in doc[c.trigger].ancestors) for c in clauses)
