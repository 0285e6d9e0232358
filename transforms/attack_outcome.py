"""What an attack sentence says came of it, and how many attacks it tells (component `attacks`).

The outcome patterns are data (data/en/attack_lexicon.json `outcomes`, `no_damage`); their order
is their precedence.
"""

from __future__ import annotations

import re

from transforms.attack_lexicon import Lexicon

_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a dozen": 12}


def read_outcome(sentence: str, lex: Lexicon) -> str:
    """Precedence deaths > injuries > damage > intercepted > no damage; "no casualties" is no damage."""
    affirmed = lex.no_damage.sub(" ", sentence)
    for outcome, pattern in lex.outcomes:
        if pattern.search(affirmed):
            return outcome
    return "no damage" if affirmed != sentence else "unknown"


def count_attacks(sentence: str) -> int | None:
    """How many attacks: "two drone attacks" -> 2; one weapon named singly ("a drone struck") -> 1."""
    m = re.search(r"\b(a dozen|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+){0,2}?"
                  r"(attacks?|strikes?|drones?|rockets?|missiles?)\b", sentence, re.I)
    if not m:
        return None
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else _COUNT_WORDS[word]
    return n if m.group(2).lower().startswith(("attack", "strike")) or n == 1 else 1
