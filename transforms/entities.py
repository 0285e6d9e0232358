"""Entity mentions: every surface in a body resolved to a canonical entity id.

Matching is exact and case-sensitive on gazetteer aliases, longest alias first, so
"Islamic Resistance in Iraq" is one ORG and adds no Iraq, and "US" never matches "us".
Two rules extend it: a formal title attached to a person joins the mention ("Brig. Gen.
Pat Ryder"), and a surname alone refers to the person named in full earlier in the same
article ("Ryder" after "Patrick Ryder").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.gazetteer import Entity, load_gazetteer
from transforms.resources import word_list

_WORD = r"[\w'’]"
# After an alias: no word character, no apostrophe unless it is a possessive ('s), and no
# hyphen + capital ("Iran-Iraq" is not "Iran"); "Iran-backed" and "Biden’s" do match.
_ALIAS_END = r"(?![\w]|['’](?!s\b)|-[A-Z])"


@dataclass(frozen=True)
class Mention:
    entity_id: str
    surface: str
    start: int
    end: int


class EntityMatcher:
    """Finds gazetteer mentions in text. Build once (it compiles the alias pattern), reuse."""

    def __init__(self, gazetteer: dict[str, Entity]):
        self.gazetteer = gazetteer
        self._by_alias: dict[str, str] = {}
        for e in gazetteer.values():
            for alias in e.aliases:
                self._by_alias.setdefault(alias, e.entity_id)
        aliases = sorted(self._by_alias, key=len, reverse=True)
        self._pattern = re.compile(rf"(?<!{_WORD})(?:{'|'.join(map(re.escape, aliases))}){_ALIAS_END}")
        titles = sorted(word_list("titles.txt"), key=len, reverse=True)
        self._title_before = re.compile(rf"(?:{'|'.join(map(re.escape, titles))})\s+$")

    def find(self, text: str) -> list[Mention]:
        mentions = [self._mention(m.start(), m.end(), text) for m in self._pattern.finditer(text)]
        mentions += self._surname_mentions(text, mentions)
        return sorted(mentions, key=lambda m: m.start)

    def _mention(self, start: int, end: int, text: str) -> Mention:
        entity_id = self._by_alias[text[start:end]]
        if self.gazetteer[entity_id].entity_type == "PERSON":
            title = self._title_before.search(text, max(0, start - 40), start)
            if title:
                start = title.start()
        return Mention(entity_id, text[start:end], start, end)

    def _surname_mentions(self, text: str, found: list[Mention]) -> list[Mention]:
        surnames: dict[str, str] = {}
        for m in found:
            entity = self.gazetteer[m.entity_id]
            parts = entity.name.split()
            if entity.entity_type == "PERSON" and len(parts) >= 2:
                surnames.setdefault(" ".join(parts[1:]) if parts[1][0].islower() else parts[-1], m.entity_id)
        if not surnames:
            return []
        taken = [(m.start, m.end) for m in found]
        pattern = re.compile(rf"(?<!{_WORD})(?:{'|'.join(map(re.escape, surnames))}){_ALIAS_END}")
        extra = []
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                extra.append(Mention(surnames[m.group(0)], m.group(0), m.start(), m.end()))
        return extra


@cache
def default_matcher() -> EntityMatcher:
    return EntityMatcher(load_gazetteer())
