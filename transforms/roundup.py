"""Roundups and monitoring summaries: an article that lists several attacks, one per paragraph or
bullet, each led by its place ("Borno: ISWAP fighters ...", "Beni territory. Fighters ..."), under
headings in capitals that name a country ("NIGERIA" alone on a line).

Each item is a report of its own: its place is the one it names, or its lead's, inside the country
of the heading above it, never the place of the item before it (`place_by_item`). The words of the
layout are data (data/en/roundup.json). A text is a roundup only when at least `min_items`
paragraphs open with a distinct lead in title case: one lead is a dateline ("QUETTA: ..."), leads
in capitals or repeated are a transcript's speakers ("ANCHOR:", "Omar:").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from transforms.geonames import lookup, name_key
from transforms.ner import NerSpan
from transforms.ner_gate import explained_words, is_common
from transforms.resources import data_text


@dataclass(frozen=True)
class Item:
    """One item of a roundup: its text runs from `start` to `end` (to the next item or heading);
    `lead` is the (start, end) of its leading name ("Borno"), `heading` that of the capitals
    heading it stands under, or None."""
    start: int
    end: int
    lead: tuple[int, int]
    heading: tuple[int, int] | None


@cache
def _layout() -> tuple[dict, re.Pattern, re.Pattern]:
    """The data of data/en/roundup.json and the patterns of an item's first line and of a heading."""
    raw = json.loads(data_text("en/roundup.json"))
    bullets = "|".join(map(re.escape, raw["bullets"]))
    ends = "|".join(map(re.escape, sorted(raw["lead_ends"], key=len, reverse=True)))
    word = r"[^\W\d_][\w'’-]*"
    # after a colon the item may go on in lower case ("Zamfara: no new abductions"); after a full
    # stop or a dash a sentence begins
    item = re.compile(rf"^[ \t]*(?:(?:{bullets})[ \t]+)?({word}(?:[ \t]+{word}){{0,4}})"
                      rf"(?::[ \t]+(?=\S)|(?:{ends})[ \t]+(?=[\"“'‘(]?[A-Z0-9]))", re.M)
    heading = re.compile(rf"^[ \t]*({word}(?:[ \t]+{word}){{0,{raw['heading_max_words'] - 1}}})[ \t]*$", re.M)
    return raw, item, heading


def _is_lead(name: str) -> bool:
    """A lead names a place or a section in title case: "Borno", "Beni territory", "Norte de
    Santander", "Trend"; not a sentence ("He said"), not capitals ("ANCHOR", "QUETTA")."""
    raw, _, _ = _layout()
    lower = set(raw["lead_lower_words"])
    words = name.split()
    return not name.isupper() and all(w[0].isupper() or w in lower for w in words) \
        and not all(w in lower for w in words) and words[0].rstrip(".") not in explained_words()


def headings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each heading in capitals on a line of its own between blank lines or paragraphs."""
    _, _, heading = _layout()
    return [m.span(1) for m in heading.finditer(text) if len(m.group(1)) >= 3 and m.group(1).isupper()]


def items(text: str) -> list[Item]:
    """The items of a roundup in text order; [] when the text is not one (fewer than `min_items`
    paragraphs open with a lead, or a lead repeats)."""
    raw, item, _ = _layout()
    found = []
    for m in item.finditer(text):
        # (not on the first line: a headline "Monitoring Summary: Nigeria and Colombia")
        if _is_lead(m.group(1)) and 0 < m.start() and text[m.start() - 1] == "\n":
            found.append(m.span(1))
    names = [text[s:e] for s, e in found]
    if len(found) < raw["min_items"] or len(set(names)) < len(names):
        return []
    marks = sorted([(s, e, "lead") for s, e in found] + [(s, e, "heading") for s, e in headings(text)])
    out: list[Item] = []
    heading = None
    for k, (s, e, kind) in enumerate(marks):
        if kind == "heading":
            heading = (s, e)
            continue
        line = text.rfind("\n", 0, s) + 1
        stop = next((text.rfind("\n", 0, s2) + 1 for s2, _, _ in marks[k + 1:]), len(text))
        out.append(Item(line, max(stop, e), (s, e), heading))
    return out


def item_at(found: list[Item], offset: int) -> Item | None:
    """The item whose text holds `offset`, or None."""
    return next((i for i in found if i.start <= offset < i.end), None)


def lead_places(text: str, spans: list[NerSpan], found: list) -> list[NerSpan]:
    """The NER spans of `text` with a roundup's place leads read as places. A lead is a place
    when GeoNames knows its name (`geonames.lookup`; not "Amina Yusuf" in a list of profiles).
    Such a lead no mention (`found`, of the gazetteer) or span covers, and whose capitalised
    words are not all common English words ("Trend", "Key Points"; "Lower Shabelle" is a place),
    is a GPE span; a span that is exactly such a lead ("Zamfara" read as a person; not a full
    name of two words or more) is relabelled GPE. Unchanged when the text is no roundup."""
    leads = [i.lead for i in items(text)]
    if not leads:
        return spans
    known = lookup([text[s:e] for s, e in leads])  # a place GeoNames knows, not a person's name
    leads = [(s, e) for s, e in leads if name_key(text[s:e]) in known]
    out = []
    for s in spans:
        # (a full name read as a person stays one: "Amina Yusuf: the commander ..." in a list of profiles)
        at_lead = (s.start, s.end) in leads and (s.label in ("ORG", "NORP") or s.label == "PERSON" and " " not in s.text)
        out.append(NerSpan(s.start, s.end, s.text, "GPE") if at_lead else s)
    for start, end in leads:
        name = text[start:end]
        if any(x.start < end and start < x.end for x in [*spans, *found]) \
                or all(is_common(w.lower()) for w in name.split() if w[0].isupper()):
            continue
        out.append(NerSpan(start, end, name, "GPE"))
    return sorted(out, key=lambda s: s.start)


def place_by_item(body: str, events: list, mentions: list, is_place, place) -> list:
    """Each event placed within its item: `place(events, mentions)` (`event_places.place_events`
    bound to the article) is called once per item with the item's events and the mentions of the
    item and of its heading, so that an item with no place of its own takes its lead's or its
    heading's country, not the place of the item before it; once more with the events outside any
    item and every mention. The results come back in the order of `events`. A text is read by item
    only when at least two of its leads hold a place (`is_place(mention)`); else `place` is called
    once, as for any article."""
    found = items(body)
    marks = {i.lead for i in found} | {i.heading for i in found if i.heading is not None}
    if sum(any(s <= m.start < e and is_place(m) for m in mentions) for s, e in marks) < _layout()[0]["min_items"]:
        return place(events, mentions)
    groups: dict[Item | None, list[int]] = {}
    for k, e in enumerate(events):
        groups.setdefault(item_at(found, e.start_char), []).append(k)
    out: list = [None] * len(events)
    for item, ks in groups.items():
        scope = mentions if item is None else [
            m for m in mentions if item.start <= m.start < item.end
            or item.heading is not None and item.heading[0] <= m.start < item.heading[1]]
        for k, placed in zip(ks, place([events[k] for k in ks], scope)):
            out[k] = placed
    return out
