"""The English attack lexicon: data/en/attack_lexicon.json, attack_roles.jsonl, note_labels.jsonl and
the armed groups, compiled once (component `attacks`).

The patterns say what makes a report specific, which outcome a sentence tells, who is named as the
attacker or the target, and where a name stands for a place rather than an actor. Rules live in the
data files; this module only compiles them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from transforms import armed_groups
from transforms.entities import Mention
from transforms.resources import data_text, jsonl

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
