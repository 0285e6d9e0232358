"""Who denies having done an attack the sentence still reports (component `attacks`).

"The Taliban denied carrying out Saturday's bombing in Jalalabad, which killed four": the bombing
happened (attack_cues.jsonl `unless_agent` keeps it), and the one who denies it is no attacker by
these words. Source: the s10 testers' reports, denials of responsibility read as the attacker's own
account.
"""

from __future__ import annotations

from transforms.attack_detect import Clause, lemma_of
from transforms.attack_rules import Rules

_SUBJECTS = ("nsubj", "nsubjpass")


def deniers(doc, start: int, group: list[Clause], rules: Rules) -> frozenset[int]:
    """The body offsets (`start` is the sentence's) of the words naming who denies a part in the
    attacks of `group`: the subject of a denial word (a cue with `unless_agent`) above a trigger."""
    words = frozenset().union(*(c.lemmas for c in rules.cues if c.unless_agent))
    out: set[int] = set()
    for c in group:
        for a in doc[c.trigger].ancestors:
            if lemma_of(a) in words:
                out |= {start + x.idx for k in a.children if k.dep_ in _SUBJECTS for x in k.subtree}
    return frozenset(out)
