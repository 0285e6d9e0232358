"""Readings of the words around a place mention that decide what role the place plays."""

from __future__ import annotations

import re

from transforms.entities import Mention

# ("a Liberia-flagged bulk carrier", "a Greek-owned tanker": a ship's flag or owner is no place of the attack)
_AFFILIATION_AFTER = re.compile(r"-(backed|aligned|supported|sponsored|led|funded|allied|affiliated|linked|flagged|"
                                r"owned|registered|operated)\b", re.I)
_MODIFIED_NOUN_AFTER = re.compile(  # "French or Burkinabe forces", "US and Iraqi troops": each modifies the noun
    r"(['’]s)?(?:\s*(?:,|\band\b|\bor\b|and/or|&)\s*(?-i:[A-Z])[\w'’.-]*)*\s+(forces?|troops?|military|personnel|officials?|government|warships?|ships?|navy|bases?|embass(?:y|ies)|consulates?|missions?|"
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


# "near the Kenya-Somalia border", "Kenya's border with Somalia and Ethiopia": the countries a border
# divides say which frontier, not on which side of it the attack was
_BORDER_AFTER = re.compile(r"(?:['’]s)?(?:\s*[-–/]\s*[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?)*\s+(?:border|frontier)s?\b")
_BORDER_BEFORE = re.compile(r"\b(?:borders?|frontiers?)\s+(?:with|between)\s+(?:[A-Z][\w'’]*\s+(?:and|or)\s+)?$")


# "raiders from Tanzania", "fighters who came out of Somalia": where the attackers came from, not where
# they struck; "15 km from Garissa" measures a distance from a place and is not an origin
# ("a clan of Somalia", "nationals of Yemen": whose people they are, not where they struck)
_ORIGIN_BEFORE = re.compile(r"(?<!\bkm\s)(?<!\bmiles\s)(?<!metres\s)(?<!meters\s)\b(?:from|out\s+of|"
                            r"(?:clans?|tribe|tribes|tribesmen|nationals|citizens|natives|refugees)\s+of)\s+(?:the\s+)?$", re.I)


def is_origin(text: str, m: Mention) -> bool:
    """ "Armed raiders from Tanzania": the place names where an actor came from."""
    return bool(_ORIGIN_BEFORE.search(text[max(0, m.start - 24):m.start]))


def is_border(text: str, m: Mention) -> bool:
    """ "the Kenya - Somalia border", "its border with Somalia": a country named as one side of a border."""
    return bool(_BORDER_AFTER.match(text, m.end) or _BORDER_BEFORE.search(text[max(0, m.start - 40):m.start]))
