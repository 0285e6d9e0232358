"""Readings of the words around a place mention that decide what role the place plays."""

from __future__ import annotations

import re

from transforms.entities import Mention

_AFFILIATION_AFTER = re.compile(r"-(backed|aligned|supported|sponsored|led|funded|allied|affiliated|linked)\b", re.I)
_MODIFIED_NOUN_AFTER = re.compile(
    r"(['’]s)?\s+(forces?|troops?|military|personnel|officials?|government|warships?|ships?|navy|bases?|embassy|"
    r"soldiers|army|war|strikes?|airstrikes?|service|administration|authorities|diplomats?|citizens?|nationals?|"
    r"response|support|policy|intelligence|leaders?|president|defen[sc]e|allies|partners|interests|proxies|"
    r"counterparts?|warplanes?|aircraft|fighter|jets?|drones?|destroyer|assets|position|positions)\b", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(in|at|near|on|inside|outside|across|within|around|into|over)\s+(the\s+)?$", re.I)


def is_affiliation(text: str, m: Mention) -> bool:
    """'Iran-backed militias': the place names a sponsor, not where anything happened."""
    return bool(_AFFILIATION_AFTER.match(text, m.end))


def is_modifier(text: str, m: Mention) -> bool:
    """'US forces', 'at a U.S. base', 'Iraq's government': a place name modifying a noun."""
    return bool(_MODIFIED_NOUN_AFTER.match(text, m.end))


def is_locative(text: str, m: Mention, floor: int = 0) -> bool:
    """Preceded by 'in', 'at', 'near' ...: the mention is where something is."""
    return bool(_LOCATIVE_BEFORE.search(text[max(floor, m.start - 12):m.start]))


_BACKGROUND_BEFORE = re.compile(r"\b(?:war|conflict|fighting|crisis|offensive|invasion|campaign)\s+in\s+(?:the\s+)?$", re.I)


def is_background(text: str, m: Mention, floor: int = 0) -> bool:
    """ "since the war in Gaza began": the place of the wider war, not of this attack."""
    return bool(_BACKGROUND_BEFORE.search(text[max(floor, m.start - 25):m.start]))
